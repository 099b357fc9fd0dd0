"""Schema 11 (lunar birthdays): a schema-10 file upgrades with its contacts and their birthdays kept, all Gregorian."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0011_lunar_birthdays
from keepclient.services.workspace import Workspace
from tests.unit.db.old_rows import insert_customer


def test_lunar_birthdays_is_step_11():
    assert migrations.STEPS[10] is m0011_lunar_birthdays and m0011_lunar_birthdays.VERSION == 11


def make_v10_database(path: Path) -> None:
    """A schema-10 file: a customer with two contacts, one with a birthday."""
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.10", target=10)
        common = "uuid, created_at, updated_at, updated_by, version"
        insert_customer(db, "c1", "华信")
        for n, (name, year, month, day) in enumerate((("王芳", 1980, 9, 15), ("刘洋", None, None, None))):
            db.execute_sql(f"INSERT INTO contact ({common}, customer_id, name, title, mobile, phone, email, im_id, "
                           "birthday_year, birthday_month, birthday_day, is_primary, notes) VALUES (?, "
                           "'2026-01-01', '2026-01-01', '', 1, 1, ?, '', '', '', '', '', ?, ?, ?, ?, '')",
                           [f"k{n}", name, year, month, day, n == 0])
    db.close()


def test_schema_10_contacts_keep_their_birthdays_as_gregorian(tmp_path: Path):
    path = tmp_path / "v10.db"
    make_v10_database(path)
    ws = Workspace.open(path, user="王芳")
    try:
        assert ws.upgrade_backup is not None and "before-upgrade-v10" in ws.upgrade_backup.name
        contacts = ws.customers.detail(1).contacts
        assert [(c.name, c.birthday, c.birthday_lunar) for c in contacts] == [("王芳", "1980-09-15", 0),
                                                                            ("刘洋", "", 0)]
        found = ws.visits.care_days(dt.date(2027, 9, 14), dt.date(2027, 9, 16))
        assert [(c.day, c.contact, c.lunar) for c in found] == [(dt.date(2027, 9, 15), "王芳", False)]
        ws.contacts.update(contacts[0].id, contacts[0].version, {"birthday_lunar": 1})  # now 八月十五, lunar
        found = ws.visits.care_days(dt.date(2027, 10, 1), dt.date(2027, 10, 31))
        assert [(c.day, c.lunar) for c in found] == [(dt.date(2027, 10, 14), True)]  # 九月十五: 重阳 (10-08) + 6
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert "contact_lunar_birthday" in {r[1] for r in conn.execute("PRAGMA index_list(contact)")}
    conn.close()
