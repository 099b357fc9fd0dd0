"""One customer's feedback in the log: Customer › Show feedback log, and the chip that removes the filter."""

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
