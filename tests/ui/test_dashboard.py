"""The Dashboard tab on the KPI tests' hand-built team (tests/unit/services/test_kpis.py: March 2027, "today" 10 April
2027): the numbers, the period and scope choosers, my row, sorting, click-through, the charts, counting off the UI
thread with stale results dropped, and a read-only database."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from keepclient.db import connection
from keepclient.ui.dashboard.area import DashboardArea
from keepclient.ui.dashboard.definitions import AT_RISK
from keepclient.ui.dashboard.periods import CUSTOM, MONTH
from keepclient.ui.dashboard.table_model import COLUMNS, SORT_ROLE
from keepclient.ui.tasks import Task
from tests.ui.helpers import names
from tests.unit.services.test_kpis import END, START, TODAY, build_team

pytestmark = pytest.mark.usefixtures("english_locale")


@pytest.fixture(scope="module")
def team_template(tmp_path_factory) -> tuple[Path, dict[str, int], dict[str, int]]:
    """The team history once per module, with stored risk scores: 华信 80 and Brown 60 (李娜's), 曾伟 70 (王强's)."""
    path = tmp_path_factory.mktemp("dashboard") / "team.db"
    ws, people, ids = build_team(path)
    ws.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE customer SET risk_score = 0")
        for key, score in (("huaxin", 80), ("brown", 60), ("zeng", 70)):
            conn.execute("UPDATE customer SET risk_score = ? WHERE id = ?", (score, ids[key]))
    conn.close()
    return path, people, ids


@pytest.fixture
def team(tmp_path: Path, team_template):
    path, people, ids = team_template
    copy = tmp_path / "team.db"
    shutil.copyfile(path, copy)
    return copy, people, ids


def dashboard(window, qtbot) -> DashboardArea:
    """The window's Dashboard tab, its today 10 April 2027, showing March 2027."""
    area = window.dashboard
    area.today = lambda: TODAY
    window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: area.data is not None)
    area.period.set_period(CUSTOM, START, END)
    qtbot.waitUntil(lambda: not area.counting and area.data is not None and area.data.report.start == START)
    return area


def column(key: str) -> int:
    return COLUMNS.index(key)


def cell(area: DashboardArea, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return area.model.data(area.model.index(row, column(key)), role)


def shown_rows(area: DashboardArea) -> list[str]:
    return [cell(area, row, "name") for row in range(area.model.rowCount())]


def test_the_table_shows_each_salespersons_kpis_and_the_team_total(open_window, team, qtbot):
    path, _people, _ids = team
    window, _prompter = open_window(path, detail=False)
    assert window.tabs.tabText(window.tabs.indexOf(window.dashboard_tab)) == "&Dashboard"
    area = dashboard(window, qtbot)
    assert shown_rows(area) == ["李娜", "王强", "赵六 (inactive)", "Whole team"]
    assert [cell(area, 0, key) for key in ("visits_planned", "visits_done", "follow_up_on_time", "overdue_now",
                                           "a_coverage", "response_median", "satisfaction", "retention")] == [
        "3", "2 (20%)", "50%", "3", "50%", "15.0 h", "4.00", "50%"]
    assert cell(area, 0, "revenue") == "¥1,700.00 (17%)"
    assert cell(area, 0, "average_order_value") == "¥850.00"
    assert cell(area, 1, "visits_missed") == "1" and cell(area, 1, "response_median") == "–"
    assert cell(area, 1, "a_coverage") == "–"  # no A customers: nothing to count, not 0 %
    assert [cell(area, row, AT_RISK) for row in range(4)] == ["2", "1", "0", "3"]
    assert cell(area, 3, "revenue") == "¥2,150.00 (17.1%)" and cell(area, 3, "visits_planned") == "5"
    tip = cell(area, 0, "follow_up_on_time", Qt.ItemDataRole.ToolTipRole)
    assert "Follow-up on time" in tip and "follow-up interval" in tip and "Counted: 2 of 4" in tip
    assert "median of 2 items, target 24 h" in cell(area, 0, "response_median", Qt.ItemDataRole.ToolTipRole)
    assert "Double-click" in cell(area, 0, "overdue_now", Qt.ItemDataRole.ToolTipRole)
    header_tip = area.model.headerData(column("retention"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "ordered again" in header_tip
    assert "10/1/27" not in area.status.text() and "3/31/27" in area.status.text()


def test_a_period_change_counts_again(open_window, team, qtbot):
    window, _prompter = open_window(team[0], detail=False)
    area = dashboard(window, qtbot)
    assert cell(area, 0, "visits_planned") == "3"
    area.period.set_period(MONTH)  # 1-10 April 2027: nothing planned yet
    qtbot.waitUntil(lambda: area.data.report.start.month == 4)
    assert area.period.period() == (TODAY.replace(day=1), TODAY)
    assert area.period.start.date().toPython() == TODAY.replace(day=1)
    assert cell(area, 0, "visits_planned") == "0" and cell(area, 0, "overdue_now") == "3"
    area.period.end.setDate(END.replace(month=4, day=30))  # a typed date: the period becomes custom
    assert area.period.choice.currentData() == CUSTOM
    qtbot.waitUntil(lambda: area.data.report.end.day == 30)


def test_chosen_salespeople_and_sorting_keep_the_total_last(open_window, team, qtbot):
    window, _prompter = open_window(team[0], detail=False)
    area = dashboard(window, qtbot)
    area.table.sortByColumn(column("revenue"), Qt.SortOrder.DescendingOrder)
    assert shown_rows(area) == ["李娜", "王强", "赵六 (inactive)", "Whole team"]
    area.table.sortByColumn(column("revenue"), Qt.SortOrder.AscendingOrder)
    assert shown_rows(area) == ["赵六 (inactive)", "王强", "李娜", "Whole team"]
    assert [cell(area, r, "revenue", SORT_ROLE) for r in range(3)] == [0, 45_000, 170_000]
    people = team[1]
    area.scope.choose([people["wang"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 1)
    assert shown_rows(area) == ["王强", "Total"] and area.scope.text() == "王强"
    assert cell(area, 1, "revenue") == "¥450.00 (28.1%)"
    assert area.model.request_at(area.model.index(1, column(AT_RISK))) is None  # no single owner's list


def test_my_row_is_highlighted(open_window, team, qtbot):
    window, _prompter = open_window(team[0], detail=False)
    area = dashboard(window, qtbot)
    assert cell(area, 1, "name", Qt.ItemDataRole.BackgroundRole) is None
    code = next(p.code for p in window.workspace.team.salespeople() if p.name == "王强")
    window.set_me(code)  # View › I am…
    assert area.me == team[1]["wang"]
    assert cell(area, 1, "name") == "王强 (me)"
    assert cell(area, 1, "revenue", Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(area, 1, "revenue", Qt.ItemDataRole.FontRole).bold()
    assert cell(area, 0, "revenue", Qt.ItemDataRole.BackgroundRole) is None


def test_double_clicks_open_the_lists_behind_the_numbers(open_window, team, qtbot):
    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.table.doubleClicked.emit(area.model.index(0, column(AT_RISK)))  # 李娜's 2 customers at risk
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: names(window) == ["上海华信贸易有限公司", "Brown Foods Ltd"])  # riskiest first
    assert window.customers.current_filter().owner_id == people["li"]

    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(0, column("overdue_now")))
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().follow_up == "overdue")  # the filter bar's debounce
    flt = window.customers.current_filter()
    assert (flt.owner_id, flt.min_risk) == (people["li"], None)  # (overdue as of the real today: none in 2027)
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(0, column("a_coverage")))
    qtbot.waitUntil(lambda: window.customers.current_filter().tiers == ("A",))
    assert window.customers.current_filter().owner_id == people["li"]
    qtbot.waitUntil(lambda: sorted(names(window)) == ["Brown Foods Ltd", "上海华信贸易有限公司"])

    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(0, column("response_median")))  # the feedback behind it
    assert window.tabs.currentWidget() is window.feedback_tab
    flt = window.feedback.current_filter()
    assert (flt.owner_id, flt.received_from, flt.received_to) == (people["li"], START, END)
    qtbot.waitUntil(lambda: window.feedback.paged.rowCount() == 2)


def test_visit_figures_open_the_calendars_agenda_of_the_period(open_window, team, qtbot):
    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    assert "Calendar's agenda" in cell(area, 0, "visits_done", Qt.ItemDataRole.ToolTipRole)
    area.table.doubleClicked.emit(area.model.index(0, column("visits_done")))  # 李娜's: 3 planned in March
    assert window.tabs.currentWidget() is window.calendar_tab
    calendar = window.calendar
    assert calendar.view == "agenda" and calendar.people.chosen() == [people["li"]]
    assert calendar.range == (START, END + dt.timedelta(days=1))
    assert "3/1/27" in calendar.period.text() and "3/31/27" in calendar.period.text()
    agenda = calendar.agenda.agenda
    statuses = [agenda.data(agenda.index(row, 6)) for row in range(agenda.rowCount())]
    assert statuses == ["Done", "Done", "Planned"]  # each visit's status in its column

    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(1, column("visits_missed")))  # 王强's missed and cancelled
    assert calendar.people.chosen() == [people["wang"]]
    assert sorted(agenda.data(agenda.index(row, 6)) for row in range(agenda.rowCount())) == ["Cancelled", "Missed"]
    calendar.go(1)  # moving on: whole weeks again
    assert calendar.range[1] - calendar.range[0] == dt.timedelta(days=7)

    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(3, column("visits_planned")))  # the whole team's
    assert calendar.people.chosen() is None and calendar.visit_count() == 5
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(2, column("visits_planned")))  # 赵六: deactivated, not offered
    assert window.tabs.currentWidget() is window.dashboard_tab


@pytest.mark.parametrize(("key", "row", "by_owner", "sort", "shown", "caption"), [
    ("new_customers", 0, True, ("name", False), ["新客户"], "New customers of 李娜, 3/1/27 – 3/31/27"),
    ("new_customers", 3, True, ("name", False), ["新客户"], "New customers of the whole team, 3/1/27 – 3/31/27"),
    ("lost_customers", 2, True, ("name", False), ["单丽"], "Customers of 赵六 set to Lost, 3/1/27 – 3/31/27"),
    # revenue: the lines' salesperson, else the customer's owner: 王强's 50.00 line of 李娜's 张伟 is his
    ("revenue", 0, False, ("revenue_12m", True), ["上海华信贸易有限公司", "张伟"], "Customers behind the revenue"),
    ("revenue", 1, False, ("revenue_12m", True), ["曾伟", "张伟"], "Customers behind the revenue of 王强"),
    ("average_order_value", 0, False, ("revenue_12m", True), ["上海华信贸易有限公司", "张伟"], "12-month revenue"),
    ("retention", 0, True, ("last_order", True), ["上海华信贸易有限公司"], "Retained customers of 李娜"),
    ("follow_up_on_time", 0, True, ("next_follow_up", False), ["新客户", "张伟"], "within their follow-up"),
])
def test_customer_figures_open_exactly_the_customers_counted(open_window, team, qtbot, key, row, by_owner, sort,
                                                             shown, caption):
    path, _people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    owner = area.model.row_of(row).salesperson_id
    assert "Double-click: lists" in cell(area, row, key, Qt.ItemDataRole.ToolTipRole)
    assert "closest" not in cell(area, row, key, Qt.ItemDataRole.ToolTipRole)
    area.table.doubleClicked.emit(area.model.index(row, column(key)))
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().ids is not None)
    flt = window.customers.current_filter()
    assert flt.owner_id == (owner if by_owner else None) and (flt.sort, flt.descending) == sort
    assert caption in flt.caption
    qtbot.waitUntil(lambda: names(window) == shown)  # in the list's order
    bar = window.customers.filters
    assert bar.limit.isVisible() and caption in bar.limit_label.text()


def test_an_exact_list_combines_with_search_and_sort_and_clears_like_a_filter(open_window, team, qtbot):
    path, people, ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.table.doubleClicked.emit(area.model.index(0, column("follow_up_on_time")))  # 李娜's: 新客户 and 张伟
    customers = window.customers
    qtbot.waitUntil(lambda: names(window) == ["新客户", "张伟"])
    assert sorted(customers.current_filter().ids) == sorted([ids["new"], ids["zhang"]])
    customers.filters.search.setText("张")  # the search applies among them
    qtbot.waitUntil(lambda: names(window) == ["张伟"])
    customers.filters.search.clear()
    customers.list.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # by name, the other way
    qtbot.waitUntil(lambda: names(window) == ["张伟", "新客户"])
    assert customers.current_filter().ids is not None
    customers.filters.clear_limit.click()  # back to every customer of 李娜
    qtbot.waitUntil(lambda: customers.current_filter().ids is None)
    assert not customers.filters.limit.isVisible() and customers.current_filter().caption == ""
    assert customers.current_filter().owner_id == people["li"]
    qtbot.waitUntil(lambda: sorted(names(window)) == sorted(["Brown Foods Ltd", "上海华信贸易有限公司", "新客户",
                                                             "张伟"]))
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.doubleClicked.emit(area.model.index(0, column("new_customers")))
    qtbot.waitUntil(lambda: names(window) == ["新客户"])
    customers.sidebar.select("All customers")  # another view: no limit
    qtbot.waitUntil(lambda: len(names(window)) == 6)
    assert customers.current_filter().ids is None and not customers.filters.limit.isVisible()


def test_enter_on_a_cell_opens_its_list(open_window, team, qtbot):
    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.table.setFocus()
    area.table.setCurrentIndex(area.model.index(0, column("overdue_now")))
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().follow_up == "overdue")
    assert window.customers.current_filter().owner_id == people["li"]
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.table.setCurrentIndex(area.model.index(0, column("name")))  # no list behind a name: nothing happens
    qtbot.keyClick(area.table, Qt.Key.Key_Enter)
    assert window.tabs.currentWidget() is window.dashboard_tab


def test_the_charts_show_each_salesperson_and_the_targets(open_window, team, qtbot):
    window, _prompter = open_window(team[0], detail=False)
    area = dashboard(window, qtbot)
    assert set(area.chart_views) == {"visitsChart", "revenueChart", "paretoChart", "atRiskChart", "satisfactionChart",
                                     "responseChart"}
    from PySide6.QtCharts import QBarSeries, QLineSeries

    for name in ("visitsChart", "revenueChart"):
        chart = area.chart_views[name].chart()
        bars = [s for s in chart.series() if isinstance(s, QBarSeries)]
        lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
        assert len(bars) == 1 and bars[0].count() == 3  # one bar set per salesperson
        assert len(lines) == 1  # the average target
    visits = next(s for s in area.chart_views["visitsChart"].chart().series() if isinstance(s, QBarSeries))
    assert [s.label() for s in visits.barSets()] == ["李娜", "王强", "赵六"]
    assert [visits.barSets()[0].at(0), visits.barSets()[1].at(0)] == [2, 0]
    at_risk = next(s for s in area.chart_views["atRiskChart"].chart().series() if isinstance(s, QBarSeries))
    assert [at_risk.barSets()[0].at(i) for i in range(3)] == [2, 1, 0]
    response = area.chart_views["responseChart"].chart().series()
    assert len(response) == 2  # medians and the 24 h target
    assert area.findChild(type(area.chart_views["paretoChart"]), "paretoChart") is not None
    at_risk.barSets()[0].clicked.emit(1)  # 王强's bar: his customers at risk
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: names(window) == ["曾伟"])


def test_a_bar_of_the_monthly_and_response_charts_lists_what_is_behind_it(open_window, team, qtbot):
    """A monthly bar: that salesperson's visits in the Calendar's agenda, or the customers behind their revenue, of
    that month; a response bar: the feedback that salesperson received in the period."""
    from PySide6.QtCharts import QBarSeries

    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)

    def bars(name: str):
        return next(s for s in area.chart_views[name].chart().series() if isinstance(s, QBarSeries)).barSets()

    assert "visits of that month" in area.chart_views["visitsChart"].toolTip()
    bars("visitsChart")[0].clicked.emit(0)  # 李娜's March: 3 visits
    assert window.tabs.currentWidget() is window.calendar_tab
    calendar = window.calendar
    assert calendar.view == "agenda" and calendar.people.chosen() == [people["li"]]
    assert calendar.range == (START, END + dt.timedelta(days=1))
    assert calendar.agenda.agenda.rowCount() == 3

    window.tabs.setCurrentWidget(window.dashboard_tab)
    bars("revenueChart")[1].clicked.emit(0)  # 王强's March revenue: his lines, on 曾伟 and 李娜's 张伟
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().ids is not None)
    assert "Customers behind the revenue of 王强" in window.customers.current_filter().caption
    qtbot.waitUntil(lambda: names(window) == ["曾伟", "张伟"])

    window.tabs.setCurrentWidget(window.dashboard_tab)
    bars("responseChart")[0].clicked.emit(0)  # 李娜's first responses
    assert window.tabs.currentWidget() is window.feedback_tab
    flt = window.feedback.current_filter()
    assert (flt.owner_id, flt.received_from, flt.received_to) == (people["li"], START, END)
    qtbot.waitUntil(lambda: window.feedback.paged.rowCount() == 2)


def test_the_tallest_bar_is_a_months_sum_when_stacked_and_its_largest_side_by_side():
    from keepclient.ui.dashboard.charts import tallest

    sets = [[3.0, 1.0], [2.0, 5.0], [4.0]]
    assert tallest(sets, stacked=True) == 9.0  # the first month: 3 + 2 + 4
    assert tallest(sets, stacked=False) == 5.0
    assert tallest([], stacked=True) == 0.0


@pytest.mark.parametrize(("values", "top"), [([0, 0], 1), ([1, 0], 2), ([2, 1, 0], 3), ([7, 3], 8)])
def test_count_charts_tick_whole_numbers(qtbot, values, top):
    """A count axis never steps by fractions its whole-number labels would write as "0 0 0 0 1"."""
    from keepclient.ui.dashboard.charts import BarSet, bar_chart

    view = bar_chart("counts", "Counts", [str(n) for n in range(len(values))], [BarSet("At risk now", values)])
    qtbot.addWidget(view)
    axis = view.chart().axes(Qt.Orientation.Vertical)[0]
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    assert axis.max() == top and step == int(step), (axis.max(), axis.tickCount())


def test_a_large_team_stacks_its_monthly_bars_under_the_teams_target(open_window, team, qtbot, monkeypatch):
    """From STACKED_FROM salespeople on (three here): one bar a month, each salesperson a segment without a legend
    entry, and the team's whole target as the line (March: 李娜 10 visits, 王强 16 pro rata, 赵六 none)."""
    from PySide6.QtCharts import QBarSeries, QLineSeries, QStackedBarSeries

    from keepclient.ui.dashboard import area as area_module
    from keepclient.ui.dashboard.charts import BarSet, bar_tip_text

    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)

    def series(kind: type):
        return [s for s in area.chart_views["visitsChart"].chart().series() if isinstance(s, kind)]

    grouped_target = series(QLineSeries)[0]
    assert not series(QStackedBarSeries) and grouped_target.name() == "Average target"
    assert grouped_target.at(0).y() == pytest.approx(26 / 3)
    monkeypatch.setattr(area_module, "STACKED_FROM", 3)
    area.period.set_period(CUSTOM, START, END + dt.timedelta(days=1))  # counted and drawn again
    qtbot.waitUntil(lambda: not area.counting and area.data.report.end == END + dt.timedelta(days=1))
    stacked = series(QStackedBarSeries)
    assert len(stacked) == 1 and [s.label() for s in stacked[0].barSets()] == ["李娜", "王强", "赵六"]
    target = series(QLineSeries)[0]
    assert target.name() == "Team target" and target.at(0).y() == pytest.approx(26)
    legend = area.chart_views["visitsChart"].chart().legend()
    qtbot.waitUntil(lambda: all(marker.isVisible() for marker in legend.markers(target)))  # once laid out
    assert not any(marker.isVisible() for marker in legend.markers(stacked[0]))
    revenue = [s for s in area.chart_views["revenueChart"].chart().series() if isinstance(s, QBarSeries)]
    assert all(isinstance(s, QStackedBarSeries) for s in revenue)
    stacked[0].barSets()[1].clicked.emit(0)  # 王强's segment of March
    assert window.tabs.currentWidget() is window.calendar_tab
    assert window.calendar.people.chosen() == [people["wang"]]
    assert bar_tip_text(BarSet("李娜", [2.0, 0.5]), ["Mar", "Apr"], 0) == "李娜 · Mar: 2"
    assert bar_tip_text(BarSet("李娜", [2.0, 0.5]), ["Mar", "Apr"], 1) == "李娜 · Apr: 0.5"


def test_the_pareto_curve_lists_its_customers_by_revenue(open_window, team, qtbot):
    from PySide6.QtCharts import QLineSeries
    from PySide6.QtCore import QPointF

    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)

    def click_curve() -> None:
        curve = next(s for s in area.chart_views["paretoChart"].chart().series() if isinstance(s, QLineSeries))
        curve.clicked.emit(QPointF(50, 80))

    assert "12-month revenue" in area.chart_views["paretoChart"].toolTip()
    click_curve()  # the whole team's
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.current_filter().sort == "revenue_12m")
    flt = window.customers.current_filter()
    assert (flt.owner_id, flt.descending) == (None, True)
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.scope.choose([people["li"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 1)
    click_curve()
    qtbot.waitUntil(lambda: window.customers.current_filter().owner_id == people["li"])
    assert window.customers.current_filter().sort == "revenue_12m"
    window.tabs.setCurrentWidget(window.dashboard_tab)
    area.scope.choose([people["li"], people["wang"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 2)
    click_curve()  # two owners: no single list
    assert window.tabs.currentWidget() is window.dashboard_tab


def test_the_scope_buttons_arrow_has_room_beside_its_text(open_window, team, qtbot):
    """Qt sizes a menu button's arrow only for split buttons: this one's was drawn over "Whole team"'s last letter."""
    from PySide6.QtWidgets import QMenu, QStyle, QToolButton

    window, _prompter = open_window(team[0], detail=False)
    button = dashboard(window, qtbot).scope
    plain = QToolButton()
    qtbot.addWidget(plain)
    plain.setText(button.text())
    plain.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    plain.setMenu(QMenu(plain))
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    assert arrow > 0 and button.width() >= plain.sizeHint().width() + arrow


class HeldRunner:
    """Starts nothing until told: what a slow worker thread looks like to the tab."""

    def __init__(self) -> None:
        self.tasks: list[Task] = []

    def start(self, task: Task) -> Task:
        self.tasks.append(task)
        return task

    def stop(self) -> None:
        pass


def test_counting_runs_off_the_ui_thread_and_a_newer_request_wins(qtbot, prefs, team):
    from keepclient.app import open_workspace

    ws = open_workspace(team[0])
    runner = HeldRunner()
    area = DashboardArea(prefs, runner, today=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(area)
    area.show()
    area.show_workspace(ws)
    assert area.counting and area.status.text() == "Counting…"
    assert area.period.isEnabled() and area.table.isEnabled()  # usable meanwhile
    area.period.set_period(CUSTOM, START, END)
    older, newer = runner.tasks
    newer.run()
    assert area.data.report.start == START and not area.counting
    older.run()  # late: dropped
    assert area.data.report.start == START
    assert cell(area, 0, "visits_planned") == "3"
    ws.close()


def test_exact_lists_are_read_off_the_ui_thread_and_a_newer_one_wins(open_window, team, qtbot):
    window, _prompter = open_window(team[0], detail=False)
    area = dashboard(window, qtbot)
    window.runner = runner = HeldRunner()  # type: ignore[assignment]
    area.table.doubleClicked.emit(area.model.index(2, column("lost_customers")))  # 赵六's 单丽
    area.table.doubleClicked.emit(area.model.index(0, column("new_customers")))  # then 李娜's 新客户
    assert window.tabs.currentWidget() is window.dashboard_tab  # nothing to show yet: the tab stays usable
    older, newer = runner.tasks
    newer.run()
    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: names(window) == ["新客户"])
    older.run()  # late: dropped
    qtbot.wait(10)
    assert names(window) == ["新客户"] and "New customers of 李娜" in window.customers.current_filter().caption


def test_a_read_only_database_still_shows_the_dashboard(open_window, team, qtbot, monkeypatch):
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, _prompter = open_window(team[0], detail=False)
    assert window.workspace.read_only
    area = dashboard(window, qtbot)
    assert area.read_only
    assert cell(area, 0, "visits_planned") == "3" and cell(area, 0, AT_RISK) == "2"
    assert area.period.isEnabled() and area.scope.isEnabled()


def test_saves_elsewhere_are_counted_again_once(open_window, team, qtbot):
    from keepclient.services.changes import Change, Topic

    path, people, ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    ws = window.workspace
    ws.visits.plan(ids["zeng"], start=dt.datetime(2027, 3, 30, 10), salesperson_id=people["wang"])
    window.tabs.setCurrentWidget(window.customers)  # heard while hidden: counted when shown again
    ws.changes.announce(Change.of(Topic.VISITS))
    ws.changes.announce(Change.of(Topic.VISITS))
    assert cell(area, 1, "visits_planned") == "2"
    window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: cell(area, 1, "visits_planned") == "3")
    ws.team.add("孙八")  # a new colleague: offered in the scope menu, and a row of their own
    window.team_changed()
    qtbot.waitUntil(lambda: "孙八" in shown_rows(area))
    assert "孙八" in [a.text() for a in area.scope.people.values()]


def test_an_empty_database_shows_the_team_total_only(make_window, tmp_path, qtbot):
    window, _prompter = make_window(ask_team=False)
    assert window.open_workspace(tmp_path / "empty.db", offer_demo=False, create=True)
    area = dashboard(window, qtbot)
    assert shown_rows(area) == ["Whole team"] and cell(area, 0, "visits_planned") == "0"
    assert cell(area, 0, "retention") == "–"
    assert len(area.chart_views) == 6


def line_points(area: DashboardArea) -> dict[str, list[tuple[float, float]]]:
    from PySide6.QtCharts import QLineSeries

    series = area.chart_views["satisfactionChart"].chart().series()
    return {s.name(): [(p.x(), p.y()) for p in s.points()] for s in series if isinstance(s, QLineSeries)}


def test_the_satisfaction_trend_shows_each_months_average(open_window, team, qtbot):
    path, people, ids = team
    from keepclient.services.workspace import Workspace

    ws = Workspace.open(path, user="tester")  # 王强 scores a February visit 2; March: 李娜's 5, 3 and feedback 4
    vid = ws.visits.plan(ids["zeng"], start=dt.datetime(2027, 2, 10, 10), salesperson_id=people["wang"])[0]
    ws.visits.log_outcome(vid, version=ws.visits.get(vid).version, status="done", satisfaction=2)
    ws.close()
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.period.set_period(CUSTOM, dt.date(2027, 2, 1), END)
    qtbot.waitUntil(lambda: area.data.report.start.month == 2)
    assert line_points(area) == {"Whole team": [(0.0, 2.0), (1.0, 4.0)]}  # Feb, Mar; the whole team's line only
    chart = area.chart_views["satisfactionChart"].chart()
    assert chart.title() == "Average satisfaction per month"
    assert [a.categories() for a in chart.axes(Qt.Orientation.Horizontal)] == [["Feb", "Mar"]]
    assert [(a.min(), a.max()) for a in chart.axes(Qt.Orientation.Vertical)] == [(1.0, 5.0)]

    area.scope.choose([people["li"], people["wang"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 2)
    assert line_points(area) == {"Total": [(0.0, 2.0), (1.0, 4.0)], "李娜": [(1.0, 4.0)], "王强": [(0.0, 2.0)]}
    area.scope.choose([people["wang"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 1)
    assert line_points(area) == {"Total": [(0.0, 2.0)], "王强": [(0.0, 2.0)]}


def test_a_point_of_the_satisfaction_trend_lists_that_months_feedback(open_window, team, qtbot):
    from PySide6.QtCharts import QLineSeries
    from PySide6.QtCore import QPointF

    path, people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.scope.choose([people["li"]])
    qtbot.waitUntil(lambda: len(area.data.report.rows) == 1)
    lines = [s for s in area.chart_views["satisfactionChart"].chart().series() if isinstance(s, QLineSeries)]
    assert [s.name() for s in lines] == ["Total", "李娜"]
    lines[0].clicked.emit(QPointF(0, 4.0))  # the total of the chosen: no single owner's list
    assert window.tabs.currentWidget() is window.dashboard_tab
    lines[1].clicked.emit(QPointF(0, 4.0))
    assert window.tabs.currentWidget() is window.feedback_tab
    flt = window.feedback.current_filter()
    assert (flt.owner_id, flt.received_from, flt.received_to) == (people["li"], START, END)
    qtbot.waitUntil(lambda: window.feedback.paged.rowCount() == 2)


def test_print_report_previews_the_figures_on_show(open_window, team, qtbot):
    """Print report… opens the KPI report's preview for the shown period: the team page and one per salesperson."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    path, _people, _ids = team
    window, _prompter = open_window(path, detail=False)
    area = dashboard(window, qtbot)
    area.print_button.click()
    preview = area.findChild(QPrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 4)
    assert widget.pageCount() == 4  # the team page, 李娜, 王强, 赵六
    with qtbot.waitSignal(preview.finished):
        preview.reject()


@pytest.mark.parametrize("fixture", ["english_locale", "chinese_ui"])
def test_every_column_is_at_least_as_wide_as_qt_would_size_it(open_window, team, qtbot, request, fixture):
    request.getfixturevalue(fixture)
    window, _prompter = open_window(team[0], detail=False)
    window.set_me(next(p.code for p in window.workspace.team.salespeople() if p.name == "王强"))  # a bold row
    area = dashboard(window, qtbot)
    header = area.table.horizontalHeader()
    for index in range(len(COLUMNS)):
        assert header.sectionSize(index) >= min(area.table.sizeHintForColumn(index), 200), COLUMNS[index]
