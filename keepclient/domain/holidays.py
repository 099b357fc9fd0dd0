"""Holidays of the care calendar for any Gregorian year from 1950 to 2100: Chinese traditional festivals computed
from the lunar calendar (domain/lunar.py, over lunar_python) and fixed public dates. No tables of dates.

腊八 and 除夕 of the previous lunar year fall in January or February, so a Gregorian year lists what falls inside it:
usually one of each; 腊八 can be missing or appear twice when the lunar years fall that way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from keepclient.domain import lunar
from keepclient.domain.errors import ValidationError, YearOutOfRangeError
from keepclient.domain.translatable import QT_TRANSLATE_NOOP

FIRST_YEAR, LAST_YEAR = 1950, 2100
CONTEXT = "Holidays"


class HolidayKind(NamedTuple):
    key: str
    name_zh: str
    name_en: str  # the source text: translated in context "Holidays"
    lunar: tuple[int, int] | None  # (month, day) of a lunar festival
    solar: tuple[int, int] | None  # (month, day) of a fixed Gregorian date


KINDS: tuple[HolidayKind, ...] = (
    HolidayKind("new_year", "元旦", QT_TRANSLATE_NOOP("Holidays", "New Year's Day"), None, (1, 1)),
    HolidayKind("spring_festival", "春节", QT_TRANSLATE_NOOP("Holidays", "Spring Festival"), (1, 1), None),
    HolidayKind("lantern", "元宵", QT_TRANSLATE_NOOP("Holidays", "Lantern Festival"), (1, 15), None),
    HolidayKind("womens_day", "妇女节", QT_TRANSLATE_NOOP("Holidays", "Women's Day"), None, (3, 8)),
    HolidayKind("labour_day", "劳动节", QT_TRANSLATE_NOOP("Holidays", "Labour Day"), None, (5, 1)),
    HolidayKind("dragon_boat", "端午", QT_TRANSLATE_NOOP("Holidays", "Dragon Boat Festival"), (5, 5), None),
    HolidayKind("qixi", "七夕", QT_TRANSLATE_NOOP("Holidays", "Qixi Festival"), (7, 7), None),
    HolidayKind("teachers_day", "教师节", QT_TRANSLATE_NOOP("Holidays", "Teachers' Day"), None, (9, 10)),
    HolidayKind("mid_autumn", "中秋", QT_TRANSLATE_NOOP("Holidays", "Mid-Autumn Festival"), (8, 15), None),
    HolidayKind("national_day", "国庆", QT_TRANSLATE_NOOP("Holidays", "National Day"), None, (10, 1)),
    HolidayKind("double_ninth", "重阳", QT_TRANSLATE_NOOP("Holidays", "Double Ninth Festival"), (9, 9), None),
    HolidayKind("christmas", "圣诞", QT_TRANSLATE_NOOP("Holidays", "Christmas"), None, (12, 25)),
    HolidayKind("laba", "腊八", QT_TRANSLATE_NOOP("Holidays", "Laba Festival"), (12, 8), None),
    HolidayKind("new_years_eve", "除夕", QT_TRANSLATE_NOOP("Holidays", "Lunar New Year's Eve"), None, None),
)
KEYS: tuple[str, ...] = tuple(kind.key for kind in KINDS)
BY_KEY = {kind.key: kind for kind in KINDS}


class Holiday(NamedTuple):
    date: dt.date
    key: str
    name_zh: str
    name_en: str


def check_year(year: int) -> int:
    """`year` when holidays can be given for it; ValidationError(field "year") otherwise."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRangeError(field="year", value=year, first=FIRST_YEAR, last=LAST_YEAR)
    return year


def check_keys(keys: Iterable[str]) -> list[str]:
    """The holiday keys in their standard order; ValidationError(field "holidays") for an unknown one."""
    wanted = list(keys)
    for key in wanted:
        if key not in BY_KEY:
            raise ValidationError(field="holidays", value=key)
    return [key for key in KEYS if key in wanted]


def _dates(kind: HolidayKind, year: int) -> list[dt.date]:
    if kind.solar is not None:
        return [dt.date(year, *kind.solar)]
    found = []
    for lunar_year in (year - 1, year):  # a lunar year's festivals fall in its own Gregorian year or the next
        if kind.key == "new_years_eve":
            day: dt.date | None = lunar.year_end(lunar_year)
        else:
            assert kind.lunar is not None
            day = lunar.to_gregorian(lunar_year, *kind.lunar)
        if day is not None and day.year == year:
            found.append(day)
    return found


def holidays(year: int, observed: Iterable[str] | None = None) -> list[Holiday]:
    """The holidays falling in Gregorian `year` (1950-2100), in date order; only the keys in `observed` when given."""
    check_year(year)
    keys = set(KEYS if observed is None else check_keys(observed))
    found = [Holiday(day, kind.key, kind.name_zh, kind.name_en)
             for kind in KINDS if kind.key in keys for day in _dates(kind, year)]
    found.sort(key=lambda h: (h.date, KEYS.index(h.key)))
    return found


def holidays_between(start: dt.date, end: dt.date, observed: Iterable[str] | None = None) -> list[Holiday]:
    """The holidays in [start, end), for the years 1950-2100 that range covers."""
    keys = None if observed is None else list(observed)
    found: list[Holiday] = []
    for year in range(max(start.year, FIRST_YEAR), min(end.year, LAST_YEAR) + 1):
        found += [h for h in holidays(year, keys) if start <= h.date < end]
    return found
