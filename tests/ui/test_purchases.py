"""Orders in the window: the list's revenue and last-order columns, sorting and the "no order for N days" filter,
the detail pane's figures line and Purchases section, Record order… from the menu, the pane and a visit's outcome,
edit, delete, undo and redo, and a colleague's save never overwritten.

Order dates are counted back from the day the test runs, so what the 12-month figures include never depends on it.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QMenu

from keepclient.domain.types import SORTABLE_COLUMNS
from keepclient.services.workspace import Workspace
from keepclient.ui import tasks
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.customers.order_dialog import OrderDialog
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from tests import small_team
from tests.ui.helpers import ScriptedPrompter, names

TODAY = dt.date.today()  # only ever used to count back: every date below is relative to it
REVENUE = SORTABLE_COLUMNS.index("revenue_12m")
LAST_ORDER = SORTABLE_COLUMNS.index("last_order")


pytestmark = pytest.mark.usefixtures("english_locale")  # money and dates as an English locale writes them


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, dict[str, int], dict[str, int]]:
    """The small team, with orders: Brown the biggest customer, Huaxin smaller, Zeng's last order long ago."""
    ws, ids, people = small_team.build(tmp_path / "team.db")
    days = dt.timedelta
    ws.orders.add(ids["brown"], date=TODAY - days(5), product="冷柜", amount_cents=900_000, order_no="SO-1")
    ws.orders.add(ids["huaxin"], date=TODAY - days(40), product="货架", amount_cents=120_000)
    ws.orders.add(ids["huaxin"], date=TODAY - days(100), product="货架", amount_cents=30_000)
    ws.orders.add(ids["zeng"], date=TODAY - days(200), product="纸箱", amount_cents=50_000)
    ws.close()
    return tmp_path / "team.db", ids, people


@pytest.fixture
def open_window(open_window):
    """The shared window factory, the window wide enough for the order columns."""
    return functools.partial(open_window, size=(1366, 768))


def select(window: MainWindow, customer_id: int) -> None:
    area = window.customers
    row = area.workspace.customers.position(customer_id, area.current_filter())
    assert row is not None
    area.list.paged.item(row)
    area.list.selectRow(row)
    assert area.detail.shown_id == customer_id


def cell(window: MainWindow, row: int, column: int) -> str:
    model = window.customers.list.model()
    return model.data(model.index(row, column))


def order_dialog(window: MainWindow) -> OrderDialog:
    dialog = window.customers.operations.dialog
    assert isinstance(dialog, OrderDialog)
    return dialog


def fill(dialog: OrderDialog, **texts: str) -> None:
    """Type into the dialog's fields as a user would (textEdited fires, so a typed amount stays typed)."""
    for key, text in texts.items():
        edit = getattr(dialog, key)
        edit.selectAll()
        edit.insert(text)


def shown_orders(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.customers.detail.purchases.model
    return [tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def test_revenue_and_last_order_columns_sort_biggest_first(open_window, shop, qtbot):
    db, _ids, _ = shop
    window, _ = open_window(db)
    view = window.customers.list
    header = view.horizontalHeader()
    assert view.model().headerData(REVENUE, Qt.Orientation.Horizontal) == "Revenue (12 mo)"
    view.scrollTo(view.model().index(0, REVENUE))
    x = header.sectionViewportPosition(REVENUE) + header.sectionSize(REVENUE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # one click: the biggest first
    qtbot.waitUntil(lambda: names(window)[0] == "Brown Foods Ltd")
    assert names(window)[:3] == ["Brown Foods Ltd", "上海华信贸易有限公司", "曾伟"]
    assert cell(window, 0, REVENUE) == "¥9,000.00"
    assert cell(window, 1, REVENUE) == "¥1,500.00"
    assert cell(window, 5, REVENUE) == ""  # never ordered
    five_days_ago = TODAY - dt.timedelta(days=5)
    assert cell(window, 0, LAST_ORDER) == QLocale().toString(five_days_ago, QLocale.FormatType.ShortFormat)
    header.setSortIndicator(LAST_ORDER, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: names(window)[:3] == ["Brown Foods Ltd", "上海华信贸易有限公司", "曾伟"])


def test_no_order_for_more_than_n_days_filter(open_window, shop, qtbot):
    db, _, _ = shop
    window, _ = open_window(db)
    combo = window.customers.filters.no_order
    combo.setCurrentIndex(combo.findData(90))
    assert combo.currentText() == "No order for more than 90 days"
    qtbot.waitUntil(lambda: window.customers.current_filter().no_order_days == 90)
    qtbot.waitUntil(lambda: sorted(names(window)) == sorted(["张伟", "Müller Maschinenbau GmbH", "曾伟", "单丽"]))
    combo.setCurrentIndex(combo.findData(30))
    qtbot.waitUntil(lambda: "上海华信贸易有限公司" in names(window))
    assert "Brown Foods Ltd" not in names(window)


def test_record_order_from_the_customer_menu_with_undo_and_redo(open_window, shop, qtbot):
    db, ids, people = shop
    window, _ = open_window(db)
    select(window, ids["zhangwei"])
    detail = window.customers.detail
    assert detail.figures.text() == "No orders yet."
    assert window.customer_actions["record_order"].shortcut().toString() == "Ctrl+R"
    before = dt.date.today()  # not TODAY: the module's day is stale when a run crosses midnight
    window.customer_actions["record_order"].trigger()
    dialog = order_dialog(window)
    assert dialog.salesperson.currentData() == people["li"]  # the customer's owner
    day = dialog.date.date().toPython()
    assert before <= day <= dt.date.today()  # today, the day the dialog opened on
    fill(dialog, product="冷柜", quantity="3", unit_price="1,234.50")
    assert dialog.amount.text() == "3,703.50"  # follows quantity × unit price
    fill(dialog, order_no="SO-77")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert shown_orders(window) == [(QLocale().toString(day, QLocale.FormatType.ShortFormat), "SO-77", "冷柜",
                                     "3", "¥3,703.50", "李娜")]
    assert detail.figures.text().startswith("Revenue (12 mo) ¥3,703.50 · 1 order · last order ")
    stack = window.customers.undo_stack
    assert stack.undoText() == "Record order"
    stack.undo()
    assert shown_orders(window) == [] and detail.figures.text() == "No orders yet."
    assert window.customers.workspace.orders.for_customer(ids["zhangwei"]) == []
    stack.redo()
    assert [o.order_no for o in window.customers.workspace.orders.for_customer(ids["zhangwei"])] == ["SO-77"]
    assert detail.figures.text().startswith("Revenue (12 mo) ¥3,703.50")


def test_pane_button_records_edits_and_deletes_with_undo(open_window, shop, qtbot):
    db, ids, people = shop
    window, prompter = open_window(db)
    select(window, ids["huaxin"])
    section = window.customers.detail.purchases
    assert [row[2] for row in shown_orders(window)] == ["货架", "货架"]
    assert window.customers.detail.figures.text().startswith("Revenue (12 mo) ¥1,500.00 · 2 orders · last order ")
    assert window.customers.detail.figures.text().endswith(" · every 60 days on average")
    qtbot.mouseClick(section.record_button, Qt.MouseButton.LeftButton)
    dialog = order_dialog(window)
    fill(dialog, product="托盘", quantity="2", unit_price="100", amount="¥1234.5")  # a typed amount wins
    dialog.salesperson.setCurrentIndex(dialog.salesperson.findData(people["li"]))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (new,) = [o for o in window.customers.workspace.orders.for_customer(ids["huaxin"]) if o.product == "托盘"]
    assert (new.amount_cents, new.unit_price_cents, new.quantity, new.salesperson) == (123_450, 10_000,
                                                                                       Decimal(2), "李娜")

    section.table.selectRow(0)  # newest first: today's order
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = order_dialog(window)
    assert (dialog.product.text(), dialog.amount.text()) == ("托盘", "1,234.50")
    fill(dialog, product="木托盘")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert shown_orders(window)[0][2] == "木托盘"
    stack = window.customers.undo_stack
    stack.undo()
    assert shown_orders(window)[0][2] == "托盘"
    stack.redo()
    assert shown_orders(window)[0][2] == "木托盘"

    section.table.selectRow(0)
    menu = section.context_actions(QMenu())
    assert [a.text() for a in menu.actions()] == ["Edit…", "Delete"]
    menu.actions()[1].trigger()
    assert [row[2] for row in shown_orders(window)] == ["货架", "货架"]
    assert window.customers.detail.figures.text().startswith("Revenue (12 mo) ¥1,500.00")
    stack.undo()
    assert shown_orders(window)[0][2] == "木托盘"
    assert prompter.kinds() == []


def test_unreadable_amount_keeps_the_dialog_open_with_the_field_marked(open_window, shop, qtbot):
    db, ids, _ = shop
    window, _ = open_window(db)
    select(window, ids["shan"])
    window.customer_actions["record_order"].trigger()
    dialog = order_dialog(window)
    fill(dialog, product="样品", amount="twelve")
    dialog.submit()
    assert dialog.isVisible() and "is not an amount" in dialog.message.text()
    assert dialog.amount.styleSheet()  # marked
    fill(dialog, amount="")
    dialog.submit()  # no amount and no unit price: nothing to count
    assert dialog.isVisible() and dialog.message.text() == "Enter the amount, or a unit price to multiply."
    fill(dialog, amount="1.5万")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.customers.workspace.orders.for_customer(ids["shan"])[0].amount_cents == 1_500_000


def test_a_colleagues_save_is_never_overwritten(open_window, shop, qtbot):
    db, ids, _ = shop
    window, prompter = open_window(db)
    select(window, ids["brown"])
    section = window.customers.detail.purchases
    section.table.selectRow(0)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = order_dialog(window)
    colleague = Workspace.open(db, user="colleague")
    order = colleague.orders.for_customer(ids["brown"])[0]
    colleague.orders.update(order.id, order.version, {"product": "他们的冷柜"})

    fill(dialog, product="我的冷柜")
    dialog.submit()
    assert dialog.isVisible() and "Someone else changed" in dialog.message.text()
    assert colleague.orders.get(order.id).product == "他们的冷柜"
    assert shown_orders(window)[0][2] == "他们的冷柜"  # the pane shows theirs
    dialog.reject()

    # Delete from a pane that still shows the order before the colleague's next save: refused, nothing lost.
    section.table.selectRow(0)
    theirs = colleague.orders.get(order.id)
    colleague.orders.update(order.id, theirs.version, {"notes": "加急"})
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert prompter.kinds() == ["error"] and "Someone else changed" in prompter.asked[-1][2]
    assert [o.product for o in colleague.orders.for_customer(ids["brown"])] == ["他们的冷柜"]

    # Undo of our own recorded order after the colleague changed it: refused, theirs kept.
    window.customer_actions["record_order"].trigger()
    dialog = order_dialog(window)
    fill(dialog, product="配件", amount="10")
    dialog.submit()
    mine = next(o for o in colleague.orders.for_customer(ids["brown"]) if o.product == "配件")
    colleague.orders.update(mine.id, mine.version, {"amount_cents": 2000})
    window.customers.undo_stack.undo()
    assert prompter.kinds()[-1] == "error"
    assert colleague.orders.get(mine.id).amount_cents == 2000
    assert [o.product for o in colleague.orders.for_customer(ids["brown"])] == ["配件", "他们的冷柜"]
    colleague.close()


def test_record_order_after_logging_a_visit_as_done(qtbot, shop, prefs: Preferences):
    db, ids, people = shop
    ws = Workspace.open(db, user="tester")
    day = dt.date(2030, 3, 5)  # the calendar's "today" is fixed; the order date is typed
    (visit_id,) = ws.visits.plan(ids["muller"], start=dt.datetime.combine(day, dt.time(10)), minutes=60)
    area = CalendarArea(prefs, ScriptedPrompter(), today=day)
    qtbot.addWidget(area)
    area.resize(1300, 820)
    area.show()
    area.show_workspace(ws)
    area.editing.log_outcome(ws.visits.get(visit_id))
    outcome = area.editing.dialog
    assert outcome.record_order.isEnabled()
    outcome.record_order.setChecked(True)
    outcome.accept()
    dialog = area.editing.dialog
    assert isinstance(dialog, OrderDialog) and dialog.isVisible()
    assert dialog.salesperson.currentData() == people["li"]
    dialog.date.setDate(TODAY - dt.timedelta(days=1))
    fill(dialog, product="Ersatzteile", quantity="4", unit_price="25")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (order,) = ws.orders.for_customer(ids["muller"])
    assert (order.product, order.amount_cents, order.date) == ("Ersatzteile", 10_000, TODAY - dt.timedelta(days=1))
    assert ws.customers.detail(ids["muller"]).orders_count == 1
    assert area.undo_stack.undoText() == "Record order"
    area.undo_stack.undo()
    assert ws.orders.for_customer(ids["muller"]) == []
    ws.close()


def test_no_order_offered_for_a_cancelled_visit(qtbot, shop, prefs: Preferences):
    db, ids, _ = shop
    ws = Workspace.open(db, user="tester")
    day = dt.date(2030, 3, 5)
    (visit_id,) = ws.visits.plan(ids["muller"], start=dt.datetime.combine(day, dt.time(10)), minutes=60)
    area = CalendarArea(prefs, ScriptedPrompter(), today=day)
    qtbot.addWidget(area)
    area.show()
    area.show_workspace(ws)
    area.editing.log_outcome(ws.visits.get(visit_id))
    outcome = area.editing.dialog
    outcome.record_order.setChecked(True)
    outcome.status.setCurrentIndex(outcome.status.findData("cancelled"))
    assert not outcome.record_order.isEnabled()
    outcome.accept()
    assert area.editing.dialog is outcome and not outcome.order_wanted
    ws.close()


def test_read_only_database_shows_orders_but_offers_no_change(open_window, shop, qtbot,
                                                              monkeypatch: pytest.MonkeyPatch):
    from keepclient.db import connection

    db, ids, _ = shop
    # As in test_storage_window: tests run as root, so the permission probe is told the file is read-only.
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, _ = open_window(db)
    assert window.workspace.read_only and not window.customer_actions["record_order"].isEnabled()
    window.customers.show_detail(ids["huaxin"])
    section = window.customers.detail.purchases
    section.table.selectRow(0)
    assert len(shown_orders(window)) == 2
    assert not any(b.isEnabled() for b in (section.record_button, section.edit_button, section.delete_button))
    window.customers._order_action("delete", section.selected_order())  # a menu or double-click: refused too
    assert len(window.workspace.orders.for_customer(ids["huaxin"])) == 2


def test_a_saved_view_keeps_the_no_order_filter_and_revenue_sort(open_window, shop, qtbot):
    db, _, _ = shop
    window, prompter = open_window(db)
    area = window.customers
    area.list.horizontalHeader().setSortIndicator(REVENUE, Qt.SortOrder.DescendingOrder)
    area.filters.no_order.setCurrentIndex(area.filters.no_order.findData(30))
    qtbot.waitUntil(lambda: area.current_filter().no_order_days == 30)
    prompter.answer_text = "Lapsed"
    area.save_view()
    area.apply_view(area.sidebar.views()[0])  # All customers
    qtbot.waitUntil(lambda: area.current_filter().no_order_days is None)
    area.apply_view(next(v for v in area.sidebar.views() if v.name == "Lapsed"))
    qtbot.waitUntil(lambda: area.current_filter().no_order_days == 30)
    assert area.current_filter().sort == "revenue_12m" and area.current_filter().descending
    qtbot.waitUntil(lambda: names(window)[0] == "上海华信贸易有限公司")


def test_opening_recounts_figures_counted_on_an_earlier_day(open_window, tmp_path: Path, qtbot):
    ws, ids, _ = small_team.build(tmp_path / "old.db")
    month_ago = TODAY - dt.timedelta(days=30)
    # Counted a month ago, the order was inside the 12 months; today it no longer is.
    ws.orders.add(ids["shan"], date=TODAY - dt.timedelta(days=380), amount_cents=70_000, today=month_ago)
    assert ws.customers.detail(ids["shan"]).revenue_12m_cents == 70_000
    ws.close()
    window, _ = open_window(tmp_path / "old.db")
    window.customers.show_detail(ids["shan"])
    assert window.customers.detail.figures.text().startswith("Revenue (12 mo) ¥0.00 · 1 order")
    assert window.workspace.customers.detail(ids["shan"]).revenue_12m_cents == 0



def test_the_days_recount_waits_while_a_search_is_typed_and_closing_cancels_it(open_window, tmp_path: Path, qtbot,
                                                                               monkeypatch):
    """The day's recount is background work: it waits until the typing pauses, and closing the window cancels it
    (the next opening counts again) instead of waiting for it."""
    monkeypatch.setattr(tasks, "QUIET_S", 0.5)
    ws, ids, _ = small_team.build(tmp_path / "old.db")
    month_ago = TODAY - dt.timedelta(days=30)
    ws.orders.add(ids["shan"], date=TODAY - dt.timedelta(days=380), amount_cents=70_000, today=month_ago)
    ws.close()

    def revenue() -> int:
        check = Workspace.open(tmp_path / "old.db", user="check")
        try:
            return check.customers.detail(ids["shan"]).revenue_12m_cents
        finally:
            check.close()

    def type_for(window: MainWindow, seconds: float) -> None:
        search = window.customers.filters.search
        for n in range(int(seconds / 0.1)):
            search.setText("shanghai"[:n % 8 + 1])
            qtbot.wait(100)

    window, _ = open_window(tmp_path / "old.db", runner=tasks.TaskRunner(), detail=False)
    type_for(window, 1.5)  # three pauses' worth, none of them a pause
    assert revenue() == 70_000
    window.close()  # cancelled while it waited: closing did not wait for it
    assert revenue() == 70_000

    window, _ = open_window(tmp_path / "old.db", runner=tasks.TaskRunner(), detail=False)
    type_for(window, 1.0)
    assert revenue() == 70_000
    qtbot.waitUntil(lambda: revenue() == 0, timeout=10_000)  # once the typing paused
