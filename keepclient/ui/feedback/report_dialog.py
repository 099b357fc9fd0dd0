"""The feedback report from the log: choose the period, then preview and print it, or save it as PDF or .xlsx.

Drawing is the printing package's and the workbook the exporting package's (the same code as
`keepclient feedback-report`); this dialog gathers the choices, reads the report through the feedback service and
remembers paper, orientation and the last folder for next time. File choosers and errors go through the Prompter
so tests script them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.periods import months_before
from keepclient.domain.types import FeedbackReport
from keepclient.exporting.feedback_report import translated_labels, write_feedback_report_xlsx
from keepclient.printing.feedback_report import render_feedback_report, write_feedback_report_pdf
from keepclient.printing.schedules import page_layout
from keepclient.ui.labels import from_qdate, to_qdate
from keepclient.ui.prompts import Prompter
from keepclient.ui.settings import OutputChoices, user_qsettings
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, message_label
from keepclient.ui.widgets.print_preview import open_print_preview

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
DEFAULT_MONTHS = 6


class ReportChoices(OutputChoices):
    """The dialog's remembered choices over the user's QSettings: paper, orientation and the last folder."""

    GROUP = "feedback_report"
    ORIENTATIONS = ("portrait", "landscape")

    @property
    def orientation(self) -> str:
        return self._choice("feedback_report/orientation", self.ORIENTATIONS)

    @orientation.setter
    def orientation(self, value: str) -> None:
        self._set("feedback_report/orientation", value)


class ReportDialog(QDialog):
    """Period, paper and orientation, with Preview…, Save PDF… and Save Excel…; stays open for several outputs."""

    def __init__(self, workspace: Workspace, *, prompter: Prompter | Any = None, today: dt.date | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter or Prompter(self)
        self.choices = ReportChoices(settings or user_qsettings())
        self.setWindowTitle(self.tr("Feedback report"))
        self.last_pages = 0  # pages of the last preview or PDF, for the caller and the tests
        self._preview_report: FeedbackReport | None = None

        last = today or dt.date.today()
        self.first = QDateEdit(to_qdate(months_before(last, DEFAULT_MONTHS)))
        self.last = QDateEdit(to_qdate(last))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        self.hint = message_label()
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.paper.setCurrentIndex(max(self.paper.findData(self.choices.paper), 0))
        self.orientation.setCurrentIndex(max(self.orientation.findData(self.choices.orientation), 0))

        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        form.addRow("", self.hint)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Orientation:"), self.orientation)
        note = QLabel(self.tr("Open feedback by owner with age and overdue flags, and the period's monthly counts "
                              "by category with median response and resolution times."))
        note.setWordWrap(True)
        buttons = dialog_buttons(self)
        self.preview_button = add_button(buttons, self.tr("Pre&view…"), self.preview)
        self.pdf_button = add_button(buttons, self.tr("Save &PDF…"), self.save_pdf)
        self.excel_button = add_button(buttons, self.tr("Save &Excel…"), self.save_excel)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.first.dateChanged.connect(self._update)
        self.last.dateChanged.connect(self._update)
        self._update()

    # ---- choices ----------------------------------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day (both included) of the report."""
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def landscape(self) -> bool:
        return self.orientation.currentData() == "landscape"

    def _update(self) -> None:
        first, last = self.period()
        valid = first <= last
        self.hint.setText("" if valid else self.tr("The first day must not be after the last day."))
        self.hint.setVisible(not valid)
        for button in (self.preview_button, self.pdf_button, self.excel_button):
            button.setEnabled(valid)

    def _remember(self) -> None:
        self.choices.paper = self.paper.currentData()
        self.choices.orientation = self.orientation.currentData()

    # ---- output -----------------------------------------------------------------------------------------------------

    def report(self) -> FeedbackReport | None:
        """The report for the chosen period from the service; None after telling the user why it could not be made."""
        first, last = self.period()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.workspace.feedback.report(first, last)
        except KeepclientError as exc:
            self.prompter.error(self.tr("Feedback report"), exc.message(QCoreApplication.translate))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def render_pages(self, device: QPagedPaintDevice) -> int:
        """Draw the report on a printer (the preview's, or a real one from its Print button)."""
        if self._preview_report is None:
            return 0
        self.last_pages = render_feedback_report(device, self._preview_report)
        return self.last_pages

    def preview(self) -> QPrintPreviewDialog | None:
        """Open the print preview (not modal to the application, so the log stays usable behind it)."""
        self._remember()
        self._preview_report = self.report()
        if self._preview_report is None:
            return None
        return open_print_preview(self, page_layout(self.paper.currentData(), self.landscape()),
                                  self.tr("Feedback report"), self.render_pages)

    def suggested_file(self, suffix: str) -> Path:
        first, last = self.period()
        return self.choices.folder / f"feedback-report-{first.isoformat()}-{last.isoformat()}{suffix}"

    def _target(self, title: str, suffix: str, filters: str) -> Path | None:
        path = self.prompter.save_file(title, self.suggested_file(suffix), filters)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _failed(self, title: str, exc: KeepclientError) -> None:
        self.prompter.error(title, exc.message(QCoreApplication.translate))

    def save_pdf(self) -> Path | None:
        """Ask where, write the PDF; None when the user cancelled or it could not be written (after saying so)."""
        def write(path: Path, report: FeedbackReport) -> None:
            self.last_pages = write_feedback_report_pdf(path, report, paper=self.paper.currentData(),
                                                        landscape=self.landscape())

        return self._save(self.tr("Save feedback report as PDF"), ".pdf", PDF_FILTER, write)

    def save_excel(self) -> Path | None:
        """Ask where, write the workbook; None when the user cancelled or it could not be written (after saying so)."""
        def write(path: Path, report: FeedbackReport) -> None:
            write_feedback_report_xlsx(path, report, labels=translated_labels(QCoreApplication.translate))

        return self._save(self.tr("Save feedback report as Excel"), ".xlsx", XLSX_FILTER, write)

    def _save(self, title: str, suffix: str, filters: str,
              write: Callable[[Path, FeedbackReport], None]) -> Path | None:
        """The steps both formats share: remember the choices, ask where, read the report, write, remember the
        folder; errors are told under `title`."""
        self._remember()
        path = self._target(title, suffix, filters)
        if path is None:
            return None
        report = self.report()
        if report is None:
            return None
        try:
            write(path, report)
        except KeepclientError as exc:
            self._failed(title, exc)
            return None
        self.choices.folder = path.parent
        return path


def open_report(parent: QWidget | None, workspace: Workspace, *, prompter: Prompter | Any = None,
                today: dt.date | None = None, settings: QSettings | None = None) -> ReportDialog:
    """Show the report dialog (period: the last six months up to today); returns it, already open."""
    dialog = ReportDialog(workspace, prompter=prompter, today=today, settings=settings, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
