"""A date that may be empty: a checkbox beside a locale-formatted date editor with a calendar popup."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.editor = QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.editor.setDate(QDate.currentDate())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.editor, 1)
        self.enabled.toggled.connect(self.editor.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.editor.dateChanged.connect(self.changed)
        self.editor.setEnabled(False)

    def value(self) -> dt.date | None:
        if not self.enabled.isChecked():
            return None
        date = self.editor.date()
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.blockSignals(True)
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.editor.setDate(QDate(value.year, value.month, value.day))
        self.blockSignals(False)
