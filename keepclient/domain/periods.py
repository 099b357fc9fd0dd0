"""Calendar periods as people write them on a command line: an ISO week, a day, a month.

ISO weeks start on Monday by definition ("2026-W48" is 23-29 November 2026); the window's calendar follows the
locale's first day of the week instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from keepclient.domain.errors import InvalidDateError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def iso_week(text: str) -> tuple[dt.date, dt.date]:
    """"2026-W48" -> (Monday, the Monday after)."""
    match = _WEEK.match(text.strip())
    try:
        if not match:
            raise ValueError(text)
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise InvalidDateError(field="week", value=text) from None
    return monday, monday + dt.timedelta(days=7)


def day(text: str) -> tuple[dt.date, dt.date]:
    """"2026-11-23" -> (that day, the next day)."""
    try:
        first = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDateError(field="day", value=text) from None
    return first, first + dt.timedelta(days=1)


def month(text: str) -> tuple[dt.date, dt.date]:
    """"2026-11" -> (1 November, 1 December)."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidDateError(field="month", value=text)
    year, number = int(match.group(1)), int(match.group(2))
    first = dt.date(year, number, 1)
    return first, first + dt.timedelta(days=calendar.monthrange(year, number)[1])


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day when it is shorter): 31 Aug - 6 -> 28/29 Feb."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_end(today: dt.date) -> dt.date:
    """The last day of this week (Sunday): where "due this week" ends, in the customer list and the Due panel."""
    return today + dt.timedelta(days=6 - today.weekday())
