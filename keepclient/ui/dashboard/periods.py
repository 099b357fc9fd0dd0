"""The periods the dashboard offers: this month, quarter or year to date, or two chosen days. Plain dates only."""

from __future__ import annotations

import datetime as dt

MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"
CHOICES = (MONTH, QUARTER, YEAR, CUSTOM)


def period_of(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of `today`'s month, quarter or year, to `today` (both included): targets are pro rata by day,
    so a month to date is held against its days so far, and "on time" is judged on a day that has happened."""
    if choice == MONTH:
        return today.replace(day=1), today
    if choice == QUARTER:
        return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if choice == YEAR:
        return dt.date(today.year, 1, 1), today
    raise ValueError(f"not a fixed period: {choice}")
