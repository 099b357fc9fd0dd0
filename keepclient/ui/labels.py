"""Translated display names for the values stored in the database (the one table in domain/labels.py, through
the application's translators), and locale-aware dates."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from keepclient.domain import labels as names
from keepclient.domain import lunar

LABELS = names.BY_VALUE  # every stored value and field name with a display name (domain/labels.py holds them)


def label(value: str) -> str:
    """The user's-language name of a stored value ("at_risk" -> "At risk" / "有流失风险"); an enum member is named
    as a member of its enum (FeedbackStatus.NEW is 新建, the stage "new" 新客户)."""
    return names.label(value, QCoreApplication.translate)


def label_in(enum: type[StrEnum], value: str) -> str:
    """The user's-language name of `value` read from the database as a member of `enum`."""
    return names.label_in(enum, value, QCoreApplication.translate)


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


WEEKDAY = re.compile(r"[\s,，]*d{4}[\s,，]*")  # the long format's weekday with its separators
# the year with its separators and a literal before it ("'de' yyyy") or a word after it ("yyyy年", "yyyy 'г'.")
YEAR = re.compile(r"[\s,.\-/]*(?:'[^']*'\s*)?y+(?:[年년]|\s*'[^']*'\.?)?[\s,.\-/]*")


def day_format(with_year: bool = True) -> str:
    """The locale's long date without the weekday and with the month abbreviated ("MMM d, yyyy", "d MMM yyyy",
    "yyyy年M月d日"); without the year ("MMM d", "d MMM", "M月d日") when `with_year` is false. Readable where the
    short format is cryptic ("7 02") and narrower than the long one."""
    fmt = WEEKDAY.sub(" ", QLocale().dateFormat(QLocale.FormatType.LongFormat)).strip()
    if not with_year:
        fmt = YEAR.sub(" ", fmt).strip()
    fmt = re.sub(r"M{4}", "MMM", fmt)
    if "d" not in fmt or "M" not in fmt or (with_year and "y" not in fmt):
        return "d MMM yyyy" if with_year else "d MMM"
    return fmt


def day_text(value: dt.date | None, today: dt.date | None = None) -> str:
    """A day as the locale writes it with the month's name ("Feb 7, 2026" / "2026年2月7日"); without the year
    ("Feb 7" / "2月7日") when it is in the year of `today`."""
    if value is None:
        return ""
    this_year = today is not None and value.year == today.year
    return QLocale().toString(to_qdate(value), day_format(with_year=not this_year))


def month_day_text(month: int, day: int) -> str:
    """A month and day without a year ("May 12" / "5月12日"): a birthday whose year is unknown."""
    return QLocale().toString(QDate(2000, month, day), day_format(with_year=False))  # 2000: 29 February exists


CHINESE_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
CHINESE_DIGITS = "一二三四五六七八九十"


def chinese_lunar_day(day: int) -> str:
    """初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十: how a lunar day is written."""
    if day <= 10:
        return "初" + CHINESE_DIGITS[day - 1]
    if day < 20:
        return "十" + CHINESE_DIGITS[day - 11]
    if day in (20, 30):
        return "二十" if day == 20 else "三十"
    return "廿" + CHINESE_DIGITS[day - 21]


def lunar_date_words(month: int, day: int, leap: bool = False, year: int | None = None) -> str:
    """A lunar month and day in words: "农历八月十五", "农历闰四月初八", "1980年农历腊月廿三" in Chinese (how it is
    written, whatever the country); "lunar month 8, day 15" in other languages."""
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese:
        traditional = locale.script() == QLocale.Script.TraditionalChineseScript
        name = "臘" if traditional and month == 12 else CHINESE_MONTHS[month - 1]
        words = ("農曆" if traditional else "农历") + (("閏" if traditional else "闰") if leap else "") \
            + name + "月" + chinese_lunar_day(day)
        return f"{year}年{words}" if year else words
    text = (QCoreApplication.translate("Labels", "leap lunar month %1, day %2") if leap else
            QCoreApplication.translate("Labels", "lunar month %1, day %2"))
    text = text.replace("%1", locale.toString(month)).replace("%2", locale.toString(day))
    return QCoreApplication.translate("Labels", "%1, %2").replace("%1", text).replace("%2", str(year)) \
        if year else text


def birthday_label(year: int | None, month: int | None, day: int | None, kind: int = lunar.GREGORIAN,
                   today: dt.date | None = None) -> str:
    """A birthday as the user reads it: "May 12, 1980" or "May 12" without the year, in the locale; a lunar one
    as the lunar date in words and the day it falls on this year ("农历八月十五 (this year: Sep 25)")."""
    if not month or not day:
        return ""
    if kind == lunar.GREGORIAN:
        if year:
            try:
                return day_text(dt.date(year, month, day))
            except ValueError:
                pass
        return month_day_text(month, day)
    words = lunar_date_words(month, day, kind == lunar.LUNAR_LEAP, year)
    today = today or dt.date.today()
    try:
        days = lunar.birthday_in(today.year, month, day, kind)
    except (ValueError, AssertionError):
        days = []
    if not days:
        return words
    return QCoreApplication.translate("Labels", "%1 (this year: %2)").replace("%1", words).replace(
        "%2", QCoreApplication.translate("Labels", ", ").join(day_text(d, today) for d in days))


def datetime_text(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def time_text(value: dt.datetime) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
