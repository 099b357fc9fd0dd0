"""The gift and greeting log: add, edit, remove and restore through version checks; the timeline entry; schema 12
files upgrade to 13 with their data kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0013_gifts
from keepclient.domain.errors import ConflictError, RecordNotFoundError, RequiredFieldError, ValidationError
from keepclient.services.workspace import Workspace
from tests.unit.services.care_team import build_care_team


@pytest.fixture
def team(tmp_path: Path):
    ws, ids = build_care_team(tmp_path / "care.db")
    yield ws, ids
    ws.close()


def test_a_gift_is_logged_given_by_the_owner_unless_said(team):
    ws, ids = team
    gifts = ws.gifts.for_customer(ids["华信机械"])
    assert [(g.date, g.occasion, g.item, g.cost_cents, g.contact, g.given_by) for g in gifts] == [
        (dt.date(2026, 9, 20), "mid_autumn", "月饼礼盒", 38_800, "王经理", "张伟"),
        (dt.date(2025, 10, 2), "mid_autumn", "茶叶", None, "", "张伟")]
    other = ws.gifts.add(ids["华信机械"], date="2027-03-08", occasion="  开业 十周年 ", item=" 花篮 ",
                         given_by_id=ids["李娜"], notes=" 送到前台 ")
    assert (other.occasion, other.item, other.given_by, other.notes, other.version) == (
        "开业 十周年", "花篮", "李娜", "送到前台", 1)
    unowned = ws.gifts.add(ids["无主商贸"], date=dt.date(2027, 1, 1), occasion="new_year")
    assert unowned.given_by_id is None and unowned.item == ""


def test_wrong_values_are_refused(team):
    ws, ids = team
    customer = ids["华信机械"]
    with pytest.raises(RequiredFieldError):
        ws.gifts.add(customer, date=dt.date(2027, 1, 1), occasion="  ")
    with pytest.raises(ValidationError):
        ws.gifts.add(customer, date=dt.date(2027, 1, 1), occasion="birthday", cost_cents=-1)
    with pytest.raises(ValidationError):
        ws.gifts.add(customer, date="not a day", occasion="birthday")
    with pytest.raises(ValidationError):  # a contact of another customer
        ws.gifts.add(customer, date=dt.date(2027, 1, 1), occasion="birthday", contact_id=ids["刘总"])
    with pytest.raises(RecordNotFoundError):
        ws.gifts.add(customer, date=dt.date(2027, 1, 1), occasion="birthday", given_by_id=9999)
    with pytest.raises(RecordNotFoundError):
        ws.gifts.add(9999, date=dt.date(2027, 1, 1), occasion="birthday")
    assert len(ws.gifts.for_customer(customer)) == 2


def test_edit_remove_and_restore_are_version_checked(team, tmp_path: Path):
    ws, ids = team
    gift = ws.gifts.for_customer(ids["华信机械"])[0]
    edited = ws.gifts.update(gift.id, gift.version, {"item": "月饼礼盒（双黄）", "cost_cents": 45_000,
                                                      "given_by_id": ids["李娜"], "contact_id": None})
    assert (edited.version, edited.item, edited.cost_cents, edited.given_by, edited.contact) == (
        2, "月饼礼盒（双黄）", 45_000, "李娜", "")
    colleague = Workspace.open(tmp_path / "care.db", user="李娜")
    try:
        colleague.gifts.update(gift.id, 2, {"notes": "客户很满意"})
    finally:
        colleague.close()
    with pytest.raises(ConflictError) as conflict:  # I still hold version 2
        ws.gifts.update(gift.id, 2, {"item": "月饼"})
    assert conflict.value.theirs["notes"] == "客户很满意"
    with pytest.raises(ConflictError):
        ws.gifts.remove(gift.id, 2)
    version = ws.gifts.remove(gift.id, 3)
    assert version == 4 and ws.gifts.get(gift.id).deleted
    assert [g.item for g in ws.gifts.for_customer(ids["华信机械"])] == ["茶叶"]
    assert ws.gifts.restore(gift.id, 4) == 5
    assert [g.item for g in ws.gifts.for_customer(ids["华信机械"])] == ["月饼礼盒（双黄）", "茶叶"]
    # the undo of an edit is an edit back, checked the same way
    back = ws.gifts.update(gift.id, 5, {"item": "月饼礼盒", "cost_cents": 38_800})
    assert (back.item, back.cost_cents, back.version) == ("月饼礼盒", 38_800, 6)
    with pytest.raises(RecordNotFoundError):
        ws.gifts.get(9999)


def test_gifts_are_on_the_timeline(team):
    ws, ids = team
    timeline = ws.customers.detail(ids["华信机械"]).timeline
    gifts = [e for e in timeline if e.kind == "gift"]
    assert [(e.when, e.subkind, e.text, e.amount) for e in gifts] == [
        (dt.datetime(2026, 9, 20), "mid_autumn", "月饼礼盒 · 张伟", Decimal("388.00")),
        (dt.datetime(2025, 10, 2), "mid_autumn", "茶叶 · 张伟", None)]
    first = ws.gifts.for_customer(ids["华信机械"])[0]
    assert gifts[0].record_id == first.id
    ws.gifts.remove(first.id, first.version)
    assert [e.text for e in ws.customers.detail(ids["华信机械"]).timeline if e.kind == "gift"] == ["茶叶 · 张伟"]


def test_gifts_is_step_13():
    assert migrations.STEPS[12] is m0013_gifts and m0013_gifts.VERSION == 13


def test_schema_12_upgrades_with_its_data_kept(tmp_path: Path):
    path = tmp_path / "v12.db"
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.12", target=12)
        db.execute_sql("INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, code, "
                       "color, email, active) VALUES ('s1', '2026-01-01', '2026-01-01', '', 1, '张伟', 'ZW', "
                       "'#4e79a7', '', 1)")
        db.execute_sql("INSERT INTO customer (uuid, created_at, updated_at, updated_by, version, name, kind, owner_id,"
                       " tier, stage, industry, source, address, city, region, phone, email, website, notes) VALUES "
                       "('c1', '2026-01-01', '2026-01-01', '', 4, '华信机械', 'company', 1, 'A', 'active', '', '', "
                       "'', '上海', '', '', '', '', '')")
    db.close()
    ws = Workspace.open(path, user="office")
    try:
        assert ws.upgrade_backup is not None and "before-upgrade-v12" in ws.upgrade_backup.name
        detail = ws.customers.detail(1)
        assert (detail.name, detail.version, detail.owner_name) == ("华信机械", 4, "张伟")
        gift = ws.gifts.add(1, date=dt.date(2027, 9, 10), occasion="mid_autumn", item="月饼礼盒")
        assert gift.given_by == "张伟"
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 13
    conn.close()
