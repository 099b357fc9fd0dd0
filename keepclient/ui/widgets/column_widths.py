"""Column widths of the lists: defaults measured from what a column shows, and the user's own remembered.

Qt's default of 100 px per column made a one-letter Tier as wide as a cut-off phone number. Each list names a
sample of its widest usual value per column ("+86 138 1234 5678", a date, the longest stage); a column is as
wide as that sample or its header, whichever is wider. Once the user drags or moves a column, the header's state
is saved in the user's settings under the list's own key, and restored the next time the list is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from keepclient.ui.settings import StoredChoices

PADDING = 18  # a cell's margins and a little air, so a sample fits without eliding
SAVE_AFTER_MS = 400  # a drag saves once it has paused
SAMPLE_DAY = dt.date(2026, 12, 28)  # a two-digit day and month: the widest date
SAMPLE_MOMENT = dt.datetime(2026, 12, 28, 12, 30)  # and the widest time of day
SAMPLE_PHONE = "+86 138 1234 5678"  # an international mobile number, the longest usual phone
SAMPLE_NAMES = ("北京百川汽配股份有限公司", "Smith Building Materials Ltd")  # usual names; longer ones elide
SAMPLE_PERSON = "Anna Taylor"  # a salesperson's or contact's name


def text_width(view: QAbstractItemView, texts: Iterable[str], bold: bool = False) -> int:
    """The widest of `texts` in the view's font (bold: as overdue rows are drawn), with a cell's padding."""
    font = view.font()
    font.setBold(bold)
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(text) for text in texts), default=0) + PADDING


def fit_columns(view: QAbstractItemView, header: QHeaderView, samples: Mapping[int, Iterable[str] | int],
                bold: bool = False) -> None:
    """Each column in `samples` as wide as its widest sample text (or the given pixels) and at least its header."""
    for column, sample in samples.items():
        width = sample if isinstance(sample, int) else text_width(view, sample, bold)
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))


class ColumnMemory(QObject):
    """Calls `save` once the user has paused resizing or moving a column of `header`, and at once when the header
    is hidden (the window closing) with a save still pending. The stretching last column follows the window's
    width, not the user: its resizing alone saves nothing."""

    def __init__(self, header: QHeaderView, save: Callable[[], None]) -> None:
        super().__init__(header)
        self.header = header
        self._save = save
        self._timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self._timer.timeout.connect(save)
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(lambda *_: self._timer.start())
        header.installEventFilter(self)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        header = self.header
        if header.stretchLastSection() and header.visualIndex(column) == header.count() - 1:
            return
        self._timer.start()

    def cancel(self) -> None:
        """Forget a pending save: the widths just set are the defaults, not the user's choice."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.flush()
        return False

    def flush(self) -> None:
        """Save now if a change is waiting."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()


def remember_columns(header: QHeaderView, choices: StoredChoices | None, key: str,
                     defaults: Callable[[], None] | None = None) -> bool:
    """Restore the header's columns saved under `key` (else apply `defaults`), and save them under `key` from now
    on. Returns whether a saved state was restored. Without `choices` only the defaults apply."""
    state = choices.header_state(key) if choices is not None else None
    restored = state is not None and header.restoreState(state)
    if not restored and defaults is not None:
        defaults()
    if choices is not None:  # after the defaults: only the user's changes are saved
        ColumnMemory(header, lambda: choices.set_header_state(key, header.saveState()))
    return restored


def untouched(header: QHeaderView, column: int) -> bool:
    """Whether a restored column still has Qt's default width: never sized by the user (a state saved before the
    list had defaults of its own, when only the order or the hidden columns were kept)."""
    return header.sectionSize(column) == header.defaultSectionSize()

