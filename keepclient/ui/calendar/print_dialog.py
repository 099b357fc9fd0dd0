"""Print schedules from the calendar: choose the document, the salespeople, paper and orientation, then preview or
save a PDF.

Drawing is the printing package's (the same code as `keepclient print-schedule`); this dialog only gathers the
choices, reads the visits through the services and remembers the choices for next time. The file chooser and error
messages go through the Prompter so tests script them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.types import SalespersonInfo, ScheduleEntry
from keepclient.printing import default_landscape, page_layout, period, render_schedule, write_schedule_pdf
from keepclient.ui.labels import date_text, from_qdate, to_qdate
from keepclient.ui.prompts import Prompter
from keepclient.ui.settings import StoredChoices, default_paper, user_qsettings
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons
from keepclient.ui.widgets.print_preview import open_print_preview

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

PDF_FILTER = "PDF (*.pdf)"


class PrintChoices(StoredChoices):
    """The dialog's remembered choices, each declared once with its default, over the user's QSettings."""

    DOCUMENTS = ("week", "day", "month")
    PAPERS = ("a4", "letter")
    ORIENTATIONS = ("auto", "portrait", "landscape")

    @property
    def document(self) -> str:
        return self._choice("print/document", self.DOCUMENTS)

    @document.setter
    def document(self, value: str) -> None:
        self._set("print/document", value)

    @property
    def paper(self) -> str:
        """"a4" or "letter"; the first time, the locale's paper."""
        return self._choice("print/paper", self.PAPERS, default_paper())

    @paper.setter
    def paper(self, value: str) -> None:
        self._set("print/paper", value)

    @property
    def orientation(self) -> str:
        """"auto" (landscape for week and month, portrait for the route sheet), "portrait" or "landscape"."""
        return self._choice("print/orientation", self.ORIENTATIONS)

    @orientation.setter
    def orientation(self, value: str) -> None:
        self._set("print/orientation", value)


class PrintDialog(QDialog):
    """Choices for a printed schedule, with Preview… and Save PDF…; stays open so several can be printed."""

    def __init__(self, workspace: Workspace, *, day: dt.date, salespeople: list[int] | None,
                 prompter: Prompter | Any = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter or Prompter(self)
        self.choices = PrintChoices(settings or user_qsettings())
        self.setWindowTitle(self.tr("Print schedule"))
        self.last_pages = 0  # pages of the last preview or PDF, for the caller and the tests

        self.document = QComboBox()
        for kind, text in (("week", self.tr("Week schedule (one salesperson per page)")),
                           ("day", self.tr("Day route sheet")), ("month", self.tr("Month overview"))):
            self.document.addItem(text, kind)
        self.date = QDateEdit(to_qdate(day))
        self.date.setCalendarPopup(True)
        self.period_label = QLabel()
        self.people = QListWidget()
        self.people.setMinimumHeight(140)
        chosen = set(salespeople) if salespeople is not None else None
        for person in workspace.team.salespeople():
            item = QListWidgetItem(f"{person.name} ({person.code})" if person.code else person.name)
            item.setData(Qt.ItemDataRole.UserRole, person)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if chosen is None or person.id in chosen
                               else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.include_empty = QCheckBox(self.tr("Also print salespeople without visits"))
        self.include_empty.setChecked(salespeople is not None)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.orientation = QComboBox()
        for value, text in (("auto", self.tr("Automatic")), ("portrait", self.tr("Portrait")),
                            ("landscape", self.tr("Landscape"))):
            self.orientation.addItem(text, value)
        self._select(self.document, self.choices.document)
        self._select(self.paper, self.choices.paper)
        self._select(self.orientation, self.choices.orientation)

        pick = QHBoxLayout()
        pick.addWidget(all_button)
        pick.addWidget(none_button)
        pick.addStretch(1)
        people_box = QVBoxLayout()
        people_box.addWidget(self.people)
        people_box.addLayout(pick)
        people_box.addWidget(self.include_empty)
        form = QFormLayout()
        form.addRow(self.tr("&Document:"), self.document)
        form.addRow(self.tr("D&ate:"), self.date)
        form.addRow("", self.period_label)
        people_label = QLabel(self.tr("&Salespeople:"))
        people_label.setBuddy(self.people)  # a row holding a layout gets no buddy by itself
        form.addRow(people_label, people_box)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Orientation:"), self.orientation)
        buttons = dialog_buttons(self)
        self.preview_button = add_button(buttons, self.tr("Pre&view…"), self.preview)
        self.save_button = add_button(buttons, self.tr("Save &PDF…"), self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.document.currentIndexChanged.connect(self._update)
        self.date.dateChanged.connect(self._update)
        self.people.itemChanged.connect(self._update)
        self._update()

    # ---- choices ----------------------------------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.people.count()):
            self.people.item(row).setCheckState(state)

    def kind(self) -> str:
        return self.document.currentData()

    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def first_weekday(self) -> int:
        return QLocale().firstDayOfWeek().value

    def period(self) -> tuple[dt.date, dt.date]:
        """First day and the day after the last of what will print."""
        return period(self.kind(), self.day(), self.first_weekday())

    def chosen(self) -> list[SalespersonInfo]:
        return [self.people.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.people.count())
                if self.people.item(row).checkState() == Qt.CheckState.Checked]

    def landscape(self) -> bool:
        orientation = self.orientation.currentData()
        return default_landscape(self.kind()) if orientation == "auto" else orientation == "landscape"

    def _update(self) -> None:
        first, end = self.period()
        last = end - dt.timedelta(days=1)
        self.period_label.setText(date_text(first) if first == last else f"{date_text(first)} – {date_text(last)}")
        enabled = bool(self.chosen())
        self.preview_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def _remember(self) -> None:
        self.choices.document = self.kind()
        self.choices.paper = self.paper.currentData()
        self.choices.orientation = self.orientation.currentData()

    # ---- output -----------------------------------------------------------------------------------------------------

    def entries(self) -> list[ScheduleEntry]:
        first, end = self.period()
        ids = [person.id for person in self.chosen()]
        return self.workspace.visits.schedule(dt.datetime.combine(first, dt.time()),
                                              dt.datetime.combine(end, dt.time()), ids,
                                              last_notes=self.kind() == "day")

    def render_pages(self, device: QPagedPaintDevice) -> int:
        """Draw the chosen document on a printer (the preview's, or a real one from its Print button)."""
        try:
            entries = self.entries()
        except KeepclientError as exc:
            self.prompter.error(self.tr("Print schedule"), exc.message(QCoreApplication.translate))
            return 0
        self.last_pages = render_schedule(device, self.kind(), entries, self.chosen(), self.period()[0],
                                          only_busy=not self.include_empty.isChecked(),
                                          first_weekday=self.first_weekday())
        return self.last_pages

    def preview(self) -> QPrintPreviewDialog:
        """Open the print preview (not modal to the application, so the calendar stays usable behind it)."""
        self._remember()
        return open_print_preview(self, page_layout(self.paper.currentData(), self.landscape()),
                                  self.document.currentText(), self.render_pages)

    def suggested_file(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        first, _end = self.period()
        return Path(folder or Path.home()) / f"{self.kind()}-{first.isoformat()}.pdf"

    def save_pdf(self) -> Path | None:
        """Ask where, write the PDF; None when the user cancelled or it could not be written (after saying so)."""
        self._remember()
        path = self.prompter.save_file(self.tr("Save schedule as PDF"), self.suggested_file(), PDF_FILTER)
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            entries = self.entries()
            self.last_pages = write_schedule_pdf(
                path, self.kind(), entries, self.chosen(), self.period()[0], paper=self.paper.currentData(),
                landscape=self.landscape(), only_busy=not self.include_empty.isChecked(),
                first_weekday=self.first_weekday())
        except KeepclientError as exc:
            self.prompter.error(self.tr("Save schedule as PDF"), exc.message(QCoreApplication.translate))
            return None
        except OSError as exc:
            self.prompter.error(self.tr("Save schedule as PDF"),
                                self.tr("Could not write {path}: {reason}").format(path=path,
                                                                                    reason=exc.strerror or exc))
            return None
        return path


def open_print(parent: QWidget | None, workspace: Workspace, *, day: dt.date, salespeople: list[int] | None,
               prompter: Prompter | Any = None) -> PrintDialog:
    """Show the print dialog for the calendar's day and salespeople (None = everyone); returns it, already open."""
    dialog = PrintDialog(workspace, day=day, salespeople=salespeople, prompter=prompter, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
