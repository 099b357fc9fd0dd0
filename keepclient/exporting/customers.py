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

Headers and the names of stored values (kind, stage, the lunar flag) are in the user's language through the
caller's `translate` (English by default), and the import reads both languages back: each header's translation
is one of the import's synonyms (importing/columns.py, tests/unit/exporting/test_customers_language.py checks it),
each value's one of its words. What identifies a record stays fixed in every language: the ID columns, the sheet
titles the import recognises an export by, tier letters, ISO dates, and the JSON's keys and stored values.
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

from keepclient.domain.enums import CustomerKind, Stage
from keepclient.domain.labels import QT_TRANSLATE_NOOP, Label, Translate, english, label_in, translate_label
from keepclient.domain.money import as_decimal
from keepclient.domain.types import CustomerFilter
from keepclient.exporting.files import discard_workbook, save_workbook, written_atomically
from keepclient.exporting.report_sheets import width as text_width

ID_HEADER = "keepclient ID"  # the same in every language: what brings an edited sheet back as updates
CONTACT_ID_HEADER = "Contact ID"
# A str header is fixed (an ID column); a Label is translated, in context "CustomerExport": the import's vocabulary,
# so each translation must be one of the synonyms in importing/columns.py (and importing/orders.py for Orders).
Header = Label | str
CUSTOMER_COLUMNS: tuple[tuple[str, Header], ...] = (
    ("id", ID_HEADER), ("name", QT_TRANSLATE_NOOP("CustomerExport", "Customer name")),
    ("kind", QT_TRANSLATE_NOOP("CustomerExport", "Kind")), ("tier", QT_TRANSLATE_NOOP("CustomerExport", "Tier")),
    ("stage", QT_TRANSLATE_NOOP("CustomerExport", "Stage")), ("owner", QT_TRANSLATE_NOOP("CustomerExport", "Owner")),
    ("city", QT_TRANSLATE_NOOP("CustomerExport", "City")), ("region", QT_TRANSLATE_NOOP("CustomerExport", "Region")),
    ("address", QT_TRANSLATE_NOOP("CustomerExport", "Address")),
    ("phone", QT_TRANSLATE_NOOP("CustomerExport", "Phone")), ("email", QT_TRANSLATE_NOOP("CustomerExport", "Email")),
    ("industry", QT_TRANSLATE_NOOP("CustomerExport", "Industry")),
    ("source", QT_TRANSLATE_NOOP("CustomerExport", "Source")),
    ("website", QT_TRANSLATE_NOOP("CustomerExport", "Website")), ("tags", QT_TRANSLATE_NOOP("CustomerExport", "Tags")),
    ("last_contact", QT_TRANSLATE_NOOP("CustomerExport", "Last contact")),
    ("next_follow_up", QT_TRANSLATE_NOOP("CustomerExport", "Next follow-up")),
    ("notes", QT_TRANSLATE_NOOP("CustomerExport", "Notes")),
)
CONTACT_COLUMNS: tuple[tuple[str, Header], ...] = (
    ("customer_id", ID_HEADER), ("customer", QT_TRANSLATE_NOOP("CustomerExport", "Customer name")),
    ("id", CONTACT_ID_HEADER), ("name", QT_TRANSLATE_NOOP("CustomerExport", "Contact")),
    ("title", QT_TRANSLATE_NOOP("CustomerExport", "Job title")),
    ("mobile", QT_TRANSLATE_NOOP("CustomerExport", "Mobile")), ("phone", QT_TRANSLATE_NOOP("CustomerExport", "Phone")),
    ("email", QT_TRANSLATE_NOOP("CustomerExport", "Email")),
    ("birthday", QT_TRANSLATE_NOOP("CustomerExport", "Birthday")),
    ("birthday_lunar", QT_TRANSLATE_NOOP("CustomerExport", "Lunar birthday")),
    ("notes", QT_TRANSLATE_NOOP("CustomerExport", "Notes")),
)
ORDER_COLUMNS: tuple[tuple[str, Header], ...] = (
    ("customer_id", ID_HEADER), ("customer", QT_TRANSLATE_NOOP("CustomerExport", "Customer name")),
    ("date", QT_TRANSLATE_NOOP("CustomerExport", "Date")),
    ("order_no", QT_TRANSLATE_NOOP("CustomerExport", "Order no.")),
    ("product", QT_TRANSLATE_NOOP("CustomerExport", "Product")),
    ("quantity", QT_TRANSLATE_NOOP("CustomerExport", "Quantity")),
    ("unit_price", QT_TRANSLATE_NOOP("CustomerExport", "Unit price")),
    ("amount", QT_TRANSLATE_NOOP("CustomerExport", "Amount")),
    ("salesperson", QT_TRANSLATE_NOOP("CustomerExport", "Salesperson")),
    ("notes", QT_TRANSLATE_NOOP("CustomerExport", "Notes")),
)
LUNAR_TEXTS = ("no", "yes", "leap")  # contact.birthday_lunar 0, 1, 2 as the rows (and the JSON) carry them
# The sheets' words for them, the ones the import's problem report asks for ("not yes, no or leap"); it reads
# 否/是/闰月 too (importing/values.py).
LUNAR_LABELS: dict[str, Label] = {
    "no": QT_TRANSLATE_NOOP("CustomerExport", "no"),
    "yes": QT_TRANSLATE_NOOP("CustomerExport", "yes"),
    "leap": QT_TRANSLATE_NOOP("CustomerExport", "leap", "a lunar birthday in a leap month"),
}
MONEY_FORMAT = "#,##0.00"
MONEY_KEYS = frozenset(("unit_price", "amount"))  # cells shown with two decimals
_NUMBER_LIKE = re.compile(r"^[+-]?[\d\s().\-/]+$")
Progress = Callable[[int, int], None]
Row = dict[str, Any]
FORMATS = (".xlsx", ".csv", ".json")
# The .xlsx sheets, in this order, named in the user's language: the import knows its own workbook by the ID columns
# of the first two, whatever their names.
SHEET_TITLES: tuple[Label, ...] = (QT_TRANSLATE_NOOP("CustomerExport", "Customers"),
                                   QT_TRANSLATE_NOOP("CustomerExport", "Contacts"),
                                   QT_TRANSLATE_NOOP("CustomerExport", "Orders"))


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
                    progress: Progress | None = None, translate: Translate = english) -> int:
    """Write the selected customers to `path`, the suffix picking the format; returns how many customers.

    .xlsx: Customers, Contacts and Orders sheets; .csv: the customers; .json: customers with their contacts and
    orders. The sheets' headers and value names go through `translate` (the user's language); the JSON's keys and
    values are the stored ones in every language. Raises ValueError for another suffix."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown export format {suffix!r}")
    total = source.count(selection)
    customers = source.customers(selection)
    if suffix == ".xlsx":
        columns = (CUSTOMER_COLUMNS, CONTACT_COLUMNS, ORDER_COLUMNS)
        rows = (customers, source.contacts(selection), source.orders(selection))
        write_xlsx(path, list(zip(SHEET_TITLES, columns, rows, strict=True)), total, progress, translate)
    elif suffix == ".csv":
        write_csv(path, CUSTOMER_COLUMNS, customers, translate)
    else:
        write_json(path, customers, source.contacts(selection), source.orders(selection))
    return total


def header_text(header: Header, translate: Translate = english) -> str:
    """A column's header in the user's language; an ID column's (a plain str) is the same in every language."""
    return header if isinstance(header, str) else translate_label(header, translate)


def value_names(translate: Translate = english) -> dict[str, dict[str, str]]:
    """Column key -> stored value -> its name in the sheets: kind and stage by their labels (domain/labels.py), the
    lunar flag as No / Yes / Leap month. Worked out once per export, not per row."""
    return {"kind": {kind.value: label_in(CustomerKind, kind, translate) for kind in CustomerKind},
            "stage": {stage.value: label_in(Stage, stage, translate) for stage in Stage},
            "birthday_lunar": {code: translate_label(name, translate) for code, name in LUNAR_LABELS.items()}}


def named(names: dict[str, dict[str, str]], key: str, value: Any) -> Any:
    """`value` of column `key` as the sheets show it: a stored value by its name, anything else as it is."""
    found = names.get(key)
    return found.get(value, value) if found is not None and isinstance(value, str) else value


def csv_safe(value: Any) -> Any:
    """A cell Excel will not evaluate: text starting with = + - @ tab or CR gets a leading apostrophe, unless
    it is a plain number or phone number ("+86 138 1234 5678", "-12.5")."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER_LIKE.match(value):
        return "'" + value
    return value


def write_xlsx(path: Path, sheets: list[tuple[Header, Sequence[tuple[str, Header]], Iterator[dict[str, Any]]]],
               total: int = 0, progress: Progress | None = None, translate: Translate = english) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    try:
        header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="4E79A7")
        names = value_names(translate)
        done = 0
        for title, columns, rows in sheets:
            sheet = book.create_sheet(header_text(title, translate))
            headers = [header_text(header, translate) for _key, header in columns]
            widths = [max(text_width(header) + 2, 10) for header in headers]
            for index, width in enumerate(widths, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
            sheet.freeze_panes = "A2"
            header_cells = []
            for header in headers:
                cell = WriteOnlyCell(sheet, value=header)
                cell.font, cell.fill = header_font, header_fill
                header_cells.append(cell)
            sheet.append(header_cells)
            count = 0
            for row in rows:
                cells = []
                for key, _header in columns:
                    value = named(names, key, row[key])
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


def write_csv(path: Path, columns: Sequence[tuple[str, Header]], rows: Iterator[dict[str, Any]],
              translate: Translate = english) -> None:
    """UTF-8 with a BOM, so Excel shows Chinese correctly when the file is double-clicked. Written beside `path`
    and moved into place when complete."""
    names = value_names(translate)
    with written_atomically(path, "x", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([header_text(header, translate) for _key, header in columns])
        for row in rows:
            writer.writerow([csv_safe("" if row[key] is None else str(named(names, key, row[key])))
                             for key, _header in columns])


JSON_CUSTOMER_KEYS = ("id", "name", "kind", "tier", "stage", "owner", "city", "region", "address", "phone", "email",
                      "industry", "source", "website", "last_contact", "next_follow_up", "notes")
JSON_CONTACT_KEYS = ("id", "name", "title", "mobile", "phone", "email", "birthday", "birthday_lunar", "notes")
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
