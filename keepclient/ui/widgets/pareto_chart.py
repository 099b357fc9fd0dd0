"""The revenue Pareto curve (domain/pareto.py's points) drawn, shared by the tier review (Customer › Review tiers…)
and the Dashboard tab. QtCharts loads inside `pareto_chart`, when first drawn."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for; the tier review's words (its context)
def pareto_chart(points: Sequence[tuple[float, float]], clicked: Callable[[], None] | None = None) -> QWidget:
    """The curve through `points` (domain/pareto.pareto_points) as a QtCharts view named "paretoChart";
    `clicked()` when the curve is clicked."""
    from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
    from PySide6.QtGui import QPainter

    series = QLineSeries()
    series.setName(translate("TierReview", "Share of 12-month revenue"))
    for x, y in points:
        series.append(x, y)
    if clicked is not None:
        series.clicked.connect(lambda _point: clicked())
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
