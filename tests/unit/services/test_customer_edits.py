"""Creating, editing, trashing, bulk changes, tags, contacts and logged activity on real databases."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import ChangeLog, Contact, Customer, Salesperson
from keepclient.domain.errors import (
    ConflictError,
    InvalidDateError,
    InvalidEmailError,
    InvalidPhoneError,
    RequiredFieldError,
    ValidationError,
)
from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace


@pytest.fixture
def ws(new_database):
    """A new database in a file and on a team server (both engines)."""
    workspace = Workspace.open(new_database("edits"), user="tester")
    with workspace.db.write():
        Salesperson.insert(name="李娜", code="S01").execute()
        Salesperson.insert(name="王建国", code="S02").execute()
    yield workspace
    workspace.close()


def test_phones_and_emails_are_normalized(ws: Workspace):
    cid = ws.editor.create("甲公司", phone="13812345678", email="  Sales@Example.COM ")
    values = ws.customers.detail(cid).values
    assert values["phone"] == "138 1234 5678" and values["email"] == "Sales@example.com"
    ws.editor.update(cid, 1, {"phone": "+49 40 1234567"})
    assert ws.customers.detail(cid).values["phone"] == "+49 40 1234567"


@pytest.mark.parametrize(("changes", "error", "field"), [
    ({"phone": "12345"}, InvalidPhoneError, "phone"),
    ({"phone": "call me"}, InvalidPhoneError, "phone"),
    ({"email": "nobody@"}, InvalidEmailError, "email"),
    ({"name": "   "}, RequiredFieldError, "name"),
    ({"tier": "Z"}, ValidationError, "tier"),
    ({"cadence_days": 0}, ValidationError, "cadence_days"),
])
def test_invalid_values_are_refused_and_nothing_is_saved(ws: Workspace, changes, error, field):
    cid = ws.editor.create("乙公司", phone="021 5555 1234")
    with pytest.raises(error) as caught:
        ws.editor.update(cid, 1, changes)
    assert caught.value.field == field and caught.value.message()
    detail = ws.customers.detail(cid)
    assert detail.version == 1 and detail.values["phone"] == "021 5555 1234"


def test_duplicates_by_name_or_phone(ws: Workspace):
    first = ws.editor.create("上海华信（集团）有限公司", phone="021-5555 1234")
    assert ws.customers.find_duplicates("上海华信(集团)有限公司") == [(first, "上海华信（集团）有限公司")]
    assert ws.customers.find_duplicates("Another name", "+86 21 5555 1234") == [(first, "上海华信（集团）有限公司")]
    assert ws.customers.find_duplicates("Another name", "") == []
    assert ws.customers.find_duplicates("上海华信(集团)有限公司", exclude=first) == []


def test_trash_restore_and_empty(ws: Workspace):
    keep = ws.editor.create("留下")
    gone = ws.editor.create("删除")
    ws.contacts.add(gone, name="联系人")
    assert ws.editor.set_deleted([gone], True) == {gone: 2}
    assert {r.id for r in ws.customers.rows(0, 10)} == {keep}
    assert {r.id for r in ws.customers.rows(0, 10, CustomerFilter(trash=True))} == {gone}
    assert ws.customers.detail(gone).deleted and ws.customers.detail(gone).version == 2
    ws.editor.set_deleted([gone], False)
    assert {r.id for r in ws.customers.rows(0, 10)} == {keep, gone}
    ws.editor.set_deleted([gone], True)
    assert ws.editor.empty_trash() == 1
    assert ws.customers.count(CustomerFilter(trash=True)) == 0 and ws.customers.count() == 1
    with ws.db.session():
        assert Contact.select().count() == 0
    assert ws.customers.count(CustomerFilter(text="删除")) == 0


def test_bulk_update_and_its_undo(ws: Workspace):
    ids = [ws.editor.create(f"客户{n}", tier="C") for n in range(3)]
    before, versions = ws.editor.bulk_update(ids[:2], {"tier": "A", "owner": 2})
    assert versions == {ids[0]: 2, ids[1]: 2}
    # a tier set by hand is pinned (tier reviews leave it), and the undo unpins it again
    assert before == {i: {"tier": "C", "owner": None, "tier_pinned": False} for i in ids[:2]}
    assert [ws.customers.detail(i).values["tier"] for i in ids] == ["A", "A", "C"]
    assert [ws.customers.detail(i).tier_pinned for i in ids] == [True, True, False]
    assert ws.editor.restore_values(before, versions) == {ids[0]: 3, ids[1]: 3}
    assert [ws.customers.detail(i).values["tier"] for i in ids] == ["C", "C", "C"]
    assert not any(ws.customers.detail(i).tier_pinned for i in ids)
    with ws.db.session():
        assert ChangeLog.select().where(ChangeLog.field == "tier").count() == 4


def test_tags_added_and_removed_in_bulk(ws: Workspace):
    ids = [ws.editor.create(f"客户{n}") for n in range(3)]
    ws.editor.change_tags(ids, add=["VIP", "展会"])
    ws.editor.change_tags(ids[1:], remove=["VIP"])
    assert ws.customers.detail(ids[0]).tags == ("VIP", "展会")
    assert ws.customers.detail(ids[2]).tags == ("展会",)
    vip = dict((name, tid) for tid, name in ws.team.tags())["VIP"]
    assert ws.customers.count(CustomerFilter(tag_id=vip)) == 1


def test_contacts_primary_birthdays_and_search(ws: Workspace):
    cid = ws.editor.create("丙公司")
    first = ws.contacts.add(cid, name="曾伟", mobile="139 0000 1111", birthday_month=2, birthday_day=29)
    second = ws.contacts.add(cid, name="Anna Müller", email="anna@example.com", birthday_year=1980,
                             birthday_month=5, birthday_day=6)
    contacts = {c.id: c for c in ws.customers.detail(cid).contacts}
    assert contacts[first].is_primary and not contacts[second].is_primary
    assert contacts[first].birthday == "--02-29" and contacts[second].birthday == "1980-05-06"
    assert ws.customers.count(CustomerFilter(text="zengwei")) == 1
    assert ws.customers.count(CustomerFilter(text="13900001111")) == 1
    ws.contacts.set_primary(second, contacts[second].version)
    assert [c.is_primary for c in ws.customers.detail(cid).contacts] == [True, False]
    ws.contacts.remove(second, ws.customers.detail(cid).contacts[0].version)
    remaining = ws.customers.detail(cid).contacts
    assert [(c.id, c.is_primary) for c in remaining] == [(first, True)]
    assert ws.customers.count(CustomerFilter(text="muller")) == 0
    with pytest.raises(InvalidDateError):
        ws.contacts.add(cid, name="X", birthday_year=2023, birthday_month=2, birthday_day=29)
    with pytest.raises(InvalidDateError):
        ws.contacts.add(cid, name="Y", birthday_month=4, birthday_day=31)
    current = remaining[0].version
    assert current > contacts[first].version  # losing and regaining "primary" were saved changes
    ws.contacts.update(first, current, {"title": "总经理"})
    with pytest.raises(ConflictError):
        ws.contacts.update(first, current, {"title": "stale"})


def test_logging_a_call_moves_the_follow_up(ws: Workspace):
    cid = ws.editor.create("丁公司", tier="A")
    with ws.db.write():  # an established customer: created long ago
        Customer.update(created_at=dt.datetime(2024, 1, 1)).where(Customer.id == cid).execute()
    when = dt.datetime(2026, 11, 20, 10, 30)
    ws.activity.log_contact(cid, kind="call", when=when, outcome="要报价", satisfaction=4)
    detail = ws.customers.detail(cid)
    assert detail.last_contact == when.date()
    assert detail.values["next_follow_up"] == when.date() + dt.timedelta(days=14)
    visits = [e for e in detail.timeline if e.kind == "visit"]
    assert visits[0].status == "done"
    changes = {e.subkind: e.text for e in detail.timeline if e.kind == "change"}  # the dates, logged as changes
    assert changes["last_contact"].startswith(f"∅ → {when.date()}")
    ws.visits.plan(cid, start=dt.datetime(2026, 11, 27, 9), kind="visit", purpose="送样品")
    assert ws.customers.detail(cid).values["next_follow_up"] == dt.date(2026, 11, 27)
    with pytest.raises(ValidationError):
        ws.activity.log_contact(cid, kind="telepathy", when=when)


def test_feedback_counts_as_open(ws: Workspace):
    cid = ws.editor.create("戊公司")
    ws.feedback.create(cid, description="交货晚了三天", category="delivery", severity="high")
    assert ws.customers.rows(0, 5)[0].open_feedback == 1
    assert ws.customers.count(CustomerFilter(open_feedback=True)) == 1
    with pytest.raises(ValidationError):
        ws.feedback.create(cid, description="  ")
