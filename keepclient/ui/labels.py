"""Translated display names for the values stored in the database (the one table in domain/labels.py, through
the application's translators), and locale-aware dates."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from keepclient.domain import labels as names

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
