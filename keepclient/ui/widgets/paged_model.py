"""A table model that knows its row count up front and fetches rows in blocks only when Qt asks for them.

Only a few blocks stay in memory (least recently used are dropped), so 100,000 customers cost what the screen
shows. `data()` answers only the roles it uses and returns None at once for the rest: Qt calls it thousands of
times a frame.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from keepclient.domain.errors import KeepclientError

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    align_right: bool = False


class PagedTableModel(QAbstractTableModel):
    """`fetch_failed(message)` reports a block that could not be read (a busy or vanished share), in the user's
    language; its rows show empty and are asked for again a moment later instead of breaking the view."""

    fetch_failed = Signal(str)
    RETRY_MS = 2000

    def __init__(
        self, columns: Sequence[Column], count: Callable[[], int], page: Callable[[int, int], Sequence[Any]],
        block_size: int = 500, max_blocks: int = 8,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._count_fn, self._page_fn = count, page
        self.block_size, self.max_blocks = block_size, max_blocks
        self._blocks: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._rows = 0
        self._retry_blocks: set[int] = set()

    def reload(self) -> None:
        """Read the row count again and forget cached rows (after a change or when opening)."""
        self.beginResetModel()
        self._blocks.clear()
        self._rows = self._count_fn()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def item(self, row: int) -> Any | None:
        """The plain record shown on `row`, fetching its block if needed."""
        if not 0 <= row < self._rows:
            return None
        number, offset = divmod(row, self.block_size)
        block = self._blocks.get(number)
        if block is None:
            try:
                block = self._page_fn(number * self.block_size, self.block_size)
            except KeepclientError as exc:
                self.fetch_failed.emit(exc.message(QCoreApplication.translate))
                if not self._retry_blocks:
                    QTimer.singleShot(self.RETRY_MS, self._retry)
                self._retry_blocks.add(number)
                return None
            self._blocks[number] = block
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block[offset] if offset < len(block) else None

    def _retry(self) -> None:
        """Ask the view to show the failed blocks again, which reads them again."""
        blocks, self._retry_blocks = self._retry_blocks, set()
        for number in sorted(blocks):
            first = number * self.block_size
            last = min(first + self.block_size, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            record = self.item(index.row())
            return None if record is None else self.columns[index.column()].value(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def cached_blocks(self) -> int:
        return len(self._blocks)
