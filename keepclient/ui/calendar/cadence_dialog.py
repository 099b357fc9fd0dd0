"""The team's follow-up cadence: how often A, B and C customers are contacted, and how new customers start.

These are team settings kept in the database (one for everybody sharing it); a customer's own interval, set in
its profile, still wins over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from keepclient.domain.cadence import DEFAULT_RULES, MAX_DAYS
from keepclient.domain.errors import KeepclientError, ValidationError
from keepclient.ui.calendar.visit_dialog import error_text
from keepclient.ui.widgets.field_values import mark_invalid
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, finish_form

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

KEYS = ("A", "B", "C", "new_days", "new_period")


class CadenceDialog(QDialog):
    """Edits `workspace.team.cadence()`; OK saves with `set_cadence`, and stays open if a value is refused."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Follow-up cadence"))
        intro = QLabel(self.tr("How often the team contacts each customer. A customer's own interval (in its "
                               "profile) wins over these."))
        intro.setWordWrap(True)
        captions = {
            "A": self.tr("A customers: every"),
            "B": self.tr("B customers: every"),
            "C": self.tr("C customers: every"),
            "new_days": self.tr("New customers: every"),
            "new_period": self.tr("… during their first"),
        }
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for key in KEYS:
            spin = QSpinBox()
            spin.setObjectName(f"cadence_{key}")
            spin.setRange(0 if key == "new_period" else 1, MAX_DAYS)
            spin.setSuffix(self.tr(" days"))
            if key == "new_period":
                spin.setSpecialValueText(self.tr("no start-up period"))
            self.spins[key] = spin
            form.addRow(captions[key], spin)
        self.defaults = QPushButton(self.tr("Restore defaults"))
        self.defaults.setToolTip(self.tr("A every 14 days, B 30, C 90; new customers weekly for 30 days"))
        buttons = dialog_buttons(self, self.accept)
        add_button(buttons, self.defaults, lambda: self.set_values(DEFAULT_RULES), reset=True)
        self.message = finish_form(self, form, buttons, "cadence_message", intro=intro)
        try:
            self.set_values(self.ws.team.cadence())
        except KeepclientError as exc:
            self.set_values(DEFAULT_RULES)
            self.message.setText(error_text(exc))

    def set_values(self, values: dict[str, int]) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(values.get(key, DEFAULT_RULES[key])))

    def values(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def accept(self) -> None:
        self.message.clear()
        for spin in self.spins.values():
            spin.setStyleSheet("")
        try:
            self.ws.team.set_cadence(self.values())
        except ValidationError as exc:
            self.message.setText(error_text(exc))
            mark_invalid(self.spins.get(exc.field), error_text(exc))
            return
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return
        super().accept()
