"""The visit calendar, first version: one week as an agenda, with previous / today / next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from keepclient.domain.types import VisitItem
from keepclient.ui.labels import date_text, label, time_text

if TYPE_CHECKING:
    from keepclient.services.visits import VisitService  # services load after the window is shown


def week_start(day: dt.date, first_weekday: int) -> dt.date:
    """The first day of the week holding `day`; `first_weekday` is ISO (1 = Monday ... 7 = Sunday)."""
    return day - dt.timedelta(days=(day.isoweekday() - first_weekday) % 7)


class VisitAgendaModel(QAbstractTableModel):
    """Visits in time order; the day is written on the first visit of each day only."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.headers = list(headers)
        self.visits: list[VisitItem] = []

    def set_visits(self, visits: list[VisitItem]) -> None:
        self.beginResetModel()
        self.visits = visits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.visits)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def _first_of_day(self, row: int) -> bool:
        return row == 0 or self.visits[row - 1].start.date() != self.visits[row].start.date()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self.visits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                day = visit.start.date()
                return f"{QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {date_text(day)}" \
                    if self._first_of_day(index.row()) else ""
            values = (None, time_text(visit.start), visit.salesperson, visit.customer, visit.contact,
                      label(visit.kind), label(visit.status), visit.purpose)
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and visit.color:
            return QBrush(QColor(visit.color))
        if role == Qt.ItemDataRole.FontRole and column == 0:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.FontRole and visit.status in ("cancelled", "missed"):
            struck = QFont()
            struck.setStrikeOut(True)
            return struck
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class WeekAgenda(QWidget):
    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.service: VisitService | None = None
        self.first_weekday = int(QLocale().firstDayOfWeek().value)
        self.today = today or dt.date.today()
        self.start = week_start(self.today, self.first_weekday)

        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.previous_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left))
        self.today_button = QPushButton(self.tr("This week"))
        self.today_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Home))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.next_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right))
        for button, tip in ((self.previous_button, "Alt+Left"), (self.today_button, "Alt+Home"),
                            (self.next_button, "Alt+Right")):
            button.setToolTip(tip)
        self.period = QLabel()
        self.period.setStyleSheet("font-weight: 600;")
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.period, 1)

        self.model = VisitAgendaModel([
            self.tr("Day"), self.tr("Time"), self.tr("Salesperson"), self.tr("Customer"), self.tr("Contact"),
            self.tr("Kind"), self.tr("Status"), self.tr("Purpose"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((13, 5, 8, 20, 9, 5, 6)):
            self.table.setColumnWidth(column, width * em)
        self.empty = QLabel(self.tr("No visits planned this week."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.previous_button.clicked.connect(lambda: self.go(-7))
        self.next_button.clicked.connect(lambda: self.go(7))
        self.today_button.clicked.connect(self.go_today)

    def show_service(self, service: VisitService) -> None:
        self.service = service
        self.refresh()

    def go(self, days: int) -> None:
        self.start += dt.timedelta(days=days)
        self.refresh()

    def go_today(self) -> None:
        self.start = week_start(self.today, self.first_weekday)
        self.refresh()

    def refresh(self) -> None:
        end = self.start + dt.timedelta(days=7)
        self.period.setText(f"{date_text(self.start)} – {date_text(end - dt.timedelta(days=1))}")
        if self.service is None:
            return
        visits = self.service.between(dt.datetime.combine(self.start, dt.time()), dt.datetime.combine(end, dt.time()))
        self.model.set_visits(visits)
        self.empty.setVisible(not visits)
