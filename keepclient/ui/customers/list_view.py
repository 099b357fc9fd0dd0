"""The customer list: a lazily paged table over CustomerService."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from keepclient.domain.types import CustomerRow
from keepclient.ui.labels import date_text, label
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
)
VALUES = (
    lambda r: r.name, lambda r: r.tier, lambda r: label(r.stage), lambda r: r.owner, lambda r: r.city,
    lambda r: r.phone, lambda r: date_text(r.last_contact), lambda r: date_text(r.next_follow_up),
    lambda r: r.open_feedback or "",
)


def customer_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("CustomerListView", header), value, align_right=header == HEADERS[-1])
        for header, value in zip(HEADERS, VALUES, strict=True)
    ]


class CustomerListView(QTableView):
    """Emits `customer_selected(id)` when the current row changes."""

    customer_selected = Signal(int)
    read_failed = Signal(object)

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
        self.paged.fetch_failed.connect(self.read_failed)
        self.paged.reload()
        self.setModel(self.paged)
        self.setColumnWidth(0, 260)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current, _previous) -> None:
        record: CustomerRow | None = self.paged.item(current.row()) if self.paged else None
        if record is not None:
            self.customer_selected.emit(record.id)
