"""The detail pane's "Value and risk" box: the churn risk with its reasons and the next step, the RFM scores, the
lifetime value with how it is estimated, and the tier the 80/20 rule suggests.

Everything shown is stored on the customer (services/insights computes it, domain/insights says how); the box only
puts it into words a salesperson can act on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from keepclient.domain.enums import LostReason
from keepclient.domain.insights import CONTEXT, NEXT_STEPS, InsightSettings
from keepclient.domain.types import CustomerDetail
from keepclient.ui.labels import label, label_in
from keepclient.ui.widgets.money import money_text
from keepclient.ui.widgets.style import ERROR_COLOR

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def risk_text(detail: CustomerDetail, threshold: int) -> str:
    """"Churn risk 72 of 100 — at risk" and one line per reason with its points, then the suggested next step."""
    if not detail.risk_reasons:
        return translate("ValueSection", "Churn risk 0 of 100: nothing points to this customer drifting away.")
    head = translate("ValueSection", "Churn risk %1 of 100").replace("%1", str(detail.risk))
    if detail.risk >= threshold:
        head = translate("ValueSection", "%1: at risk").replace("%1", head)
    lines = [head] + [f"+{reason.points}  {reason.text(translate)}" for reason in detail.risk_reasons]
    if detail.risk >= threshold:
        step = NEXT_STEPS.get(detail.risk_reasons[0].key)
        if step:
            lines.append(translate("ValueSection", "Next step: %1").replace("%1", translate(CONTEXT, step)))
    return "\n".join(lines)


def value_text(detail: CustomerDetail, currency: str) -> str:
    """RFM scores and the lifetime value, or why there are none yet."""
    lines = []
    if detail.rfm and len(detail.rfm) == 3:
        lines.append(translate("ValueSection", "RFM: recency %1 · frequency %2 · monetary %3 (5 is best)")
                     .replace("%1", detail.rfm[0]).replace("%2", detail.rfm[1]).replace("%3", detail.rfm[2]))
    else:
        lines.append(translate("ValueSection", "RFM: no orders yet."))
    if detail.ltv_cents is not None:
        lines.append(translate("ValueSection", "Lifetime value ≈ %1").replace(
            "%1", money_text(detail.ltv_cents, currency)))
    return "\n".join(lines)


def tier_text(detail: CustomerDetail) -> str:
    """What the 80/20 rule says about the tier (nothing when it agrees)."""
    tier = detail.values.get("tier")
    if detail.tier_pinned:
        return translate("ValueSection", "Tier %1 set by hand: kept when tiers are reviewed.").replace(
            "%1", label(str(tier)))
    if detail.suggested_tier and detail.suggested_tier != tier:
        return translate("ValueSection", "By 12-month revenue this is a %1 customer (Customer › Review tiers…).") \
            .replace("%1", label(detail.suggested_tier))
    return ""


class ValueSection(QGroupBox):
    """Filled by `show_customer`; the risk line turns red once the customer is at risk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ValueSection", "Value and risk"), parent)
        self.setObjectName("valueSection")
        self.risk = QLabel()
        self.risk.setObjectName("customerRisk")
        self.value = QLabel()
        self.value.setObjectName("customerValue")
        self.value.setToolTip(translate(
            "ValueSection", "Lifetime value = average yearly revenue so far × the years a customer is expected to "
            "stay, 1 ÷ (1 − the share of customers the team keeps from one year to the next), at most 10 years; "
            "a customer with less than a year of orders counts as one year."))
        self.tier = QLabel()
        self.tier.setObjectName("customerTierSuggestion")
        self.lost = QLabel()
        self.lost.setObjectName("customerLostReason")
        layout = QVBoxLayout(self)
        for widget in (self.risk, self.value, self.tier, self.lost):
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(widget)
        self.threshold = InsightSettings().at_risk_threshold  # the team's (the area sets it per database)

    def show_customer(self, detail: CustomerDetail, currency: str) -> None:
        self.risk.setText(risk_text(detail, self.threshold))
        at_risk = detail.risk >= self.threshold
        self.risk.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: 600;" if at_risk else "")
        self.value.setText(value_text(detail, currency))
        tier = tier_text(detail)
        self.tier.setText(tier)
        self.tier.setVisible(bool(tier))
        lost = detail.values.get("stage") == "lost" and detail.lost_reason
        self.lost.setText(translate("ValueSection", "Lost: %1").replace("%1", label_in(LostReason, detail.lost_reason))
                          if lost else "")
        self.lost.setVisible(bool(lost))
