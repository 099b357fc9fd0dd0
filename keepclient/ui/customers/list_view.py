"""The customer list: a lazily paged table over CustomerService."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from keepclient.domain.types import CustomerRow
from keepclient.services.customers import CustomerService
from keepclient.ui.labels import date_text, label
from keepclient.ui.widgets.paged_model import Column, PagedTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerListView", text)


def customer_columns() -> list[Column]:
    return [
        Column(_tr("Name"), lambda r: r.name),
        Column(_tr("Tier"), lambda r: r.tier),
        Column(_tr("Stage"), lambda r: label(r.stage)),
        Column(_tr("Owner"), lambda r: r.owner),
        Column(_tr("City"), lambda r: r.city),
        Column(_tr("Phone"), lambda r: r.phone),
        Column(_tr("Last contact"), lambda r: date_text(r.last_contact)),
        Column(_tr("Next follow-up"), lambda r: date_text(r.next_follow_up)),
        Column(_tr("Open feedback"), lambda r: r.open_feedback or "", align_right=True),
    ]


class CustomerListView(QTableView):
    """Emits `customer_selected(id)` when the current row changes."""

    customer_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.paged: PagedTableModel | None = None

    def show_customers(self, service: CustomerService) -> None:
        """Point the list at a (new) database and show its first rows."""
        self.paged = PagedTableModel(customer_columns(), service.count, service.rows)
        self.paged.reload()
        self.setModel(self.paged)
        self.setColumnWidth(0, 260)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current, _previous) -> None:
        record: CustomerRow | None = self.paged.item(current.row()) if self.paged else None
        if record is not None:
            self.customer_selected.emit(record.id)
