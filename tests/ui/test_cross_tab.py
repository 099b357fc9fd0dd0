"""Across tabs: one customer's feedback from the Customer menu; what one area (or a colleague) saves reaches the
calendar and the status bar through the workspace's change notifier, a hidden tab once it is shown again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from keepclient.domain.types import FeedbackFilter
from keepclient.services.changes import Change, Topic
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.main_window import MainWindow
from tests.conftest import DEMO_TODAY


def test_show_feedback_log_of_the_selected_customer(qtbot, make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    ws = window.workspace
    with ws.db.session() as pw:
        customer_id, name, count = pw.execute_sql(
            "SELECT c.id, c.name, count(*) FROM feedback f JOIN customer c ON c.id = f.customer_id "
            "WHERE f.deleted_at IS NULL GROUP BY c.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    assert count >= 1
    window.customers.show_detail(customer_id)
    assert window.customers.detail.shown_id == customer_id
    window.customer_actions["feedback_log"].trigger()
    log = window.feedback
    qtbot.waitUntil(lambda: log.paged is not None and log.current_filter().customer_id == customer_id)
    qtbot.waitUntil(lambda: log.paged.rowCount() == count)
    assert not log.filters.customer_chip.isHidden() and name in log.filters.customer_chip.text()
    shown = {log.paged.item(row).customer_id for row in range(log.paged.rowCount())}
    assert shown == {customer_id}
    log.filters.customer_chip.click()
    everyone = ws.feedback.count(FeedbackFilter())
    qtbot.waitUntil(lambda: log.current_filter().customer_id is None and log.paged.rowCount() == everyone)
    assert log.filters.customer_chip.isHidden()


SATURDAY = dt.date(2026, 11, 28)  # the demo plans nothing then


def calendar_on(window: MainWindow, day: dt.date = SATURDAY) -> CalendarArea:
    """The Calendar tab on show, one day in view."""
    window.tabs.setCurrentWidget(window.calendar_tab)
    calendar = window.calendar
    calendar.set_view("day")
    calendar.go_to(day)
    return calendar


def demo_window(make_window, demo_db: Path) -> MainWindow:
    window, _prompter = make_window()
    assert window.open_workspace(demo_db, offer_demo=False)
    return window


def test_a_visit_planned_in_another_tab_shows_in_the_calendar_once_it_is_shown_again(make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    calendar = calendar_on(window)
    before = calendar.visit_count()
    window.tabs.setCurrentWidget(window.customers)
    ws = window.workspace
    reads = calendar.fetches
    customer = ws.customers.rows(0, 1)[0].id
    ws.visits.plan(customer, start=dt.datetime(2026, 11, 28, 10))  # as the detail pane would, announcing it
    ws.changes.announce(Change.of(Topic.VISITS, Topic.CUSTOMERS, customer_ids=[customer]))
    ws.changes.announce(Change.of(Topic.CUSTOMERS, customer_ids=[customer]))
    assert calendar.fetches == reads  # hidden: nothing read yet

    window.tabs.setCurrentWidget(window.calendar_tab)
    assert calendar.visit_count() == before + 1
    assert calendar.fetches == reads + 1  # one read for both changes
    window.tabs.setCurrentWidget(window.customers)
    window.tabs.setCurrentWidget(window.calendar_tab)
    assert calendar.fetches == reads + 1  # nothing changed meanwhile: nothing read again
    ws.changes.announce(Change.of(Topic.PURCHASES, customer_ids=[customer]))
    assert calendar.fetches == reads + 1  # orders are not shown in the calendar


def test_a_colleagues_save_shows_at_once_in_the_calendar_on_show(make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    calendar = calendar_on(window)
    before = calendar.visit_count()
    window.check_for_colleagues()  # remember the current data version
    colleague = Workspace.open(demo_db, user="colleague")
    colleague.visits.plan(colleague.customers.rows(0, 1)[0].id, start=dt.datetime(2026, 11, 28, 11))
    colleague.close()
    reads = calendar.fetches
    window.check_for_colleagues()
    assert calendar.visit_count() == before + 1 and calendar.fetches == reads + 1


def test_feedback_saved_in_another_area_moves_the_status_bars_overdue_count(make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    ws = window.workspace
    overdue = ws.feedback.overdue_count(None)
    assert window.overdue_button.text() == f"{overdue} feedback item(s) overdue"
    customer = ws.customers.rows(0, 1)[0].id
    ws.feedback.create(customer, description="Invoice wrong twice", received_at=dt.datetime(2026, 9, 1, 9))
    assert ws.feedback.overdue_count(None) == overdue + 1
    ws.changes.announce(Change.of(Topic.FEEDBACK, customer_ids=[customer]))  # as the feedback log does
    assert window.overdue_button.text() == f"{overdue + 1} feedback item(s) overdue"


def test_a_team_change_reaches_the_hidden_calendars_salesperson_filter(make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    calendar = calendar_on(window)
    window.tabs.setCurrentWidget(window.customers)
    window.workspace.team.add_many(["Zoe Newcomer"])
    window.team_changed()
    assert "Zoe Newcomer" not in [p.name for p in calendar.people.people]  # hidden: read when shown
    window.tabs.setCurrentWidget(window.calendar_tab)
    assert "Zoe Newcomer" in [p.name for p in calendar.people.people]


def test_the_calendar_announces_what_it_saves_and_reads_it_once(make_window, demo_db: Path):
    window = demo_window(make_window, demo_db)
    calendar = calendar_on(window, DEMO_TODAY)
    visit = next(v for v in calendar.visits if v.series_id is None)
    heard: list[Change] = []
    window.workspace.changes.subscribe(heard.append)
    reads = calendar.fetches
    calendar.editing.move(visit, visit.start.replace(hour=7, minute=0), visit.minutes)
    moved = Change.of(Topic.VISITS, Topic.CUSTOMERS, customer_ids=[visit.customer_id])
    assert heard == [moved] and calendar.fetches == reads + 1
    calendar.undo_stack.undo()
    assert heard == [moved, moved] and calendar.fetches == reads + 2
