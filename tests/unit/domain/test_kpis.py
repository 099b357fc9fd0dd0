"""The KPI rules (domain/kpis): each returns its value with how it was computed."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from keepclient.domain import kpis

D = dt.date


def test_a_share_of_nobody_is_no_value_not_zero():
    assert kpis.share("retention", 3, 4).value == 0.75
    empty = kpis.share("retention", 0, 0)
    assert empty.value is None and (empty.numerator, empty.denominator) == (0, 0)
    assert empty.text() == "nothing to count"
    assert kpis.share("a_coverage", 1, 2).explain() == ("%1 of %2", ("1", "2"))


def test_median_keeps_its_sample_size_and_target():
    odd = kpis.median("response_median", [30.0, 2.0, 7.5], target=24)
    assert (odd.value, odd.sample, odd.target) == (7.5, 3, 24)
    assert kpis.median("response_median", [1, 2, 3, 10]).value == 2.5
    none = kpis.median("resolution_median", [], target=168)
    assert (none.value, none.sample) == (None, 0)
    assert none.text() == "median of 0 items, target 168 h"


def test_average_and_money_against_target():
    assert kpis.average("satisfaction", 12, 3).value == 4.0
    assert kpis.average("satisfaction", 0, 0).value is None
    revenue = kpis.money("revenue", 170_000, 1_000_000)
    assert revenue.attainment == pytest.approx(0.17)
    assert revenue.text() == "1700.00 against a target of 10000.00"
    assert kpis.money("revenue", 5, None).attainment is None
    assert kpis.average("average_order_value", 170_000, 2).text() == "1700.00 over 2"
    assert kpis.count("visits_done", 9, target=12).text() == "9 against a target of 12"
    assert kpis.count("overdue_now", 3, of=4).text() == "3 of 4"


def test_months_pro_rata_by_day():
    assert kpis.months_in(D(2027, 1, 1), D(2027, 12, 31)) == 12
    assert kpis.months_in(D(2027, 3, 16), D(2027, 3, 31)) == Fraction(16, 31)
    assert kpis.months_in(D(2027, 1, 16), D(2027, 2, 14)) == Fraction(16, 31) + Fraction(14, 28)
    assert kpis.months_in(D(2028, 2, 1), D(2028, 2, 29)) == 1  # a leap February is one month
    assert kpis.months_in(D(2027, 3, 2), D(2027, 3, 1)) == 0


def test_period_target_counts_only_the_time_on_the_team():
    assert kpis.period_target(1000, D(2027, 1, 1), D(2027, 3, 31)) == 3000
    assert kpis.period_target(3100, D(2027, 3, 1), D(2027, 3, 31), joined=D(2027, 3, 16)) == pytest.approx(1600)
    assert kpis.period_target(3100, D(2027, 3, 1), D(2027, 3, 31), left=D(2027, 3, 10)) == pytest.approx(1000)
    assert kpis.period_target(3100, D(2027, 3, 1), D(2027, 3, 31), joined=D(2027, 4, 2)) == 0
    assert kpis.period_target(0, D(2027, 1, 1), D(2027, 12, 31)) == 0


def test_previous_period_has_the_same_length():
    assert kpis.previous_period(D(2027, 3, 1), D(2027, 3, 31)) == (D(2027, 1, 29), D(2027, 2, 28))
    assert kpis.previous_period(D(2027, 1, 1), D(2027, 12, 31)) == (D(2026, 1, 1), D(2026, 12, 31))


def test_month_keys():
    assert kpis.month_keys(D(2026, 11, 20), D(2027, 2, 1)) == ["2026-11", "2026-12", "2027-01", "2027-02"]


def test_every_kpi_has_a_kind_and_caption():
    assert len(kpis.KPI_KEYS) == len(set(kpis.KPI_KEYS)) == 17
    assert set(kpis.KIND.values()) <= {kpis.COUNT, kpis.SHARE, kpis.HOURS, kpis.SCORE, kpis.MONEY}
