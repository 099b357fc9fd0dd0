"""QApplication bootstrap: preferences, translations, the window on the start-up database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from keepclient import __version__, paths
from keepclient.i18n import resolve_language

QUIT_WHEN_SHOWN = "KEEPCLIENT_QUIT_WHEN_SHOWN"  # benchmarks: exit once the first frame is on screen


def install_translations(app: QApplication, language: str) -> None:
    """keepclient's own strings plus Qt's (standard buttons, dialogs) in the chosen language."""
    if language == "en":
        return
    from PySide6.QtCore import QLibraryInfo

    QLocale.setDefault(QLocale(language))
    for name, folder in (("keepclient", paths.translations_dir()),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", str(folder)):
            app.installTranslator(translator)


def run_app(db_path: Path | None = None, shared: bool | None = None, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("keepclient")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("keepclient")

    from keepclient.ui.main_window import MainWindow
    from keepclient.ui.settings import Preferences

    prefs = Preferences(paths.settings_file())
    install_translations(app, resolve_language(language or prefs.language))
    window = MainWindow(prefs)
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    window.open_workspace(db_path or paths.startup_database(), shared=shared)
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, app.quit)
    return app.exec()
