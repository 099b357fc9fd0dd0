"""The feedback log's table model: rows read a block at a time for the current filter, sorted in the database.

A filter or sort change reads only the first block before the view repaints; the full count (with the counts per
status for the header strip) follows from `counts_needed` off the UI thread. Overdue rows are drawn bold with the
deadline in red; `data()` answers only the roles it uses and returns None at once for the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from keepclient.domain.types import FeedbackFilter, FeedbackItem
from keepclient.ui.labels import datetime_text, label
from keepclient.ui.widgets.paged_model import Column, Index, PagedTableModel

if TYPE_CHECKING:
    from keepclient.services.feedback import FeedbackService  # services load after the window is shown

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

OVERDUE_COLOR = QColor("#c62828")
DESCRIPTION_CHARS = 200  # a table cell shows one line; the whole text is in the tooltip and the editor

# (sort key, header, header tooltip); the description cannot be sorted on.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("received_at", QT_TRANSLATE_NOOP("FeedbackLogModel", "Received"), ""),
    ("customer", QT_TRANSLATE_NOOP("FeedbackLogModel", "Customer"), ""),
    ("kind", QT_TRANSLATE_NOOP("FeedbackLogModel", "Kind"), ""),
    ("category", QT_TRANSLATE_NOOP("FeedbackLogModel", "Category"), ""),
    ("severity", QT_TRANSLATE_NOOP("FeedbackLogModel", "Severity"), ""),
    ("status", QT_TRANSLATE_NOOP("FeedbackLogModel", "Status"), ""),
    ("owner", QT_TRANSLATE_NOOP("FeedbackLogModel", "Owner"), ""),
    ("due", QT_TRANSLATE_NOOP("FeedbackLogModel", "Due"),
     QT_TRANSLATE_NOOP("FeedbackLogModel", "The next deadline: the first response, then the resolution")),
    ("first_response", QT_TRANSLATE_NOOP("FeedbackLogModel", "First response"),
     QT_TRANSLATE_NOOP("FeedbackLogModel", "Time from receiving the feedback to the first response")),
    ("resolution", QT_TRANSLATE_NOOP("FeedbackLogModel", "Resolution"),
     QT_TRANSLATE_NOOP("FeedbackLogModel", "Time from receiving the feedback to its resolution")),
    ("description", QT_TRANSLATE_NOOP("FeedbackLogModel", "Description"), ""),
)
SORT_KEYS = tuple(key for key, _header, _tip in COLUMNS)
DUE_COLUMN = SORT_KEYS.index("due")
DESCRIPTION_COLUMN = len(COLUMNS) - 1
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.ToolTipRole})


def duration_text(span: dt.timedelta | None) -> str:
    """A response or resolution time as people say it: minutes, hours up to two days, then days."""
    if span is None:
        return ""
    minutes = max(span.total_seconds() / 60, 0)
    locale = QLocale()
    if minutes < 60:
        return translate("FeedbackLogModel", "%1 min").replace("%1", str(round(minutes)))
    hours = minutes / 60
    if hours < 48:
        return translate("FeedbackLogModel", "%1 h").replace("%1", locale.toString(hours, "f", 1 if hours < 10 else 0))
    days = hours / 24
    return translate("FeedbackLogModel", "%1 d").replace("%1", locale.toString(days, "f", 1 if days < 10 else 0))


def _description(item: FeedbackItem) -> str:
    text = " ".join(item.description[:DESCRIPTION_CHARS * 2].split())
    return text if len(text) <= DESCRIPTION_CHARS else text[:DESCRIPTION_CHARS] + "…"


VALUES: tuple[Callable[[FeedbackItem], Any], ...] = (
    lambda f: datetime_text(f.received_at), lambda f: f.customer, lambda f: label(f.kind),
    lambda f: label(f.category), lambda f: label(f.severity), lambda f: label(f.status), lambda f: f.owner,
    lambda f: datetime_text(f.next_due), lambda f: duration_text(f.response_time),
    lambda f: duration_text(f.resolution_time), _description,
)


def log_columns() -> list[Column]:
    return [Column(translate("FeedbackLogModel", header), value, align_right=key in ("first_response", "resolution"))
            for (key, header, _tip), value in zip(COLUMNS, VALUES, strict=True)]


class FeedbackLogModel(PagedTableModel):
    """Rows of the filter given by `filter_getter`, as of the moment `clock()` gave at the last reload.

    `counts_needed(generation, filter, now)` asks for the counts per status; `set_counts` applies them (the total
    of the rows among them) unless a newer reload has happened since.
    """

    sort_changed = Signal()
    counts_needed = Signal(int, object, object)

    def __init__(self, service: FeedbackService, filter_getter: Callable[[], FeedbackFilter],
                 clock: Callable[[], dt.datetime]) -> None:
        self.service = service
        self.filter_getter, self.clock = filter_getter, clock
        self.filter = FeedbackFilter()
        self.now = clock()
        # Blocks of 100 rows: a screen shows 30 to 50, so a new filter reads little before it can repaint.
        super().__init__(log_columns(), self._count, self._page, block_size=100, max_blocks=20)
        self.sort_key, self.descending = "due", False
        self.generation = 0
        self.bold = QFont()
        self.bold.setBold(True)
        self._roles = _ROLES | {Qt.ItemDataRole.TextAlignmentRole}

    def _count(self) -> int:
        return self.service.count(self.filter, now=self.now)

    def _page(self, offset: int, limit: int) -> list[FeedbackItem]:
        return self.service.rows(self.filter, offset, limit, now=self.now)

    def reload(self, keep_total: bool = False) -> None:  # type: ignore[override]
        """Read the first block of the current filter; the count follows through `counts_needed`.

        `keep_total` keeps the old row count until the new one arrives (a refresh that keeps the scroll
        position); otherwise the list holds the first block alone until then.
        """
        self.filter, self.now = self.filter_getter(), self.clock()
        first = self._page(0, self.block_size)
        self.beginResetModel()
        self.generation += 1
        self._blocks.clear()
        self._blocks[0] = first
        full = len(first) == self.block_size
        self._rows = max(len(first), self._rows) if keep_total and full else len(first)
        self.endResetModel()
        self.counts_needed.emit(self.generation, self.filter, self.now)

    def known_total(self) -> int | None:
        """The number of rows when the first block already holds them all; None until the counts arrive."""
        first = self._blocks.get(0)
        return len(first) if first is not None and len(first) < self.block_size else None

    def set_counts(self, generation: int, counts: dict[str, int]) -> bool:
        """Apply the counts of reload `generation` (False when a newer one has happened since)."""
        if generation != self.generation:
            return False
        total = total_of(counts, self.filter)
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._roles:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if self.columns[column].align_right else None
        record = self.item(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[column].value(record)
        overdue = record.next_due is not None and record.next_due < self.now
        if role == Qt.ItemDataRole.FontRole:
            return self.bold if overdue else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR if overdue and column == DUE_COLUMN else None
        if column == DUE_COLUMN:  # the tooltip: which deadline, and by how much it has passed
            return due_tooltip(record, self.now)
        if column == DESCRIPTION_COLUMN:
            return record.description or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            tip = COLUMNS[section][2]
            return translate("FeedbackLogModel", tip) if tip else None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is not None and (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.sort_changed.emit()

    def sort_column(self) -> int:
        return SORT_KEYS.index(self.sort_key)

    def row_of(self, feedback_id: int) -> int | None:
        """Row of an item among the rows already read (no database access)."""
        for number, block in self._blocks.items():
            for offset, record in enumerate(block):
                if record.id == feedback_id:
                    return number * self.block_size + offset
        return None


def total_of(counts: dict[str, int], flt: FeedbackFilter) -> int:
    """The rows a filter shows, from its counts per status (which ignore the filter's statuses)."""
    if flt.statuses:
        return sum(counts.get(status, 0) for status in set(flt.statuses))
    return counts.get("all", 0)


def due_tooltip(item: FeedbackItem, now: dt.datetime) -> str | None:
    if item.next_due is None:
        return None
    which = (translate("FeedbackLogModel", "First response due %1") if item.first_response_at is None
             else translate("FeedbackLogModel", "Resolution due %1")).replace("%1", datetime_text(item.next_due))
    if item.next_due < now:
        which += "\n" + translate("FeedbackLogModel", "Overdue by %1").replace("%1", duration_text(now - item.next_due))
    return which
