"""Rows written straight into an older schema's file (before the models knew the newer columns), for the
migration tests: what every schema since 7 has in common."""

from __future__ import annotations

from peewee import SqliteDatabase

COMMON = "uuid, created_at, updated_at, updated_by, version"


def insert_customer(db: SqliteDatabase, uid: str, name: str, owner_id: int | None = None) -> None:
    """An active company customer of tier A, created on 1 January 2026, with empty stored keys."""
    db.execute_sql(f"INSERT INTO customer ({COMMON}, name, kind, owner_id, tier, stage, industry, source, address, "
                   "city, region, phone, email, website, notes, name_norm, name_pinyin, name_initials, "
                   "phone_digits, sort_key, open_feedback) VALUES (?, '2026-01-01', '2026-01-01', '', 1, ?, "
                   "'company', ?, 'A', 'active', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 0)",
                   [uid, name, owner_id])
