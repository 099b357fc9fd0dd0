"""The Feedback tab's editor pane and dialogs driven as a user would: editing and saving, a colleague's save in
between, every workflow step through its button, closing with satisfaction, reopening, new feedback, planning a
follow-up visit, opening the customer and the report. Results are read back from the database file with SQL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import keepclient.ui.feedback.report_dialog as report_dialog
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.visit_dialog import VisitDialog
from keepclient.ui.feedback.dialogs import CloseDialog, NewFeedbackDialog
from keepclient.ui.feedback.log_view import FeedbackLog
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from tests.ui.helpers import ScriptedPrompter, sql
from tests.ui.test_feedback_log import count, open_feedback_window

FREE = dt.datetime(2027, 3, 7, 7, 0)  # a Sunday morning long after the demo's planned visits

pytestmark = pytest.mark.usefixtures("british_locale")


@pytest.fixture
def opened(qtbot, prefs: Preferences, demo_db: Path):
    """The window on the Feedback tab, with one fresh item (received an hour ago) found and open in the editor."""

    def make(prompter: ScriptedPrompter | None = None, **values) -> tuple[MainWindow, FeedbackLog, int]:
        window, log = open_feedback_window(qtbot, prefs, demo_db, prompter)
        customer = sql(demo_db, "SELECT c.id FROM customer c JOIN contact k ON k.customer_id = c.id "
                                "WHERE c.owner_id IS NOT NULL GROUP BY c.id HAVING count(*) >= 2 LIMIT 1")[0][0]
        values = {"description": "Boxes arrived crushed, wants replacement", "category": "delivery",
                  "received_at": dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1), **values}
        item = window.workspace.feedback.create(customer, **values)
        open_item(qtbot, log, item, values["description"])
        return window, log, item

    return make


def open_item(qtbot, log: FeedbackLog, item: int, text: str) -> None:
    log.filters.search.setText(text)
    qtbot.waitUntil(lambda: log.paged.rowCount() >= 1 and log.paged.item(0).description == text)
    log.table.selectRow(0)
    assert log.editor.shown_id == item


def row(db: Path, item: int, *fields: str) -> tuple:
    return sql(db, f"SELECT {', '.join(fields)} FROM feedback WHERE id = ?", item)[0]


def history(log: FeedbackLog) -> list[tuple[str, str, str]]:
    tree = log.editor.history
    return [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2), tree.topLevelItem(i).text(3))
            for i in range(tree.topLevelItemCount())]


def stamp(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def test_edits_are_saved_shown_in_the_list_and_in_the_history(opened, demo_db, qtbot):
    window, log, item = opened()
    editor = log.editor
    assert editor.customer.text().endswith(f"{log.paged.item(0).customer}</a>")
    assert not editor.save_button.isEnabled()
    due_before = row(demo_db, item, "response_due")[0]
    editor.widgets["severity"].setCurrentIndex(editor.widgets["severity"].findData("urgent"))
    editor.resolution.setPlainText("Replacement sent by courier")
    wang = sql(demo_db, "SELECT id, name FROM salesperson WHERE id != (SELECT owner_id FROM feedback WHERE id = ?) "
                        "AND active = 1 LIMIT 1", item)[0]
    editor.owner.setCurrentIndex(editor.owner.findData(wang[0]))
    editor.contact.load()
    contact = editor.contact.itemData(editor.contact.count() - 1)
    editor.contact.setCurrentIndex(editor.contact.count() - 1)
    assert editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    severity, resolution, owner, contact_id, due = row(demo_db, item, "severity", "resolution", "owner_id",
                                                       "contact_id", "response_due")
    assert (severity, resolution, owner, contact_id) == ("urgent", "Replacement sent by courier", wang[0], contact)
    assert stamp(due) < stamp(due_before)  # urgent feedback is due sooner
    assert not editor.save_button.isEnabled()
    assert log.paged.data(log.paged.index(0, 4)) == "Urgent" and log.paged.data(log.paged.index(0, 6)) == wang[1]
    lines = history(log)
    assert (window.workspace.user, "Severity", "Normal → Urgent") in lines
    assert any(what == "Owner" and change.endswith(f"→ {wang[1]}") for _who, what, change in lines)
    assert not any(what in ("next_due", "response_due") for _who, what, _change in lines)  # derived: not listed
    assert "Saved." in window.statusBar().currentMessage()


def test_revert_and_leaving_an_item_saves_its_edits(opened, demo_db, qtbot):
    _window, log, item = opened()
    log.editor.description.setPlainText("Changed my mind")
    log.editor.revert_button.click()
    assert log.editor.description.toPlainText() == "Boxes arrived crushed, wants replacement"
    log.editor.description.setPlainText("Boxes crushed, two pallets")
    log.filters.search.clear()
    qtbot.waitUntil(lambda: log.paged.rowCount() > 1)
    other = next(r for r in range(log.paged.rowCount()) if log.paged.item(r).id != item)
    log.table.selectRow(other)
    assert log.editor.shown_id == log.paged.item(other).id
    assert row(demo_db, item, "description") == ("Boxes crushed, two pallets",)


def test_an_empty_description_is_refused_and_kept_on_screen(opened, demo_db, qtbot):
    window, log, item = opened()
    log.editor.description.setPlainText("   ")
    log.actions_by_name["save"].trigger()  # Ctrl+S
    assert log.editor.description.styleSheet() and log.editor.shown_id == item
    assert row(demo_db, item, "description") == ("Boxes arrived crushed, wants replacement",)
    assert window.statusBar().currentMessage()


def test_a_colleagues_save_in_between_is_never_overwritten(opened, demo_db, qtbot):
    prompter = ScriptedPrompter()
    _window, log, item = opened(prompter)
    colleague = Workspace.open(demo_db, user="colleague")
    version = colleague.feedback.get(item).item.version
    colleague.feedback.update(item, version, {"description": "Crushed boxes, customer sent photos"})
    colleague.close()
    editor = log.editor
    editor.widgets["severity"].setCurrentIndex(editor.widgets["severity"].findData("high"))
    editor.resolution.setPlainText("Courier contacted")
    editor.save_button.click()
    assert prompter.kinds() == ["warning"]
    _kind, title, text = prompter.asked[0]
    assert title == "Changed by someone else"
    assert "colleague" in text and "Description" in text and "Nothing was overwritten" in text
    assert row(demo_db, item, "description", "severity", "resolution") == (
        "Crushed boxes, customer sent photos", "normal", "")
    assert editor.description.toPlainText() == "Crushed boxes, customer sent photos"  # theirs
    assert editor.widgets["severity"].currentData() == "high"  # mine, still there
    assert editor.resolution.toPlainText() == "Courier contacted" and editor.save_button.isEnabled()
    editor.save_button.click()
    assert row(demo_db, item, "description", "severity", "resolution") == (
        "Crushed boxes, customer sent photos", "high", "Courier contacted")


def test_every_workflow_step_through_its_button(opened, demo_db, qtbot):
    window, log, item = opened()
    editor = log.editor
    buttons = editor.step_buttons
    assert editor.visible_steps() == ["start", "resolve"]
    assert editor.title.text().endswith("New")

    before = dt.datetime.now().replace(microsecond=0)
    buttons["start"].click()
    status, first = row(demo_db, item, "status", "first_response_at")
    assert status == "in_progress" and before <= stamp(first) <= dt.datetime.now()
    assert editor.visible_steps() == ["resolve"]
    assert editor.response.text().startswith("after ") and "on time" in editor.response.text()
    assert log.paged.data(log.paged.index(0, 5)) == "In progress"

    editor.resolution.setPlainText("Replacement sent")  # typed, then Resolve: saved first, then the step
    buttons["resolve"].click()
    status, resolved, resolution = row(demo_db, item, "status", "resolved_at", "resolution")
    assert status == "resolved" and before <= stamp(resolved) <= dt.datetime.now()
    assert resolution == "Replacement sent"
    assert editor.visible_steps() == ["replied", "reopen"]
    assert log.paged.data(log.paged.index(0, 9))  # the time to resolution is shown

    buttons["replied"].click()
    status, replied = row(demo_db, item, "status", "replied_at")
    assert status == "replied" and before <= stamp(replied) <= dt.datetime.now()
    assert editor.visible_steps() == ["close", "reopen"]

    buttons["close"].click()
    dialog = log.dialog
    assert isinstance(dialog, CloseDialog) and dialog.isVisible()
    dialog.set_score(4)
    dialog.comment.setText("Quick and friendly")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    status, closed, score, comment = row(demo_db, item, "status", "closed_at", "satisfaction",
                                         "satisfaction_comment")
    assert (status, score, comment) == ("closed", 4, "Quick and friendly")
    assert before <= stamp(closed) <= dt.datetime.now()
    assert editor.visible_steps() == ["reopen"]
    assert editor.satisfaction.text().startswith("4/5") and "Quick and friendly" in editor.satisfaction.text()
    steps = [change for _who, what, change in history(log) if what == "Status"]
    assert steps == ["Replied to customer → Closed", "Resolved → Replied to customer", "In progress → Resolved",
                     "New → In progress"]

    buttons["reopen"].click()
    status, resolved, replied, closed = row(demo_db, item, "status", "resolved_at", "replied_at", "closed_at")
    assert (status, resolved, replied, closed) == ("in_progress", None, None, None)
    assert editor.visible_steps() == ["resolve"]
    assert history(log)[0][1:] == ("Status", "Closed → In progress")
    assert "In progress" in window.statusBar().currentMessage()


def test_resolving_a_new_item_directly_and_cancelling_a_close(opened, demo_db, qtbot):
    _window, log, item = opened()
    log.editor.step_buttons["resolve"].click()
    first, resolved = row(demo_db, item, "first_response_at", "resolved_at")
    assert first is not None and first == resolved  # resolving is also the first response
    log.editor.step_buttons["replied"].click()
    log.editor.step_buttons["close"].click()
    dialog = log.dialog
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert row(demo_db, item, "status") == ("replied",) and log.dialog is None
    log.editor.step_buttons["close"].click()  # closing without a score
    with qtbot.waitSignal(log.dialog.finished):
        log.dialog.submit()
    assert row(demo_db, item, "status", "satisfaction") == ("closed", None)


def test_a_step_after_a_colleagues_step_is_refused_and_shows_theirs(opened, demo_db, qtbot):
    prompter = ScriptedPrompter()
    _window, log, item = opened(prompter)
    colleague = Workspace.open(demo_db, user="colleague")
    colleague.feedback.advance(item, colleague.feedback.get(item).item.version, "in_progress")
    colleague.close()
    log.editor.step_buttons["resolve"].click()
    assert prompter.kinds() == ["warning"] and "was not taken" in prompter.asked[0][2]
    assert row(demo_db, item, "status") == ("in_progress",)
    assert log.editor.title.text().endswith("In progress") and log.editor.visible_steps() == ["resolve"]


def test_overdue_items_say_so_in_the_editor(opened, demo_db, qtbot):
    _window, log, _item = opened(received_at=dt.datetime(2026, 10, 1, 9, 0), description="Old unanswered complaint")
    assert log.editor.overdue.isVisible()
    assert log.editor.overdue.text().startswith("Overdue: the first response was due")
    assert log.paged.data(log.paged.index(0, 0), Qt.ItemDataRole.FontRole).bold()


def test_new_feedback_with_ctrl_n_while_the_tab_shows(opened, demo_db, qtbot):
    window, log, _item = opened()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    log.filters.search.clear()
    qtbot.waitUntil(lambda: log.current_filter().text == "")  # the filter bar hands its change over a moment later
    before = count(demo_db)
    qtbot.keyClick(log.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = log.dialog
    assert isinstance(dialog, NewFeedbackDialog) and dialog.isVisible()
    dialog.description.setPlainText("Price higher than quoted")
    dialog.submit()
    assert dialog.isVisible() and "Choose the customer" in dialog.message.text()
    customer, name, phone = sql(demo_db, "SELECT id, name, phone FROM customer WHERE phone != '' "
                                         "AND deleted_at IS NULL LIMIT 1")[0]
    digits = "".join(ch for ch in phone if ch.isdigit())
    qtbot.keyClicks(dialog.picker.edit, digits[-7:])
    dialog.picker.search_now()
    assert dialog.picker.hits.count() >= 1
    index = next(i for i in range(dialog.picker.hits.count())
                 if dialog.picker.hits.item(i).data(Qt.ItemDataRole.UserRole) == customer)
    dialog.picker.pick(dialog.picker.hits.item(index))
    assert dialog.customer_id == customer and dialog.contact.count() >= 1
    dialog.severity.setCurrentIndex(dialog.severity.findData("urgent"))
    dialog.category.setCurrentIndex(dialog.category.findData("price"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    owner = sql(demo_db, "SELECT id FROM salesperson WHERE active = 1 ORDER BY id DESC LIMIT 1")[0][0]
    dialog.owner.setCurrentIndex(dialog.owner.findData(owner))
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    made = sql(demo_db, "SELECT id, customer_id, description, severity, category, channel, owner_id, status, "
                        "kind FROM feedback ORDER BY id DESC LIMIT 1")[0]
    assert made[1:] == (customer, "Price higher than quoted", "urgent", "price", "email", owner, "new", "complaint")
    assert count(demo_db) == before + 1 and log.paged.rowCount() == before + 1
    assert log.editor.shown_id == made[0] and name in log.editor.customer.text()
    assert f"#{made[0]}" in window.statusBar().currentMessage()


def test_ctrl_n_and_ctrl_f_stay_with_customers_on_their_tab(opened, qtbot):
    window, log, _item = opened()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tabs.setCurrentWidget(window.customers)
    qtbot.keyClick(window.customers.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.customers.operations.dialog is not None and log.dialog is None
    window.customers.operations.dialog.reject()
    window.tabs.setCurrentWidget(window.feedback_tab)
    qtbot.keyClick(log.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(log.filters.search.hasFocus)


def test_plan_follow_up_opens_the_visit_dialog_for_the_customer(opened, demo_db, qtbot):
    _window, log, item = opened()
    customer_id, customer = log.editor.detail.item.customer_id, log.editor.detail.item.customer
    log.editor.plan_button.click()
    dialog = log.dialog
    assert isinstance(dialog, VisitDialog) and dialog.isVisible()
    assert dialog.customer_label.text() == customer and f"#{item}" in dialog.purpose.text()
    dialog.set_start(FREE)
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert sql(demo_db, "SELECT count(*) FROM visit WHERE customer_id = ? AND planned_start = ?", customer_id,
               FREE.isoformat(sep=" "))[0][0] == 1


def test_the_customer_link_opens_the_customer(opened, qtbot):
    window, log, _item = opened()
    customer_id = log.editor.detail.item.customer_id
    log.editor.customer.linkActivated.emit(f"customer:{customer_id}")
    assert window.tabs.currentWidget() is window.customers
    assert window.customers.detail.shown_id == customer_id


def test_report_button_opens_the_report_dialog(opened, monkeypatch, qtbot):
    window, log, _item = opened()
    calls = []
    monkeypatch.setattr(report_dialog, "open_report", lambda *args, **kwargs: calls.append((args, kwargs)))
    log.filters.report_button.click()
    assert calls == [((log, window.workspace), {"prompter": window.prompter})]


def test_closing_the_window_saves_the_editors_changes(opened, demo_db):
    window, log, item = opened()
    log.editor.description.setPlainText("Saved on the way out")
    window.close()
    assert row(demo_db, item, "description") == ("Saved on the way out",)
