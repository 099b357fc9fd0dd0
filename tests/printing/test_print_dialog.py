"""The print dialog on the demo database: choices, Save PDF through the scripted prompter, preview, remembered
choices. No modal exec(): the dialog is shown and driven like the window drives it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget

from keepclient.ui.calendar.print_dialog import PrintChoices, PrintDialog, open_print
from keepclient.ui.labels import date_text
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


def make_dialog(qtbot, workspace, settings: QSettings, prompter: ScriptedPrompter, *,
                salespeople: list[int] | None = None) -> PrintDialog:
    dialog = PrintDialog(workspace, day=DEMO_TODAY, salespeople=salespeople, prompter=prompter, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_save_pdf_writes_the_week_of_the_chosen_salesperson(qtbot, workspace, settings, tmp_path, pdf) -> None:
    person = workspace.team.salespeople()[1]
    prompter = ScriptedPrompter(path=tmp_path / "week.pdf")
    dialog = make_dialog(qtbot, workspace, settings, prompter, salespeople=[person.id])
    choose(dialog.document, "week")
    assert [p.id for p in dialog.chosen()] == [person.id]

    saved = dialog.save_pdf()

    assert saved == tmp_path / "week.pdf" and prompter.kinds() == ["save"]
    first, end = dialog.period()
    assert first.isoweekday() == dialog.first_weekday() and end - first == dt.timedelta(days=7)
    assert first <= DEMO_TODAY < end
    visits = workspace.visits.schedule(dt.datetime.combine(first, dt.time()), dt.datetime.combine(end, dt.time()),
                                       [person.id])
    assert visits, "the demo week has visits"
    pages = pdf(saved)
    assert len(pages) == dialog.last_pages >= 1
    assert all(page.has(person.name) for page in pages)
    for visit in visits:
        assert any(page.has(visit.customer, visit.address) for page in pages)
    others = {p.name for p in workspace.team.salespeople()} - {person.name}
    assert not any(page.has(name) for page in pages for name in others)


def test_day_route_sheet_on_letter_landscape_for_everyone(qtbot, workspace, settings, tmp_path, pdf) -> None:
    prompter = ScriptedPrompter(path=tmp_path / "route")  # no suffix typed: .pdf is added
    dialog = make_dialog(qtbot, workspace, settings, prompter)
    choose(dialog.document, "day")
    choose(dialog.paper, "letter")
    choose(dialog.orientation, "landscape")
    assert len(dialog.chosen()) == len(workspace.team.salespeople())

    saved = dialog.save_pdf()

    assert saved == tmp_path / "route.pdf"
    pages = pdf(saved)
    assert {(round(p.width), round(p.height)) for p in pages} == {(792, 612)}
    visits = workspace.visits.schedule(dt.datetime.combine(DEMO_TODAY, dt.time()),
                                       dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=1), dt.time()))
    people_with_visits = {visit.salesperson for visit in visits}
    assert {name for name in people_with_visits if any(page.has(name, "Day route sheet") for page in pages)} \
        == people_with_visits
    assert all(any(page.has(visit.customer) for page in pages) for visit in visits)


def test_choices_are_remembered_for_next_time(qtbot, workspace, settings, tmp_path) -> None:
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter(path=tmp_path / "m.pdf"))
    choose(dialog.document, "month")
    choose(dialog.paper, "letter")
    choose(dialog.orientation, "portrait")
    assert dialog.save_pdf() is not None

    again = make_dialog(qtbot, workspace, settings, ScriptedPrompter())
    assert (again.kind(), again.paper.currentData(), again.orientation.currentData()) == \
        ("month", "letter", "portrait")
    assert not again.landscape()
    choices = PrintChoices(settings)
    assert (choices.document, choices.paper, choices.orientation) == ("month", "letter", "portrait")


def test_cancelled_save_writes_nothing_and_no_salesperson_disables_output(qtbot, workspace, settings,
                                                                          tmp_path) -> None:
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter(path=None))
    assert dialog.save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []

    for row in range(dialog.people.count()):
        dialog.people.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.save_button.isEnabled() and not dialog.preview_button.isEnabled()
    dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save_button.isEnabled() and dialog.preview_button.isEnabled()


def test_unwritable_file_is_reported_through_the_prompter(qtbot, workspace, settings, tmp_path) -> None:
    prompter = ScriptedPrompter(path=tmp_path / "no-such-folder" / "week.pdf")
    dialog = make_dialog(qtbot, workspace, settings, prompter)

    assert dialog.save_pdf() is None
    assert prompter.kinds() == ["save", "error"] and "no-such-folder" in prompter.asked[-1][2]


def test_preview_renders_through_the_printing_package(qtbot, workspace, settings) -> None:
    person = workspace.team.salespeople()[0]
    dialog = make_dialog(qtbot, workspace, settings, ScriptedPrompter(), salespeople=[person.id])
    choose(dialog.document, "day")

    preview = dialog.preview()
    qtbot.waitUntil(lambda: dialog.last_pages > 0)

    widget = preview.findChild(QPrintPreviewWidget)
    assert preview.isVisible() and widget.pageCount() == dialog.last_pages
    assert not dialog.landscape()  # automatic: the route sheet is portrait
    with qtbot.waitSignal(preview.finished):
        preview.reject()


def test_open_print_shows_the_dialog_with_the_calendars_salespeople(qtbot, workspace) -> None:
    people = workspace.team.salespeople()
    dialog = open_print(None, workspace, day=DEMO_TODAY, salespeople=[people[2].id])

    assert dialog.isVisible() and [p.id for p in dialog.chosen()] == [people[2].id]
    assert dialog.include_empty.isChecked()  # asked for by name: printed even without visits
    first, _end = dialog.period()
    assert dialog.period_label.text().startswith(date_text(first))
    with qtbot.waitSignal(dialog.destroyed):  # closed: gone, nothing left behind
        dialog.reject()
