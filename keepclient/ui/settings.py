"""Per-user preferences in one INI file (QSettings), each declared once with its type and default.

Team-wide settings live in the database instead (cadence, response targets); these are this person's window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Preferences:
    """Typed access to the user's QSettings; `path` points tests at a temporary file."""

    def __init__(self, path: Path) -> None:
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    @property
    def language(self) -> str:
        """"system", "en" or "zh_CN"."""
        value = self.qsettings.value("ui/language", "system")
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
            return int(self.qsettings.value("window/tab", 0))
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
        return str(self.qsettings.value("customers/views", "[]"))

    @saved_views.setter
    def saved_views(self, value: str) -> None:
        self._set("customers/views", value)

    @property
    def salesperson_code(self) -> str:
        """Which salesperson this user is ("My customers"); empty when not chosen."""
        return str(self.qsettings.value("user/salesperson", ""))

    @salesperson_code.setter
    def salesperson_code(self, value: str) -> None:
        self._set("user/salesperson", value)
