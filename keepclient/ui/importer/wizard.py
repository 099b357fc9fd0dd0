"""The import wizard: file and sheet → header row and columns → preview → result.

Reading the file and writing the import run off the UI thread with progress and Cancel (Cancel writes nothing).
Changing the sheet re-reads the file; changing the header row, a column or the duplicate policy only re-plans.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from keepclient.domain.errors import CancelledError, KeepclientError
from keepclient.importing import collector
from keepclient.importing.columns import FIELDS
from keepclient.ui.labels import label
from keepclient.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from keepclient.services.imports import ImportPreview, LoadedSheet
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
SHOWN_PROBLEMS = 1000  # more rows in a QTableWidget would slow the page; the report has every one
IMPORT_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;*"
FIELD_NAMES = {
    "id": "keepclient ID", "company": translate("ImportWizard", "Company"),
    "contact": translate("ImportWizard", "Contact name"), "first_name": translate("ImportWizard", "First name"),
    "middle_name": translate("ImportWizard", "Middle name"), "last_name": translate("ImportWizard", "Last name"),
    "title": translate("ImportWizard", "Job title"), "mobile": translate("ImportWizard", "Mobile"),
    "phone": translate("ImportWizard", "Phone"), "email": translate("ImportWizard", "Email"),
    "address": translate("ImportWizard", "Address"), "city": translate("ImportWizard", "City"),
    "region": translate("ImportWizard", "Region"), "birthday": translate("ImportWizard", "Birthday"),
    "tier": translate("ImportWizard", "Tier"), "notes": translate("ImportWizard", "Notes"),
    "im_id": translate("ImportWizard", "WeChat / IM"), "industry": translate("ImportWizard", "Industry"),
    "source": translate("ImportWizard", "Source"), "website": translate("ImportWizard", "Website"),
}


class ImportWizard(QWizard):
    """Emits `imported(batch_id)` when an import has been written."""

    imported = Signal(int)

    def __init__(self, workspace: Workspace, runner: TaskRunner, prompter: Prompter, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.workspace, self.runner, self.prompter = workspace, runner, prompter
        self.loaded: LoadedSheet | None = None
        self.preview: ImportPreview | None = None
        self.batch: int | None = None
        self.task: Task | None = None
        self.source = SourcePage(self)
        self.columns = ColumnsPage(self)
        self.check = PreviewPage(self)
        self.result = ResultPage(self)
        for page in (self.source, self.columns, self.check, self.result):
            self.addPage(page)
        self.resize(820, 560)
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
        if isinstance(error, CancelledError):
            self.source.message.setText(error.message(QCoreApplication.translate))
            self.result.summary.setText(error.message(QCoreApplication.translate))
        elif isinstance(error, KeepclientError):
            text = error.message(QCoreApplication.translate)
            self.source.message.setText(text)
            self.result.summary.setText(text)
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
        policy = self.check.policy.currentData() or "fill"

        def load_and_plan(_report, _cancelled) -> tuple[LoadedSheet, ImportPreview]:
            loaded = imports.load(path, sheet)
            return loaded, imports.plan(loaded, policy=policy)

        self._start(load_and_plan, self._loaded, self.source.busy, self.source.cancel)

    def _loaded(self, result: tuple[LoadedSheet, ImportPreview]) -> None:
        self.loaded, preview = result
        self.source.show_loaded(self.loaded)
        self._planned(preview)

    def replan(self, header_row: int | None, mapping: dict[int, str] | None) -> None:
        """Header row, columns and matching again, from the sheet already read. Off the UI thread: matching
        100,000 rows takes seconds. Until it is done the wizard cannot move on."""
        if self.loaded is None:
            return
        loaded, imports = self.loaded, self.workspace.imports
        policy = self.check.policy.currentData() or "fill"
        page = self.currentPage() if isinstance(self.currentPage(), (ColumnsPage, PreviewPage)) else self.source
        self.source.message.clear()
        self._start(lambda _report, _cancelled: imports.plan(loaded, header_row=header_row, mapping=mapping,
                                                             policy=policy),
                    self._planned, page.busy)

    def _planned(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.source.show_preview(preview)
        self.columns.show_preview(preview)
        self.check.show_preview(preview)

    def run(self) -> None:
        preview = self.preview
        if preview is None:
            return
        imports = self.workspace.imports
        self._start(lambda report, cancelled: imports.run(preview, report, cancelled), self._done,
                    self.result.progress, self.result.cancel)

    def _done(self, batch: int) -> None:
        self.batch = batch
        summary = self.preview.plan.summary() if self.preview else {}
        self.result.summary.setText(self.tr("Imported: %1 new, %2 updated. Problem rows skipped: %3.")
                                    .replace("%1", str(summary.get("new", 0)))
                                    .replace("%2", str(summary.get("updated", 0)))
                                    .replace("%3", str(summary.get("problems", 0))))
        self.result.undo.setEnabled(True)
        self.imported.emit(batch)
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
        self.result.summary.setText(self.tr("The import was undone."))
        self.result.undo.setEnabled(False)
        self.imported.emit(self.batch)


def _busy_bar(layout: QVBoxLayout, text: str) -> QProgressBar:
    """A progress bar saying what runs in the background (replanning: no Cancel, a newer replan replaces it)."""
    busy = QProgressBar()
    busy.setFormat(text)
    busy.setVisible(False)
    layout.addWidget(busy)
    return busy


class _PlannedPage(QWizardPage):
    """A page that can be left only with a plan in hand and no reading or matching under way."""

    wizard_: ImportWizard

    def isComplete(self) -> bool:
        return self.wizard_.preview is not None and self.wizard_.task is None


class SourcePage(_PlannedPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("File and sheet"))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.path.editingFinished.connect(self._path_edited)
        self.sheet = QComboBox()
        self.sheet.activated.connect(lambda _index: wizard.load())
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1_048_576)
        self.header_row.valueChanged.connect(
            lambda value: wizard.replan(value - 1, None) if wizard.loaded else None)
        self.details = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b52b27;")
        self.busy = QProgressBar()
        self.busy.setVisible(False)
        self.cancel = QPushButton(self.tr("Cancel reading"))
        self.cancel.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.busy)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _path_edited(self) -> None:
        """Focus leaving the field also ends an edit: read the file only when it is another one."""
        loaded = self.wizard_.loaded
        if loaded is None or Path(self.path.text().strip()) != loaded.path:
            self.wizard_.load()

    def _browse(self) -> None:
        path = self.wizard_.prompter.open_file(self.tr("Import a spreadsheet"), Path.home(), IMPORT_FILTER)
        if path:
            self.path.setText(str(path))
            self.wizard_.load()

    def show_loaded(self, loaded: LoadedSheet) -> None:
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(loaded.sheet_names)
        self.sheet.setCurrentText(loaded.table.name)
        self.sheet.blockSignals(False)

    def show_preview(self, preview: ImportPreview) -> None:
        self.header_row.blockSignals(True)
        self.header_row.setValue(preview.numbers[0] - 1 if preview.numbers else preview.header_row + 1)
        self.header_row.blockSignals(False)
        encoding = f" · {preview.encoding}" if preview.encoding else ""
        self.details.setText(self.tr("%1 rows below the header%2").replace("%1", str(len(preview.rows)))
                             .replace("%2", encoding))


class ColumnsPage(_PlannedPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check what each column holds; choose \"Ignore\" for columns to leave out."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First value"),
                                              self.tr("Imported as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.busy = _busy_bar(layout, self.tr("Matching the rows…"))

    def show_preview(self, preview: ImportPreview) -> None:
        self.table.setRowCount(len(preview.headers))
        first = next((row for row in preview.rows if row), [])
        for index, header in enumerate(preview.headers):
            self.table.setItem(index, 0, QTableWidgetItem(str(header)))
            sample = first[index] if index < len(first) else ""
            self.table.setItem(index, 1, QTableWidgetItem("" if sample is None else str(sample)))
            combo = QComboBox()
            combo.addItem(self.tr("Ignore"), "")
            for field in FIELDS:
                combo.addItem(FIELD_NAMES.get(field, field), field)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(index, "")), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(index, 2, combo)

    def mapping(self) -> dict[int, str]:
        found = {}
        for row in range(self.table.rowCount()):
            field = self.table.cellWidget(row, 2).currentData()
            if field and field not in found.values():
                found[row] = field
        return found

    def _changed(self) -> None:
        preview = self.wizard_.preview
        if preview is not None:
            self.wizard_.replan(preview.header_row, self.mapping())

    def set_field(self, column: int, field: str) -> None:
        combo = self.table.cellWidget(column, 2)
        combo.setCurrentIndex(max(combo.findData(field), 0))


class PreviewPage(_PlannedPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.policy = QComboBox()
        for key, text in (("fill", self.tr("Fill their empty fields")), ("skip", self.tr("Skip them")),
                          ("overwrite", self.tr("Overwrite with the file's values")),
                          ("new", self.tr("Import them as new customers"))):
            self.policy.addItem(text, key)
        self.policy.currentIndexChanged.connect(self._policy_changed)
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.problems = QTableWidget(0, 2)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Why it is not imported")])
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().setVisible(False)
        self.duplicates = QTableWidget(0, 3)
        self.duplicates.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Already in the database"),
                                                   self.tr("Matched by")])
        self.duplicates.horizontalHeader().setStretchLastSection(True)
        self.duplicates.verticalHeader().setVisible(False)
        self.report = QPushButton(self.tr("Save problem report…"))
        self.report.clicked.connect(self._save_report)
        form = QFormLayout()
        form.addRow(self.tr("Customers already in the database"), self.policy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(self.tr("Problem rows")))
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.report, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Probable duplicates to review")))
        layout.addWidget(self.duplicates, 1)
        self.busy = _busy_bar(layout, self.tr("Matching the rows…"))

    def _policy_changed(self) -> None:
        preview = self.wizard_.preview
        if preview is not None:
            self.wizard_.replan(preview.header_row, preview.mapping)

    def show_preview(self, preview: ImportPreview) -> None:
        summary = preview.plan.summary()
        self.counts.setText(self.tr("New: %1 · updated: %2 · unchanged: %3 · problem rows: %4")
                            .replace("%1", str(summary["new"])).replace("%2", str(summary["updated"]))
                            .replace("%3", str(summary["unchanged"])).replace("%4", str(summary["problems"])))
        shown = preview.plan.problems[:SHOWN_PROBLEMS]  # all of them are in the problem report
        self.problems.setRowCount(len(shown) + (len(shown) < len(preview.plan.problems)))
        for row, problem in enumerate(shown):
            self.problems.setItem(row, 0, QTableWidgetItem(str(problem.row)))
            self.problems.setItem(row, 1, QTableWidgetItem(problem.reason))
        if len(shown) < len(preview.plan.problems):
            more = len(preview.plan.problems) - len(shown)
            self.problems.setItem(len(shown), 0, QTableWidgetItem("…"))
            self.problems.setItem(len(shown), 1, QTableWidgetItem(
                self.tr("%1 more: save the problem report to see them all").replace("%1", str(more))))
        self.report.setEnabled(bool(preview.plan.problems))
        duplicates = preview.plan.duplicates[:SHOWN_PROBLEMS]
        names = self.wizard_.workspace.customers.names([c.existing_id for c in duplicates])
        self.duplicates.setRowCount(len(duplicates))
        for row, customer in enumerate(duplicates):
            for column, text in enumerate((customer.name, names.get(customer.existing_id, ""),
                                           label(customer.matched_by))):
                self.duplicates.setItem(row, column, QTableWidgetItem(text))

    def _save_report(self) -> None:
        preview = self.wizard_.preview
        if preview is None:
            return
        target = self.wizard_.prompter.save_file(self.tr("Save problem report"),
                                                 preview.path.with_name(f"{preview.path.stem}-problems.xlsx"))
        if target:
            self.wizard_.workspace.imports.write_problem_report(preview, target)

    def validatePage(self) -> bool:
        preview = self.wizard_.preview
        summary = preview.plan.summary() if preview is not None else {}
        if summary.get("new", 0) + summary.get("updated", 0) == 0:
            return False
        self.wizard_.run()
        return True


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Result"))
        self.summary = QLabel()
        self.summary.setObjectName("importResult")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel = QPushButton(self.tr("Cancel import"))
        self.cancel.setVisible(False)
        self.undo = QPushButton(self.tr("Undo this import"))
        self.undo.setEnabled(False)
        self.undo.clicked.connect(wizard.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.wizard_.task is None
