"""Per-user preferences in one INI file (QSettings), each declared once with its type and default.

Team-wide settings live in the database instead (cadence, response targets); these are this person's window.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QLocale, QMargins, QRect, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication

from keepclient import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget  # only annotations: the CLI reads preferences without widgets


def user_qsettings() -> QSettings:
    """The user's settings file (what the window's Preferences read), for areas and dialogs built without one."""
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def default_paper() -> str:
    """"letter" where the locale does not measure in metric (the Americas' letter countries), else "a4"."""
    return "letter" if QLocale().measurementSystem() != QLocale.MeasurementSystem.MetricSystem else "a4"


FRAME_GUESS = QMargins(8, 32, 8, 8)  # a title bar and borders, for a window not shown yet


def available_area(window: QWidget) -> QRect:
    """The free part (without taskbar or dock) of the screen under the window's centre, else of the main screen."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_rect(frame: QRect, available: QRect) -> QRect:
    """`frame` shrunk to at most `available`'s size and moved by the least that puts it wholly inside."""
    width, height = min(frame.width(), available.width()), min(frame.height(), available.height())
    x = min(max(frame.x(), available.x()), available.x() + available.width() - width)
    y = min(max(frame.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def place_on_screen(window: QWidget, available: QRect | None = None) -> None:
    """A remembered window place from a bigger screen, or one since unplugged, would open the window partly off
    the screen (with Save and the status bar out of reach): move it back onto `available` (by default the
    screen's free area) and shrink it to fit, never below the window's minimum size. Maximized windows are left
    to the window system."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    area = available if available is not None else available_area(window)
    if area.isEmpty():  # no screen at all
        return
    inner, frame = window.geometry(), window.frameGeometry()
    if frame == inner:  # not shown yet: the title bar and borders the window system adds are still unknown
        frame = inner.marginsAdded(FRAME_GUESS)
    fitted = fit_rect(frame, area)
    if fitted == frame:
        return
    window.resize(max(fitted.width() - (frame.width() - inner.width()), window.minimumWidth()),
                  max(fitted.height() - (frame.height() - inner.height()), window.minimumHeight()))
    window.move(fitted.topLeft())  # a top-level window's move() places its frame


class StoredChoices:
    """Typed values over QSettings: the plumbing each group of remembered choices shares. Without a settings
    file (a bare widget in a test) the values live in memory only."""

    def __init__(self, qsettings: QSettings | None) -> None:
        self.qsettings = qsettings
        self._memory: dict[str, Any] = {}

    def _get(self, key: str, default: Any = None) -> Any:
        if self.qsettings is None:
            return self._memory.get(key, default)
        return self.qsettings.value(key, default)

    def _set(self, key: str, value: Any) -> None:
        if self.qsettings is None:
            self._memory[key] = value
            return
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._get(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def header_state(self, key: str) -> QByteArray | None:
        """A list's column widths, order and hidden columns (QHeaderView.saveState) under its own `key`
        ("customers/header", "feedback/header", "calendar/agenda_header", "calendar/due_header")."""
        return self._bytes(key)

    def set_header_state(self, key: str, state: QByteArray) -> None:
        self._set(key, state)

    def _choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        """One of `allowed`; the first (or `default`) when nothing or something unknown is stored."""
        fallback = allowed[0] if default is None else default
        value = self._get(key, fallback)
        return value if value in allowed else allowed[0]

    @staticmethod
    def _flag(value: Any) -> bool:
        return value is True or str(value).lower() in ("true", "1")


class OutputChoices(StoredChoices):
    """What a dialog that saves documents remembers under `GROUP`: the paper and the folder last saved to."""

    GROUP = ""
    PAPERS = ("a4", "letter")

    @property
    def paper(self) -> str:
        """"a4" or "letter"; the first time, the locale's paper."""
        return self._choice(f"{self.GROUP}/paper", self.PAPERS, default_paper())

    @paper.setter
    def paper(self, value: str) -> None:
        self._set(f"{self.GROUP}/paper", value)

    @property
    def folder(self) -> Path:
        """Where the last document was saved; the Documents folder the first time."""
        value = self._get(f"{self.GROUP}/folder", "")
        if value and Path(str(value)).is_dir():
            return Path(str(value))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    @folder.setter
    def folder(self, value: Path) -> None:
        self._set(f"{self.GROUP}/folder", str(value))


RECENT = 8  # files and servers under File › Open recent


class Preferences(StoredChoices):
    """Typed access to the user's QSettings; `path` points tests at a temporary file."""

    def __init__(self, path: Path) -> None:
        super().__init__(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def language(self) -> str:
        """"system", "en" or "zh_CN"."""
        value = self._get("ui/language", "system")
        return value if value in ("system", "en", "zh_CN") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def recent_databases(self) -> list[str]:
        """Files and team servers opened lately, newest first (servers' addresses without their passwords)."""
        value = self._get("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(item) for item in items if item][:RECENT]

    def add_recent(self, where: str) -> None:
        self._set("files/recent", [where, *(item for item in self.recent_databases if item != where)][:RECENT])

    def drop_recent(self, where: str) -> None:
        self._set("files/recent", [item for item in self.recent_databases if item != where])

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    @property
    def customer_splitter(self) -> QByteArray | None:
        return self._bytes("customers/splitter")

    @customer_splitter.setter
    def customer_splitter(self, value: QByteArray) -> None:
        self._set("customers/splitter", value)

    @property
    def current_tab(self) -> int:
        try:
            return int(self._get("window/tab", 0))
        except (TypeError, ValueError):
            return 0

    @current_tab.setter
    def current_tab(self, value: int) -> None:
        self._set("window/tab", value)

    @property
    def customer_header(self) -> QByteArray | None:
        return self._bytes("customers/header")

    @customer_header.setter
    def customer_header(self, value: QByteArray) -> None:
        self._set("customers/header", value)

    @property
    def saved_views(self) -> str:
        """JSON list of the user's saved customer views."""
        return str(self._get("customers/views", "[]"))

    @saved_views.setter
    def saved_views(self, value: str) -> None:
        self._set("customers/views", value)

    def at_risk_seen(self, database: str) -> set[int] | None:
        """The customers at risk when the user last looked (in the database at path `database`); None when never."""
        try:
            seen = json.loads(str(self._get("insights/at_risk_seen", "{}"))).get(database)
        except (ValueError, AttributeError):
            return None  # a damaged preference: as if never looked
        return None if seen is None else {int(cid) for cid in seen}

    def set_at_risk_seen(self, database: str, ids: set[int]) -> None:
        try:
            every = json.loads(str(self._get("insights/at_risk_seen", "{}")))
        except ValueError:
            every = {}
        every = every if isinstance(every, dict) else {}
        every[database] = sorted(ids)
        self._set("insights/at_risk_seen", json.dumps(every))

    @property
    def salesperson_code(self) -> str:
        """Which salesperson this user is ("My customers"); empty when not chosen."""
        return str(self._get("user/salesperson", ""))

    @salesperson_code.setter
    def salesperson_code(self, value: str) -> None:
        self._set("user/salesperson", value)

    @property
    def remind_minutes(self) -> int | None:
        """A new visit's reminder, minutes before its start (View › Default reminder); None: no reminder. 15 until
        the user chooses."""
        value = str(self._get("reminders/default", "15"))
        if value == "none":
            return None
        return int(value) if value.isdigit() else 15

    @remind_minutes.setter
    def remind_minutes(self, value: int | None) -> None:
        self._set("reminders/default", "none" if value is None else str(int(value)))

    def reminded_up_to(self, database: str) -> dt.datetime | None:
        """The instant up to which this user was reminded of the visits in the database at path `database` (kept
        here, not in the database: each person on each computer has their own); None when never."""
        try:
            text = json.loads(str(self._get("reminders/up_to", "{}"))).get(database)
            return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
        except (ValueError, AttributeError):
            return None  # a damaged preference: as if never reminded

    def set_reminded_up_to(self, database: str, when: dt.datetime) -> None:
        try:
            every = json.loads(str(self._get("reminders/up_to", "{}")))
        except ValueError:
            every = {}
        every = every if isinstance(every, dict) else {}
        every[database] = when.replace(microsecond=0).isoformat()
        self._set("reminders/up_to", json.dumps(every))
