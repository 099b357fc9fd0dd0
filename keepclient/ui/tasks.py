"""Runs slow work off the UI thread with progress, result, error and cancel, or inline for tests.

The work is a plain function `work(progress, is_cancelled)`; services know nothing of Qt. Only plain numbers
cross threads as signal arguments: the result or the error stays on the task and is handed over on the UI
thread when `finished` arrives. Workers are ordinary Python threads (two: the machine's cores), which need no
Qt object per task.

Work nobody waits for (the day's recount of the team's figures) runs as a background task: each time it asks
`is_cancelled` (between its steps and chunks) it first waits until the user has paused typing (`UserActivity`),
so a search typed meanwhile shares neither the cores nor the database with it; closing the window cancels it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal()


QUIET_S = 1.0  # how long after the user's last keystroke in a search a background task goes on


class UserActivity:
    """When the user last typed into a search (or opened a database); background tasks wait for a pause."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    def touch(self) -> None:
        self._last = time.monotonic()

    def wait_for_pause(self, stop: threading.Event) -> None:
        """Return once QUIET_S passed since the last touch (at once when `stop` is set)."""
        while not stop.is_set():
            remaining = self._last + QUIET_S - time.monotonic()
            if remaining <= 0:
                return
            stop.wait(remaining)


class Task:
    """One piece of work off the UI thread; `cancel()` asks it to stop at its next check. A `background` task
    waits at each check while the user is typing (see the module's docstring)."""

    def __init__(self, work: Work, cleanup: Callable[[], None] | None = None, *, background: bool = False) -> None:
        self.work = work
        self.cleanup = cleanup
        self.background = background
        self.activity: UserActivity | None = None  # set by the runner that starts a background task
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

    def _check(self) -> bool:
        """The work's `is_cancelled`: a background task's checkpoint, where it waits for the user to pause."""
        if self.activity is not None:
            self.activity.wait_for_pause(self._cancelled)
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self.signals.progress.emit, self._check)
        except Exception as exc:  # handed to the UI, which shows typed errors and reports bugs
            self.error = exc
        finally:
            if self.cleanup:
                self.cleanup()
            self.signals.finished.emit()


class TaskRunner:
    """Starts tasks on worker threads; `inline=True` runs them at once on the calling thread (tests)."""

    _executor: ThreadPoolExecutor | None = None  # shared by all runners: two cores, two workers
    _background: ThreadPoolExecutor | None = None  # one more, so that a background task's wait never holds a count
    activity = UserActivity()  # the one user of this process, whichever window they type in

    def __init__(self, inline: bool = False) -> None:
        self.inline = inline
        self.pending: list[Future] = []
        # Running tasks, held here until their result has been delivered on the UI thread: a caller that drops
        # its task early (a newer count replacing an older one) would otherwise leave the last reference to the
        # worker thread, which would then destroy the task's Qt signals object off the UI thread (a crash).
        self.running: dict[int, Task] = {}

    def start(self, task: Task) -> Task:
        if self.inline:  # tests: nothing runs beside it to wait for
            task.run()
            return task
        if TaskRunner._executor is None:
            TaskRunner._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="keepclient")
            TaskRunner._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keepclient-background")
        executor = TaskRunner._executor
        if task.background:
            task.activity = TaskRunner.activity
            executor = TaskRunner._background  # type: ignore[assignment]  # made with the other
        key = id(task)
        self.running[key] = task
        task.signals.finished.connect(lambda: QTimer.singleShot(0, lambda: self.running.pop(key, None)))
        self.pending = [f for f in self.pending if not f.done()]
        self.pending.append(executor.submit(task.run))
        return task

    def stop(self) -> None:
        """Closing the window or its database: cancel the background tasks started here (none is waited for), then
        wait for the others (the lists' counts read the database about to be closed)."""
        for task in self.running.values():
            if task.background:
                task.cancel()
        self.wait()

    def wait(self) -> None:
        """Block until every task started here has finished (closing the window, switching databases)."""
        for future in self.pending:
            future.result()
        self.pending.clear()
