"""The revenue Pareto curve (customers ranked by 12-month revenue, cumulative share of revenue), shared by the tier
review (Customer › Review tiers…) and the Dashboard tab. QtCharts loads inside `pareto_chart`, when first drawn."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for; the tier review's words (its context)
CURVE_POINTS = 100  # the Pareto curve is drawn through this many points, whatever the number of customers


def pareto_points(revenues: Sequence[int], points: int = CURVE_POINTS) -> list[tuple[float, float]]:
    """(share of customers, cumulative share of revenue) in percent, customers ranked by revenue, biggest first:
    where "a fifth of the customers bring most of the business" can be read off."""
    ranked = sorted((max(r, 0) for r in revenues), reverse=True)
    total = sum(ranked)
    if not ranked or not total:
        return [(0.0, 0.0), (100.0, 0.0)]
    result, running, step = [(0.0, 0.0)], 0, max(1, len(ranked) // points)
    for index, revenue in enumerate(ranked, start=1):
        running += revenue
        if index % step == 0 or index == len(ranked):
            result.append((100.0 * index / len(ranked), 100.0 * running / total))
    return result


def pareto_chart(revenues: Sequence[int]) -> QWidget:
    """The curve as a QtCharts view named "paretoChart"."""
    from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
    from PySide6.QtGui import QPainter

    series = QLineSeries()
    series.setName(translate("TierReview", "Share of 12-month revenue"))
    for x, y in pareto_points(revenues):
        series.append(x, y)
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(translate("TierReview", "Customers ranked by 12-month revenue, biggest first"))
    for alignment, title in ((Qt.AlignmentFlag.AlignBottom, translate("TierReview", "Share of customers (%)")),
                             (Qt.AlignmentFlag.AlignLeft, translate("TierReview", "Share of revenue (%)"))):
        axis = QValueAxis()
        axis.setRange(0, 100)
        axis.setLabelFormat("%d")
        axis.setTitleText(title)
        chart.addAxis(axis, alignment)
        series.attachAxis(axis)
    chart.legend().hide()
    view = QChartView(chart)
    view.setObjectName("paretoChart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view
