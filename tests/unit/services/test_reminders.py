"""Reminders of planned visits: set with the visit (one checked write), due between two instants for one
salesperson or the team, missed ones since the last run, and carried into an .ics export as a VALARM."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from keepclient.domain.errors import ConflictError, ValidationError
from keepclient.exporting.ics import ics_bytes
from keepclient.services.reminders import MISSED_DAYS
from tests.small_team import build

MONDAY = dt.datetime(2026, 11, 23, 10, 0)
MIN = dt.timedelta(minutes=1)


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = build(new_database("team"))
    yield ws, ids, people
    ws.close()


def test_a_reminder_is_planned_changed_and_copied_with_its_visit(team):
    ws, ids, _people = team
    (vid,) = ws.visits.plan(ids["huaxin"], start=MONDAY, remind_minutes=15)
    visit = ws.visits.get(vid)
    assert visit.remind_minutes == 15
    assert ws.visits.update(vid, {"remind_minutes": 24 * 60}, version=visit.version) == {vid: visit.version + 1}
    assert ws.visits.get(vid).remind_minutes == 24 * 60
    with pytest.raises(ConflictError):  # the one write path: a stale version is refused
        ws.visits.update(vid, {"remind_minutes": None}, version=visit.version)
    copy = ws.visits.copy(vid, MONDAY + dt.timedelta(days=1))
    assert ws.visits.get(copy).remind_minutes == 24 * 60
    ws.visits.update(vid, {"remind_minutes": None}, version=visit.version + 1)
    assert ws.visits.get(vid).remind_minutes is None
    (plain,) = ws.visits.plan(ids["huaxin"], start=MONDAY + dt.timedelta(days=2))
    assert ws.visits.get(plain).remind_minutes is None  # no reminder unless asked for


@pytest.mark.parametrize("bad", [-1, 7 * 24 * 60 + 1, "soon", True])
def test_a_bad_reminder_is_refused_and_nothing_is_written(team, bad):
    ws, ids, _people = team
    with pytest.raises(ValidationError) as refused:
        ws.visits.plan(ids["huaxin"], start=MONDAY, remind_minutes=bad)
    assert refused.value.field == "remind_minutes"
    assert ws.visits.count_between(MONDAY, MONDAY + MIN) == 0
    (vid,) = ws.visits.plan(ids["huaxin"], start=MONDAY)
    with pytest.raises(ValidationError):
        ws.visits.update(vid, {"remind_minutes": bad}, version=1)
    assert ws.visits.get(vid).version == 1


def test_reminders_due_between_two_instants_for_a_salesperson_or_the_team(team):
    ws, ids, people = team
    li, wang = people["li"], people["wang"]
    (a,) = ws.visits.plan(ids["zhangwei"], start=MONDAY, remind_minutes=15, salesperson_id=li, purpose="报价")
    (b,) = ws.visits.plan(ids["huaxin"], start=MONDAY, remind_minutes=30, salesperson_id=wang)
    (c,) = ws.visits.plan(ids["muller"], start=MONDAY + dt.timedelta(days=1), remind_minutes=24 * 60,
                          salesperson_id=li, kind="call")
    ws.visits.plan(ids["shan"], start=MONDAY, salesperson_id=li)  # no reminder
    due = MONDAY - dt.timedelta(minutes=15)
    # (after, until]: due exactly at `until` is in, at `after` is out
    assert [r.visit_id for r in ws.reminders.due(due - MIN, due, li)] == [a]
    assert ws.reminders.due(due, due + MIN, li) == []
    (first,) = ws.reminders.due(due - MIN, due, li)
    assert (first.due_at, first.start, first.customer, first.contact, first.salesperson, first.purpose,
            first.kind, first.remind_minutes, first.end) == (
        due, MONDAY, "张伟", "", "李娜", "报价", "visit", 15, MONDAY + dt.timedelta(hours=1))
    # the next day's call reminds a day before: in the span although the call is not; earliest reminder first
    assert [r.visit_id for r in ws.reminders.due(MONDAY - dt.timedelta(hours=1), MONDAY, li)] == [a, c]
    assert [r.visit_id for r in ws.reminders.due(MONDAY - dt.timedelta(hours=1), MONDAY, wang)] == [b]
    assert [r.visit_id for r in ws.reminders.due(MONDAY - dt.timedelta(hours=1), MONDAY, None)] == [b, a, c]
    # aware instants are this computer's wall clock, like the stored times
    aware = (due - MIN).astimezone()
    assert [r.visit_id for r in ws.reminders.due(aware, due.astimezone(), li)] == [a]


def test_done_deleted_and_trashed_customers_visits_remind_nobody(team):
    ws, ids, people = team
    li = people["li"]
    (done,) = ws.visits.plan(ids["zhangwei"], start=MONDAY, remind_minutes=15, salesperson_id=li)
    (gone,) = ws.visits.plan(ids["muller"], start=MONDAY, remind_minutes=15, salesperson_id=li)
    (trashed,) = ws.visits.plan(ids["shan"], start=MONDAY, remind_minutes=15, salesperson_id=li)
    span = (MONDAY - dt.timedelta(hours=1), MONDAY)
    assert {r.visit_id for r in ws.reminders.due(*span, li)} == {done, gone, trashed}
    ws.visits.log_outcome(done, version=1, status="done")
    ws.visits.delete(gone, version=1)
    ws.editor.set_deleted([ids["shan"]], True)
    assert ws.reminders.due(*span, li) == []


def test_missed_reminders_are_those_since_the_last_run_at_most_a_week_back(team):
    ws, ids, people = team
    li = people["li"]
    (old,) = ws.visits.plan(ids["zhangwei"], start=MONDAY - dt.timedelta(days=10), remind_minutes=15,
                            salesperson_id=li)
    (recent,) = ws.visits.plan(ids["muller"], start=MONDAY - dt.timedelta(hours=2), remind_minutes=15,
                               salesperson_id=li)
    (coming,) = ws.visits.plan(ids["shan"], start=MONDAY + dt.timedelta(hours=1), remind_minutes=15,
                               salesperson_id=li)
    assert ws.reminders.missed(None, MONDAY, li) == []  # the first run ever misses nothing
    since = MONDAY - dt.timedelta(days=30)
    assert [r.visit_id for r in ws.reminders.missed(since, MONDAY, li)] == [recent]
    assert MISSED_DAYS == 7 and old and coming
    assert ws.reminders.missed(MONDAY - dt.timedelta(hours=1), MONDAY, li) == []


def test_an_ics_export_carries_a_planned_visits_reminder_as_a_valarm(team):
    ws, ids, _people = team
    (vid,) = ws.visits.plan(ids["huaxin"], start=MONDAY, remind_minutes=30)
    (plain,) = ws.visits.plan(ids["zhangwei"], start=MONDAY + dt.timedelta(hours=2))
    entries = ws.visits.schedule(MONDAY, MONDAY + dt.timedelta(days=1))
    assert {e.visit_id: e.remind_minutes for e in entries} == {vid: 30, plain: None}
    cal = Calendar.from_ical(ics_bytes(entries, tz="Asia/Shanghai", calendar_name="k"))
    alarms = {str(e["SUMMARY"]): [a for a in e.walk("VALARM")] for e in cal.walk("VEVENT")}
    (alarm,) = alarms["Visit · 上海华信贸易有限公司"]
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == dt.timedelta(minutes=-30)
    assert alarms["Visit · 张伟"] == []
