"""The Calendar tab's More menu: visits exported as an .ics file (off the UI thread), and the team's cadence."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.calendar.cadence_dialog import CadenceDialog
from keepclient.ui.calendar.ics_export import IcsExportDialog
from keepclient.ui.tasks import TaskRunner
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter


class CancellingRunner(TaskRunner):
    """Runs a task at once, as if the user had pressed Cancel before it started."""

    def start(self, task):
        task.cancel()
        task.run()
        return task


pytestmark = pytest.mark.usefixtures("british_locale")  # weeks start on Monday whatever the machine says


def _open_dialog(area: CalendarArea, kind: type[QDialog]) -> QDialog:
    (dialog,) = [d for d in area.findChildren(kind) if d.isVisible()]
    return dialog


def test_the_weeks_visits_of_the_chosen_salespeople_go_to_an_ics_file(make_area, workspace, qtbot, tmp_path):
    target = tmp_path / "week"  # no suffix typed: .ics is added
    area = make_area(ScriptedPrompter(path=target))
    person = workspace.team.salespeople()[0]
    area.people.set_chosen([person.id])
    area.set_view("week")
    messages: list[str] = []
    area.message.connect(messages.append)
    area.ics_action.trigger()
    dialog = _open_dialog(area, IcsExportDialog)
    assert dialog.period() == (DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=6))  # the week on show (Monday first)
    dialog.last.setDate(QDate(2026, 12, 6))
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    written = target.with_suffix(".ics")
    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    expected = workspace.visits.schedule(dt.datetime(2026, 11, 23), dt.datetime(2026, 12, 7), [person.id])
    assert len(events) == len(expected) > 0
    assert {str(e["UID"]) for e in events} == {f"{e.uuid}@keepclient" for e in expected}
    assert messages[-1] == f"Exported {len(expected)} visits to {written}"


def test_cancel_writes_nothing_and_says_so(make_area, tmp_path):
    target = tmp_path / "visits.ics"
    area = make_area(ScriptedPrompter(path=target), runner=CancellingRunner())
    messages: list[str] = []
    area.message.connect(messages.append)
    area.export_ics()
    _open_dialog(area, IcsExportDialog).accept()
    assert not target.exists() and list(tmp_path.glob("*.ics*")) == []
    assert messages[-1] == "Export cancelled: nothing was written."


def test_no_file_chosen_exports_nothing(make_area, tmp_path):
    prompter = ScriptedPrompter(path=None)
    area = make_area(prompter)
    area.export_ics()
    _open_dialog(area, IcsExportDialog).accept()
    assert prompter.kinds() == ["save"] and list(tmp_path.glob("*.ics")) == []


def test_the_cadence_dialog_saves_the_team_settings(make_area, workspace, qtbot):
    area = make_area(ScriptedPrompter())
    area.cadence_action.trigger()
    dialog = _open_dialog(area, CadenceDialog)
    dialog.spins["A"].setValue(10)
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert workspace.team.cadence()["A"] == 10
