"""Schema 12: monthly targets per salesperson (issue 16), what the KPIs hold revenue and visits against.

- monthly_revenue_target_cents: revenue per month in whole cents of the team's currency (0: no target);
- monthly_visit_target: visits done per month (0: no target).

A period's target is the monthly one times the months of the period (pro rata by day: domain/kpis.period_target).
Existing salespeople start without targets.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 12
STATEMENTS = (
    'ALTER TABLE "salesperson" ADD COLUMN "monthly_revenue_target_cents" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "salesperson" ADD COLUMN "monthly_visit_target" INTEGER NOT NULL DEFAULT 0',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
