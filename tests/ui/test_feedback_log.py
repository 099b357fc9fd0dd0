"""The Feedback tab's log driven as a user would on the demo database: filters, search, sorting by header clicks,
the status strip, overdue highlighting, remembered choices, the status bar's overdue count and lazy loading.

What the view shows is checked against the database file itself (plain SQL), not against the services it uses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from keepclient.services.workspace import Workspace
from keepclient.ui.feedback.log_model import DUE_COLUMN, OVERDUE_COLOR, duration_text
from keepclient.ui.feedback.log_view import FeedbackLog
from keepclient.ui.labels import datetime_text
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests.ui.helpers import ScriptedPrompter, open_workspace, sql

NOW = dt.datetime(2026, 11, 23, 12, 0)  # the demo database's "today", at noon
COLUMNS = {"received": 0, "customer": 1, "kind": 2, "category": 3, "severity": 4, "status": 5, "owner": 6,
           "due": 7, "first_response": 8, "resolution": 9, "description": 10}


pytestmark = pytest.mark.usefixtures("british_locale")


def open_feedback_window(qtbot, prefs: Preferences, db: Path, prompter: ScriptedPrompter | None = None,
                         me: str = "") -> tuple[MainWindow, FeedbackLog]:
    """A main window on `db`, showing the Feedback tab with the clock at NOW (the tests of the editor use it too)."""
    window = MainWindow(prefs, opener=open_workspace, prompter=prompter or ScriptedPrompter(),
                        runner=TaskRunner(inline=True))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(0)
    prefs.salesperson_code = me
    assert window.open_workspace(db, offer_demo=False)
    log = window.feedback  # built now, read when the tab is shown
    log.clock = lambda: NOW
    window.tabs.setCurrentWidget(window.feedback_tab)
    assert log.workspace is window.workspace
    return window, log


@pytest.fixture
def open_log(qtbot, prefs: Preferences, demo_db: Path):
    def make(prompter: ScriptedPrompter | None = None, me: str = "") -> tuple[MainWindow, FeedbackLog]:
        return open_feedback_window(qtbot, prefs, demo_db, prompter, me)

    return make


def count(db: Path, where: str = "1", *params) -> int:
    return sql(db, "SELECT count(*) FROM feedback f JOIN customer c ON c.id = f.customer_id "
                   f"WHERE f.deleted_at IS NULL AND {where}", *params)[0][0]


def column(log: FeedbackLog, name: str) -> list[str]:
    model = log.paged
    return [model.data(model.index(row, COLUMNS[name])) for row in range(model.rowCount())]


def wait_for_rows(qtbot, log: FeedbackLog, expected: int) -> None:
    qtbot.waitUntil(lambda: log.paged.rowCount() == expected and not log.controller.counting)


def test_the_log_shows_every_item_overdue_first_in_bold_red(open_log, demo_db, qtbot, qtmodeltester):
    _window, log = open_log()
    model = log.paged
    total = count(demo_db)
    assert total > 20 and model.rowCount() == total
    assert log.summary.text() == f"{total} feedback item(s)"
    overdue = count(demo_db, "f.next_due < ?", NOW.isoformat(sep=" "))
    assert overdue >= 3
    flags = [model.data(model.index(row, 0), Qt.ItemDataRole.FontRole) is not None for row in range(total)]
    assert flags == [True] * overdue + [False] * (total - overdue)  # the "due" sort: overdue first
    due = model.index(0, DUE_COLUMN)
    assert model.data(due, Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert "Overdue by" in model.data(due, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None  # only the deadline is red
    assert model.data(model.index(overdue, DUE_COLUMN), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    first_due = sql(demo_db, "SELECT next_due FROM feedback WHERE deleted_at IS NULL AND next_due IS NOT NULL "
                             "ORDER BY next_due LIMIT 1")[0][0]
    assert column(log, "due")[0] == datetime_text(dt.datetime.fromisoformat(first_due))
    qtmodeltester.check(model)


def test_status_strip_counts_and_quick_filters(open_log, demo_db, qtbot):
    _window, log = open_log()
    by_status = dict(sql(demo_db, "SELECT status, count(*) FROM feedback WHERE deleted_at IS NULL GROUP BY status"))
    strip = log.strip
    assert strip.buttons["all"].text() == f"All {sum(by_status.values())}"
    assert strip.buttons["closed"].text() == f"Closed {by_status['closed']}"
    assert strip.buttons["new"].text() == f"New {by_status.get('new', 0)}"
    opened = sum(by_status.get(s, 0) for s in ("new", "in_progress", "resolved"))
    assert strip.buttons["open"].text() == f"Open {opened}"
    assert strip.buttons["all"].isChecked()

    qtbot.mouseClick(strip.buttons["closed"], Qt.MouseButton.LeftButton)
    wait_for_rows(qtbot, log, by_status["closed"])
    assert set(column(log, "status")) == {"Closed"}
    assert strip.buttons["closed"].isChecked() and not strip.buttons["all"].isChecked()
    assert log.filters.status.text() == "Closed"
    qtbot.mouseClick(strip.buttons["replied"], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier)
    wait_for_rows(qtbot, log, by_status["closed"] + by_status["replied"])
    assert set(column(log, "status")) == {"Closed", "Replied to customer"}
    assert log.filters.statuses == ("replied", "closed")
    assert log.strip.buttons["all"].text() == f"All {sum(by_status.values())}"  # the strip counts every status

    qtbot.mouseClick(strip.buttons["open"], Qt.MouseButton.LeftButton)
    wait_for_rows(qtbot, log, opened)
    assert set(column(log, "status")) <= {"New", "In progress", "Resolved"}
    assert log.filters.status.text() == "Open"
    qtbot.mouseClick(strip.buttons["overdue"], Qt.MouseButton.LeftButton)
    overdue = count(demo_db, "f.next_due < ?", NOW.isoformat(sep=" "))
    wait_for_rows(qtbot, log, overdue)
    assert log.filters.overdue.isChecked() and strip.buttons["overdue"].text() == f"Overdue {overdue}"
    qtbot.mouseClick(strip.buttons["all"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(strip.buttons["overdue"], Qt.MouseButton.LeftButton)
    wait_for_rows(qtbot, log, sum(by_status.values()))


def test_several_statuses_from_the_status_menu(open_log, demo_db, qtbot):
    _window, log = open_log()
    log.filters.status_actions["new"].trigger()
    log.filters.status_actions["in_progress"].trigger()
    expected = count(demo_db, "f.status IN ('new', 'in_progress')")
    wait_for_rows(qtbot, log, expected)
    assert log.filters.status.text() == "2 statuses"
    assert log.strip.buttons["new"].isChecked() and log.strip.buttons["in_progress"].isChecked()
    assert not log.strip.buttons["all"].isChecked()


@pytest.mark.parametrize(("widget", "value", "where"), [
    ("category", "delivery", "f.category = 'delivery'"),
    ("severity", "normal", "f.severity = 'normal'"),
    ("kind", "complaint", "f.kind = 'complaint'"),
])
def test_choice_filters_match_the_database(open_log, demo_db, qtbot, widget, value, where):
    _window, log = open_log()
    combo = getattr(log.filters, widget)
    combo.setCurrentIndex(combo.findData(value))
    expected = count(demo_db, where)
    assert 0 < expected < count(demo_db)
    wait_for_rows(qtbot, log, expected)
    shown_ids = {item.id for item in (log.paged.item(row) for row in range(expected))}
    assert shown_ids == {row[0] for row in sql(demo_db, f"SELECT f.id FROM feedback f WHERE {where} "
                                                        "AND f.deleted_at IS NULL")}


def test_owner_filter_with_mine_date_range_and_the_combination(open_log, demo_db, qtbot):
    code, owner_id, name = sql(demo_db, "SELECT s.code, s.id, s.name FROM feedback f JOIN salesperson s "
                                        "ON s.id = f.owner_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")[0]
    _window, log = open_log(me=code)
    filters = log.filters
    filters.owner.setCurrentIndex(filters.owner.findData(-1))  # "Mine"
    assert filters.owner.currentText() == "Mine"
    mine = count(demo_db, "f.owner_id = ?", owner_id)
    wait_for_rows(qtbot, log, mine)
    assert set(column(log, "owner")) == {name}

    filters.received_from.set_value(dt.date(2026, 6, 1))
    filters.received_from.changed.emit()
    filters.received_to.set_value(dt.date(2026, 10, 31))
    filters.received_to.changed.emit()
    expected = count(demo_db, "f.owner_id = ? AND f.received_at >= '2026-06-01' AND f.received_at < '2026-11-01'",
                     owner_id)
    wait_for_rows(qtbot, log, expected)
    received = [log.paged.item(row).received_at for row in range(expected)]
    assert all(dt.datetime(2026, 6, 1) <= when < dt.datetime(2026, 11, 1) for when in received)
    filters.clear_button.click()
    wait_for_rows(qtbot, log, count(demo_db))


def test_search_covers_customer_names_and_descriptions(open_log, demo_db, qtbot):
    _window, log = open_log()
    customer = sql(demo_db, "SELECT c.name FROM feedback f JOIN customer c ON c.id = f.customer_id LIMIT 1")[0][0]
    part = customer[:4]
    qtbot.keyClicks(log.filters.search, part) if part.isascii() else log.filters.search.setText(part)
    expected = count(demo_db, "(c.name LIKE ? OR f.description LIKE ? OR f.resolution LIKE ?)", *[f"%{part}%"] * 3)
    wait_for_rows(qtbot, log, expected)
    assert customer in column(log, "customer")
    log.filters.search.setText("Delivery was")
    expected = count(demo_db, "f.description LIKE '%Delivery was%'")
    assert expected
    wait_for_rows(qtbot, log, expected)  # the count alone may be the previous search's: wait for the rows too
    qtbot.waitUntil(lambda: all("Delivery was" in text for text in column(log, "description")))


def test_no_match_and_keyboard(open_log, demo_db, qtbot):
    window, log = open_log()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(log.filters.search.hasFocus)
    qtbot.keyClicks(log.filters.search, "no-such-feedback-anywhere")
    wait_for_rows(qtbot, log, 0)
    assert log.empty.isVisible() and "No feedback matches" in log.empty.text()
    assert log.summary.text() == "0 feedback item(s)"
    qtbot.keyClick(log.filters.search, Qt.Key.Key_Escape)
    wait_for_rows(qtbot, log, count(demo_db))
    assert not log.empty.isVisible() and log.filters.search.text() == ""
    log.table.setFocus()
    log.table.selectRow(2)
    qtbot.keyClick(log.table, Qt.Key.Key_Return)
    assert log.editor.description.hasFocus()
    assert log.editor.shown_id == log.paged.item(2).id


def click_header(qtbot, log: FeedbackLog, name: str) -> None:
    header = log.table.horizontalHeader()
    section = COLUMNS[name]
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_clicks_sort_in_the_database(open_log, demo_db, qtbot):
    _window, log = open_log()
    total = count(demo_db)
    log.table.horizontalHeader().resizeSection(COLUMNS["received"], 120)
    click_header(qtbot, log, "received")
    qtbot.waitUntil(lambda: log.current_filter().sort == "received_at")
    ascending = [row[0] for row in sql(demo_db, "SELECT id FROM feedback WHERE deleted_at IS NULL "
                                                "ORDER BY received_at, id")]
    assert [log.paged.item(row).id for row in range(total)] == ascending
    click_header(qtbot, log, "received")
    qtbot.waitUntil(lambda: log.current_filter().descending)
    assert [log.paged.item(row).id for row in range(total)] == ascending[::-1]

    click_header(qtbot, log, "severity")
    qtbot.waitUntil(lambda: log.current_filter().sort == "severity")
    severities = [log.paged.item(row).severity for row in range(total)]
    assert severities == sorted(severities)
    click_header(qtbot, log, "first_response")
    qtbot.waitUntil(lambda: log.current_filter().sort == "first_response")
    hours = [h for (h,) in sql(demo_db, "SELECT response_hours FROM feedback WHERE deleted_at IS NULL "
                                        "ORDER BY response_hours, id")]
    shown = [log.paged.item(row).response_time for row in range(total)]
    assert [None if t is None else round(t.total_seconds() / 3600, 2) for t in shown] == hours
    click_header(qtbot, log, "description")
    qtbot.waitUntil(lambda: log.current_filter().sort == "description")
    texts = [t for (t,) in sql(demo_db, "SELECT description FROM feedback WHERE deleted_at IS NULL "
                                        "ORDER BY description, id")]
    assert [log.paged.item(row).description for row in range(total)] == texts
    assert log.table.horizontalHeader().sortIndicatorSection() == COLUMNS["description"]


def test_durations_read_as_people_say_them():
    assert duration_text(None) == ""
    assert duration_text(dt.timedelta(minutes=25)) == "25 min"
    assert duration_text(dt.timedelta(hours=3, minutes=30)) == "3.5 h"
    assert duration_text(dt.timedelta(hours=30)) == "30 h"
    assert duration_text(dt.timedelta(days=4, hours=12)) == "4.5 d"


def test_filters_sort_columns_and_split_are_remembered(open_log, demo_db, qtbot):
    window, log = open_log()
    log.filters.category.setCurrentIndex(log.filters.category.findData("delivery"))
    log.strip.choose("closed")
    log.filters.search.setText("late")
    click_header(qtbot, log, "customer")
    qtbot.waitUntil(lambda: log.current_filter().sort == "customer")
    log.table.horizontalHeader().resizeSection(COLUMNS["customer"], 333)
    log.splitter.setSizes([900, 300])
    qtbot.waitUntil(lambda: log.splitter.sizes()[1] < 400)  # laid out on the next turn of the event loop
    log.splitter.splitterMoved.emit(log.splitter.sizes()[0], 1)
    qtbot.waitUntil(lambda: not log._layout_timer.isActive())
    sizes = log.splitter.sizes()
    window.close()

    _again, log = open_log()
    flt = log.current_filter()
    assert (flt.categories, flt.statuses, flt.sort, flt.text) == (("delivery",), ("closed",), "customer", "")
    assert log.table.columnWidth(COLUMNS["customer"]) == 333
    assert log.table.horizontalHeader().sortIndicatorSection() == COLUMNS["customer"]
    qtbot.waitUntil(lambda: log.splitter.sizes() == sizes)
    assert log.paged.rowCount() == count(demo_db, "f.category = 'delivery' AND f.status = 'closed'")


def test_the_tab_loads_only_when_shown(make_window, qtbot, demo_db):
    window, _ = make_window()
    window.tabs.setCurrentIndex(0)
    window.open_workspace(demo_db, offer_demo=False)
    assert not window.feedback_tab.built
    window.tabs.setCurrentWidget(window.feedback_tab)
    assert window.feedback_tab.built and window.feedback.paged.rowCount() == count(demo_db)
    assert window.feedback.editor.shown_id == window.feedback.paged.item(0).id  # the first item is open


def test_status_bar_counts_my_overdue_items_and_follows_changes(open_log, demo_db, qtbot):
    code, owner_id = sql(demo_db, "SELECT s.code, s.id FROM salesperson s ORDER BY s.id LIMIT 1")[0]
    window, log = open_log()
    now = dt.datetime.now().isoformat(sep=" ")
    team = count(demo_db, "f.next_due < ?", now)
    assert window.overdue_button.text() == f"{team} feedback item(s) overdue"
    window.set_me(code)
    mine = count(demo_db, "f.next_due < ? AND f.owner_id = ?", now, owner_id)
    assert window.overdue_button.text() == f"{mine} of my feedback items overdue"
    assert log.filters.owner.findData(-1) >= 0  # the log now offers "Mine"

    window.check_for_colleagues()  # remember the current data version
    colleague = Workspace.open(demo_db, user="colleague")
    customer = sql(demo_db, "SELECT id FROM customer WHERE owner_id = ? LIMIT 1", owner_id)[0][0]
    colleague.feedback.create(customer, description="Invoice wrong twice", received_at=dt.datetime(2026, 9, 1, 9))
    colleague.close()
    window.check_for_colleagues()
    assert window.overdue_button.text() == f"{mine + 1} of my feedback items overdue"
    assert log.paged.rowCount() == count(demo_db)  # the log followed the colleague's save too

    window.tabs.setCurrentIndex(0)
    qtbot.mouseClick(window.overdue_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.feedback_tab
    overdue_mine = count(demo_db, "f.next_due < ? AND f.owner_id = ?", NOW.isoformat(sep=" "), owner_id)
    wait_for_rows(qtbot, log, overdue_mine)
    assert log.filters.is_mine() and log.filters.overdue.isChecked()
    assert all(log.paged.item(row).owner_id == owner_id for row in range(log.paged.rowCount()))
    log.filters.clear()
    wait_for_rows(qtbot, log, count(demo_db))
    window.overdue_action.trigger()  # View › My overdue feedback does the same
    wait_for_rows(qtbot, log, overdue_mine)
    assert log.filters.is_mine() and log.filters.overdue.isChecked()


def test_a_filter_change_reads_one_page_and_counts_off_the_ui_thread(open_log, demo_db, qtbot, monkeypatch):
    _window, log = open_log()
    service, model = log.workspace.feedback, log.paged
    calls: list[tuple] = []
    rows, status_counts = service.rows, service.status_counts

    def recording_rows(flt, offset, limit, now=None):
        calls.append(("rows", offset, limit))
        return rows(flt, offset, limit, now=now)

    def recording_counts(flt, now=None):
        calls.append(("counts", flt.severities))
        return status_counts(flt, now=now)

    monkeypatch.setattr(service, "rows", recording_rows)
    monkeypatch.setattr(service, "status_counts", recording_counts)
    monkeypatch.setattr(service, "count", lambda *_args, **_kwargs: pytest.fail("a separate count was asked for"))
    log.filters.severity.setCurrentIndex(log.filters.severity.findData("normal"))
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert calls == [("rows", 0, model.block_size), ("counts", ("normal",))]
    calls.clear()
    qtbot.keyClicks(log.filters.search, "deliv")  # typing: one page per pause, the counts once typing stops
    qtbot.waitUntil(lambda: ("counts", ("normal",)) in calls)
    assert calls.count(("counts", ("normal",))) == 1 and {c[0] for c in calls} == {"rows", "counts"}
    model._blocks.clear()
    index = model.index(0, 0)
    for role in (Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole,
                 Qt.ItemDataRole.UserRole):
        assert model.data(index, role) is None
    assert model.cached_blocks() == 0  # roles the log does not use read nothing


def test_an_empty_database_says_how_to_start(make_window, qtbot, tmp_path):
    window, _ = make_window()
    window.open_workspace(tmp_path / "empty.db", offer_demo=False, create=True)
    window.tabs.setCurrentWidget(window.feedback_tab)
    log = window.feedback
    qtbot.waitUntil(log.empty.isVisible)  # the tab's content is shown on the next turn of the event loop
    assert log.paged.rowCount() == 0
    assert "No feedback recorded yet" in log.empty.text() and "Ctrl+N" in log.empty.text()
    assert log.strip.buttons["all"].text() == "All 0" and log.editor.currentIndex() == 0
    assert window.overdue_button.text() == "0 feedback item(s) overdue"
