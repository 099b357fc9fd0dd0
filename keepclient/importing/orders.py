"""Order lists: columns, rows read into order lines, customers matched, and which lines are already in the database.

The same readers, header detection (columns.Vocabulary), problems and notes lines as the contacts import. A value
that cannot be read (a date, a quantity, a price, an amount) is a problem of its cell and stays on the line as
written in its notes; a row is refused only when it names no customer and holds no order information.

Customers are matched by our ID (the UUID or the customer number), then the normalized name, then phone digits;
a row matching none is a problem and is not imported, unless new customers may be created (by name).

Identity, so that importing the same or an overlapping file never doubles an order:
- a line with an order number is (customer, order key, normalized product, amount in cents);
- a line without one is (customer, date, normalized product, amount in cents).
Several lines of one order share the number but differ in product or amount, so all of them import. Identical
lines are counted: a file holding a line twice imports it twice, and a re-import adds only the lines beyond those
already stored (an overlapping file adds only what the database lacks).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from keepclient.domain import money
from keepclient.domain.errors import QT_TRANSLATE_NOOP
from keepclient.domain.normalize import normalize_name, order_key, phone_digits
from keepclient.importing import values as cells
from keepclient.importing.columns import Vocabulary, is_footer
from keepclient.importing.phones import read_phones
from keepclient.importing.problems import Problem, Translate, english, note_line
from keepclient.importing.rows import PlannedCustomer, is_uuid, written

ORDER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单号", "单号", "订单编号", "销售单号", "订单", "单据编号", "order no", "order number", "order id",
                 "order", "order #", "po number", "invoice no", "invoice number"),
    "date": ("日期", "下单日期", "订单日期", "销售日期", "成交日期", "date", "order date", "sale date", "invoice date"),
    "customer": ("客户", "客户名称", "客户名", "公司名称", "公司", "单位", "单位名称", "购买方", "customer",
                 "customer name", "company", "company name", "client", "account", "account name"),
    "customer_id": ("客户编号", "客户id", "客户代码", "customer id", "customer no", "customer number",
                    "keepclient id", "client id", "account id"),
    "phone": ("电话", "手机", "联系电话", "手机号", "电话号码", "phone", "mobile", "telephone", "tel"),
    "product": ("产品", "品名", "产品名称", "商品", "商品名称", "货品", "物品", "product", "product name", "item",
                "article", "description"),
    "quantity": ("数量", "qty", "quantity", "pcs", "units"),
    "unit_price": ("单价", "价格", "unit price", "price", "unit cost"),
    "amount": ("金额", "总额", "总金额", "合计金额", "金额元", "销售额", "amount", "total", "line total",
               "total amount", "sum", "value"),
    "salesperson": ("业务员", "销售员", "销售", "负责人", "经办人", "salesperson", "sales rep", "owner",
                    "account manager", "seller"),
    "notes": ("备注", "说明", "notes", "note", "remark", "remarks", "comment", "comments"),
}
ORDERS = Vocabulary(ORDER_SYNONYMS, frozenset({"销售", "订单", "单位", "公司", "价格"}))
ORDER_FIELDS = tuple(ORDER_SYNONYMS)
# Only these make a sheet an order list (a contact list has customers and phones too).
ORDER_ONLY = frozenset({"order_no", "product", "quantity", "unit_price", "amount"})
ORDER_FIELD_LABELS: dict[str, str] = {
    "order_no": QT_TRANSLATE_NOOP("ImportWizard", "Order number"),
    "date": QT_TRANSLATE_NOOP("ImportWizard", "Date"),
    "customer": QT_TRANSLATE_NOOP("ImportWizard", "Customer"),
    "customer_id": QT_TRANSLATE_NOOP("ImportWizard", "Customer ID"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone"),
    "product": QT_TRANSLATE_NOOP("ImportWizard", "Product"),
    "quantity": QT_TRANSLATE_NOOP("ImportWizard", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("ImportWizard", "Unit price"),
    "amount": QT_TRANSLATE_NOOP("ImportWizard", "Amount"),
    "salesperson": QT_TRANSLATE_NOOP("ImportWizard", "Salesperson"),
    "notes": QT_TRANSLATE_NOOP("ImportWizard", "Notes"),
}
TEXT_FIELDS = ("customer", "customer_id", "phone", "order_no", "product", "salesperson", "notes")
Identity = tuple[int, str, str, str, int]  # customer, "n" or "d", order key or date, product key, amount cents


def map_order_columns(headers: list[Any]) -> dict[int, str]:
    from keepclient.importing.columns import map_columns

    return map_columns(headers, ORDERS)


def looks_like_orders(headers: list[Any]) -> bool:
    """Whether a header row is an order list: it names two or more order-only fields (order number, product,
    quantity, unit price, amount) and more order fields than customer-and-contact fields."""
    from keepclient.importing.columns import CONTACTS

    fields = [ORDERS.field_for(h) for h in headers if isinstance(h, str)]
    contact_fields = [CONTACTS.field_for(h) for h in headers if isinstance(h, str)]
    return len({f for f in fields if f in ORDER_ONLY}) >= 2 and sum(1 for f in fields if f) >= sum(
        1 for f in contact_fields if f)


@dataclass(slots=True)  # one per row: 300,000s of them
class PlannedOrder:
    """One order line as read from its row, and what the plan decided for it."""

    row: int
    customer_name: str
    customer_ref: str  # the customer ID column as written (our UUID or customer number)
    phone: str
    order_no: str
    order_key: str
    date: dt.date
    product: str
    quantity: Decimal
    unit_price_cents: int | None
    amount_cents: int
    salesperson: str
    notes: list[str]
    customer_id: int | None = None
    matched_by: str = ""  # id, name, phone, new
    action: str = "new"  # new, present (already in the database), unmatched

    def identity(self) -> Identity:
        product = normalize_name(self.product)
        if self.order_key:
            return (self.customer_id or 0, "n", self.order_key, product, self.amount_cents)
        return (self.customer_id or 0, "d", self.date.isoformat(), product, self.amount_cents)


def stored_identity(customer_id: int, key: str, day: Any, product: str, amount_cents: int) -> Identity:
    """The identity of a stored purchase (as PlannedOrder.identity)."""
    if key:
        return (customer_id, "n", key, normalize_name(product), amount_cents)
    return (customer_id, "d", str(day)[:10], normalize_name(product), amount_cents)


class OrderRowReader:
    """Reads the rows of one order sheet whose columns are mapped (`mapping`: column index -> field)."""

    def __init__(self, headers: list[Any], rows: list[list[Any]], mapping: dict[int, str], today: dt.date,
                 translate: Translate = english) -> None:
        self.mapping, self.today, self.translate = sorted(mapping.items()), today, translate
        self.headers = {name: "" if index >= len(headers) or headers[index] is None else str(headers[index])
                        for index, name in reversed(self.mapping)}
        date_columns = [index for index, name in self.mapping if name == "date"]
        self.day_first = cells.day_first_for(row[i] for row in rows for i in date_columns if i < len(row))

    def read(self, row: list[Any], number: int) -> tuple[PlannedOrder | None, list[Problem]]:
        """(order line, problems); None for a row naming no customer and holding no order information."""
        values: dict[str, Any] = {}
        width = len(row)
        for index, name in self.mapping:
            if index < width:
                value = row[index]
                if value is not None and value != "" and name not in values:  # the reader stripped texts
                    values[name] = value
        text = {name: value if value.__class__ is str else written(value)
                for name in TEXT_FIELDS if (value := values.get(name)) is not None}
        customer_info = any(name in text for name in ("customer", "customer_id", "phone"))
        if not customer_info and not any(name in values for name in ORDER_ONLY):
            return None, [Problem(number, "", "", "refused", "no_order", row)]
        problems: list[Problem] = []
        notes: list[str] = [text["notes"]] if "notes" in text else []

        def bad(name: str, reason: str, action: str = "noted") -> None:
            value = values.get(name, "")
            problems.append(Problem(number, self.headers.get(name, name), value, action, reason, row))
            if name in values:
                notes.append(note_line(name, written(value), self.translate))

        day = self.today
        if "date" in values:
            found = values["date"]
            if found.__class__ is dt.datetime:
                found = found.date()
            elif found.__class__ is not dt.date:  # text, an Excel serial number
                try:
                    found = cells.as_day(found, self.day_first)
                except (ValueError, OverflowError):
                    found = None
            if found is None:
                bad("date", "date", "dated_today")
            else:
                day = found
        else:
            problems.append(Problem(number, self.headers.get("date", "date"), "", "dated_today", "no_date", row))
        def number_in(name: str, parse: Callable[[Any], Any], reason: str) -> Any:
            """The cell's number, or None when it is empty or unreadable (then reported and kept in the notes)."""
            if name not in values:
                return None
            try:
                return parse(values[name])
            except ValueError:
                bad(name, reason)
                return None

        quantity = number_in("quantity", lambda v: money.parse_decimal(_without_unit(v)), "number")
        if quantity is None:
            quantity = Decimal(1)
        unit_price = number_in("unit_price", money.parse_cents, "money")
        amount = number_in("amount", money.parse_cents, "money")
        if amount is None:
            if unit_price is not None:
                amount = money.cents(quantity * money.as_decimal(unit_price))  # a missing amount: qty × unit price
            else:
                amount = 0
                if "amount" not in values:
                    problems.append(Problem(number, self.headers.get("amount", "amount"), "", "zero", "no_amount",
                                            row))
        order_no = text.get("order_no", "")
        order = PlannedOrder(number, text.get("customer", ""), text.get("customer_id", ""), text.get("phone", ""),
                             order_no, order_key(order_no), day, text.get("product", ""), quantity, unit_price,
                             amount, text.get("salesperson", ""), notes)
        return order, problems


_UNIT = re.compile(r"^\s*([-+]?[\d.,]*\d)\s*(?:[a-zA-Z]{1,5}|[\u3400-\u9fff]{1,2})\.?\s*$")  # "10件", "5 pcs"


def _without_unit(value: Any) -> Any:
    """A quantity without the unit people write after it ("10件", "5 pcs", "2箱"): the number is what counts."""
    if value.__class__ is str:
        match = _UNIT.match(value)
        if match:
            return match.group(1)
    return value


@dataclass
class CustomerIndex:
    """The database's customers, for matching order rows: by UUID and number (id), normalized name, phone digits."""

    by_uuid: dict[str, int]
    by_name: dict[str, int]
    by_phone: dict[str, int]
    ids: set[int] = field(default_factory=set)
    salespeople: dict[str, str] = field(default_factory=dict)  # normalized name or code -> name as stored

    def match(self, order: PlannedOrder) -> tuple[int | None, str]:
        """(customer id, matched by): our ID first, then the name, then the phone."""
        ref = order.customer_ref.strip().lower()
        if ref:
            if is_uuid(ref):
                if ref in self.by_uuid:
                    return self.by_uuid[ref], "id"
            elif ref.isdigit() and int(ref) in self.ids:
                return int(ref), "id"
        if order.customer_name:
            found = self.by_name.get(normalize_name(order.customer_name))
            if found is not None:
                return found, "name"
        if order.phone:
            for digits in _phone_keys(order.phone):
                found = self.by_phone.get(digits)
                if found is not None:
                    return found, "phone"
        return None, ""


def _phone_keys(text: str) -> list[str]:
    """The digit runs a phone cell may be stored under: as typed, and without +86/0086 or a trunk 0."""
    keys: list[str] = []
    for digits in phone_digits(text).split():
        keys.append(digits)
        for prefix in ("0086", "86"):
            if digits.startswith(prefix) and len(digits) - len(prefix) >= 9:
                national = digits[len(prefix):]
                keys.append(national if national.startswith("1") else "0" + national)  # mobile, or a landline
                break
    return keys


@dataclass
class OrderPlan:
    """What an orders import would do: every readable line with its decision, every problem, the customers and
    salespeople it would create."""

    headers: list[Any]
    mapping: dict[int, str]
    orders: list[PlannedOrder]
    problems: list[Problem]
    data_rows: int
    create_customers: bool
    new_customers: list[PlannedCustomer] = field(default_factory=list)
    new_salespeople: list[str] = field(default_factory=list)
    kind = "orders"  # what the wizard and history call this kind of import (ImportPlan.kind: "contacts")

    @property
    def new_orders(self) -> list[PlannedOrder]:
        return [order for order in self.orders if order.action == "new"]

    # What the contacts import's preview also asks (the wizard shows both kinds with the same pages): an orders
    # import changes no record and finds no duplicates to review.
    @property
    def duplicates(self) -> list[PlannedCustomer]:
        return []

    def changed_fields(self) -> Iterator[tuple[str, int, str, str, Any, Any]]:
        return iter(())

    def summary(self) -> dict[str, Any]:
        """Counts for the preview: lines new, already there, not imported for want of a customer; rows refused and
        rows imported with problems; new customers and salespeople. kind "orders" tells history what it was."""
        actions = Counter(order.action for order in self.orders)
        imported_rows = {order.row for order in self.orders if order.action != "unmatched"}
        return {"kind": "orders", "new": actions["new"], "present": actions["present"],
                "unmatched": actions["unmatched"], "refused": sum(1 for p in self.problems if p.refused),
                "with_problems": len({p.row for p in self.problems if p.row in imported_rows}),
                "problems": len(self.problems), "rows": self.data_rows, "customers": len(self.new_customers),
                "salespeople": len(self.new_salespeople)}


def build_order_plan(
    headers: list[Any], rows: list[list[Any]], numbers: list[int], mapping: dict[int, str], index: CustomerIndex,
    stored: Callable[[set[int]], Iterable[Identity]], *, create_customers: bool = False,
    today: dt.date, translate: Translate = english, region: str = "CN",
) -> OrderPlan:
    """Read, match and compare with what is stored (`stored(customer_ids)`: the identities of those customers'
    purchases); nothing is written. New customers get ids -1, -2… until the run creates them."""
    reader = OrderRowReader(headers, rows, mapping, today, translate)
    orders: list[PlannedOrder] = []
    problems: list[Problem] = []
    data_rows = 0
    new_customers: dict[str, PlannedCustomer] = {}
    for row, number in zip(rows, numbers, strict=True):
        if not row or is_footer(row):
            continue
        data_rows += 1
        order, found = reader.read(row, number)
        problems.extend(found)
        if order is None:
            continue
        orders.append(order)
        customer_id, matched_by = index.match(order)
        if customer_id is None and create_customers and order.customer_name:
            key = normalize_name(order.customer_name)
            planned = new_customers.get(key)
            if planned is None:
                planned = new_customers[key] = PlannedCustomer(key, order.customer_name, "company", {})
                planned.existing_id = -len(new_customers)
            planned.rows.append(number)
            if order.phone and "phone" not in planned.fields:
                phones, _leftovers = read_phones(order.phone, region)  # stored as the contacts import stores it
                planned.fields["phone"] = phones[0].text if phones else order.phone
            if order.salesperson and "owner" not in planned.fields:
                planned.fields["owner"] = order.salesperson
            customer_id, matched_by = planned.existing_id, "new"
        order.customer_id, order.matched_by = customer_id, matched_by
        if customer_id is None:
            order.action = "unmatched"
            column = next((reader.headers[n] for n in ("customer", "customer_id", "phone") if n in reader.headers),
                          "")
            value = order.customer_name or order.customer_ref or order.phone
            problems.append(Problem(number, column, value, "unmatched", "no_customer", row))
    already = Counter(stored({o.customer_id for o in orders if o.customer_id is not None and o.customer_id > 0}))
    for order in orders:
        if order.action == "unmatched":
            continue
        identity = order.identity()
        if already[identity] > 0:
            already[identity] -= 1
            order.action = "present"
    problems.sort(key=lambda p: p.row)
    plan = OrderPlan(headers, mapping, orders, problems, data_rows, create_customers, list(new_customers.values()))
    plan.new_salespeople = list(dict.fromkeys(
        o.salesperson for o in orders if o.action == "new" and o.salesperson
        and normalize_name(o.salesperson) not in index.salespeople))
    return plan
