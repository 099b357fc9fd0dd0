"""Planning, moving, copying, deleting and logging visits; recurring series; schedules for printing."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import Contact, Customer, Visit
from keepclient.domain.errors import RecordNotFoundError, ValidationError
from keepclient.domain.types import Recurrence
from keepclient.services.workspace import Workspace
from tests.small_team import build

MONDAY = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = build(new_database("team"))
    yield ws, ids, people
    ws.close()


def _row(ws: Workspace, visit_id: int) -> dict:
    with ws.db.session():
        return Visit.select().where(Visit.id == visit_id).dicts().get()


def _customer(ws: Workspace, customer_id: int) -> dict:
    with ws.db.session():
        return Customer.select().where(Customer.id == customer_id).dicts().get()


def test_a_planned_visit_defaults_to_the_customers_owner_and_address_and_becomes_the_next_due_date(team):
    ws, ids, people = team
    ws.editor.update(ids["huaxin"], ws.customers.detail(ids["huaxin"]).version, {"address": "浦东新区世纪大道100号"})
    (vid,) = ws.visits.plan(ids["huaxin"], start=MONDAY, minutes=45, purpose="对账")
    visit = ws.visits.get(vid)
    assert (visit.salesperson, visit.location, visit.minutes, visit.status, visit.kind) == (
        "王建国", "浦东新区世纪大道100号", 45, "planned", "visit")
    assert _customer(ws, ids["huaxin"])["next_follow_up"] == MONDAY.date()
    (call,) = ws.visits.plan(ids["huaxin"], start=MONDAY + dt.timedelta(days=3), kind="call", location="",
                             salesperson_id=people["li"])
    assert ws.visits.get(call).location == "" and ws.visits.get(call).salesperson == "李娜"
    assert _customer(ws, ids["huaxin"])["next_follow_up"] == MONDAY.date() + dt.timedelta(days=3)


def test_bad_values_are_refused_and_nothing_is_written(team):
    ws, ids, _ = team
    for kwargs in ({"kind": "lunch"}, {"minutes": 0}, {"minutes": 24 * 60 + 1},
                   {"repeat": Recurrence(1, "week")}):
        with pytest.raises(ValidationError):
            ws.visits.plan(ids["zhangwei"], start=MONDAY, **kwargs)
    with pytest.raises(RecordNotFoundError):
        ws.visits.plan(999999, start=MONDAY)
    assert ws.visits.count_between(MONDAY - dt.timedelta(days=400), MONDAY + dt.timedelta(days=400)) == 0


def test_a_series_is_planned_occurrence_by_occurrence(team):
    ws, ids, _ = team
    created = ws.visits.plan(ids["zhangwei"], start=MONDAY, repeat=Recurrence(2, "week", count=4))
    visits = ws.visits.between(MONDAY, MONDAY + dt.timedelta(days=60))
    assert [v.id for v in visits] == created
    assert [v.start.date() for v in visits] == [MONDAY.date() + dt.timedelta(days=14 * n) for n in range(4)]
    assert len({v.series_id for v in visits}) == 1 and visits[0].series_id is not None


def test_overlaps_are_found_for_the_same_salesperson_only(team):
    ws, ids, people = team
    (first,) = ws.visits.plan(ids["zhangwei"], start=MONDAY, minutes=60)  # owner: 李娜
    li, wang = people["li"], people["wang"]
    assert [v.id for v in ws.visits.overlapping(li, MONDAY + dt.timedelta(minutes=30), 30)] == [first]
    assert ws.visits.overlapping(li, MONDAY + dt.timedelta(minutes=60), 30) == []  # starts as the other ends
    assert ws.visits.overlapping(li, MONDAY - dt.timedelta(minutes=30), 30) == []
    assert ws.visits.overlapping(wang, MONDAY, 60) == []
    assert ws.visits.overlapping(li, MONDAY, 60, exclude=first) == []
    ws.visits.log_outcome(first, version=1, status="cancelled")
    assert ws.visits.overlapping(li, MONDAY, 60) == []  # a cancelled visit frees the time


def test_moving_one_occurrence_or_the_whole_series(team):
    ws, ids, _ = team
    ids_ = ws.visits.plan(ids["zhangwei"], start=MONDAY, repeat=Recurrence(1, "week", count=4))
    ws.visits.log_outcome(ids_[0], version=1, status="done", notes="谈妥")
    ws.visits.reschedule(ids_[1], MONDAY + dt.timedelta(days=7, hours=2), scope="this", version=1)
    assert _row(ws, ids_[1])["planned_start"] == MONDAY + dt.timedelta(days=7, hours=2)
    assert _row(ws, ids_[2])["planned_start"] == MONDAY + dt.timedelta(days=14)
    ws.visits.reschedule(ids_[2], MONDAY + dt.timedelta(days=15), minutes=90, scope="series",
                         version=1)  # a day later
    starts = {vid: _row(ws, vid)["planned_start"] for vid in ids_}
    assert starts[ids_[0]] == MONDAY  # done: history stays where it happened
    assert starts[ids_[1]] == MONDAY + dt.timedelta(days=8, hours=2)
    assert starts[ids_[2]] == MONDAY + dt.timedelta(days=15)
    assert starts[ids_[3]] == MONDAY + dt.timedelta(days=22)
    assert {_row(ws, vid)["duration_minutes"] for vid in ids_[1:]} == {90}
    assert _row(ws, ids_[3])["version"] == 2 and _row(ws, ids_[0])["version"] == 2  # logged once, not moved


def test_editing_fields_of_one_visit_or_a_series(team):
    ws, ids, people = team
    ids_ = ws.visits.plan(ids["zhangwei"], start=MONDAY, repeat=Recurrence(1, "day", count=3))
    ws.visits.update(ids_[0], {"purpose": " 送样品 ", "kind": "call"}, version=1)
    assert (_row(ws, ids_[0])["purpose"], _row(ws, ids_[0])["kind"]) == ("送样品", "call")
    assert _row(ws, ids_[1])["purpose"] == ""
    ws.visits.update(ids_[1], {"salesperson_id": people["wang"], "location": "工厂"}, scope="series", version=1)
    assert {ws.visits.get(v).salesperson for v in ids_} == {"王建国"}
    with pytest.raises(ValidationError):
        ws.visits.update(ids_[0], {"status": "done"}, version=3)  # outcomes go through log_outcome
    with pytest.raises(ValidationError):
        ws.visits.update(ids_[0], {"minutes": -5}, version=3)


def test_copy_paste_and_delete_with_restore(team):
    ws, ids, _ = team
    series = ws.visits.plan(ids["zhangwei"], start=MONDAY, purpose="回访", repeat=Recurrence(1, "month", count=3))
    pasted = ws.visits.copy(series[0], MONDAY + dt.timedelta(days=1, hours=3))
    copy = ws.visits.get(pasted)
    assert (copy.purpose, copy.series_id, copy.status, copy.start) == ("回访", None, "planned",
                                                                       MONDAY + dt.timedelta(days=1, hours=3))
    removed = ws.visits.delete(series[1], scope="series", version=1)
    assert sorted(removed) == sorted(series)
    assert [v.id for v in ws.visits.between(MONDAY, MONDAY + dt.timedelta(days=100))] == [pasted]
    with pytest.raises(RecordNotFoundError):
        ws.visits.get(series[0])
    ws.visits.restore(removed)
    assert len(ws.visits.between(MONDAY, MONDAY + dt.timedelta(days=100))) == 4
    assert ws.visits.delete(pasted, version=1) == {pasted: 2}


def test_logging_done_moves_the_customers_dates_by_the_teams_cadence(team):
    ws, ids, _ = team
    ws.team.set_cadence({"A": 10, "new_period": 0})
    (vid,) = ws.visits.plan(ids["zhangwei"], start=MONDAY)  # tier A
    assert ws.visits.suggested_follow_up(ids["zhangwei"], MONDAY.date()) == MONDAY.date() + dt.timedelta(days=10)
    ws.visits.log_outcome(vid, version=1, status="done", notes="下单 20 箱", satisfaction=5)
    customer = _customer(ws, ids["zhangwei"])
    assert customer["last_contact"] == MONDAY.date()
    assert customer["next_follow_up"] == MONDAY.date() + dt.timedelta(days=10)
    visit = ws.visits.get(vid)
    assert (visit.status, visit.outcome, visit.satisfaction) == ("done", "下单 20 箱", 5)
    timeline = ws.customers.detail(ids["zhangwei"]).timeline
    assert any(e.kind == "visit" and e.status == "done" and "下单 20 箱" in e.text for e in timeline)
    (later,) = ws.visits.plan(ids["zhangwei"], start=MONDAY + dt.timedelta(days=5))
    ws.visits.log_outcome(later, version=1, status="done", next_follow_up=dt.date(2027, 1, 4))
    assert _customer(ws, ids["zhangwei"])["next_follow_up"] == dt.date(2027, 1, 4)


def test_a_past_visit_logged_late_follows_the_tier_not_the_new_customer_week(team):
    """The customers were entered today; a visit from before that is history, not a new customer's start-up."""
    ws, ids, _ = team
    long_ago = dt.datetime(2020, 1, 6, 9, 0)
    (vid,) = ws.visits.plan(ids["brown"], start=long_ago)  # tier A, default cadence: every 14 days
    ws.visits.log_outcome(vid, version=1, status="done")
    assert _customer(ws, ids["brown"])["next_follow_up"] == long_ago.date() + dt.timedelta(days=14)


def test_cancelled_or_missed_leaves_the_customer_due_and_scores_are_checked(team):
    ws, ids, _ = team
    (vid,) = ws.visits.plan(ids["shan"], start=MONDAY)
    before = _customer(ws, ids["shan"])
    ws.visits.log_outcome(vid, version=1, status="missed", notes="客户不在")
    after = _customer(ws, ids["shan"])
    assert (after["last_contact"], after["next_follow_up"]) == (before["last_contact"], before["next_follow_up"])
    for bad in ({"status": "planned"}, {"status": "done", "satisfaction": 6}, {"status": "done", "satisfaction": 0}):
        with pytest.raises(ValidationError):
            ws.visits.log_outcome(vid, version=2, **bad)
    assert ws.visits.get(vid).status == "missed"


def test_schedule_has_phone_address_and_the_last_visits_note(team):
    ws, ids, people = team
    with ws.db.session():
        contact = Contact.get(Contact.customer == ids["brown"]).id
    (earlier,) = ws.visits.plan(ids["brown"], start=MONDAY - dt.timedelta(days=7), location="London office")
    ws.visits.log_outcome(earlier, version=1, status="done", notes="Wants a price list")
    ws.visits.plan(ids["brown"], start=MONDAY + dt.timedelta(hours=4), contact_id=contact, location="")
    ws.visits.plan(ids["zhangwei"], start=MONDAY + dt.timedelta(hours=1), location="人民广场")
    entries = ws.visits.schedule(MONDAY, MONDAY + dt.timedelta(days=1))
    assert [(e.salesperson, e.customer) for e in entries] == [("李娜", "张伟"), ("王建国", "Brown Foods Ltd")]
    brown = entries[1]
    assert (brown.contact, brown.phone, brown.last_note) == ("张伟明", "186 1111 2222", "Wants a price list")
    assert entries[0].address == "人民广场" and entries[0].phone == "138 1234 5678"
    assert entries[0].uuid and entries[0].version == 1
    assert ws.visits.schedule(MONDAY, MONDAY + dt.timedelta(days=1), [people["wang"]]) == [brown]


def test_period_counts_pages_and_month_summaries(team):
    ws, ids, people = team
    for hour in range(8, 16):
        ws.visits.plan(ids["zhangwei"], start=MONDAY.replace(hour=hour), minutes=30)
    ws.visits.plan(ids["huaxin"], start=MONDAY + dt.timedelta(days=2))
    week = (MONDAY.replace(hour=0), MONDAY.replace(hour=0) + dt.timedelta(days=7))
    assert ws.visits.count_between(*week) == 9
    assert ws.visits.count_between(*week, [people["wang"]]) == 1
    assert [v.start.hour for v in ws.visits.between(*week, limit=3)] == [8, 9, 10]
    days = ws.visits.day_summaries(dt.date(2026, 11, 1), dt.date(2026, 11, 30), per_day=4)
    assert sorted(days) == [dt.date(2026, 11, 23), dt.date(2026, 11, 25)]
    shown, count = days[dt.date(2026, 11, 23)]
    assert count == 8 and [v.start.hour for v in shown] == [8, 9, 10, 11]


def test_salespeople_by_name_or_code(team):
    ws, _, people = team
    assert ws.team.salesperson_ids(["王建国", "s01"]) == [people["wang"], people["li"]]
    with pytest.raises(ValidationError):
        ws.team.salesperson_ids(["nobody"])


def test_team_cadence_is_stored_and_checked(team):
    ws, _, _ = team
    assert ws.team.cadence() == {"A": 14, "B": 30, "C": 90, "new_days": 7, "new_period": 30}
    ws.team.set_cadence({"B": 21})
    assert ws.team.cadence()["B"] == 21
    with pytest.raises(ValidationError):
        ws.team.set_cadence({"C": 0})
    assert ws.team.cadence()["C"] == 90
