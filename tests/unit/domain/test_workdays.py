"""Working time for response targets in China: public holidays off, make-up working days (调休) on, weekends only for
years lunar_python does not know."""

from __future__ import annotations

import datetime as dt

from keepclient.domain import workdays
from keepclient.domain.response_targets import add_working_days, add_working_hours, deadlines

T = dt.datetime


def test_the_library_knows_national_day_2025_and_its_make_up_days():
    assert workdays.china_knows(2025)
    assert dt.date(2025, 9, 28).weekday() == 6 and workdays.china(dt.date(2025, 9, 28))  # a working Sunday
    assert dt.date(2025, 10, 11).weekday() == 5 and workdays.china(dt.date(2025, 10, 11))  # a working Saturday
    assert not any(workdays.china(dt.date(2025, 10, day)) for day in range(1, 9))  # 国庆中秋: 1-8 October
    assert workdays.china(dt.date(2025, 10, 9)) and not workdays.china(dt.date(2025, 9, 27))
    assert workdays.rule_for("cn") is workdays.china and workdays.rule_for("DE") is workdays.weekday


def test_a_deadline_across_a_working_sunday():
    friday = T(2025, 9, 26, 16)
    assert add_working_hours(friday, 24) == T(2025, 9, 29, 16)  # weekends only: Monday
    assert add_working_hours(friday, 24, workdays.china) == T(2025, 9, 28, 16)  # Sunday 28 September works
    assert add_working_hours(T(2025, 9, 27, 9), 4, workdays.china) == T(2025, 9, 28, 4)  # from Sunday 00:00


def test_a_deadline_across_national_day_2025():
    received = T(2025, 9, 30, 10)  # the last working day before the holiday
    assert add_working_hours(received, 24) == T(2025, 10, 1, 10)
    assert add_working_hours(received, 24, workdays.china) == T(2025, 10, 9, 10)  # 14 h on the 30th, 10 on the 9th
    # 7 working days = 168 h: 14 on 30/9, then 9, 10, 11 (a working Saturday), 13, 14, 15 October, and 10 h on the 16th
    assert add_working_days(received, 7, workdays.china) == T(2025, 10, 16, 10)
    assert deadlines(received, "normal", working_day=workdays.china) == (T(2025, 10, 9, 10), T(2025, 10, 16, 10))
    assert deadlines(received, "normal") == (T(2025, 10, 1, 10), T(2025, 10, 9, 10))
    # received during the holiday: the clock starts on the first working day
    assert add_working_hours(T(2025, 10, 3, 12), 8, workdays.china) == T(2025, 10, 9, 8)


def test_a_year_the_library_does_not_know_counts_weekends_only():
    assert not workdays.china_knows(2031)
    received = T(2031, 9, 30, 10)  # a Tuesday; 1 October 2031 is a Wednesday
    assert add_working_hours(received, 24, workdays.china) == add_working_hours(received, 24) == T(2031, 10, 1, 10)
    assert add_working_days(T(2031, 10, 3, 9), 1, workdays.china) == T(2031, 10, 6, 9)  # Friday to Monday
