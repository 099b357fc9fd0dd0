"""Recurring follow-ups: the wall-clock start times of every occurrence of a series.

Times are local wall-clock times, so "every week at 9:00" stays at 9:00 across daylight-saving changes. Monthly
series keep the day of the month they started on and fall back to the month's last day when it is shorter
(31 January -> 28 or 29 February -> 31 March); a series started on 29 February repeats yearly on 28 February in
common years. Every series ends, on a date or after a number of times, and is capped so a typing slip cannot
create thousands of visits.
"""

from __future__ import annotations

import calendar
import datetime as dt

from keepclient.domain.errors import ValidationError
from keepclient.domain.types import Recurrence

UNITS = ("day", "week", "month")
MAX_OCCURRENCES = 366
MAX_EVERY = 365


def add_months(day: dt.datetime, months: int) -> dt.datetime:
    """The same day of the month `months` later, or that month's last day when it has fewer days."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def nth(start: dt.datetime, rule: Recurrence, n: int) -> dt.datetime:
    """The start of occurrence `n` (0 = the first), always computed from the first so month ends do not drift."""
    if rule.unit == "month":
        return add_months(start, n * rule.every)
    days = rule.every * (7 if rule.unit == "week" else 1)
    return start + dt.timedelta(days=n * days)


def check(rule: Recurrence, start: dt.datetime) -> None:
    """ValidationError unless the rule is complete and ends within MAX_OCCURRENCES occurrences."""
    if rule.unit not in UNITS:
        raise ValidationError(field="repeat_unit", value=rule.unit)
    if not 1 <= rule.every <= MAX_EVERY:
        raise ValidationError(field="repeat_every", value=rule.every)
    if (rule.until is None) == (rule.count is None):
        raise ValidationError(field="repeat_end", value=rule.until or rule.count)
    if rule.count is not None and not 1 <= rule.count <= MAX_OCCURRENCES:
        raise ValidationError(field="repeat_count", value=rule.count)
    if rule.until is not None:
        if rule.until < start.date():
            raise ValidationError(field="repeat_until", value=rule.until)
        if nth(start, rule, MAX_OCCURRENCES).date() <= rule.until:
            raise ValidationError(field="repeat_until", value=rule.until)


def occurrences(start: dt.datetime, rule: Recurrence) -> list[dt.datetime]:
    """Every start of the series, the first one included."""
    check(rule, start)
    times: list[dt.datetime] = []
    while len(times) < (rule.count or MAX_OCCURRENCES):
        when = nth(start, rule, len(times))
        if rule.until is not None and when.date() > rule.until:
            break
        times.append(when)
    return times
