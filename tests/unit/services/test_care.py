"""The care calendar's team settings (observed holidays, region), lunar birthdays on contacts and in the calendar's
and the Due panel's birthdays, and feedback deadlines in China's working time."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain import holidays
from keepclient.domain.errors import InvalidDateError, ValidationError, YearOutOfRangeError
from keepclient.services.workspace import Workspace
from tests.small_team import build

D = dt.date


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = build(new_database("team"))
    yield ws, ids, people
    ws.close()


def test_every_holiday_is_observed_until_the_team_chooses(team):
    ws, _, _ = team
    assert ws.care.observed_holidays() == list(holidays.KEYS)
    assert len(ws.care.holidays(2027)) == len(holidays.KEYS)
    assert ws.care.set_observed_holidays(["mid_autumn", "spring_festival", "dragon_boat"]) == [
        "spring_festival", "dragon_boat", "mid_autumn"]
    assert [(h.date, h.key) for h in ws.care.holidays(2027)] == [
        (D(2027, 2, 6), "spring_festival"), (D(2027, 6, 9), "dragon_boat"), (D(2027, 9, 15), "mid_autumn")]
    assert len(ws.care.holidays(2027, everything=True)) == len(holidays.KEYS)
    assert [h.key for h in ws.care.holidays_between(D(2027, 9, 1), D(2027, 10, 1))] == ["mid_autumn"]
    with pytest.raises(ValidationError):
        ws.care.set_observed_holidays(["spring_festival", "easter"])
    assert len(ws.care.observed_holidays()) == 3  # nothing changed
    with pytest.raises(YearOutOfRangeError):
        ws.care.holidays(2101)
    other = Workspace.open(ws.source, user="colleague")  # a team setting: everyone sees it
    try:
        assert other.care.observed_holidays() == ["spring_festival", "dragon_boat", "mid_autumn"]
    finally:
        other.close()


def test_the_region_is_china_until_set(team):
    ws, _, _ = team
    assert ws.care.region() == "CN"
    assert ws.care.set_region(" de ") == "DE" and ws.care.region() == "DE"
    with pytest.raises(ValidationError):
        ws.care.set_region("Germany")


def test_feedback_deadlines_follow_chinas_holidays_for_a_team_in_china(team):
    ws, ids, _ = team
    received = dt.datetime(2025, 9, 30, 10)  # before 国庆中秋 2025 (1-8 October; Saturday 11 October works)
    first = ws.feedback.get(ws.feedback.create(ids["zhangwei"], description="发货延迟", received_at=received))
    assert (first.item.response_due, first.item.resolution_due) == (dt.datetime(2025, 10, 9, 10),
                                                                    dt.datetime(2025, 10, 16, 10))
    sunday = ws.feedback.get(ws.feedback.create(ids["zhangwei"], description="急", severity="urgent",
                                                received_at=dt.datetime(2025, 9, 26, 22)))
    assert sunday.item.response_due == dt.datetime(2025, 9, 28, 2)  # Friday 22:00 + 4 h: the working Sunday
    ws.care.set_region("DE")
    third = ws.feedback.get(ws.feedback.create(ids["zhangwei"], description="late", received_at=received))
    assert third.item.response_due == dt.datetime(2025, 10, 1, 10)  # weekends only


# -- lunar birthdays ------------------------------------------------------------------------------------------------
def test_contacts_take_lunar_birthdays_that_exist(team):
    ws, ids, _ = team
    kid = ws.contacts.add(ids["huaxin"], name="王芳", birthday_month=8, birthday_day=15, birthday_lunar=1)
    info = next(c for c in ws.customers.detail(ids["huaxin"]).contacts if c.id == kid)
    assert (info.birthday_month, info.birthday_day, info.birthday_lunar) == (8, 15, 1)
    ws.contacts.add(ids["huaxin"], name="闰月", birthday_year=2028, birthday_month=5, birthday_day=10,
                    birthday_lunar=2)
    ws.contacts.add(ids["huaxin"], name="三十", birthday_month=12, birthday_day=30, birthday_lunar=True)
    for values in ({"birthday_month": 2, "birthday_day": 31},  # no lunar month has 31 days
                   {"birthday_year": 2027, "birthday_month": 5, "birthday_day": 10},  # 2027 has no 闰五月
                   {"birthday_year": 2027, "birthday_month": 12, "birthday_day": 30, "birthday_lunar": 1}):
        with pytest.raises(InvalidDateError):
            ws.contacts.add(ids["huaxin"], name="x", **{"birthday_lunar": 2, **values})
    with pytest.raises(ValidationError):
        ws.contacts.add(ids["huaxin"], name="x", birthday_month=1, birthday_day=1, birthday_lunar=5)
    # lunar 2/30 exists, Gregorian 2/30 does not: switching the flag off is checked against the stored day
    other = ws.contacts.add(ids["zeng"], name="二月三十", birthday_month=2, birthday_day=30, birthday_lunar=1)
    version = next(c.version for c in ws.customers.detail(ids["zeng"]).contacts if c.id == other)
    with pytest.raises(InvalidDateError):
        ws.contacts.update(other, version, {"birthday_lunar": 0})


def _add_birthdays(ws: Workspace, ids: dict[str, int]) -> None:
    add = ws.contacts.add
    add(ids["huaxin"], name="阴历中秋", birthday_year=1980, birthday_month=8, birthday_day=15, birthday_lunar=1)
    add(ids["huaxin"], name="阳历八月十五", birthday_month=8, birthday_day=15)
    add(ids["zeng"], name="闰五月", birthday_month=5, birthday_day=10, birthday_lunar=2)
    add(ids["zeng"], name="五月初十", birthday_month=5, birthday_day=10, birthday_lunar=1)
    add(ids["muller"], name="腊月三十", birthday_month=12, birthday_day=30, birthday_lunar=1)
    add(ids["muller"], name="十月十九", birthday_month=10, birthday_day=19, birthday_lunar=1)


def test_lunar_birthdays_appear_on_their_gregorian_day_in_the_calendar(team):
    ws, ids, people = team
    _add_birthdays(ws, ids)

    def seen(start: dt.date, end: dt.date, who=None) -> list[tuple[dt.date, str, bool]]:
        return [(c.day, c.contact, c.lunar) for c in ws.visits.care_days(start, end, who)]

    assert seen(D(2027, 9, 10), D(2027, 9, 20)) == [(D(2027, 9, 15), "阴历中秋", True)]  # 中秋 2027
    assert seen(D(2028, 9, 30), D(2028, 10, 5)) == [(D(2028, 10, 3), "阴历中秋", True)]  # 中秋 2028
    assert seen(D(2027, 8, 10), D(2027, 8, 20)) == [(D(2027, 8, 15), "阳历八月十五", False)]
    assert [c.year for c in ws.visits.care_days(D(2027, 9, 15), D(2027, 9, 16))] == [1980]
    # 2028 has a 闰五月: the leap-month birthday is kept in it, the regular one in 五月
    assert seen(D(2028, 5, 20), D(2028, 7, 20)) == [(D(2028, 6, 2), "五月初十", True),
                                                    (D(2028, 7, 2), "闰五月", True)]
    # 2027 has none: both on 五月初十
    assert seen(D(2027, 6, 1), D(2027, 7, 30)) == [(D(2027, 6, 14), "五月初十", True),
                                                   (D(2027, 6, 14), "闰五月", True)]
    # 腊月三十 in a year whose 腊月 has 29 days: on 廿九, 除夕
    assert seen(D(2028, 1, 20), D(2028, 1, 30)) == [(D(2028, 1, 25), "腊月三十", True)]
    assert seen(D(2024, 2, 1), D(2024, 2, 15)) == [(D(2024, 2, 9), "腊月三十", True)]
    assert seen(D(2027, 9, 10), D(2027, 9, 20), [people["li"]]) == []  # 华信 is 王建国's


def test_a_lunar_birthday_in_the_due_panels_week(team):
    ws, ids, people = team
    _add_birthdays(ws, ids)
    due = ws.visits.due(salesperson_id=None, today=D(2026, 11, 25))  # 十月十九 of lunar 2026 is 27 November
    assert [(c.day, c.contact, c.lunar) for c in due.birthdays] == [(D(2026, 11, 27), "十月十九", True)]
    assert ws.visits.due(salesperson_id=people["wang"], today=D(2026, 11, 25)).birthdays == []


def test_lunar_birthdays_are_found_through_their_index(team):
    ws, _, _ = team
    if ws.db.engine != "sqlite":
        pytest.skip("SQLite's query plan (a server's planner chooses by its own statistics)")
    with ws.db.session() as pw:
        plan = " ".join(str(row[-1]) for row in pw.execute_sql(
            "EXPLAIN QUERY PLAN SELECT k.id FROM contact k WHERE k.birthday_lunar <> 0 AND k.birthday_month = ? "
            "AND k.birthday_day IN (?, ?)", [8, 15, 16]).fetchall())
    assert "contact_lunar_birthday" in plan


def test_the_age_of_a_lunar_birthday_counts_lunar_years(team):
    ws, ids, _ = team
    ws.contacts.add(ids["huaxin"], name="腊月", birthday_year=1990, birthday_month=12, birthday_day=8,
                    birthday_lunar=1)
    ws.contacts.add(ids["huaxin"], name="公历", birthday_year=1990, birthday_month=1, birthday_day=26)
    found = {c.contact: c for c in ws.visits.care_days(D(2026, 1, 20), D(2026, 1, 31))}
    assert found["腊月"].day == D(2026, 1, 26)  # 腊八 of lunar 2025
    assert found["腊月"].age == 35 and found["公历"].age == 36


def test_care_days_are_the_observed_holidays_of_a_period(team):
    ws, _, _ = team
    assert [(h.date, h.key) for h in ws.care.days(D(2027, 9, 13), D(2027, 9, 20))] == [(D(2027, 9, 15), "mid_autumn")]
    assert [h.key for h in ws.care.days(D(2027, 12, 20), D(2028, 1, 10))] == ["christmas", "new_year", "laba"]
    assert ws.care.days(D(2101, 1, 1), D(2101, 12, 31)) == []  # outside 1950-2100: none, no error
    ws.care.set_observed_holidays(["spring_festival"])
    assert ws.care.days(D(2027, 9, 13), D(2027, 9, 20)) == []
    assert [h.date for h in ws.care.days(D(2027, 1, 1), D(2029, 1, 1))] == [D(2027, 2, 6), D(2028, 1, 26)]


def test_changing_care_settings_keeps_a_colleagues_other_changes(team):
    ws, _, _ = team
    assert ws.care.settings() == (tuple(holidays.KEYS), "CN")
    other = Workspace.open(ws.source, user="colleague")
    try:  # both saw everything observed; the colleague drops Christmas, then we drop 七夕 and leave China
        other.care.change_settings(stop_observing=["christmas"])
        saved = ws.care.change_settings(stop_observing=["qixi"], region="zz")
    finally:
        other.close()
    assert saved.region == "ZZ" and set(holidays.KEYS) - set(saved.observed) == {"christmas", "qixi"}
    assert ws.care.settings() == saved
    assert ws.care.change_settings(observe=["qixi"]).observed == tuple(k for k in holidays.KEYS if k != "christmas")
    with pytest.raises(ValidationError):
        ws.care.change_settings(observe=["easter"], region="CN")
    with pytest.raises(ValidationError):
        ws.care.change_settings(observe=["christmas"], region="China")
    assert ws.care.settings().region == "ZZ" and "christmas" not in ws.care.observed_holidays()  # nothing changed
