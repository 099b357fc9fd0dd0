"""Runs slow work off the UI thread with progress, result, error and cancel, or inline for tests.

The work is a plain function `work(progress, is_cancelled)`; services know nothing of Qt. Signals carry results
back to the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """One piece of background work; `cancel()` asks it to stop at its next check."""

    def __init__(self, work: Work, cleanup: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.work = work
        self.cleanup = cleanup
        self.signals = TaskSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self._cancelled.is_set)
        except Exception as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            if self.cleanup:
                self.cleanup()
            self.signals.finished.emit()


class TaskRunner:
    """Starts tasks on a thread pool; `inline=True` runs them at once on the calling thread (tests)."""

    def __init__(self, inline: bool = False) -> None:
        self.inline = inline
        self.pool = QThreadPool.globalInstance()

    def start(self, task: Task) -> Task:
        task.setAutoDelete(False)
        if self.inline:
            task.run()
        else:
            self.pool.start(task)
        return task

    def wait(self) -> None:
        self.pool.waitForDone()
