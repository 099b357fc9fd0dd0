"""Schema 5: recurring follow-ups (visit_series, visit.series_id) and an index for the calendar.

The calendar counts and pages a period's visits from (deleted_at, planned_start, salesperson_id) without reading
the visits themselves.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 5
STATEMENTS = (
    'CREATE TABLE "visit_series" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "version" INTEGER NOT '
    'NULL, "every" INTEGER NOT NULL, "unit" VARCHAR(255) NOT NULL, "until" DATE, "count" INTEGER)',
    'CREATE UNIQUE INDEX "visit_series_uuid" ON "visit_series" ("uuid")',
    'ALTER TABLE "visit" ADD COLUMN "series_id" INTEGER REFERENCES "visit_series" ("id") ON DELETE SET NULL',
    'CREATE INDEX "visit_series_id" ON "visit" ("series_id")',
    'CREATE INDEX "visit_deleted_at_planned_start_salesperson_id" ON "visit" ("deleted_at", "planned_start", '
    '"salesperson_id")',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
