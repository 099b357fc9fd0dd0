"""Amounts as people write them, read into exact cents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from keepclient.domain.money import as_decimal, cents, parse_cents


@pytest.mark.parametrize(("written", "expected"), [
    ("¥1,234.50", 123450), ("￥1234.5", 123450), ("1.234,50 €", 123450), ("1 234,50", 123450),
    ("RMB 1,234", 123400), ("1,234,567.89", 123456789), ("1.234.567", 123456700), ("12,5", 1250),
    ("1.5万", 1500000), ("(120.00)", -12000), ("-3.2", -320), ("0.005", 1), ("1234.5元", 123450),
    (1234.5, 123450), (0.1 + 0.2, 30), (1234, 123400), (Decimal("19.999"), 2000), ("0,125", 13),
])
def test_amounts_in_every_shape_are_read_to_the_cent(written: object, expected: int):
    assert parse_cents(written) == expected


@pytest.mark.parametrize("written", ["", "abc", "¥", "1,23,4", "1.2.3,4,5", "--5", True, float("nan")])
def test_what_is_not_an_amount_is_refused(written: object):
    with pytest.raises(ValueError):
        parse_cents(written)


def test_sums_of_cents_are_exact_where_floats_drift():
    lines = [parse_cents("0.10")] * 10 + [parse_cents("0.20")] * 5
    assert sum(lines) == 200 and as_decimal(sum(lines)) == Decimal("2.00")
    assert sum([0.1] * 10 + [0.2] * 5) != 2.0  # what storing floats would have given
    assert cents(Decimal("2.675")) == 268  # half away from zero, not the float's 2.67
