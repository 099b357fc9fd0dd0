"""The calendar's per-user choices, each declared once with its type and default, over the user's QSettings.

Kept beside the calendar (not in ui/settings.py) so the area owns its keys; without a settings file (a bare area in
a test) the values live in memory only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from keepclient.ui.calendar.periods import VIEWS
from keepclient.ui.settings import StoredChoices


class CalendarSettings(StoredChoices):
    @property
    def view(self) -> str:
        """The last view shown: "day", "week", "month" or "agenda"."""
        value = str(self._get("calendar/view", "week"))
        return value if value in VIEWS else "week"

    @view.setter
    def view(self, value: str) -> None:
        self._set("calendar/view", value)

    @property
    def salespeople(self) -> list[int]:
        """Salespeople shown (ids); empty means everyone."""
        text = str(self._get("calendar/salespeople", "") or "")
        return [int(part) for part in text.split(",") if part.strip().isdigit()]

    @salespeople.setter
    def salespeople(self, ids: list[int]) -> None:
        self._set("calendar/salespeople", ",".join(str(i) for i in ids))

    @property
    def care(self) -> bool:
        """Whether the Care layer (observed holidays, contacts' birthdays) is shown: on until switched off, unless
        the birthdays were switched off before the layer had holidays (the older "calendar/birthdays" choice)."""
        return self._flag(self._get("calendar/care", self._get("calendar/birthdays", True)))

    @care.setter
    def care(self, value: bool) -> None:
        self._set("calendar/care", bool(value))

    @property
    def due_panel(self) -> bool:
        return self._flag(self._get("calendar/due_panel", True))

    @due_panel.setter
    def due_panel(self, value: bool) -> None:
        self._set("calendar/due_panel", bool(value))

    @property
    def splitter(self) -> QByteArray | None:
        value = self._get("calendar/splitter", None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._set("calendar/splitter", value)
