"""The window and its dialogs fit a 1280×720 laptop screen in English and Chinese (issue 17, "Laptop size").

What is checked is what decides whether they fit: the minimum sizes the layouts ask for (`minimumSizeHint()` and
`minimumSize()`), with data loaded and each tab shown in turn, since a wide row of buttons, an unwrapped label or a
long path makes the whole window at least that wide. A remembered window place that falls off the screen is moved
back onto it; the screen's free area is injected, so the test machine's screen does not matter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from keepclient.services.workspace import Workspace
from keepclient.ui import settings as settings_module
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import FRAME_GUESS, Preferences, fit_rect
from keepclient.ui.tasks import TaskRunner
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import ScriptedPrompter, open_workspace, shown, sql

MAX_WIDTH = 1200  # the window on a 1280-pixel screen, with room to spare
MAX_HEIGHT = 680  # 720 less a taskbar
LAPTOP = QRect(0, 0, 1280, 680)  # a 1280×720 screen's free area, its taskbar at the bottom
DAY = dt.date(2026, 11, 23)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> str:
    """Each test once in English (an American locale) and once in Chinese (the shipped translations)."""
    request.getfixturevalue("english_locale" if request.param == "en" else "chinese_ui")
    return request.param


def needed(widget: QWidget) -> QSize:
    """The least size the widget's layouts let it have (what the window manager cannot go below)."""
    QApplication.processEvents()
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def assert_fits(widget: QWidget, what: str) -> None:
    size = needed(widget)
    assert size.width() <= MAX_WIDTH and size.height() <= MAX_HEIGHT, f"{what} needs {size.width()}×{size.height()}"


# -- the main window ------------------------------------------------------------------------------------------------
def test_every_tab_fits_a_laptop_screen_with_data_loaded(open_window: WindowFactory, demo_db: Path, qtbot,
                                                         language: str) -> None:
    window, _ = open_window(demo_db, size=(MAX_WIDTH, MAX_HEIGHT))
    assert_fits(window, f"{language} Customers tab")

    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar.set_due_panel(True)  # the calendar's widest state: the Due panel beside the week
    qtbot.waitUntil(lambda: window.calendar.due is not None and window.calendar.due.isVisible())
    assert_fits(window, f"{language} Calendar tab with the Due panel")

    window.tabs.setCurrentWidget(window.feedback_tab)
    qtbot.waitUntil(lambda: window.feedback.editor.shown_id is not None)  # the editor shows an item
    assert_fits(window, f"{language} Feedback tab")

    window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: window.dashboard.data is not None and not window.dashboard.counting)
    assert_fits(window, f"{language} Dashboard tab")

    assert window.width() <= MAX_WIDTH  # nothing made the window grow on the way


def test_long_texts_shorten_or_wrap_instead_of_widening_the_window(open_window: WindowFactory, demo_db: Path,
                                                                   language: str) -> None:
    window, _ = open_window(demo_db, size=(MAX_WIDTH, MAX_HEIGHT))
    before = needed(window).width()
    long_path = "/" + "/".join(["a-very-long-folder-name-on-a-shared-drive"] * 8) + "/keepclient.db"
    window.path_label.setText(long_path)  # the status bar's database path
    window.customers.detail.title.setText("北京" + "百川汽配股份有限公司" * 12)
    window.customers.detail.state.setText("Owner: " + "A. Very-Long-Name " * 12 + "· last contact: never")
    assert needed(window).width() <= max(before, MAX_WIDTH)
    assert window.path_label.text() == long_path  # shortened on screen only; the tooltip has it whole
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar.period.setText("Monday, 30 November 2026 – Sunday, 6 December 2026  ·  Week 49 " * 3)
    assert_fits(window, f"{language} Calendar tab with a long period")


# -- dialogs ----------------------------------------------------------------------------------------------------------
def _dialogs() -> dict[str, Callable[[Workspace], QWidget]]:
    """The dialogs of daily work, each made over the demo database as the window makes it."""
    from keepclient.ui.calendar.cadence_dialog import CadenceDialog
    from keepclient.ui.calendar.care_settings_dialog import CareSettingsDialog
    from keepclient.ui.calendar.outcome_dialog import OutcomeDialog
    from keepclient.ui.calendar.print_dialog import PrintDialog
    from keepclient.ui.calendar.visit_dialog import VisitDialog
    from keepclient.ui.care_list_dialog import CareListDialog
    from keepclient.ui.customers.gift_dialog import GiftDialog
    from keepclient.ui.customers.order_dialog import OrderDialog
    from keepclient.ui.feedback.dialogs import CloseDialog, NewFeedbackDialog
    from keepclient.ui.feedback.report_dialog import ReportDialog
    from keepclient.ui.identity_dialog import IdentityDialog
    from keepclient.ui.importer.history import ImportHistoryDialog
    from keepclient.ui.importer.wizard import ImportWizard
    from keepclient.ui.insight_settings_dialog import InsightSettingsDialog
    from keepclient.ui.team_dialog import HandoverDialog, SalespersonDialog

    def first_customer(ws: Workspace) -> int:
        return sql(ws.path, "SELECT id FROM customer ORDER BY id LIMIT 1")[0][0]

    def people(ws: Workspace):
        return ws.team.salespeople(active_only=False)

    name = "北京百川汽配股份有限公司"
    return {
        "plan visit": lambda ws: VisitDialog(ws, customer_id=first_customer(ws), start=dt.datetime(2026, 12, 7, 9)),
        "log outcome": lambda ws: OutcomeDialog(ws, customer_id=first_customer(ws)),
        "new feedback": lambda ws: NewFeedbackDialog(ws, people(ws), customer_id=first_customer(ws)),
        "close feedback": lambda _ws: CloseDialog(name),
        "feedback report": lambda ws: ReportDialog(ws, today=DAY),
        "record order": lambda ws: OrderDialog(name, people(ws)),
        "log gift": lambda ws: GiftDialog(name, ["spring_festival", "mid_autumn"], (), people(ws)),
        "care list": lambda ws: CareListDialog(ws, today=DAY),
        "print schedule": lambda ws: PrintDialog(ws, day=DAY, salespeople=None),
        "care settings": lambda ws: CareSettingsDialog(ws.care.settings(), None),
        "value and risk settings": lambda ws: InsightSettingsDialog(ws.insights.settings(), None),
        "salesperson": lambda ws: SalespersonDialog(lambda _values: True, people(ws)[0]),
        "hand over": lambda ws: HandoverDialog(people(ws), lambda _id: (10, 2), lambda *_: True, people(ws)[0].id),
        "I am": lambda ws: IdentityDialog(people(ws), "", "tester"),
        "follow-up cadence": lambda ws: CadenceDialog(ws),
        "import wizard": lambda ws: ImportWizard(ws, TaskRunner(inline=True), ScriptedPrompter()),
        "import history": lambda ws: ImportHistoryDialog(ws, ScriptedPrompter()),
    }


@pytest.mark.parametrize("dialog", list(_dialogs()))
def test_each_dialog_fits_a_laptop_screen(workspace: Workspace, qtbot, language: str, dialog: str) -> None:
    shown_dialog = shown(qtbot, _dialogs()[dialog](workspace))
    assert_fits(shown_dialog, f"{language} {dialog} dialog")
    assert shown_dialog.width() <= MAX_WIDTH and shown_dialog.height() <= MAX_HEIGHT  # as it opens, too


def test_the_team_window_and_new_customer_dialog_fit(open_window: WindowFactory, demo_db: Path, qtbot,
                                                     language: str) -> None:
    window, _ = open_window(demo_db, size=(MAX_WIDTH, MAX_HEIGHT))
    window.open_team()
    qtbot.waitUntil(lambda: window.team_dialog is not None and window.team_dialog.isVisible())
    team, workspace = window.team_dialog, window.workspace
    assert team is not None and workspace is not None
    assert_fits(team, f"{language} Team window")
    from keepclient.ui.customers.new_customer_dialog import NewCustomerDialog

    assert_fits(shown(qtbot, NewCustomerDialog(workspace.team.salespeople())), f"{language} New customer")
    from keepclient.ui.connect_dialog import ConnectDialog

    assert_fits(shown(qtbot, ConnectDialog(keychain=False)), f"{language} Connect to team server")


def built(qtbot, prefs: Preferences) -> MainWindow:
    """A window as built at start, not shown yet."""
    window = MainWindow(prefs, prompter=ScriptedPrompter(), opener=open_workspace, runner=TaskRunner(inline=True))
    qtbot.addWidget(window)
    return window


def frame_of(window: MainWindow) -> QRect:
    """Where the window will open, title bar and borders included: a window not shown yet was moved by its frame
    (`pos()`), whose size is the window's plus the frame settings.py reckons with."""
    return QRect(window.pos(), window.size().grownBy(FRAME_GUESS))


# -- the remembered place -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("frame", "expected"), [
    (QRect(100, 50, 1000, 600), QRect(100, 50, 1000, 600)),  # on the screen: left alone
    (QRect(900, 200, 1000, 600), QRect(280, 80, 1000, 600)),  # off the right and bottom edges: moved back
    (QRect(-1500, -40, 1000, 600), QRect(0, 0, 1000, 600)),  # on a screen since unplugged, left of this one
    (QRect(50, 30, 1614, 900), QRect(0, 0, 1280, 680)),  # bigger than the screen: moved and shrunk to fit
])
def test_a_place_off_the_screen_is_moved_back_onto_it(frame: QRect, expected: QRect) -> None:
    assert fit_rect(frame, LAPTOP) == expected


@pytest.mark.parametrize("remembered", [
    QRect(1500, 300, 1600, 900),  # bigger than the laptop's screen (Qt refuses it: the default size instead)
    QRect(300, 200, 500, 400),  # a size that fits, on a screen no longer there
])
def test_a_restored_window_off_the_screen_is_moved_back_and_fits(qtbot, prefs: Preferences, make_window: WindowFactory,
                                                                  monkeypatch, remembered: QRect) -> None:
    """The window remembered its place on another monitor; today only the laptop's screen, left of it, is there.
    Checked as the window is built, before the test platform's own screen has a say."""
    big, _ = make_window()
    big.setGeometry(remembered)
    prefs.window_geometry = big.saveGeometry()
    laptop = QRect(-1280, 0, 1280, 680)  # the free area of a screen left of where the window was
    monkeypatch.setattr(settings_module, "available_area", lambda _window: laptop)
    window = built(qtbot, prefs)
    assert laptop.contains(frame_of(window)), frame_of(window)
    if remembered.width() < laptop.width():
        assert window.size() == remembered.size()  # moved, not resized


def test_the_first_start_fits_a_laptop_screen(qtbot, prefs: Preferences, monkeypatch) -> None:
    """No remembered place: the default size, shrunk to a 1280×720 screen with room for the title bar."""
    monkeypatch.setattr(settings_module, "available_area", lambda _window: LAPTOP)
    window = built(qtbot, prefs)
    assert LAPTOP.contains(frame_of(window)), frame_of(window)


def test_a_window_is_placed_into_the_free_area_it_is_given(make_window: WindowFactory) -> None:
    """`place_on_screen` leaves a window inside the area where it is, and moves and shrinks one that is not."""
    window, _ = make_window()
    window.setGeometry(40, 30, 500, 400)
    settings_module.place_on_screen(window, LAPTOP)
    assert window.geometry() == QRect(40, 30, 500, 400)
    small = QRect(100, 100, 480, 360)
    settings_module.place_on_screen(window, small)
    assert small.contains(window.frameGeometry()), window.frameGeometry()
