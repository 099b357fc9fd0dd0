"""Which days count as working time for response targets: Monday to Friday, or, for a team in China, the official
calendar with its public holidays (法定假日) and make-up working days (调休) from lunar_python's HolidayUtil.

The library knows the State Council's schedule only for the years it was released for (2002-2026 in 1.4.8); for
any other year the rule falls back to weekends only. Update lunar_python to learn a newly published year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

WorkingDay = Callable[[dt.date], bool]


def weekday(day: dt.date) -> bool:
    """Monday to Friday."""
    return day.weekday() < 5


@lru_cache(maxsize=256)
def _china_year(year: int) -> dict[dt.date, bool] | None:
    """{day: works} for the days of `year` the official schedule moves (holidays off, 调休 days on); None when the
    library does not know that year's schedule."""
    from lunar_python.util import HolidayUtil

    table: dict[dt.date, bool] = {}
    known = False
    for holiday in HolidayUtil.getHolidays(year):
        table[dt.date.fromisoformat(holiday.getDay())] = bool(holiday.isWork())
        known = known or holiday.getTarget().startswith(f"{year:04d}-")
    return table if known else None


def china_knows(year: int) -> bool:
    """Whether the library has China's official holiday schedule for `year`."""
    return _china_year(year) is not None


def china(day: dt.date) -> bool:
    """A working day in mainland China: a 调休 Saturday or Sunday works, a public holiday does not; weekends only
    for years the library does not know."""
    table = _china_year(day.year)
    if table is not None and day in table:
        return table[day]
    return weekday(day)


def rule_for(region: str) -> WorkingDay:
    """The working-day rule of a team in `region` (an ISO country code, e.g. "CN")."""
    return china if region.strip().upper() == "CN" else weekday
