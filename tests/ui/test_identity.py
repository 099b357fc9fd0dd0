"""View › I am…: the chosen salesperson is the author of every change saved, remembered, and shown to others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from keepclient.services.workspace import Workspace, current_user
from keepclient.ui.identity_dialog import IdentityDialog
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from tests.ui.helpers import sql


def choose(window: MainWindow, qtbot, code: str) -> None:
    """View › I am…, pick `code` in the dialog, OK."""
    window.me_action.trigger()
    dialog = window.identity_dialog
    assert isinstance(dialog, IdentityDialog) and dialog.isVisible()
    dialog.people.setCurrentIndex(dialog.people.findData(code))
    dialog.accept()


def authors(path: Path, customer_id: int, field: str) -> list[str]:
    return [r[0] for r in sql(
        path, "SELECT changed_by FROM change_log WHERE table_name = 'customer' AND record_id = ? AND field = ?",
        customer_id, field)]


def edit_city(window: MainWindow, customer_id: int, city: str) -> None:
    window.customers.show_detail(customer_id)
    widget: QLineEdit = window.customers.detail.form.widgets["city"]
    widget.setText(city)
    widget.textEdited.emit(city)
    window.customer_actions["save"].trigger()


def test_before_a_choice_the_login_name_is_the_author(open_window, team_db):
    path, ids, _people = team_db
    window, _ = open_window(path)
    assert window.workspace.user == current_user()
    edit_city(window, ids["shan"], "天津")
    assert authors(path, ids["shan"], "city") == [current_user()]


def test_i_am_sets_the_change_log_author_and_is_remembered(open_window, team_db, prefs: Preferences, qtbot):
    path, ids, _people = team_db
    window, _ = open_window(path)
    choose(window, qtbot, "S02")
    assert prefs.salesperson_code == "S02" and window.workspace.user == "王建国"
    assert all(service.user == "王建国" for service in (
        window.workspace.editor, window.workspace.contacts, window.workspace.activity, window.workspace.visits,
        window.workspace.feedback, window.workspace.team, window.workspace.customers))
    edit_city(window, ids["shan"], "天津")
    assert authors(path, ids["shan"], "city") == ["王建国"]

    colleague = Workspace.open(path, user="李娜")  # colleagues see the chosen name under "Also here"
    assert [p.who for p in colleague.presence.others()] == ["王建国"]
    colleague.close()

    window.close()
    again, _ = open_window(path)  # the next start remembers who I am
    assert again.workspace.user == "王建国"
    edit_city(again, ids["shan"], "重庆")
    assert authors(path, ids["shan"], "city") == ["王建国", "王建国"]


def test_choosing_nobody_goes_back_to_the_login_name(open_window, team_db, prefs: Preferences, qtbot):
    path, _ids, _people = team_db
    window, _ = open_window(path)
    choose(window, qtbot, "S01")
    assert window.workspace.user == "李娜"
    window.me_action.trigger()
    dialog = window.identity_dialog
    assert dialog.people.currentData() == "S01"  # the dialog opens on the current choice
    dialog.people.setCurrentIndex(0)  # "Not chosen (my login: …)"
    dialog.accept()
    assert prefs.salesperson_code == "" and window.workspace.user == current_user() and window.me is None


def test_cancel_changes_nothing(open_window, team_db, prefs: Preferences, qtbot):
    path, _ids, _people = team_db
    window, _ = open_window(path)
    window.me_action.trigger()
    window.identity_dialog.people.setCurrentIndex(window.identity_dialog.people.findData("S02"))
    window.identity_dialog.reject()
    assert prefs.salesperson_code == "" and window.workspace.user == current_user()
