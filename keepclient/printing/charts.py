"""Charts painted with QPainter inside the printed documents' layout: a Block that paints plots in its box.

Text on a chart (title, legend, axis numbers, month names, names) is laid out like all other printed text (the same
Units styles, Para and drawText / QTextLayout calls as Block.draw), so it stays searchable in the PDF and Chinese
prints in the document's CJK font. Everything is measured when a plot is built; painting only draws. Each plot
counts what it drew (`marks`: bars, lines and target marks) so tests can check a chart is really there.

QtGui only (no QtWidgets, no QtCharts): the command line prints without a window.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from keepclient.printing.layout import INK, MUTED, RULE, Block, Canvas, Para, Units

AXIS = QColor("#555555")
TARGET = QColor("#222222")
PAPER = QColor("#ffffff")  # behind a value printed over the grid
TOTAL = QColor("#b9c6d8")  # the team's total, behind the salespeople's coloured lines
# Salespeople's calendar colours come from the team list; these stand in when a colour is missing or unreadable.
FALLBACK = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
MARKERS = 5  # circle, square, triangle, diamond, cross: lines in similar colours stay apart


def color_of(value: str | None, index: int) -> QColor:
    color = QColor(value) if value else QColor()
    return color if color.isValid() else QColor(FALLBACK[index % len(FALLBACK)])


def nice_scale(top: float, steps: int = 4, *, whole: bool = False) -> tuple[float, float]:
    """An axis end above `top` and its step (1, 2, 2.5 or 5 times a power of ten; whole numbers if `whole`)."""
    if top <= 0:
        return (float(steps), 1.0) if whole else (1.0, 0.25)
    top *= 1.06  # headroom: the highest bar or target never touches the frame or the top grid line
    raw = top / steps
    power = 10.0 ** math.floor(math.log10(raw))
    step = power * 10
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw * (1 - 1e-9) and not (whole and (factor * power) % 1):
            step = factor * power
            break
    if whole:
        step = max(step, 1.0)
    return step * math.ceil(top / step - 1e-9), step


class Label:
    """One line of text, elided to `width`, with its measured width for centring and right alignment."""

    __slots__ = ("para", "width")

    def __init__(self, units: Units, text: str, size: float, width: float, *, bold: bool = False,
                 color: QColor = INK) -> None:
        style = units.style(size, bold=bold, color=color)
        self.para: Para = style.para(text, max(width, 1.0), 1)
        self.width = min(style.metrics.horizontalAdvance(self.para.text or text), width)

    @property
    def height(self) -> float:
        return self.para.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Drawn with its top-left corner at (x, y)."""
        para = self.para
        painter.setPen(para.color)
        if para.layout is not None:
            para.layout.draw(painter, QPointF(x, y))
        else:
            painter.setFont(para.font)
            painter.drawText(QPointF(x, y + para.baseline), para.text)


@dataclass
class Series:
    """A named row of values, one per category, drawn in `color` (bars, or a line with `marker`)."""

    label: str
    values: list[float]
    color: QColor
    marker: int = 0


@dataclass
class Legend:
    """Swatches and names, wrapped over as many lines as the width needs; measured when built."""

    entries: list[tuple[str, Label, QColor, int]]  # kind ("bar", "line", "target"), label, colour, marker
    placed: list[tuple[float, float]] = field(default_factory=list)  # each entry's offset from the legend's corner
    height: float = 0.0

    @classmethod
    def build(cls, units: Units, entries: Sequence[tuple[str, str, QColor, int]], width: float) -> Legend:
        swatch, gap = units.pt(12), units.pt(8)
        labels = [(kind, Label(units, text, 7, width - swatch - units.pt(3), color=INK), color, marker)
                  for kind, text, color, marker in entries]
        legend = cls(labels)
        x = y = 0.0
        line = 0.0
        for _kind, label, _color, _marker in labels:
            needed = swatch + units.pt(3) + label.width
            if x and x + needed > width:
                x, y = 0.0, y + line + units.pt(1.5)
            legend.placed.append((x, y))
            line = max(line, label.height)
            x += needed + gap
        legend.height = y + line if labels else 0.0
        return legend

    def draw(self, painter: QPainter, units: Units, left: float, top: float) -> None:
        swatch = units.pt(12)
        for (kind, label, color, marker), (dx, dy) in zip(self.entries, self.placed, strict=True):
            x, y = left + dx, top + dy
            middle = y + label.height / 2
            if kind == "bar":
                painter.fillRect(QRectF(x + units.pt(2), middle - units.pt(3), swatch - units.pt(4), units.pt(6)),
                                 color)
            elif kind == "target":
                painter.setPen(QPen(TARGET, units.pt(1.2)))
                painter.drawLine(QLineF(x, middle, x + swatch, middle))
            else:
                painter.setPen(QPen(color, units.pt(1.2)))
                painter.drawLine(QLineF(x, middle, x + swatch, middle))
                draw_marker(painter, units, marker, QPointF(x + swatch / 2, middle), color)
            label.draw(painter, x + swatch + units.pt(3), y)


def draw_marker(painter: QPainter, units: Units, marker: int, at: QPointF, color: QColor) -> None:
    size = units.pt(1.9)
    painter.setPen(QPen(color, units.pt(0.8)))
    painter.setBrush(QBrush(color))
    kind = marker % MARKERS
    x, y = at.x(), at.y()
    if kind == 0:
        painter.drawEllipse(at, size, size)
    elif kind == 1:
        painter.drawRect(QRectF(x - size, y - size, 2 * size, 2 * size))
    elif kind == 2:
        painter.drawPolygon(QPolygonF([QPointF(x, y - size * 1.2), QPointF(x + size * 1.2, y + size),
                                       QPointF(x - size * 1.2, y + size)]))
    elif kind == 3:
        painter.drawPolygon(QPolygonF([QPointF(x, y - size * 1.3), QPointF(x + size * 1.3, y),
                                       QPointF(x, y + size * 1.3), QPointF(x - size * 1.3, y)]))
    else:
        painter.setPen(QPen(color, units.pt(1.0)))
        painter.drawLines([QLineF(x - size, y - size, x + size, y + size), QLineF(x - size, y + size, x + size,
                                                                                    y - size)])
    painter.setBrush(Qt.BrushStyle.NoBrush)


class Plot:
    """Something painted in a rectangle of a ChartBlock; `marks` counts the bars, lines and targets drawn."""

    height: float
    marks: int = 0

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


class ChartBlock(Block):
    """A block holding plots side by side (each as high as the block), painted within the block's box."""

    __slots__ = ("plots", "spacing")

    def __init__(self, plots: Sequence[Plot], spacing: float, gap: float = 0.0) -> None:
        super().__init__([], gap=gap)
        self.plots = list(plots)
        self.spacing = spacing
        self.height = max((plot.height for plot in plots), default=0.0)

    @staticmethod
    def widths(total: float, count: int, spacing: float) -> float:
        """Each plot's width when `count` share `total`."""
        return (total - spacing * (count - 1)) / max(count, 1)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        painter = canvas.painter
        each = self.widths(width, len(self.plots), self.spacing)
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for index, plot in enumerate(self.plots):
                plot.paint(painter, QRectF(x + index * (each + self.spacing), y, each, self.height))
        finally:
            painter.restore()
            canvas.changed()


class MonthPlot(Plot):
    """Values per month: bars (grouped, one per series) on the left axis, lines on the left axis or on a right one
    of their own, and an optional target per month drawn as a dark step across each month's bars."""

    def __init__(self, units: Units, width: float, height: float, *, title: str, months: list[str],
                 month_labels: list[tuple[str, str]], bars: list[Series], lines: list[Series] | None = None,
                 target: list[float] | None = None, target_label: str = "",
                 left: Callable[[float], str], right: Callable[[float], str] | None = None,
                 left_caption: str = "", right_caption: str = "", whole: bool = False) -> None:
        self.units = units
        self.height = height
        self.months = months
        self.bars = bars
        self.lines = lines or []
        self.target = target if target and any(value > 0 for value in target) else None
        pad = units.pt(3)
        self.title = Label(units, title, 8.5, width - 2 * pad, bold=True)
        entries = [("bar", series.label, series.color, 0) for series in bars]
        entries += [("line", series.label, series.color, series.marker) for series in self.lines]
        if self.target is not None:
            entries.append(("target", target_label, TARGET, 0))
        self.legend = Legend.build(units, entries if len(entries) > 1 or self.target is not None else [],
                                   width - 2 * pad)
        on_right = right is not None and bool(self.lines)
        top_left = max([value for series in bars + ([] if on_right else self.lines) for value in series.values]
                       + (self.target or []) + [0.0])
        self.left_top, self.left_step = nice_scale(top_left, whole=whole)
        self.left_ticks = self._ticks(self.left_top, self.left_step, left)
        self.right_ticks: list[tuple[float, Label]] = []
        self.right_top = 0.0
        if on_right and right is not None:
            top_right = max([value for series in self.lines for value in series.values] + [0.0])
            self.right_top, step = nice_scale(top_right, whole=whole)
            self.right_ticks = self._ticks(self.right_top, step, right)
        self.left_caption = Label(units, left_caption, 6.5, width / 2, color=MUTED) if left_caption else None
        self.right_caption = Label(units, right_caption, 6.5, width / 2, color=MUTED) if right_caption else None
        self.month_labels = [(Label(units, name, 6.5, units.pt(60), color=INK),
                              Label(units, year, 6.5, units.pt(60), color=MUTED) if year else None)
                             for name, year in month_labels]

    def _ticks(self, top: float, step: float, fmt: Callable[[float], str]) -> list[tuple[float, Label]]:
        count = round(top / step)
        return [(index * step, Label(self.units, fmt(index * step), 6.5, self.units.pt(90), color=MUTED))
                for index in range(count + 1)]

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        units = self.units
        self.marks = 0
        pad = units.pt(3)
        x0, y0 = rect.left() + pad, rect.top() + pad
        width = rect.width() - 2 * pad
        self.title.draw(painter, x0, y0)
        y = y0 + self.title.height + units.pt(2)
        if self.legend.entries:
            self.legend.draw(painter, units, x0, y)
            y += self.legend.height + units.pt(3)
        captions = self.left_caption or self.right_caption
        if captions:
            if self.left_caption:
                self.left_caption.draw(painter, x0, y)
            if self.right_caption:
                self.right_caption.draw(painter, x0 + width - self.right_caption.width, y)
            y += max(label.height for label in (self.left_caption, self.right_caption) if label) + units.pt(1)
        tick_height = self.left_ticks[0][1].height
        y += tick_height / 2  # the top tick's label is centred on the top of the plot
        month_height = max((name.height + (year.height if year else 0.0) for name, year in self.month_labels),
                           default=0.0)
        bottom = rect.bottom() - pad - month_height - units.pt(2)
        left_width = max(label.width for _value, label in self.left_ticks)
        right_width = max((label.width for _value, label in self.right_ticks), default=0.0)
        plot_left = x0 + left_width + units.pt(3)
        plot_right = x0 + width - (right_width + units.pt(3) if self.right_ticks else units.pt(2))
        plot = QRectF(QPointF(plot_left, y), QPointF(plot_right, bottom))
        if plot.height() <= 0 or plot.width() <= 0 or not self.months:
            return
        self._axes(painter, plot)
        slot = plot.width() / len(self.months)
        self._bars(painter, plot, slot)
        if self.target is not None:
            self._target(painter, plot, slot)
        self._lines(painter, plot, slot)
        self._month_names(painter, plot, slot)

    def _y(self, plot: QRectF, value: float, top: float) -> float:
        return plot.bottom() - plot.height() * (min(value, top) / top if top else 0.0)

    def _axes(self, painter: QPainter, plot: QRectF) -> None:
        units = self.units
        grid = [QLineF(plot.left(), self._y(plot, value, self.left_top), plot.right(),
                       self._y(plot, value, self.left_top)) for value, _label in self.left_ticks[1:]]
        painter.setPen(QPen(RULE, units.pt(0.4)))
        painter.drawLines(grid)
        for value, label in self.left_ticks:
            y = self._y(plot, value, self.left_top)
            label.draw(painter, plot.left() - units.pt(3) - label.width, y - label.height / 2)
        for value, label in self.right_ticks:
            y = self._y(plot, value, self.right_top)
            label.draw(painter, plot.right() + units.pt(3), y - label.height / 2)
        painter.setPen(QPen(AXIS, units.pt(0.6)))
        painter.drawLine(QLineF(plot.bottomLeft(), plot.bottomRight()))
        painter.drawLine(QLineF(plot.topLeft(), plot.bottomLeft()))
        if self.right_ticks:
            painter.drawLine(QLineF(plot.topRight(), plot.bottomRight()))

    def _bars(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        if not self.bars:
            return
        group = slot * (0.72 if len(self.bars) == 1 else 0.84)
        each = group / len(self.bars)
        for index, series in enumerate(self.bars):
            for month, value in enumerate(series.values):
                if value <= 0:
                    continue
                top = self._y(plot, value, self.left_top)
                x = plot.left() + month * slot + (slot - group) / 2 + index * each
                painter.fillRect(QRectF(x, top, max(each - self.units.pt(0.3), self.units.pt(0.5)),
                                        plot.bottom() - top), series.color)
                self.marks += 1

    def _target(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        assert self.target is not None
        painter.setPen(QPen(TARGET, self.units.pt(1.2)))
        for month, value in enumerate(self.target):
            if value <= 0:
                continue
            y = self._y(plot, value, self.left_top)
            left = plot.left() + month * slot
            painter.drawLine(QLineF(left + slot * 0.04, y, left + slot * 0.96, y))
            self.marks += 1

    def _lines(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        top = self.right_top if self.right_ticks else self.left_top
        for series in self.lines:
            points = [QPointF(plot.left() + (month + 0.5) * slot, self._y(plot, value, top))
                      for month, value in enumerate(series.values)]
            painter.setPen(QPen(series.color, self.units.pt(1.2)))
            painter.drawPolyline(QPolygonF(points))
            for point in points:
                draw_marker(painter, self.units, series.marker, point, series.color)
            self.marks += 1

    def _month_names(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        """Every month's name under its slot, or every second, third... when they would touch; the year under the
        first month shown in each year."""
        units = self.units
        widest = max(name.width for name, _year in self.month_labels) + units.pt(3)
        stride = max(1, math.ceil(widest / slot))
        shown_year = ""
        for month, (name, year) in enumerate(self.month_labels):
            if month % stride:
                continue
            centre = plot.left() + (month + 0.5) * slot
            top = plot.bottom() + units.pt(2)
            name.draw(painter, centre - name.width / 2, top)
            if year is not None and self.months[month][:4] != shown_year:
                year.draw(painter, centre - year.width / 2, top + name.height)
                shown_year = self.months[month][:4]


@dataclass
class Rank:
    """One bar of a RankPlot: a name, a value, its target (0: none) and the text printed after the bar."""

    name: str
    value: float
    target: float
    text: str
    color: QColor


class RankPlot(Plot):
    """Horizontal bars, one per row in the given order, a scale along the bottom and each target as a dark tick."""

    def __init__(self, units: Units, width: float, *, title: str, ranks: list[Rank], bar_label: str,
                 target_label: str, scale: Callable[[float], str], top: float | None = None) -> None:
        self.units = units
        pad = units.pt(3)
        self.title = Label(units, title, 8.5, width - 2 * pad, bold=True)
        has_target = any(rank.target > 0 for rank in ranks)
        entries = [("bar", bar_label, ranks[0].color if len(ranks) == 1 else QColor("#8a8a8a"), 0)]
        if has_target:
            entries.append(("target", target_label, TARGET, 0))
        self.legend = Legend.build(units, entries, width - 2 * pad)
        names_width = (width - 2 * pad) * 0.22
        self.names = [Label(units, rank.name, 7, names_width) for rank in ranks]
        self.texts = [Label(units, rank.text, 6.5, (width - 2 * pad) * 0.3, color=MUTED) for rank in ranks]
        self.ranks = ranks
        self.top, step = nice_scale(top if top is not None else
                                    max([rank.value for rank in ranks] + [rank.target for rank in ranks] + [0.0]))
        self.ticks = [(index * step, Label(units, scale(index * step), 6.5, units.pt(90), color=MUTED))
                      for index in range(round(self.top / step) + 1)]
        self.row = max([label.height for label in self.names] + [units.pt(7)]) + units.pt(3)
        self.height = (2 * pad + self.title.height + units.pt(2) + self.legend.height + units.pt(3)
                       + self.row * len(ranks) + units.pt(2) + self.ticks[0][1].height)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        units = self.units
        self.marks = 0
        pad = units.pt(3)
        x0, y = rect.left() + pad, rect.top() + pad
        width = rect.width() - 2 * pad
        self.title.draw(painter, x0, y)
        y += self.title.height + units.pt(2)
        self.legend.draw(painter, units, x0, y)
        y += self.legend.height + units.pt(3)
        names = max((label.width for label in self.names), default=0.0)
        texts = max((label.width for label in self.texts), default=0.0)
        last_tick = self.ticks[-1][1].width
        left = x0 + names + units.pt(4)
        right = x0 + width - max(texts + units.pt(4), last_tick / 2)
        if right - left <= 0:
            return
        span = right - left
        bottom = y + self.row * len(self.ranks)
        painter.setPen(QPen(RULE, units.pt(0.4)))
        painter.drawLines([QLineF(left + span * value / self.top, y, left + span * value / self.top, bottom)
                           for value, _label in self.ticks[1:]])
        for value, label in self.ticks:
            label.draw(painter, left + span * value / self.top - label.width / 2, bottom + units.pt(2))
        for index, rank in enumerate(self.ranks):
            top = y + index * self.row
            name, text = self.names[index], self.texts[index]
            name.draw(painter, left - units.pt(4) - name.width, top + (self.row - name.height) / 2)
            length = span * min(max(rank.value, 0.0) / self.top, 1.0)
            bar = QRectF(left, top + self.row * 0.18, length, self.row * 0.64)
            if length > 0:
                painter.fillRect(bar, rank.color)
                self.marks += 1
            end = left + length
            if rank.target > 0:
                at = left + span * min(rank.target / self.top, 1.0)
                painter.setPen(QPen(TARGET, units.pt(1.3)))
                painter.drawLine(QLineF(at, top + self.row * 0.05, at, top + self.row * 0.95))
                self.marks += 1
                end = max(end, at)
            at_x, at_y = min(end + units.pt(3), x0 + width - text.width), top + (self.row - text.height) / 2
            painter.fillRect(QRectF(at_x - units.pt(1), at_y, text.width + units.pt(2), text.height), PAPER)
            text.draw(painter, at_x, at_y)
        painter.setPen(QPen(AXIS, units.pt(0.6)))
        painter.drawLine(QLineF(left, y, left, bottom))
        painter.drawLine(QLineF(left, bottom, right, bottom))
