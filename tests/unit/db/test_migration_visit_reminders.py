"""Schema 15 (visit reminders): a schema-14 file upgrades with its visits kept, none with a reminder; the
reminder can then be set, and is read back through the visit services."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0015_visit_reminders
from keepclient.services.workspace import Workspace
from tests.unit.db.old_rows import insert_customer

START = dt.datetime(2026, 12, 7, 10, 0)


def test_visit_reminders_is_step_15():
    assert migrations.STEPS[14] is m0015_visit_reminders and m0015_visit_reminders.VERSION == 15


def make_v14_database(path: Path) -> None:
    """A schema-14 file: one customer with one planned visit."""
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.14", target=14)
        common = "uuid, created_at, updated_at, updated_by, version"
        insert_customer(db, "c1", "华信")
        db.execute_sql(f"INSERT INTO visit ({common}, customer_id, contact_id, salesperson_id, planned_start, "
                       "duration_minutes, kind, purpose, location, status, outcome, satisfaction, next_follow_up, "
                       "deleted_at, series_id) VALUES ('v1', '2026-01-01', '2026-01-01', '', 2, 1, NULL, NULL, ?, "
                       "60, 'visit', '对账', '', 'planned', '', NULL, NULL, NULL, NULL)", [START])
    db.close()


def test_schema_14_visits_are_kept_without_a_reminder_and_can_get_one(tmp_path: Path):
    path = tmp_path / "v14.db"
    make_v14_database(path)
    ws = Workspace.open(path, user="李娜")
    try:
        assert ws.upgrade_backup is not None and "before-upgrade-v14" in ws.upgrade_backup.name
        (visit,) = ws.visits.between(START, START + dt.timedelta(hours=1))
        assert (visit.purpose, visit.version, visit.remind_minutes) == ("对账", 2, None)
        assert ws.visits.update(visit.id, {"remind_minutes": 30}, version=2) == {visit.id: 3}
        assert ws.visits.get(visit.id).remind_minutes == 30
        (reminder,) = ws.reminders.due(START - dt.timedelta(hours=1), START, None)
        assert (reminder.visit_id, reminder.due_at) == (visit.id, START - dt.timedelta(minutes=30))
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 15
    assert ("remind_minutes", "INTEGER", 0, None) in {
        (r[1], r[2], r[3], r[4]) for r in conn.execute('PRAGMA table_info("visit")')}
    conn.close()
