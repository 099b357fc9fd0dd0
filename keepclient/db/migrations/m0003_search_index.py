"""Schema 3: full-text search, surname-aware pinyin, list sort key, open-feedback counts, list indexes.

- customer.sort_key (pinyin for Chinese names) and customer.open_feedback (kept by the services) for the list.
- One index per sortable list column, each led by deleted_at and ending in sort_key (replaces single-column ones).
- People's names starting with a surname of special reading get that reading ("曾" -> zeng).
- The two FTS5 tables of db/search_docs.py, filled for every customer.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 3

DROPPED_INDEXES = ("customer_owner_id", "customer_tier", "customer_stage", "customer_next_follow_up",
                   "customer_deleted_at_name")
LIST_INDEX_COLUMNS = ((), ("tier",), ("stage",), ("owner_id",), ("city",), ("last_contact",), ("next_follow_up",),
                      ("open_feedback",))


def up(db: SqliteDatabase) -> None:
    from keepclient.db import search_docs
    from keepclient.domain.normalize import SURNAME_READINGS, pinyin_keys

    db.execute_sql("ALTER TABLE customer ADD COLUMN sort_key VARCHAR(255) NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE customer ADD COLUMN open_feedback INTEGER NOT NULL DEFAULT 0")
    for name in DROPPED_INDEXES:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for columns in LIST_INDEX_COLUMNS:
        cols = ("deleted_at", *columns, "sort_key")
        db.execute_sql(f'CREATE INDEX "customer_{"_".join(cols)}" ON "customer" ({", ".join(map(repr, cols))})'
                       .replace("'", '"'))

    patterns = " OR ".join("name LIKE ?" for _ in SURNAME_READINGS)
    surnames = [f"{surname}%" for surname in SURNAME_READINGS]
    for table, person_filter in (("contact", ""), ("customer", "kind = 'person' AND ")):
        rows = db.execute_sql(f"SELECT id, name FROM {table} WHERE {person_filter}({patterns})", surnames).fetchall()
        db.cursor().executemany(
            f"UPDATE {table} SET name_pinyin = ?, name_initials = ? WHERE id = ?",
            [(*pinyin_keys(name, person=True), rid) for rid, name in rows],
        )
    db.execute_sql("UPDATE customer SET sort_key = CASE WHEN name_pinyin != '' THEN name_pinyin ELSE name_norm END")
    db.execute_sql(
        "UPDATE customer SET open_feedback = (SELECT count(*) FROM feedback f WHERE f.customer_id = customer.id "
        "AND f.deleted_at IS NULL AND f.status IN ('new', 'in_progress', 'resolved'))"
    )
    for statement in search_docs.CREATE_SQL:
        db.execute_sql(statement)
    search_docs.rebuild(db)
