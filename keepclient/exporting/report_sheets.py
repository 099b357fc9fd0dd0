"""What every report workbook shares (feedback report, KPI report, care list): a write-only book with its
properties, Excel-safe unique sheet titles, column widths from the text, a styled header row, cells that are
real numbers and dates but never a live formula, and an autofilter. openpyxl is imported when a book is made."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

HEADER_COLOUR = "4E79A7"
_BAD_TITLE = str.maketrans({char: " " for char in "[]:*?/\\"})


def width(value: Any) -> int:
    """Characters a value needs on screen: wide (CJK) characters count twice."""
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if value is None:
        return 0
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(value))


def sheet_title(title: str) -> str:
    """A title Excel accepts: no []:*?/\\ and at most 31 characters."""
    return title.translate(_BAD_TITLE).strip()[:31] or "Sheet"


def new_book(title: str, made_at: dt.datetime) -> Any:
    """A write-only workbook with its title, creator and creation time."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.creator = "keepclient"
    book.properties.created = made_at
    return book


def new_sheet(book: Any, title: str, used: set[str]) -> Any:
    """A sheet named `title` made Excel-safe; a second sheet whose label translates alike gets " 2"."""
    name = sheet_title(title)
    if name.casefold() in used:
        name = sheet_title(f"{name[:28]} 2")
    used.add(name.casefold())
    return book.create_sheet(name)


def fit_columns(sheet: Any, headers: Sequence[str], columns: Sequence[str], rows: Sequence[Mapping[str, Any]], *,
                header_cap: int = 1000, padding: int = 2, least: int = 10, most: int = 60) -> None:
    """Each column as wide as its header (at most `header_cap`) and its values need, within least..most."""
    from openpyxl.utils import get_column_letter

    for index, key in enumerate(columns, start=1):
        wanted = max([min(width(headers[index - 1]), header_cap) + 2, *(width(row[key]) + padding for row in rows),
                      least])
        sheet.column_dimensions[get_column_letter(index)].width = min(wanted, most)


def header_row(sheet: Any, headers: Sequence[str]) -> None:
    """The styled header row (bold white on blue)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_COLOUR)
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font, cell.fill = font, fill
        cells.append(cell)
    sheet.append(cells)


def value_cell(sheet: Any, value: Any, number_format: str | None = None) -> Any:
    """A cell of `value`: text starting with "=" stays text (never a formula); `number_format` applies to a
    number or date."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    elif number_format and value is not None and not isinstance(value, str):
        cell.number_format = number_format
    return cell


def add_filter(sheet: Any, columns: int, rows: int) -> None:
    """An autofilter over the header and `rows` rows."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
