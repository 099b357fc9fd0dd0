"""The preview: what the import will do before anything is written. Counts, then three tabs: every problem (one line
per unreadable cell, with the row it is on), every field an update changes (old → new), probable duplicates."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.ui.importer.pages import PlannedPage, busy_bar
from keepclient.ui.importer.texts import (
    field_label,
    field_value,
    names_text,
    one_line,
    row_text,
    row_tooltip,
    written,
)
from keepclient.ui.labels import label

if TYPE_CHECKING:
    from keepclient.services.imports import ImportPreview
    from keepclient.ui.importer.host import WizardHost

SHOWN_DUPLICATES = 1000  # each shown duplicate names its match, read from the database
SHOWN_SALESPEOPLE = 10
NO_VALUE = "—"  # an empty field in the changes list
PADDING = 12  # beside a fitted column's widest text
CELL_MARGINS = 10  # a cell's own margins around its text (the focus frame's, twice, and the delegate's)
SAMPLED_ROWS = 100  # fitting a column reads this many rows, not 100,000
CACHED_LINES = 512  # more than a screenful and the fitting sample
Cell = str | tuple[str, str]  # a text, or (text, tooltip)


class LinesModel(QAbstractTableModel):
    """Read-only lines made when they are shown: a 100,000-problem preview fills its table at once and the window
    never waits for lines nobody scrolls to. `line(row)` gives a line's cells."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers
        self.count = 0
        self.line: Callable[[int], tuple[Cell, ...]] = lambda _row: ()

    def show(self, count: int, line: Callable[[int], tuple[Cell, ...]]) -> None:
        self.beginResetModel()
        self.count = count
        self.line = lru_cache(maxsize=CACHED_LINES)(line)  # Qt asks each cell of a line, and for several roles
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self.count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or not index.isValid():
            return None
        cell = self.line(index.row())[index.column()]
        text, tooltip = cell if isinstance(cell, tuple) else (cell, None)
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(text)
        return tooltip or (text if "\n" in text or len(text) > 30 else None)


def _table(headers: list[str], widest: list[int]) -> QTableView:
    """A read-only table of compact one-line rows over a LinesModel; the last column stretches. `widest`: how wide
    each other column may grow when fitted to its contents (`_fit`); tooltips show long texts whole."""
    table = QTableView()
    table.setModel(LinesModel(headers))
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(SAMPLED_ROWS)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a header too narrow ends in "…", never cut mid-word
    table.setProperty("widest", widest)
    _fit(table)  # the headers whole from the start: the page shows before the rows are matched
    return table


def _lines(table: QTableView) -> LinesModel:
    """The LinesModel a `_table` shows."""
    model = table.model()
    assert isinstance(model, LinesModel)
    return model


def _fit(table: QTableView) -> None:
    """Columns as wide as their contents (the first SAMPLED_ROWS lines), up to each one's limit, and never narrower
    than their header (in bold, as a highlighted section draws it): Qt's 100 px cut "Already in the database"
    to "ady in the datab". The lines' texts are measured here: Qt's resizeColumnToContents asks every role of every
    sampled cell, which froze the window for 40 ms when the preview of a 100,000-row sheet arrived."""
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    titles, cells = QFontMetrics(bold), QFontMetrics(table.font())
    model = _lines(table)
    rows = range(min(model.rowCount(), SAMPLED_ROWS))
    for column, widest in enumerate(table.property("widest")):
        texts = (model.data(model.index(row, column)) for row in rows)
        content = max((cells.horizontalAdvance(text) for text in texts if text), default=0) + CELL_MARGINS
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        whole = max(header.sectionSizeHint(column), titles.horizontalAdvance(title) + 2 * PADDING)
        table.setColumnWidth(column, max(min(content + PADDING, widest), whole))


class PreviewPage(PlannedPage):
    # The check box hides QWidget.create(), which nothing calls on a page; tests reach the box by this name.
    create: QCheckBox  # type: ignore[assignment]

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.policy = QComboBox()
        for key, text in (("fill", self.tr("Fill their empty fields")), ("skip", self.tr("Skip them")),
                          ("overwrite", self.tr("Overwrite with the file's values")),
                          ("new", self.tr("Import them as new customers"))):
            self.policy.addItem(text, key)
        self.policy.currentIndexChanged.connect(self._policy_changed)
        self.create = QCheckBox(self.tr("Create the customers the file names but the database lacks"))
        self.create.setObjectName("importCreateCustomers")
        self.create.toggled.connect(self._policy_changed)
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.salespeople = QLabel()
        self.salespeople.setObjectName("importSalespeople")
        self.salespeople.setWordWrap(True)
        self.salespeople.setVisible(False)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Value as written"),
                                self.tr("What was done"), self.tr("Why"), self.tr("The row in the file")],
                               [60, 140, 160, 260, 260])
        self.changes = _table([self.tr("Row"), self.tr("Record"), self.tr("Field"), self.tr("Now"),
                               self.tr("After the import")], [60, 240, 140, 260])
        self.duplicates = _table([self.tr("In the file"), self.tr("Already in the database"),
                                  self.tr("Matched by")], [320, 320])
        self.report = QPushButton(self.tr("Save problem report…"))
        self.report.clicked.connect(self._save_report)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report)
        buttons.addStretch(1)
        problems_layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(problems, "")
        self.tabs.addTab(self.changes, "")
        self.tabs.addTab(self.duplicates, "")
        self._name_tabs(0, 0, 0)
        form = QFormLayout()
        form.addRow(self.tr("Customers already in the database"), self.policy)
        form.addRow(self.create)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.salespeople)
        layout.addWidget(self.tabs, 1)
        self.busy = busy_bar(layout, self.tr("Matching the rows…"))

    def _name_tabs(self, problems: int, changes: int, duplicates: int) -> None:
        for index, (text, count) in enumerate(((self.tr("Problems (%1)"), problems),
                                               (self.tr("Changes (%1)"), changes),
                                               (self.tr("Probable duplicates (%1)"), duplicates))):
            self.tabs.setTabText(index, text.replace("%1", str(count)))

    def _policy_changed(self) -> None:
        preview = self.wizard_.preview
        if preview is not None:
            self.wizard_.replan(preview.header_row, preview.mapping)

    def show_preview(self, preview: ImportPreview) -> None:
        plan = preview.plan
        summary = plan.summary()
        orders = summary.get("kind") == "orders"
        self.form.setRowVisible(self.policy, not orders)
        self.form.setRowVisible(self.create, orders)
        if orders:
            self.counts.setText(
                self.tr("Order lines new: %1 · already there: %2 · without a matching customer: %3 · new "
                        "customers: %4 · rows refused: %5 · rows imported with problems: %6")
                .replace("%1", str(summary["new"])).replace("%2", str(summary["present"]))
                .replace("%3", str(summary["unmatched"])).replace("%4", str(summary["customers"]))
                .replace("%5", str(summary["refused"])).replace("%6", str(summary["with_problems"])))
        else:
            self.counts.setText(
                self.tr("New: %1 · updated: %2 · unchanged: %3 · rows refused: %4 · rows imported with problems: %5")
                .replace("%1", str(summary["new"])).replace("%2", str(summary["updated"]))
                .replace("%3", str(summary["unchanged"])).replace("%4", str(summary["refused"]))
                .replace("%5", str(summary["with_problems"])))
        names = plan.new_salespeople
        self.salespeople.setText(self.tr("New salespeople the import adds: %1")
                                 .replace("%1", names_text(names, SHOWN_SALESPEOPLE)))
        self.salespeople.setVisible(bool(names))
        changes = self._show_changes(preview)
        self._show_problems(preview)
        self._show_duplicates(preview)
        self._name_tabs(len(plan.problems), changes, len(plan.duplicates))

    def _show_problems(self, preview: ImportPreview) -> None:
        """One line per problem: where, what it said, what was done and why, and the whole row as written."""
        problems, headers = preview.plan.problems, preview.headers
        translate = QCoreApplication.translate

        def line(row: int) -> tuple[Cell, ...]:
            problem = problems[row]
            return (str(problem.row), problem.column, written(problem.value), problem.action_text(translate),
                    problem.reason_text(translate), (row_text(problem.values), row_tooltip(headers, problem.values)))

        _lines(self.problems).show(len(problems), line)
        _fit(self.problems)
        self.report.setEnabled(bool(problems))

    def _show_changes(self, preview: ImportPreview) -> int:
        """Every field an update changes, record by record (old → new); returns how many there are."""
        lines = list(preview.plan.changed_fields())

        def line(row: int) -> tuple[Cell, ...]:
            kind, number, name, field, old, new = lines[row]
            first = row == 0 or lines[row - 1][:3] != (kind, number, name)  # a record's later fields: row blank
            record = name if kind == "customer" else self.tr("%1 (contact)").replace("%1", name)
            before, after = field_value(field, old), field_value(field, new)
            return (str(number) if first else "", (record if first else "", record), field_label(field),
                    (before or NO_VALUE, before), (after or NO_VALUE, after))

        _lines(self.changes).show(len(lines), line)
        _fit(self.changes)
        return len(lines)

    def _show_duplicates(self, preview: ImportPreview) -> None:
        duplicates = preview.plan.duplicates[:SHOWN_DUPLICATES]
        names = self.wizard_.workspace.customers.names([c.existing_id for c in duplicates])
        lines = [(c.name, names.get(c.existing_id, "") if c.existing_id is not None else "", label(c.matched_by))
                 for c in duplicates]
        _lines(self.duplicates).show(len(lines), lines.__getitem__)
        _fit(self.duplicates)

    def _save_report(self) -> None:
        preview = self.wizard_.preview
        if preview is None:
            return
        target = self.wizard_.prompter.save_file(self.tr("Save problem report"),
                                                 preview.path.with_name(f"{preview.path.stem}-problems.xlsx"))
        if not target:
            return
        try:
            self.wizard_.workspace.imports.write_problem_report(preview, target, QCoreApplication.translate)
        except KeepclientError as exc:
            self.wizard_.prompter.error(self.tr("Save problem report"), exc.message(QCoreApplication.translate))
        except OSError as exc:
            self.wizard_.prompter.error(self.tr("Save problem report"), f"{target}: {exc.strerror or exc}")

    def validatePage(self) -> bool:
        preview = self.wizard_.preview
        summary = preview.plan.summary() if preview is not None else {}
        if summary.get("new", 0) + summary.get("updated", 0) == 0:
            return False
        self.wizard_.run()
        return True
