"""Schema 9: customer value and churn early warning (issue 15), stored on the customer row.

- risk_score (0..100) and risk_reasons (JSON: a list of [key, points, template, [values]], biggest first), with an
  index for the at-risk view sorted by risk (ties by name, like every list sort);
- suggested_tier (A/B/C from the 80/20 rule, NULL until counted) and tier_pinned (the tier was set by hand:
  suggestions leave it unless asked);
- rfm (recency, frequency, monetary scores as three digits, "545"; NULL without orders) and ltv_cents (the
  lifetime value estimate);
- lost_reason (why a customer was marked lost: price, competitor, …; "" otherwise);
- insights_as_of: the day these were computed for. Like the order figures they are derived (no version, no change
  log) and depend on the day, so the column is left empty and the first open computes them.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 9
STATEMENTS = (
    'ALTER TABLE "customer" ADD COLUMN "risk_score" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "risk_reasons" TEXT NOT NULL DEFAULT \'[]\'',
    'ALTER TABLE "customer" ADD COLUMN "suggested_tier" VARCHAR(255)',
    'ALTER TABLE "customer" ADD COLUMN "tier_pinned" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "rfm" VARCHAR(255)',
    'ALTER TABLE "customer" ADD COLUMN "ltv_cents" INTEGER',
    'ALTER TABLE "customer" ADD COLUMN "lost_reason" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "customer" ADD COLUMN "insights_as_of" DATE',
    'CREATE INDEX "customer_deleted_at_risk_score_sort_key" ON "customer" ("deleted_at", "risk_score", "sort_key")',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
