"""Customer › Review tiers…: the tiers the 80/20 rule suggests from 12-month revenue, reviewed before anything
changes, with the Pareto curve they come from.

Every customer whose suggested tier differs is listed (A→B…) with revenue and share; ticked ones are applied in one
version-checked step that Edit › Undo takes back. A tier set by hand (pinned) is listed only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QCheckBox, QTabWidget, QVBoxLayout, QWidget

from keepclient.domain.pareto import pareto_points
from keepclient.ui.labels import label
from keepclient.ui.widgets.money import money_text
from keepclient.ui.widgets.pareto_chart import pareto_chart
from keepclient.ui.widgets.review_dialog import ReviewDialog

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class TierReviewDialog(ReviewDialog):
    """`apply_requested(ids)` carries the ids of the ticked customers; `suggested` says what each becomes."""

    def __init__(self, overview: list[dict[str, Any]], currency: str,
                 reload: Callable[[bool], list[dict[str, Any]]], parent: QWidget | None = None) -> None:
        super().__init__(translate("TierReview", "Review tiers"), [
            translate("TierReview", "Customer"), translate("TierReview", "Owner"),
            translate("TierReview", "Revenue (12 mo)"), translate("TierReview", "Share"),
            translate("TierReview", "Tier")], parent)
        self.setObjectName("tierReview")
        self.table.setObjectName("tierTable")
        self.message.setObjectName("tierReviewMessage")
        self.currency, self._reload = currency, reload
        self.pinned = QCheckBox(translate("TierReview", "Also list tiers set by hand"))
        self.pinned.toggled.connect(lambda shown: self.show_overview(self._reload(shown)))
        review = QWidget()
        column = QVBoxLayout(review)
        for widget in (self.intro, self.pinned, self.table):
            column.addWidget(widget)
        self.tabs = QTabWidget()
        self.tabs.addTab(review, translate("TierReview", "Suggestions"))
        self.tabs.addTab(pareto_chart(pareto_points([int(row["revenue_12m_cents"]) for row in overview])),
                         translate("TierReview", "Pareto curve"))
        self.lay_out(self.tabs)
        self.resize(760, 520)
        self.show_overview(overview)

    def show_overview(self, overview: list[dict[str, Any]]) -> None:
        """List the customers whose suggested tier differs (pinned ones only while asked for; unticked)."""
        self.rows = [row for row in overview if row["suggested_tier"] != row["tier"]
                     and (self.pinned.isChecked() or not row["pinned"])]
        self.suggested = {int(row["id"]): str(row["suggested_tier"]) for row in self.rows}
        locale = QLocale()
        lines = []
        for row in self.rows:
            change = translate("TierReview", "%1 → %2").replace("%1", label(row["tier"])).replace(
                "%2", label(row["suggested_tier"]))
            if row["pinned"]:
                change = translate("TierReview", "%1 (set by hand)").replace("%1", change)
            lines.append((int(row["id"]), not row["pinned"], [
                row["name"], row["owner"], money_text(row["revenue_12m_cents"], self.currency),
                locale.toString(100 * row["share"], "f", 2) + " %", change], frozenset({2, 3})))
        self.fill(lines)
        self.intro.setText(self.tr(
            "A: the customers who together bring 80% of the last 12 months' revenue; B: the next 15%; C: the rest "
            "and customers without orders. %n customer(s) would change tier; untick any to keep.", "", len(self.rows)))
