"""The detail pane's row of a customer's recent satisfaction scores (visits and closed feedback) and their trend.

The scores are read with one query (FeedbackService.satisfaction) and shown oldest to newest, left to right, so
the row reads like a chart. Each chip says the score out of 5 and the day ("3/5 · 7 Feb"); its tooltip says what
the score is, who gave it and who recorded it, when, and about which visit or feedback, with the comment.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from keepclient.domain.enums import FeedbackKind, VisitKind
from keepclient.domain.types import SatisfactionScore
from keepclient.ui.labels import datetime_text, day_text, label_in
from keepclient.ui.widgets.flow_layout import FlowLayout, flow_policy

SHOWN = 6  # the trend compares the last 3 scores with the 3 before, so six are read and shown
STEADY_WITHIN = 0.5  # averages closer than this (one score of three moved by one point) count as steady
COLOURS = {1: "#c62828", 2: "#ef6c00", 3: "#9e9d24", 4: "#2e7d32", 5: "#1b5e20"}
ABOUT_CHARS = 60  # a longer purpose or description is cut in the tooltip


def chip_text(score: SatisfactionScore, today: dt.date) -> str:
    """"3/5 · 7 Feb": the score out of 5 and the day in the locale (with the year when not this year's)."""
    return f"{score.score}/5 · {day_text(score.when.date(), today)}"

def trend(scores: Sequence[SatisfactionScore]) -> tuple[str, float | None, float | None]:
    """Of `scores` (newest first): ("rising" | "falling" | "steady" | "", average of the last 3, average of the 3
    before). No trend ("") until there is at least one score before the last three.
    """
    recent, earlier = [s.score for s in scores[:3]], [s.score for s in scores[3:6]]
    if not recent:
        return "", None, None
    now = sum(recent) / len(recent)
    if not earlier:
        return "", now, None
    before = sum(earlier) / len(earlier)
    if abs(now - before) < STEADY_WITHIN:
        return "steady", now, before
    return ("rising" if now > before else "falling"), now, before


class SatisfactionRow(QWidget):
    """Chips of the recent scores (oldest left) and the trend, or a line saying there are none yet. The row wraps
    onto a second line rather than widen the pane.

    The chips are made once and reused, so showing another customer only sets texts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("satisfaction_row")
        self.setSizePolicy(flow_policy())
        row = FlowLayout(self, spacing=4)
        row.addWidget(QLabel(self.tr("Satisfaction:")))
        self.empty = QLabel(self.tr("no scores yet"))
        self.empty.setObjectName("satisfaction_empty")
        self.empty.setStyleSheet("color: palette(mid);")
        row.addWidget(self.empty)
        self._pool: list[QLabel] = []
        for n in range(SHOWN):
            badge = QLabel()
            badge.setObjectName(f"satisfaction_score_{n}")
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.hide()
            row.addWidget(badge)
            self._pool.append(badge)
        self.trend = QLabel()
        self.trend.setObjectName("satisfaction_trend")
        row.addWidget(self.trend)
        self.badges: list[QLabel] = []  # the ones in use, oldest first
        self.trend_key = ""
        self.scores: tuple[SatisfactionScore, ...] = ()

    def show_scores(self, scores: Sequence[SatisfactionScore], today: dt.date | None = None) -> None:
        """`scores` newest first, as the service returns them; only the newest few are shown."""
        self.scores = tuple(scores[:SHOWN])
        self.empty.setVisible(not self.scores)
        self.badges = self._pool[:len(self.scores)]
        today = today or dt.date.today()
        for badge, score in zip(self.badges, reversed(self.scores), strict=True):
            self._fill(badge, score, today)
            badge.show()
        for badge in self._pool[len(self.scores):]:
            badge.hide()
        self.trend_key, now, before = trend(self.scores)
        texts = {"rising": self.tr("↗ rising"), "falling": self.tr("↘ falling"), "steady": self.tr("→ steady")}
        self.trend.setText(texts.get(self.trend_key, ""))
        self.trend.setVisible(bool(self.trend_key))
        if now is not None and before is not None:
            self.trend.setToolTip(self.tr("Average of the last 3 scores: %1; of the 3 before: %2")
                                  .replace("%1", f"{now:.1f}").replace("%2", f"{before:.1f}"))
        else:
            self.trend.setToolTip("")
        colour = {"rising": COLOURS[5], "falling": COLOURS[1]}.get(self.trend_key, "")
        self.trend.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "font-weight: 600;")
        self.updateGeometry()

    def _fill(self, badge: QLabel, score: SatisfactionScore, today: dt.date) -> None:
        badge.setText(chip_text(score, today))
        colour = COLOURS.get(score.score, "#777")
        badge.setStyleSheet(f"border: 1px solid {colour}; border-radius: 3px; padding: 1px 4px; color: {colour};")
        badge.setToolTip(self.tooltip(score))

    def tooltip(self, score: SatisfactionScore) -> str:
        """What the score is, who gave it (and who noted it), when, about which visit or feedback, the comment."""
        lines = [self.tr("Satisfaction %1 of 5 (1 very unhappy, 5 very happy)").replace("%1", str(score.score))]
        given = score.given_by or self.tr("the customer")
        lines.append(self.tr("Given by %1, recorded by %2").replace("%1", given).replace("%2", score.recorded_by)
                     if score.recorded_by else self.tr("Given by %1").replace("%1", given))
        if score.source == "visit":  # visits and calls: the kind names it ("Call · 回访新品")
            what = label_in(VisitKind, score.kind) if score.kind else self.tr("Visit")
            lines.append(self.tr("When: %1").replace("%1", datetime_text(score.when)))
        else:
            kind = label_in(FeedbackKind, score.kind) if score.kind else ""
            what = self.tr("Feedback (%1)").replace("%1", kind) if kind else self.tr("Feedback")
            lines.append(self.tr("When the feedback was closed: %1").replace("%1", datetime_text(score.when)))
        about = " ".join(score.about.split())
        if len(about) > ABOUT_CHARS:
            about = about[:ABOUT_CHARS - 1] + "…"
        lines.append(self.tr("About: %1").replace("%1", f"{what} · {about}" if about else what))
        if score.comment:
            lines.append(self.tr("Comment: %1").replace("%1", score.comment))
        return "<qt>" + "<br>".join(html.escape(line).replace("\n", "<br>") for line in lines) + "</qt>"
