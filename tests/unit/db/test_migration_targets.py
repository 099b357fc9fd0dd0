"""Schema 12 (KPI targets): a schema-11 file upgrades with its salespeople kept, without targets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0012_targets
from keepclient.services.workspace import Workspace


def test_targets_is_step_12():
    assert migrations.STEPS[11] is m0012_targets and m0012_targets.VERSION == 12


def test_schema_11_salespeople_are_kept_and_get_targets(tmp_path: Path):
    path = tmp_path / "v11.db"
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.11", target=11)
        for n, (name, code, active) in enumerate((("李娜", "LN", 1), ("王强", "WQ", 0))):
            db.execute_sql("INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, code, "
                           "color, email, active) VALUES (?, '2026-01-01', '2026-01-01', '', 3, ?, ?, '#4e79a7', "
                           "'', ?)", [f"s{n}", name, code, active])
    db.close()
    ws = Workspace.open(path, user="李娜")
    try:
        assert ws.upgrade_backup is not None and "before-upgrade-v11" in ws.upgrade_backup.name
        people = ws.team.salespeople(active_only=False)
        assert [(p.name, p.code, p.active) for p in people] == [("李娜", "LN", True), ("王强", "WQ", False)]
        li = people[0].id
        assert ws.team.targets(li) == (0, 0, 3)
        ws.team.set_targets(li, 3, revenue_cents=5_000_000, visits=20)
        assert ws.team.targets(li) == (5_000_000, 20, 4)
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 12
    conn.close()
