"""File › Print… (Ctrl+P) prints what the tab on show holds: the customer list, the schedules, the feedback report or
the KPI report (it used to print the customer list from every tab)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

import keepclient.ui.customer_list_print_dialog as customer_list_print
from keepclient.ui.help import shortcut_map
from keepclient.ui.main_window import MainWindow
from tests.ui.test_shortcuts import live, show_tab


@pytest.fixture
def printed(window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot) -> list[str]:
    """Which print dialog each press opened (the dialogs themselves have tests of their own)."""
    calls: list[str] = []
    monkeypatch.setattr(customer_list_print, "print_customer_list", lambda area, **_kw: calls.append("customers"))
    for index in range(1, window.tabs.count()):
        show_tab(qtbot, window, index)  # built, so their print methods can be replaced
    monkeypatch.setattr(window.calendar, "print_schedule", lambda: calls.append("calendar"))
    monkeypatch.setattr(window.feedback, "open_report", lambda: calls.append("feedback"))
    monkeypatch.setattr(window.dashboard, "print_report", lambda: calls.append("dashboard"))
    return calls


def test_print_follows_the_tab(qtbot, window: MainWindow, printed: list[str]) -> None:
    for tab in (window.customers, window.calendar_tab, window.feedback_tab, window.dashboard_tab):
        window.tabs.setCurrentWidget(tab)
        window.print_action.trigger()
    assert printed == ["customers", "calendar", "feedback", "dashboard"]
    window.customer_actions["print_list"].trigger()  # Customer › Print customer list… from any tab
    assert printed[-1] == "customers"


def test_ctrl_p_is_file_print_on_every_tab(qtbot, window: MainWindow) -> None:
    keys = QKeySequence(QKeySequence.StandardKey.Print).toString()
    assert window.print_action.shortcut().toString() == keys
    assert window.customer_actions["print_list"].shortcut().toString() == "Ctrl+Shift+P"  # the list from any tab
    for index in range(window.tabs.count()):
        show_tab(qtbot, window, index)
        assert [b.source for b in live(window) if b.keys == keys] == [window.print_action]
    assert shortcut_map.clashes(live(window)) == []


def test_nothing_prints_without_a_database(qtbot, window: MainWindow, printed: list[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window, "workspace", None)
    window.print_action.trigger()
    assert printed == []
