"""The Due panel's lists (overdue, today, this week; mine or the team's) and contacts' birthdays."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import Contact, Customer
from keepclient.services.workspace import Workspace
from tests.small_team import build

TODAY = dt.date(2026, 11, 25)  # a Wednesday: the week ends on Sunday 29 November


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = build(new_database("team"))
    due = {"zhangwei": dt.date(2026, 11, 20), "huaxin": dt.date(2026, 11, 1), "muller": TODAY,
           "zeng": dt.date(2026, 11, 29), "shan": dt.date(2026, 11, 30), "brown": None}
    with ws.db.write():
        for key, day in due.items():
            Customer.update(next_follow_up=day).where(Customer.id == ids[key]).execute()
    yield ws, ids, people
    ws.close()


def _names(items) -> list[str]:
    return [i.customer for i in items]


def test_whole_team_overdue_today_and_this_week(team):
    ws, _, _ = team
    due = ws.visits.due(salesperson_id=None, today=TODAY)
    assert _names(due.overdue) == ["上海华信贸易有限公司", "张伟"]  # most overdue first
    assert _names(due.today) == ["Müller Maschinenbau GmbH"]
    assert _names(due.week) == ["曾伟"]  # 30 November is next week; Brown has no due date
    assert due.counts == {"overdue": 2, "today": 1, "week": 1}
    assert due.overdue[1].owner == "李娜" and due.overdue[1].tier == "A" and due.overdue[1].planned is None


def test_one_salesperson_and_the_planned_marker(team):
    ws, ids, people = team
    ws.visits.plan(ids["muller"], start=dt.datetime(2026, 11, 25, 15))  # due today, planned for this afternoon
    ws.visits.plan(ids["zhangwei"], start=dt.datetime(2026, 11, 20, 9))  # a plan in the past is no plan
    due = ws.visits.due(salesperson_id=people["li"], today=TODAY)
    assert _names(due.overdue) == ["张伟"] and _names(due.today) == ["Müller Maschinenbau GmbH"]
    assert due.week == [] and due.counts == {"overdue": 1, "today": 1, "week": 0}
    assert due.today[0].planned == dt.datetime(2026, 11, 25, 15) and due.overdue[0].planned is None


def test_lists_are_capped_but_counts_are_not(team):
    ws, _, _ = team
    due = ws.visits.due(salesperson_id=None, today=TODAY, limit=1)
    assert _names(due.overdue) == ["上海华信贸易有限公司"] and due.counts["overdue"] == 2


def _birthdays(ws: Workspace, ids: dict[str, int]) -> None:
    with ws.db.write():
        for key, name, year, month, day in (("huaxin", "王芳", 1980, 11, 27), ("huaxin", "刘洋", None, 2, 29),
                                            ("zeng", "曾小雨", 1990, 12, 31), ("zeng", "陈晨", None, 1, 2),
                                            ("muller", "Anna Weber", 1975, 11, 23)):
            Contact.insert(customer=ids[key], name=name, birthday_year=year, birthday_month=month,
                           birthday_day=day).execute()


def test_care_days_in_a_period_across_the_year_end_and_leap_days(team):
    ws, ids, people = team
    _birthdays(ws, ids)
    found = ws.visits.care_days(dt.date(2026, 12, 25), dt.date(2027, 1, 5))
    assert [(c.day, c.contact, c.year) for c in found] == [(dt.date(2026, 12, 31), "曾小雨", 1990),
                                                          (dt.date(2027, 1, 2), "陈晨", None)]
    common = ws.visits.care_days(dt.date(2027, 2, 27), dt.date(2027, 3, 2))
    assert [(c.day, c.contact) for c in common] == [(dt.date(2027, 2, 28), "刘洋")]
    leap = ws.visits.care_days(dt.date(2028, 2, 27), dt.date(2028, 3, 2))
    assert [(c.day, c.contact) for c in leap] == [(dt.date(2028, 2, 29), "刘洋")]
    assert ws.visits.care_days(dt.date(2026, 12, 25), dt.date(2027, 1, 5), [people["li"]]) == []


def test_the_due_panel_shows_the_weeks_birthdays(team):
    ws, ids, people = team
    _birthdays(ws, ids)
    due = ws.visits.due(salesperson_id=None, today=TODAY)
    assert [(c.day, c.contact, c.customer) for c in due.birthdays] == [
        (dt.date(2026, 11, 27), "王芳", "上海华信贸易有限公司")]  # 23 November has passed
    assert ws.visits.due(salesperson_id=people["li"], today=dt.date(2026, 11, 23)).birthdays[0].contact == \
        "Anna Weber"


def test_the_due_list_has_the_observed_holidays_of_the_next_two_weeks(team):
    ws, _, _ = team
    assert ws.visits.due(salesperson_id=None, today=TODAY).holidays == ()  # nothing until 9 December
    before = ws.visits.due(salesperson_id=None, today=dt.date(2027, 9, 1))  # 教师节 10th, 中秋 15th; 国庆 too far
    assert [(h.date, h.key) for h in before.holidays] == [(dt.date(2027, 9, 10), "teachers_day"),
                                                          (dt.date(2027, 9, 15), "mid_autumn")]
    assert [h.key for h in ws.visits.due(salesperson_id=None, today=dt.date(2027, 9, 17)).holidays] == [
        "national_day"]  # 14 days ahead is still in
    ws.care.set_observed_holidays(["national_day"])
    assert ws.visits.due(salesperson_id=None, today=dt.date(2027, 9, 1)).holidays == ()
