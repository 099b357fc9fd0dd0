"""The customer list: a lazily paged table whose sorting, search and filters all run in the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from keepclient.domain.types import SORTABLE_COLUMNS, CustomerFilter, CustomerRow
from keepclient.ui.labels import date_text, label
from keepclient.ui.widgets.money import money_text
from keepclient.ui.widgets.paged_model import Column, PagedTableModel

if TYPE_CHECKING:
    from keepclient.services.customers import CustomerService  # services load after the window is shown

HEADERS = (
    QT_TRANSLATE_NOOP("CustomerListView", "Name"),
    QT_TRANSLATE_NOOP("CustomerListView", "Tier"),
    QT_TRANSLATE_NOOP("CustomerListView", "Stage"),
    QT_TRANSLATE_NOOP("CustomerListView", "Owner"),
    QT_TRANSLATE_NOOP("CustomerListView", "City"),
    QT_TRANSLATE_NOOP("CustomerListView", "Phone"),
    QT_TRANSLATE_NOOP("CustomerListView", "Last contact"),
    QT_TRANSLATE_NOOP("CustomerListView", "Next follow-up"),
    QT_TRANSLATE_NOOP("CustomerListView", "Open feedback"),
    QT_TRANSLATE_NOOP("CustomerListView", "Revenue (12 mo)"),
    QT_TRANSLATE_NOOP("CustomerListView", "Last order"),
)
RIGHT_ALIGNED = {"Open feedback", "Revenue (12 mo)"}  # numbers: digits line up
DESCENDING_FIRST = {"revenue_12m", "last_order"}


def _values(currency: str) -> tuple[Callable[[CustomerRow], object], ...]:
    return (
        lambda r: r.name, lambda r: r.tier, lambda r: label(r.stage), lambda r: r.owner, lambda r: r.city,
        lambda r: r.phone, lambda r: date_text(r.last_contact), lambda r: date_text(r.next_follow_up),
        lambda r: r.open_feedback or "",
        lambda r: money_text(r.revenue_12m_cents, currency) if r.revenue_12m_cents else "",
        lambda r: date_text(r.last_order),
    )


def customer_columns(currency: str = "CNY") -> list[Column]:
    """The list's columns; money in the user's locale with the team's `currency`."""
    return [
        Column(QCoreApplication.translate("CustomerListView", header), value, align_right=header in RIGHT_ALIGNED)
        for header, value in zip(HEADERS, _values(currency), strict=True)
    ]


class CustomerListModel(PagedTableModel):
    """Paged rows for the current filter; Qt's sort() becomes an ORDER BY in the database.

    After a new search only the first block is read before the list repaints; when there may be more rows,
    `count_needed(generation, filter)` asks for the full count off the UI thread, and `set_total` grows the list
    when it arrives (unless the search has changed meanwhile).
    """

    sort_changed = Signal()
    count_needed = Signal(int, object)

    def __init__(self, service: CustomerService, filter_getter: Callable[[], CustomerFilter],
                 currency: str = "CNY") -> None:
        self.service = service
        self.current_filter = filter_getter
        # Blocks of 100 rows: a screen shows 30 to 50, so a new search reads little before it can repaint.
        super().__init__(customer_columns(currency), lambda: service.count(filter_getter()),
                         lambda offset, limit: service.rows(offset, limit, filter_getter()),
                         block_size=100, max_blocks=20)
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder
        self._generation = 0

    def reload(self, count_now: bool = True) -> None:
        if count_now:
            self._generation += 1
            super().reload()
            return
        flt = self.current_filter()
        first = self.service.rows(0, self.block_size, flt)
        self.beginResetModel()
        self._generation += 1
        self._blocks.clear()
        self._blocks[0] = first
        self._rows = len(first)
        self.endResetModel()
        if len(first) == self.block_size:
            self.count_needed.emit(self._generation, flt)

    def set_total(self, generation: int, total: int) -> None:
        if generation == self._generation and total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) != (self.sort_column, self.sort_order):
            self.sort_column, self.sort_order = column, order
            self.sort_changed.emit()

    def sort_fields(self) -> tuple[str, bool]:
        return SORTABLE_COLUMNS[self.sort_column], self.sort_order == Qt.SortOrder.DescendingOrder

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A first click on Revenue or Last order sorts biggest / newest first: what anyone looks for there."""
        if (role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal
                and SORTABLE_COLUMNS[section] in DESCENDING_FIRST):
            return Qt.SortOrder.DescendingOrder.value  # an int: what QHeaderView reads from this role
        return super().headerData(section, orientation, role)

    def row_of(self, customer_id: int) -> int | None:
        """Row of a customer among the rows already fetched (no database access)."""
        for number, block in self._blocks.items():
            for offset, record in enumerate(block):
                if record.id == customer_id:
                    return number * self.block_size + offset
        return None


class CustomerListView(QTableView):
    """Emits `customer_selected(id)` when the current row changes; columns can be hidden and moved."""

    customer_selected = Signal(int)
    read_failed = Signal(str)
    layout_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sectionMoved.connect(lambda *_: self.layout_changed.emit())
        self.paged: CustomerListModel | None = None

    def show_customers(self, service: CustomerService, filter_getter: Callable[[], CustomerFilter],
                       currency: str = "CNY") -> None:
        """Point the list at a (new) database and show its first rows (money in the team's `currency`)."""
        self.paged = CustomerListModel(service, filter_getter, currency)
        self.paged.fetch_failed.connect(self.read_failed)
        self.paged.reload()
        self.setModel(self.paged)
        if self.columnWidth(0) < 200:
            self.setColumnWidth(0, 260)
        revenue = HEADERS.index("Revenue (12 mo)")
        if self.columnWidth(revenue) < 120:  # a saved header state (restored after this) keeps the user's width
            self.setColumnWidth(revenue, 130)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.paged is not None:
            self.paged.sort(column, order)

    def _current_changed(self, current, _previous) -> None:
        record: CustomerRow | None = self.paged.item(current.row()) if self.paged else None
        if record is not None:
            self.customer_selected.emit(record.id)

    def selected_ids(self) -> list[int]:
        if self.paged is None or self.selectionModel() is None:
            return []
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [record.id for record in (self.paged.item(row) for row in rows) if record is not None]

    def reselect(self, current: int | None, selected: list[int]) -> None:
        """Select these customers again where they are now (after a reload), without scrolling."""
        if self.paged is None or not self.paged.rowCount():
            return
        last = self.rowAt(self.viewport().height() - 1)
        for row in (max(self.rowAt(0), 0), last if last >= 0 else self.paged.rowCount() - 1):
            self.paged.item(row)  # the rows on screen are fetched: the selection is usually among them
        model = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        model.clearSelection()
        for customer_id in selected:
            row = self.paged.row_of(customer_id)
            if row is not None:
                model.select(self.paged.index(row, 0), flags)
        row = self.paged.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(self.paged.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def current_id(self) -> int | None:
        if self.paged is None:
            return None
        record = self.paged.item(self.currentIndex().row()) if self.currentIndex().isValid() else None
        return record.id if record else None

    def _header_menu(self, position: QPoint) -> None:
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """Checkable columns (the name always stays); tests call it directly instead of popping it up."""
        menu = QMenu(self)
        for column, header in enumerate(HEADERS):
            action = QAction(QCoreApplication.translate("CustomerListView", header), menu, checkable=True)
            action.setChecked(not self.isColumnHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            menu.addAction(action)
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self.layout_changed.emit()

    def header_state(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray | None) -> None:
        if state is not None:
            self.horizontalHeader().restoreState(state)
