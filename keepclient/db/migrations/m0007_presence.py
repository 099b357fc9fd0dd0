"""Schema 7: who has the database open (presence), so colleagues on a shared file see each other.

One row per open window: who (the salesperson chosen under View › I am…, else the login), which machine, since
when, and the last heartbeat; rows whose heartbeat is older than a minute are stale and ignored.

And a count of saves (write_count, one row), raised by every write transaction but not by presence heartbeats: a
window watching PRAGMA data_version for colleagues' saves reads it to tell a save from a heartbeat.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 7
STATEMENTS = (
    'CREATE TABLE "presence" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "version" INTEGER NOT '
    'NULL, "who" VARCHAR(255) NOT NULL, "machine" VARCHAR(255) NOT NULL, "since" DATETIME NOT NULL, "seen_at" '
    'DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "presence_uuid" ON "presence" ("uuid")',
    'CREATE INDEX "presence_seen_at" ON "presence" ("seen_at")',
    'CREATE TABLE "write_count" ("id" INTEGER NOT NULL PRIMARY KEY, "writes" INTEGER NOT NULL)',
    'INSERT INTO "write_count" ("id", "writes") VALUES (1, 0)',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
