"""Across tabs: one customer's feedback from the Customer menu, and tabs shown again show what others saved."""

from __future__ import annotations

from pathlib import Path

from keepclient.domain.types import FeedbackFilter
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests.ui.helpers import ScriptedPrompter


def test_show_feedback_log_of_the_selected_customer(qtbot, tmp_path: Path, demo_db: Path):
    window = MainWindow(Preferences(tmp_path / "prefs.ini"), prompter=ScriptedPrompter(),
                        runner=TaskRunner(inline=True))
    qtbot.addWidget(window)
    window.show()
    assert window.open_workspace(demo_db, offer_demo=False)
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


def test_tabs_shown_again_show_what_other_tabs_saved(qtbot, tmp_path: Path, demo_db: Path):
    import datetime as dt

    window = MainWindow(Preferences(tmp_path / "prefs.ini"), prompter=ScriptedPrompter(),
                        runner=TaskRunner(inline=True))
    qtbot.addWidget(window)
    window.show()
    assert window.open_workspace(demo_db, offer_demo=False)
    window.tabs.setCurrentWidget(window.calendar_tab)
    calendar = window.calendar
    calendar.set_view("day")
    calendar.go_to(dt.date(2026, 11, 28))  # a Saturday: the demo plans nothing then
    before = calendar.visit_count()
    window.tabs.setCurrentWidget(window.customers)
    customer = window.workspace.customers.rows(0, 1)[0].id
    window.workspace.visits.plan(customer, start=dt.datetime(2026, 11, 28, 10))  # as the detail pane would
    window.tabs.setCurrentWidget(window.calendar_tab)
    assert calendar.visit_count() == before + 1
