"""Spreadsheets from the window: the import wizard (menu or a file dropped on the window), import history with
undo, and exporting the customer list as it is shown (search, filters and sort) or the selected customers.

The actions know the window only through a SpreadsheetContext: what they read and whom they tell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.menu_action import make_action

if TYPE_CHECKING:
    from keepclient.domain.types import CustomerFilter
    from keepclient.services.workspace import Workspace
    from keepclient.ui.importer.history import ImportHistoryDialog
    from keepclient.ui.importer.wizard import ImportWizard
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.tasks import TaskRunner

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
EXPORT_FILTER = "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"


@dataclass(frozen=True)
class SpreadsheetContext:
    """What importing and exporting need from the window that offers them."""

    workspace: Callable[[], Workspace | None]  # the open database, if any
    runner: TaskRunner
    prompter: Prompter
    read_only: Callable[[], bool]  # the open database cannot be written: the history shows, undoes nothing
    shown_customers: Callable[[], tuple[CustomerFilter, list[int]]]  # the list's filter, and the selected ids
    written: Callable[[bool], None]  # an import was written or undone (True: everyone's value and risk change)
    say: Callable[[str], None]  # a word in the status bar


class SpreadsheetActions(QObject):
    """File › Import spreadsheet…, Export customers…, Import history…; dialogs open over `window`, which also
    takes dropped spreadsheets."""

    def __init__(self, context: SpreadsheetContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.wizard: ImportWizard | None = None
        self.history: ImportHistoryDialog | None = None
        self.import_action = make_action(window, translate("SpreadsheetActions", "&Import spreadsheet…"),
                                         self.open_wizard, "Ctrl+I")
        self.export_action = make_action(window, translate("SpreadsheetActions", "&Export customers…"),
                                         self.export, "Ctrl+E")
        # No key of its own: Ctrl+Shift+I is Customer › Set tier (one key for two actions makes Qt do nothing).
        self.history_action = make_action(window, translate("SpreadsheetActions", "Import &history…"),
                                          self.open_history)
        window.setAcceptDrops(True)

    def actions(self) -> tuple[QAction, QAction, QAction]:
        return (self.import_action, self.export_action, self.history_action)

    def open_wizard(self, path: Path | None = None) -> None:
        from keepclient.ui.importer.wizard import ImportWizard

        workspace = self.context.workspace()
        if workspace is None:
            return
        self.wizard = ImportWizard(workspace, self.context.runner, self.context.prompter, path, self.window)
        self.wizard.imported.connect(lambda _batch, everyone: self.context.written(everyone))
        self.wizard.open()

    def open_history(self) -> None:
        from keepclient.ui.importer.history import ImportHistoryDialog

        workspace = self.context.workspace()
        if workspace is None:
            return
        self.history = ImportHistoryDialog(workspace, self.context.prompter, self.window,
                                           read_only=self.context.read_only())
        self.history.undone.connect(lambda _batch: self.context.written(True))
        self.history.open()

    def export(self) -> None:
        workspace = self.context.workspace()
        if workspace is None:
            return
        target = self.context.prompter.save_file(translate("SpreadsheetActions", "Export customers"),
                                                Path.home() / "customers.xlsx", EXPORT_FILTER)
        if not target:
            return
        if target.suffix.lower() not in (".xlsx", ".csv", ".json"):
            target = target.with_suffix(".xlsx")
        shown, selected = self.context.shown_customers()
        try:
            count = workspace.exports.export(target, shown, selected if len(selected) > 1 else None,
                                             translate=QCoreApplication.translate)
        except KeepclientError as exc:
            self.context.prompter.error(translate("SpreadsheetActions", "Export failed"),
                                       exc.message(QCoreApplication.translate))
            return
        self.context.say(translate("SpreadsheetActions", "Exported %1 customers to %2")
                         .replace("%1", str(count)).replace("%2", str(target)))

    @staticmethod
    def dropped_file(mime: QMimeData) -> Path | None:
        for url in mime.urls() if mime.hasUrls() else ():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SPREADSHEET_SUFFIXES:
                return path
        return None
