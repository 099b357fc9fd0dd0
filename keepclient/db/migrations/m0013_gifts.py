"""Schema 13: the gift and greeting log (issue 16, the care calendar).

One row per gift or greeting given to a customer: the day, the occasion (a holiday key of domain/holidays.py such as
"mid_autumn", "birthday", or the words of an event), what was given, its cost in whole cents of the team's currency
(NULL for a greeting or when not known), the contact it went to and the salesperson who gave it. Version-checked and
trashed like purchases. The care lists read "last year's gift for this occasion" through (occasion, date).
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 13
STATEMENTS = (
    'CREATE TABLE IF NOT EXISTS "gift" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, '
    '"version" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "contact_id" INTEGER, "date" DATE NOT NULL, '
    '"occasion" VARCHAR(255) NOT NULL, "item" VARCHAR(255) NOT NULL, "cost_cents" INTEGER, "given_by_id" INTEGER, '
    '"notes" TEXT NOT NULL, "deleted_at" DATETIME, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("given_by_id") REFERENCES "salesperson" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "gift_uuid" ON "gift" ("uuid")',
    'CREATE INDEX IF NOT EXISTS "gift_customer_id_date" ON "gift" ("customer_id", "date")',
    'CREATE INDEX IF NOT EXISTS "gift_occasion_date" ON "gift" ("occasion", "date")',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
