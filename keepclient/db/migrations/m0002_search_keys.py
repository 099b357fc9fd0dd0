"""Schema 2: search keys beside customer and contact names and phones (normalized name, pinyin, digits).

Adds the columns and their indexes, then fills them for the rows already there.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 2

KEY_COLUMNS = ("name_norm", "name_pinyin", "name_initials", "phone_digits")
PHONE_COLUMNS = {"customer": ("phone",), "contact": ("mobile", "phone")}


def up(db: SqliteDatabase) -> None:
    from keepclient.domain.normalize import normalize_name, phone_digits, pinyin_keys  # only when upgrading

    for table, phones in PHONE_COLUMNS.items():
        for column in KEY_COLUMNS:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" VARCHAR(255) NOT NULL DEFAULT \'\'')
            db.execute_sql(f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")')
        rows = db.execute_sql(f'SELECT id, name, {", ".join(phones)} FROM "{table}"').fetchall()
        db.cursor().executemany(
            f'UPDATE "{table}" SET name_norm=?, name_pinyin=?, name_initials=?, phone_digits=? WHERE id=?',
            [(normalize_name(name), *pinyin_keys(name), phone_digits(*nums), rid) for rid, name, *nums in rows],
        )
