"""The customer's orders in the detail pane, and the one-line summary of their figures under the name.

The table is a plain model over the orders the service read (newest first, at most 500): the view asks only for
the rows on screen, and each cell is formatted when painted, so a customer with 500 orders shows as fast as one
with five. The pane only shows and asks; the customer area saves through the services and the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import CustomerDetail, OrderItem
from keepclient.ui.labels import date_text
from keepclient.ui.widgets.flow_layout import FlowLayout
from keepclient.ui.widgets.money import money_text, quantity_text

Index = QModelIndex | QPersistentModelIndex
SHOWN_ROWS = 6  # the table's height in rows; it scrolls inside the pane
SHOWN_LIMIT = 500  # OrderService.for_customer's default limit: the newest lines
# Record order: Ctrl+R everywhere (the calendar's Due panel refreshes with F5 only, so the keys never clash).
RECORD_ORDER_KEYS = "Ctrl+R"


def figures_text(detail: CustomerDetail, currency: str) -> str:
    """"Revenue (12 mo) ¥12,345.00 · 8 orders · last order 2026-11-02 · every 41 days on average"."""
    translate = QCoreApplication.translate
    count = detail.orders_count or 0
    if not count:
        return translate("PurchasesSection", "No orders yet.")
    parts = [
        translate("PurchasesSection", "Revenue (12 mo) %1").replace(
            "%1", money_text(detail.revenue_12m_cents or 0, currency)),
        translate("PurchasesSection", "1 order") if count == 1 else
        translate("PurchasesSection", "%1 orders").replace("%1", str(count)),
    ]
    if detail.last_order is not None:
        parts.append(translate("PurchasesSection", "last order %1").replace("%1", date_text(detail.last_order)))
    if detail.order_gap_days is not None:
        parts.append(translate("PurchasesSection", "every %1 days on average").replace(
            "%1", str(round(detail.order_gap_days))))
    return " · ".join(parts)


class OrdersModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("PurchasesSection", "Date"), QT_TRANSLATE_NOOP("PurchasesSection", "Order no."),
        QT_TRANSLATE_NOOP("PurchasesSection", "Product"), QT_TRANSLATE_NOOP("PurchasesSection", "Quantity"),
        QT_TRANSLATE_NOOP("PurchasesSection", "Amount"), QT_TRANSLATE_NOOP("PurchasesSection", "Salesperson"),
    )
    RIGHT = (3, 4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orders: list[OrderItem] = []
        self.currency = "CNY"
        self.headers = [QCoreApplication.translate("PurchasesSection", text) for text in self.HEADERS]

    def set_orders(self, orders: Sequence[OrderItem], currency: str) -> None:
        self.beginResetModel()
        self.orders, self.currency = list(orders), currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.orders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            order = self.orders[index.row()]
            column = index.column()
            if column == 0:
                return date_text(order.date)
            if column == 1:
                return order.order_no
            if column == 2:
                return order.product
            if column == 3:
                return quantity_text(order.quantity)
            if column == 4:
                return money_text(order.amount_cents, self.currency)
            return order.salesperson
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            order = self.orders[index.row()]
            return order.notes or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class PurchasesSection(QGroupBox):
    """Emits `order_action(action, order)`: "add" (order None), "edit" or "delete"."""

    order_action = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Purchases"), parent)
        self.model = OrdersModel(self)
        self.table = QTableView()
        self.table.setObjectName("purchases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((76, 72, 100, 64, 96)):  # amount in view at the default pane width
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(row_height * (SHOWN_ROWS + 1) + 4)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self._act("edit"))
        self.empty = QLabel(self.tr("No orders recorded yet."))
        self.empty.setObjectName("purchases_empty")
        self.record_button = QPushButton(self.tr("Record order…"))
        self.record_button.setObjectName("order_record")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("order_edit")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("order_delete")
        self.menu: QMenu | None = None
        buttons = FlowLayout()  # wraps in a narrow pane
        for button in (self.record_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.record_button.clicked.connect(lambda: self.order_action.emit("add", None))
        self.edit_button.clicked.connect(lambda: self._act("edit"))
        self.delete_button.clicked.connect(lambda: self._act("delete"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._writable = True
        self._update_buttons()

    def set_shortcut_hint(self, keys: str) -> None:
        self.record_button.setToolTip(self.tr("Record an order of this customer (%1)").replace("%1", keys))

    def show_orders(self, orders: Sequence[OrderItem], currency: str, writable: bool = True) -> None:
        """`orders` newest first; `writable` False (a customer in the trash) leaves them to look at."""
        keep = self.selected_order()
        self.model.set_orders(orders, currency)
        self._writable = writable
        if orders and len(orders) >= SHOWN_LIMIT:  # the service reads at most this many: say so
            self.empty.setText(self.tr("The newest %1 order lines are shown.").replace("%1", str(len(orders))))
        else:
            self.empty.setText(self.tr("No orders recorded yet."))
        self.empty.setVisible(not orders or len(orders) >= SHOWN_LIMIT)
        self.table.setVisible(bool(orders))
        if keep is not None:
            row = next((r for r, o in enumerate(self.model.orders) if o.id == keep.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_order(self) -> OrderItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.model.orders[row] if 0 <= row < len(self.model.orders) else None

    def _act(self, action: str) -> None:
        order = self.selected_order()
        if order is not None and self._writable:
            self.order_action.emit(action, order)

    def _update_buttons(self) -> None:
        chosen = self.selected_order() is not None
        self.record_button.setEnabled(self._writable)
        self.edit_button.setEnabled(self._writable and chosen)
        self.delete_button.setEnabled(self._writable and chosen)

    def context_actions(self, menu: QMenu) -> QMenu:
        """Edit… and Delete for the selected order (tests call it directly instead of popping it up)."""
        chosen = self.selected_order() is not None and self._writable
        for text, action in ((self.tr("Edit…"), "edit"), (self.tr("Delete"), "delete")):
            entry = menu.addAction(text)
            entry.setEnabled(chosen)
            entry.triggered.connect(lambda _checked=False, a=action: self._act(a))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = self.context_actions(QMenu(self))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.viewport().mapToGlobal(position))
        self.menu = menu
