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


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    align_right: bool = False


class PagedTableModel(QAbstractTableModel):
    """Rows of one filter, read a block at a time: `reload(filter)` reads the first block now, the length later.

    A reload shows the first block at once; when that block is full (or `count_always`: the area wants counts
    of its own, such as the feedback log's counts per status) `count_needed(generation, filter)` asks for the
    full length, which someone counts off the UI thread and hands to `set_total`. A late count of an older
    reload is ignored. Records have an `id` (`row_of` finds them among the rows already read).

    `fetch_failed(message)` reports a block that could not be read (a busy or vanished share), in the user's
    language; its rows show empty and are asked for again a moment later instead of breaking the view."""

    fetch_failed = Signal(str)
    count_needed = Signal(int, object)
    RETRY_MS = 2000

    def __init__(
        self, columns: Sequence[Column], page: Callable[[Any, int, int], Sequence[Any]],
        block_size: int = 100, max_blocks: int = 20, count_always: bool = False,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._page_fn = page
        self.block_size, self.max_blocks = block_size, max_blocks
        self.count_always = count_always
        self.filter: Any = None
        self.generation = 0
        self._blocks: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._rows = 0
        self._retry_blocks: set[int] = set()

    def reload(self, flt: Any, *, keep_total: bool = False) -> None:
        """Show the first block of `flt` (forgetting every cached row); its length follows via `count_needed`.

        `keep_total` keeps the old length until the count arrives, so a refresh keeps the scroll position;
        otherwise the list holds the first block alone until then. A failed read raises (KeepclientError) and
        leaves the rows as they were."""
        first = self._page_fn(flt, 0, self.block_size)
        self.beginResetModel()
        self.filter = flt
        self.generation += 1
        self._blocks.clear()
        self._blocks[0] = first
        full = len(first) == self.block_size
        self._rows = max(len(first), self._rows) if keep_total and full else len(first)
        self.endResetModel()
        if full or self.count_always:
            self.count_needed.emit(self.generation, flt)

    def known_total(self) -> int | None:
        """The number of rows when the first block already holds them all; None until a count arrives."""
        first = self._blocks.get(0)
        return len(first) if first is not None and len(first) < self.block_size else None

    def set_total(self, generation: int, total: int) -> bool:
        """Apply the length counted for reload `generation` (False when a newer reload has happened since)."""
        if generation != self.generation:
            return False
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()
        elif total < self._rows:
            self.beginRemoveRows(QModelIndex(), total, self._rows - 1)
            self._rows = total
            for number in [n for n in self._blocks if n * self.block_size >= total]:
                del self._blocks[number]
            self.endRemoveRows()
        return True

    def row_of(self, record_id: int) -> int | None:
        """Row of a record among the rows already read (no database access)."""
        for number, block in self._blocks.items():
            for offset, record in enumerate(block):
                if record.id == record_id:
                    return number * self.block_size + offset
        return None

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
                block = self._page_fn(self.filter, number * self.block_size, self.block_size)
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
        # A view asks each painted cell for seven roles, every one a call into Python: the roles are compared as
        # plain ints (an enum member's comparison costs more than the rest of a call that answers nothing).
        if role == _DISPLAY:
            record = self.item(index.row())
            return None if record is None else self.columns[index.column()].value(record)
        if role == _ALIGNMENT and self.columns[index.column()].align_right:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def cached_blocks(self) -> int:
        return len(self._blocks)
