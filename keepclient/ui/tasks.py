"""Runs slow work off the UI thread with progress, result, error and cancel, or inline for tests.

The work is a plain function `work(progress, is_cancelled)`; services know nothing of Qt. Only plain numbers
cross threads as signal arguments: the result or the error stays on the task and is handed over on the UI
thread when `finished` arrives. Workers are ordinary Python threads (two: the machine's cores), which need no
Qt object per task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal()


class Task:
    """One piece of background work; `cancel()` asks it to stop at its next check."""

    def __init__(self, work: Work, cleanup: Callable[[], None] | None = None) -> None:
        self.work = work
        self.cleanup = cleanup
        self.signals = TaskSignals()
        self.result: Any = None
        self.error: Exception | None = None
        self._handlers: list[tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]] = []
        self._cancelled = threading.Event()

    def then(self, on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[Exception], None] | None = None) -> Task:
        """Call `on_success(result)` or `on_failure(error)` on the UI thread when the work is over."""
        self._handlers.append((on_success, on_failure))
        if len(self._handlers) == 1:
            self.signals.finished.connect(self._deliver)
        return self

    def _deliver(self) -> None:
        for on_success, on_failure in self._handlers:
            if self.error is None:
                if on_success is not None:
                    on_success(self.result)
            elif on_failure is not None:
                on_failure(self.error)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self.signals.progress.emit, self._cancelled.is_set)
        except Exception as exc:  # handed to the UI, which shows typed errors and reports bugs
            self.error = exc
        finally:
            if self.cleanup:
                self.cleanup()
            self.signals.finished.emit()


class TaskRunner:
    """Starts tasks on worker threads; `inline=True` runs them at once on the calling thread (tests)."""

    _executor: ThreadPoolExecutor | None = None  # shared by all runners: two cores, two workers

    def __init__(self, inline: bool = False) -> None:
        self.inline = inline
        self.pending: list[Future] = []
        # Running tasks, held here until their result has been delivered on the UI thread: a caller that drops
        # its task early (a newer count replacing an older one) would otherwise leave the last reference to the
        # worker thread, which would then destroy the task's Qt signals object off the UI thread (a crash).
        self.running: dict[int, Task] = {}

    def start(self, task: Task) -> Task:
        if self.inline:
            task.run()
            return task
        if TaskRunner._executor is None:
            TaskRunner._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="keepclient")
        key = id(task)
        self.running[key] = task
        task.signals.finished.connect(lambda: QTimer.singleShot(0, lambda: self.running.pop(key, None)))
        self.pending = [f for f in self.pending if not f.done()]
        self.pending.append(TaskRunner._executor.submit(task.run))
        return task

    def wait(self) -> None:
        """Block until every task started here has finished (closing the window, switching databases)."""
        for future in self.pending:
            future.result()
        self.pending.clear()
