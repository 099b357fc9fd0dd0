"""The customer list on paper or as PDF: the rows of a view (its search, filters and sort), in the columns chosen,
one numbered table with the header row repeated on every page.

Plain data in (CustomerRow from the customer service), QtGui only: the window's Print customer list… and
`keepclient print-customers --pdf` draw the same pages, on the schedules' page frame (CJK fonts, page numbers, the
print date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPagedPaintDevice

from keepclient.domain.enums import Stage
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import CustomerRow
from keepclient.printing import strings as s
from keepclient.printing.documents import Sheet, short_date
from keepclient.printing.feedback_report import ReportDocument, report_document
from keepclient.printing.layout import MUTED, Block, Cell, Row, Section, Units, column_widths
from keepclient.printing.schedules import page_layout, paint_document, write_pdf

CUSTOMER_LIST = QT_TRANSLATE_NOOP("printing", "Customer list")
COUNT = QT_TRANSLATE_NOOP("printing", "Customers: {count}")
NOBODY = QT_TRANSLATE_NOOP("printing", "No customers to list.")
NUMBER = QT_TRANSLATE_NOOP("printing", "No.")


class Column(NamedTuple):
    key: str
    header: str  # translated at print time ("printing" context)
    width_pt: float | None  # fixed width in points, or None: shares the free width by `weight`
    weight: float
    value: Callable[[CustomerRow, str], str]  # (row, currency) -> text


def _date(day: dt.date | None) -> str:
    return short_date(day) if day else ""


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)


def money(cents: float, currency: str) -> str:
    """1,234.50 CNY: the amount in the user's locale and the team's currency code, as the KPI report prints it."""
    return f"{number(cents / 100.0, 2)} {currency}".strip()


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("printing", "Name"), None, 2.2, lambda r, _c: r.name),
    Column("tier", QT_TRANSLATE_NOOP("printing", "Tier"), 26, 0, lambda r, _c: r.tier),
    Column("stage", QT_TRANSLATE_NOOP("printing", "Stage"), None, 0.9, lambda r, _c: s.value_label(Stage, r.stage)),
    Column("owner", QT_TRANSLATE_NOOP("printing", "Owner"), None, 0.9, lambda r, _c: r.owner),
    Column("city", QT_TRANSLATE_NOOP("printing", "City"), None, 0.9, lambda r, _c: r.city),
    Column("phone", QT_TRANSLATE_NOOP("printing", "Phone"), 88, 0, lambda r, _c: r.phone),
    Column("last_contact", QT_TRANSLATE_NOOP("printing", "Last contact"), 60, 0,
           lambda r, _c: _date(r.last_contact)),
    Column("next_follow_up", QT_TRANSLATE_NOOP("printing", "Next follow-up"), 60, 0,
           lambda r, _c: _date(r.next_follow_up)),
    Column("open_feedback", QT_TRANSLATE_NOOP("printing", "Open feedback"), 44, 0,
           lambda r, _c: number(r.open_feedback) if r.open_feedback else ""),
    Column("revenue_12m", QT_TRANSLATE_NOOP("printing", "Revenue (12 mo)"), 78, 0,
           lambda r, c: money(r.revenue_12m_cents, c) if r.revenue_12m_cents else ""),
    Column("last_order", QT_TRANSLATE_NOOP("printing", "Last order"), 60, 0, lambda r, _c: _date(r.last_order)),
    Column("risk", QT_TRANSLATE_NOOP("printing", "Risk"), 32, 0, lambda r, _c: str(r.risk) if r.risk else ""),
)
BY_KEY = {column.key: column for column in COLUMNS}
KEYS = tuple(BY_KEY)  # the customer list's columns, in its order (keepclient.ui.customers.list_view.HEADERS)
DEFAULT_KEYS = ("name", "tier", "owner", "city", "phone", "next_follow_up")


class CustomerListing(NamedTuple):
    """What is printed: the view's name, a line saying what it holds (search, filters), the rows, the columns."""

    title: str
    description: str
    rows: Sequence[CustomerRow]
    columns: Sequence[str] = DEFAULT_KEYS
    currency: str = "CNY"


def chosen_columns(keys: Sequence[str]) -> list[Column]:
    """The known columns among `keys`, in the order given; the name always comes first."""
    wanted = ["name", *(key for key in keys if key != "name")]
    return [BY_KEY[key] for key in dict.fromkeys(wanted) if key in BY_KEY]


def list_section(sheet: Sheet, listing: CustomerListing) -> Section:
    """One numbered table of the rows; a cell holds at most two lines (a long name or address wraps once)."""
    units = sheet.units
    columns = chosen_columns(listing.columns)
    digits = len(str(max(len(listing.rows), 1)))
    fixed = [units.pt(18 + 5 * digits), *(units.pt(c.width_pt) if c.width_pt else None for c in columns)]
    widths = column_widths(sheet.width, fixed, [0, *(c.weight for c in columns)])
    header = sheet.header_row([s.tr(NUMBER), *(s.tr(c.header) for c in columns)], widths)
    inner = [width - 2 * sheet.pad for width in widths]
    rows = []
    for number_, row in enumerate(listing.rows, start=1):
        cells = [Cell([Block([sheet.para(str(number_), 7.5, inner[0], color=MUTED)])])]
        for index, column in enumerate(columns, start=1):
            text = column.value(row, listing.currency)
            cells.append(Cell([Block([sheet.para(text, 8, inner[index], strong=column.key == "name",
                                                 max_lines=2)])]) if text else Cell())
        rows.append(Row(cells, sheet.pad))
    subtitle = s.tr(COUNT, count=len(listing.rows))
    if listing.description:
        subtitle = f"{listing.description} · {subtitle}"
    return Section(listing.title or s.tr(CUSTOMER_LIST), subtitle, widths, header, rows,
                   message="" if rows else s.tr(NOBODY))


def render_customer_list(device: QPagedPaintDevice, listing: CustomerListing, *, language: str | None = None,
                         printed_at: dt.datetime | None = None) -> int:
    """Paint the list on `device` as it is set up (paper, orientation, margins); returns the page count."""
    def build(units: Units) -> ReportDocument:
        document = report_document(units, s.tr(CUSTOMER_LIST), printed_at)
        document.add(list_section(Sheet(units, document.width), listing))
        return document

    return paint_document(device, language, build)


def default_landscape(columns: Sequence[str]) -> bool:
    """Seven columns or more read better across the page."""
    return len(chosen_columns(columns)) >= 7


def write_customer_list_pdf(path: Path | str, listing: CustomerListing, *, paper: str = "a4",
                            landscape: bool | None = None, language: str | None = None,
                            printed_at: dt.datetime | None = None) -> int:
    """Write the list as a PDF with its fonts embedded, whole or not at all; returns the page count. `paper` "a4"
    or "letter"; `landscape` None chooses by the number of columns; `language` ("en", "zh_CN") for the command
    line, None keeps the application's. StorageError when the disk refuses."""
    layout = page_layout(paper, default_landscape(listing.columns) if landscape is None else landscape)
    return write_pdf(Path(path), layout, language, lambda: listing.title or s.tr(CUSTOMER_LIST),
                     lambda writer: render_customer_list(writer, listing, printed_at=printed_at))
