"""Exporting visits as an .ics calendar file (Outlook, Apple Calendar, Google Calendar) from the Calendar tab.

The dates default to the period on show and the salespeople to the calendar's filter. Events carry stable ids,
so importing a newer export updates the events instead of doubling them. A team's year is tens of thousands of
events (~0.4 ms each), so the file is made off the UI thread with progress and Cancel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QProgressDialog, QWidget

from keepclient.domain.errors import CancelledError, KeepclientError
from keepclient.ui.labels import from_qdate, to_qdate
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.form_dialog import dialog_buttons

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter

ICS_FILTER = "iCalendar (*.ics)"


class IcsExportDialog(QDialog):
    """First and last day of the export; says whose visits go in."""

    def __init__(self, first: dt.date, last: dt.date, people_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export visits as .ics"))
        self.first, self.last = QDateEdit(to_qdate(first)), QDateEdit(to_qdate(last))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        self.first.dateChanged.connect(lambda d: self.last.setMinimumDate(d))
        self.last.setMinimumDate(self.first.date())
        form = QFormLayout(self)
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        form.addRow(self.tr("Salespeople:"), QLabel(people_text))
        note = QLabel(self.tr("Import the file into Outlook, Apple Calendar or Google Calendar. Importing a newer "
                              "export again updates the visits instead of adding them twice."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(dialog_buttons(self, self.accept))

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())


class IcsExport(QObject):
    """One export: choose dates, choose a file, write it in the background, tell the result."""

    def __init__(self, parent: QWidget, workspace: Workspace, prompter: Prompter, runner: TaskRunner,
                 report: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.window, self.ws, self.prompter, self.runner, self.report = parent, workspace, prompter, runner, report
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None

    def start(self, first: dt.date, last: dt.date, salespeople: list[int] | None, people_text: str) -> QDialog:
        dialog = IcsExportDialog(first, last, people_text, self.window)
        dialog.accepted.connect(lambda: self._chosen(*dialog.period(), salespeople))
        dialog.open()
        return dialog

    def _chosen(self, first: dt.date, last: dt.date, salespeople: list[int] | None) -> None:
        target = self.prompter.save_file(self.tr("Export visits as .ics"), Path.home() / "visits.ics", ICS_FILTER)
        if not target:
            return
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        self.run(target, first, last, salespeople)

    def run(self, target: Path, first: dt.date, last: dt.date, salespeople: list[int] | None) -> Task:
        from keepclient.exporting import ics

        ws = self.ws
        labels = ics.translated_labels(QCoreApplication.translate)
        start = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())

        def work(progress, is_cancelled) -> int:
            entries = ws.visits.schedule(start, end, salespeople, last_notes=False)
            return ics.write_ics(target, entries, tz=ics.local_zone_name(), calendar_name=f"keepclient · "
                                 f"{ws.db.name}", labels=labels, progress=progress, is_cancelled=is_cancelled)

        self.progress = progress = QProgressDialog(self.tr("Exporting visits…"), self.tr("Cancel"), 0, 0,
                                                   self.window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        task = self.task = Task(work, cleanup=ws.release_thread)
        def show_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        task.signals.progress.connect(show_progress)
        progress.canceled.connect(task.cancel)
        task.then(lambda count: self.report(self.tr("Exported %1 visits to %2").replace("%1", str(count))
                                            .replace("%2", str(target))), self._failed)
        task.signals.finished.connect(progress.close)
        return self.runner.start(task)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, CancelledError):
            self.report(self.tr("Export cancelled: nothing was written."))
        elif isinstance(error, KeepclientError):
            self.prompter.error(self.tr("Export failed"), error.message(QCoreApplication.translate))
        else:
            raise error
