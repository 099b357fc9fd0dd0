"""Schema 11: contacts' birthdays may be lunar (issue 16).

- birthday_lunar: 0 the birthday is Gregorian (every birthday so far), 1 lunar (birthday_month and birthday_day are
  the lunar month and day, birthday_year the lunar year), 2 lunar in a leap month (domain/lunar.py has the rule for
  the years without that leap month).

A partial index on the lunar ones' (month, day) lets the calendar and the Due panel find the few lunar birthdays of
a period without reading every contact; Gregorian ones keep using contact_birthday_month_birthday_day.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 11
STATEMENTS = (
    'ALTER TABLE "contact" ADD COLUMN "birthday_lunar" INTEGER NOT NULL DEFAULT 0',
    'CREATE INDEX "contact_lunar_birthday" ON "contact" ("birthday_month", "birthday_day") '
    'WHERE "birthday_lunar" <> 0',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
