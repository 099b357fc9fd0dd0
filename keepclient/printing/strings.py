"""Every word printed on a schedule, marked for translation in the "printing" context.

Visit kinds and statuses are stored values: their names come from the one table in domain/labels.py, so paper and
screen call a visit the same. Text is translated when a page is laid out, through the translators installed in the
application.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from keepclient.domain.enums import VisitKind, VisitStatus
from keepclient.domain.labels import label_in
from keepclient.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "printing"
DOCUMENTS = {
    "week": QT_TRANSLATE_NOOP("printing", "Week schedule"),
    "day": QT_TRANSLATE_NOOP("printing", "Day route sheet"),
    "month": QT_TRANSLATE_NOOP("printing", "Month overview"),
}

PAGE = QT_TRANSLATE_NOOP("printing", "Page {page} of {pages}")
SHEET = QT_TRANSLATE_NOOP("printing", "sheet {sheet}/{sheets}")
PRINTED = QT_TRANSLATE_NOOP("printing", "Printed {when}")
WEEK = QT_TRANSLATE_NOOP("printing", "Week {week}: {first} – {last}")
VISITS = QT_TRANSLATE_NOOP("printing", "Visits: {count}")
NO_VISITS = QT_TRANSLATE_NOOP("printing", "No visits in this period.")
UNASSIGNED = QT_TRANSLATE_NOOP("printing", "Unassigned")
TIME = QT_TRANSLATE_NOOP("printing", "Time")
CUSTOMER = QT_TRANSLATE_NOOP("printing", "Customer / contact")
ADDRESS = QT_TRANSLATE_NOOP("printing", "Address")
PURPOSE = QT_TRANSLATE_NOOP("printing", "Purpose / last visit")
NOTES = QT_TRANSLATE_NOOP("printing", "Notes")
LAST_VISIT = QT_TRANSLATE_NOOP("printing", "Last visit: {note}")
# Qt date formats (QLocale::toString), translatable so each language orders day and month its own way.
DAY_HEADER_FORMAT = QT_TRANSLATE_NOOP("printing", "ddd d MMM")
MONTH_TITLE_FORMAT = QT_TRANSLATE_NOOP("printing", "MMMM yyyy")


def tr(text: str, **params: object) -> str:
    """`text` in the user's language, with `{name}` placeholders filled."""
    translated = QCoreApplication.translate(CONTEXT, text)
    return translated.format(**params) if params else translated


def value_label(enum: type[StrEnum], value: str) -> str:
    """The display name of a stored `value` of `enum` in the user's language, as the window shows it."""
    return label_in(enum, value, QCoreApplication.translate)


def kind_label(kind: str) -> str:
    return value_label(VisitKind, kind)


def status_label(status: str) -> str:
    return value_label(VisitStatus, status)


def document_label(kind: str) -> str:
    return tr(DOCUMENTS[kind])
