"""Working-time deadlines for feedback: weekends skipped, wall-clock hours kept across daylight saving."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain.errors import ValidationError
from keepclient.domain.response_targets import add_working_hours, checked_targets, deadlines


@pytest.mark.parametrize(("start", "hours", "due"), [
    (dt.datetime(2026, 11, 23, 10), 24, dt.datetime(2026, 11, 24, 10)),  # Monday: plain
    (dt.datetime(2026, 11, 27, 17), 24, dt.datetime(2026, 11, 30, 17)),  # Friday evening: over the weekend
    (dt.datetime(2026, 11, 28, 11), 24, dt.datetime(2026, 12, 1, 0)),  # Saturday: counts from Monday 00:00
    (dt.datetime(2026, 11, 29, 23, 30), 4, dt.datetime(2026, 11, 30, 4)),  # Sunday night
    (dt.datetime(2026, 11, 27, 22), 4, dt.datetime(2026, 11, 30, 2)),  # two hours Friday, two on Monday
    (dt.datetime(2026, 11, 23, 9), 120, dt.datetime(2026, 11, 30, 9)),  # five working days = a calendar week
    (dt.datetime(2026, 3, 27, 9), 24, dt.datetime(2026, 3, 30, 9)),  # across Europe's switch to summer time
    (dt.datetime(2026, 10, 23, 9), 48, dt.datetime(2026, 10, 27, 9)),  # and back to winter time
])
def test_working_hours_skip_weekends(start: dt.datetime, hours: float, due: dt.datetime):
    assert add_working_hours(start, hours) == due


def test_deadlines_follow_the_severity_and_the_teams_targets():
    received = dt.datetime(2026, 11, 26, 15, 0)  # a Thursday
    assert deadlines(received, "urgent") == (dt.datetime(2026, 11, 26, 19), dt.datetime(2026, 11, 27, 15))
    assert deadlines(received, "normal") == (dt.datetime(2026, 11, 27, 15), dt.datetime(2026, 12, 7, 15))
    team = checked_targets({"normal": {"response_hours": 2, "resolution_days": 1}})
    assert deadlines(received, "normal", team) == (dt.datetime(2026, 11, 26, 17), dt.datetime(2026, 11, 27, 15))
    assert deadlines(received, "unknown", team)[0] == dt.datetime(2026, 11, 26, 17)  # as normal


@pytest.mark.parametrize("bad", [{"high": {"response_hours": 0}}, {"low": {"resolution_days": "soon"}},
                                 {"urgent": {"response_hours": 24 * 365}}])
def test_targets_out_of_range_are_refused(bad):
    with pytest.raises(ValidationError):
        checked_targets(bad)
