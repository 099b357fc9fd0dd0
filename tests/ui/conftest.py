"""Fixtures the window tests share: the locale, the preferences file, windows and calendar areas over a database.

Factories (`make_window`, `open_window`, `make_area`) rather than ready widgets where a test builds a second one
on the same preferences to see what was remembered. A test file that needs a variant overrides the fixture by
its name, often on top of the shared one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from keepclient.app import install_translations
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests import small_team
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter, default_locale, open_workspace

WindowFactory = Callable[..., tuple[MainWindow, ScriptedPrompter]]


@pytest.fixture
def team_db(tmp_path: Path) -> tuple[Path, dict[str, int], dict[str, int]]:
    """A small team's database file (tests/small_team.py): (path, customer ids by key, salespeople by key)."""
    ws, ids, people = small_team.build(tmp_path / "team.db")
    ws.close()
    return tmp_path / "team.db", ids, people


# -- locale -------------------------------------------------------------------------------------------------------
@pytest.fixture
def british_locale() -> Iterator[None]:
    """Weeks start on Monday and dates read dd/mm/yyyy, whatever the machine says; restored afterwards.
    A file asks for it with `pytestmark = pytest.mark.usefixtures("british_locale")`."""
    with default_locale(QLocale.Language.English, QLocale.Country.UnitedKingdom):
        yield


@pytest.fixture
def english_locale() -> Iterator[None]:
    """Money and dates as an American English locale writes them, whatever the machine's locale."""
    with default_locale(QLocale.Language.English, QLocale.Country.UnitedStates):
        yield


@pytest.fixture
def chinese_ui() -> Iterator[None]:
    """keepclient's and Qt's strings in Chinese (the shipped translations) for one test, removed afterwards."""
    before = QLocale()
    translators = install_translations(QApplication.instance(), "zh_CN")
    assert translators
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


# -- the main window ------------------------------------------------------------------------------------------------
@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    """The user's preferences in a temporary file; every window and area of one test shares it."""
    return Preferences(tmp_path / "prefs.ini")


@pytest.fixture
def make_window(qtbot, prefs: Preferences) -> WindowFactory:
    """`make(prompter=None, *, size=None, runner=None, **MainWindow keywords)`: a shown window with no database
    yet, on a scripted prompter, the application's opener and (unless another is given) an inline runner;
    returns (window, prompter)."""

    def make(prompter: ScriptedPrompter | None = None, *, size: tuple[int, int] | None = None,
             runner: TaskRunner | None = None, **kwargs) -> tuple[MainWindow, ScriptedPrompter]:
        prompter = prompter or ScriptedPrompter()
        kwargs.setdefault("opener", open_workspace)
        window = MainWindow(prefs, prompter=prompter, runner=runner or TaskRunner(inline=True), **kwargs)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        return window, prompter

    return make


@pytest.fixture
def open_window(qtbot, make_window: WindowFactory) -> WindowFactory:
    """`make(db, prompter=None, *, detail=True, **make_window keywords)`: a window on `db`, on the Customers tab,
    once its detail shows the first customer (`detail`); returns (window, prompter)."""

    def make(db: Path, prompter: ScriptedPrompter | None = None, *, detail: bool = True,
             **kwargs) -> tuple[MainWindow, ScriptedPrompter]:
        window, prompter = make_window(prompter, **kwargs)
        window.tabs.setCurrentIndex(0)
        assert window.open_workspace(db, offer_demo=False)
        if detail:
            qtbot.waitUntil(lambda: window.customers.detail.shown_id is not None)
        return window, prompter

    return make


@pytest.fixture
def window(open_window: WindowFactory, demo_db: Path) -> MainWindow:
    """A window on a copy of the demo database, its Customers tab showing the first customer."""
    return open_window(demo_db)[0]


# -- the calendar ---------------------------------------------------------------------------------------------------
@pytest.fixture
def make_area(qtbot, workspace: Workspace, prefs: Preferences) -> Callable[..., CalendarArea]:
    """`make(prompter=None, runner=None)`: the calendar on the `workspace` fixture's database, shown large enough
    for a week of columns, its today the demo's; the runner works inline unless another is given."""

    def make(prompter: ScriptedPrompter | None = None, runner: TaskRunner | None = None) -> CalendarArea:
        area = CalendarArea(prefs, prompter or ScriptedPrompter(), today=DEMO_TODAY,
                            runner=runner or TaskRunner(inline=True))
        qtbot.addWidget(area)
        area.resize(1300, 820)
        area.show()
        area.show_workspace(workspace)
        return area

    return make

