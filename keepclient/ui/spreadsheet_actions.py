"""Spreadsheets from the window: the import wizard (menu or a file dropped on the window), import history with
undo, and exporting the customer list as it is shown (search, filters and sort) or the selected customers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QKeySequence

from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.menu_action import make_action

if TYPE_CHECKING:
    from keepclient.ui.importer.wizard import ImportWizard
    from keepclient.ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
EXPORT_FILTER = "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"


class SpreadsheetActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: ImportWizard | None = None
        self.history = None
        self.import_action = make_action(window, translate("SpreadsheetActions", "&Import spreadsheet…"),
                                         self.open_wizard, "Ctrl+I")
        self.export_action = make_action(window, translate("SpreadsheetActions", "&Export customers…"),
                                         self.export, "Ctrl+E")
        self.history_action = make_action(window, translate("SpreadsheetActions", "Import &history…"),
                                          self.open_history, QKeySequence("Ctrl+Shift+I"))
        window.setAcceptDrops(True)

    def actions(self):
        return (self.import_action, self.export_action, self.history_action)

    def open_wizard(self, path: Path | None = None) -> None:
        from keepclient.ui.importer.wizard import ImportWizard

        workspace = self.window.workspace
        if workspace is None:
            return
        self.wizard = ImportWizard(workspace, self.window.runner, self.window.prompter, path, self.window)
        self.wizard.imported.connect(lambda _batch: self.window.customers.after_change())
        self.wizard.open()

    def open_history(self) -> None:
        from keepclient.ui.importer.history import ImportHistoryDialog

        if self.window.workspace is None:
            return
        self.history = ImportHistoryDialog(self.window.workspace, self.window.prompter, self.window,
                                           read_only=self.window.database_locked())
        self.history.undone.connect(lambda _batch: self.window.customers.after_change())
        self.history.open()

    def export(self) -> None:
        workspace = self.window.workspace
        if workspace is None:
            return
        target = self.window.prompter.save_file(translate("SpreadsheetActions", "Export customers"),
                                                Path.home() / "customers.xlsx", EXPORT_FILTER)
        if not target:
            return
        if target.suffix.lower() not in (".xlsx", ".csv", ".json"):
            target = target.with_suffix(".xlsx")
        area = self.window.customers
        selected = area.list.selected_ids()
        try:
            count = workspace.exports.export(target, area.current_filter(),
                                             selected if len(selected) > 1 else None)
        except KeepclientError as exc:
            self.window.prompter.error(translate("SpreadsheetActions", "Export failed"),
                                       exc.message(QCoreApplication.translate))
            return
        self.window.statusBar().showMessage(translate("SpreadsheetActions", "Exported %1 customers to %2")
                                            .replace("%1", str(count)).replace("%2", str(target)), 10000)

    @staticmethod
    def dropped_file(mime: QMimeData) -> Path | None:
        for url in mime.urls() if mime.hasUrls() else ():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SPREADSHEET_SUFFIXES:
                return path
        return None
