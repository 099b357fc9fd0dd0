"""The import wizard: file and sheet → header row and columns → preview → result.

It imports customers and contacts or orders: the first page chooses, and until the user does, the header row of
the file decides (importing/orders.looks_like_orders). Both kinds use the same pages; an orders preview has no
changes or duplicates to show, and offers to create the customers the file names but the database lacks.

Reading the file and writing the import run off the UI thread with progress and Cancel (Cancel writes nothing).
Changing the sheet re-reads the file; changing the header row, a column or the duplicate policy only re-plans.
The pages live in pages.py (file, columns, result) and preview_page.py; texts.py shows cells as they were written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget, QWizard

from keepclient.domain.errors import KeepclientError
from keepclient.importing import collector, columns, orders
from keepclient.ui.importer.pages import ColumnsPage, ResultPage, SourcePage
from keepclient.ui.importer.preview_page import PreviewPage
from keepclient.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from keepclient.importing.write import ImportResult
    from keepclient.services.imports import ImportPreview, LoadedSheet
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter


class ImportWizard(QWizard):
    """Emits `imported(batch_id)` when an import has been written."""

    imported = Signal(int, bool)  # the batch; whether everyone's value and risk need counting again
    # The result page hides QWizard.result() (the dialog's exit code), which nothing reads; tests use this name.
    result: ResultPage  # type: ignore[assignment]

    def __init__(self, workspace: Workspace, runner: TaskRunner, prompter: Prompter, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.workspace, self.runner, self.prompter = workspace, runner, prompter
        self.loaded: LoadedSheet | None = None
        self.preview: ImportPreview | None = None
        self.batch: int | None = None
        self.task: Task | None = None
        self.policy, self.create_customers = "fill", False  # read on the UI thread, used by the planning thread
        self.source = SourcePage(self)
        self.columns = ColumnsPage(self)
        self.check = PreviewPage(self)
        self.result = ResultPage(self)
        for page in (self.source, self.columns, self.check, self.result):
            self.addPage(page)
        self.resize(1040, 640)  # the preview's tables need the width; fits a 1366×768 screen
        if path is not None:
            self.source.path.setText(str(path))
            self.load()

    # -- background work -------------------------------------------------------------------------------
    def _start(self, work, done, progress_bar: QProgressBar, cancel: QPushButton | None = None) -> None:
        """Run `work` off the UI thread; only the newest task's result is used (a replan replaces the last)."""
        if self.task is not None:
            self.task.cancel()
        task = Task(work, cleanup=self.workspace.release_thread)
        progress_bar.setVisible(True)
        progress_bar.setRange(0, 0)
        if cancel is not None:
            cancel.setVisible(True)
            cancel.clicked.connect(task.cancel)

        def progress(value: int, total: int) -> None:
            progress_bar.setRange(0, total)
            progress_bar.setValue(value)

        def finished() -> None:
            progress_bar.setVisible(False)
            if cancel is not None:
                cancel.setVisible(False)
                cancel.clicked.disconnect()
            if self.task is task:
                self.task = None
            for page in (self.source, self.columns, self.check, self.result):
                page.completeChanged.emit()

        task.signals.progress.connect(progress)
        task.then(lambda value: done(value) if self.task is task else None,
                  lambda error: self._failed(error) if self.task is task else None)
        task.signals.finished.connect(finished)
        self.task = task
        for page in (self.source, self.columns, self.check):
            page.completeChanged.emit()
        self.runner.start(task)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, KeepclientError):  # CancelledError among them: "Nothing was written"
            text = error.message(QCoreApplication.translate)
            self.source.message.setText(text)
            self.result.show_message(text)
        else:
            self.source.message.setText(f"{type(error).__name__}: {error}")
        self.source.completeChanged.emit()

    def load(self) -> None:
        """Read the file (again), for the chosen sheet."""
        path = Path(self.source.path.text().strip())
        sheet = self.source.sheet.currentText() or None if self.loaded and self.loaded.path == path else None
        self.loaded = self.preview = None
        self.source.message.clear()
        self.source.completeChanged.emit()
        imports = self.workspace.imports
        chosen = self.source.chosen_kind()
        self.policy, self.create_customers = self.check.policy.currentData() or "fill", self.check.create.isChecked()

        def load_and_plan(_report, _cancelled) -> tuple[LoadedSheet, ImportPreview]:
            loaded = imports.load(path, sheet)
            kind = chosen or _detected_kind(loaded)
            return loaded, self._plan(kind, loaded, None, None)

        self._start(load_and_plan, self._loaded, self.source.busy, self.source.cancel)

    def _plan(self, kind: str, loaded: LoadedSheet, header_row: int | None,
              mapping: dict[int, str] | None) -> ImportPreview:
        """Plan `loaded` as `kind` ("contacts" or "orders"); runs off the UI thread (reads only plain values)."""
        if kind == "orders":
            return self.workspace.order_imports.plan(loaded, header_row=header_row, mapping=mapping,
                                                     create_customers=self.create_customers,
                                                     translate=QCoreApplication.translate)
        return self.workspace.imports.plan(loaded, header_row=header_row, mapping=mapping, policy=self.policy,
                                           translate=QCoreApplication.translate)

    @property
    def kind(self) -> str:
        """What the current preview imports: "orders" or "contacts"."""
        return self.preview.plan.kind if self.preview is not None else "contacts"

    def _loaded(self, result: tuple[LoadedSheet, ImportPreview]) -> None:
        self.loaded, preview = result
        self.source.show_loaded(self.loaded)
        self._planned(preview)

    def replan(self, header_row: int | None, mapping: dict[int, str] | None) -> None:
        """Header row, columns and matching again, from the sheet already read. Off the UI thread: matching
        100,000 rows takes seconds. Until it is done the wizard cannot move on."""
        if self.loaded is None:
            return
        loaded = self.loaded
        kind = self.source.chosen_kind() or self.kind
        self.policy, self.create_customers = self.check.policy.currentData() or "fill", self.check.create.isChecked()
        current = self.currentPage()
        page = current if isinstance(current, (ColumnsPage, PreviewPage)) else self.source
        self.source.message.clear()
        self._start(lambda _report, _cancelled: self._plan(kind, loaded, header_row, mapping), self._planned,
                    page.busy)

    def _planned(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.source.show_preview(preview)
        self.columns.show_preview(preview)
        self.check.show_preview(preview)

    def run(self) -> None:
        preview = self.preview
        if preview is None:
            return
        if self.kind == "orders":
            orders = self.workspace.order_imports
            self._start(lambda report, cancelled: orders.run(preview, progress=report, is_cancelled=cancelled),
                        self._done, self.result.progress, self.result.cancel)
            return
        imports = self.workspace.imports
        self._start(lambda report, cancelled: imports.run(preview, report, cancelled), self._done,
                    self.result.progress, self.result.cancel)

    def _done(self, result: ImportResult) -> None:
        self.batch = result.batch
        counts = result.counts or (self.preview.plan.summary() if self.preview else {})
        self.result.show_result(counts, result.conflicts)
        self.result.undo.setEnabled(True)
        self.imported.emit(result.batch, self.kind == "orders")  # orders rank customers among the others
        self.result.completeChanged.emit()

    def done(self, result: int) -> None:
        """Closing: the sheet and the plan are let go, so the collector may look at what is left again."""
        if self.task is not None:
            self.task.cancel()
        self.loaded = self.preview = None
        super().done(result)
        collector.thaw()

    def undo(self) -> None:
        if self.batch is None:
            return
        try:
            self.workspace.imports.undo(self.batch)
        except KeepclientError as exc:
            if not self.prompter.ask_yes_no(self.tr("Undo import"), exc.message(QCoreApplication.translate)):
                return
            self.workspace.imports.undo(self.batch, force=True)
        self.result.show_message(self.tr("The import was undone."))
        self.result.undo.setEnabled(False)
        self.imported.emit(self.batch, True)


def _detected_kind(loaded: LoadedSheet) -> str:
    """"orders" when the sheet's header row (as the orders import finds it) names an order list."""
    rows = loaded.table.rows
    if not rows:
        return "contacts"
    header = rows[columns.find_header_row(rows, vocabulary=orders.ORDERS)]
    return "orders" if orders.looks_like_orders(header) else "contacts"
