"""Past imports, newest first, each of which can be undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from keepclient.domain.errors import ImportEditedSinceError, KeepclientError
from keepclient.ui.labels import datetime_text

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter


class ImportHistoryDialog(QDialog):
    """Emits `undone(batch_id)` after an import was undone."""

    undone = Signal(int)

    def __init__(self, workspace: Workspace, prompter: Prompter, parent: QWidget | None = None, *,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self.workspace, self.prompter = workspace, prompter
        self.read_only = read_only  # a read-only database: the history shows, nothing can be undone
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("File"), self.tr("Result"),
                                              self.tr("State")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.undo_button = QPushButton(self.tr("Undo import"))
        self.undo_button.setEnabled(not read_only)
        self.undo_button.clicked.connect(self.undo_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(700, 360)
        self.refresh()

    def refresh(self) -> None:
        self.entries = self.workspace.imports.history()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            counts = entry.counts
            # Older imports counted the rows they refused as "problems" (now: problem cells).
            refused = counts.get("refused", counts.get("problems", 0))
            updated = max(counts.get("updated", 0) - counts.get("conflicts", 0), 0)
            result = self.tr("%1 new, %2 updated, rows refused: %3").replace("%1", str(counts.get("new", 0))) \
                .replace("%2", str(updated)).replace("%3", str(refused))
            state = self.tr("undone") if entry.undone else ""
            for column, text in enumerate((datetime_text(entry.started_at), entry.file_name, result, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.entries:
            self.table.selectRow(0)

    def undo_selected(self) -> None:
        row = self.table.currentRow()
        if self.read_only or not 0 <= row < len(self.entries) or self.entries[row].undone:
            return
        batch = self.entries[row].id
        try:
            self.workspace.imports.undo(batch)
        except ImportEditedSinceError as exc:
            if not self.prompter.ask_yes_no(self.tr("Undo import"), exc.message(QCoreApplication.translate)):
                return
            self.workspace.imports.undo(batch, force=True)
        except KeepclientError as exc:
            self.prompter.error(self.tr("Undo import"), exc.message(QCoreApplication.translate))
            return
        self.undone.emit(batch)
        self.refresh()
