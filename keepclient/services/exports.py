"""Exporting customers: the current list (its filter and sort), a selection, or everything.

The rows come from CustomerExportRows, which reads them with the customer list's own filter and sort
(customer_query), so an export holds exactly the customers the list shows, in its order; exporting/customers.py
only writes them and never sees SQL.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from decimal import Decimal
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from keepclient.db.connection import Database
from keepclient.domain.errors import StorageError
from keepclient.domain.labels import Translate, english
from keepclient.domain.money import as_decimal
from keepclient.domain.types import CustomerFilter, as_date, birthday_text
from keepclient.exporting.customers import (
    CUSTOMER_COLUMNS,
    FORMATS,
    LUNAR_TEXTS,
    CustomerSelection,
    Row,
    write_customers,
)
from keepclient.services.customer_query import order_clause, where_clause
from keepclient.services.orders import OrderService

__all__ = ["FORMATS", "CustomerExportRows", "ExportService", "selection_clause"]

_CUSTOMERS_SQL = """
SELECT c.id, c.uuid, c.name, c.kind, c.tier, c.stage, coalesce(s.name, ''), c.city, c.region, c.address, c.phone,
       c.email, c.industry, c.source, c.website,
       (SELECT group_concat(t.name, ', ') FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id
         WHERE ct.customer_id = c.id),
       c.last_contact, c.next_follow_up, c.notes, c.revenue_12m_cents, c.orders_count
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.id IN (SELECT c.id FROM customer c WHERE {where})
 ORDER BY {order}
"""
_CONTACTS_SQL = """
SELECT c.uuid, c.name, k.uuid, k.name, k.title, k.mobile, k.phone, k.email, k.birthday_year, k.birthday_month,
       k.birthday_day, k.notes, k.birthday_lunar
  FROM contact k JOIN customer c ON c.id = k.customer_id
 WHERE k.deleted_at IS NULL AND c.id IN (SELECT c.id FROM customer c WHERE {where})
 ORDER BY {order}, k.is_primary DESC, k.id
"""
_ORDERS_SQL = """
SELECT c.uuid, c.name, p.date, p.order_no, p.product, p.quantity, p.unit_price_cents, p.amount_cents,
       coalesce(sp.name, ''), p.notes
  FROM purchase p JOIN customer c ON c.id = p.customer_id LEFT JOIN salesperson sp ON sp.id = p.salesperson_id
 WHERE p.deleted_at IS NULL AND c.id IN (SELECT c.id FROM customer c WHERE {where})
 ORDER BY {order}, p.date DESC, p.id DESC
"""
_CUSTOMER_KEYS = tuple(key for key, _header in CUSTOMER_COLUMNS)


def selection_clause(selection: CustomerSelection) -> tuple[str, list[object]]:
    """The list's WHERE for the selection's filter, narrowed to its ids when it has some."""
    where, params = where_clause(selection.filter)
    ids = selection.ids
    if ids is not None:
        where = f"{where} AND c.id IN ({', '.join('?' * len(ids))})" if ids else "0"
        params = [*params, *ids]
    return where, params


def quantity_value(value: Any) -> Decimal:
    """A stored quantity (SQLite hands back an int or a float) as the decimal it was written as."""
    return Decimal(str(value))


class CustomerExportRows:
    """The rows of an export (exporting.customers.CustomerRowSource), streamed from SQLite cursors of one open
    connection: 100,000 customers are never held in memory at once."""

    def __init__(self, pw: SqliteDatabase) -> None:
        self.pw = pw

    def _cursor(self, sql: str, selection: CustomerSelection) -> Iterator[tuple[Any, ...]]:
        """The rows of `sql` for `selection`, one at a time. A writer that fails half-way (a full disk) leaves this
        generator unfinished; it is closed later, after the connection, so closing the cursor then is let go."""
        where, params = selection_clause(selection)
        cursor = self.pw.execute_sql(sql.format(where=where, order=order_clause(selection.filter)), params)
        try:
            for row in cursor:  # noqa: UP028 - `yield from` would close the cursor itself, unguarded
                yield row
        finally:
            with suppress(sqlite3.ProgrammingError):  # "Cannot operate on a closed database": nothing left to free
                cursor.close()

    def count(self, selection: CustomerSelection) -> int:
        where, params = selection_clause(selection)
        return int(self.pw.execute_sql(f"SELECT count(*) FROM customer c WHERE {where}", params).fetchone()[0])

    def customers(self, selection: CustomerSelection) -> Iterator[Row]:
        for row in self._cursor(_CUSTOMERS_SQL, selection):
            values: Row = dict(zip(_CUSTOMER_KEYS, row[1:-2], strict=True))
            values["revenue_12m_cents"], values["orders_count"] = row[-2:]  # for the JSON (the sheets leave them out)
            values["tags"] = values["tags"] or ""
            values["last_contact"] = as_date(values["last_contact"])
            values["next_follow_up"] = as_date(values["next_follow_up"])
            yield values

    def contacts(self, selection: CustomerSelection) -> Iterator[Row]:
        for (uid, customer, contact_uid, name, title, mobile, phone, email, year, month, day, notes,
             lunar) in self._cursor(_CONTACTS_SQL, selection):
            birthday = birthday_text(year, month, day)
            yield {"customer_id": uid, "customer": customer, "id": contact_uid, "name": name, "title": title,
                   "mobile": mobile, "phone": phone, "email": email, "birthday": birthday,
                   "birthday_lunar": LUNAR_TEXTS[lunar] if birthday and lunar in (0, 1, 2) else "", "notes": notes}

    def orders(self, selection: CustomerSelection) -> Iterator[Row]:
        """The customers' order lines (the trash left out), each customer's newest first; money as decimals."""
        for uid, customer, day, order_no, product, quantity, unit_price, amount, salesperson, notes in self._cursor(
                _ORDERS_SQL, selection):
            yield {"customer_id": uid, "customer": customer, "date": as_date(day), "order_no": order_no,
                   "product": product, "quantity": quantity_value(quantity),
                   "unit_price": None if unit_price is None else as_decimal(unit_price),
                   "amount": as_decimal(amount), "salesperson": salesperson, "notes": notes}


class ExportService:
    def __init__(self, db: Database, user: str) -> None:
        self.db, self.user = db, user

    def export(self, path: str | Path, flt: CustomerFilter | None = None, ids: Sequence[int] | None = None,
               progress: Callable[[int, int], None] | None = None, today: dt.date | None = None,
               translate: Translate = english) -> int:
        """Write the customers of `flt` (or just `ids`) to `path`; the suffix picks the format. Returns how many.
        `translate` (the user's language: QCoreApplication.translate, i18n.translate_in) names the sheets' headers
        and values; the import reads them back in either language.
        The JSON carries each customer's 12-month revenue: figures counted for an earlier day are recounted for
        `today` first (when the file can be written)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise ValueError(f"unknown export format {suffix!r}")
        if suffix == ".json" and not self.db.read_only:
            OrderService(self.db, self.user).refresh_stale(today or dt.date.today())
        selection = CustomerSelection(flt or CustomerFilter(), None if ids is None else tuple(ids))
        try:
            with self.db.session() as pw:
                return write_customers(path, selection, CustomerExportRows(pw), progress, translate)
        except OSError as exc:
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
