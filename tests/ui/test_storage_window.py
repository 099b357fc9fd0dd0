"""The window over storage trouble: a read-only file, a damaged file, restoring a backup, a failed save."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QUndoCommand
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from keepclient.db import connection
from keepclient.services import backups
from keepclient.services.workspace import Workspace
from keepclient.ui import storage_check
from keepclient.ui.main_window import MainWindow
from tests.ui.calendar_helpers import block_center, drag
from tests.ui.helpers import ScriptedPrompter, sql

TAKEN = dt.datetime(2026, 11, 20, 18, 0)
TODAY = dt.datetime(2026, 11, 23, 8, 30)
VISIT_DAY = dt.date(2026, 11, 24)  # the calendar is shown on this day (never the real today)


@pytest.fixture
def open_window(make_window, monkeypatch: pytest.MonkeyPatch):
    """The shared window factory, checking for damage right after opening and never on today's date, and not
    waiting for a customer to show (a damaged file may show none)."""
    monkeypatch.setattr(storage_check, "CHECK_DELAY_MS", 0)

    def make(db: Path, prompter: ScriptedPrompter | None = None) -> tuple[MainWindow, ScriptedPrompter]:
        window, prompter = make_window(prompter)
        window.damage_check.clock = lambda: TODAY  # the daily backup after the check: never today's date
        window.tabs.setCurrentIndex(0)
        assert window.open_workspace(db, offer_demo=False)
        return window, prompter
    return make


def count(path: Path) -> int:
    return sql(path, "SELECT count(*) FROM customer WHERE deleted_at IS NULL")[0][0]


# -- read-only -----------------------------------------------------------------------------------------------
def test_read_only_database_shows_a_banner_and_disables_every_edit(open_window, team_db, qtbot,
                                                                  monkeypatch: pytest.MonkeyPatch):
    path, ids, _people = team_db
    # Tests run as root, who may write any file: the connection layer's permission probe says "read-only" here,
    # and the database really is opened read-only (mode=ro, query_only) from there on.
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, prompter = open_window(path)
    assert window.workspace.read_only and window.banner.isVisible()
    assert window.banner.text.text().startswith("This database is open read-only:")
    assert window.banner.geometry().bottom() < window.tabs.geometry().top() + 1  # above the tabs
    for name in ("new", "save", "trash", "restore", "empty_trash", "log", "feedback", "schedule", "owner", "tier",
                 "stage", "add_tag", "remove_tag", "undo", "redo"):
        assert not window.customer_actions[name].isEnabled(), name
    assert window.customer_actions["find"].isEnabled() and window.customer_actions["feedback_log"].isEnabled()
    assert not window.demo_action.isEnabled() and not window.spreadsheets.import_action.isEnabled()
    assert window.spreadsheets.export_action.isEnabled() and window.backup_action.isEnabled()

    qtbot.waitUntil(lambda: window.customers.detail.shown_id is not None)
    window.customers.show_detail(ids["shan"])  # the pane enables its buttons for a customer: they stay off
    detail = window.customers.detail
    assert not any(b.isEnabled() for b in (detail.log_button, detail.feedback_button, detail.schedule_button,
                                           detail.save_button))
    assert not detail.form.isEnabled() and not detail.tags.isEnabled()
    window.tabs.setCurrentWidget(window.customers)  # switching tabs re-enables by tab: not while read-only
    assert not window.customer_actions["trash"].isEnabled()

    window.tabs.setCurrentWidget(window.calendar_tab)  # areas built later lock their edits too
    assert not window.calendar.plan_button.isEnabled() and not window.calendar.cadence_action.isEnabled()
    window.tabs.setCurrentWidget(window.feedback_tab)
    assert not window.feedback.actions_by_name["new"].isEnabled()
    assert not window.feedback.filters.new_button.isEnabled()
    assert not window.feedback.editor.save_button.isEnabled()
    assert window.feedback.actions_by_name["find"].isEnabled()
    assert prompter.kinds() == []  # nothing asked: the banner says it

    monkeypatch.setattr(connection, "is_read_only", lambda _path: False)
    assert window.open_workspace(path, offer_demo=False)  # writable again: banner gone, edits back
    assert window.banner.isHidden() and window.demo_action.isEnabled()
    assert window.feedback.actions_by_name["new"].isEnabled()
    window.tabs.setCurrentWidget(window.customers)
    assert window.customer_actions["trash"].isEnabled() and window.customer_actions["new"].isEnabled()


def open_dialogs(window: MainWindow) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_read_only_leaves_no_drag_double_click_menu_or_undo_that_would_fail(open_window, team_db, qtbot,
                                                                           monkeypatch: pytest.MonkeyPatch):
    path, ids, _people = team_db
    ws = Workspace.open(path, create=False)
    (vid,) = ws.visits.plan(ids["shan"], start=dt.datetime.combine(VISIT_DAY, dt.time(10)), minutes=60)
    ws.close()
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, prompter = open_window(path)

    # Edit › Undo and Redo stay off, whichever stack is active and whatever it holds
    window.customers.undo_stack.push(QUndoCommand("an edit made before"))
    assert not window.customer_actions["undo"].isEnabled() and not window.customer_actions["redo"].isEnabled()

    # the customer pane: a double-click on a contact edits nothing
    qtbot.waitUntil(lambda: window.customers.detail.shown_id is not None)
    window.customers.show_detail(ids["brown"])
    contacts = window.customers.detail.contacts
    contacts.setCurrentItem(contacts.topLevelItem(0))
    where = contacts.visualItemRect(contacts.topLevelItem(0)).center()
    qtbot.mouseClick(contacts.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a real double-click: a click,
    qtbot.mouseDClick(contacts.viewport(), Qt.MouseButton.LeftButton, pos=where)  # then the double-click press
    assert open_dialogs(window) == []

    # the calendar: no drag, no dialog on double-click, the menu's edits are off
    window.tabs.setCurrentWidget(window.calendar_tab)
    calendar = window.calendar
    assert calendar.read_only
    calendar.today = VISIT_DAY
    calendar.set_view("day")
    calendar.go_today()
    calendar.undo_stack.push(QUndoCommand("a move made before"))  # the calendar's stack is the active one now
    assert not window.customer_actions["undo"].isEnabled()
    grid = calendar.grid
    start = block_center(calendar, vid)
    end = start + QPoint(0, int(grid.hour_height * 2))
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), (start + end) / 2)
    qtbot.mouseMove(grid.viewport(), end)
    assert grid.ghost is None  # no drag started: nothing follows the mouse
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    drag(qtbot, grid.viewport(), start, start + QPoint(int(grid.column_width()), 0))  # nor to another day
    assert window.workspace.visits.get(vid).start == dt.datetime.combine(VISIT_DAY, dt.time(10))
    assert grid.ghost is None and calendar.undo_stack.count() == 1 and calendar.selected_id == vid
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)  # a visit: no edit dialog
    free = grid.point_for(dt.datetime.combine(VISIT_DAY, dt.time(15)))
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=free)  # free time: no plan dialog
    calendar.editing.plan_for_customer(ids["shan"])  # the Due panel's "plan"
    assert open_dialogs(window) == [] and calendar.editing.dialog is None
    assert "read-only" in window.statusBar().currentMessage()

    QApplication.sendEvent(grid.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, start,
                                                              grid.viewport().mapToGlobal(start)))
    menu = calendar.editing.menu
    assert {a.text(): a.isEnabled() for a in menu.actions()} == {
        "Edit…": False, "Log outcome…": False, "Copy": True, "Delete": False}
    menu.close()
    free_entries = calendar.editing.context_actions(None, dt.datetime.combine(VISIT_DAY, dt.time(15)), calendar)
    assert not any(a.isEnabled() for a in free_entries)  # Plan visit…, Paste

    calendar.set_view("month")
    month = calendar.month
    qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=month.point_for(VISIT_DAY, "visit"))
    assert open_dialogs(window) == [] and calendar.editing.dialog is None

    # the feedback editor's fields, and the import history's Undo
    window.tabs.setCurrentWidget(window.feedback_tab)
    assert not any(w.isEnabled() for w in window.feedback.editor.widgets.values())
    window.spreadsheets.history_action.trigger()
    history = window.spreadsheets.history
    assert history.isVisible() and not history.undo_button.isEnabled()
    history.undo_selected()
    history.close()
    assert prompter.kinds() == []  # no error dialog anywhere

    monkeypatch.setattr(connection, "is_read_only", lambda _path: False)
    assert window.open_workspace(path, offer_demo=False)  # writable again: the areas' flags are cleared
    assert not window.calendar.read_only and not window.customers.read_only and not grid.read_only
    entries = calendar.editing.context_actions(None, dt.datetime.combine(VISIT_DAY, dt.time(15)), calendar)
    assert entries[0].isEnabled()


# -- damage ----------------------------------------------------------------------------------------------------
def damage(path: Path) -> None:
    """Overwrite one b-tree page nothing reads at start-up (the import history) with garbage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'import_batch'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


def test_damage_is_found_after_the_first_paint_and_restore_is_offered(open_window, team_db, qtbot,
                                                                     tmp_path: Path):
    path, _ids, _people = team_db
    backups.take_backup(path, backups.MANUAL, now=TAKEN)
    damage(path)
    window, prompter = open_window(path, ScriptedPrompter(choice=0))
    assert "choice" not in prompter.kinds()  # opening did not wait for the check
    qtbot.waitUntil(lambda: "choice" in prompter.kinds())
    _kind, title, text = prompter.asked[prompter.kinds().index("choice")]
    assert title == "The database is damaged" and str(path) in text and window.damage_check.problems
    assert window.customers.list.model().rowCount() == 6  # the customers still show
    dialog = window.restore_dialog  # "Restore from backup…" chosen
    assert dialog.isVisible() and dialog.table.rowCount() == 1


def damage_the_schema(path: Path) -> None:
    """Garbage over the first page after its header (the schema): the file can no longer be opened."""
    with path.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"\xa5" * 3000)


@pytest.mark.parametrize("harm", ["damaged", "empty"])
def test_a_file_that_cannot_be_opened_offers_its_backups(open_window, team_db, qtbot, tmp_path: Path, harm: str):
    path, _ids, _people = team_db
    backups.take_backup(path, backups.MANUAL, now=TAKEN)
    other = tmp_path / "other.db"
    shutil.copyfile(path, other)
    window, prompter = open_window(other)  # another database is open meanwhile
    if harm == "damaged":
        damage_the_schema(path)
    else:
        path.write_bytes(b"")
    prompter.choice = 0  # "Restore from backup…"
    assert not window.open_workspace(path, offer_demo=False)
    kind, title, text = prompter.asked[-1]
    assert kind == "choice" and str(path) in text and "Backups of this database were found" in text
    assert title == ("The database is damaged" if harm == "damaged" else "The database file is empty")
    assert "error" not in prompter.kinds()
    assert window.workspace.path == other  # still open
    dialog = window.restore_dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 1 and dialog.db_path == path
    assert dialog.replace_button.isEnabled() and dialog.replace_button.text() == "Replace team.db"
    prompter.yes = True
    dialog.replace_button.click()
    assert "error" not in prompter.kinds(), prompter.asked
    assert window.workspace.path == path and window.workspace.customers.count() == 6
    assert count(path) == 6


def test_a_damaged_file_without_backups_only_says_why(open_window, team_db, qtbot):
    path, _ids, _people = team_db
    window, prompter = open_window(team_db[0])
    window.close_database()
    damage_the_schema(path)
    assert not window.open_workspace(path, offer_demo=False)
    assert prompter.kinds() == ["error"] and prompter.asked[0][1] == "Cannot open the database"
    assert window.restore_dialog is None


def test_declining_the_restore_offer_opens_nothing(open_window, team_db, qtbot, tmp_path: Path):
    path, _ids, _people = team_db
    backups.take_backup(path, backups.MANUAL, now=TAKEN)
    window, prompter = open_window(path)
    window.close_database()
    damage_the_schema(path)
    prompter.choice = None  # cancelled
    assert not window.open_workspace(path, offer_demo=False)
    assert prompter.kinds() == ["choice"] and window.restore_dialog is None and window.workspace is None


def test_a_healthy_database_asks_nothing_and_gets_its_daily_backup(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0])
    qtbot.waitUntil(lambda: window.damage_check.daily_backup is not None)
    assert window.damage_check.problems == [] and prompter.kinds() == []
    [daily] = backups.list_backups(team_db[0])
    assert (daily.reason, daily.taken_at, daily.customers) == ("daily", TODAY, 6)
    assert window.open_workspace(team_db[0], offer_demo=False)  # opened again the same day: no second one
    qtbot.waitUntil(lambda: window.damage_check.problems is not None)
    qtbot.wait(50)
    assert len(backups.list_backups(team_db[0])) == 1


# -- restore -------------------------------------------------------------------------------------------------
def test_restore_to_a_new_file_then_over_the_current_database(open_window, team_db, qtbot, tmp_path: Path):
    path, _ids, _people = team_db
    backups.take_backup(path, backups.MANUAL, now=TAKEN)
    window, prompter = open_window(path)
    qtbot.waitUntil(lambda: window.damage_check.daily_backup is not None)
    window.workspace.editor.create("新客户")
    assert count(path) == 7

    window.restore_action.trigger()
    dialog = window.restore_dialog
    assert dialog.table.rowCount() == 2  # newest first: today's daily backup, then the manual one
    assert [[dialog.table.item(r, c).text() for c in (2, 3)] for r in range(2)] == [["6", "daily"], ["6", "manual"]]
    dialog.table.selectRow(1)
    assert dialog.to_new_button.isEnabled() and dialog.replace_button.isEnabled()
    restored = tmp_path / "restored.db"
    prompter.path, prompter.yes = restored, True
    dialog.to_new_button.click()
    assert window.workspace.path == restored and window.workspace.customers.count() == 6
    assert count(path) == 7  # the database in use was left alone

    assert window.open_workspace(path, offer_demo=False)
    window.restore_action.trigger()
    window.restore_dialog.table.selectRow(1)
    window.restore_dialog.replace_button.click()
    assert prompter.asked[-1][0] != "error", prompter.asked[-1]
    question = [a for a in prompter.asked if a[1] == "Replace the current database"][-1]
    assert str(path) in question[2]
    assert window.workspace.path == path and window.workspace.customers.count() == 6
    assert count(path) == 6
    kept = [b for b in backups.list_backups(path) if b.reason == backups.BEFORE_RESTORE]
    assert len(kept) == 1 and kept[0].customers == 7  # what was replaced is kept
    assert window.presence_label.workspace is window.workspace  # the reopened database is watched again


def test_declining_the_replacement_changes_nothing(open_window, team_db, qtbot):
    path, _ids, _people = team_db
    backups.take_backup(path, backups.MANUAL, now=TAKEN)
    window, prompter = open_window(path)
    window.workspace.editor.create("新客户")
    prompter.yes = False
    window.restore_action.trigger()
    window.restore_dialog.replace_button.click()
    assert window.workspace is not None and window.workspace.customers.count() == 7 and count(path) == 7


# -- failed saves ----------------------------------------------------------------------------------------------
def test_a_save_into_a_replaced_file_is_explained_and_the_window_stays_usable(open_window, team_db, qtbot,
                                                                             tmp_path: Path):
    path, ids, _people = team_db
    window, prompter = open_window(path)
    qtbot.waitUntil(lambda: window.customers.detail.shown_id is not None)
    window.customers.show_detail(ids["shan"])
    city: QLineEdit = window.customers.detail.form.widgets["city"]
    city.setText("天津")
    city.textEdited.emit("天津")
    copy = tmp_path / "synced-copy.db"
    shutil.copyfile(path, copy)
    copy.replace(path)  # a sync program put its own copy in place under the running window
    window.customer_actions["save"].trigger()
    kind, title, text = prompter.asked[-1]
    assert kind == "error" and "was deleted, moved or replaced" in text
    assert city.text() == "天津"  # what was typed is still there

    QTimer.singleShot(0, lambda: window.workspace.team.set_cadence({"A": 10}))  # a save no handler guards
    qtbot.waitUntil(lambda: len(prompter.asked) == 2)
    kind, title, text = prompter.asked[-1]
    assert (kind, title) == ("error", "Cannot save") and "was deleted, moved or replaced" in text

    assert window.open_workspace(path, offer_demo=False)  # opened again, as the message says: saves work
    window.customers.show_detail(ids["shan"])
    city = window.customers.detail.form.widgets["city"]
    city.setText("天津")
    city.textEdited.emit("天津")
    window.customer_actions["save"].trigger()
    assert len(prompter.asked) == 2
    assert window.workspace.customers.detail(ids["shan"]).values["city"] == "天津"
    assert window.workspace.team.cadence()["A"] != 10  # the failed save wrote nothing


def test_a_full_disk_is_explained_and_nothing_half_saved(open_window, team_db, qtbot):
    path, ids, _people = team_db
    window, prompter = open_window(path)
    qtbot.waitUntil(lambda: window.customers.detail.shown_id is not None)
    window.customers.show_detail(ids["shan"])
    notes = window.customers.detail.form.widgets["notes"]
    notes.setPlainText("送货记录 " * 40_000)  # needs new pages
    pw = window.workspace.db.pw
    pages = pw.execute_sql("PRAGMA page_count").fetchone()[0]
    pw.execute_sql(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    window.customer_actions["save"].trigger()
    kind, _title, text = prompter.asked[-1]
    assert kind == "error" and ("full" in text or "Could not save" in text)
    pw.execute_sql("PRAGMA max_page_count = 1073741823")  # space freed
    window.customer_actions["save"].trigger()
    assert len(prompter.asked) == 1
    assert window.workspace.customers.detail(ids["shan"]).values["notes"].startswith("送货记录")
