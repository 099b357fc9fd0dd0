"""File › Value and risk settings…: the team's tier shares, at-risk threshold, warning-sign points and the limits
behind lifetime value and the Lost suggestion, in words a salesperson understands.

The dialog shows `InsightSettings` (shares and drops as percentages) and hands what the user changed to `save`,
which writes it through the service; a refused value (ValidationError) is said in the dialog, its field is marked
and everything typed stays. Only the values the user changed are sent, so a setting written more precisely
elsewhere (`keepclient risk-settings`) is not rounded to what a spin box shows. Without `save` (a read-only
database) the values are shown and nothing can be changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError, ValidationError
from keepclient.domain.insights import SETTING_RANGES, InsightSettings
from keepclient.ui.widgets import field_values
from keepclient.ui.widgets.form_dialog import add_button, dialog_buttons, message_label

PERCENT = ("a_share", "b_share", "revenue_drop")  # stored as fractions, shown as whole percentages
WEIGHTS = ("weight_no_contact", "weight_no_order", "weight_revenue_down", "weight_complaints", "weight_satisfaction",
           "weight_missed_visits")
WIDTH = 860  # the dialog's width: two columns of groups, wrapped labels; fits a 1366 x 768 screen
Save = Callable[[dict[str, Any]], None]  # writes the changed settings; raises KeepclientError (ValidationError)


class InsightSettingsDialog(QDialog):
    """The team's value and risk settings, grouped; OK saves what changed (the dialog stays open when refused)."""

    def __init__(self, settings: InsightSettings, save: Save | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightSettingsDialog")
        self.setWindowTitle(self.tr("Value and risk settings"))
        self.save = save
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self.labels: dict[str, QLabel] = {}

        tiers = self._group(self.tr("Value tiers"), self.tr(
            "Customers are ranked by their revenue over the last 12 months, biggest first. Usually a few customers "
            "bring in most of it (the 80/20 rule)."), [
            ("a_share", self.tr("Tier A: the top customers who together bring in"), self._percent("a_share"),
             self.tr("The biggest customers who together bring in this share of the team's revenue are suggested "
                     "as tier A.")),
            ("b_share", self.tr("Tiers A and B together bring in"), self._percent("b_share"),
             self.tr("The next customers, up to this share of revenue, are suggested as tier B; all others (and "
                     "customers without revenue) as tier C. At least the share of tier A.")),
        ])
        risk = self._group(self.tr("At risk"), self.tr(
            "Every customer gets a churn risk from 0 to 100, made of the warning signs below."), [
            ("at_risk_threshold", self.tr("A customer is at risk from a risk of"), self._whole("at_risk_threshold", ""),
             self.tr("Customers whose risk reaches this number are at risk: they are listed in the At risk view and "
                     "counted in the status bar. Lower it to be warned earlier, raise it to see fewer customers.")),
        ])
        points = self.tr(" points")
        weights = self._group(self.tr("Points for each warning sign"), self.tr(
            "A warning sign adds between half and all of its points, the more the stronger it is; 0 switches it "
            "off. The risk is the sum, at most 100."), [
            ("weight_no_contact", self.tr("No contact for longer than the follow-up interval"),
             self._whole("weight_no_contact", points),
             self.tr("No visit or call for longer than the customer's follow-up interval (full points at three "
                     "times the interval).")),
            ("weight_no_order", self.tr("No order for much longer than usual"), self._whole("weight_no_order", points),
             self.tr("The customer has not ordered for much longer than the usual time between their orders.")),
            ("weight_revenue_down", self.tr("Revenue falling"), self._whole("weight_revenue_down", points),
             self.tr("Revenue of the last 12 months is clearly down on the 12 months before.")),
            ("weight_complaints", self.tr("Open complaints"), self._whole("weight_complaints", points),
             self.tr("Complaints not yet resolved; more points when there are several or they are overdue.")),
            ("weight_satisfaction", self.tr("Satisfaction falling"), self._whole("weight_satisfaction", points),
             self.tr("The last three satisfaction scores went down.")),
            ("weight_missed_visits", self.tr("Missed visits"), self._whole("weight_missed_visits", points),
             self.tr("Visits missed or cancelled in the last 90 days.")),
        ])
        signs = self._group(self.tr("When a warning sign counts"), "", [
            ("no_order_factor", self.tr("No order counts after this many times the customer's usual interval "
                                        "between orders"), self._decimal("no_order_factor", 0.5, self.tr(" ×")),
             self.tr("A customer who usually orders every 30 days counts as \"no order\" after 60 days at 2 ×.")),
            ("revenue_drop", self.tr("Falling revenue counts from a drop of"), self._percent("revenue_drop"),
             self.tr("Revenue of the last 12 months down by at least this much on the 12 months before.")),
        ])
        lifecycle = self._group(self.tr("Lost customers"), "", [
            ("lost_after_days", self.tr("Suggest Lost after"), self._whole("lost_after_days", self.tr(" days")),
             self.tr("A customer at risk with no order and no contact for this long is suggested as Lost in "
                     "Customer › Review stages….")),
        ])
        years = self.tr(" years")
        ltv = self._group(self.tr("Lifetime value"), self.tr(
            "Lifetime value = average yearly revenue × the years a customer is expected to stay."), [
            ("ltv_floor_years", self.tr("Average yearly revenue over at least"),
             self._decimal("ltv_floor_years", 0.5, years),
             self.tr("A new customer's revenue is spread over at least this many years, so one big first order does "
                     "not count as that much every year.")),
            ("ltv_max_years", self.tr("Expected years a customer stays, at most"),
             self._decimal("ltv_max_years", 1, years),
             self.tr("The expected years come from how many customers order again each year; they are capped "
                     "here. At least the years above.")),
        ])

        intro = QLabel(self.tr("These settings are shared by the whole team. After saving, everyone's value and risk "
                               "are worked out again in the background."))
        intro.setWordWrap(True)
        left, right = QVBoxLayout(), QVBoxLayout()
        for group in (tiers, ltv, lifecycle):  # value on the left, risk on the right
            left.addWidget(group)
        for group in (risk, weights, signs):
            right.addWidget(group)
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.message = message_label("insightSettingsMessage")

        if save is None:
            self.buttons = dialog_buttons(self)
            self.restore_button: QPushButton | None = None
            self.message.setStyleSheet("")
            self.message.setText(self.tr("The database is open read-only: these settings can be seen but not "
                                         "changed."))
            for spin in self.spins.values():
                spin.setEnabled(False)
        else:
            self.buttons = dialog_buttons(self, self.submit)
            self.restore_button = add_button(self.buttons, self.tr("Restore defaults"), self.restore_defaults,
                                             reset=True)
            self.restore_button.setObjectName("restoreDefaults")
            self.restore_button.setToolTip(self.tr("Put the values keepclient starts with back into the form (saved "
                                                   "only with OK)"))
        self.main_layout = layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.loaded = self._shown(settings)
        self.show_settings(settings)
        self.fit(WIDTH)

    def fit(self, width: int) -> None:
        """As wide as `width` and as high as the wrapped labels need there (a window's own size would squeeze
        them: Qt sizes it without asking the labels' height for its width)."""
        layout = self.main_layout
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        self.setMinimumSize(width - 120, height)
        self.resize(width, height)

    # -- building ----------------------------------------------------------------------------------------------
    def _group(self, title: str, help_text: str,
               rows: list[tuple[str, str, QSpinBox | QDoubleSpinBox, str]]) -> QGroupBox:
        """A titled box: an optional grey explanation, then one row per setting (a wrapping label and its spin
        box, both with the setting's explanation as tooltip)."""
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        row = 0
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            grid.addWidget(hint, row, 0, 1, 2)
            row += 1
        for key, caption, spin, tip in rows:
            label = QLabel(caption)
            label.setWordWrap(True)
            label.setBuddy(spin)
            label.setToolTip(tip)
            spin.setToolTip(tip)
            spin.setObjectName(f"setting_{key}")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(110)
            self.spins[key] = spin
            self.labels[key] = label
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
        return box

    def _whole(self, name: str, suffix: str) -> QSpinBox:
        low, high = SETTING_RANGES[name]
        spin = QSpinBox()
        spin.setRange(int(low), int(high))
        spin.setSuffix(suffix)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return spin

    def _percent(self, name: str) -> QSpinBox:
        """A share or a drop (a fraction) as whole percentages."""
        low, high = SETTING_RANGES[name]
        spin = QSpinBox()
        spin.setRange(round(low * 100), round(high * 100))
        spin.setSuffix(self.tr(" %"))
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return spin

    def _decimal(self, name: str, step: float, suffix: str) -> QDoubleSpinBox:
        low, high = SETTING_RANGES[name]
        spin = QDoubleSpinBox()
        spin.setDecimals(1)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return spin

    # -- values ------------------------------------------------------------------------------------------------
    @staticmethod
    def _shown(settings: InsightSettings) -> dict[str, float]:
        """The settings as the form shows them (percentages for shares, one decimal for the rest)."""
        return {key: round(value * 100) if key in PERCENT else round(float(value), 1)
                for key, value in asdict(settings).items()}

    def show_settings(self, settings: InsightSettings) -> None:
        for key, value in self._shown(settings).items():
            spin = self.spins[key]
            if isinstance(spin, QSpinBox):
                spin.setValue(int(value))
            else:
                spin.setValue(value)

    def form_values(self) -> dict[str, float]:
        """What the form shows, as the form shows it."""
        return {key: spin.value() for key, spin in self.spins.items()}

    def changed(self) -> dict[str, Any]:
        """The settings the user changed, as stored (fractions for shares): what OK saves."""
        changes: dict[str, Any] = {}
        for key, value in self.form_values().items():
            if value == self.loaded.get(key):
                continue
            spin = self.spins[key]
            if key in PERCENT:
                changes[key] = value / 100
            elif isinstance(spin, QSpinBox):
                changes[key] = int(value)
            else:
                changes[key] = float(value)
        return changes

    def restore_defaults(self) -> None:
        """The values keepclient starts with, in the form (saved with OK like any change)."""
        self._clear_marks()
        self.show_settings(InsightSettings())

    # -- saving ------------------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.save is None:
            return
        self._clear_marks()
        changes = self.changed()
        if changes:
            try:
                self.save(changes)
            except ValidationError as exc:
                self.mark_invalid(exc.field, self.refusal(exc, changes))
                return
            except KeepclientError as exc:
                self.message.setText(exc.message(QCoreApplication.translate))
                return
        self.accept()

    def refusal(self, error: ValidationError, changes: Mapping[str, Any]) -> str:
        """Why a value was refused, in the user's words (the service names the field and a value)."""
        if error.field in ("a_share", "b_share"):
            return self.tr("The share of tier A cannot be more than the share of tiers A and B together, which is at "
                           "most 100 %.")
        if error.field in ("ltv_floor_years", "ltv_max_years"):
            return self.tr("The years yearly revenue is averaged over at least cannot be more than the expected "
                           "years a customer stays.")
        label = self.labels.get(error.field)
        caption = label.text() if label is not None else error.field
        return self.tr("%1: %2").replace("%1", caption).replace(
            "%2", error.message(QCoreApplication.translate))

    def mark_invalid(self, key: str, message: str) -> None:
        self.message.setText(message)
        field_values.mark_invalid(self.spins.get(key), message)

    def _clear_marks(self) -> None:
        self.message.clear()
        for key, spin in self.spins.items():
            spin.setStyleSheet("")
            spin.setToolTip(self.labels[key].toolTip())


def insight_settings_dialog(settings: InsightSettings, save: Save | None, parent: QWidget | None = None,
                            ) -> InsightSettingsDialog:
    """The dialog, ready to `open()` (deleted when closed)."""
    dialog = InsightSettingsDialog(settings, save, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog

