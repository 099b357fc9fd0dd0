"""Schema 14: what the team KPIs (issue 16) read for a year of a 100,000-customer team in well under a second.

- customer_month: per customer, calendar month and the lines' salesperson (0: lines without one), the revenue in
  whole cents, the month's orders of those lines (lines sharing an order key are one order, else one per day) and,
  for a salesperson's row, how many of those orders also have lines without a salesperson (`shared`: counted once
  when the salesperson owns the customer). Derived like the customer's order figures (db/order_values keeps it on
  every order write): no version, no change log. Filled here from the order lines (a few seconds for a million).
- partial indexes of the rows not in the trash: order lines by day (the edge days of a period, covering), visits by
  customer, status and day (each customer's last done visit) and by salesperson and day (covering), feedback by the
  day received (covering).
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 14
_ORDER = "CASE WHEN {a}.order_key != '' THEN 'n:' || {a}.order_key ELSE 'd:' || {a}.date END"
STATEMENTS = (
    'CREATE TABLE IF NOT EXISTS "customer_month" ("month" TEXT NOT NULL, "salesperson_id" INTEGER NOT NULL, '
    '"customer_id" INTEGER NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE, '
    '"revenue_cents" INTEGER NOT NULL, "orders" INTEGER NOT NULL, "shared" INTEGER NOT NULL, '
    'PRIMARY KEY ("month", "salesperson_id", "customer_id")) WITHOUT ROWID',
    "DELETE FROM customer_month",
    "INSERT INTO customer_month (month, salesperson_id, customer_id, revenue_cents, orders, shared) "
    "SELECT substr(p.date, 1, 7), coalesce(p.salesperson_id, 0), p.customer_id, sum(p.amount_cents), "
    f"count(DISTINCT {_ORDER.format(a='p')}), 0 FROM purchase p WHERE p.deleted_at IS NULL "
    "GROUP BY substr(p.date, 1, 7), coalesce(p.salesperson_id, 0), p.customer_id",
    "UPDATE customer_month SET shared = (SELECT count(*) FROM ("
    f"SELECT {_ORDER.format(a='q')} FROM purchase q WHERE q.customer_id = customer_month.customer_id "
    "AND q.deleted_at IS NULL AND q.salesperson_id = customer_month.salesperson_id "
    "AND q.date >= customer_month.month || '-01' AND q.date < customer_month.month || '-99' INTERSECT "
    f"SELECT {_ORDER.format(a='q')} FROM purchase q WHERE q.customer_id = customer_month.customer_id "
    "AND q.deleted_at IS NULL AND q.salesperson_id IS NULL "
    "AND q.date >= customer_month.month || '-01' AND q.date < customer_month.month || '-99')) "
    "WHERE salesperson_id != 0 AND EXISTS (SELECT 1 FROM customer_month n WHERE n.month = customer_month.month "
    "AND n.salesperson_id = 0 AND n.customer_id = customer_month.customer_id)",
    'CREATE INDEX IF NOT EXISTS "customer_month_customer_id" ON "customer_month" ("customer_id")',
    'CREATE INDEX IF NOT EXISTS "purchase_live_date" ON "purchase" ("date", "salesperson_id", "customer_id", '
    '"order_key", "amount_cents") WHERE "deleted_at" IS NULL',
    'CREATE INDEX IF NOT EXISTS "visit_live_customer_id_status_planned_start" ON "visit" ("customer_id", "status", '
    '"planned_start") WHERE "deleted_at" IS NULL',
    'CREATE INDEX IF NOT EXISTS "visit_live_salesperson_id_planned_start" ON "visit" ("salesperson_id", '
    '"planned_start", "status", "satisfaction") WHERE "deleted_at" IS NULL',
    'CREATE INDEX IF NOT EXISTS "feedback_live_received_at" ON "feedback" ("received_at", "owner_id", '
    '"response_hours", "first_response_at", "response_due", "resolution_hours", "resolved_at", "resolution_due", '
    '"satisfaction") WHERE "deleted_at" IS NULL',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
