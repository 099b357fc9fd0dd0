"""The feedback log's table model: rows read a block at a time for the current filter, sorted in the database.

A filter or sort change reads only the first block before the view repaints; the counts per status (the strip
above the log, and the list's length) follow off the UI thread (the list/detail controller asks for them).
Overdue rows are drawn bold with the deadline in red; `data()` answers only the roles it uses and returns None at
once for the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QFont

from keepclient.domain.enums import FeedbackStatus
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import FeedbackFilter, FeedbackItem
from keepclient.ui.labels import datetime_text, label, label_in
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
    lambda f: label(f.category), lambda f: label(f.severity), lambda f: label_in(FeedbackStatus, f.status),
    lambda f: f.owner,
    lambda f: datetime_text(f.next_due), lambda f: duration_text(f.response_time),
    lambda f: duration_text(f.resolution_time), _description,
)


def log_columns() -> list[Column]:
    return [Column(translate("FeedbackLogModel", header), value, align_right=key in ("first_response", "resolution"))
            for (key, header, _tip), value in zip(COLUMNS, VALUES, strict=True)]


class FeedbackLogModel(PagedTableModel):
    """Rows of a `FeedbackFilter` as of the moment `clock()` gave at the last reload (overdue is relative to it).

    Every reload asks for the counts per status (`count_needed`, `count_always`): the status strip shows them
    even when the first block holds every row."""

    def __init__(self, service: FeedbackService, clock: Callable[[], dt.datetime]) -> None:
        self.clock = clock
        self.now = clock()
        # Blocks of 100 rows: a screen shows 30 to 50, so a new filter reads little before it can repaint.
        super().__init__(log_columns(), lambda flt, offset, limit: service.rows(flt, offset, limit, now=self.now),
                         count_always=True)
        self.bold = QFont()
        self.bold.setBold(True)
        self._roles = _ROLES | {Qt.ItemDataRole.TextAlignmentRole}

    def reload(self, flt: Any, *, keep_total: bool = False) -> None:
        self.now = self.clock()
        super().reload(flt, keep_total=keep_total)

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
