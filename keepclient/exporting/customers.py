"""Writing customers out: .xlsx contact sheets people can edit in Excel and import back, .csv, and .json.

The rows come from a CustomerRowSource a service provides for a CustomerSelection (a filter, maybe narrowed to
chosen ids): the SQL stays in the services, this module only shapes files. Rows stream from the source (a SQLite
cursor there) into openpyxl's write-only mode (measured here: about 40 MB for 100,000 rows,
where normal mode takes 600 MB). No cell ever becomes a live formula: text starting with "=" is stored as text
in .xlsx, and CSV cells starting with = + - @ tab or CR get a leading apostrophe unless they are plain numbers or
phone numbers. The stable ID column (the customer's uuid) is what brings edited sheets back as updates.

Orders go out as amounts in the team currency with two decimals (stored as whole cents: exact), in an Orders sheet
after Customers and Contacts, and per customer in the JSON; importing an export reads Customers and Contacts only,
so the figures and orders never come back as customer changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from keepclient.domain.money import as_decimal
from keepclient.domain.types import CustomerFilter
from keepclient.exporting.files import discard_workbook, save_workbook, written_atomically

ID_HEADER = "keepclient ID"
CUSTOMER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", ID_HEADER), ("name", "Customer name"), ("kind", "Kind"), ("tier", "Tier"), ("stage", "Stage"),
    ("owner", "Owner"), ("city", "City"), ("region", "Region"), ("address", "Address"), ("phone", "Phone"),
    ("email", "Email"), ("industry", "Industry"), ("source", "Source"), ("website", "Website"), ("tags", "Tags"),
    ("last_contact", "Last contact"), ("next_follow_up", "Next follow-up"), ("notes", "Notes"),
)
CONTACT_ID_HEADER = "Contact ID"
CONTACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("customer_id", ID_HEADER), ("customer", "Customer name"), ("id", CONTACT_ID_HEADER), ("name", "Contact"),
    ("title", "Job title"),
    ("mobile", "Mobile"), ("phone", "Phone"), ("email", "Email"), ("birthday", "Birthday"),
    ("birthday_lunar", "Lunar birthday"), ("notes", "Notes"),
)
ORDER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("customer_id", ID_HEADER), ("customer", "Customer name"), ("date", "Date"), ("order_no", "Order no."),
    ("product", "Product"), ("quantity", "Quantity"), ("unit_price", "Unit price"), ("amount", "Amount"),
    ("salesperson", "Salesperson"), ("notes", "Notes"),
)
MONEY_FORMAT = "#,##0.00"
MONEY_KEYS = frozenset(("unit_price", "amount"))  # cells shown with two decimals
_NUMBER_LIKE = re.compile(r"^[+-]?[\d\s().\-/]+$")
Progress = Callable[[int, int], None]
Row = dict[str, Any]
FORMATS = (".xlsx", ".csv", ".json")
SHEET_TITLES = ("Customers", "Contacts", "Orders")  # the .xlsx sheets, in this order (the import knows the first two)


@dataclass(frozen=True)
class CustomerSelection:
    """Which customers an export holds: those `filter` shows, in its sort order, narrowed to `ids` when given (the
    rows chosen in the list; an empty tuple selects nobody). Plain data, so exporting never sees SQL."""

    filter: CustomerFilter = field(default_factory=CustomerFilter)
    ids: tuple[int, ...] | None = None


class CustomerRowSource(Protocol):
    """Where an export reads its rows, streamed in the selection's order; a service answers it from the database.

    customers: the CUSTOMER_COLUMNS keys, plus revenue_12m_cents and orders_count (for the JSON); contacts: the
    CONTACT_COLUMNS keys; orders: the ORDER_COLUMNS keys (money as decimals). Dates are dt.date or None."""

    def count(self, selection: CustomerSelection) -> int: ...

    def customers(self, selection: CustomerSelection) -> Iterator[Row]: ...

    def contacts(self, selection: CustomerSelection) -> Iterator[Row]: ...

    def orders(self, selection: CustomerSelection) -> Iterator[Row]: ...


def write_customers(path: Path, selection: CustomerSelection, source: CustomerRowSource,
                    progress: Progress | None = None) -> int:
    """Write the selected customers to `path`, the suffix picking the format; returns how many customers.

    .xlsx: Customers, Contacts and Orders sheets; .csv: the customers; .json: customers with their contacts and
    orders. Raises ValueError for another suffix."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown export format {suffix!r}")
    total = source.count(selection)
    customers = source.customers(selection)
    if suffix == ".xlsx":
        columns = (CUSTOMER_COLUMNS, CONTACT_COLUMNS, ORDER_COLUMNS)
        rows = (customers, source.contacts(selection), source.orders(selection))
        write_xlsx(path, list(zip(SHEET_TITLES, columns, rows, strict=True)), total, progress)
    elif suffix == ".csv":
        write_csv(path, CUSTOMER_COLUMNS, customers)
    else:
        write_json(path, customers, source.contacts(selection), source.orders(selection))
    return total


def csv_safe(value: Any) -> Any:
    """A cell Excel will not evaluate: text starting with = + - @ tab or CR gets a leading apostrophe, unless
    it is a plain number or phone number ("+86 138 1234 5678", "-12.5")."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER_LIKE.match(value):
        return "'" + value
    return value


def write_xlsx(path: Path, sheets: list[tuple[str, Sequence[tuple[str, str]], Iterator[dict[str, Any]]]],
               total: int = 0, progress: Progress | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    try:
        header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="4E79A7")
        done = 0
        for title, columns, rows in sheets:
            sheet = book.create_sheet(title)
            widths = [max(len(header) + 2, 10) for _key, header in columns]
            for index, width in enumerate(widths, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
            sheet.freeze_panes = "A2"
            header_cells = []
            for _key, header in columns:
                cell = WriteOnlyCell(sheet, value=header)
                cell.font, cell.fill = header_font, header_fill
                header_cells.append(cell)
            sheet.append(header_cells)
            count = 0
            for row in rows:
                cells = []
                for key, _header in columns:
                    value = row[key]
                    if isinstance(value, dt.date):
                        cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]  # stubs: datetime only
                        cell.number_format = "yyyy-mm-dd"
                    elif isinstance(value, str) and value.startswith("="):
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.data_type = "s"  # text, never a formula
                    elif key in MONEY_KEYS and value is not None:
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.number_format = MONEY_FORMAT
                    else:
                        cell = value
                    cells.append(cell)
                sheet.append(cells)
                count += 1
                done += 1
                if progress and done % 2000 == 0:
                    progress(done, total)
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    except BaseException:
        discard_workbook(book)  # quietly: no second traceback, no temporary files left
        raise
    save_workbook(book, path)  # a kill or a full disk never leaves half a workbook under `path`


def write_csv(path: Path, columns: Sequence[tuple[str, str]], rows: Iterator[dict[str, Any]]) -> None:
    """UTF-8 with a BOM, so Excel shows Chinese correctly when the file is double-clicked. Written beside `path`
    and moved into place when complete."""
    with written_atomically(path, "x", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([header for _key, header in columns])
        for row in rows:
            writer.writerow([csv_safe("" if row[key] is None else str(row[key])) for key, _header in columns])


JSON_CUSTOMER_KEYS = ("id", "name", "kind", "tier", "stage", "owner", "city", "region", "address", "phone", "email",
                      "industry", "source", "website", "last_contact", "next_follow_up", "notes")
JSON_CONTACT_KEYS = ("id", "name", "title", "mobile", "phone", "email", "birthday", "birthday_lunar", "notes")
LUNAR_TEXTS = ("no", "yes", "leap")  # contact.birthday_lunar 0, 1, 2 in the "Lunar birthday" column
JSON_ORDER_KEYS = ("date", "order_no", "product", "quantity", "amount", "salesperson")


def _json_value(value: Any) -> Any:
    """Dates as ISO text; decimals as JSON numbers (money has at most 15 significant digits, so the number read
    back is the same decimal: 1234.5 for 1234.50)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def write_json(path: Path, customers: Iterator[dict[str, Any]], contacts: Iterator[dict[str, Any]],
               orders: Iterator[dict[str, Any]] | None = None) -> None:
    """Customers with their contacts, 12-month revenue (a decimal number in the team currency), order count and
    order lines; the import reads back the customer and contact keys only."""
    by_customer: dict[str, list[dict[str, Any]]] = {}
    for contact in contacts:
        by_customer.setdefault(contact["customer_id"], []).append(
            {k: contact[k] for k in JSON_CONTACT_KEYS})
    purchases: dict[str, list[dict[str, Any]]] = {}
    for line in orders or ():
        purchases.setdefault(line["customer_id"], []).append({k: _json_value(line[k]) for k in JSON_ORDER_KEYS})
    document = {"customers": [
        {**{k: _json_value(c[k]) for k in JSON_CUSTOMER_KEYS}, "tags": [t for t in c["tags"].split(", ") if t],
         "contacts": by_customer.get(c["id"], []), "revenue_12m": _json_value(as_decimal(c["revenue_12m_cents"])),
         "orders": c["orders_count"], "purchases": purchases.get(c["id"], [])}
        for c in customers
    ]}
    text = json.dumps(document, ensure_ascii=False, indent=1)
    with written_atomically(path, "x", encoding="utf-8") as fh:  # whole or not at all
        fh.write(text)
