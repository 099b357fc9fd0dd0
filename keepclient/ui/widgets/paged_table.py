"""The table a paged list is shown in: rows selected whole, fixed row heights, movable columns sorted by the database.

The customer list and the feedback log are both this table over a `PagedTableModel`; only their columns and
selection mode differ.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from keepclient.ui.widgets.paged_model import PagedTableModel


class PagedTableView(QTableView):
    def __init__(self, parent: QWidget | None = None, *, multi_select: bool = False) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                              else QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(False)  # the model sorts in the database when the header's indicator changes
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)

    def paged_model(self) -> PagedTableModel | None:
        model = self.model()
        return model if isinstance(model, PagedTableModel) else None

    def current_id(self) -> int | None:
        model = self.paged_model()
        if model is None or not self.currentIndex().isValid():
            return None
        record = model.item(self.currentIndex().row())
        return record.id if record is not None else None

    def selected_ids(self) -> list[int]:
        model, selection = self.paged_model(), self.selectionModel()
        if model is None:
            return []
        rows = sorted({index.row() for index in selection.selectedRows()})
        return [record.id for record in (model.item(row) for row in rows) if record is not None]

    def reselect(self, current: int | None, selected: list[int] | None = None) -> None:
        """Select these records again where they are now (after a reload), without scrolling; the current one
        alone when `selected` is None."""
        model, selection = self.paged_model(), self.selectionModel()
        if model is None or not model.rowCount():
            return
        last = self.rowAt(self.viewport().height() - 1)
        for row in (max(self.rowAt(0), 0), last if last >= 0 else model.rowCount() - 1):
            model.item(row)  # the rows on screen are read: the selection is usually among them
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.clearSelection()
        wanted = selected if selected is not None else [] if current is None else [current]
        for record_id in wanted:
            found = model.row_of(record_id)
            if found is not None:
                selection.select(model.index(found, 0), flags)
        current_row = model.row_of(current) if current is not None else None
        if current_row is not None:
            selection.setCurrentIndex(model.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
