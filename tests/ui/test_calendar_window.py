"""The calendar inside the main window: loaded when its tab is first shown, sharing Edit › Undo, its keys only
active while it is on show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from keepclient.domain.errors import RecordNotFoundError
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.main_window import MainWindow
from tests.conftest import DEMO_TODAY
from tests.ui.calendar_helpers import at, block_center

SATURDAY = dt.date(2026, 11, 28)


pytestmark = pytest.mark.usefixtures("british_locale")


@pytest.fixture
def window(window: MainWindow, qtbot) -> MainWindow:
    """The shared window on the demo database, active: the calendar's keys only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def show_calendar(qtbot, window: MainWindow) -> CalendarArea:
    assert not window.calendar_tab.built  # nothing read before the tab is shown
    window.tabs.setCurrentWidget(window.calendar_tab)
    area = window.calendar
    assert isinstance(area, CalendarArea) and area.workspace is window.workspace
    qtbot.waitUntil(lambda: area.grid.hasFocus())  # shown, with the keyboard in the week
    area.today = DEMO_TODAY
    area.go_today()
    return area


def test_calendar_tab_loads_lazily_and_shows_the_week(window, qtbot):
    area = show_calendar(qtbot, window)
    assert area.visits and area.range == (DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=7))
    assert area.grid.isVisible()


def test_delete_in_the_calendar_deletes_the_visit_not_a_customer_and_edit_undo_restores_it(window, qtbot):
    customers = window.workspace.customers.count()
    customer = window.workspace.visits.between(at(DEMO_TODAY, 0), at(DEMO_TODAY, 23))[0].customer_id
    (vid,) = window.workspace.visits.plan(customer, start=at(SATURDAY, 10))
    area = show_calendar(qtbot, window)
    qtbot.mouseClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=block_center(area, vid))
    qtbot.keyClick(area.grid, Qt.Key.Key_Delete)
    with pytest.raises(RecordNotFoundError):
        window.workspace.visits.get(vid)
    assert window.workspace.customers.count() == customers
    undo = window.customer_actions["undo"]
    assert undo.isEnabled() and "Delete" in undo.text()
    qtbot.keyClick(area.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Edit › Undo
    assert window.workspace.visits.get(vid).start == at(SATURDAY, 10)
    assert area.grid.find_placed(vid) is not None
    qtbot.keyClick(area.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with pytest.raises(RecordNotFoundError):
        window.workspace.visits.get(vid)

    window.tabs.setCurrentWidget(window.customers)  # back on the customers: their own (empty) history
    assert not window.customer_actions["undo"].isEnabled() and window.customer_actions["trash"].isEnabled()
    window.tabs.setCurrentWidget(window.calendar_tab)
    assert window.customer_actions["undo"].isEnabled() and not window.customer_actions["trash"].isEnabled()


def test_calendar_keys_only_while_the_calendar_is_on_show(window, qtbot):
    area = show_calendar(qtbot, window)
    qtbot.keyClick(area.grid, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert area.view == "month"
    window.tabs.setCurrentWidget(window.customers)
    shown = area.range
    qtbot.keyClick(window.customers.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.customers.list, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert area.range == shown and area.view == "month"


def test_due_panel_opens_a_customer_in_the_customers_tab(window, qtbot):
    area = show_calendar(qtbot, window)
    if area.due is None:
        pytest.skip("the Due panel is not there yet")
    customer = window.workspace.visits.between(at(DEMO_TODAY, 0), at(DEMO_TODAY, 23))[0].customer_id
    area.due.open_customer.emit(customer)
    assert window.tabs.currentWidget() is window.customers
    assert window.customers.detail.shown_id == customer
