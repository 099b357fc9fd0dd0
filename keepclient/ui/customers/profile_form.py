"""The editable profile of a customer: one widget per field, dirty tracking, and field-level error marks."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from keepclient.domain.enums import CustomerKind, Stage, Tier
from keepclient.domain.types import SalespersonInfo
from keepclient.ui.labels import label
from keepclient.ui.widgets import field_values
from keepclient.ui.widgets.date_field import OptionalDateEdit

TEXT_FIELDS = ("name", "industry", "source", "phone", "email", "website", "city", "region", "address")


class ProfileForm(QWidget):
    """Emits `edited` whenever a value differs from what was loaded."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.loaded: dict[str, Any] = {}
        self._people: list[SalespersonInfo] = []
        form = QFormLayout(self)
        captions = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "owner": self.tr("Owner"), "tier": self.tr("Tier"),
            "stage": self.tr("Stage"), "industry": self.tr("Industry"), "source": self.tr("Source"),
            "phone": self.tr("Phone"), "email": self.tr("Email"), "website": self.tr("Website"),
            "city": self.tr("City"), "region": self.tr("Region"), "address": self.tr("Address"),
            "cadence_days": self.tr("Follow up every"), "next_follow_up": self.tr("Next follow-up"),
            "notes": self.tr("Notes"),
        }
        for field in ("name", "kind", "owner", "tier", "stage", "industry", "source", "phone", "email", "website",
                      "city", "region", "address", "cadence_days", "next_follow_up", "notes"):
            widget = self._make(field)
            widget.setObjectName(f"field_{field}")
            self.widgets[field] = widget
            form.addRow(captions[field], widget)

    def _make(self, field: str) -> QWidget:
        if field in TEXT_FIELDS:
            line = QLineEdit()
            line.textEdited.connect(self.edited)
            return line
        if field == "notes":
            notes = QPlainTextEdit()
            notes.setTabChangesFocus(True)
            notes.setMaximumHeight(90)
            notes.textChanged.connect(self.edited)
            return notes
        if field == "cadence_days":
            days = QSpinBox()
            days.setRange(0, 3650)
            days.setSpecialValueText(self.tr("tier default"))
            days.setSuffix(self.tr(" days"))
            days.valueChanged.connect(self.edited)
            return days
        if field == "next_follow_up":
            date = OptionalDateEdit()
            date.changed.connect(self.edited)
            return date
        combo = QComboBox()
        choices: dict[str, type[StrEnum]] = {"kind": CustomerKind, "tier": Tier, "stage": Stage}
        for value in choices.get(field, ()):
            combo.addItem(label(value), value.value)
        combo.currentIndexChanged.connect(self.edited)
        return combo

    def set_salespeople(self, people: list[SalespersonInfo]) -> None:
        """The whole team: active people are offered, an inactive one only as the owner a customer still has
        (so loading and saving such a customer never drops its owner)."""
        self._people = list(people)
        self._fill_owners(self.loaded.get("owner"))

    def _fill_owners(self, current: int | None) -> None:
        combo: QComboBox = self.widgets["owner"]  # type: ignore[assignment]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(nobody)"), None)
        for person in self._people:
            if person.active or person.id == current:
                combo.addItem(person.name, person.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def load(self, values: dict[str, Any]) -> None:
        self.loaded = dict(values)
        self._fill_owners(values.get("owner"))
        for field, widget in self.widgets.items():
            widget.blockSignals(True)
            field_values.set_value(widget, values.get(field))
            widget.blockSignals(False)
            widget.setStyleSheet("")
            widget.setToolTip("")

    def value(self, field: str) -> Any:
        found = field_values.value(self.widgets[field])
        return found or None if field == "cadence_days" else found  # 0 shows as "tier default"

    def changes(self) -> dict[str, Any]:
        """Fields whose widget differs from what was loaded (surrounding spaces do not count)."""
        found = {}
        for field in self.widgets:
            now_value, was = self.value(field), self.loaded.get(field)
            if isinstance(now_value, str) and now_value.strip() == (was or ""):
                continue
            if now_value != was:
                found[field] = now_value
        return found

    def mark_invalid(self, field: str, message: str) -> None:
        field_values.mark_invalid(self.widgets.get(field), message)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets.values():
            widget.setEnabled(not read_only)
