"""The team on real databases: adding, renaming, (de)activating salespeople, and handing customers over."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import Customer, Feedback, Salesperson, Visit
from keepclient.domain.errors import (
    ConflictError,
    DuplicateCodeError,
    DuplicateSalespersonError,
    HandoverTargetError,
    InactiveSalespersonError,
    InvalidColorError,
    InvalidEmailError,
    RequiredFieldError,
    UnknownSalespersonError,
)
from keepclient.domain.types import CustomerFilter
from keepclient.services.team import PALETTE, code_from_name
from keepclient.services.workspace import Workspace

NOW = dt.datetime(2026, 3, 10, 12, 0)


@pytest.fixture
def ws(new_database):
    """A new database in a file and on a team server (both engines)."""
    workspace = Workspace.open(new_database("team"), user="tester")
    yield workspace
    workspace.close()


def version(ws: Workspace, sid: int) -> int:
    return ws.team.salesperson(sid)[1]


def test_add_derives_code_and_colour(ws: Workspace):
    li = ws.team.add("李娜")
    li2 = ws.team.add("刘宁", email="liu@Example.com")
    anna = ws.team.add("Anna Schmidt")
    person, first = ws.team.salesperson(li)
    assert (person.code, person.color, person.active, first) == ("LN", PALETTE[0], True, 1)
    other = ws.team.salesperson(li2)[0]
    assert other.code == "LN2" and other.color == PALETTE[1] and other.email == "liu@example.com"
    assert ws.team.salesperson(anna)[0].code == "AS"
    assert code_from_name("曾伟") == "ZW"  # surname reading
    own = ws.team.add("Bob", code="B7", color="#123ABC")
    assert ws.team.salesperson(own)[0][2:4] == ("B7", "#123abc")


def test_add_refuses_bad_values(ws: Workspace):
    ws.team.add("李娜", code="S01")
    with pytest.raises(DuplicateSalespersonError):
        ws.team.add(" 李娜 ")
    with pytest.raises(DuplicateCodeError):
        ws.team.add("王芳", code="s01")
    with pytest.raises(RequiredFieldError):
        ws.team.add("   ")
    with pytest.raises(InvalidColorError):
        ws.team.add("王芳", color="red")
    with pytest.raises(InvalidEmailError):
        ws.team.add("王芳", email="wang@")
    assert [p.name for p in ws.team.salespeople()] == ["李娜"]


def test_rename_update_and_stale_versions(ws: Workspace):
    sid = ws.team.add("李娜")
    v2 = ws.team.rename(sid, 1, "李娜娜")
    assert v2 == 2 and ws.team.salesperson(sid)[0].name == "李娜娜"
    with pytest.raises(ConflictError):
        ws.team.rename(sid, 1, "李四")  # a colleague renamed meanwhile
    v3 = ws.team.update(sid, v2, {"code": "LNN", "color": "#00aa00", "email": "l@example.com"})
    person = ws.team.salesperson(sid)[0]
    assert (person.code, person.color, person.email, v3) == ("LNN", "#00aa00", "l@example.com", 3)
    with pytest.raises(ConflictError):
        ws.team.update(sid, v2, {"email": ""})
    assert ws.team.salesperson(sid)[0].email == "l@example.com"


def test_deactivate_and_reactivate(ws: Workspace):
    li, wang = ws.team.add("李娜"), ws.team.add("王建国")
    cid = ws.editor.create("甲公司", owner=li)
    v = ws.team.deactivate(li, 1)
    with pytest.raises(ConflictError):
        ws.team.reactivate(li, 1)
    assert [p.id for p in ws.team.salespeople()] == [wang]  # not offered for new work
    everyone = ws.team.salespeople(active_only=False)
    assert [(p.id, p.active) for p in everyone] == [(li, False), (wang, True)]
    assert owners(ws, [cid]) == [li]  # their customers stay theirs until handed over
    with pytest.raises(InactiveSalespersonError):
        ws.team.handover(wang, [li])
    ws.team.reactivate(li, v)
    assert len(ws.team.salespeople()) == 2


def test_find_by_name(ws: Workspace):
    sid = ws.team.add("Anna Schmidt")
    assert ws.team.find("Anna Schmidt") == sid
    assert ws.team.find("anna schmidt") == sid
    with pytest.raises(UnknownSalespersonError):
        ws.team.find("Anna")


@pytest.fixture
def leaver(ws: Workspace):
    """李娜 leaves: four customers, a future and a past planned visit, open and closed feedback."""
    li, wang, zhao = ws.team.add("李娜"), ws.team.add("王建国"), ws.team.add("赵敏")
    ids = [ws.editor.create(name, owner=li, city=city) for name, city in
           (("甲公司", "上海"), ("乙公司", "北京"), ("丙公司", "上海"), ("丁公司", "上海"))]
    other = ws.editor.create("戊公司", owner=wang)
    with ws.db.write():
        future = Visit.insert(customer=ids[0], salesperson=li, planned_start=NOW + dt.timedelta(days=2)).execute()
        past = Visit.insert(customer=ids[0], salesperson=li, planned_start=NOW - dt.timedelta(days=2)).execute()
        done = Visit.insert(customer=ids[1], salesperson=li, planned_start=NOW + dt.timedelta(days=1),
                            status="done").execute()
        open_fb = Feedback.insert(customer=ids[1], owner=li, received_at=NOW).execute()
        closed_fb = Feedback.insert(customer=ids[1], owner=li, received_at=NOW, status="closed").execute()
    return {"li": li, "wang": wang, "zhao": zhao, "customers": ids, "other": other, "future": future,
            "past": past, "done": done, "open_fb": open_fb, "closed_fb": closed_fb}


def owners(ws: Workspace, ids: list[int]) -> list[int | None]:
    with ws.db.session():
        found = dict(Customer.select(Customer.id, Customer.owner).where(Customer.id.in_(ids)).tuples())
    return [found[i] for i in ids]


def test_handover_all_to_one_and_undo(ws: Workspace, leaver: dict):
    li, wang = leaver["li"], leaver["wang"]
    result = ws.team.handover(li, [wang], now=NOW)
    assert owners(ws, leaver["customers"]) == [wang] * 4
    assert (result.count("customer"), result.count("visit"), result.count("feedback")) == (4, 1, 1)
    with ws.db.session():
        assert Visit.get_by_id(leaver["future"]).salesperson_id == wang
        assert Visit.get_by_id(leaver["past"]).salesperson_id == li  # history stays
        assert Visit.get_by_id(leaver["done"]).salesperson_id == li
        assert Feedback.get_by_id(leaver["open_fb"]).owner_id == wang
        assert Feedback.get_by_id(leaver["closed_fb"]).owner_id == li
    assert owners(ws, [leaver["other"]]) == [wang]
    ws.team.undo_handover(result)
    assert owners(ws, leaver["customers"]) == [li] * 4
    with ws.db.session():
        assert Visit.get_by_id(leaver["future"]).salesperson_id == li
        assert Feedback.get_by_id(leaver["open_fb"]).owner_id == li


def test_handover_spreads_round_robin_in_name_order(ws: Workspace, leaver: dict):
    li, wang, zhao = leaver["li"], leaver["wang"], leaver["zhao"]
    result = ws.team.handover(li, [zhao, wang], now=NOW)
    # customers in list order (甲 乙 丙 丁 by pinyin: bing, ding, jia, yi), colleagues by name (王建国 < 赵敏)
    by_name = dict(zip(("甲公司", "乙公司", "丙公司", "丁公司"), owners(ws, leaver["customers"]), strict=True))
    assert (by_name["丙公司"], by_name["丁公司"], by_name["甲公司"], by_name["乙公司"]) == (wang, zhao, wang, zhao)
    assert sorted(result.after["customer"].values()).count(wang) == 2
    with ws.db.session():  # visits and feedback follow their customer's new owner
        assert Visit.get_by_id(leaver["future"]).salesperson_id == by_name["甲公司"]
        assert Feedback.get_by_id(leaver["open_fb"]).owner_id == by_name["乙公司"]


def test_handover_of_filtered_customers(ws: Workspace, leaver: dict):
    li, wang = leaver["li"], leaver["wang"]
    shanghai = ws.team.matching_customers(CustomerFilter(text="上海"))
    assert set(shanghai) == {leaver["customers"][i] for i in (0, 2, 3)}
    result = ws.team.handover(li, [wang], shanghai, now=NOW)
    assert owners(ws, leaver["customers"]) == [wang, li, wang, wang]
    assert result.count("feedback") == 0 and result.count("visit") == 1
    assert ws.team.customer_count(li) == 1


def test_handover_needs_a_colleague(ws: Workspace, leaver: dict):
    with pytest.raises(HandoverTargetError):
        ws.team.handover(leaver["li"], [leaver["li"]], now=NOW)
    with pytest.raises(HandoverTargetError):
        ws.team.handover(leaver["li"], [], now=NOW)


def test_undo_refused_after_a_colleagues_save(ws: Workspace, leaver: dict):
    li, wang = leaver["li"], leaver["wang"]
    result = ws.team.handover(li, [wang], now=NOW)
    first = leaver["customers"][0]
    ws.editor.update(first, result.versions["customer"][first], {"tier": "A"})  # a colleague's save
    with pytest.raises(ConflictError):
        ws.team.undo_handover(result)
    assert owners(ws, leaver["customers"]) == [wang] * 4  # nothing changed
    with ws.db.session():
        assert Customer.get_by_id(first).tier == "A"


def test_redo_after_undo(ws: Workspace, leaver: dict):
    li, wang = leaver["li"], leaver["wang"]
    result = ws.team.handover(li, [wang], now=NOW)
    undone = ws.team.undo_handover(result)
    again = ws.team.redo_handover(result, undone)
    assert owners(ws, leaver["customers"]) == [wang] * 4
    ws.team.undo_handover(result, again)
    assert owners(ws, leaver["customers"]) == [li] * 4


def test_handover_refused_whole_when_a_record_conflicts(ws: Workspace, leaver: dict):
    """One transaction: a stale version anywhere leaves every record as it was."""
    li, wang = leaver["li"], leaver["wang"]
    result = ws.team.handover(li, [wang], now=NOW)
    undone = ws.team.undo_handover(result)
    stale = {table: dict(versions) for table, versions in undone.items()}
    stale["feedback"][leaver["open_fb"]] -= 1
    with pytest.raises(ConflictError):
        ws.team.redo_handover(result, stale)
    assert owners(ws, leaver["customers"]) == [li] * 4
    with ws.db.session():
        assert Salesperson.get_by_id(li).active


def test_new_work_defaults_skip_an_inactive_owner(ws: Workspace):
    """A new visit or feedback item defaults to the customer's owner only while that owner is active."""
    li, wang = ws.team.add("李娜"), ws.team.add("王建国")
    cid = ws.editor.create("甲公司", owner=li)
    first = ws.visits.plan(cid, start=NOW)[0]
    ws.team.deactivate(li, 1)
    second = ws.visits.plan(cid, start=NOW + dt.timedelta(days=1))[0]
    chosen = ws.visits.plan(cid, start=NOW + dt.timedelta(days=2), salesperson_id=wang)[0]
    fb = ws.feedback.create(cid, description="太贵")
    with ws.db.session():
        assert [Visit.get_by_id(v).salesperson_id for v in (first, second, chosen)] == [li, None, wang]
        assert Feedback.get_by_id(fb).owner_id is None
