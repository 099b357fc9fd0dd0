"""The detail pane's row of a customer's recent satisfaction scores (visits and closed feedback) and their trend.

The scores are read with one query (FeedbackService.satisfaction) and shown oldest to newest, left to right, so
the row reads like a chart; a score's comment, source and time are in its tooltip.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from keepclient.domain.types import SatisfactionScore
from keepclient.ui.labels import date_text, datetime_text

SHOWN = 6  # the trend compares the last 3 scores with the 3 before, so six are read and shown
STEADY_WITHIN = 0.5  # averages closer than this (one score of three moved by one point) count as steady
COLOURS = {1: "#c62828", 2: "#ef6c00", 3: "#9e9d24", 4: "#2e7d32", 5: "#1b5e20"}


def day_month_format() -> str:
    """The locale's short date without the year ("d/M", "M/d", "dd.MM"), so a badge stays narrow."""
    fmt = re.sub(r"y+[^dM]*", "", QLocale().dateFormat(QLocale.FormatType.ShortFormat)).strip(" ./-,")
    return fmt if "d" in fmt and "M" in fmt else "d/M"


def badge_date(day: dt.date, today: dt.date, fmt: str) -> str:
    """Day and month for this year's scores; the full short date for older ones."""
    if day.year != today.year:
        return date_text(day)
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


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
    """Badges of the recent scores (oldest left) and the trend, or a line saying there are none yet.

    The badges are made once and reused, so showing another customer only sets texts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("satisfaction_row")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
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
        row.addStretch(1)
        self.badges: list[QLabel] = []  # the ones in use, oldest first
        self.trend_key = ""
        self.scores: tuple[SatisfactionScore, ...] = ()

    def show_scores(self, scores: Sequence[SatisfactionScore]) -> None:
        """`scores` newest first, as the service returns them; only the newest few are shown."""
        self.scores = tuple(scores[:SHOWN])
        self.empty.setVisible(not self.scores)
        self.badges = self._pool[:len(self.scores)]
        fmt, today = day_month_format(), dt.date.today()
        for badge, score in zip(self.badges, reversed(self.scores), strict=True):
            self._fill(badge, score, badge_date(score.when.date(), today, fmt))
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

    def _fill(self, badge: QLabel, score: SatisfactionScore, day: str) -> None:
        badge.setText(f"{score.score}\n{day}")
        colour = COLOURS.get(score.score, "#777")
        badge.setStyleSheet(f"border: 1px solid {colour}; border-radius: 3px; padding: 0px 3px; color: {colour};")
        source = self.tr("at a visit") if score.source == "visit" else self.tr("when feedback was closed")
        lines = [self.tr("%1 of 5, %2, %3").replace("%1", str(score.score)).replace("%2", source)
                 .replace("%3", datetime_text(score.when))]
        if score.comment:
            lines.append(score.comment)
        badge.setToolTip("<qt>" + "<br>".join(html.escape(line).replace("\n", "<br>") for line in lines) + "</qt>")
