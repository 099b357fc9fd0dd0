"""Planning and changing visits in the calendar with the mouse and keyboard, checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from keepclient.domain.errors import RecordNotFoundError
from keepclient.domain.types import Recurrence
from keepclient.services.changes import Change, Topic
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.calendar.editing import VisitEditing
from tests.conftest import DEMO_TODAY
from tests.ui.calendar_helpers import activate, at, block_center, drag, install_fake_dialogs
from tests.ui.helpers import ScriptedPrompter

SATURDAY = dt.date(2026, 11, 28)  # nothing planned: the tests plan their own visits there
SUNDAY = dt.date(2026, 11, 29)


pytestmark = pytest.mark.usefixtures("british_locale")


@pytest.fixture
def customer(workspace) -> int:
    """A demo customer with an owner (its visits go to that salesperson)."""
    return next(v.customer_id for v in workspace.visits.between(at(DEMO_TODAY, 0), at(DEMO_TODAY, 23))
                if v.salesperson_id is not None)


def on_saturday(workspace) -> list:
    return workspace.visits.between(at(SATURDAY, 0), at(SUNDAY, 0))


def test_drag_moves_a_visit_across_days_snapped_to_a_quarter_hour_and_undo(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    start = block_center(area, vid)
    grid = area.grid
    end = start + QPoint(int(grid.column_width()), int(grid.hour_height * 2.1))  # a day later, 2 h 6 min later
    drag(qtbot, grid.viewport(), start, end)
    moved = workspace.visits.get(vid)
    assert moved.start == at(SUNDAY, 12) and moved.minutes == 60  # 2 h 6 min snapped to 2 h
    assert area.selected_id == vid and any(v.id == vid for v in area.by_day[SUNDAY])
    assert grid.ghost is None
    assert area.undo_stack.count() == 1
    area.undo_stack.undo()
    assert workspace.visits.get(vid).start == at(SATURDAY, 10)
    assert any(v.id == vid for v in area.by_day[SATURDAY])
    area.undo_stack.redo()
    assert workspace.visits.get(vid).start == at(SUNDAY, 12)


def test_a_short_wiggle_is_a_click_not_a_move(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    start = block_center(area, vid)
    drag(qtbot, area.grid.viewport(), start, start + QPoint(1, 1), steps=1)
    assert workspace.visits.get(vid).start == at(SATURDAY, 10)
    assert area.selected_id == vid and area.undo_stack.count() == 0


def test_drag_the_bottom_edge_changes_the_duration(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    block_center(area, vid)
    rect = area.grid.block_rect(area.grid.find_placed(vid))
    edge = QPoint(int(rect.center().x()), int(rect.bottom() - 2))
    drag(qtbot, area.grid.viewport(), edge, edge + QPoint(0, int(area.grid.hour_height * 0.75)))
    resized = workspace.visits.get(vid)
    assert resized.start == at(SATURDAY, 10) and resized.minutes == 105
    area.undo_stack.undo()
    assert workspace.visits.get(vid).minutes == 60


def test_overlap_with_the_same_salesperson_asks_before_keeping_the_move(make_area, workspace, customer, qtbot):
    first, = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    second, = workspace.visits.plan(customer, start=at(SATURDAY, 14), minutes=60)
    prompter = ScriptedPrompter(yes=False)
    area = make_area(prompter)
    start = block_center(area, second)
    drag(qtbot, area.grid.viewport(), start, start - QPoint(0, int(area.grid.hour_height * 3.5)))
    assert prompter.kinds() == ["question"]
    _kind, title, text = prompter.asked[0]
    assert title == "Overlapping visits" and workspace.visits.get(first).customer in text
    assert workspace.visits.get(second).start == at(SATURDAY, 14)  # declined: left where it was
    assert area.grid.ghost is None and area.undo_stack.count() == 0

    prompter.yes = True
    start = block_center(area, second)
    drag(qtbot, area.grid.viewport(), start, start - QPoint(0, int(area.grid.hour_height * 3.5)))
    assert workspace.visits.get(second).start == at(SATURDAY, 10, 30)  # kept despite the overlap
    assert len(prompter.asked) == 2


def test_moving_a_visit_of_a_series_asks_this_one_or_the_whole_series(make_area, workspace, customer, qtbot):
    ids = workspace.visits.plan(customer, start=at(SATURDAY, 9), minutes=30,
                                repeat=Recurrence(every=1, unit="week", count=3))
    prompter = ScriptedPrompter(choice=None)
    area = make_area(prompter)
    start = block_center(area, ids[0])
    drag(qtbot, area.grid.viewport(), start, start + QPoint(0, area.grid.hour_height))
    assert prompter.kinds() == ["choice"]
    assert [workspace.visits.get(i).start.hour for i in ids] == [9, 9, 9]  # cancelled: nothing moved

    prompter.choice = 1  # the whole series
    start = block_center(area, ids[0])
    drag(qtbot, area.grid.viewport(), start, start + QPoint(0, area.grid.hour_height))
    assert [workspace.visits.get(i).start for i in ids] == [at(SATURDAY + dt.timedelta(weeks=n), 10)
                                                            for n in range(3)]
    area.undo_stack.undo()
    assert [workspace.visits.get(i).start.hour for i in ids] == [9, 9, 9]

    prompter.choice = 0  # only this one
    start = block_center(area, ids[0])
    drag(qtbot, area.grid.viewport(), start, start + QPoint(0, area.grid.hour_height))
    assert [workspace.visits.get(i).start.hour for i in ids] == [10, 9, 9]


def test_copy_and_paste_with_the_keyboard_and_undo(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=45, purpose="Sample")
    area = make_area()
    activate(qtbot, area)
    qtbot.mouseClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=block_center(area, vid))
    assert area.selected_id == vid
    qtbot.keyClick(area.grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert area.editing.clipboard.id == vid
    assert workspace.visits.get(vid).customer in QApplication.clipboard().text()  # also as text, for a note
    free = area.grid.point_for(at(SUNDAY, 15), lane_right=True)
    qtbot.mouseClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=free)
    assert area.selected_id is None and area.selected_moment() == at(SUNDAY, 15)
    qtbot.keyClick(area.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (copy,) = workspace.visits.between(at(SUNDAY, 0), at(SUNDAY, 23))
    assert copy.id != vid and copy.start == at(SUNDAY, 15) and copy.minutes == 45 and copy.purpose == "Sample"
    assert copy.status == "planned" and copy.series_id is None and area.selected_id == copy.id
    area.undo_stack.undo()
    with pytest.raises(RecordNotFoundError):
        workspace.visits.get(copy.id)
    area.undo_stack.redo()
    assert workspace.visits.get(copy.id).start == at(SUNDAY, 15)


def test_delete_key_and_undo(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    activate(qtbot, area)
    qtbot.mouseClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=block_center(area, vid))
    qtbot.keyClick(area.grid, Qt.Key.Key_Delete)
    with pytest.raises(RecordNotFoundError):
        workspace.visits.get(vid)
    assert area.grid.find_placed(vid) is None and area.selected_id is None
    area.undo_stack.undo()
    assert workspace.visits.get(vid).start == at(SATURDAY, 10) and area.grid.find_placed(vid) is not None
    area.undo_stack.redo()
    assert on_saturday(workspace) == []


def test_deleting_a_series_or_one_of_it(make_area, workspace, customer, qtbot):
    ids = workspace.visits.plan(customer, start=at(SATURDAY, 9), minutes=30,
                                repeat=Recurrence(every=1, unit="week", count=3))
    prompter = ScriptedPrompter(choice=1)
    area = make_area(prompter)
    area.selected_id = ids[0]
    area.editing.delete()
    assert prompter.kinds() == ["choice"]
    for visit_id in ids:
        with pytest.raises(RecordNotFoundError):
            workspace.visits.get(visit_id)
    area.undo_stack.undo()
    assert [workspace.visits.get(i).id for i in ids] == ids


def test_context_menus_for_a_visit_and_for_free_time(make_area, workspace, customer, qtbot, monkeypatch):
    made = install_fake_dialogs(monkeypatch)
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    grid = area.grid
    pos = block_center(area, vid)
    QApplication.sendEvent(grid.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                              grid.viewport().mapToGlobal(pos)))
    menu = area.editing.menu
    assert menu is not None and menu.isVisible() and area.selected_id == vid
    assert [a.text() for a in menu.actions()] == ["Edit…", "Log outcome…", "Copy", "Delete"]
    menu.actions()[1].trigger()
    assert made[-1].kind == "outcome" and made[-1].kwargs["visit"].id == vid
    menu.actions()[2].trigger()
    assert area.editing.clipboard.id == vid
    menu.close()

    free = grid.point_for(at(SUNDAY, 11), lane_right=True)
    QApplication.sendEvent(grid.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, free,
                                                              grid.viewport().mapToGlobal(free)))
    menu = area.editing.menu
    assert [a.text() for a in menu.actions()] == ["Plan visit…", "Paste"] and menu.actions()[1].isEnabled()
    menu.actions()[1].trigger()
    pasted = workspace.visits.between(at(SUNDAY, 0), at(SUNDAY, 23))
    assert [v.start for v in pasted] == [at(SUNDAY, 11)]
    menu.actions()[0].trigger()
    assert made[-1].kind == "visit" and made[-1].kwargs["start"] == at(SUNDAY, 11)
    menu.close()

    entries = area.editing.context_actions(workspace.visits.get(vid), at(SATURDAY, 10), area)
    entries[3].trigger()  # Delete
    with pytest.raises(RecordNotFoundError):
        workspace.visits.get(vid)


def test_double_click_plans_at_the_slot_or_opens_the_visit(make_area, workspace, customer, qtbot, monkeypatch):
    made = install_fake_dialogs(monkeypatch)
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    owner = workspace.visits.get(vid).salesperson_id
    area = make_area()
    area.people.person_actions[owner].trigger()  # one salesperson shown: new visits are for them
    free = area.grid.point_for(at(SATURDAY, 14, 30))
    qtbot.mouseDClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=free)
    dialog = made[-1]
    assert dialog.kind == "visit" and dialog.isVisible()
    assert dialog.kwargs["start"] == at(SATURDAY, 14, 30) and dialog.kwargs["salesperson_id"] == owner
    assert dialog.kwargs["prompter"] is area.prompter and dialog.workspace is workspace
    planned = workspace.visits.plan(customer, start=at(SATURDAY, 14, 30))  # what the dialog would save
    dialog.saved_ids = planned
    dialog.accept()
    assert area.grid.find_placed(planned[0]) is not None and area.selected_id == planned[0]
    area.undo_stack.undo()  # planning is undone too
    with pytest.raises(RecordNotFoundError):
        workspace.visits.get(planned[0])

    qtbot.mouseDClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=block_center(area, vid))
    assert made[-1].kind == "visit" and made[-1].kwargs["visit"].id == vid


def test_due_panel_beside_the_calendar_plans_and_logs(make_area, workspace, customer, qtbot, monkeypatch):
    made = install_fake_dialogs(monkeypatch)
    area = make_area()
    if area.due is None:
        pytest.skip("the Due panel is not there yet")
    assert area.due.isVisible() and area.splitter.indexOf(area.side) == 1
    area.due.plan_requested.emit(customer)
    assert made[-1].kind == "visit" and made[-1].kwargs["customer_id"] == customer
    area.due.log_requested.emit(customer)
    assert made[-1].kind == "outcome" and made[-1].kwargs["customer_id"] == customer
    with qtbot.waitSignal(area.open_customer) as opened:
        area.due.open_customer.emit(customer)
    assert opened.args == [customer]
    area.due_button.click()
    assert not area.side.isVisible()
    assert not make_area().side.isVisible()  # remembered


def test_the_real_visit_dialog_opens_without_blocking(make_area, workspace, qtbot):
    area = make_area()
    qtbot.mouseDClick(area.grid.viewport(), Qt.MouseButton.LeftButton,
                      pos=area.grid.point_for(at(SATURDAY, 11)))
    dialog = area.editing.dialog
    if dialog is None:
        pytest.skip("the visit dialog is not there yet")
    assert type(dialog).__name__ == "VisitDialog" and dialog.isVisible()
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert area.undo_stack.count() == 0


def test_escape_cancels_a_drag(make_area, workspace, customer, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    area = make_area()
    start = block_center(area, vid)
    viewport = area.grid.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(0, area.grid.hour_height))
    assert area.grid.ghost is not None
    qtbot.keyClick(area.grid, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, area.grid.hour_height))
    assert workspace.visits.get(vid).start == at(SATURDAY, 10) and area.grid.ghost is None
    assert area.undo_stack.count() == 0  # the release after Esc does nothing


# -- a colleague's change in between: refused, said so, and shown ------------------------------------------------
@pytest.fixture
def colleague(demo_db):
    """A second workspace on the same file, saving as someone else would from another laptop."""
    other = Workspace.open(demo_db, shared=False, user="colleague")
    yield other
    other.close()


def _drag_a_day_later(area: CalendarArea, vid: int, qtbot) -> None:
    start = block_center(area, vid)
    drag(qtbot, area.grid.viewport(), start, start + QPoint(int(area.grid.column_width()), 0))


def test_a_drag_over_a_colleagues_change_is_refused_said_and_shown_again(make_area, workspace, customer,
                                                                        colleague, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    prompter = ScriptedPrompter()
    area = make_area(prompter)
    shown = area.grid.find_placed(vid)
    assert shown is not None
    colleague.visits.update(vid, {"purpose": "Colleague's plan"}, version=1)  # after the calendar showed it
    _drag_a_day_later(area, vid, qtbot)
    visit = workspace.visits.get(vid)
    assert (visit.start, visit.purpose) == (at(SATURDAY, 10), "Colleague's plan")  # nothing overwritten
    (kind, title, text) = prompter.asked[-1]
    assert (kind, title) == ("error", "Not saved") and "Someone else changed this visit" in text
    assert area.undo_stack.count() == 0 and area.grid.ghost is None
    assert area.grid.find_placed(vid) is not None and any(v.version == 2 for v in area.by_day[SATURDAY] if v.id == vid)
    _drag_a_day_later(area, vid, qtbot)  # the reloaded calendar knows the new version: moving now works
    assert workspace.visits.get(vid).start == at(SUNDAY, 10) and area.undo_stack.count() == 1


def test_undo_after_a_colleagues_change_is_refused_and_leaves_the_stack(make_area, workspace, customer,
                                                                        colleague, qtbot):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    prompter = ScriptedPrompter()
    area = make_area(prompter)
    _drag_a_day_later(area, vid, qtbot)
    assert workspace.visits.get(vid).start == at(SUNDAY, 10) and area.undo_stack.count() == 1
    colleague.visits.update(vid, {"minutes": 90}, version=workspace.visits.get(vid).version)
    area.undo_stack.undo()
    visit = workspace.visits.get(vid)
    assert (visit.start, visit.minutes) == (at(SUNDAY, 10), 90)  # their change kept, my move not undone
    assert prompter.kinds()[-1] == "error" and "Someone else changed this visit" in prompter.asked[-1][2]
    assert area.undo_stack.count() == 0 and not area.undo_stack.canRedo()  # no step pretends to be undone
    assert any(v.id == vid and v.minutes == 90 for v in area.by_day[SUNDAY])  # the calendar shows it as it is


def test_two_own_moves_undo_one_after_the_other(make_area, workspace, customer, qtbot):
    """Our own later steps move the version on; undoing the earlier move after them is not a conflict."""
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=60)
    prompter = ScriptedPrompter()
    area = make_area(prompter)
    _drag_a_day_later(area, vid, qtbot)
    area.go_to(SUNDAY)
    area.refresh()
    start = block_center(area, vid)
    drag(qtbot, area.grid.viewport(), start, start + QPoint(0, int(area.grid.hour_height * 2)))
    assert workspace.visits.get(vid).start == at(SUNDAY, 12) and area.undo_stack.count() == 2
    area.undo_stack.undo()
    area.undo_stack.undo()
    assert workspace.visits.get(vid).start == at(SATURDAY, 10) and "error" not in prompter.kinds()
    area.undo_stack.redo()
    area.undo_stack.redo()
    assert workspace.visits.get(vid).start == at(SUNDAY, 12)


class StandInCalendar:
    """An EditedCalendar without the Calendar tab: records what editing asks of it."""

    def __init__(self, workspace, visit) -> None:
        self.workspace, self.prompter, self.undo_stack = workspace, ScriptedPrompter(), QUndoStack()
        self.read_only = False
        self.visit = visit
        self.said: list[str] = []
        self.saves: list[Change] = []
        self.focused: tuple[int | None, dt.date | None] | None = None

    def say(self, text: str) -> None:
        self.said.append(text)

    def selected_visit(self):
        return self.visit

    def selected_moment(self) -> dt.datetime:
        return at(SUNDAY, 15)

    def paste_moment(self, visit) -> dt.datetime:
        return dt.datetime.combine(SUNDAY, visit.start.time())

    def one_salesperson(self) -> int | None:
        return None

    def focus_visit(self, visit_id: int | None, day: dt.date | None = None) -> None:
        self.focused = (visit_id, day)

    def cancel_drag(self) -> None:
        pass

    def reload(self) -> None:
        pass

    def saved(self, change: Change) -> None:
        self.saves.append(change)


def test_editing_changes_any_edited_calendar_and_says_what_it_saved(qtbot, workspace, customer):
    (vid,) = workspace.visits.plan(customer, start=at(SATURDAY, 10), minutes=45)
    parent = QWidget()
    qtbot.addWidget(parent)
    calendar = StandInCalendar(workspace, workspace.visits.get(vid))
    editing = VisitEditing(calendar, parent)
    editing.copy()
    editing.paste()
    pasted = Change.of(Topic.VISITS, Topic.CUSTOMERS, customer_ids=[customer])
    assert calendar.saves == [pasted]
    (copy,) = [v for v in workspace.visits.between(at(SUNDAY, 0), at(SUNDAY, 23)) if v.id != vid and v.minutes == 45
               and v.customer_id == customer]
    assert copy.start == at(SUNDAY, 10) and calendar.focused == (copy.id, SUNDAY)
    calendar.undo_stack.undo()  # the paste's undo trashes the copy and says so, for the same customer
    assert calendar.saves == [pasted, pasted]
    with pytest.raises(RecordNotFoundError):
        workspace.visits.get(copy.id)
