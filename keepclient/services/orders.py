"""A customer's orders: order lines entered by hand (imports write them too), in whole cents of the team currency.

Every write is version-checked like customer edits and recounts the customer's order figures (revenue of the last
12 months, orders, last order, gap between orders: db/order_values) in the same transaction, so the list sorted by
revenue never disagrees with the lines. `today` is a parameter of each write because the 12-month window depends
on it (tests pass a fixed day; the window passes nothing and gets the computer's date).

Rules for amounts (decided for issue 13):
- amount_cents is what was charged; given as None it is quantity x unit price rounded half up to the cent (a
  missing amount and a missing unit price is refused: there is nothing to count).
- A credit (a return, a credit note) is a line with a negative quantity and/or a negative amount; quantity and
  amount may not have opposite signs (an amount of 0 goes with any quantity: a free sample). A quantity of 0 and a
  negative unit price are refused: the sign of a credit lives in the quantity and the amount.
- Editing the quantity or the unit price of a line whose amount was quantity x unit price recomputes the amount; a
  line with a negotiated amount keeps it unless the edit gives a new one (or None to recompute).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from peewee import SqliteDatabase

from keepclient.db import order_values
from keepclient.db.connection import Database
from keepclient.db.models import Customer, Purchase, Salesperson, Setting, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.errors import InvalidDateError, RecordNotFoundError, RequiredFieldError, ValidationError
from keepclient.domain.money import cents, parse_decimal
from keepclient.domain.normalize import order_key  # re-exported: the rule lives in domain for the importer
from keepclient.domain.types import OrderItem
from keepclient.services import insights

CURRENCY_KEY = "currency"
DEFAULT_CURRENCY = "CNY"
ORDER_FIELDS = ("date", "order_no", "product", "quantity", "unit_price_cents", "amount_cents", "salesperson_id",
                "notes")
QUANTUM = Decimal("0.001")  # purchase.quantity is DECIMAL(14, 3)
MAX_QUANTITY = Decimal(10) ** 11
MAX_CENTS = 10**15  # ten trillion units: far beyond any order, well inside SQLite's 64-bit integers
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_ITEM_SQL = """
SELECT p.id, p.version, p.customer_id, p.date, p.order_no, p.product, p.quantity, p.unit_price_cents,
       p.amount_cents, p.salesperson_id, coalesce(s.name, ''), p.notes
  FROM purchase p LEFT JOIN salesperson s ON s.id = p.salesperson_id
"""


def figures_changed(pw: SqliteDatabase, customer_ids: list[int], today: dt.date | None) -> None:
    """After a write to these customers' order lines: their order figures, then their value and risk."""
    day = today or dt.date.today()
    order_values.refresh(pw, customer_ids, day)
    insights.refresh_customers(pw, customer_ids, day)


def line_amount(quantity: Decimal, unit_price_cents: int) -> int:
    """Quantity x unit price in whole cents, rounded half away from zero (2.5 x 0.03 = 0.075 -> 0.08)."""
    return cents(quantity * Decimal(unit_price_cents) / 100)


def _quantity(value: Any) -> Decimal:
    try:
        number = parse_decimal(value).quantize(QUANTUM, rounding=ROUND_HALF_UP)
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError(field="quantity", value=value) from exc
    if number == 0 or abs(number) >= MAX_QUANTITY:
        raise ValidationError(field="quantity", value=value)
    return number


def _whole_cents(value: Any, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < MAX_CENTS:
        return value
    raise ValidationError(field=field, value=value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise InvalidDateError(field="date", value=value) from exc


def _item(row: tuple[Any, ...]) -> OrderItem:
    (rid, version, customer_id, day, order_no, product, quantity, unit_price, amount, salesperson_id, salesperson,
     notes) = row
    return OrderItem(
        id=rid, version=version, customer_id=customer_id,
        date=day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10]), order_no=order_no,
        product=product, quantity=Decimal(str(quantity)), unit_price_cents=unit_price, amount_cents=amount,
        salesperson_id=salesperson_id,
        salesperson=salesperson, notes=notes,
    )


class OrderService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # -- reading -------------------------------------------------------------------------------------------
    def for_customer(self, customer_id: int, limit: int = 500) -> list[OrderItem]:
        """The customer's order lines, newest first (date, then the line entered last); the trash left out."""
        with self.db.session() as pw:
            return [_item(row) for row in pw.execute_sql(
                f"{_ITEM_SQL} WHERE p.customer_id = ? AND p.deleted_at IS NULL ORDER BY p.date DESC, p.id DESC "
                "LIMIT ?", [customer_id, limit])]

    def get(self, order_id: int) -> OrderItem:
        """One line, also a deleted one (what undo shows); RecordNotFoundError when it is gone for good."""
        with self.db.session() as pw:
            row = pw.execute_sql(f"{_ITEM_SQL} WHERE p.id = ?", [order_id]).fetchone()
        if row is None:
            raise RecordNotFoundError(table="purchase", record_id=order_id)
        return _item(row)

    # -- writing -------------------------------------------------------------------------------------------
    def add(self, customer_id: int, *, date: dt.date, product: str = "", quantity: Decimal | int | str = Decimal(1),
            amount_cents: int | None = None, unit_price_cents: int | None = None, order_no: str = "",
            salesperson_id: int | None = None, notes: str = "", today: dt.date | None = None) -> OrderItem:
        """A new order line; the salesperson defaults to the customer's owner, a missing amount is quantity x unit
        price. Recounts the customer's figures."""
        clean = self._clean({"date": date, "product": product, "quantity": quantity, "order_no": order_no,
                             "unit_price_cents": unit_price_cents, "amount_cents": amount_cents,
                             "salesperson_id": salesperson_id, "notes": notes})
        if clean["amount_cents"] is None:
            if clean["unit_price_cents"] is None:
                raise RequiredFieldError(field="amount_cents")
            clean["amount_cents"] = line_amount(clean["quantity"], clean["unit_price_cents"])
        self._check_signs(clean["quantity"], clean["amount_cents"])
        stamp = now()
        with self.db.write() as pw:
            customer = current_row(Customer, customer_id)
            salesperson = clean.pop("salesperson_id")
            salesperson = customer["owner"] if salesperson is None else self._salesperson(salesperson)
            order_id = Purchase.insert(
                customer=customer_id, salesperson=salesperson, **clean, order_key=order_key(clean["order_no"]),
                created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()
            figures_changed(pw, [customer_id], today)
        return self.get(order_id)

    def update(self, order_id: int, version: int, changes: dict[str, Any],
               today: dt.date | None = None) -> OrderItem:
        """Change a line as the user saw it (ConflictError when a colleague saved it meanwhile); see the module's
        rules for when the amount follows quantity and unit price."""
        clean = self._clean(changes)
        with self.db.write() as pw:
            row = current_row(Purchase, order_id)
            merged = {"quantity": row["quantity"], "unit_price_cents": row["unit_price_cents"],
                      "amount_cents": row["amount_cents"], **clean}
            derived = (row["unit_price_cents"] is not None
                       and row["amount_cents"] == line_amount(row["quantity"], row["unit_price_cents"]))
            recompute = ("amount_cents" in clean and clean["amount_cents"] is None) or (
                "amount_cents" not in clean and derived and {"quantity", "unit_price_cents"} & set(clean))
            if recompute:
                if merged["unit_price_cents"] is None:
                    raise RequiredFieldError(field="amount_cents")
                merged["amount_cents"] = clean["amount_cents"] = line_amount(merged["quantity"],
                                                                            merged["unit_price_cents"])
            self._check_signs(merged["quantity"], merged["amount_cents"])
            if "salesperson_id" in clean:
                sid = clean.pop("salesperson_id")
                clean["salesperson"] = None if sid is None else self._salesperson(sid)
            new_version = update_checked(Purchase, order_id, version, clean, self.user,
                                         derive=lambda new: {"order_key": order_key(new["order_no"])})
            if new_version != version:
                figures_changed(pw, [row["customer"]], today)
        return self.get(order_id)

    def delete(self, order_id: int, version: int, today: dt.date | None = None) -> int:
        """Move the line to the trash while it is at `version`; returns the new version (what undo expects)."""
        return self._set_deleted(order_id, version, now(), today)

    def restore(self, order_id: int, version: int, today: dt.date | None = None) -> int:
        """Bring a deleted line back (undo of delete, redo of add) while it is at `version`; the new version."""
        return self._set_deleted(order_id, version, None, today)

    def _set_deleted(self, order_id: int, version: int, deleted_at: dt.datetime | None,
                     today: dt.date | None) -> int:
        with self.db.write() as pw:
            row = current_row(Purchase, order_id)
            new_version = update_checked(Purchase, order_id, version, {"deleted_at": deleted_at}, self.user)
            figures_changed(pw, [row["customer"]], today)
            return new_version

    def refresh_stale(self, today: dt.date) -> int:
        """Recount the figures of every customer counted for an earlier day (the 12 months moved on); how many.
        The window runs it off the UI thread after opening; nothing is written when none are stale."""
        with self.db.session() as pw:
            if not order_values.stale_count(pw, today):
                return 0
        with self.db.write() as pw:
            return order_values.refresh_stale(pw, today)

    # -- the team's currency -------------------------------------------------------------------------------
    def currency(self) -> str:
        """The ISO code every amount of this database is in (one currency per team; "CNY" until set)."""
        with self.db.session():
            row = Setting.get_or_none(Setting.key == CURRENCY_KEY)
        try:
            code = json.loads(row.value) if row else DEFAULT_CURRENCY
        except ValueError:
            return DEFAULT_CURRENCY
        return code if isinstance(code, str) and _CURRENCY_CODE.match(code) else DEFAULT_CURRENCY

    def set_currency(self, code: str) -> str:
        """Set the team's currency (three letters, ISO 4217: "CNY", "EUR"); amounts are not converted."""
        clean = (code or "").strip().upper()
        if not _CURRENCY_CODE.match(clean):
            raise ValidationError(field="currency", value=code)
        value = json.dumps(clean)
        with self.db.write():
            Setting.insert(key=CURRENCY_KEY, value=value, updated_by=self.user).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value, Setting.updated_by: self.user,
                                                       Setting.updated_at: now()}).execute()
        return clean

    # -- checks --------------------------------------------------------------------------------------------
    def _clean(self, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(ORDER_FIELDS)
        if unknown:
            raise ValueError(f"not order fields: {sorted(unknown)}")
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name == "date":
                clean[name] = _date(value)
            elif name == "quantity":
                clean[name] = _quantity(value)
            elif name == "amount_cents":
                clean[name] = None if value is None else _whole_cents(value, name)
            elif name == "unit_price_cents":
                clean[name] = None if value is None else _whole_cents(value, name)
                if clean[name] is not None and clean[name] < 0:
                    raise ValidationError(field=name, value=value)
            elif name == "salesperson_id":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise ValidationError(field=name, value=value)
                clean[name] = value
            else:  # order_no, product, notes
                clean[name] = (value or "").strip() if name == "notes" else " ".join((value or "").split())
        return clean

    @staticmethod
    def _check_signs(quantity: Decimal, amount_cents: int) -> None:
        if amount_cents and (amount_cents < 0) != (quantity < 0):
            raise ValidationError(field="amount_cents", value=amount_cents)

    @staticmethod
    def _salesperson(salesperson_id: int) -> int:
        if not Salesperson.select().where(Salesperson.id == salesperson_id).exists():
            raise RecordNotFoundError(table="salesperson", record_id=salesperson_id)
        return salesperson_id
