"""Record or edit one order: date, order number, product, quantity, unit price, amount, salesperson and notes.

Amounts are typed as people write them ("1,234.50", "¥1234.5", "1.5万") and read with domain.money. The amount
follows quantity × unit price until the user types one of their own (clearing it makes it follow again). Like the
FormDialog, OK emits `submitted(values)` and leaves the dialog open: the caller saves, closes it on success, or
marks the refused field (`mark_invalid`) and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from keepclient.domain.money import as_decimal, cents, parse_cents, parse_decimal
from keepclient.domain.types import OrderItem, SalespersonInfo
from keepclient.ui.widgets.form_dialog import finish_form
from keepclient.ui.widgets.money import currency_symbol, plain_amount, quantity_text
from keepclient.ui.widgets.record_form import RecordForm


class OrderDialog(RecordForm, QDialog):
    submitted = Signal(dict)

    def __init__(self, customer_name: str, people: list[SalespersonInfo], *, order: OrderItem | None = None,
                 owner_id: int | None = None, currency: str = "CNY", today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order = order
        self.setWindowTitle(self.tr("Edit order") if order else self.tr("Record order"))
        self.setMinimumWidth(420)
        self._amount_typed = order is not None and order.amount_cents != _product(order.quantity,
                                                                                 order.unit_price_cents)
        heading = QLabel(f"<b>{html.escape(customer_name)}</b>")
        heading.setObjectName("order_customer")
        day = order.date if order else (today or dt.date.today())
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.order_no = QLineEdit(order.order_no if order else "")
        self.product = QLineEdit(order.product if order else "")
        self.quantity = QLineEdit(quantity_text(order.quantity) if order else "1")
        symbol = currency_symbol(currency)
        self.unit_price = QLineEdit(plain_amount(order.unit_price_cents) if order else "")
        self.unit_price.setPlaceholderText(self.tr("optional"))
        self.amount = QLineEdit(plain_amount(order.amount_cents) if order else "")
        self.amount.setPlaceholderText(self.tr("quantity × unit price"))
        self.amount.setToolTip(self.tr("Follows quantity × unit price until you type an amount"))
        self.salesperson = QComboBox()
        self.salesperson.addItem("—", None)
        kept = order.salesperson_id if order else None  # an inactive one stays on the orders they made
        active_owner = owner_id in {p.id for p in people if p.active}
        chosen = kept if order else (owner_id if active_owner else None)  # new work never goes to a leaver
        for person in people:
            if person.active or person.id == kept:
                self.salesperson.addItem(person.name, person.id)
        self.salesperson.setCurrentIndex(max(self.salesperson.findData(chosen), 0))
        self.notes = QPlainTextEdit(order.notes if order else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.widgets: dict[str, QWidget] = {
            "date": self.date, "order_no": self.order_no, "product": self.product, "quantity": self.quantity,
            "unit_price_cents": self.unit_price, "amount_cents": self.amount, "salesperson_id": self.salesperson,
            "notes": self.notes,
        }
        for key, widget in self.widgets.items():
            widget.setObjectName(f"order_{key}")

        form = QFormLayout()
        form.addRow(heading)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Order number"), self.order_no)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Unit price (%1)").replace("%1", symbol), self.unit_price)
        form.addRow(self.tr("Amount (%1)").replace("%1", symbol), self.amount)
        form.addRow(self.tr("Salesperson"), self.salesperson)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = finish_form(self, form, self.submit, "order_message")

        self.quantity.textChanged.connect(self._follow)
        self.unit_price.textChanged.connect(self._follow)
        self.amount.textEdited.connect(self._amount_edited)
        self.product.setFocus()

    # -- the amount follows quantity × unit price -------------------------------------------------------------
    def _amount_edited(self, text: str) -> None:
        self._amount_typed = bool(text.strip())
        if not self._amount_typed:
            self._follow()

    def _follow(self) -> None:
        if self._amount_typed:
            return
        try:
            amount = _product(parse_decimal(self.quantity.text()), parse_cents(self.unit_price.text()))
        except ValueError:
            return  # half-typed: the amount waits for readable input
        self.amount.setText(plain_amount(amount))

    # -- reading and checking ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form says, read as the services take it; ValueError(key, message) for the first bad field."""
        qdate = self.date.date()
        values: dict[str, Any] = {
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()),
            "order_no": self.order_no.text().strip(), "product": self.product.text().strip(),
            "salesperson_id": self.salesperson.currentData(), "notes": self.notes.toPlainText().strip(),
        }
        try:
            values["quantity"] = parse_decimal(self.quantity.text() or "1")
        except ValueError:
            text = self.tr("“%1” is not a quantity.").replace("%1", self.quantity.text())
            raise ValueError("quantity", text) from None
        if not values["quantity"]:  # a credit (a return) has a negative quantity; none at all is no order
            raise ValueError("quantity", self.tr("The quantity cannot be 0."))
        values["unit_price_cents"] = self._money(self.unit_price, "unit_price_cents")
        amount = self._money(self.amount, "amount_cents")
        if amount is None and values["unit_price_cents"] is not None:
            amount = _product(values["quantity"], values["unit_price_cents"])
        if amount is None:
            raise ValueError("amount_cents", self.tr("Enter the amount, or a unit price to multiply."))
        values["amount_cents"] = amount
        return values

    def _money(self, edit: QLineEdit, key: str) -> int | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_cents(text)
        except ValueError:
            problem = self.tr("“%1” is not an amount (for example 1,234.50).").replace("%1", text)
            raise ValueError(key, problem) from None

    @property
    def record(self) -> Any:
        return self.order

    def field_widget(self, key: str) -> str:
        return _FIELD_OF.get(key, key)


_FIELD_OF = {"amount": "amount_cents", "unit_price": "unit_price_cents", "salesperson": "salesperson_id"}


def _product(quantity: Decimal, unit_price_cents: int | None) -> int | None:
    """quantity × unit price in whole cents (half up), or None without a unit price."""
    if unit_price_cents is None:
        return None
    return cents(as_decimal(unit_price_cents) * quantity)
