"""The revenue Pareto curve (customers ranked by 12-month revenue, biggest first, against the cumulative share of
revenue): where "a fifth of the customers bring most of the business" can be read off. Plain numbers, worked out
off the UI thread; the tier review and the Dashboard tab draw them (ui/widgets/pareto_chart.py)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

CURVE_POINTS = 100  # the curve is drawn through this many points, whatever the number of customers


def pareto_points(revenues: Sequence[int], points: int = CURVE_POINTS) -> list[tuple[float, float]]:
    """(share of customers, cumulative share of revenue) in percent, customers ranked by revenue, biggest first;
    a customer's negative revenue (refunds) counts as none. Revenues already biggest first (as the dashboard
    reads them) are ranked in one pass."""
    ranked = sorted(revenues, reverse=True)
    if ranked and ranked[-1] < 0:
        ranked = [max(revenue, 0) for revenue in ranked]
    running = list(accumulate(ranked))
    if not running or not running[-1]:
        return [(0.0, 0.0), (100.0, 0.0)]
    count, total, step = len(ranked), running[-1], max(1, len(ranked) // points)
    taken = [*range(step, count + 1, step)]
    if taken[-1] != count:
        taken.append(count)
    return [(0.0, 0.0), *((100.0 * index / count, 100.0 * running[index - 1] / total) for index in taken)]
