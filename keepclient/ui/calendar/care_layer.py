"""The calendar's Care layer: the holidays the team observes and contacts' birthdays, on their days.

One layer, one list per day (holidays first, then birthdays), switched on and off together with the Care button;
the day and week views paint it as all-day markers under the day names, the month view as one line in each cell,
the agenda as a line above the list. Holidays come from `workspace.care.days`, birthdays from
`workspace.visits.care_days`; both are plain records (domain Holiday and CareDay), told apart here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeGuard

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from keepclient.domain.holidays import CONTEXT, Holiday
from keepclient.domain.types import CareDay

CareMark = Holiday | CareDay  # one marker of the Care layer
HOLIDAY_COLOR = QColor("#ffe0b2")  # a warm orange for festivals and public days
BIRTHDAY_COLOR = QColor("#f8bbd0")


def is_holiday(mark: CareMark) -> TypeGuard[Holiday]:
    return isinstance(mark, Holiday)


def holiday_name(holiday: Holiday) -> str:
    """The holiday's name in the user's language (the English source text translated in context "Holidays")."""
    return QCoreApplication.translate(CONTEXT, holiday.name_en)


def color(mark: CareMark) -> QColor:
    return HOLIDAY_COLOR if is_holiday(mark) else BIRTHDAY_COLOR


def by_day(holidays: Iterable[Holiday], birthdays: Iterable[CareDay]) -> dict[dt.date, list[CareMark]]:
    """The layer's markers per day: each day's holidays first (in date and standard order), then its birthdays."""
    days: dict[dt.date, list[CareMark]] = {}
    for holiday in holidays:
        days.setdefault(holiday.date, []).append(holiday)
    for birthday in birthdays:
        days.setdefault(birthday.day, []).append(birthday)
    return days


def holidays_of(marks: Iterable[CareMark]) -> list[Holiday]:
    return [mark for mark in marks if is_holiday(mark)]


def birthdays_of(marks: Iterable[CareMark]) -> list[CareDay]:
    return [mark for mark in marks if isinstance(mark, CareDay)]
