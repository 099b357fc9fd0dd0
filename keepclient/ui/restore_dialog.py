"""File › Restore from backup…: the backups beside the database, restored to a new file or over the current one.

Restoring over the current database closes it first (no connection may hold the file while it is replaced),
then opens the restored file again; the backups service keeps a copy of what was replaced. The same dialog serves
a database that could not be opened (damaged, or an empty file): restoring over that file then opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.presence_label import PresenceLabel
    from keepclient.ui.prompts import Prompter


class RestoringWindow(Protocol):
    """What restoring needs of the window: the open database and who else has it open, closing and opening a
    database, and where to ask and tell."""

    workspace: Workspace | None
    prompter: Prompter
    presence_label: PresenceLabel

    def statusBar(self) -> QStatusBar: ...  # Qt's name for it

    def database_locked(self) -> bool: ...

    def close_database(self) -> bool | None: ...

    def open_workspace(self, path: Path, shared: bool | None = None, *, offer_demo: bool = True,
                       create: bool = False) -> bool: ...


def _message(error: KeepclientError) -> str:
    return error.message(QCoreApplication.translate)


def reason_label(reason: str) -> str:
    """Why the backup was taken, in the user's language (an unknown reason from a newer keepclient as it is)."""
    from keepclient.services.backups import REASON_LABELS

    label = REASON_LABELS.get(reason)
    return QCoreApplication.translate("backups", label) if label else reason


class RestoreDialog(QDialog):
    """A table of backups (newest first) and the two ways to restore the selected one."""

    def __init__(self, window: RestoringWindow, parent: QWidget, db_path: Path, backups: list[Any]) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.window_, self.db_path, self.backups = window, db_path, backups
        self.setWindowTitle(self.tr("Restore from backup"))
        intro = QLabel(self.tr("Backups of %1:").replace("%1", str(db_path)))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 4)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Customers"),
                                              self.tr("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        locale = QLocale()
        for row, backup in enumerate(backups):
            customers = "" if backup.customers is None else locale.toString(int(backup.customers))
            cells = (locale.toString(backup.taken_at, QLocale.FormatType.ShortFormat),
                     locale.formattedDataSize(int(backup.size)), customers, reason_label(backup.reason))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty = QLabel(self.tr("There are no backups of this database yet (File › Backup makes one)."))
        self.empty.setVisible(not backups)
        self.to_new_button = QPushButton(self.tr("Restore to a new file…"))
        self.replace_button = QPushButton(self.tr("Replace the current database") if self.is_open()
                                          else self.tr("Replace %1").replace("%1", db_path.name))
        buttons = dialog_buttons(self)
        add_button(buttons, self.to_new_button, self.restore_to_new_file)
        add_button(buttons, self.replace_button, self.replace_current)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 360)
        if backups:
            self.table.selectRow(0)
        self._update_buttons()

    def is_open(self) -> bool:
        """Whether the window has this database open (not so for a file that could not be opened)."""
        workspace = self.window_.workspace
        return workspace is not None and Path(workspace.path) == self.db_path

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.to_new_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen and not (self.is_open() and self.window_.database_locked()))

    def restore_to_new_file(self) -> bool:
        """Write the backup to a file the user names and open it; the current database is left alone."""
        from keepclient.services.backups import restore_backup

        backup = self.selected()
        if backup is None:
            return False
        suggested = self.db_path.with_name(f"{self.db_path.stem}-restored{self.db_path.suffix or '.db'}")
        target = self.window_.prompter.save_file(self.tr("Restore the backup to"), suggested)
        if target is None:
            return False
        try:
            result = restore_backup(backup.path, to=Path(target))
        except KeepclientError as exc:
            self.window_.prompter.error(self.tr("Restore failed"), _message(exc))
            return False
        self.accept()
        restored = result.path
        if self.window_.prompter.ask_yes_no(self.tr("Backup restored"), self.tr(
                "The backup was restored to %1. Open it now?").replace("%1", str(restored))):
            self.window_.open_workspace(restored, offer_demo=False)
        return True

    def replace_current(self) -> bool:
        """After a confirmation: close the database, put the backup in its place, open it again."""
        from keepclient.services.backups import restore_backup

        backup = self.selected()
        if backup is None:
            return False
        question = self.tr("Replace %1 with the backup taken %2? Everything saved since then is replaced; keepclient "
                           "keeps a copy of the current file first.").replace("%1", str(self.db_path)).replace(
                           "%2", QLocale().toString(backup.taken_at, QLocale.FormatType.ShortFormat))
        is_open = self.is_open()
        others = list(dict.fromkeys(p.who for p in self.window_.presence_label.others)) if is_open else []
        if others:  # their windows would go on writing into the replaced file
            question += "\n\n" + self.tr("%1 also have this database open: ask them to close keepclient "
                                          "first.").replace("%1", ", ".join(others))
        if not self.window_.prompter.ask_yes_no(self.tr("Replace the current database"), question):
            return False
        shared = self.window_.close_database() if is_open else None  # another open database stays open
        try:
            restore_backup(backup.path, current=self.db_path)
        except KeepclientError as exc:
            self.window_.prompter.error(self.tr("Restore failed"), _message(exc))
            if is_open:
                self.window_.open_workspace(self.db_path, shared=shared, offer_demo=False)  # as it was
            return False
        self.accept()
        if self.window_.open_workspace(self.db_path, shared=shared, offer_demo=False):
            self.window_.statusBar().showMessage(self.tr("The backup was restored."), 15000)
        return True


def open_restore_dialog(window: RestoringWindow, parent: QWidget, path: Path | None = None) -> RestoreDialog | None:
    """List the backups of the open database, or of `path` (a database that could not be opened), and show the
    dialog (window-modal, not blocking)."""
    if path is None and window.workspace is None:
        return None
    from keepclient.services.backups import list_backups

    db_path = Path(path) if path is not None else window.workspace.path if window.workspace else None
    if db_path is None:
        return None
    try:
        backups = list_backups(db_path)
    except KeepclientError as exc:
        window.prompter.error(QCoreApplication.translate("RestoreDialog", "Restore from backup"), _message(exc))
        return None
    dialog = RestoreDialog(window, parent, db_path, sorted(backups, key=lambda b: b.taken_at, reverse=True))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
