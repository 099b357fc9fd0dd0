"""Customer › Review stages…: the lifecycle moves the rules suggest (active → at risk, at risk → lost after long
silence, lost → won back on a new order), reviewed before anything changes, applied as one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from keepclient.ui.labels import date_text, label
from keepclient.ui.widgets.review_dialog import ReviewDialog

if TYPE_CHECKING:
    from keepclient.services.insights import StageSuggestion

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class StageReviewDialog(ReviewDialog):
    """`apply_requested(ids)`; `suggested[id]` is the stage each ticked customer moves to."""

    def __init__(self, suggestions: list[StageSuggestion], parent: QWidget | None = None) -> None:
        super().__init__(translate("StageReview", "Review stages"), [
            translate("StageReview", "Customer"), translate("StageReview", "Owner"),
            translate("StageReview", "Risk"), translate("StageReview", "Last order or contact"),
            translate("StageReview", "Stage")], parent)
        self.setObjectName("stageReview")
        self.show_suggestions(suggestions)
        self.intro.setText(translate(
            "StageReview", "Active and mature customers whose churn risk reached the team's threshold are at risk; "
            "customers at risk with no order or contact for a long time are lost; lost customers who ordered again "
            "are won back. Untick any you want to keep as they are."))
        self.lay_out()
        self.resize(760, 480)

    def show_suggestions(self, suggestions: list[StageSuggestion]) -> None:
        """List these moves, every one ticked."""
        self.suggestions = suggestions
        self.suggested = {s.id: s.suggested for s in suggestions}
        self.fill([(s.id, True, [s.name, s.owner, str(s.risk), date_text(s.last_activity),
                                 translate("StageReview", "%1 → %2").replace("%1", label(s.stage))
                                 .replace("%2", label(s.suggested))], frozenset({2}))
                   for s in suggestions])
