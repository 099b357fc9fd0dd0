"""How a visit looks: the salesperson's colour, styled by status, shared by the time grid and the month grid.

planned: a light fill with a solid border; done: the full colour; cancelled: grey with struck-out text;
missed: hatched in red with a red border. Styles are cached per (colour, status): painting builds no objects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from keepclient.domain.types import VisitItem

FALLBACK = "#607d8b"  # a visit without a salesperson (or colour) in blue-grey
MISSED = QColor("#c62828")


class VisitStyle(NamedTuple):
    fill: QBrush
    hatch: QBrush | None
    border: QPen
    text: QColor | None  # None: the palette's text colour (light fills show the background through)
    struck: bool
    accent: QColor  # the salesperson's colour itself: the dot in the month grid, the bar at the left of a block


def _readable_on(color: QColor) -> QColor:
    """Black or white text, whichever reads better on `color`."""
    luminance = 0.299 * color.redF() + 0.587 * color.greenF() + 0.114 * color.blueF()
    return QColor("#000000") if luminance > 0.6 else QColor("#ffffff")


@lru_cache(maxsize=512)
def style_for(color: str, status: str) -> VisitStyle:
    base = QColor(color or FALLBACK)
    if not base.isValid():
        base = QColor(FALLBACK)
    light = QColor(base)
    light.setAlpha(60)
    if status == "done":
        return VisitStyle(QBrush(base), None, QPen(base.darker(130), 1), _readable_on(base), False, base)
    if status == "cancelled":
        grey = QColor("#9e9e9e")
        return VisitStyle(QBrush(QColor("#eeeeee")), None, QPen(grey, 1, Qt.PenStyle.DashLine), QColor("#757575"),
                          True, base)
    if status == "missed":
        hatch = QBrush(MISSED, Qt.BrushStyle.BDiagPattern)
        return VisitStyle(QBrush(light), hatch, QPen(MISSED, 2), None, False, base)
    return VisitStyle(QBrush(light), None, QPen(base, 1.5), None, False, base)


def visit_style(visit: VisitItem) -> VisitStyle:
    return style_for(visit.color, visit.status)


@lru_cache(maxsize=8)
def struck_font(font_key: str) -> QFont:
    font = QFont()
    font.fromString(font_key)
    font.setStrikeOut(True)
    return font


def struck(font: QFont) -> QFont:
    """`font` with a line through it, for cancelled visits."""
    return struck_font(font.toString())
