"""Which days a calendar view shows and how it moves: plain date arithmetic, kept apart so it is easy to test."""

from __future__ import annotations

import datetime as dt

VIEWS = ("day", "week", "month", "agenda")
MONTH_DAYS = 42  # six weeks of seven days: every month fits, and the grid never changes height


def week_start(day: dt.date, first_weekday: int) -> dt.date:
    """The first day of the week holding `day`; `first_weekday` is ISO (1 = Monday ... 7 = Sunday)."""
    return day - dt.timedelta(days=(day.isoweekday() - first_weekday) % 7)


def month_grid_start(day: dt.date, first_weekday: int) -> dt.date:
    """The first day shown by a month view of `day`'s month (the start of the week holding the 1st)."""
    return week_start(day.replace(day=1), first_weekday)


def period(view: str, day: dt.date, first_weekday: int) -> tuple[dt.date, dt.date]:
    """The days [start, end) that `view` shows around `day` (the agenda lists a week, as the week view does)."""
    if view == "day":
        return day, day + dt.timedelta(days=1)
    if view == "month":
        start = month_grid_start(day, first_weekday)
        return start, start + dt.timedelta(days=MONTH_DAYS)
    start = week_start(day, first_weekday)
    return start, start + dt.timedelta(days=7)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, on the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def step(view: str, day: dt.date, direction: int) -> dt.date:
    """The day shown after "previous" (-1) or "next" (+1): a day, a week or a month on."""
    if view == "day":
        return day + dt.timedelta(days=direction)
    if view == "month":
        return add_months(day, direction)
    return day + dt.timedelta(days=7 * direction)


def in_month_grid(view: str, day: dt.date, anchor: dt.date) -> bool:
    """Whether `day` belongs to the month the view is about (the month grid shows a few days around it)."""
    return view != "month" or (day.year, day.month) == (anchor.year, anchor.month)
