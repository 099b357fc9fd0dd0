"""One paged list beside one detail pane: what the customers tab and the feedback log both do, written once.

The area pushes its filter here (`set_filter`, never read back from widgets); the controller shows the first block
at once, counts the rest off the UI thread once typing pauses, re-selects what was selected after a refresh,
moves the pane to the first result when the shown record drops out of the results, saves the pane's edits before
another record is shown, and turns a failed save into a marked field, a conflict or a message. What differs
between areas (how a record is read, written, counted; what a conflict shows) comes in as `ListDetailOps`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QTimer, Signal
from shiboken6 import isValid

from keepclient.domain.errors import CancelledError, ConflictError, KeepclientError, ValidationError
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.paged_model import PagedTableModel
from keepclient.ui.widgets.paged_table import PagedTableView

COUNT_DELAY_MS = 150  # how long typing must pause before the full count is asked for
SETTLE_MS = 150  # how long filtering must pause before the pane follows the results


class DetailPane(Protocol):
    """What the controller needs of a detail pane."""

    @property
    def shown_id(self) -> int | None: ...

    def is_dirty(self) -> bool: ...

    def clear(self) -> None: ...

    def mark_invalid(self, field: str, message: str) -> None: ...


def _as_total(result: Any, _flt: Any) -> int:
    return int(result)


@dataclass(frozen=True)
class ListDetailOps:
    """An area's records, as the controller uses them.

    - `show(id)` reads a record and shows it in the pane (reporting a failed read itself);
    - `write()` saves the pane's edits and announces the change; raises ValidationError, ConflictError,
      CancelledError (the user declined a question it asked) or another KeepclientError, having changed nothing;
    - `conflict(error)` shows a colleague's newer save with the user's edits on top;
    - `counter(filter)` returns, on the UI thread, the work that counts `filter` off it (a number, or whatever
      `total_of(result, filter)` turns into the number of rows);
    - `release_thread` closes the worker thread's database connection after a count."""

    show: Callable[[int], None]
    write: Callable[[], None]
    conflict: Callable[[ConflictError], None]
    counter: Callable[[Any], Callable[[], Any]]
    release_thread: Callable[[], None]
    total_of: Callable[[Any, Any], int] = _as_total


def tr_error(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class ListDetailController(QObject):
    """`counted(result, filter)`: a count arrived and the list took it; `rows_changed()`: the list was read again
    or its length became known (empty states follow it); `message(text)`: for the status bar."""

    counted = Signal(object, object)
    rows_changed = Signal()
    message = Signal(str)

    def __init__(self, table: PagedTableView, pane: DetailPane, runner: TaskRunner,
                 report: Callable[[KeepclientError, bool], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table, self.pane, self.runner, self.report = table, pane, runner, report
        self.model: PagedTableModel | None = None
        self.ops: ListDetailOps | None = None
        self.filter: Any = None
        self._selecting = False
        self._count_delay: int | None = None
        self._count_request: tuple[int, Any, Callable[[], Any]] | None = None
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._start_count)
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)

    # -- opening -------------------------------------------------------------------------------------------
    def attach(self, model: PagedTableModel, ops: ListDetailOps, flt: Any) -> None:
        """Show `model` (of a newly opened database) with its first rows for `flt`."""
        if self.model is not None:
            self.model.count_needed.disconnect(self._count_needed)
        self.model, self.ops, self.filter = model, ops, flt
        self._count_request = None
        self._count_timer.stop()
        model.count_needed.connect(self._count_needed)
        self._reload()
        self.table.setModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    @property
    def counting(self) -> bool:
        """A count is waiting for typing to pause (tests wait for it to be over)."""
        return self._count_timer.isActive()

    # -- the filter ----------------------------------------------------------------------------------------
    def set_filter(self, flt: Any, *, typing: bool = False) -> None:
        """A keystroke, filter or sort: the first block at once, scrolled to the top; the count follows once
        the first block is painted (and while `typing`, once typing pauses); the pane follows once it pauses."""
        self.filter = flt
        if typing:
            TaskRunner.activity.touch()  # background tasks wait until the typing pauses
        if self.model is None:
            return
        self._reload(count_delay=COUNT_DELAY_MS if typing else 0)
        self.table.scrollToTop()
        self._settle_timer.start()

    def _reload(self, *, keep_total: bool = False, count_delay: int | None = None) -> None:
        """`count_delay`: None counts at once (opening, refreshing); 0 once the first block is painted."""
        assert self.model is not None
        self._count_delay = count_delay
        self._count_request = None  # a count still waiting is of rows no longer shown
        self._count_timer.stop()
        self._selecting = True
        try:
            self.model.reload(self.filter, keep_total=keep_total)
        except KeepclientError as exc:
            self.report(exc, True)
        finally:
            self._selecting = False
        self.rows_changed.emit()

    def _settle(self) -> None:
        """Filtering paused: if the pane shows a record the new results no longer hold, show the first one."""
        model, shown = self.model, self.pane.shown_id
        if model is None or self.pane.is_dirty() or (shown is not None and model.row_of(shown) is not None):
            return
        if model.rowCount():
            self.table.selectRow(0)
        else:
            self.pane.clear()

    # -- counting ------------------------------------------------------------------------------------------
    def _count_needed(self, generation: int, flt: Any) -> None:
        assert self.ops is not None
        self._count_request = (generation, flt, self.ops.counter(flt))
        if self._count_delay is None:
            self._start_count()
        else:
            self._count_timer.start(self._count_delay)

    def _start_count(self) -> None:
        self._count_timer.stop()
        request, ops = self._count_request, self.ops
        if request is None or ops is None:
            return
        self._count_request = None
        generation, flt, work = request
        model = self.model
        task = Task(lambda _report, _cancelled: work(), cleanup=ops.release_thread)
        task.then(lambda result: self._counted(model, generation, flt, result), self._count_failed)
        self.runner.start(task)

    def _counted(self, model: PagedTableModel | None, generation: int, flt: Any, result: Any) -> None:
        if not isValid(self):  # the window closed while the count ran: nobody left to tell
            return
        if model is None or model is not self.model or self.ops is None:
            return
        if model.set_total(generation, self.ops.total_of(result, flt)):
            self.counted.emit(result, flt)
            self.rows_changed.emit()

    def _count_failed(self, error: Exception) -> None:
        if not isinstance(error, KeepclientError):
            raise error  # a bug: the window's error hook shows it
        self.report(error, True)  # a busy share: the next change counts again

    # -- refreshing ----------------------------------------------------------------------------------------
    def refresh(self, *, reshow: bool = True) -> None:
        """Read the list again, keeping the scroll position and the selection where they are; the pane shows
        its record again unless the user is editing it (or `reshow` is False)."""
        if self.model is None:
            return
        current, selected = self.table.current_id(), self.table.selected_ids()
        scroll = self.table.verticalScrollBar().value()
        self._reload(keep_total=True)
        self._selecting = True
        try:
            self.table.verticalScrollBar().setValue(scroll)
            self.table.reselect(current if current is not None else self.pane.shown_id, selected or None)
        finally:
            self._selecting = False
        shown = self.pane.shown_id
        if reshow and shown is not None and not self.pane.is_dirty() and self.ops is not None:
            self.ops.show(shown)

    def select(self, record_id: int) -> None:
        """Show a record in the pane and select it in the list where it is (when among the rows read)."""
        if self.ops is None:
            return
        self.ops.show(record_id)
        self._selecting = True
        try:
            self.table.reselect(record_id)
        finally:
            self._selecting = False

    # -- the pane ------------------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or self.model is None or self.ops is None:
            return
        record = self.model.item(current.row())
        if record is None or record.id == self.pane.shown_id:
            return
        dirty_id = self.pane.shown_id if self.pane.is_dirty() else None
        if dirty_id is not None and not self.save():
            row = self.model.row_of(dirty_id)
            self._selecting = True
            try:
                if row is not None:
                    self.table.selectRow(row)
            finally:
                self._selecting = False
            return
        self.ops.show(record.id)

    def save(self) -> bool:
        """Save the pane's edits (never silently over a colleague's); False when they are not saved yet."""
        if self.ops is None or self.pane.shown_id is None or not self.pane.is_dirty():
            return True
        try:
            self.ops.write()
        except ValidationError as exc:
            text = exc.message(tr_error)
            self.pane.mark_invalid(exc.field, text)
            self.message.emit(text)
            return False
        except ConflictError as exc:
            self.ops.conflict(exc)
            return False
        except CancelledError:  # the user said no to a question the save asked: nothing to report
            return False
        except KeepclientError as exc:
            self.report(exc, False)
            return False
        return True

    def revert(self) -> None:
        shown = self.pane.shown_id
        if shown is not None and self.ops is not None:
            self.ops.show(shown)
