"""The Dashboard tab: the team KPIs (services/kpis) for a period and the whole team or chosen salespeople, in a
sortable table (one row per salesperson, the total at the bottom, my row highlighted) above charts: monthly visits
done and revenue per salesperson with their targets, the revenue Pareto curve, customers at risk by owner and
first-response medians against the target.

Counting runs off the UI thread (`Task`); the tab stays usable and says "Counting…" meanwhile, and a newer request
supersedes an older one (a late result of an older one is dropped). It follows `Workspace.changes` through
`RefreshWhenShown` like every area, and only reads: a read-only database shows it all the same. A double-click on a
number asks the window for the list behind it (`list_requested`, a `ListRequest`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.kpis import KpiReport, month_keys
from keepclient.services.changes import Change, Topic
from keepclient.ui.dashboard.controls import PeriodBar, ScopeButton
from keepclient.ui.dashboard.definitions import AT_RISK_VIEW, ListRequest
from keepclient.ui.dashboard.table_model import COLUMNS, KpiTableModel
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from keepclient.domain.types import SalespersonInfo
    from keepclient.services.workspace import Workspace
    from keepclient.ui.settings import Preferences

CHANGE_DELAY_MS = 300  # saves heard close together are counted once
CHART_COLUMNS = 2


class DashboardData(NamedTuple):
    """What one count brings back from the worker thread: plain data only."""

    report: KpiReport
    at_risk: dict[int, int]  # customers at risk by owner id (0: no owner)
    revenues: list[int]  # 12-month revenue of each customer in scope, in cents (the Pareto curve)
    whole_team: bool


class DashboardArea(QWidget):
    list_requested = Signal(object)  # ListRequest
    message = Signal(str)

    def __init__(self, prefs: Preferences | None = None, runner: TaskRunner | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.runner = runner or TaskRunner()
        self.today = today
        self.workspace: Workspace | None = None
        self.read_only = False  # set by the window; nothing here writes anyway
        self.me: int | None = None
        self.people: list[SalespersonInfo] = []
        self.data: DashboardData | None = None  # the figures on show
        self.counting = False
        self._generation = 0  # of the latest request: an older one's result is dropped
        self._task: Task | None = None
        self._fitted_rows = -1  # the table's height was fitted to this many rows
        self._stop_hearing: Callable[[], None] | None = None
        self.when_shown = RefreshWhenShown(self, self._changed_elsewhere)
        self._later = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._later.timeout.connect(self.recompute)

        self.period = PeriodBar(today())
        self.scope = ScopeButton()
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addSpacing(12)
        scope_label = QLabel(self.tr("&Salespeople:"))
        scope_label.setBuddy(self.scope)
        bar.addWidget(scope_label)
        bar.addWidget(self.scope)
        bar.addStretch(1)
        bar.addWidget(self.status)

        self.model = KpiTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("kpiTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(60)
        self.table.doubleClicked.connect(self._double_clicked)

        self.charts = QWidget()
        self.charts.setObjectName("dashboardCharts")
        self.chart_grid = QGridLayout(self.charts)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        for number in range(CHART_COLUMNS):
            self.chart_grid.setColumnStretch(number, 1)
        self.chart_views: dict[str, QWidget] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.splitter, 1)
        self.period.changed.connect(self.recompute)
        self.scope.changed.connect(self.recompute)

    # -- the window's interface ----------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace) -> None:
        """Another database (or the same one read anew): the team, who I am, and the figures counted again."""
        if self._stop_hearing is not None:
            self._stop_hearing()
        self.when_shown.forget()
        self.workspace = workspace
        self.data = None
        self._read_team()
        self._stop_hearing = workspace.changes.subscribe(self.when_shown)
        self.recompute()

    def set_me(self, me: int | None) -> None:
        """View › I am…: my row is highlighted."""
        self.me = me
        self.model.set_me(me)

    def edit_controls(self) -> tuple[list[QAction], list[QWidget]]:
        """Nothing here saves: a read-only database shows the dashboard as it is."""
        return [], []

    # -- counting ------------------------------------------------------------------------------------------------
    def recompute(self) -> None:
        """Count the chosen period and scope off the UI thread; a newer request supersedes this one."""
        workspace = self.workspace
        if workspace is None:
            return
        self._later.stop()
        today = self.today()
        if today != self.period.today:  # the window stayed open past midnight
            self.period.today = today
            self.period.show_dates()
        start, end = self.period.period()
        ids = self.scope.chosen()
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.cancel()

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> DashboardData:
            report = workspace.kpis.report(start, end, ids, today=today)
            return DashboardData(report, workspace.dashboard.at_risk_by_owner(ids),
                                 workspace.dashboard.revenues_12m(ids), ids is None)

        task = Task(work, cleanup=workspace.release_thread)
        task.then(lambda data: self._arrived(generation, workspace, data),
                  lambda error: self._failed(generation, error))
        self._task = task
        self.counting = True
        self.status.setText(self.tr("Counting…"))
        self.runner.start(task)

    def _arrived(self, generation: int, workspace: Workspace, data: DashboardData) -> None:
        if generation != self._generation or workspace is not self.workspace:
            return  # superseded by a newer request, or another database is open now
        self._task = None
        self.counting = False
        self.data = data
        self.model.me = self.me
        self.model.set_report(data.report, data.at_risk, whole_team=data.whole_team)
        self._fit_columns()
        report = data.report
        made = QTime(report.made_at.hour, report.made_at.minute)
        self.status.setText(self.tr("%1 – %2, counted at %3").replace("%1", _day(report.start)).replace(
            "%2", _day(report.end)).replace("%3", QLocale().toString(made, QLocale.FormatType.ShortFormat)))
        self._show_charts(data)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.counting = False
        if not isinstance(error, KeepclientError):
            raise error  # a bug: the window's error hook reports it
        text = error.message(_translate)
        self.status.setText(text)
        self.message.emit(text)

    def _fit_columns(self) -> None:
        """Columns as wide as their numbers (headers wrap onto two lines), and the table as tall as its rows, up
        to half the tab: the charts get the rest."""
        header = self.table.horizontalHeader()
        lines = header.fontMetrics().lineSpacing()
        header.setMinimumHeight(2 * lines + 10)
        for column in range(self.model.columnCount()):
            wide = max(self.table.sizeHintForColumn(column), 84 if column else 110)
            words = header.fontMetrics().horizontalAdvance(self.model.caption(COLUMNS[column])) * 3 // 5 + 16
            header.resizeSection(column, min(max(wide, words), 200))
        rows = self.model.rowCount()
        height = header.minimumHeight() + sum(self.table.rowHeight(r) for r in range(rows)) + 4
        height += self.table.horizontalScrollBar().sizeHint().height()
        total = sum(self.splitter.sizes())
        if total > 0 and rows != self._fitted_rows:  # the user's own split stays while the rows do
            self._fitted_rows = rows
            table = min(height, total // 2)
            self.splitter.setSizes([table, total - table])

    # -- following changes -----------------------------------------------------------------------------------------
    def _changed_elsewhere(self, change: Change) -> None:
        """Anything saved may move a figure: counted again shortly (many saves at once: once)."""
        if self.workspace is None:
            return
        if change.touches(Topic.TEAM):
            try:
                self._read_team()
            except KeepclientError as exc:
                self.message.emit(exc.message(_translate))
        self._later.start()

    def _read_team(self) -> None:
        assert self.workspace is not None
        self.people = self.workspace.team.salespeople(active_only=False)
        code = self.prefs.salesperson_code if self.prefs is not None else ""
        self.me = next((p.id for p in self.people if code and p.code == code), None)
        self.model.me = self.me
        self.scope.blockSignals(True)
        self.scope.set_people(self.people)
        self.scope.blockSignals(False)

    # -- click-through ----------------------------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        request = self.model.request_at(index)
        if request is not None:
            self.list_requested.emit(request)

    def _at_risk_bar(self, owners: list[int | None], index: int) -> None:
        if self.data is not None and 0 <= index < len(owners) and owners[index] is not None:
            report = self.data.report
            self.list_requested.emit(ListRequest(AT_RISK_VIEW, owners[index], report.start, report.end))

    # -- charts ----------------------------------------------------------------------------------------------------
    def _show_charts(self, data: DashboardData) -> None:
        from keepclient.ui.dashboard.charts import BarSet, bar_chart  # QtCharts loads with it, when first needed
        from keepclient.ui.widgets.money import currency_symbol
        from keepclient.ui.widgets.pareto_chart import pareto_chart

        for view in self.chart_views.values():
            self.chart_grid.removeWidget(view)
            view.deleteLater()
        report = data.report
        colors = {p.id: p.color for p in self.people}
        keys = month_keys(report.start, report.end)
        months = [_month_label(key, several_years=report.start.year != report.end.year) for key in keys]
        rows = report.rows
        monthly = {(m.salesperson_id, m.month): m for m in report.monthly}

        def per_person(value: Callable[[int | None, str], float]) -> list[BarSet]:
            return [BarSet(r.name, [value(r.salesperson_id, key) for key in keys],
                           colors.get(r.salesperson_id or 0, "")) for r in rows]

        def average_target(value: Callable[[int | None, str], float]) -> BarSet:
            sums = [sum(value(r.salesperson_id, key) for r in rows) / max(len(rows), 1) for key in keys]
            return BarSet(self.tr("Average target"), sums)

        def figure(sid: int | None, key: str, what: str) -> float:
            found = monthly.get((sid, key))
            return float(getattr(found, what)) if found is not None else 0.0

        symbol = currency_symbol(report.currency)
        highest = max([m.revenue_cents for m in report.monthly] + [m.revenue_target_cents for m in report.monthly]
                      + [0])
        unit = 100_000 if highest >= 100 * 100_000 else 100  # thousands once the bars reach 100,000
        revenue_title = self.tr("Thousand %1").replace("%1", symbol) if unit > 100 else symbol
        views = {
            "visitsChart": bar_chart(
                "visitsChart", self.tr("Visits done per month"), months,
                per_person(lambda sid, key: figure(sid, key, "visits_done")),
                target=average_target(lambda sid, key: figure(sid, key, "visit_target")),
                axis_title=self.tr("Visits")),
            "revenueChart": bar_chart(
                "revenueChart", self.tr("Revenue per month"), months,
                per_person(lambda sid, key: figure(sid, key, "revenue_cents") / unit),
                target=average_target(lambda sid, key: figure(sid, key, "revenue_target_cents") / unit),
                axis_title=revenue_title, label_format="%.0f"),
            "paretoChart": pareto_chart(data.revenues),
        }
        owners: list[int | None] = [r.salesperson_id for r in rows]
        names = [r.name for r in rows]
        if data.whole_team and data.at_risk.get(0):
            owners.append(None)
            names.append(self.tr("No owner"))
        at_risk = [float(data.at_risk.get(owner or 0, 0)) for owner in owners]
        views["atRiskChart"] = bar_chart(
            "atRiskChart", self.tr("Customers at risk by owner"), names,
            [BarSet(self.tr("At risk now"), at_risk, "#e65100")], axis_title=self.tr("Customers"),
            clicked=lambda _set, index: self._at_risk_bar(owners, index))
        response = [float(r["response_median"].value or 0.0) for r in rows]
        views["responseChart"] = bar_chart(
            "responseChart", self.tr("First response to feedback (median hours)"), [r.name for r in rows],
            [BarSet(self.tr("First response"), response, "#1565c0")],
            target=BarSet(self.tr("Target (%1 h)").replace("%1", QLocale().toString(report.response_target_hours)),
                          [report.response_target_hours] * len(rows)),
            axis_title=self.tr("Hours"), label_format="%.0f")
        views["paretoChart"].setMinimumHeight(views["visitsChart"].minimumHeight())
        for number, (name, view) in enumerate(views.items()):
            view.setToolTip(self.tr("Click a bar to list that owner's customers at risk")
                            if name == "atRiskChart" else "")
            self.chart_grid.addWidget(view, number // CHART_COLUMNS, number % CHART_COLUMNS)
        self.chart_views = views


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def _day(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _month_label(key: str, *, several_years: bool) -> str:
    """"2027-03" → "Mar" (or "Mar 27" when the period spans years), as the locale names months."""
    month = QDate(int(key[:4]), int(key[5:7]), 1)
    return QLocale().toString(month, "MMM yy" if several_years else "MMM")
