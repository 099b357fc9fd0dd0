"""How the wizard shows what it read: cells as the user wrote them, field names and changed values in the user's
language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from keepclient.importing.columns import FIELD_LABELS
from keepclient.importing.orders import ORDER_FIELD_LABELS
from keepclient.importing.rows import written
from keepclient.ui.labels import date_text, datetime_text, label

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
SEPARATOR = " · "  # between the cells of a row shown on one line
LABELLED_VALUES = frozenset({"tier", "stage", "kind"})  # stored as keys; shown by their translated names


def one_line(text: str) -> str:
    """A multi-line value on one table line (the tooltip shows it whole)."""
    return " ⏎ ".join(part for part in text.splitlines()) if "\n" in text or "\r" in text else text


def row_text(values: list[Any]) -> str:
    """A row's filled cells on one line, as written."""
    return SEPARATOR.join(one_line(text) for text in (written(v) for v in values) if text)


def row_tooltip(headers: list[Any], values: list[Any]) -> str:
    """A row's filled cells, one per line, each under its column's header."""
    lines = []
    for index, value in enumerate(values):
        text = written(value)
        if text:
            header = written(headers[index]) if index < len(headers) else ""
            lines.append(f"{header}: {text}" if header else text)
    return "\n".join(lines)


def names_text(names: list[str], shown: int) -> str:
    """The first `shown` names as a list in the user's language, "…" when there are more."""
    text = translate("ImportWizard", ", ").join(names[:shown])
    return text + " …" if len(names) > shown else text


def field_label(name: str) -> str:
    """A field's name in the user's language ("mobile" -> "Mobile" / "手机")."""
    text = FIELD_LABELS.get(name) or ORDER_FIELD_LABELS.get(name)
    return QCoreApplication.translate("ImportWizard", text) if text else name


def field_value(name: str, value: Any) -> str:
    """A stored or planned field value for the changes list: tier, stage and kind by their names, tags joined,
    dates in the user's locale."""
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, tuple | list | set | frozenset):
        return ", ".join(written(v) for v in value)
    if name in LABELLED_VALUES and isinstance(value, str):
        return label(value)
    if isinstance(value, dt.datetime):  # dates in the user's locale, as everywhere else in the window
        return datetime_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    return written(value)
