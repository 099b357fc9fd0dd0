"""The customer list: a lazily paged table whose sorting, search and filters all run in the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from keepclient.domain.enums import Stage
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import SORTABLE_COLUMNS, CustomerRow
from keepclient.ui.labels import date_text, label
from keepclient.ui.widgets.column_widths import (
    SAMPLE_DAY,
    SAMPLE_NAMES,
    SAMPLE_PERSON,
    SAMPLE_PHONE,
    ColumnMemory,
    fit_columns,
    untouched,
)
from keepclient.ui.widgets.money import money_text
from keepclient.ui.widgets.paged_model import Column, Index, PagedTableModel
from keepclient.ui.widgets.paged_table import PagedTableView

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
    QT_TRANSLATE_NOOP("CustomerListView", "Risk"),
)
RIGHT_ALIGNED = {"Open feedback", "Revenue (12 mo)", "Risk"}  # numbers: digits line up
DESCENDING_FIRST = {"revenue_12m", "last_order", "risk"}
RISK_COLUMN = SORTABLE_COLUMNS.index("risk")


def default_widths(currency: str = "CNY") -> dict[int, Iterable[str] | int]:
    """Per column, the samples it should show whole (at least its header): Tier narrow, Phone whole."""
    day = [date_text(SAMPLE_DAY)]
    return {
        0: SAMPLE_NAMES, 1: ["A"], 2: [label(stage) for stage in Stage], 3: [SAMPLE_PERSON],
        4: ["Singapore"], 5: [SAMPLE_PHONE], 6: day, 7: day, 8: ["99"],
        9: [money_text(123_456_789, currency)], 10: day, 11: ["100"],
    }


def _values(currency: str) -> tuple[Callable[[CustomerRow], object], ...]:
    return (
        lambda r: r.name, lambda r: r.tier, lambda r: label(r.stage), lambda r: r.owner, lambda r: r.city,
        lambda r: r.phone, lambda r: date_text(r.last_contact), lambda r: date_text(r.next_follow_up),
        lambda r: r.open_feedback or "",
        lambda r: money_text(r.revenue_12m_cents, currency) if r.revenue_12m_cents else "",
        lambda r: date_text(r.last_order), lambda r: r.risk or "",
    )


def customer_columns(currency: str = "CNY") -> list[Column]:
    """The list's columns; money in the user's locale with the team's `currency`."""
    return [
        Column(QCoreApplication.translate("CustomerListView", header), value, align_right=header in RIGHT_ALIGNED)
        for header, value in zip(HEADERS, _values(currency), strict=True)
    ]


def risk_tooltip(row: CustomerRow) -> str | None:
    """"Risk 72 of 100:" and one line per reason ("+30  no order for 120 days, usually every 35")."""
    if not row.risk_reasons:
        return None
    lines = [QCoreApplication.translate("CustomerListView", "Risk %1 of 100:").replace("%1", str(row.risk))]
    lines += [f"+{reason.points}  {reason.text(QCoreApplication.translate)}" for reason in row.risk_reasons]
    return "\n".join(lines)


_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value


class CustomerListModel(PagedTableModel):
    """Paged rows of the customers a `CustomerFilter` finds, sorted by the database as the filter says."""

    def __init__(self, service: CustomerService, currency: str = "CNY") -> None:
        # Blocks of 100 rows: a screen shows 30 to 50, so a new search reads little before it can repaint.
        super().__init__(customer_columns(currency), lambda flt, offset, limit: service.rows(offset, limit, flt))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The risk's tooltip gives its reasons, each with its points, in the user's language."""
        if role == _TOOLTIP and index.column() == RISK_COLUMN:  # an int compared: see PagedTableModel.data
            record = self.item(index.row())
            return risk_tooltip(record) if record is not None else None
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A first click on Revenue or Last order sorts biggest / newest first: what anyone looks for there."""
        if (role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal
                and SORTABLE_COLUMNS[section] in DESCENDING_FIRST):
            return Qt.SortOrder.DescendingOrder.value  # an int: what QHeaderView reads from this role
        return super().headerData(section, orientation, role)


class CustomerListView(PagedTableView):
    """Emits `sort_requested(field, descending)` when a header click asks for another order; columns can be hidden and
    moved (`layout_changed`)."""

    sort_requested = Signal(str, bool)
    read_failed = Signal(str)
    layout_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, multi_select=True)
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sectionMoved.connect(lambda *_: self.layout_changed.emit())
        self.column_memory = ColumnMemory(header, self.layout_changed.emit)  # a dragged width is kept too
        self.paged: CustomerListModel | None = None
        self._restored = False  # whether the user's header was restored for the current model

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(SORTABLE_COLUMNS):  # -1: no indicator (a saved header of a view's own order)
            self.sort_requested.emit(SORTABLE_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)

    def use_model(self, model: CustomerListModel) -> None:
        """Point the list at a (new) database's model (the controller shows it)."""
        self.paged = model
        model.fetch_failed.connect(self.read_failed)

    def size_columns(self, currency: str = "CNY") -> None:
        """Widths from what each column shows (Tier narrow, Phone whole), except those the user has set: after a
        restored header, only the columns still at Qt's default width (never sized) get theirs."""
        header = self.horizontalHeader()
        samples = default_widths(currency)
        if self._restored:
            samples = {column: sample for column, sample in samples.items() if untouched(header, column)}
        fit_columns(self, header, samples)
        self.column_memory.cancel()  # defaults are not remembered as the user's widths

    def show_sort(self, field: str, descending: bool) -> None:
        """Show the filter's order in the header without asking for it again; an order without a column of its own
        (a view's, by lifetime value) shows no indicator."""
        column = SORTABLE_COLUMNS.index(field) if field in SORTABLE_COLUMNS else -1
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

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
        self._restored = state is not None and self.horizontalHeader().restoreState(state)
