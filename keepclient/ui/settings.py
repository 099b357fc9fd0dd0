"""Per-user preferences in one INI file (QSettings), each declared once with its type and default.

Team-wide settings live in the database instead (cadence, response targets); these are this person's window.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

from keepclient import paths


def user_qsettings() -> QSettings:
    """The user's settings file (what the window's Preferences read), for areas and dialogs built without one."""
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def default_paper() -> str:
    """"letter" where the locale does not measure in metric (the Americas' letter countries), else "a4"."""
    return "letter" if QLocale().measurementSystem() != QLocale.MeasurementSystem.MetricSystem else "a4"


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
