"""QApplication bootstrap and composition root: preferences, translations, the window on the start-up database,
and the services it opens databases with."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from keepclient import __version__, paths
from keepclient.i18n import resolve_language
from keepclient.ui.widgets.after_paint import AfterFirstPaint

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

# Benchmarks: quit once the window has painted its first frame ("window") or its first frame with customers
# ("data"), so a whole-process start can be timed up to the moment a person sees it.
QUIT_WHEN_SHOWN = "KEEPCLIENT_QUIT_WHEN_SHOWN"


def open_workspace(path: Path | str, *, shared: bool | None = None, create: bool = False) -> Workspace:
    """The window's opener: the database at `path` with the services over it. Services (and peewee) load here, on
    the first open, after the window is on screen."""
    from keepclient.services.workspace import Workspace

    return Workspace.open(path, shared=shared, create=create)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """keepclient's own strings plus Qt's (standard buttons, dialogs) in the chosen language."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    from PySide6.QtCore import QLibraryInfo

    QLocale.setDefault(QLocale(language))
    for name, folder in (("keepclient", paths.translations_dir()),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def run_app(db_path: Path | str | None = None, shared: bool | None = None, language: str | None = None,
            create: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("keepclient")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("keepclient")
    QApplication.setWindowIcon(QIcon(str(paths.resource_dir() / "icons" / "keepclient.svg")))

    from keepclient.ui.main_window import MainWindow
    from keepclient.ui.settings import Preferences

    prefs = Preferences(paths.settings_file())
    install_translations(app, resolve_language(language or prefs.language))
    window = MainWindow(prefs, opener=open_workspace)
    app.aboutToQuit.connect(window.shutdown)
    probe = os.environ.get(QUIT_WHEN_SHOWN)

    def open_database() -> None:
        path = (db_path if isinstance(db_path, str) else Path(db_path)) if db_path else paths.startup_database()
        if isinstance(path, str):  # a team server: its kept password, else the Connect dialog
            window.connect_to_server(path)
        else:
            window.open_workspace(path, shared=shared, create=create or paths.is_default_database(path))
        if probe == "data":
            AfterFirstPaint(window, app.quit)
            window.update()

    # The database opens right after the first frame: the window never waits for peewee, the disk or a busy share.
    AfterFirstPaint(window, app.quit if probe == "window" else open_database)
    window.show()
    return app.exec()
