"""The preview: what the import will do before anything is written. Counts, then three tabs: every problem (one line
per unreadable cell, with the row it is on), every field an update changes (old → new), probable duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
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
    from keepclient.ui.importer.wizard import ImportWizard

SHOWN = 1000  # more lines in a QTableWidget would slow the page; the problem report has every problem
SHOWN_SALESPEOPLE = 10
NO_VALUE = "—"  # an empty field in the changes list
PADDING = 12  # beside a fitted column's widest text


def _table(headers: list[str], widest: list[int]) -> QTableWidget:
    """A read-only table of compact one-line rows; the last column stretches. `widest`: how wide each other column
    may grow when fitted to its contents (`_fit`); the user can widen it, and tooltips show long texts whole."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.setProperty("widest", widest)
    return table


def _fit(table: QTableWidget) -> None:
    """Columns as wide as their contents (and headers), up to each one's limit."""
    for column, widest in enumerate(table.property("widest")):
        table.resizeColumnToContents(column)
        table.setColumnWidth(column, min(table.columnWidth(column) + PADDING, widest))


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(one_line(text))
    if tooltip or "\n" in text or len(text) > 30:
        item.setToolTip(tooltip or text)
    return item


def _more(table: QTableWidget, row: int, text: str) -> None:
    """The last line of a capped table: how many more there are."""
    table.setItem(row, 0, QTableWidgetItem("…"))
    table.setItem(row, 1, QTableWidgetItem(text))
    table.setSpan(row, 1, 1, table.columnCount() - 1)


class PreviewPage(PlannedPage):
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
        problems = preview.plan.problems
        shown = problems[:SHOWN]
        translate = QCoreApplication.translate
        table = self.problems
        table.clearSpans()
        table.setRowCount(len(shown) + (len(shown) < len(problems)))
        for row, problem in enumerate(shown):
            value = written(problem.value)
            for column, item in enumerate((
                    _item(str(problem.row)), _item(problem.column), _item(value),
                    _item(problem.action_text(translate)), _item(problem.reason_text(translate)),
                    _item(row_text(problem.values), row_tooltip(preview.headers, problem.values)))):
                table.setItem(row, column, item)
        if len(shown) < len(problems):
            _more(table, len(shown), self.tr("%1 more: save the problem report to see them all")
                  .replace("%1", str(len(problems) - len(shown))))
        _fit(table)
        self.report.setEnabled(bool(problems))

    def _show_changes(self, preview: ImportPreview) -> int:
        """Every field an update changes, record by record (old → new); returns how many there are."""
        table = self.changes
        table.clearSpans()
        lines: list[tuple[Any, ...]] = []
        count = 0
        for change in preview.plan.changed_fields():
            count += 1
            if len(lines) < SHOWN:
                lines.append(change)
        table.setRowCount(len(lines) + (count > len(lines)))
        last = None
        for row, (kind, number, name, field, old, new) in enumerate(lines):
            record = name if kind == "customer" else self.tr("%1 (contact)").replace("%1", name)
            first = (kind, number, name) != last  # a record's later fields leave its row and name blank
            last = (kind, number, name)
            before, after = field_value(field, old), field_value(field, new)
            for column, item in enumerate((_item(str(number) if first else ""), _item(record if first else "",
                                                                                        record),
                                           _item(field_label(field)), _item(before or NO_VALUE, before),
                                           _item(after or NO_VALUE, after))):
                table.setItem(row, column, item)
        if count > len(lines):
            _more(table, len(lines), self.tr("%1 more changes are not shown").replace("%1", str(count - len(lines))))
        _fit(table)
        return count

    def _show_duplicates(self, preview: ImportPreview) -> None:
        duplicates = preview.plan.duplicates[:SHOWN]
        names = self.wizard_.workspace.customers.names([c.existing_id for c in duplicates])
        self.duplicates.setRowCount(len(duplicates))
        for row, customer in enumerate(duplicates):
            for column, text in enumerate((customer.name, names.get(customer.existing_id, ""),
                                           label(customer.matched_by))):
                self.duplicates.setItem(row, column, _item(text))
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
