"""The Due panel on the demo database: the right customers for a salesperson and the team, counts, signals."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.due_panel import CUSTOMER, DUE, LOG, OWNER, PLAN, PLANNED, DuePanel
from keepclient.ui.calendar.outcome_dialog import OutcomeDialog
from keepclient.ui.settings import Preferences
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import shown

WEEK_END = DEMO_TODAY + dt.timedelta(days=6 - DEMO_TODAY.weekday())  # Sunday


def expected(ws: Workspace, owner_id: int | None) -> dict[str, set[int]]:
    """Who is due, worked out from the customer list itself (not from the Due panel's service)."""
    rows = ws.customers.rows(0, 100_000, CustomerFilter(owner_id=owner_id))
    due: dict[str, set[int]] = {"overdue": set(), "today": set(), "week": set()}
    for row in rows:
        day = row.next_follow_up
        if day is None or day > WEEK_END:
            continue
        due["overdue" if day < DEMO_TODAY else "today" if day == DEMO_TODAY else "week"].add(row.id)
    return due


@pytest.fixture
def make_panel(qtbot, workspace, prefs: Preferences):
    def make(code: str = "") -> DuePanel:
        prefs.salesperson_code = code
        panel = DuePanel(prefs=prefs, today=lambda: DEMO_TODAY)
        qtbot.addWidget(panel)
        panel.resize(1200, 700)
        panel.show()
        panel.show_workspace(workspace)
        return panel

    return make


def section_title(panel: DuePanel, key: str) -> str:
    return panel.section_item(key).text(0)


def test_the_whole_team_with_full_counts(make_panel, workspace):
    # A team fallen behind (the demo's keeps up): everyone due after this week is overdue, more than the list shows.
    with workspace.db.write() as pw:
        pw.execute_sql("UPDATE customer SET next_follow_up = ? WHERE next_follow_up > ?",
                       ((DEMO_TODAY - dt.timedelta(days=9)).isoformat(), WEEK_END.isoformat()))
    panel = make_panel()
    assert panel.team.isChecked() and panel.salesperson_id() is None and not panel.tree.isColumnHidden(OWNER)
    truth = expected(workspace, None)
    assert len(truth["overdue"]) > 200  # the list is capped: the rest is counted
    overdue = panel.customer_ids("overdue")
    assert len(overdue) == 200 and set(overdue) <= truth["overdue"]
    assert section_title(panel, "overdue") == f"Overdue ({len(truth['overdue'])})"
    section = panel.section_item("overdue")
    assert section.child(section.childCount() - 1).text(0) == f"… {len(truth['overdue']) - 200} more"
    for key in ("today", "week"):
        assert set(panel.customer_ids(key)) == truth[key] and truth[key]
        assert section_title(panel, key).endswith(f"({len(truth[key])})")
    due_days = [section.child(i).text(DUE) for i in range(3)]
    assert all("overdue" in text for text in due_days)
    assert panel.status.text().startswith(f"{len(truth['overdue'])} overdue")


def test_one_salesperson_remembered_as_me(make_panel, workspace):
    li = next(p for p in workspace.team.salespeople() if p.code == "S02")
    panel = make_panel("S02")
    assert panel.mine.isChecked() and panel.person.currentText() == li.name and panel.salesperson_id() == li.id
    assert panel.tree.isColumnHidden(OWNER)
    truth = expected(workspace, li.id)
    for key in ("overdue", "today", "week"):
        assert len(truth[key]) < 200
        assert set(panel.customer_ids(key)) == truth[key]
        assert section_title(panel, key).endswith(f"({len(truth[key])})")
    everyone = expected(workspace, None)
    assert len(truth["overdue"]) < len(everyone["overdue"])


def test_switching_scope(make_panel, workspace, qtbot):
    people = workspace.team.salespeople()
    panel = make_panel(people[0].code)
    assert panel.salesperson_id() == people[0].id
    panel.person.setFocus()
    qtbot.keyClick(panel.person, Qt.Key.Key_Down)  # the next salesperson
    assert panel.salesperson_id() == people[1].id
    assert set(panel.customer_ids("week")) == expected(workspace, people[1].id)["week"]
    panel.team.click()
    assert panel.salesperson_id() is None
    assert set(panel.customer_ids("week")) == expected(workspace, None)["week"]
    panel.set_salesperson(people[2].id)
    assert panel.mine.isChecked() and set(panel.customer_ids("today")) == expected(workspace, people[2].id)["today"]
    panel.set_salesperson(None)
    assert panel.team.isChecked()


def test_items_show_tier_phone_planned_and_birthdays(make_panel, workspace):
    panel = make_panel()
    due = workspace.visits.due(salesperson_id=None, today=DEMO_TODAY)
    planned = next(item for item in due.overdue if item.planned)
    row = panel.section_item("overdue").child(panel.customer_ids("overdue").index(planned.customer_id))
    assert (row.text(CUSTOMER), row.text(1), row.text(3)) == (planned.customer, planned.tier, planned.phone)
    assert row.text(PLANNED).startswith("✓ ") and row.text(PLAN) == "Plan" and row.text(LOG) == "Log"
    days = (DEMO_TODAY - planned.due).days
    assert f"{days} day(s) overdue" in row.text(DUE)
    for key, items in (("overdue", due.overdue), ("today", due.today), ("week", due.week)):
        rows = panel.section_item(key)
        assert [rows.child(i).text(PLANNED).startswith("✓ ") for i in range(len(items))] == [
            bool(i.planned) for i in items]
    birthdays = workspace.visits.care_days(DEMO_TODAY, WEEK_END + dt.timedelta(days=1))
    assert birthdays and panel.customer_ids("birthdays") == [c.customer_id for c in birthdays]
    with_year = next(c for c in birthdays if c.year)
    texts = [panel.section_item("birthdays").child(i).text(DUE) for i in range(len(birthdays))]
    assert f"turns {with_year.day.year - with_year.year}" in texts[birthdays.index(with_year)]


def click(qtbot, panel: DuePanel, item, column: int, double: bool = False) -> None:
    tree = panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    pos = rect.center()
    pos.setX(tree.header().sectionViewportPosition(column) + 8)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # what a real double-click delivers: a click, then the double-click press
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_one_click_plan_and_log_and_double_click_opens(make_panel, qtbot):
    panel = make_panel()
    item = panel.section_item("today").child(0)
    customer = item.data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(panel.open_customer) as opened:
        click(qtbot, panel, item, CUSTOMER, double=True)
    assert opened.args == [customer]
    pause = QApplication.doubleClickInterval() + 20  # separate clicks, not one double-click
    qtbot.wait(pause)
    with qtbot.waitSignal(panel.plan_requested) as plan:
        click(qtbot, panel, item, PLAN)
    assert plan.args == [customer]
    qtbot.wait(pause)
    with qtbot.waitSignal(panel.log_requested) as log:
        click(qtbot, panel, item, LOG)
    assert log.args == [customer]
    qtbot.wait(pause)
    with qtbot.assertNotEmitted(panel.plan_requested), qtbot.assertNotEmitted(panel.open_customer):
        click(qtbot, panel, panel.section_item("today"), PLAN)
        qtbot.wait(pause)
        click(qtbot, panel, panel.section_item("today"), CUSTOMER, double=True)


def test_keys_and_buttons_act_on_the_selected_row_before_window_shortcuts(make_panel, qtbot):
    panel = make_panel()
    window = QMainWindow()  # a window whose menu also has Ctrl+L (the customers' "Log call or visit")
    qtbot.addWidget(window)
    fired = []
    action = QAction("Log", window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    window.setCentralWidget(panel)
    window.show()
    assert not panel.plan_button.isEnabled()  # nothing selected yet
    item = panel.section_item("week").child(1)
    customer = item.data(0, Qt.ItemDataRole.UserRole)
    panel.tree.setCurrentItem(item)
    panel.tree.setFocus()
    assert panel.plan_button.isEnabled()
    with qtbot.waitSignal(panel.plan_requested) as plan:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert plan.args == [customer]
    with qtbot.waitSignal(panel.log_requested) as log:
        qtbot.keyClick(panel.tree, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert log.args == [customer] and fired == []
    with qtbot.waitSignal(panel.log_requested) as log:
        panel.log_button.click()
    assert log.args == [customer]


def test_refresh_shows_the_planned_marker_going(make_panel, workspace):
    panel = make_panel()
    customer = panel.customer_ids("week")[0]
    row = panel.section_item("week").child(0)
    assert row.text(PLANNED).startswith("✓ ")
    start = dt.datetime.combine(DEMO_TODAY, dt.time())
    for visit in workspace.visits.between(start, start + dt.timedelta(days=60)):
        if visit.customer_id == customer and visit.status == "planned":
            workspace.visits.delete(visit.id, version=visit.version)
    panel.tree.setCurrentItem(row)
    panel.refresh()
    assert panel.customer_ids("week")[0] == customer and panel.current_customer() == customer  # kept selected
    assert panel.section_item("week").child(0).text(PLANNED) == ""


def test_refresh_after_logging_a_contact(make_panel, workspace, qtbot):
    panel = make_panel()
    customer = panel.customer_ids("today")[0]
    before = len(panel.customer_ids("today"))
    eleven = dt.datetime.combine(DEMO_TODAY, dt.time(11))
    dialog = shown(qtbot, OutcomeDialog(workspace, customer_id=customer, now=eleven))
    assert dialog.next_follow_up.value() > WEEK_END  # the next contact falls after this week
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert customer in panel.customer_ids("today")  # not yet refreshed
    panel.refresh()
    assert customer not in panel.customer_ids("today") and len(panel.customer_ids("today")) == before - 1
    assert all(customer not in panel.customer_ids(key) for key in ("overdue", "week"))


def test_an_empty_panel_without_a_workspace(qtbot):
    panel = DuePanel(today=lambda: DEMO_TODAY)
    qtbot.addWidget(panel)
    panel.show_workspace(None)
    assert panel.tree.topLevelItemCount() == 0 and not panel.mine.isEnabled() and not panel.plan_button.isEnabled()
