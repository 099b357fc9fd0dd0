"""The Help menu: Keyboard shortcuts, User guide, Save diagnostics… and About keepclient (with versions).

Kept out of main_window.py: the window hands over a small host (its menu bar, prompter, runner, workspace,
preferences and status bar) and the menu does the rest. Only Qt loads with the window; the diagnostics service
(peewee, the models) and the windows load when first used, so start-up pays nothing for Help.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QStatusBar, QWidget

from keepclient import __version__
from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.menu_action import make_action

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.help.shortcuts_window import Tabs
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.settings import Preferences
    from keepclient.ui.tasks import TaskRunner

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXT_FILTER = "Text (*.txt)"


class HelpHost(Protocol):
    """What the Help menu needs of the main window."""

    workspace: Workspace | None
    prompter: Prompter
    runner: TaskRunner
    prefs: Preferences

    def menuBar(self) -> QMenuBar: ...  # Qt's names for them

    def statusBar(self) -> QStatusBar: ...


def qt_versions() -> dict[str, str]:
    """The Qt the process runs on and the binding over it (only the UI may import Qt)."""
    return {"Qt": qVersion(), "PySide6": PySide6.__version__}


def about_text() -> str:
    """keepclient's line (translated), then the versions support asks for."""
    from keepclient.services import diagnostics  # peewee and the models load after the window is up

    head = translate("MainWindow", "keepclient %1\nCustomer follow-up for small sales teams.").replace(
        "%1", __version__)
    rows = diagnostics.versions(qt_versions())[1:]  # keepclient's own is in the first line
    return head + "\n\n" + "\n".join(f"{name}: {value}" for name, value in rows)


class HelpMenu(QObject):
    """Fills `menu` and opens its windows (one of each, raised again when already open)."""

    def __init__(self, host: HelpHost, window: QWidget, menu: QMenu, tabs: Tabs) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self.tabs = tabs
        self.shortcuts_window: QDialog | None = None
        self.guide_window: QDialog | None = None
        self.shortcuts_action = make_action(window, translate("HelpMenu", "&Keyboard shortcuts"),
                                            self.show_shortcuts, QKeySequence("Ctrl+/"))
        self.guide_action = make_action(window, translate("HelpMenu", "&User guide"), self.show_guide,
                                        QKeySequence.StandardKey.HelpContents)
        self.diagnostics_action = make_action(window, translate("HelpMenu", "Save &diagnostics…"),
                                              self.save_diagnostics)
        self.about_action = make_action(window, translate("MainWindow", "&About keepclient"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (self.shortcuts_action, self.guide_action, None, self.diagnostics_action, None,
                       self.about_action):
            menu.addAction(action) if action else menu.addSeparator()

    def _show(self, current: QDialog | None, make: Callable[[], QDialog]) -> QDialog:
        if current is None:
            current = make()
            current.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        current.show()
        current.raise_()
        current.activateWindow()
        return current

    def show_shortcuts(self) -> QDialog:
        from keepclient.ui.help.shortcuts_window import ShortcutsWindow

        def make() -> QDialog:
            made = ShortcutsWindow(self.host.menuBar(), self.tabs, self.window)
            made.destroyed.connect(lambda: setattr(self, "shortcuts_window", None))
            return made

        self.shortcuts_window = self._show(self.shortcuts_window, make)
        return self.shortcuts_window

    def show_guide(self) -> QDialog:
        from keepclient.ui.help.guide_window import GuideWindow

        def make() -> QDialog:
            made = GuideWindow(self.window)
            made.destroyed.connect(lambda: setattr(self, "guide_window", None))
            return made

        self.guide_window = self._show(self.guide_window, make)
        return self.guide_window

    def about(self) -> None:
        self.host.prompter.about(translate("MainWindow", "About keepclient"), about_text())

    def suggested_path(self, now: dt.datetime | None = None) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents else Path.home()
        return folder / f"keepclient-diagnostics-{(now or dt.datetime.now()).strftime('%Y%m%d-%H%M')}.txt"

    def save_diagnostics(self) -> None:
        """Asks where, then writes versions, settings and database counts (no customer data) in the background:
        counting a large database's rows takes a moment."""
        from keepclient.services import diagnostics  # loaded when first used
        from keepclient.ui.tasks import Task

        path = self.host.prompter.save_file(translate("HelpMenu", "Save diagnostics"), self.suggested_path(),
                                            translate("HelpMenu", "Text files (*.txt)"))
        if path is None:
            return
        workspace = self.host.workspace
        settings_path = Path(self.host.prefs.qsettings.fileName()) if self.host.prefs.qsettings else None
        qt = qt_versions()

        def work(_report: object, _cancelled: object) -> Path:
            report = diagnostics.collect(workspace.db if workspace else None, settings_path, qt=qt)
            return diagnostics.save(report, path)

        task = Task(work, cleanup=workspace.release_thread if workspace else None)
        task.then(self._saved, self._failed)
        self.host.runner.start(task)

    def _saved(self, path: Path) -> None:
        self.host.statusBar().showMessage(
            translate("HelpMenu", "Diagnostics saved to %1").replace("%1", str(path)), 15000)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, KeepclientError):
            raise error
        self.host.prompter.error(translate("HelpMenu", "Diagnostics not saved"),
                                 error.message(QCoreApplication.translate))
