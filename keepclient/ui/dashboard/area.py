"""The Dashboard tab: the team KPIs (services/kpis) for a period and the whole team or chosen salespeople, in a
sortable table (one row per salesperson, the total at the bottom, my row highlighted) above charts: monthly visits
done and revenue per salesperson with their targets, the revenue Pareto curve, customers at risk by owner and
the average satisfaction per month (the team's, and each chosen salesperson's) and first-response medians against
the target.

Counting runs off the UI thread (`Task`); the tab stays usable and says "Counting…" meanwhile, and a newer request
supersedes an older one (a late result of an older one is dropped). It follows `Workspace.changes` through
`RefreshWhenShown` like every area, and only reads: a read-only database shows it all the same. A double-click on a
number (or Enter on it) asks the window for the list behind it (`list_requested`, a `ListRequest`), as does a click
on a bar (a salesperson's month of visits or revenue, an owner's customers at risk, a salesperson's feedback
received) or a point of the satisfaction trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.kpis import month_keys
from keepclient.services.changes import Change, Topic
from keepclient.ui.dashboard.controls import PeriodBar, ScopeButton
from keepclient.ui.dashboard.definitions import (
    AT_RISK_VIEW,
    BY_REVENUE,
    FEEDBACK,
    REVENUE_CUSTOMERS,
    VISITS,
    ListRequest,
)
from keepclient.ui.dashboard.table_model import COLUMNS, KpiTableModel
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.fit import ElidedLabel
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from keepclient.domain.types import SalespersonInfo
    from keepclient.services.dashboard import DashboardData
    from keepclient.services.workspace import Workspace
    from keepclient.ui.settings import Preferences

CHANGE_DELAY_MS = 300  # saves heard close together are counted once
CHART_COLUMNS = 2
# From this many salespeople on, the monthly charts stack their bars (one bar a month, each salesperson a segment in
# their colour, the team's target as the line): 40 people side by side made 480 slivers and a legend of 40 names.
STACKED_FROM = 9
CELL_PADDING = 16  # a cell's margins and focus frame around its text


class DashboardArea(QWidget):
    list_requested = Signal(object)  # ListRequest
    message = Signal(str)
    counted = Signal()  # new figures are on show (the table filled and the charts drawn; painted when laid out)

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
        self.status = ElidedLabel()  # shortened rather than widen the window on a laptop screen
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
        self.print_button = QPushButton(self.tr("Print &report…"))
        self.print_button.setObjectName("printKpiReport")
        self.print_button.setToolTip(self.tr("The KPI report of this period and these salespeople: a team page and "
                                             "a page per salesperson, with charts; print it or save it as PDF"))
        self.print_button.clicked.connect(self.print_report)
        bar.addWidget(self.print_button)

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
        self.table.installEventFilter(self)  # Enter on a cell: as a double-click

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
    def print_report(self) -> None:
        """The KPI report's print preview, for the figures on show (read again when a count is still running)."""
        workspace = self.workspace
        if workspace is None:
            return
        from keepclient.ui.kpi_report_preview import preview_kpi_report  # loaded when first used

        start, end = self.period.period()
        ids = self.scope.chosen()
        shown = self.data.report if self.data is not None and not self.counting else None
        preview_kpi_report(self, workspace, start, end, ids, today=self.today(),
                           report=shown if shown is not None and (shown.start, shown.end) == (start, end) else None)

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
            return workspace.dashboard.count(start, end, ids, today)

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
        self.counted.emit()

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
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # the total and "me" rows are bold: an upper bound for every row
        for column in range(self.model.columnCount()):
            # measured from the texts (sizeHintForColumn asks the view for every role of every cell: 10x slower)
            texts = (self.model.data(self.model.index(row, column)) for row in range(self.model.rowCount()))
            measured = max((metrics.horizontalAdvance(str(text)) for text in texts if text), default=0)
            wide = max(measured + CELL_PADDING, 84 if column else 110)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.table.currentIndex().isValid()):
            self._double_clicked(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _satisfaction_point(self, owners: list[int | None], line: int, month: int) -> None:
        """A point of the satisfaction trend: the feedback of that salesperson (the team line: the whole team's)
        received in that month of the period."""
        if self.data is None or not 0 <= line < len(owners) or (owners[line] is None and not self.data.whole_team):
            return
        self._month_list(FEEDBACK, owners[line], month)

    def _month_list(self, kind: str, owner_id: int | None, month: int) -> None:
        """The list of `kind` behind one month of the period (its first and last month cut to the period)."""
        if self.data is None:
            return
        report = self.data.report
        keys = month_keys(report.start, report.end)
        if not 0 <= month < len(keys):
            return
        first = dt.date(int(keys[month][:4]), int(keys[month][5:7]), 1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        self.list_requested.emit(ListRequest(kind, owner_id, max(first, report.start), min(last, report.end)))

    def _person_month_bar(self, kind: str, owners: list[int | None], person: int, month: int) -> None:
        """A bar of a monthly chart (one bar set per salesperson): that salesperson's list of that month."""
        if 0 <= person < len(owners):
            self._month_list(kind, owners[person], month)

    def _pareto_clicked(self) -> None:
        """The Pareto curve: its customers by 12-month revenue, highest first (the whole team's, or the one chosen
        salesperson's; several chosen have no single owner's list)."""
        if self.data is None:
            return
        report = self.data.report
        if self.data.whole_team:
            owner = None
        elif len(report.rows) == 1:
            owner = report.rows[0].salesperson_id
        else:
            return
        self.list_requested.emit(ListRequest(BY_REVENUE, owner, report.start, report.end))

    def _owner_bar(self, kind: str, owners: list[int | None], index: int) -> None:
        """A bar of a chart by owner: that owner's list of `kind` over the period (the bar of customers without an
        owner has none)."""
        if self.data is not None and 0 <= index < len(owners) and owners[index] is not None:
            report = self.data.report
            self.list_requested.emit(ListRequest(kind, owners[index], report.start, report.end))

    # -- charts ----------------------------------------------------------------------------------------------------
    def _show_charts(self, data: DashboardData) -> None:
        # QtCharts loads with the charts module, when first needed
        from keepclient.ui.dashboard.charts import BarSet, bar_chart, tallest
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

        stacked = len(rows) >= STACKED_FROM

        def target_line(value: Callable[[int | None, str], float]) -> BarSet:
            """The average target beside each salesperson's bar; the team's whole target over stacked bars."""
            sums = [sum(value(r.salesperson_id, key) for r in rows) for key in keys]
            if stacked:
                return BarSet(self.tr("Team target"), sums)
            return BarSet(self.tr("Average target"), [total / max(len(rows), 1) for total in sums])

        def figure(sid: int | None, key: str, what: str) -> float:
            found = monthly.get((sid, key))
            return float(getattr(found, what)) if found is not None else 0.0

        symbol = currency_symbol(report.currency)
        def in_cents(what: str) -> list[Sequence[float]]:
            return [s.values for s in per_person(lambda sid, key: figure(sid, key, what))]

        highest = max(tallest(in_cents("revenue_cents"), stacked), tallest(in_cents("revenue_target_cents"), stacked))
        unit = 100_000 if highest >= 100 * 100_000 else 100  # thousands once the bars reach 100,000
        revenue_title = self.tr("Thousand %1").replace("%1", symbol) if unit > 100 else symbol
        people: list[int | None] = [r.salesperson_id for r in rows]
        views = {
            "visitsChart": bar_chart(
                "visitsChart", self.tr("Visits done per month"), months,
                per_person(lambda sid, key: figure(sid, key, "visits_done")),
                target=target_line(lambda sid, key: figure(sid, key, "visit_target")),
                axis_title=self.tr("Visits"), stacked=stacked,
                clicked=lambda person, month: self._person_month_bar(VISITS, people, person, month)),
            "revenueChart": bar_chart(
                "revenueChart", self.tr("Revenue per month"), months,
                per_person(lambda sid, key: figure(sid, key, "revenue_cents") / unit),
                target=target_line(lambda sid, key: figure(sid, key, "revenue_target_cents") / unit),
                axis_title=revenue_title, label_format="%.0f", stacked=stacked,
                clicked=lambda person, month: self._person_month_bar(REVENUE_CUSTOMERS, people, person, month)),
            "paretoChart": pareto_chart(data.pareto, clicked=self._pareto_clicked),
        }
        owners = list(people)
        names = [r.name for r in rows]
        if data.whole_team and data.at_risk.get(0):
            owners.append(None)
            names.append(self.tr("No owner"))
        at_risk = [float(data.at_risk.get(owner or 0, 0)) for owner in owners]
        views["atRiskChart"] = bar_chart(
            "atRiskChart", self.tr("Customers at risk by owner"), names,
            [BarSet(self.tr("At risk now"), at_risk, "#e65100")], axis_title=self.tr("Customers"),
            clicked=lambda _set, index: self._owner_bar(AT_RISK_VIEW, owners, index))
        views["satisfactionChart"] = self._satisfaction_chart(data, keys, months, colors)
        response = [float(r["response_median"].value or 0.0) for r in rows]
        views["responseChart"] = bar_chart(
            "responseChart", self.tr("First response to feedback (median hours)"), [r.name for r in rows],
            [BarSet(self.tr("First response"), response, "#1565c0")],
            target=BarSet(self.tr("Target (%1 h)").replace("%1", QLocale().toString(report.response_target_hours)),
                          [report.response_target_hours] * len(rows)),
            axis_title=self.tr("Hours"), label_format="%.0f",
            clicked=lambda _set, index: self._owner_bar(FEEDBACK, people, index))
        views["paretoChart"].setMinimumHeight(views["visitsChart"].minimumHeight())
        for number, (name, view) in enumerate(views.items()):
            tips = {"visitsChart": self.tr("Click a bar to list that salesperson's visits of that month"),
                    "revenueChart": self.tr("Click a bar to list the customers behind that salesperson's revenue "
                                            "of that month"),
                    "paretoChart": self.tr("Click the curve to list these customers by 12-month revenue, highest "
                                           "first (the whole team's or one salesperson's)"),
                    "atRiskChart": self.tr("Click a bar to list that owner's customers at risk"),
                    "satisfactionChart": self.tr("Click a point to list the feedback received that month"),
                    "responseChart": self.tr("Click a bar to list the feedback that salesperson received in the "
                                             "period")}
            view.setToolTip(tips.get(name, ""))
            self.chart_grid.addWidget(view, number // CHART_COLUMNS, number % CHART_COLUMNS)
        self.chart_views = views

    def _satisfaction_chart(self, data: DashboardData, keys: list[str], months: list[str],
                            colors: dict[int, str]) -> QWidget:
        """The average satisfaction per month: the team's (the whole team, or the total of the chosen) and, when
        salespeople are chosen, each one's; months without a score have no point."""
        from keepclient.ui.dashboard.charts import LineSet, line_chart

        sums: dict[tuple[int | None, str], list[float]] = {}
        for scores in data.report.scores:
            for sid in (None, scores.salesperson_id):
                found = sums.setdefault((sid, scores.month), [0.0, 0])
                found[0] += scores.total
                found[1] += scores.scores

        def averages(sid: int | None) -> list[float | None]:
            found = [sums.get((sid, key)) for key in keys]
            return [f[0] / f[1] if f and f[1] else None for f in found]

        owners: list[int | None] = [None]
        team = self.tr("Whole team") if data.whole_team else self.tr("Total")
        lines = [LineSet(team, averages(None), "#37474f", 3)]
        if not data.whole_team:
            for row in data.report.rows:
                owners.append(row.salesperson_id)
                lines.append(LineSet(row.name, averages(row.salesperson_id), colors.get(row.salesperson_id or 0, "")))
        return line_chart(
            "satisfactionChart", self.tr("Average satisfaction per month"), months, lines, low=1.0, high=5.0,
            axis_title=self.tr("Score (1-5)"),
            clicked=lambda line, month: self._satisfaction_point(owners, line, month))


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def _day(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _month_label(key: str, *, several_years: bool) -> str:
    """"2027-03" → "Mar" (or "Mar 27" when the period spans years), as the locale names months."""
    month = QDate(int(key[:4]), int(key[5:7]), 1)
    return QLocale().toString(month, "MMM yy" if several_years else "MMM")
