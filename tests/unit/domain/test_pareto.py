"""The revenue Pareto curve's points (domain/pareto.py), drawn by the tier review and the Dashboard tab."""

from __future__ import annotations

import random

import pytest

from keepclient.domain.pareto import pareto_points


def test_a_fifth_of_the_customers_with_most_of_the_revenue_reads_off_the_curve():
    revenues = [800] * 20 + [25] * 80  # 20 customers bring 16,000 of 18,000
    points = pareto_points(revenues, points=10)
    assert points[0] == (0.0, 0.0) and points[-1] == (100.0, 100.0)
    assert dict(points)[20.0] == pytest.approx(100 * 16_000 / 18_000)
    assert len(points) == 11


def test_the_order_given_does_not_matter_and_refunds_count_as_nothing():
    rng = random.Random(7)
    revenues = [rng.randrange(0, 10_000) for _ in range(1_003)]
    shuffled = revenues[:]
    rng.shuffle(shuffled)
    assert pareto_points(shuffled) == pareto_points(sorted(revenues, reverse=True))
    assert pareto_points([*revenues, -5_000]) == pareto_points([*revenues, 0])


def test_the_last_customer_is_always_a_point():
    points = pareto_points([5, 4, 3, 2, 1, 1, 1], points=3)  # steps of 2: 2, 4, 6, then 7
    assert [x for x, _y in points] == pytest.approx([0, 200 / 7, 400 / 7, 600 / 7, 100])
    assert points[-1][1] == 100.0


@pytest.mark.parametrize("revenues", [[], [0, 0, 0], [-3, 0]])
def test_no_revenue_is_a_flat_line(revenues):
    assert pareto_points(revenues) == [(0.0, 0.0), (100.0, 0.0)]
