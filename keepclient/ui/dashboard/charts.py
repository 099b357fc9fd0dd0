"""The dashboard's charts, drawn from plain numbers: grouped bars (one set per salesperson, or one set of owners;
stacked for a large team) with an optional target line, whole-number ticks for small counts. QtCharts loads inside
these functions, when the Dashboard tab first has figures, so the window starts without it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

SMALL_COUNT = 5  # counts up to this get a tick per whole number
CHART_HEIGHT = 270  # each chart's least height: two rows of charts under the table fit a 768-pixel screen


class BarSet(NamedTuple):
    name: str
    values: Sequence[float]
    color: str = ""  # "#rrggbb" (a salesperson's calendar colour); Qt's theme colour when empty


def bar_chart(name: str, title: str, categories: Sequence[str], sets: Sequence[BarSet], *,
              target: BarSet | None = None, axis_title: str = "", label_format: str = "%d",
              clicked: Callable[[int, int], None] | None = None, stacked: bool = False) -> QWidget:
    """A QChartView named `name`: `sets` as grouped bars over `categories` (`stacked`: one bar per category, the
    sets stacked in it, without a legend entry each: a large team's 40 names would fill the chart), `target` as a
    dashed line over them (left out when all its values are 0); `clicked(set index, category index)` when a bar is
    clicked. Hovering a bar shows whose it is, where and how much."""
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QLineSeries,
        QStackedBarSeries,
        QValueAxis,
    )

    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QStackedBarSeries() if stacked else QBarSeries()
    for number, figures in enumerate(sets):
        bar_set = QBarSet(figures.name)
        if figures.color:
            bar_set.setColor(QColor(figures.color))
        for value in figures.values:
            bar_set.append(float(value))
        if clicked is not None:
            bar_set.clicked.connect(lambda index, n=number: clicked(n, index))
        bar_set.hovered.connect(lambda over, index, figures=figures: _bar_tip(over, figures, categories, index))
        bars.append(bar_set)
    highest = tallest([figures.values for figures in sets], stacked)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    y_axis = QValueAxis()
    y_axis.setLabelFormat(label_format)
    if axis_title:
        y_axis.setTitleText(axis_title)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x_axis)
    bars.attachAxis(y_axis)
    if target is not None and any(target.values):
        line = QLineSeries()
        line.setName(target.name)
        pen = QPen(QColor(target.color or "#c62828"))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        for index, value in enumerate(target.values):
            line.append(float(index), float(value))
            highest = max(highest, float(value))
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    y_axis.setRange(0, highest * 1.1 if highest > 0 else 1)
    y_axis.applyNiceNumbers()
    if label_format == "%d" and y_axis.max() <= SMALL_COUNT:  # a tick per whole number: steps of 0.25 read "0 0 0"
        top = max(1, math.ceil(y_axis.max()))
        y_axis.setRange(0, top)
        y_axis.setTickCount(top + 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    has_target = target is not None and any(target.values)
    chart.legend().setVisible((len(sets) > 1 and not stacked) or has_target)
    if stacked:
        for marker in chart.legend().markers(bars):
            marker.setVisible(False)
    chart.layout().setContentsMargins(0, 0, 0, 0)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    return view


def tallest(sets: Sequence[Sequence[float]], stacked: bool) -> float:
    """The highest bar of these sets (each a value per category): a category's values added up when they are
    stacked, the largest of them when they stand side by side; 0 when there are none."""
    heights: list[float] = []
    for values in sets:
        for index, value in enumerate(values):
            if index == len(heights):
                heights.append(float(value))
            else:
                heights[index] = heights[index] + float(value) if stacked else max(heights[index], float(value))
    return max(heights, default=0.0)


def bar_tip_text(figures: BarSet, categories: Sequence[str], index: int) -> str:
    """"李娜 · Mar: 12": a bar's set, category and value, the number as the locale writes it."""
    value = float(figures.values[index]) if 0 <= index < len(figures.values) else 0.0
    number = QLocale().toString(value, "f", 0 if value.is_integer() else 1)
    where = categories[index] if 0 <= index < len(categories) else ""
    return f"{figures.name} · {where}: {number}" if where else f"{figures.name}: {number}"


def _bar_tip(over: bool, figures: BarSet, categories: Sequence[str], index: int) -> None:
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QToolTip

    if over:
        QToolTip.showText(QCursor.pos(), bar_tip_text(figures, categories, index))
    else:
        QToolTip.hideText()


class LineSet(NamedTuple):
    name: str
    values: Sequence[float | None]  # None: nothing in that category (no point there; the line joins its neighbours)
    color: str = ""
    width: int = 2


def line_chart(name: str, title: str, categories: Sequence[str], lines: Sequence[LineSet], *,
               low: float, high: float, axis_title: str = "", label_format: str = "%.1f",
               clicked: Callable[[int, int], None] | None = None) -> QWidget:
    """A QChartView named `name`: each of `lines` over `categories` with its points marked, on a fixed value range
    `low`..`high`; `clicked(line index, category index)` when a point is clicked."""
    from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis

    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    y_axis = QValueAxis()
    y_axis.setLabelFormat(label_format)
    y_axis.setRange(low, high)
    if axis_title:
        y_axis.setTitleText(axis_title)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for number, figures in enumerate(lines):
        line = QLineSeries()
        line.setName(figures.name)
        line.setPointsVisible(True)
        for index, value in enumerate(figures.values):
            if value is not None:
                line.append(float(index), float(value))
        if clicked is not None:
            line.clicked.connect(lambda point, n=number: clicked(n, round(point.x())))
        chart.addSeries(line)  # takes the theme's colour, kept unless the line has its own
        pen = QPen(QColor(figures.color)) if figures.color else line.pen()
        pen.setWidth(figures.width)
        line.setPen(pen)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(lines) > 1)
    chart.layout().setContentsMargins(0, 0, 0, 0)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    return view
