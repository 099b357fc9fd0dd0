"""The agenda view: the period's visits as a list, one row per visit, the day written on its first visit only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QFocusEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from keepclient.domain.enums import VisitKind, VisitStatus
from keepclient.domain.types import VisitItem
from keepclient.ui.calendar.style import MISSED
from keepclient.ui.calendar.tooltips import visit_tip
from keepclient.ui.labels import date_text, label, time_text
from keepclient.ui.widgets.column_widths import (
    SAMPLE_DAY,
    SAMPLE_MOMENT,
    SAMPLE_NAMES,
    SAMPLE_PERSON,
    fit_columns,
    text_width,
)

SWATCH = 22  # the salesperson's colour square before the name


class VisitAgendaModel(QAbstractTableModel):
    """Visits in time order; the day is written on the first visit of each day only."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.headers = list(headers)
        self.visits: list[VisitItem] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    def set_visits(self, visits: list[VisitItem]) -> None:
        self.beginResetModel()
        self.visits = visits
        self.endResetModel()

    def row_of(self, visit_id: int | None) -> int | None:
        return next((row for row, visit in enumerate(self.visits) if visit.id == visit_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.visits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def _first_of_day(self, row: int) -> bool:
        return row == 0 or self.visits[row - 1].start.date() != self.visits[row].start.date()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self.visits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                day = visit.start.date()
                return f"{QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {date_text(day)}" \
                    if self._first_of_day(index.row()) else ""
            values = (None, f"{time_text(visit.start)}–{time_text(visit.end)}", visit.salesperson, visit.customer,
                      visit.contact, label(visit.kind), label(visit.status), visit.purpose)
            return values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and visit.color:
            return QColor(visit.color)
        if role == Qt.ItemDataRole.ForegroundRole:
            if visit.status == "missed" and column == 6:
                return QBrush(MISSED)
            if visit.status == "cancelled" and column:
                return QBrush(QColor("#757575"))
        if role == Qt.ItemDataRole.FontRole:
            if column == 0:
                return self._bold
            if visit.status == "cancelled":
                return self._struck
        if role == Qt.ItemDataRole.ToolTipRole and column:
            return visit_tip(visit)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class AgendaView(QTableView):
    """The list; double-click or Enter opens a visit, the context menu is the calendar's."""

    selected = Signal(object, object)  # day, visit id
    activated_visit = Signal(object)  # VisitItem
    context_requested = Signal(object, object, QPoint)  # VisitItem | None, datetime, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = VisitAgendaModel([
            self.tr("Day"), self.tr("Time"), self.tr("Salesperson"), self.tr("Customer"), self.tr("Contact"),
            self.tr("Kind"), self.tr("Status"), self.tr("Purpose"),
        ])
        self.setModel(self.agenda)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(self, self.horizontalHeader(), self.default_widths())
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.activated.connect(lambda index: self.activated_visit.emit(self.agenda.visits[index.row()]))
        self._quiet = False

    def default_widths(self) -> dict[int, list[str] | int]:
        """Day and time whole (the day is bold), names as wide as usual ones, Purpose the rest. The calendar
        restores the user's widths over these (calendar/agenda_header)."""
        day = QLocale().dayName(SAMPLE_DAY.isoweekday(), QLocale.FormatType.ShortFormat) + " " + date_text(SAMPLE_DAY)
        bold = text_width(self, [day], bold=True)
        return {0: bold, 1: [f"{time_text(SAMPLE_MOMENT)}–{time_text(SAMPLE_MOMENT)}"],
                2: text_width(self, [SAMPLE_PERSON]) + SWATCH, 3: list(SAMPLE_NAMES), 4: [SAMPLE_PERSON],
                5: [label(kind) for kind in VisitKind], 6: [label(status) for status in VisitStatus]}

    def set_visits(self, visits: list[VisitItem]) -> None:
        self._quiet = True
        try:
            self.agenda.set_visits(visits)
        finally:
            self._quiet = False

    def set_selection(self, day: dt.date, visit_id: int | None) -> None:
        row = self.agenda.row_of(visit_id)
        self._quiet = True
        try:
            if row is not None:
                if self.currentIndex().row() != row:
                    self.selectRow(row)
                return
            self.clearSelection()
            first = next((r for r, v in enumerate(self.agenda.visits) if v.start.date() >= day), None)
            if first is not None:  # scrolled to where the day begins
                self.scrollTo(self.agenda.index(first, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        finally:
            self._quiet = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        visit = self.agenda.visits[current.row()]
        self.selected.emit(visit.start.date(), visit.id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt makes the first row current on focus; that is not the user choosing a visit."""
        self._quiet = True
        try:
            super().focusInEvent(event)
        finally:
            self._quiet = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        visit = self.agenda.visits[index.row()]
        self.selectRow(index.row())
        self.context_requested.emit(visit, visit.start, event.globalPos())
