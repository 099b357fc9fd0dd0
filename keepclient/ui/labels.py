"""Translated display names for the values stored in the database, and locale-aware dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

LABELS = {
    "A": QT_TRANSLATE_NOOP("labels", "A (high)"),
    "B": QT_TRANSLATE_NOOP("labels", "B (medium)"),
    "C": QT_TRANSLATE_NOOP("labels", "C (low)"),
    "company": QT_TRANSLATE_NOOP("labels", "Company"),
    "person": QT_TRANSLATE_NOOP("labels", "Person"),
    "prospect": QT_TRANSLATE_NOOP("labels", "Prospect"),
    "new": QT_TRANSLATE_NOOP("labels", "New"),
    "active": QT_TRANSLATE_NOOP("labels", "Active"),
    "mature": QT_TRANSLATE_NOOP("labels", "Mature"),
    "at_risk": QT_TRANSLATE_NOOP("labels", "At risk"),
    "lost": QT_TRANSLATE_NOOP("labels", "Lost"),
    "won_back": QT_TRANSLATE_NOOP("labels", "Won back"),
    "visit": QT_TRANSLATE_NOOP("labels", "Visit"),
    "call": QT_TRANSLATE_NOOP("labels", "Call"),
    "email": QT_TRANSLATE_NOOP("labels", "Email"),
    "message": QT_TRANSLATE_NOOP("labels", "Message"),
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "planned": QT_TRANSLATE_NOOP("labels", "Planned"),
    "done": QT_TRANSLATE_NOOP("labels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
    "missed": QT_TRANSLATE_NOOP("labels", "Missed"),
    "complaint": QT_TRANSLATE_NOOP("labels", "Complaint"),
    "suggestion": QT_TRANSLATE_NOOP("labels", "Suggestion"),
    "request": QT_TRANSLATE_NOOP("labels", "Request"),
    "praise": QT_TRANSLATE_NOOP("labels", "Praise"),
    "product": QT_TRANSLATE_NOOP("labels", "Product"),
    "price": QT_TRANSLATE_NOOP("labels", "Price"),
    "service": QT_TRANSLATE_NOOP("labels", "Service"),
    "delivery": QT_TRANSLATE_NOOP("labels", "Delivery"),
    "trust": QT_TRANSLATE_NOOP("labels", "Trust"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
    "low": QT_TRANSLATE_NOOP("labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("labels", "Urgent"),
    "in_progress": QT_TRANSLATE_NOOP("labels", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
    "replied": QT_TRANSLATE_NOOP("labels", "Replied to customer"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "purchase": QT_TRANSLATE_NOOP("labels", "Purchase"),
    "change": QT_TRANSLATE_NOOP("labels", "Change"),
    "name": QT_TRANSLATE_NOOP("labels", "Name"),
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "tier": QT_TRANSLATE_NOOP("labels", "Tier"),
    "stage": QT_TRANSLATE_NOOP("labels", "Stage"),
    "kind": QT_TRANSLATE_NOOP("labels", "Kind"),
    "industry": QT_TRANSLATE_NOOP("labels", "Industry"),
    "source": QT_TRANSLATE_NOOP("labels", "Source"),
    "city": QT_TRANSLATE_NOOP("labels", "City"),
    "region": QT_TRANSLATE_NOOP("labels", "Region"),
    "address": QT_TRANSLATE_NOOP("labels", "Address"),
    "website": QT_TRANSLATE_NOOP("labels", "Website"),
    "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
    "cadence_days": QT_TRANSLATE_NOOP("labels", "Follow-up interval"),
    "next_follow_up": QT_TRANSLATE_NOOP("labels", "Next follow-up"),
    "tags": QT_TRANSLATE_NOOP("labels", "Tags"),
    "deleted_at": QT_TRANSLATE_NOOP("labels", "Moved to trash"),
    "feedback": QT_TRANSLATE_NOOP("labels", "Feedback"),
}


def label(value: str) -> str:
    """The user's-language name of a stored value ("at_risk" -> "At risk" / "有流失风险")."""
    text = LABELS.get(value)
    return QCoreApplication.translate("labels", text) if text else value


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
