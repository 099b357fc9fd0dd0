"""Exporting customers: the current list (its filter and sort), a selection, or everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from keepclient.db.connection import Database
from keepclient.domain.errors import StorageError
from keepclient.domain.types import CustomerFilter
from keepclient.exporting import customers as sheets
from keepclient.services.customer_query import order_clause, where_clause
from keepclient.services.orders import OrderService

FORMATS = (".xlsx", ".csv", ".json")


class ExportService:
    def __init__(self, db: Database, user: str) -> None:
        self.db, self.user = db, user

    def export(self, path: str | Path, flt: CustomerFilter | None = None, ids: Sequence[int] | None = None,
               progress: Callable[[int, int], None] | None = None, today: dt.date | None = None) -> int:
        """Write the customers of `flt` (or just `ids`) to `path`; the suffix picks the format. Returns how many.
        The JSON carries each customer's 12-month revenue: figures counted for an earlier day are recounted for
        `today` first (when the file can be written)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise ValueError(f"unknown export format {suffix!r}")
        if suffix == ".json" and not self.db.read_only:
            OrderService(self.db, self.user).refresh_stale(today or dt.date.today())
        flt = flt or CustomerFilter()
        where, params = where_clause(flt)
        if ids is not None:
            where = f"{where} AND c.id IN ({', '.join('?' * len(ids))})" if ids else "0"
            params = [*params, *ids]
        order = order_clause(flt)
        try:
            with self.db.session() as pw:
                total = int(pw.execute_sql(f"SELECT count(*) FROM customer c WHERE {where}", params).fetchone()[0])
                customers = sheets.customer_rows(pw, where, params, order)
                if suffix == ".xlsx":
                    contacts = sheets.contact_rows(pw, where, params, order)
                    orders = sheets.order_rows(pw, where, params, order)
                    sheets.write_xlsx(path, [("Customers", sheets.CUSTOMER_COLUMNS, customers),
                                             ("Contacts", sheets.CONTACT_COLUMNS, contacts),
                                             ("Orders", sheets.ORDER_COLUMNS, orders)], total, progress)
                elif suffix == ".csv":
                    sheets.write_csv(path, sheets.CUSTOMER_COLUMNS, customers)
                else:
                    sheets.write_json(path, customers, sheets.contact_rows(pw, where, params, order),
                                      sheets.order_rows(pw, where, params, order))
        except OSError as exc:
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
        return total
