"""File › Team…, Customer › Hand over customers… and the first start's questions, on real database files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from keepclient.db.models import Customer
from keepclient.services.workspace import Workspace
from keepclient.ui.settings import Preferences
from tests.ui.helpers import ScriptedPrompter


@pytest.fixture
def team_window(open_window, team_db):
    db, ids, people = team_db
    window, prompter = open_window(db)
    return window, prompter, ids, people


def rows(dialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [tuple(table.item(row, column).text() for column in (0, 1, 2, 3, 4)) for row in range(table.rowCount())]


def owners(db: Path) -> dict[int, int | None]:
    ws = Workspace.open(db, user="check")
    try:
        with ws.db.session():
            return dict(Customer.select(Customer.id, Customer.owner).tuples())
    finally:
        ws.close()


def combo_ids(combo: QComboBox) -> list[int | None]:
    return [combo.itemData(index) for index in range(combo.count())]


def test_team_dialog_adds_edits_and_deactivates(team_window, team_db, qtbot):
    window, prompter, ids, people = team_window
    window.team_action.trigger()
    dialog = window.team_dialog
    assert dialog is not None and dialog.isVisible()
    assert [row[:2] for row in rows(dialog)] == [("李娜", "S01"), ("王建国", "S02")]

    dialog.add_button.click()
    editor = dialog.editor
    editor.name.setText("赵敏")
    editor.email.setText("zhao@example.com")
    editor.accept()
    assert not editor.isVisible()
    assert rows(dialog)[-1][:2] == ("赵敏", "ZM") and rows(dialog)[-1][3] == "zhao@example.com"

    dialog.add_button.click()  # a name the team has: said, and the dialog stays open with what was typed
    editor = dialog.editor
    editor.name.setText("李娜")
    editor.accept()
    assert prompter.asked[-1][0] == "error" and "李娜" in prompter.asked[-1][2]
    assert editor.isVisible() and editor.name.text() == "李娜"
    editor.reject()

    dialog.select(people["wang"])
    dialog.edit_button.click()
    editor = dialog.editor
    editor.name.setText("王建军")
    editor.set_color("#112233")
    editor.accept()
    assert ("王建军", "S02", "#112233", "", "yes") in rows(dialog)
    assert window.customers.filters.owner.findText("王建军") >= 0  # the window's choosers follow

    dialog.select(people["li"])
    assert dialog.active_button.text() == "&Deactivate"
    dialog.active_button.click()  # she still has customers: asked first (the scripted answer is yes)
    assert prompter.asked[-1][0] == "question"
    assert ("李娜", "S01") in [row[:2] for row in rows(dialog) if row[4] == "no"]
    assert dialog.active_button.text() == "&Reactivate"

    # Her customers keep her as owner in the detail pane; nobody else's customer is offered to her.
    window.customers.show_detail(ids["zhangwei"])
    form = window.customers.detail.form
    assert people["li"] in combo_ids(form.widgets["owner"])
    assert form.value("owner") == people["li"] and form.changes() == {}
    window.customers.show_detail(ids["huaxin"])
    assert people["li"] not in combo_ids(form.widgets["owner"])
    assert [p.id for p in window.workspace.team.salespeople()] == [people["wang"], *(
        p.id for p in window.workspace.team.salespeople() if p.name == "赵敏")]

    dialog.active_button.click()
    assert all(row[4] == "yes" for row in rows(dialog))


def test_an_edit_after_a_colleagues_save_is_refused(team_window, team_db, qtbot):
    window, prompter, _ids, people = team_window
    window.open_team()
    dialog = window.team_dialog
    colleague = Workspace.open(team_db[0], user="colleague")
    colleague.team.rename(people["li"], 1, "李娜娜")
    colleague.close()
    dialog.select(people["li"])
    dialog.edit_button.click()
    dialog.editor.email.setText("li@example.com")
    dialog.editor.accept()
    assert prompter.asked[-1][0] == "error" and "Someone else changed" in prompter.asked[-1][2]
    assert (rows(dialog)[0][0], rows(dialog)[0][1], rows(dialog)[0][3]) == ("李娜娜", "S01", "")


def test_hand_over_the_filtered_customers_then_undo(team_window, team_db, qtbot):
    window, prompter, ids, people = team_window
    qtbot.keyClicks(window.customers.filters.search, "hamburg")
    qtbot.waitUntil(lambda: window.customers.list.model().rowCount() == 1)
    window.customer_actions["handover"].trigger()
    dialog = window.handover_dialog
    dialog.source.setCurrentIndex(dialog.source.findData(people["li"]))
    assert "(3)" in dialog.everything.text() and "(1)" in dialog.filtered.text()
    assert dialog.target_ids() == [] and not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.check_target(people["wang"])
    dialog.filtered.setChecked(True)
    dialog.accept()
    found = owners(team_db[0])
    assert found[ids["muller"]] == people["wang"]
    assert found[ids["zhangwei"]] == found[ids["shan"]] == people["li"]
    stack = window.customers.undo_stack
    assert stack.canUndo() and stack.undoText() == "Hand over 1 customer(s) of 李娜"
    stack.undo()
    assert owners(team_db[0])[ids["muller"]] == people["li"]
    stack.redo()
    assert owners(team_db[0])[ids["muller"]] == people["wang"]
    assert not [kind for kind in prompter.kinds() if kind == "error"]


def test_undoing_a_hand_over_refuses_after_a_colleagues_save(team_window, team_db, qtbot):
    window, prompter, ids, people = team_window
    zhao = window.workspace.team.add("赵敏")
    window.team_changed()
    dialog = window.hand_over_customers(people["li"])
    assert dialog.filtered.isEnabled() is False  # no filter set: all her customers
    dialog.check_target(people["wang"])
    dialog.check_target(zhao)
    dialog.accept()
    found = owners(team_db[0])
    moved = [found[ids[key]] for key in ("zhangwei", "muller", "shan")]
    assert sorted(moved) == sorted([people["wang"], zhao, people["wang"]])  # spread evenly, 王 first by name
    colleague = Workspace.open(team_db[0], user="colleague")
    colleague.editor.update(ids["shan"], colleague.customers.detail(ids["shan"]).version, {"tier": "A"})
    colleague.close()
    window.customers.undo_stack.undo()
    assert prompter.asked[-1][:2] == ("error", "Not saved") and "Someone else changed" in prompter.asked[-1][2]
    assert [owners(team_db[0])[ids[key]] for key in ("zhangwei", "muller", "shan")] == moved  # nothing undone


def test_first_start_asks_who_works_here(make_window, tmp_path: Path, qtbot, prefs: Preferences):
    prompter = ScriptedPrompter(choices=[0, 1], lines=["李娜", "王建国"])
    window, _ = make_window(prompter, ask_team=True)
    assert window.open_workspace(tmp_path / "new.db", create=True)
    qtbot.waitUntil(lambda: len(prompter.asked) >= 3)
    assert prompter.kinds() == ["choice", "lines", "choice"]  # no demo data offered to a real team
    assert [(p.name, p.code) for p in window.workspace.team.salespeople()] == [("李娜", "LN"), ("王建国", "WJG")]
    assert prefs.salesperson_code == "WJG" and window.workspace.user == "王建国"
    assert window.customers.filters.owner.findText("李娜") >= 0


def test_first_start_just_me(make_window, tmp_path: Path, qtbot, prefs: Preferences):
    prompter = ScriptedPrompter(choices=[1], answer_text="Anna Weber")
    window, _ = make_window(prompter, ask_team=True)
    assert window.open_workspace(tmp_path / "new.db", create=True)
    qtbot.waitUntil(lambda: len(prompter.asked) >= 2)
    qtbot.wait(50)
    assert prompter.kinds() == ["choice", "text"]
    assert [p.name for p in window.workspace.team.salespeople()] == ["Anna Weber"]
    assert prefs.salesperson_code == "AW" and window.me is not None


def test_first_start_declined_offers_demo_data(make_window, tmp_path: Path, qtbot):
    prompter = ScriptedPrompter(choice=None, yes=False)
    window, _ = make_window(prompter, ask_team=True)
    assert window.open_workspace(tmp_path / "new.db", create=True)
    qtbot.waitUntil(lambda: prompter.kinds() == ["choice", "question"])
    assert window.workspace.team.salespeople() == []


def test_no_team_question_when_there_is_a_team_or_in_tests(make_window, tmp_path: Path, qtbot):
    ws = Workspace.open(tmp_path / "team.db", user="setup")
    ws.team.add("李娜")
    ws.close()
    prompter = ScriptedPrompter(yes=False)
    window, _ = make_window(prompter, ask_team=True)
    assert window.open_workspace(tmp_path / "team.db")
    qtbot.waitUntil(lambda: prompter.kinds() == ["question"])  # only the demo offer
    scripted = ScriptedPrompter(yes=False)
    other, _ = make_window(scripted)  # a scripted prompter without ask_team: never asked
    assert other.open_workspace(tmp_path / "other.db", create=True)
    qtbot.waitUntil(lambda: scripted.kinds() == ["question"])


def test_an_edit_before_a_hand_over_still_undoes(team_window, team_db, qtbot):
    """Undo walks back through the hand-over to an earlier edit: the hand-over's steps count as ours."""
    window, prompter, ids, people = team_window
    window.customers.show_detail(ids["zhangwei"])
    window.customers.detail.form.widgets["notes"].setPlainText("老客户")
    window.customer_actions["save"].trigger()
    dialog = window.hand_over_customers(people["li"])
    dialog.check_target(people["wang"])
    dialog.accept()
    stack = window.customers.undo_stack
    stack.undo()
    stack.undo()
    assert [kind for kind in prompter.kinds() if kind == "error"] == []
    assert owners(team_db[0])[ids["zhangwei"]] == people["li"]
    assert window.workspace.customers.detail(ids["zhangwei"]).values["notes"] == ""


def test_a_read_only_database_shows_the_team_but_changes_nothing(make_window, team_db, qtbot, monkeypatch):
    from keepclient.db import connection

    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, _ = make_window()
    assert window.open_workspace(team_db[0], offer_demo=False)
    assert not window.customer_actions["handover"].isEnabled()
    assert window.hand_over_customers() is None
    window.open_team()
    dialog = window.team_dialog
    dialog.select(team_db[2]["li"])
    assert len(rows(dialog)) == 2
    assert not any(button.isEnabled() for button in (dialog.add_button, dialog.edit_button, dialog.active_button,
                                                     dialog.handover_button))


def test_every_tab_follows_a_team_change(team_window, team_db, qtbot):
    window, prompter, _ids, _people = team_window
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.tabs.setCurrentWidget(window.feedback_tab)
    window.open_team()
    dialog = window.team_dialog
    dialog.add_button.click()
    dialog.editor.name.setText("赵敏")
    dialog.editor.accept()
    zhao = next(p.id for p in window.workspace.team.salespeople() if p.name == "赵敏")
    assert window.feedback.editor.owner.findData(zhao) >= 0 or window.feedback.editor.shown_id is None
    assert window.feedback.filters.owner.findData(zhao) >= 0
    window.tabs.setCurrentWidget(window.customers)
    assert window.customers.filters.owner.findData(zhao) >= 0
    assert [kind for kind in prompter.kinds() if kind == "error"] == []


def test_choosers_of_new_work_leave_out_an_inactive_salesperson(make_window, team_db, qtbot):
    db, ids, people = team_db
    ws = Workspace.open(db, user="setup")
    ws.team.deactivate(people["li"], 1)
    ws.close()
    window, _ = make_window()
    assert window.open_workspace(db, offer_demo=False)
    window.customers.show_detail(ids["zhangwei"])  # still hers
    actions = window.customers.operations
    actions.quick("feedback")
    owner = actions.dialog.widgets["owner_id"]
    assert people["li"] not in combo_ids(owner) and owner.currentData() is None
    actions.dialog.reject()
    window.customers.list.selectRow(0)
    window.customer_actions["owner"].trigger()
    assert people["li"] not in combo_ids(actions.dialog.widgets["value"])
    actions.dialog.reject()
    window.customer_actions["new"].trigger()
    assert people["li"] not in combo_ids(actions.dialog.widgets["owner"])
    actions.dialog.reject()
    assert window.customers.filters.owner.findData(people["li"]) >= 0  # the filter still finds her customers


def test_targets_are_edited_with_the_other_fields(team_window, team_db, qtbot, english_locale):
    window, prompter, _ids, people = team_window
    window.open_team()
    dialog = window.team_dialog
    dialog.select(people["li"])
    dialog.edit_button.click()
    editor = dialog.editor
    assert editor.revenue_target.text() == "" and editor.visit_target.value() == 0  # no targets yet
    editor.email.setText("li@example.com")
    editor.revenue_target.setText("12,345.60")
    editor.visit_target.setValue(40)
    editor.accept()
    assert not editor.isVisible()
    revenue, visits, version = window.workspace.team.targets(people["li"])
    assert (revenue, visits) == (1_234_560, 40) and version == 2  # one version-checked edit
    assert rows(dialog)[0][3] == "li@example.com"

    dialog.select(people["li"])
    dialog.edit_button.click()
    editor = dialog.editor
    assert editor.revenue_target.text() == "12,345.60" and editor.visit_target.value() == 40
    editor.revenue_target.setText("lots")  # not an amount: said in the dialog, which stays open
    editor.accept()
    assert editor.isVisible() and editor.error.isVisible()
    assert "Monthly revenue target" in editor.error.text() and "lots" in editor.error.text()
    editor.revenue_target.setText("-5")  # an amount the service refuses: the same
    editor.accept()
    assert editor.isVisible() and "Monthly revenue target" in editor.error.text() and "-5" in editor.error.text()
    assert window.workspace.team.targets(people["li"])[:2] == (1_234_560, 40)
    editor.revenue_target.setText("")  # empty: no target
    editor.visit_target.setValue(0)
    editor.accept()
    assert not editor.isVisible()
    assert window.workspace.team.targets(people["li"])[:2] == (0, 0)
    assert not [kind for kind in prompter.kinds() if kind == "error"]


def test_targets_of_a_new_salesperson_and_a_colleagues_change(team_window, team_db, qtbot, english_locale):
    window, prompter, _ids, people = team_window
    window.open_team()
    dialog = window.team_dialog
    dialog.add_button.click()
    editor = dialog.editor
    editor.name.setText("赵敏")
    editor.revenue_target.setText("¥50,000")
    editor.visit_target.setValue(100_000)
    editor.accept()
    assert not editor.isVisible()
    zhao = next(p.id for p in window.workspace.team.salespeople() if p.name == "赵敏")
    assert window.workspace.team.targets(zhao)[:2] == (5_000_000, 100_000)

    dialog.select(people["wang"])
    dialog.edit_button.click()
    colleague = Workspace.open(team_db[0], user="colleague")
    colleague.team.set_targets(people["wang"], 1, visits=12)
    colleague.close()
    dialog.editor.revenue_target.setText("1000")
    dialog.editor.accept()  # refused as a conflict: said, the dialog shows theirs
    assert prompter.asked[-1][0] == "error" and "Someone else changed" in prompter.asked[-1][2]
    assert window.workspace.team.targets(people["wang"])[:2] == (0, 12)


def test_target_error_in_chinese(team_window, team_db, qtbot, chinese_ui):
    window, _prompter, _ids, people = team_window
    window.open_team()
    dialog = window.team_dialog
    dialog.select(people["li"])
    dialog.edit_button.click()
    editor = dialog.editor
    editor.revenue_target.setText("很多")
    editor.accept()
    assert editor.isVisible() and "很多" in editor.error.text()
    editor.reject()


def test_a_target_the_service_refuses_is_said_in_the_editor(team_window, team_db, qtbot, monkeypatch):
    from keepclient.domain.errors import ValidationError

    window, prompter, _ids, people = team_window
    window.open_team()
    dialog = window.team_dialog
    dialog.select(people["li"])
    dialog.edit_button.click()
    editor = dialog.editor

    def refuse(_sid, _version, _changes):
        raise ValidationError(field="monthly_visit_target", value=40)
    monkeypatch.setattr(window.workspace.team, "update", refuse)
    editor.visit_target.setValue(40)
    editor.accept()
    assert editor.isVisible() and "Monthly visits target" in editor.error.text() and "40" in editor.error.text()
    assert not [kind for kind in prompter.kinds() if kind == "error"]
    editor.reject()
