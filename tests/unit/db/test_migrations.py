"""Schema versions: upgrade with a backup first, refuse what is newer or not ours, never touch refused files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from keepclient.db import (
    feedback_text,
    last_done,
    migrations,
    order_values,
    search_docs,
    visit_months,
    write_count,
)
from keepclient.db.connection import open_database
from keepclient.db.models import ALL_MODELS
from keepclient.domain.errors import ForeignDatabaseError, NotADatabaseError, SchemaTooNewError
from keepclient.services.workspace import Workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_v1_database(path: Path) -> None:
    """A file exactly as keepclient with schema 1 left it, holding a customer and a contact."""
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.0.9", target=1)
        common = "uuid, created_at, updated_at, updated_by, version"
        db.execute_sql(
            f"INSERT INTO customer ({common}, name, kind, tier, stage, industry, source, address, city, region, "
            "phone, email, website, notes) VALUES ('u1', '2025-01-01 10:00:00', '2025-01-01 10:00:00', '', 1, "
            "'张伟贸易', 'company', 'A', 'active', '', '', '', '上海', '', '138-1234-5678', '', '', '')")
        db.execute_sql(
            f"INSERT INTO contact ({common}, customer_id, name, title, mobile, phone, email, im_id, is_primary, "
            "notes) VALUES ('u2', '2025-01-01 10:00:00', '2025-01-01 10:00:00', '', 1, 1, 'Zoë Müller', '', "
            "'+86 139 0000 1111', '', '', '', 1, '')")
    db.close()


def test_old_database_is_backed_up_then_upgraded(tmp_path: Path):
    path = tmp_path / "team.db"
    make_v1_database(path)
    ws = Workspace.open(path, shared=False)
    backup = ws.upgrade_backup
    assert backup is not None and backup.exists() and backup.parent == tmp_path
    assert "before-upgrade-v1" in backup.name
    copy = sqlite3.connect(backup)  # the copy holds the old schema and all the data
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT name, phone FROM customer").fetchall() == [("张伟贸易", "138-1234-5678")]
    assert "name_norm" not in {r[1] for r in copy.execute("PRAGMA table_info(customer)")}
    copy.close()
    assert ws.db.pw.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    row = ws.db.pw.execute_sql(
        "SELECT name_norm, name_pinyin, name_initials, phone_digits FROM customer").fetchone()
    assert row == ("张伟贸易", "zhangweimaoyi", "zwmy", "13812345678")
    assert ws.db.pw.execute_sql("SELECT name_norm, phone_digits FROM contact").fetchone() == (
        "zoemuller", "8613900001111")
    assert ws.check().app_version
    assert ws.customers.detail(1).name == "张伟贸易"
    ws.close()


def test_failed_upgrade_leaves_the_old_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "team.db"
    make_v1_database(path)

    def broken_step(db):
        db.execute_sql("ALTER TABLE customer ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations.STEPS[1], "up", broken_step)
    with pytest.raises(RuntimeError):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {r[1] for r in conn.execute("PRAGMA table_info(customer)")}
    assert "half_done" not in columns and "name_norm" not in columns
    assert conn.execute("SELECT name FROM customer").fetchone() == ("张伟贸易",)
    conn.close()


def test_newer_schema_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(SchemaTooNewError) as caught:
        open_database(path)
    assert "newer keepclient" in caught.value.message()
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("content", [b"not a database at all\n" * 50, b"PK\x03\x04" + bytes(200),
                                     b"SQLite format 3\x00" + b"\xff" * 50])
def test_garbage_is_refused_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "garbage.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert "is not a database file" in caught.value.message()
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.db"]


def test_another_programs_database_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO songs (title) VALUES ('x')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ForeignDatabaseError):
        open_database(path)
    assert _digest(path) == before


def test_empty_file_becomes_a_new_database(tmp_path: Path):
    path = tmp_path / "new.db"
    path.touch()
    db = open_database(path)
    assert db.pw.execute_sql("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    db.close()


def _schema(conn: sqlite3.Connection) -> dict[str, object]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    shape = {}
    for table in tables:
        columns = {(r[1], r[2], r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')}
        indexes = {
            (r[1], r[2], tuple(c[2] for c in conn.execute(f'PRAGMA index_info("{r[1]}")')))
            for r in conn.execute(f'PRAGMA index_list("{table}")')
        }
        keys = {(*r[2:5], r[6]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
        shape[table] = (columns, indexes, keys)
    shape["triggers"] = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    return shape


def test_migrated_schema_matches_the_models(tmp_path: Path):
    """Frozen migration SQL and live models must describe the same tables, columns, indexes and keys."""
    migrated = tmp_path / "migrated.db"
    open_database(migrated).close()
    fresh = SqliteDatabase(str(tmp_path / "models.db"))
    fresh.bind(ALL_MODELS)
    fresh.create_tables(ALL_MODELS)
    for statement in (*search_docs.CREATE_SQL, *feedback_text.CREATE_SQL, *write_count.CREATE_SQL,
                      *order_values.CREATE_SQL, *last_done.CREATE_SQL, *visit_months.CREATE_SQL):
        fresh.execute_sql(statement)
    fresh.close()
    a, b = sqlite3.connect(migrated), sqlite3.connect(tmp_path / "models.db")
    assert _schema(a) == _schema(b)
    a.close()
    b.close()
