"""Reading and setting the value of any input widget the forms use, in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from keepclient.ui.widgets.style import INVALID_STYLE


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value or "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QDateTimeEdit):
        moment = value or dt.datetime.now().replace(second=0, microsecond=0)
        widget.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value or 0)
    else:  # composite editors of our own (OptionalDateEdit, BirthdayEdit)
        widget.set_value(value)  # type: ignore[attr-defined]


def value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateTimeEdit):
        moment = widget.dateTime()
        date, time = moment.date(), moment.time()
        return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
    if isinstance(widget, QSpinBox):
        return widget.value()
    return widget.value()  # type: ignore[attr-defined]


def mark_invalid(widget: QWidget | None, message: str) -> None:
    if widget is not None:
        widget.setStyleSheet(INVALID_STYLE)
        widget.setToolTip(message)
        widget.setFocus()
