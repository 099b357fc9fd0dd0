"""The feedback and complaint log, first version: newest first, paged from the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from keepclient.ui.labels import datetime_text, label
from keepclient.ui.widgets.paged_model import Column, PagedTableModel

if TYPE_CHECKING:
    from keepclient.services.feedback import FeedbackService  # services load after the window is shown


class FeedbackLog(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.paged: PagedTableModel | None = None

    def show_service(self, service: FeedbackService) -> None:
        self.paged = PagedTableModel([
            Column(self.tr("Received"), lambda f: datetime_text(f.received_at)),
            Column(self.tr("Customer"), lambda f: f.customer),
            Column(self.tr("Kind"), lambda f: label(f.kind)),
            Column(self.tr("Category"), lambda f: label(f.category)),
            Column(self.tr("Severity"), lambda f: label(f.severity)),
            Column(self.tr("Status"), lambda f: label(f.status)),
            Column(self.tr("Owner"), lambda f: f.owner),
            Column(self.tr("Description"), lambda f: f.description),
        ], service.count, service.rows)
        self.paged.reload()
        self.table.setModel(self.paged)
        self.table.setColumnWidth(1, 240)
        count = self.paged.rowCount()
        self.summary.setText(self.tr("%n feedback item(s)", "", count) if count else
                             self.tr("No feedback recorded yet."))
