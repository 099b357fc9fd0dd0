"""Money as people write it, kept as whole cents of the team's currency: exact sums, no float rounding.

Order lists carry amounts in every shape: 1234.5 (a number cell), "¥1,234.50", "1.234,50 €", "1 234,50", "RMB
1,234", "1.5万", "(120.00)" for a credit. `parse_cents` reads them all or raises ValueError, so an importer can
keep the text as written and report it.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_CURRENCY = re.compile(r"(?i)(rmb|cny|usd|eur|hkd|us\$|hk\$|元|圆|[¥￥$€£])")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_TEN_THOUSAND = ("万", "萬")
CENT = Decimal("0.01")


def cents(value: Decimal) -> int:
    """Whole cents, rounding half away from zero as accountants do."""
    return int(value.quantize(CENT, rounding=ROUND_HALF_UP) * 100)


def as_decimal(amount_cents: int) -> Decimal:
    return (Decimal(amount_cents) / 100).quantize(CENT)


def parse_decimal(value: object) -> Decimal:
    """A number as written: a cell's number, or text with thousands separators in either convention."""
    if value.__class__ is float and value - value == 0:  # the common case first: a finite number cell
        return Decimal(repr(value))
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(value)
        return Decimal(repr(value))  # the shortest text that reads back as this float: 1234.5, not 1234.4999…
    text = unicodedata.normalize("NFKC", str(value)).strip()  # full-width digits and commas: "１２，３４５"
    negative = text.startswith("(") and text.endswith(")")
    text = _SPACES.sub("", _CURRENCY.sub("", text.strip("()")))
    scale = Decimal(1)
    if text.endswith(_TEN_THOUSAND):
        text, scale = text[:-1], Decimal(10000)
    if text.startswith("-"):
        text, negative = text[1:], not negative
    text = text.lstrip("+")
    if not text or not re.fullmatch(r"[\d.,]+", text) or not any(ch.isdigit() for ch in text):
        raise ValueError(value)
    text = _plain_digits(text)
    try:
        number = Decimal(text) * scale
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    return -number if negative else number


def parse_cents(value: object) -> int:
    """Whole cents of an amount as written; ValueError when it is not one."""
    return cents(parse_decimal(value))


def _plain_digits(text: str) -> str:
    """'1,234.50' / '1.234,50' / '1,234' / '12,5' -> a Decimal's text: the last separator is the decimal mark
    unless it is followed by exactly three digits and the other mark or another of its kind comes first."""
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        if text.count(decimal_mark) > 1:
            raise ValueError(text)
        return text.replace(thousands, "").replace(decimal_mark, ".")
    mark = "," if commas else "." if dots else ""
    if not mark:
        return text
    groups = text.split(mark)
    if len(groups) > 2 or (len(groups[-1]) == 3 and mark == "," and groups[0] != "0"):  # "0,125" is 0.125
        if not all(len(g) == 3 for g in groups[1:]) or not groups[0]:
            raise ValueError(text)
        return "".join(groups)  # thousands separators only: 1,234 / 1.234.567
    return text.replace(",", ".")
