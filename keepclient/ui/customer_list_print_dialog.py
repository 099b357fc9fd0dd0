"""Print customer list… (Customer menu): the list as it is on screen (the view, search, filters and sort), all of
its rows and not only those scrolled to, in the columns ticked, on A4 or Letter, upright or across; to a PDF file,
a printer, or a preview first.

The rows are the customer service's, read off the UI thread (a view may hold tens of thousands), and drawn by
printing/customer_list.py (the same code as `keepclient print-customers`). File choosers and errors go through the
Prompter so tests script them; the folder, paper and columns are remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout, QLabel, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.domain.types import CustomerFilter, CustomerRow
from keepclient.printing import customer_list as printed
from keepclient.printing.schedules import page_layout
from keepclient.ui.prompts import Prompter
from keepclient.ui.settings import OutputChoices, user_qsettings
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, finish_form
from keepclient.ui.widgets.print_preview import open_print_preview

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.customers.area import CustomerArea

PDF_FILTER = "PDF (*.pdf)"
BLOCK = 5000  # rows read per query: a view of any size, without one giant IN list


class CustomerListChoices(OutputChoices):
    GROUP = "customer_list"

    @property
    def columns(self) -> tuple[str, ...] | None:
        """The columns printed last time; None the first time (the list's visible columns then)."""
        value = self._get(f"{self.GROUP}/columns", "")
        keys = tuple(key for key in str(value or "").split(",") if key in printed.BY_KEY)
        return keys or None

    @columns.setter
    def columns(self, keys: Sequence[str]) -> None:
        self._set(f"{self.GROUP}/columns", ",".join(keys))


def read_rows(workspace: Workspace, flt: CustomerFilter, cancelled: Callable[[], bool] = lambda: False,
              ) -> list[CustomerRow]:
    """Every row the list shows for `flt`, in its order (a block at a time; stops early when cancelled)."""
    rows: list[CustomerRow] = []
    while not cancelled():
        block = workspace.customers.rows(len(rows), BLOCK, flt)
        rows.extend(block)
        if len(block) < BLOCK:
            break
    return rows


class CustomerListPrintDialog(QDialog):
    """Columns, paper and orientation; Preview…, Print… and Save PDF…; stays open to print again."""

    def __init__(self, workspace: Workspace, flt: CustomerFilter, *, title: str = "", description: str = "",
                 shown_columns: Sequence[str] = printed.DEFAULT_KEYS, currency: str = "CNY",
                 runner: TaskRunner | None = None, prompter: Prompter | Any = None,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.filter = workspace, flt
        self.listing_title = title or self.tr("Customer list")
        self.description, self.currency = description, currency
        self.runner = runner or TaskRunner()
        self.prompter = prompter or Prompter(self)
        self.choices = CustomerListChoices(settings or user_qsettings())
        self.rows: list[CustomerRow] | None = None  # read once, on the first output
        self.task: Task | None = None
        self.last_pages = 0
        self.printer: QPrinter | None = None
        self.setWindowTitle(self.tr("Print customer list"))
        self.setObjectName("customer_list_print")

        intro = QLabel(self.tr("Prints every customer of the list as it is now: “%1”, with its search, filters "
                               "and order.").replace("%1", self.listing_title))
        intro.setWordWrap(True)
        wanted = self.choices.columns or tuple(shown_columns)
        grid = QGridLayout()
        self.column_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(printed.KEYS):
            box = QCheckBox(QCoreApplication.translate("printing", printed.BY_KEY[key].header))
            box.setObjectName(f"print_column_{key}")
            box.setChecked(key in wanted or key == "name")
            box.setEnabled(key != "name")  # what would a list without names be
            box.toggled.connect(self._columns_changed)
            grid.addWidget(box, index // 3, index % 3)
            self.column_boxes[key] = box
        self.paper = QComboBox()
        self.paper.setObjectName("print_paper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(self.choices.paper), 0))
        self.orientation = QComboBox()
        self.orientation.setObjectName("print_orientation")
        self.orientation.addItem(self.tr("Portrait"), False)
        self.orientation.addItem(self.tr("Landscape"), True)
        self._orientation_chosen = False
        self.orientation.activated.connect(lambda _i: setattr(self, "_orientation_chosen", True))

        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("Columns:"), grid)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Orientation:"), self.orientation)
        buttons = dialog_buttons(self)
        self.preview_button = add_button(buttons, self.tr("Pre&view…"), self.preview)
        self.print_button = add_button(buttons, self.tr("&Print…"), self.print_)
        self.pdf_button = add_button(buttons, self.tr("Save P&DF…"), self.save_pdf)
        self.message = finish_form(self, form, buttons, "print_list_message")
        self.message.setStyleSheet("")  # progress, not an error
        self._columns_changed()

    # ---- choices ------------------------------------------------------------------------------------------------
    def columns(self) -> list[str]:
        return [key for key, box in self.column_boxes.items() if box.isChecked()]

    def set_columns(self, keys: Sequence[str]) -> None:
        for key, box in self.column_boxes.items():
            box.setChecked(key in keys or key == "name")

    def landscape(self) -> bool:
        return bool(self.orientation.currentData())

    def _columns_changed(self) -> None:
        """Across the page once the columns would not fit upright, until the user picks an orientation."""
        if not self._orientation_chosen:
            self.orientation.setCurrentIndex(1 if printed.default_landscape(self.columns()) else 0)

    def listing(self) -> printed.CustomerListing:
        return printed.CustomerListing(self.listing_title, self.description, self.rows or [], self.columns(),
                                       self.currency)

    def _remember(self) -> None:
        self.choices.paper = self.paper.currentData()
        self.choices.columns = self.columns()

    # ---- the rows, off the UI thread ----------------------------------------------------------------------------
    def with_rows(self, then: Callable[[], object]) -> None:
        """Run `then` once every row of the list has been read (at once when read before)."""
        if self.rows is not None:
            then()
            return
        if self.task is not None:
            return  # still reading: the button pressed first goes on
        workspace, flt = self.workspace, self.filter
        self._busy(True)
        self.message.setText(self.tr("Reading the customers…"))
        task = Task(lambda _report, cancelled: read_rows(workspace, flt, cancelled),
                    cleanup=workspace.release_thread)

        def read(rows: list[CustomerRow]) -> None:
            self.task, self.rows = None, rows
            self._busy(False)
            self.message.setText(self.tr("%n customer(s).").replace("%n", str(len(rows))))
            then()

        def failed(error: Exception) -> None:
            self.task = None
            self._busy(False)
            self.message.clear()
            if not isinstance(error, KeepclientError):
                raise error  # a bug: the window's error hook shows it
            self.prompter.error(self.tr("Print customer list"), error.message(QCoreApplication.translate))

        self.task = task.then(read, failed)
        self.runner.start(task)

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(not busy)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()

    # ---- output -------------------------------------------------------------------------------------------------
    def render_pages(self, device: QPagedPaintDevice) -> int:
        """Draw the list on a printer (the preview's, or one chosen with Print…)."""
        self.last_pages = printed.render_customer_list(device, self.listing())
        return self.last_pages

    def _layout(self) -> Any:
        return page_layout(self.paper.currentData(), self.landscape())

    def preview(self) -> None:
        """Open the print preview once the rows are read (its Print button prints the same pages)."""
        self._remember()
        self.with_rows(lambda: open_print_preview(self, self._layout(), self.listing_title, self.render_pages))

    def preview_dialog(self) -> QPrintPreviewDialog | None:
        """The open preview, if any (tests)."""
        return self.findChild(QPrintPreviewDialog)

    def print_(self) -> None:
        """The system's print dialog, then the pages on the printer chosen there."""
        self._remember()

        def ask() -> None:
            printer = self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageLayout(self._layout())
            printer.setDocName(self.listing_title)
            dialog = QPrintDialog(printer, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.render_pages(printer))
            dialog.open()  # type: ignore[call-arg]  # the stubs know only open(receiver, member)

        self.with_rows(ask)

    def suggested_file(self) -> Path:
        name = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in self.listing_title).strip()
        return self.choices.folder / f"{name or self.tr('customers')}.pdf"

    def save_pdf(self) -> None:
        """Ask where, then write the PDF once the rows are read; `saved` holds the file written (tests)."""
        self._remember()
        title = self.tr("Save customer list as PDF")
        path = self.prompter.save_file(title, self.suggested_file(), PDF_FILTER)
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def write() -> None:
            try:
                self.last_pages = printed.write_customer_list_pdf(path, self.listing(),
                                                                  paper=self.paper.currentData(),
                                                                  landscape=self.landscape())
            except KeepclientError as exc:
                self.prompter.error(title, exc.message(QCoreApplication.translate))
                return
            except OSError as exc:
                self.prompter.error(title, self.tr("Could not write %1: %2").replace("%1", str(path))
                                    .replace("%2", exc.strerror or str(exc)))
                return
            self.choices.folder = path.parent
            self.saved = path
            self.message.setText(self.tr("Saved %1 (%n page(s)).").replace("%1", path.name)
                                 .replace("%n", str(self.last_pages)))

        self.with_rows(write)

    saved: Path | None = None


def describe(area: CustomerArea) -> str:
    """What the list holds beyond its view, as the filter bar shows it: “华信” · 张伟 · A · 上海."""
    bar = area.filters
    parts = [f"“{bar.search.text().strip()}”"] if bar.search.text().strip() else []
    parts += [combo.currentText() for combo in (bar.owner, bar.tier, bar.stage, bar.tag, bar.city, bar.follow_up,
                                                bar.no_order, bar.risk) if combo.currentIndex() > 0]
    if bar.open_feedback.isChecked():
        parts.append(bar.open_feedback.text())
    if bar.ids is not None and bar.caption:
        parts.append(bar.caption)
    return " · ".join(parts)


def print_customer_list(area: CustomerArea, *, settings: QSettings | None = None,
                        ) -> CustomerListPrintDialog | None:
    """Customer › Print customer list…: the dialog for the list as the tab shows it (view, filter, columns)."""
    view = area.sidebar.current()
    header = area.list.horizontalHeader()
    shown = [key for index, key in enumerate(printed.KEYS) if not area.list.isColumnHidden(index)]
    shown.sort(key=lambda key: header.visualIndex(printed.KEYS.index(key)))  # in the order the list shows them
    return open_customer_list_print(area, area.workspace, area.current_filter(),
                                    title=view.name if view is not None else "", description=describe(area),
                                    shown_columns=shown, currency=area.currency, runner=area.runner,
                                    prompter=area.prompter, settings=settings)


def open_customer_list_print(parent: QWidget | None, workspace: Workspace | None, flt: CustomerFilter, *,
                             title: str = "", description: str = "", shown_columns: Sequence[str] = (),
                             currency: str = "CNY", runner: TaskRunner | None = None,
                             prompter: Prompter | Any = None,
                             settings: QSettings | None = None) -> CustomerListPrintDialog | None:
    """Show the dialog for the list's filter `flt`; returns it, already open (None without a database)."""
    if workspace is None:
        return None
    dialog = CustomerListPrintDialog(workspace, flt, title=title, description=description,
                                     shown_columns=shown_columns or printed.DEFAULT_KEYS, currency=currency,
                                     runner=runner, prompter=prompter, settings=settings, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
