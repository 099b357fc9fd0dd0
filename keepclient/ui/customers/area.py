"""The customers tab: list and detail side by side, or a helpful empty state for a new database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.ui.customers.detail_pane import CustomerDetailPane
from keepclient.ui.customers.list_view import CustomerListView

if TYPE_CHECKING:
    from keepclient.services.customers import CustomerService  # services load after the window is shown


class CustomerArea(QStackedWidget):
    """Page 0: empty state with "Load demo data"; page 1: list + detail."""

    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        empty = QWidget()
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        self.empty_label = QLabel(self.tr(
            "No customers yet.\nImport your contact list, or load demo data to look around first."
        ))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.clicked.connect(self.demo_requested)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.addWidget(empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = CustomerListView()
        self.detail = CustomerDetailPane()
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.addWidget(self.splitter)
        self.service: CustomerService | None = None
        self.list.customer_selected.connect(self._show_detail)

    def show_service(self, service: CustomerService) -> None:
        self.service = service
        self.list.show_customers(service)
        self.list.customer_selected.connect(self._show_detail, Qt.ConnectionType.UniqueConnection)
        has_rows = bool(self.list.paged and self.list.paged.rowCount())
        self.setCurrentIndex(1 if has_rows else 0)
        self.detail.clear()
        if has_rows:
            self.list.selectRow(0)

    def _show_detail(self, customer_id: int) -> None:
        if self.service is None:
            return
        try:
            self.detail.show_customer(self.service.detail(customer_id))
        except KeepclientError as exc:  # busy share, customer deleted by a colleague: say so, keep the list
            self.detail.clear()
            self.list.read_failed.emit(exc)
