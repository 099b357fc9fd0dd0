"""The window's guards around the storage: the damage check after start-up, and typed errors that escape.

The check (SQLite's quick_check) reads the whole file, seconds on a large one, so it runs on a worker thread a
moment after the window has painted with its data: start-up never waits for it. Damage found is said in a dialog
that offers the backups; a sound file gets the day's first backup next (Workspace.daily_backup, also off the UI
thread), so no copy of a damaged file ever pushes a good backup out of the rotation.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QStatusBar, QWidget

from keepclient.domain.errors import DamagedDatabaseError, DatabaseBusyError, KeepclientError, NotADatabaseError
from keepclient.ui.tasks import Task
from keepclient.ui.widgets.after_paint import AfterFirstPaint

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.tasks import TaskRunner

CHECK_DELAY_MS = 1500  # after the first paint: the customer list reads first, the check gets the idle disk
SKIP_ENV = "KEEPCLIENT_SKIP_STARTUP_CHECK"  # benchmarks of other work: no check or daily backup competing with it


class GuardedWindow(Protocol):
    """What the storage guards need of the window: the open database, where work runs and messages go, and the
    way to a backup."""

    workspace: Workspace | None
    runner: TaskRunner
    prompter: Prompter

    def statusBar(self) -> QStatusBar: ...  # Qt's name for it

    def restore_from_backup(self) -> None: ...

    def show_error(self, error: KeepclientError) -> None: ...


class DamageCheck(QObject):
    """Runs `Database.quick_check()` once per opened database, in the background, after the first paint of
    `widget` (the window, which is also `window`)."""

    def __init__(self, window: GuardedWindow, widget: QWidget) -> None:
        super().__init__(widget)
        self.window, self.widget = window, widget
        self.task: Task | None = None
        self.problems: list[str] | None = None  # what the last check found ([] = healthy); None = not yet
        self.clock: Callable[[], dt.datetime] | None = None  # the daily backup's "now" (tests); None = the clock
        self.daily_backup: Path | None = None  # the backup taken after the last check, if one was due

    def schedule(self, workspace: Workspace) -> None:
        self.problems = None
        if os.environ.get(SKIP_ENV):
            return
        AfterFirstPaint(self.widget, lambda: QTimer.singleShot(CHECK_DELAY_MS, self, lambda: self.run(workspace)))
        self.widget.update()

    def run(self, workspace: Workspace) -> None:
        if workspace is not self.window.workspace or self.task is not None:
            return  # another database was opened meanwhile (it has its own check coming)
        task = Task(lambda _report, _cancelled: workspace.db.quick_check(), cleanup=workspace.release_thread)
        task.then(lambda problems: self._done(workspace, problems), lambda error: self._failed(workspace, error))
        task.signals.finished.connect(self._finished)
        self.task = task
        self.window.runner.start(task)

    def _finished(self) -> None:
        self.task = None

    def _done(self, workspace: Workspace, problems: list[str]) -> None:
        found = [p for p in problems if p and p.strip().lower() != "ok"]
        if workspace is not self.window.workspace:
            return
        self.problems = found
        if found:
            self.offer_restore(found)
        elif not workspace.read_only:
            self.back_up_daily(workspace)

    def back_up_daily(self, workspace: Workspace) -> None:
        """The day's first backup, in the background; a failure is said in the status bar (work goes on)."""
        when = self.clock() if self.clock else None
        task = Task(lambda _report, _cancelled: workspace.daily_backup(now=when), cleanup=workspace.release_thread)
        task.then(self._backed_up, lambda error: self._backup_failed(workspace, error))
        self.window.runner.start(task)

    def _backed_up(self, path: Path | None) -> None:
        self.daily_backup = path

    def _backup_failed(self, workspace: Workspace, error: Exception) -> None:
        if not isinstance(error, KeepclientError):
            raise error
        if workspace is self.window.workspace and not isinstance(error, DatabaseBusyError):
            self.window.statusBar().showMessage(self.tr("The daily backup failed: %1").replace(
                "%1", error.message(QCoreApplication.translate)), 30000)

    def _failed(self, workspace: Workspace, error: Exception) -> None:
        if workspace is not self.window.workspace or isinstance(error, DatabaseBusyError):
            return  # a colleague's long save: the next start checks again
        if isinstance(error, DamagedDatabaseError | NotADatabaseError):  # "database disk image is malformed"
            self.problems = [error.message(QCoreApplication.translate)]
            self.offer_restore(self.problems)
        elif isinstance(error, KeepclientError):
            self.window.statusBar().showMessage(error.message(QCoreApplication.translate), 15000)
        else:
            raise error

    def offer_restore(self, problems: list[str]) -> None:
        shown = "\n".join(problems[:5]) + ("\n…" if len(problems) > 5 else "")
        path = str(self.window.workspace.path) if self.window.workspace else ""
        answer = self.window.prompter.ask_choice(self.tr("The database is damaged"), self.tr(
            "keepclient found damage in %1:\n\n%2\n\nWhat is saved from now on may be lost. Restore the database "
            "from a backup, or continue at your own risk.").replace("%1", path).replace("%2", shown),
            [self.tr("Restore from backup…"), self.tr("Continue")])
        if answer == 0:
            self.window.restore_from_backup()


class TypedErrorHook:
    """sys.excepthook for the window: a KeepclientError that no handler caught (a full disk, a vanished file
    during any action) is shown as a dialog in the user's language; everything else goes on to the previous hook.
    """

    def __init__(self, window: GuardedWindow) -> None:
        self.window = weakref.ref(window)
        self.previous = sys.excepthook

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        window = self.window()
        if window is not None and isinstance(error, KeepclientError):
            window.show_error(error)
            return
        self.previous(kind, error, tb)


def install_error_hook(window: GuardedWindow) -> TypedErrorHook:
    hook = TypedErrorHook(window)
    sys.excepthook = hook
    return hook
