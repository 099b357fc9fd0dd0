"""Recurring follow-ups: month ends, leap days, wall-clock times across daylight saving, and limits."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain.errors import ValidationError
from keepclient.domain.recurrence import MAX_OCCURRENCES, occurrences
from keepclient.domain.types import Recurrence


def test_monthly_series_from_the_31st_falls_back_to_each_months_last_day_without_drifting():
    start = dt.datetime(2027, 1, 31, 9, 30)
    days = [t.date() for t in occurrences(start, Recurrence(1, "month", count=5))]
    assert days == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31), dt.date(2027, 4, 30),
                    dt.date(2027, 5, 31)]


def test_leap_day_series_repeats_on_28_february_in_common_years():
    start = dt.datetime(2028, 2, 29, 10, 0)
    days = [t.date() for t in occurrences(start, Recurrence(12, "month", count=5))]
    assert days == [dt.date(2028, 2, 29), dt.date(2029, 2, 28), dt.date(2030, 2, 28), dt.date(2031, 2, 28),
                    dt.date(2032, 2, 29)]


def test_weekly_series_keeps_its_wall_clock_time_across_daylight_saving_changes():
    start = dt.datetime(2026, 3, 23, 9, 0)  # Europe and the US switch within the next weeks
    times = occurrences(start, Recurrence(1, "week", until=dt.date(2026, 11, 10)))
    assert {t.time() for t in times} == {dt.time(9, 0)}
    assert times[-1].date() == dt.date(2026, 11, 9)
    assert len(times) == 34


def test_until_is_inclusive_and_every_n_days():
    times = occurrences(dt.datetime(2026, 11, 23, 14), Recurrence(3, "day", until=dt.date(2026, 12, 2)))
    assert [t.day for t in times] == [23, 26, 29, 2]


@pytest.mark.parametrize("rule", [
    Recurrence(1, "week"),  # neither an end date nor a count
    Recurrence(1, "week", until=dt.date(2027, 1, 1), count=3),  # both
    Recurrence(0, "day", count=3),
    Recurrence(1, "fortnight", count=3),
    Recurrence(1, "day", count=MAX_OCCURRENCES + 1),
    Recurrence(1, "day", until=dt.date(2030, 1, 1)),  # more than MAX_OCCURRENCES visits
    Recurrence(1, "day", until=dt.date(2026, 11, 1)),  # ends before it starts
])
def test_rules_that_would_not_end_or_make_no_sense_are_refused(rule: Recurrence):
    with pytest.raises(ValidationError):
        occurrences(dt.datetime(2026, 11, 23, 9), rule)
