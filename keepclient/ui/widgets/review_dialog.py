"""A list of suggestions to review before anything changes: each row ticked or not, "Apply ticked" or Cancel.

Tier reviews and lifecycle (stage) reviews are both this dialog with their own columns: suggestions are never
applied silently, and the caller applies the ticked ones as one undoable step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from keepclient.ui.widgets.form_dialog import dialog_buttons, message_label, ok_button

translate = QCoreApplication.translate  # explicit context: a subclass's tr() would look under its own name
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReviewDialog(QDialog):
    """`apply_requested(keys)` carries the keys of the ticked rows (a list); the caller applies them and accepts
    the dialog, or calls `mark_invalid(text)` and leaves it open."""

    apply_requested = Signal(object)

    def __init__(self, title: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(headers) + 1)
        self.table.setHorizontalHeaderLabels([translate("ReviewDialog", "Apply"), *headers])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = message_label()
        self.message.hide()  # shown with what went wrong (mark_invalid)
        self.buttons = dialog_buttons(self, self._apply, ok_text=translate("ReviewDialog", "Apply ticked"))
        self.keys: list[Any] = []

    def fill(self, rows: Sequence[tuple[Any, bool, Sequence[str], frozenset[int]]]) -> None:
        """Rows of (key, ticked, cell texts, the columns to align right), in order."""
        self.keys = [key for key, _ticked, _cells, _right in rows]
        self.table.setRowCount(len(rows))
        for index, (_key, ticked, cells, right) in enumerate(rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.table.setItem(index, 0, tick)
            for column, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                if column - 1 in right:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(index, column, item)
        ok_button(self.buttons).setEnabled(bool(rows))

    def ticked(self) -> list[Any]:
        result = []
        for index, key in enumerate(self.keys):
            item = self.table.item(index, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                result.append(key)
        return result

    def _apply(self) -> None:
        keys = self.ticked()
        if keys:
            self.apply_requested.emit(keys)

    def mark_invalid(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def lay_out(self, body: QWidget | None = None) -> None:
        """Intro, table (or `body` holding them, e.g. tabs), message and buttons, one under the other."""
        layout = QVBoxLayout(self)
        if body is None:
            layout.addWidget(self.intro)
            layout.addWidget(self.table, 1)
        else:
            layout.addWidget(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
