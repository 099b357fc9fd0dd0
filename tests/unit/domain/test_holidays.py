"""Holidays of the care calendar against published dates, and lunar birthdays across leap months and short months."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain import holidays as h
from keepclient.domain import lunar
from keepclient.domain.errors import InvalidDateError, ValidationError, YearOutOfRangeError

D = dt.date


def _on(year: int) -> dict[str, list[dt.date]]:
    found: dict[str, list[dt.date]] = {}
    for holiday in h.holidays(year):
        found.setdefault(holiday.key, []).append(holiday.date)
    return found


@pytest.mark.parametrize(("year", "spring", "dragon", "autumn"), [
    (2027, D(2027, 2, 6), D(2027, 6, 9), D(2027, 9, 15)),
    (2028, D(2028, 1, 26), D(2028, 5, 28), D(2028, 10, 3)),
    (2025, D(2025, 1, 29), D(2025, 5, 31), D(2025, 10, 6)),
])
def test_lunar_festivals_fall_on_the_published_dates(year, spring, dragon, autumn):
    on = _on(year)
    assert on["spring_festival"] == [spring] and on["dragon_boat"] == [dragon] and on["mid_autumn"] == [autumn]
    assert on["new_years_eve"] == [spring - dt.timedelta(days=1)]  # the day before 春节, whatever the month's length
    assert on["lantern"] == [spring + dt.timedelta(days=14)]


def test_a_year_lists_every_kind_in_date_order_inside_the_year():
    found = h.holidays(2027)
    assert [x.date for x in found] == sorted(x.date for x in found)
    assert {x.date.year for x in found} == {2027}
    assert {x.key for x in found} == set(h.KEYS)
    assert _on(2027)["laba"] == [D(2027, 1, 15)]  # 腊八 of lunar 2026 falls in January
    assert _on(2027)["qixi"] == [D(2027, 8, 8)] and _on(2027)["double_ninth"] == [D(2027, 10, 8)]
    assert [(x.key, x.name_zh, x.name_en) for x in found if x.date == D(2027, 10, 1)] == [
        ("national_day", "国庆", "National Day")]
    assert _on(2027)["teachers_day"] == [D(2027, 9, 10)] and _on(2027)["christmas"] == [D(2027, 12, 25)]


def test_new_years_eve_when_the_twelfth_month_has_29_days():
    assert [m.days for m in lunar.months(2027) if m.month == 12] == [29]
    assert _on(2028)["new_years_eve"] == [D(2028, 1, 25)]  # 腊月廿九: there is no 三十 that year
    assert lunar.to_lunar(D(2028, 1, 25)) == (2027, 12, 29, False)


def test_the_limits_1950_and_2100():
    assert _on(1950)["spring_festival"] == [D(1950, 2, 17)] and _on(1950)["new_years_eve"] == [D(1950, 2, 16)]
    assert _on(1950)["laba"] == [D(1950, 1, 25)]  # of lunar 1949, before the range's first 春节
    assert _on(2100)["spring_festival"] == [D(2100, 2, 9)] and _on(2100)["mid_autumn"] == [D(2100, 9, 18)]
    for year in (1949, 2101, 0):
        with pytest.raises(YearOutOfRangeError):
            h.holidays(year)


def test_observed_keys_filter_and_unknown_keys_are_refused():
    assert [x.key for x in h.holidays(2027, ["mid_autumn", "spring_festival"])] == ["spring_festival", "mid_autumn"]
    assert h.holidays(2027, []) == []
    with pytest.raises(ValidationError):
        h.holidays(2027, ["easter"])


def test_holidays_between_spans_years():
    found = h.holidays_between(D(2027, 12, 20), D(2028, 1, 27))
    assert [x.key for x in found] == ["christmas", "new_year", "laba", "new_years_eve", "spring_festival"]


# -- lunar birthdays ----------------------------------------------------------------------------------------------
def test_a_lunar_birthday_moves_with_the_lunar_year():
    # 八月十五: 中秋 each year
    assert lunar.birthday_date(2027, 8, 15, lunar.LUNAR) == D(2027, 9, 15)
    assert lunar.birthday_in(2028, 8, 15, lunar.LUNAR) == [D(2028, 10, 3)]
    assert lunar.birthday_in(2027, 3, 8, lunar.GREGORIAN) == [D(2027, 3, 8)]
    assert lunar.birthday_in(2027, 2, 29, lunar.GREGORIAN) == [D(2027, 2, 28)]  # common year
    assert lunar.birthday_in(2028, 2, 29, lunar.GREGORIAN) == [D(2028, 2, 29)]


def test_a_leap_month_birthday_is_kept_in_the_regular_month_in_other_years():
    assert lunar.leap_month(2028) == 5 and lunar.leap_month(2027) == 0 and lunar.leap_month(2023) == 2
    leap_may_10 = lunar.to_gregorian(2028, 5, 10, leap=True)
    regular_may_10 = lunar.to_gregorian(2028, 5, 10)
    assert leap_may_10 is not None and regular_may_10 is not None and leap_may_10 > regular_may_10
    # born 闰五月初十: in 2028 (a 闰五月 year) on the leap month's day, in 2027 on 五月初十
    assert lunar.birthday_in(2028, 5, 10, lunar.LUNAR_LEAP) == [leap_may_10]
    assert lunar.birthday_in(2027, 5, 10, lunar.LUNAR_LEAP) == [lunar.to_gregorian(2027, 5, 10)]
    # born on the regular 五月初十: the regular month, also in a leap year
    assert lunar.birthday_in(2028, 5, 10, lunar.LUNAR) == [regular_may_10]


def test_day_30_falls_on_the_last_day_of_a_short_month():
    assert [m.days for m in lunar.months(2027) if m.month == 12] == [29]
    assert lunar.birthday_date(2027, 12, 30, lunar.LUNAR) == D(2028, 1, 25)  # 腊月廿九 = 除夕
    assert [m.days for m in lunar.months(2023) if m.month == 12] == [30]
    assert lunar.birthday_date(2023, 12, 30, lunar.LUNAR) == D(2024, 2, 9)  # the 除夕 of a 30-day 腊月


def test_a_gregorian_year_can_hold_two_or_no_lunar_birthday():
    # a lunar year is 354 or 384 days: 腊月初一 twice in 2024 (lunar 2023 and 2024), never in 2025
    assert lunar.birthday_in(2024, 12, 1, lunar.LUNAR) == [D(2024, 1, 11), D(2024, 12, 31)]
    assert lunar.birthday_in(2025, 12, 1, lunar.LUNAR) == []
    assert lunar.birthday_in(2025, 12, 2, lunar.LUNAR) == [D(2025, 1, 1)]
    # birthday_date gives the lunar year's one: lunar 2025's 腊月初一 is in January 2026
    assert lunar.birthday_date(2025, 12, 1, lunar.LUNAR) == D(2026, 1, 19)  # 腊八 2026-01-26, a week on


def test_lunar_birthdays_are_validated():
    lunar.check_lunar_birthday(None, 12, 30)  # day 30 exists in some years
    lunar.check_lunar_birthday(2023, 12, 30)
    lunar.check_lunar_birthday(2028, 5, 10, leap=True)
    lunar.check_lunar_birthday(None, None, None)
    for year, month, day, leap in ((2027, 12, 30, False), (2027, 5, 10, True), (None, 13, 1, False),
                                   (None, 1, 31, False), (None, 0, 5, False), (None, 5, None, False)):
        with pytest.raises(InvalidDateError):
            lunar.check_lunar_birthday(year, month, day, leap)
    assert lunar.check_birthday_kind(True) == 1 and lunar.check_birthday_kind(2) == 2
    with pytest.raises(ValidationError):
        lunar.check_birthday_kind(3)


def test_birthday_keys_cover_a_period():
    keys = lunar.birthday_keys(D(2028, 1, 24), D(2028, 1, 27))  # 腊月廿八, 廿九 (the last), 正月初一
    assert keys == {(12, 28), (12, 29), (12, 30), (1, 1)}


def test_lunar_python_loads_only_when_used():
    import subprocess
    import sys

    code = ("import sys, keepclient.domain.holidays, keepclient.domain.workdays, keepclient.services.workspace; "
            "print('lunar_python' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"
