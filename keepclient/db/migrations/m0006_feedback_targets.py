"""Schema 6: feedback deadlines (first response, resolution, the next one ahead), how long each step took, the
indexes that let the log filter and sort 200,000 items at once, and the narrow text table its search scans.

Existing feedback gets its deadlines from the default response targets of this version (frozen here: a later
change of the defaults must not rewrite history), counting working time as domain/response_targets.py does.
"""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase

VERSION = 6
TARGETS = {"low": (48, 14), "normal": (24, 7), "high": (8, 3), "urgent": (4, 1)}  # hours, working days
STATEMENTS = (
    'ALTER TABLE "feedback" ADD COLUMN "response_due" DATETIME',
    'ALTER TABLE "feedback" ADD COLUMN "resolution_due" DATETIME',
    'ALTER TABLE "feedback" ADD COLUMN "next_due" DATETIME',
    'ALTER TABLE "feedback" ADD COLUMN "response_hours" REAL',
    'ALTER TABLE "feedback" ADD COLUMN "resolution_hours" REAL',
    'CREATE INDEX "feedback_deleted_at_next_due_received_at" ON "feedback" ("deleted_at", "next_due", '
    '"received_at")',
    'CREATE INDEX "feedback_deleted_at_received_at" ON "feedback" ("deleted_at", "received_at")',
    'CREATE INDEX "feedback_deleted_at_status_next_due" ON "feedback" ("deleted_at", "status", "next_due")',
    'CREATE INDEX "feedback_deleted_at_owner_id_next_due" ON "feedback" ("deleted_at", "owner_id", "next_due")',
    'CREATE INDEX "feedback_deleted_at_category_received_at" ON "feedback" ("deleted_at", "category", '
    '"received_at")',
    'CREATE INDEX "feedback_deleted_at_severity_received_at" ON "feedback" ("deleted_at", "severity", '
    '"received_at")',
    'CREATE INDEX "feedback_deleted_at_kind_received_at" ON "feedback" ("deleted_at", "kind", "received_at")',
    'CREATE INDEX "feedback_deleted_at_response_hours" ON "feedback" ("deleted_at", "response_hours")',
    'CREATE INDEX "feedback_deleted_at_resolution_hours" ON "feedback" ("deleted_at", "resolution_hours")',
    'CREATE INDEX "feedback_deleted_at_description" ON "feedback" ("deleted_at", "description")',
    'CREATE TABLE "feedback_text" ("id" INTEGER NOT NULL PRIMARY KEY REFERENCES "feedback" ("id") '
    'ON DELETE CASCADE, "text" TEXT NOT NULL)',
    'CREATE TRIGGER "feedback_text_insert" AFTER INSERT ON "feedback" BEGIN '
    'INSERT OR REPLACE INTO "feedback_text" ("id", "text") VALUES (new.id, new.description || char(31) || '
    'new.resolution); END',
    'CREATE TRIGGER "feedback_text_update" AFTER UPDATE OF "description", "resolution" ON "feedback" BEGIN '
    'UPDATE "feedback_text" SET "text" = new.description || char(31) || new.resolution WHERE "id" = new.id; END',
    'INSERT INTO "feedback_text" ("id", "text") SELECT id, description || char(31) || resolution FROM feedback',
)


def _working(start: dt.datetime, hours: float) -> dt.datetime:
    """`start` plus `hours` of weekday time (a frozen copy of the rule in domain/response_targets.py)."""
    def monday_if_weekend(moment: dt.datetime) -> dt.datetime:
        if moment.weekday() < 5:
            return moment
        return dt.datetime.combine(moment.date() + dt.timedelta(days=7 - moment.weekday()), dt.time())

    moment, left = monday_if_weekend(start), dt.timedelta(hours=hours)
    while True:
        midnight = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time())
        if moment + left <= midnight:
            return moment + left
        left -= midnight - moment
        moment = monday_if_weekend(midnight)


def _hours(start: dt.datetime, end: str | None) -> float | None:
    return None if end is None else round((dt.datetime.fromisoformat(end) - start).total_seconds() / 3600, 2)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    rows = db.execute_sql("SELECT id, received_at, severity, status, first_response_at, resolved_at "
                          "FROM feedback").fetchall()
    updates = []
    for fid, received, severity, status, first, resolved in rows:
        start = dt.datetime.fromisoformat(received)
        hours, days = TARGETS.get(severity, TARGETS["normal"])
        response, resolution = _working(start, hours), _working(start, days * 24)
        ahead = response if status == "new" else resolution if status == "in_progress" else None
        updates.append((str(response), str(resolution), ahead and str(ahead), _hours(start, first),
                        _hours(start, resolved), fid))
    db.cursor().executemany(
        "UPDATE feedback SET response_due = ?, resolution_due = ?, next_due = ?, response_hours = ?, "
        "resolution_hours = ? WHERE id = ?", updates)
