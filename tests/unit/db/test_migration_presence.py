"""Schema 7 (presence): a schema-6 file upgrades with a backup first and keeps its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0007_presence
from keepclient.services.workspace import Workspace


def test_presence_is_step_7():
    assert migrations.STEPS[6] is m0007_presence and m0007_presence.VERSION == 7


def test_schema_6_gets_the_presence_table(tmp_path: Path):
    path = tmp_path / "v6.db"
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.6", target=6)
        db.execute_sql("INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, code, "
                       "color, email, active) VALUES ('s1', '2026-01-01', '2026-01-01', '', 1, '王芳', 'S01', '', "
                       "'', 1)")
    db.close()
    ws = Workspace.open(path, user="王芳")
    assert ws.upgrade_backup is not None and "before-upgrade-v6" in ws.upgrade_backup.name
    assert ws.db.pw.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert [p.name for p in ws.team.salespeople()] == ["王芳"]
    assert ws.presence.checkin("王芳", "PC-1") and ws.presence.others() == []
    ws.close()
    conn = sqlite3.connect(path)
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(presence)")}
    assert {"presence_uuid", "presence_seen_at"} <= indexes
    assert conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 0  # closing checked out
    conn.close()
