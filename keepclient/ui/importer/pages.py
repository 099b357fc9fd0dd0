"""The wizard's pages around the preview: file and sheet, columns, and the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
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
    QWizardPage,
)

from keepclient.importing.columns import FIELDS, REPEATABLE
from keepclient.importing.orders import ORDER_FIELDS
from keepclient.ui.importer.texts import field_label, names_text, one_line, written
from keepclient.ui.widgets.form_dialog import message_label

if TYPE_CHECKING:
    from keepclient.services.imports import ImportPreview, LoadedSheet
    from keepclient.ui.importer.host import WizardHost

IMPORT_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;*"
SAMPLE_ROWS = 200  # the Columns page shows each column's first value among this many rows
SHOWN_CONFLICTS = 50


def busy_bar(layout: QVBoxLayout, text: str) -> QProgressBar:
    """A progress bar saying what runs in the background (replanning: no Cancel, a newer replan replaces it)."""
    busy = QProgressBar()
    busy.setFormat(text)
    busy.setVisible(False)
    layout.addWidget(busy)
    return busy


class PlannedPage(QWizardPage):
    """A page that can be left only with a plan in hand and no reading or matching under way."""

    wizard_: WizardHost

    def isComplete(self) -> bool:
        return self.wizard_.preview is not None and self.wizard_.task is None


class SourcePage(PlannedPage):
    def __init__(self, wizard: WizardHost) -> None:
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
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        self.kind.addItem(self.tr("Customers and contacts"), "contacts")
        self.kind.addItem(self.tr("Orders"), "orders")
        self.kind_chosen = False  # until the user chooses, the file's headers decide
        self.kind.activated.connect(self._kind_chosen)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1_048_576)
        self.header_row.valueChanged.connect(
            lambda value: wizard.replan(value - 1, None) if wizard.loaded else None)
        self.details = QLabel()
        self.message = message_label()
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
        form.addRow(self.tr("Import"), self.kind)
        form.addRow(self.tr("Header row"), self.header_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.busy)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _kind_chosen(self) -> None:
        self.kind_chosen = True
        if self.wizard_.loaded is not None:
            self.wizard_.replan(None, None)  # another kind of list: its own header row and columns

    def chosen_kind(self) -> str | None:
        """"contacts" or "orders" when the user chose; None to let the headers decide."""
        return self.kind.currentData() if self.kind_chosen else None

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
        self.kind.setCurrentIndex(max(self.kind.findData(self.wizard_.kind), 0))
        self.header_row.blockSignals(True)
        self.header_row.setValue(preview.numbers[0] - 1 if preview.numbers else preview.header_row + 1)
        self.header_row.blockSignals(False)
        encoding = f" · {preview.encoding}" if preview.encoding else ""
        self.details.setText(self.tr("%1 rows below the header%2").replace("%1", str(len(preview.rows)))
                             .replace("%2", encoding))


def first_value(rows: list[list[Any]], column: int) -> Any:
    """The column's first filled cell among the first rows (a sample of what it holds)."""
    for row in rows[:SAMPLE_ROWS]:
        if column < len(row) and row[column] not in (None, ""):
            return row[column]
    return None


class ColumnsPage(PlannedPage):
    def __init__(self, wizard: WizardHost) -> None:
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
        self.busy = busy_bar(layout, self.tr("Matching the rows…"))

    def show_preview(self, preview: ImportPreview) -> None:
        self.table.setRowCount(len(preview.headers))
        for index, header in enumerate(preview.headers):
            self.table.setItem(index, 0, QTableWidgetItem(written(header)))
            sample = written(first_value(preview.rows, index))
            item = QTableWidgetItem(one_line(sample))
            item.setToolTip(sample)
            self.table.setItem(index, 1, item)
            combo = QComboBox()
            combo.addItem(self.tr("Ignore"), "")
            for field in ORDER_FIELDS if self.wizard_.kind == "orders" else FIELDS:
                combo.addItem(field_label(field), field)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(index, "")), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(index, 2, combo)

    def mapping(self) -> dict[int, str]:
        """Column -> field: each field once (the first column choosing it), except the other phones and emails,
        which several columns may feed."""
        found: dict[int, str] = {}
        for row in range(self.table.rowCount()):
            field = self._combo(row).currentData()
            if field and (field in REPEATABLE or field not in found.values()):
                found[row] = field
        return found

    def _changed(self) -> None:
        preview = self.wizard_.preview
        if preview is not None:
            self.wizard_.replan(preview.header_row, self.mapping())

    def set_field(self, column: int, field: str) -> None:
        combo = self._combo(column)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def _combo(self, row: int) -> QComboBox:
        """The field chooser of a column's row (the table's third cell holds one on every row)."""
        combo = self.table.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        return combo


class ResultPage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Result"))
        self.summary = QLabel()
        self.summary.setObjectName("importResult")
        self.summary.setWordWrap(True)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("importConflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts.setVisible(False)
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
        layout.addWidget(self.conflicts)
        layout.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_result(self, counts: dict[str, int], conflicts: list[str]) -> None:
        """What was written, and the records left alone because a colleague changed them after the preview."""
        updated = max(counts.get("updated", 0) - len(conflicts), 0)  # a conflict was planned as an update
        self.summary.setText(
            self.tr("Imported: %1 new, %2 updated; rows imported with problems: %3; rows refused: %4.")
            .replace("%1", str(counts.get("new", 0))).replace("%2", str(updated))
            .replace("%3", str(counts.get("with_problems", 0))).replace("%4", str(counts.get("refused", 0))))
        names = names_text(conflicts, SHOWN_CONFLICTS)
        if len(conflicts) > SHOWN_CONFLICTS:
            names += " " + self.tr("(%1 more)").replace("%1", str(len(conflicts) - SHOWN_CONFLICTS))
        self.conflicts.setText(self.tr("Left alone because someone changed them after the preview: %1")
                               .replace("%1", names))
        self.conflicts.setVisible(bool(conflicts))

    def show_message(self, text: str) -> None:
        self.summary.setText(text)
        self.conflicts.setVisible(False)

    def isComplete(self) -> bool:
        return self.wizard_.task is None
