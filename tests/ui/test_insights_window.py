"""Value and churn risk in the window, on data entered through the services: the Risk column with its reasons,
the computed At risk view, the detail pane's "Value and risk" box, and the tier review applied and undone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from keepclient.db.models import Customer
from keepclient.domain.types import SORTABLE_COLUMNS
from keepclient.services.workspace import Workspace
from tests.ui.helpers import names

RISK = SORTABLE_COLUMNS.index("risk")


def drifting_brown(path: Path, ids: dict[str, int]) -> None:
    """Brown Foods: last visited 200 days ago, two complaints unanswered for two months; the team's threshold 40."""
    ws = Workspace.open(path, user="tester")
    now = dt.datetime.now().replace(microsecond=0)
    ws.activity.log_contact(ids["brown"], kind="visit", when=now - dt.timedelta(days=200), outcome="Routine")
    for text in ("Late delivery", "Wrong invoice"):
        ws.feedback.create(ids["brown"], description=text, severity="high", received_at=now - dt.timedelta(days=60))
    ws.insights.set_settings({"at_risk_threshold": 40})
    ws.insights.recompute()
    ws.close()


def test_risk_column_reasons_at_risk_view_and_pane(open_window, team_db, qtbot):
    path, ids, _people = team_db
    drifting_brown(path, ids)
    window, _ = open_window(path)
    area = window.customers
    model = area.list.paged
    brown_row = names(window).index("Brown Foods Ltd")
    risk = model.data(model.index(brown_row, RISK))
    assert isinstance(risk, int) and risk >= 40
    tip = model.data(model.index(brown_row, RISK), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Risk {risk} of 100:")
    assert "2 complaints open, 2 overdue" in tip and "no visit for 200 days" in tip
    steady_row = names(window).index("单丽")
    assert model.data(model.index(steady_row, RISK), Qt.ItemDataRole.ToolTipRole) is None  # nothing to say

    area.sidebar.select("At risk")
    qtbot.waitUntil(lambda: area.current_filter().min_risk == 40)
    assert area.current_filter().sort == "risk" and area.current_filter().descending
    assert names(window) == ["Brown Foods Ltd"]
    area.list.selectRow(0)
    qtbot.waitUntil(lambda: area.detail.shown_id == ids["brown"])
    text = area.detail.value.risk.text()
    assert text.startswith(f"Churn risk {risk} of 100: at risk")
    assert text.endswith("Next step: Plan a visit")  # the biggest reason: no visit for 200 days, due every 7
    assert area.detail.value.value.text() == "RFM: no orders yet."


def test_tier_review_applies_the_ticked_suggestions_as_one_undo_step(open_window, team_db, qtbot):
    path, ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    day = dt.date.today() - dt.timedelta(days=10)
    ws.orders.add(ids["muller"], date=day, product="Pumps", quantity=1, unit_price_cents=900_000)  # C, 90% of revenue
    ws.orders.add(ids["zhangwei"], date=day, product="Tea", quantity=1, unit_price_cents=100_000)  # A, 10%
    ws.insights.recompute()
    ws.insights.pin_tier(ids["zhangwei"], ws.customers.detail(ids["zhangwei"]).version)  # A, set by hand
    ws.close()
    window, _ = open_window(path)
    window.customer_actions["review_tiers"].trigger()
    dialog = window.customers.operations.dialog
    shown = {row["name"]: (row["tier"], row["suggested_tier"]) for row in dialog.rows}
    assert shown["Müller Maschinenbau GmbH"] == ("C", "A")
    assert shown["Brown Foods Ltd"] == ("A", "C")  # no orders: C
    assert "张伟" not in [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]  # pinned
    dialog.pinned.setChecked(True)  # Also list tiers set by hand
    listed = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    zhangwei = listed.index("张伟")
    assert dialog.table.item(zhangwei, 0).checkState() == Qt.CheckState.Unchecked  # a pinned one is not ticked
    shown = {row["name"]: (row["tier"], row["suggested_tier"]) for row in dialog.rows}
    assert shown["张伟"] == ("A", "B")  # 10% of revenue, after Müller's 90%: the next 15%
    dialog.table.item(zhangwei, 0).setCheckState(Qt.CheckState.Checked)  # move it all the same
    assert dialog.findChild(type(dialog.tabs.widget(1)), "paretoChart") is not None
    brown = listed.index("Brown Foods Ltd")
    dialog.table.item(brown, 0).setCheckState(Qt.CheckState.Unchecked)  # keep Brown as it is
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.accepted.emit()
    workspace = window.workspace

    def tier(name: str) -> tuple[str, bool]:
        return (workspace.customers.detail(ids[name]).values["tier"], workspace.insights.pins([ids[name]])[ids[name]])

    assert (tier("muller"), tier("brown"), tier("zhangwei")) == (("A", False), ("A", False), ("B", False))
    window.customer_actions["undo"].trigger()
    assert (tier("muller"), tier("zhangwei")) == (("C", False), ("A", True))  # set by hand again
    window.customer_actions["redo"].trigger()
    assert (tier("muller"), tier("zhangwei")) == (("A", False), ("B", False))


def test_marking_a_customer_lost_asks_why_and_the_win_back_view_lists_it(open_window, team_db, qtbot):
    path, ids, _people = team_db
    window, prompter = open_window(path)
    area = window.customers
    area.list.selectRow(names(window).index("Brown Foods Ltd"))
    stage = area.detail.form.widgets["stage"]
    stage.setCurrentIndex(stage.findData("lost"))
    prompter.choices = [None]  # "why?" cancelled: nothing is saved, the edit stays on screen
    assert not area.save()
    assert window.workspace.customers.detail(ids["brown"]).values["stage"] != "lost" and area.detail.is_dirty()
    prompter.choices = [1]  # went to a competitor
    assert area.save()
    saved = window.workspace.customers.detail(ids["brown"])
    assert saved.values["stage"] == "lost" and saved.lost_reason == "competitor"
    assert area.detail.value.lost.text() == "Lost: Went to a competitor"
    assert [kind for kind, title, _text in prompter.asked if title == "Customer lost"] == ["choice", "choice"]
    area.sidebar.select("Win back")
    qtbot.waitUntil(lambda: area.current_filter().stages == ("lost",))
    assert names(window) == ["Brown Foods Ltd"]


def test_the_status_bar_counts_customers_newly_at_risk_since_the_last_look(open_window, team_db, qtbot):
    path, ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    ws.insights.set_settings({"at_risk_threshold": 40})
    ws.close()
    window, _ = open_window(path)
    button = window.newly_at_risk
    assert button.isHidden()  # the first look: what is at risk now counts as seen
    window.check_for_colleagues()  # the write counter as of now
    drifting_brown(path, ids)  # a colleague's saves push Brown over the threshold
    window.check_for_colleagues()
    qtbot.waitUntil(button.isVisible)
    assert button.text() == "1 customer(s) newly at risk"
    button.click()
    assert window.tabs.currentWidget() is window.customers and button.isHidden()
    qtbot.waitUntil(lambda: window.customers.current_filter().min_risk == 40)
    assert names(window) == ["Brown Foods Ltd"]
    window.check_for_colleagues()
    assert button.isHidden()  # seen: no longer new


def test_stage_review_suggests_at_risk_and_applies_it_as_one_undo_step(open_window, team_db, qtbot):
    path, ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    ws.editor.update(ids["brown"], ws.customers.detail(ids["brown"]).version, {"stage": "active"})
    ws.close()
    drifting_brown(path, ids)  # risk over the team's threshold of 40
    window, _ = open_window(path)
    window.customer_actions["review_stages"].trigger()
    dialog = window.customers.operations.dialog
    assert [(s.name, s.stage, s.suggested) for s in dialog.suggestions] == [("Brown Foods Ltd", "active", "at_risk")]
    assert dialog.table.item(0, 5).text() == "Active → At risk"
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.accepted.emit()
    workspace = window.workspace
    assert workspace.customers.detail(ids["brown"]).values["stage"] == "at_risk"
    window.customer_actions["undo"].trigger()
    assert workspace.customers.detail(ids["brown"]).values["stage"] == "active"


def test_a_review_never_overwrites_a_colleagues_change_made_meanwhile(open_window, team_db, qtbot):
    path, ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    ws.orders.add(ids["muller"], date=dt.date.today() - dt.timedelta(days=10), product="Pumps", quantity=1,
                  unit_price_cents=900_000)
    ws.insights.recompute()
    ws.close()
    window, _ = open_window(path)
    window.customer_actions["review_tiers"].trigger()
    dialog = window.customers.operations.dialog
    colleague = Workspace.open(path, user="colleague")
    colleague.editor.update(ids["muller"], colleague.customers.detail(ids["muller"]).version, {"tier": "B"})
    colleague.close()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "Someone changed some of these customers" in dialog.message.text()
    assert window.workspace.customers.detail(ids["muller"]).values["tier"] == "B"  # theirs, untouched
    assert not window.customers.undo_stack.canUndo()
    assert "Müller Maschinenbau GmbH" not in [row["name"] for row in dialog.rows]  # theirs is pinned now


def colleague_finds_at_risk(path: Path, *customer_ids: int) -> None:
    """A colleague's recompute pushed these customers over the threshold (risk 90 of 100, the stored figure written
    as the recompute writes it: no day of the calendar involved)."""
    ws = Workspace.open(path, user="colleague")
    with ws.db.write():
        Customer.update(risk_score=90).where(Customer.id.in_(customer_ids)).execute()
    ws.close()


def test_the_due_panel_counts_newly_at_risk_with_the_status_bars_seen_state(open_window, team_db, prefs, qtbot):
    path, ids, people = team_db
    prefs.salesperson_code = "S02"  # I am 王建国: Brown, 华信 and 曾伟 are mine, Müller is 李娜's
    window, _ = open_window(path)
    status = window.newly_at_risk
    window.tabs.setCurrentWidget(window.calendar_tab)
    due = window.calendar.due
    line = due.newly_at_risk
    assert due.salesperson_id() == people["wang"] and line.isHidden() and status.isHidden()  # the first look
    window.check_for_colleagues()  # the write counter as of now
    colleague_finds_at_risk(path, ids["brown"], ids["muller"])
    window.check_for_colleagues()
    assert not line.isHidden() and line.text() == "1 of my customers newly at risk"
    assert not status.isHidden() and status.text() == "1 of my customers newly at risk"
    due.team.setChecked(True)
    assert not line.isHidden() and line.text() == "2 customer(s) newly at risk"
    due.mine.setChecked(True)

    line.click()  # mine looked at: gone here and in the status bar
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().min_risk == 50)
    assert window.customers.filters.is_my_customers() and names(window) == ["Brown Foods Ltd"]
    assert line.isHidden() and status.isHidden()
    window.check_for_colleagues()
    assert line.isHidden() and status.isHidden()  # seen: no longer new

    colleague_finds_at_risk(path, ids["zeng"])  # one more of mine: the status bar's click hides the panel's line
    window.check_for_colleagues()
    assert not line.isHidden() and line.text() == "1 of my customers newly at risk" and not status.isHidden()
    status.click()
    assert line.isHidden() and status.isHidden()

    window.tabs.setCurrentWidget(window.calendar_tab)
    li = due.person.findData(people["li"])
    due.person.setCurrentIndex(li)
    due.person.activated.emit(li)  # the panel shows 李娜's follow-ups
    assert not line.isHidden() and line.text() == "1 of 李娜's customers newly at risk"  # Müller: not looked at yet
    line.click()
    qtbot.waitUntil(lambda: window.customers.current_filter().owner_id == people["li"])
    assert names(window) == ["Müller Maschinenbau GmbH"]
    due.team.setChecked(True)
    assert line.isHidden() and status.isHidden()  # the team's: all seen now


def test_the_win_back_view_lists_lost_customers_by_lifetime_value(open_window, team_db, qtbot):
    path, ids, _people = team_db
    ws = Workspace.open(path, user="tester")
    for key in ("brown", "huaxin", "muller", "zeng"):
        ws.insights.mark_lost(ids[key], ws.customers.detail(ids[key]).version, "price", today=dt.date(2026, 3, 2))
    ws.close()
    window, _ = open_window(path)  # its own recompute of the day is done (inline) once it shows
    window.check_for_colleagues()  # the write counter as of now
    ltv = {"brown": 500_000, "huaxin": 800_000, "muller": 2_000_000, "zeng": None, "shan": 9_000_000}
    colleague = Workspace.open(path, user="colleague")
    with colleague.db.write():  # a colleague's recompute: the estimates as stored (the arithmetic: tests/unit)
        for key, cents in ltv.items():
            Customer.update(ltv_cents=cents).where(Customer.id == ids[key]).execute()
    colleague.close()
    window.check_for_colleagues()
    area = window.customers
    columns = area.list.model().columnCount()
    area.sidebar.select("Win back")
    qtbot.waitUntil(lambda: area.current_filter().stages == ("lost",))
    assert area.current_filter().sort == "ltv" and area.current_filter().descending
    # highest lifetime value first, no estimate last; 单丽 is worth most but not lost
    assert names(window) == ["Müller Maschinenbau GmbH", "上海华信贸易有限公司", "Brown Foods Ltd", "曾伟"]
    assert area.list.model().columnCount() == columns  # no column of its own: the header shows no sort indicator
    assert area.list.horizontalHeader().sortIndicatorSection() == -1
    assert "lifetime value" in area.sidebar.list.currentItem().toolTip()
    area.list.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # a header click sorts again
    qtbot.waitUntil(lambda: area.current_filter().sort == "name")
    assert names(window)[0] == "Brown Foods Ltd"
