"""Money as the user's locale writes it, with the team's currency: "¥12,345.00", "12.345,00 €".

Amounts are whole cents (services); the float made here only feeds QLocale's formatting, never a sum.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

SYMBOLS = {"CNY": "¥", "RMB": "¥", "JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "TWD": "NT$",
           "CHF": "CHF", "AUD": "A$", "CAD": "C$", "SGD": "S$", "KRW": "₩", "INR": "₹"}


def currency_symbol(currency: str) -> str:
    """The sign people write for the team's currency code (the code itself when it has no common sign)."""
    code = (currency or "").upper()
    return SYMBOLS.get(code, code)


def money_text(amount_cents: int | None, currency: str = "CNY") -> str:
    """`amount_cents` in the user's locale with the currency sign; "" for no amount."""
    if amount_cents is None:
        return ""
    return QLocale().toCurrencyString(amount_cents / 100, currency_symbol(currency), 2)


def plain_amount(amount_cents: int | None) -> str:
    """An amount without the sign, as an edit field shows it (the locale's separators): "1,234.50"."""
    if amount_cents is None:
        return ""
    return QLocale().toString(amount_cents / 100, "f", 2)


def quantity_text(quantity: Decimal) -> str:
    """A quantity without trailing zeros, with the locale's decimal mark: 3, 2.5, 0.125."""
    text = format(quantity.normalize(), "f") if quantity else "0"
    return text.replace(".", QLocale().decimalPoint())
