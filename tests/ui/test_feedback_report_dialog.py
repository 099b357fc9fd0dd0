"""The feedback report dialog on the demo database: default period, Save PDF and Save Excel through the scripted
prompter, preview, remembered choices, errors. No modal exec(): the dialog is shown and driven as the log drives it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtPrintSupport import QPrintPreviewWidget

from keepclient.domain.errors import DatabaseBusyError
from keepclient.ui.feedback.report_dialog import ReportChoices, ReportDialog, months_before, open_report
from keepclient.ui.settings import Preferences
from tests.conftest import DEMO_TODAY
from tests.printing.conftest import read_pdf
from tests.printing.test_feedback_report import sample_report
from tests.ui.helpers import ScriptedPrompter, shown

SIX_MONTHS_BEFORE = dt.date(2026, 5, 23)


@pytest.fixture
def pdf(qapp):
    return read_pdf


@pytest.fixture
def settings(prefs: Preferences) -> QSettings:
    """The user's settings file the dialog remembers its choices in."""
    return prefs.qsettings


def make_dialog(qtbot, workspace, settings: QSettings, prompter: ScriptedPrompter) -> ReportDialog:
    return shown(qtbot, ReportDialog(workspace, prompter=prompter, today=DEMO_TODAY, settings=settings))


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(DEMO_TODAY, 6) == SIX_MONTHS_BEFORE
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)
    assert months_before(dt.date(2028, 8, 31), 6) == dt.date(2028, 2, 29)


def test_save_pdf_prints_the_services_report_for_the_last_six_months(qtbot, workspace, settings, tmp_path,
                                                                    pdf) -> None:
    prompter = ScriptedPrompter(path=tmp_path / "report")  # no suffix typed: .pdf is added
    dialog = make_dialog(qtbot, workspace, settings, prompter)
    assert dialog.period() == (SIX_MONTHS_BEFORE, DEMO_TODAY)

    saved = dialog.save_pdf()

    assert saved == tmp_path / "report.pdf" and prompter.kinds() == ["save"]
    assert Path(prompter.asked[0][2]).name == "feedback-report-2026-05-23-2026-11-23.pdf"
    report = workspace.feedback.report(SIX_MONTHS_BEFORE, DEMO_TODAY)
    assert report.open_items and report.monthly, "the demo database has open and recent feedback"
    pages = pdf(saved)
    assert len(pages) == dialog.last_pages >= 2
    assert {(round(p.width), round(p.height)) for p in pages} == {(595, 842)}  # A4 portrait by default
    text = "".join(page.flat for page in pages)
    for owner in {row.owner for row in report.open_items if row.owner}:
        assert f"{owner}:" in text
    missing = [row.customer for row in report.open_items if "".join(row.customer.split()) not in text]
    assert not missing
    assert text.count("OVERDUE") == sum(1 for row in report.open_items if row.overdue)
    assert pages[-1].has("Monthly feedback by category")


def test_save_excel_writes_both_sheets_of_the_chosen_period(qtbot, workspace, settings, tmp_path) -> None:
    prompter = ScriptedPrompter(path=tmp_path / "report.xlsx")
    dialog = make_dialog(qtbot, workspace, settings, prompter)
    dialog.first.setDate(QDate(2026, 9, 1))
    dialog.last.setDate(QDate(2026, 10, 31))

    saved = dialog.save_excel()

    assert saved == tmp_path / "report.xlsx" and prompter.kinds() == ["save"]
    report = workspace.feedback.report(dt.date(2026, 9, 1), dt.date(2026, 10, 31))
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == ["Open feedback", "Monthly"]
    open_rows = list(book["Open feedback"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in open_rows] == [item.id for item in report.open_items]
    assert all(isinstance(row[3], dt.datetime) for row in open_rows)
    months = {row[0] for row in book["Monthly"].iter_rows(min_row=2, values_only=True)}
    assert months == {dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 1)}  # only the chosen period
    assert sum(row[2] for row in book["Monthly"].iter_rows(min_row=2, values_only=True)) == \
        sum(row.count for row in report.monthly) > 0


def test_a_reversed_period_disables_the_outputs(qtbot, workspace, settings) -> None:
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter())
    buttons = (dialog.preview_button, dialog.pdf_button, dialog.excel_button)
    assert all(button.isEnabled() for button in buttons) and not dialog.hint.isVisible()

    dialog.first.setDate(QDate(2026, 12, 1))

    assert not any(button.isEnabled() for button in buttons) and dialog.hint.isVisible()
    dialog.first.setDate(QDate(2026, 11, 23))
    assert all(button.isEnabled() for button in buttons)


def test_cancelled_save_writes_nothing(qtbot, workspace, settings, tmp_path) -> None:
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter(path=None))

    assert dialog.save_pdf() is None and dialog.save_excel() is None
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.xlsx")) == []


def test_unwritable_files_are_reported_through_the_prompter(qtbot, workspace, settings, tmp_path) -> None:
    prompter = ScriptedPrompter(path=tmp_path / "no-such-folder" / "report.pdf")
    dialog = make_dialog(qtbot, workspace, settings, prompter)

    assert dialog.save_pdf() is None
    prompter.path = tmp_path / "no-such-folder" / "report.xlsx"
    assert dialog.save_excel() is None
    assert prompter.kinds() == ["save", "error", "save", "error"]
    assert all("no-such-folder" in text for kind, _title, text in prompter.asked if kind == "error")


def test_a_busy_database_is_reported_and_nothing_is_written(qtbot, settings, tmp_path) -> None:
    def busy(start: dt.date, end: dt.date):
        raise DatabaseBusyError()

    workspace = SimpleNamespace(feedback=SimpleNamespace(report=busy))
    prompter = ScriptedPrompter(path=tmp_path / "report.pdf")
    dialog = make_dialog(qtbot, workspace, settings, prompter)

    assert dialog.save_pdf() is None and dialog.preview() is None
    assert prompter.kinds() == ["save", "error", "error"] and "busy" in prompter.asked[1][2]
    assert list(tmp_path.glob("*.pdf")) == []


def test_choices_and_folder_are_remembered(qtbot, workspace, settings, tmp_path, pdf) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter(path=folder / "r.pdf"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
    saved = dialog.save_pdf()
    assert {(round(p.width), round(p.height)) for p in pdf(saved)} == {(792, 612)}

    again = make_dialog(qtbot, workspace, settings, ScriptedPrompter())
    assert (again.paper.currentData(), again.orientation.currentData()) == ("letter", "landscape")
    assert again.landscape() and again.suggested_file(".xlsx").parent == folder
    choices = ReportChoices(settings)
    assert (choices.paper, choices.orientation, choices.folder) == ("letter", "landscape", folder)


def test_preview_renders_through_the_printing_package(qtbot, settings) -> None:
    asked = []

    def report(start: dt.date, end: dt.date):
        asked.append((start, end))
        return sample_report()

    workspace = SimpleNamespace(feedback=SimpleNamespace(report=report))
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter())

    preview = dialog.preview()
    qtbot.waitUntil(lambda: dialog.last_pages > 0)

    widget = preview.findChild(QPrintPreviewWidget)
    assert preview.isVisible() and widget.pageCount() == dialog.last_pages == 2
    assert asked == [(SIX_MONTHS_BEFORE, DEMO_TODAY)]  # one report for the preview, however often it repaints
    with qtbot.waitSignal(preview.finished):
        preview.reject()


def test_open_report_shows_the_dialog_and_it_goes_away_when_closed(qtbot, workspace) -> None:
    dialog = open_report(None, workspace, prompter=ScriptedPrompter())

    assert dialog.isVisible() and dialog.period()[1] == dt.date.today()
    assert dialog.period()[0] == months_before(dt.date.today(), 6)
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
