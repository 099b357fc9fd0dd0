"""Every word printed on a schedule, marked for translation in the "printing" context.

The printing layer sits below ui, so it cannot use ui/labels.py; it keeps its own short labels for visit kinds and
statuses. Text is translated when a page is laid out, through the translators installed in the application.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "printing"

KINDS = {
    "visit": QT_TRANSLATE_NOOP("printing", "Visit"),
    "call": QT_TRANSLATE_NOOP("printing", "Call"),
    "email": QT_TRANSLATE_NOOP("printing", "Email"),
    "message": QT_TRANSLATE_NOOP("printing", "Message"),
}
STATUSES = {
    "planned": QT_TRANSLATE_NOOP("printing", "Planned"),
    "done": QT_TRANSLATE_NOOP("printing", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("printing", "Cancelled"),
    "missed": QT_TRANSLATE_NOOP("printing", "Missed"),
}
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


def kind_label(kind: str) -> str:
    return tr(KINDS[kind]) if kind in KINDS else kind


def status_label(status: str) -> str:
    return tr(STATUSES[status]) if status in STATUSES else status


def document_label(kind: str) -> str:
    return tr(DOCUMENTS[kind])
