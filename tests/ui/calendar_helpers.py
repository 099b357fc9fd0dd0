"""Shared pieces of the calendar tests: the area on the demo database, stand-ins for the dialogs, mouse drags."""

from __future__ import annotations

import datetime as dt
import sys
import types

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog

from keepclient.ui.calendar.area import CalendarArea


class RecordingDialog(QDialog):
    """Stands in for VisitDialog / OutcomeDialog: records how the area built it (their documented keywords)."""

    made: list[RecordingDialog]

    def __init__(self, workspace, **kwargs) -> None:
        super().__init__(kwargs.get("parent"))
        self.workspace, self.kwargs = workspace, kwargs
        self.saved_ids: list[int] = []
        self.made.append(self)


def install_fake_dialogs(monkeypatch) -> list[RecordingDialog]:
    """Replace the dialog and printing modules by recorders; returns the dialogs the area opens, in order."""
    made: list[RecordingDialog] = []

    class FakeVisitDialog(RecordingDialog):
        kind = "visit"

    class FakeOutcomeDialog(RecordingDialog):
        kind = "outcome"

    FakeVisitDialog.made = FakeOutcomeDialog.made = made
    visit = types.ModuleType("keepclient.ui.calendar.visit_dialog")
    visit.VisitDialog = FakeVisitDialog
    outcome = types.ModuleType("keepclient.ui.calendar.outcome_dialog")
    outcome.OutcomeDialog = FakeOutcomeDialog
    import keepclient.ui.calendar as package

    for module, name in ((visit, "visit_dialog"), (outcome, "outcome_dialog")):
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setattr(package, name, module, raising=False)  # what `from package import name` finds first
    return made


def install_fake_printing(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    printing = types.ModuleType("keepclient.ui.calendar.print_dialog")

    def open_print(parent, workspace, *, day, salespeople):
        calls.append({"parent": parent, "workspace": workspace, "day": day, "salespeople": salespeople})

    printing.open_print = open_print
    monkeypatch.setitem(sys.modules, printing.__name__, printing)
    return calls


def activate(qtbot, area: CalendarArea) -> None:
    """Shortcuts only reach the active window."""
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area.window())


def drag(qtbot, widget, start: QPoint, end: QPoint, steps: int = 4) -> None:
    """Press, move in a few steps and release the left button, as a hand on the mouse would."""
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, steps + 1):
        qtbot.mouseMove(widget, start + (end - start) * (step / steps))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def block_center(area: CalendarArea, visit_id: int) -> QPoint:
    """Where the grid painted a visit, scrolled into view first."""
    placed = area.grid.find_placed(visit_id)
    assert placed is not None
    area.grid.ensure_visible(placed.top, placed.bottom)
    return area.grid.block_rect(placed).center().toPoint()


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))
