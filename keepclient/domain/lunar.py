"""The Chinese lunar calendar, from the maintained library lunar_python (imported on first use: start-up stays lean).

A lunar year runs from 春节 (its 1st month, day 1) to 除夕 (the last day of its 12th month); it has 12 months, or 13
with a leap month (闰月) after the regular month of the same number, and each month has 29 or 30 days.

Birthdays (contact.birthday_lunar): 0 a Gregorian birthday, 1 a lunar one, 2 a lunar one in a leap month; the stored
month and day are then the lunar month and day, the year (optional) the lunar year of birth. The day a lunar
birthday is kept in a lunar year follows the usual rule:
- born in a leap month: kept in that leap month in the years that have it, else in the regular month of the same
  number (most years);
- born on day 30: kept on the month's last day (day 29) in the years where that month is short;
- a Gregorian 29 February is kept on 28 February in common years.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, NamedTuple

from keepclient.domain.errors import InvalidDateError, ValidationError

GREGORIAN, LUNAR, LUNAR_LEAP = 0, 1, 2  # contact.birthday_lunar
LUNAR_KINDS = (GREGORIAN, LUNAR, LUNAR_LEAP)
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the lunar years checked against the library's tables (births, holidays)


class LunarMonth(NamedTuple):
    """One month of a lunar year, and the Gregorian day it starts on."""

    year: int  # the lunar year
    month: int  # 1-12
    leap: bool
    first: dt.date
    days: int  # 29 or 30


@lru_cache(maxsize=512)
def months(lunar_year: int) -> tuple[LunarMonth, ...]:
    """The months of `lunar_year` in order (a leap month right after its regular month)."""
    from lunar_python import LunarYear, Solar

    found = []
    for month in LunarYear.fromYear(lunar_year).getMonths():
        if month.getYear() != lunar_year:  # the library's list runs into the neighbouring years
            continue
        solar = Solar.fromJulianDay(month.getFirstJulianDay())
        number = month.getMonth()
        found.append(LunarMonth(lunar_year, abs(number), number < 0, dt.date(solar.getYear(), solar.getMonth(),
                                                                                solar.getDay()),
                                month.getDayCount()))
    return tuple(found)


def leap_month(lunar_year: int) -> int:
    """The number of `lunar_year`'s leap month, 0 when it has none."""
    return next((m.month for m in months(lunar_year) if m.leap), 0)


def _month(lunar_year: int, month: int, leap: bool) -> LunarMonth | None:
    return next((m for m in months(lunar_year) if m.month == month and m.leap == leap), None)


def to_gregorian(lunar_year: int, month: int, day: int, leap: bool = False) -> dt.date | None:
    """The Gregorian date of a lunar date; None when that month (or day) does not exist in that year."""
    found = _month(lunar_year, month, leap)
    if found is None or not 1 <= day <= found.days:
        return None
    return found.first + dt.timedelta(days=day - 1)


def new_year(lunar_year: int) -> dt.date:
    """春节: the first day of `lunar_year`."""
    return months(lunar_year)[0].first


def year_end(lunar_year: int) -> dt.date:
    """除夕: the last day of `lunar_year` (the day before the next 春节)."""
    last = months(lunar_year)[-1]
    return last.first + dt.timedelta(days=last.days - 1)


def exists(month: int, day: int, leap: bool = False, lunar_year: int | None = None) -> bool:
    """Whether a lunar month/day can be a birthday: month 1-12, day 1-30; in `lunar_year` (when known and inside
    the checked years) that month, leap or not, must exist and have that day."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return False
    if lunar_year is None or not FIRST_YEAR <= lunar_year <= LAST_YEAR:
        return True
    return to_gregorian(lunar_year, month, day, leap) is not None


def check_birthday_kind(kind: Any) -> int:
    """contact.birthday_lunar as stored: 0, 1 or 2 (True and False read as 1 and 0)."""
    if isinstance(kind, bool):
        return int(kind)
    if kind not in LUNAR_KINDS:
        raise ValidationError(field="birthday_lunar", value=kind)
    return int(kind)


def check_lunar_birthday(year: int | None, month: int | None, day: int | None, leap: bool = False) -> None:
    """A lunar birthday's month and day must exist (in its lunar year of birth when known); InvalidDateError."""
    if month is None and day is None and year is None:
        return
    text = f"{year or '--'}-{month or '?'}-{day or '?'}" + ("*" if leap else "")
    if month is None or day is None or not exists(month, day, leap, year):
        raise InvalidDateError(field="birthday", value=text)


def lunar_birthday(lunar_year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The Gregorian day a lunar birthday is kept on in `lunar_year` (the module's rule: leap month or the regular
    one, day 30 or the month's last day)."""
    found = (_month(lunar_year, month, True) if leap else None) or _month(lunar_year, month, False)
    assert found is not None  # every lunar year has its twelve regular months
    return found.first + dt.timedelta(days=min(day, found.days) - 1)


def gregorian_birthday(year: int, month: int, day: int) -> dt.date:
    """A Gregorian birthday in `year`; 29 February on 28 February in common years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def birthday_in(year: int, month: int, day: int, kind: int = GREGORIAN) -> list[dt.date]:
    """The Gregorian dates of a birthday within Gregorian `year`. One for a Gregorian birthday; for a lunar one
    usually one, but a lunar year is 354 or 384 days, so a Gregorian year can hold two (one in early January, one in
    late December) or, rarely, none."""
    return birthdays_between(month, day, kind, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))


def birthday_date(year: int, month: int, day: int, kind: int = GREGORIAN) -> dt.date:
    """The birthday's date of `year`: for a Gregorian one in Gregorian `year`; for a lunar one in lunar year `year`
    (between 春节 and 除夕 of that year, so a late 12th-month birthday can fall in January of `year` + 1)."""
    if kind == GREGORIAN:
        return gregorian_birthday(year, month, day)
    return lunar_birthday(year, month, day, kind == LUNAR_LEAP)


def birthdays_between(month: int, day: int, kind: int, start: dt.date, end: dt.date) -> list[dt.date]:
    """Every Gregorian date in [start, end) a birthday is kept on."""
    found = []
    for year in range(start.year - 1, end.year + 1):
        if kind != GREGORIAN and not 1 <= year <= 9999:
            continue
        try:
            when = birthday_date(year, month, day, kind)
        except ValueError:  # a Gregorian year the date type cannot hold
            continue
        if start <= when < end:
            found.append(when)
    return found


def to_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, leap) of a Gregorian date."""
    for lunar_year in (day.year, day.year - 1):
        for month in months(lunar_year):
            if month.first <= day < month.first + dt.timedelta(days=month.days):
                return lunar_year, month.month, (day - month.first).days + 1, month.leap
    raise ValueError(f"no lunar date for {day}")  # pragma: no cover - every date lies in one of the two years


def birthday_keys(start: dt.date, end: dt.date) -> set[tuple[int, int]]:
    """The lunar (month, day) pairs whose birthdays may fall in [start, end): what to look up before checking each
    candidate with birthdays_between. A day 29 ending its month also brings day 30 (kept on it in short months)."""
    keys: set[tuple[int, int]] = set()
    day = start
    while day < end:
        _year, month, number, _leap = to_lunar(day)
        keys.add((month, number))
        if number == 29 and to_lunar(day + dt.timedelta(days=1))[2] == 1:
            keys.add((month, 30))
        day += dt.timedelta(days=1)
    return keys
