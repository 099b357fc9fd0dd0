"""Schema 15: a reminder per planned visit or call (issue 17).

- remind_minutes: how many minutes before the visit's start its salesperson is reminded; NULL (every visit so far,
  and the default for visits planned by imports, the CLI or the demo) means no reminder.

Which reminders a user has already seen is not kept here: it is a fact of one person on one computer (two colleagues
on a shared database each need their own notification), so it lives in the user's preferences.
The existing partial indexes on visit (salesperson, planned_start) find a salesperson's coming reminders.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 15
STATEMENTS = (
    'ALTER TABLE "visit" ADD COLUMN "remind_minutes" INTEGER',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
