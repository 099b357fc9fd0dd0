"""Schema 10: three more order figures on the customer row, kept like the others by db/order_values.

- revenue_total_cents: every purchase ever (the lifetime value's average yearly revenue);
- revenue_prev_12m_cents: the 12 months before the last 12 (churn risk: revenue down year on year);
- first_order: the day of the first purchase (how many years of history the lifetime value rests on).

The full value-and-risk recompute read them by summing every purchase line (1,000,000 lines: a second of its five);
stored, they are counted when an order is written and when the days move on, with the 12-month revenue. The order
figures are marked as not counted yet, so the first open (or command) counts every customer once.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 10
STATEMENTS = (
    'ALTER TABLE "customer" ADD COLUMN "revenue_total_cents" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "revenue_prev_12m_cents" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "first_order" DATE',
    'UPDATE "customer" SET "value_as_of" = NULL',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
