"""When a colleague saved the same customer first: their values and yours, field by field, and a choice.

Nothing is overwritten silently and nothing typed is lost: "Keep theirs" drops only your differing values,
"Keep mine" saves all of yours over theirs, or you pick per field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ConflictDialog(QDialog):
    """Emits `resolved(values_to_save)`: the fields where you chose your own value."""

    resolved = Signal(dict)

    def __init__(self, name: str, yours: dict[str, Any], theirs: dict[str, Any], who: str,
                 caption: Callable[[str], str], show: Callable[[str, Any], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.yours = yours
        self.fields = [f for f in yours if yours[f] != theirs.get(f)]
        intro = QLabel(self.tr("%1 saved \"%2\" after you opened it. Choose, field by field, which value to keep.")
                       .replace("%1", who or self.tr("A colleague")).replace("%2", name))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.fields), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Their value"), self.tr("Your value")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, field in enumerate(self.fields):
            self.table.setItem(row, 0, QTableWidgetItem(caption(field)))
            self.table.setItem(row, 1, QTableWidgetItem(show(field, theirs.get(field))))
            mine = QTableWidgetItem(show(field, yours[field]))
            mine.setFlags(mine.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            mine.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 2, mine)
        self.keep_theirs = QPushButton(self.tr("Keep theirs"))
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_chosen = QPushButton(self.tr("Save ticked values of mine"))
        self.keep_chosen.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.keep_mine)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.keep_theirs.clicked.connect(lambda: self._finish(set()))
        self.keep_mine.clicked.connect(lambda: self._finish(set(self.fields)))
        self.keep_chosen.clicked.connect(lambda: self._finish(self.ticked()))
        self.resize(640, 320)

    def ticked(self) -> set[str]:
        return {field for row, field in enumerate(self.fields) if self._tick(row).checkState() == Qt.CheckState.Checked}

    def _tick(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 2)
        assert item is not None, "every row has its tick box"
        return item

    def set_ticked(self, field: str, mine: bool) -> None:
        row = self.fields.index(field)
        self._tick(row).setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)

    def _finish(self, mine: set[str]) -> None:
        self.resolved.emit({field: self.yours[field] for field in self.fields if field in mine})
        self.accept()
