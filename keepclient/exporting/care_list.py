"""A care list as an .xlsx workbook: one sheet, a row per customer (per contact for birthdays) in the list's order
(owner, tier, name), ready to filter and to tick off.

Same conventions as the other reports: styled and frozen header row, autofilter, real date cells, no cell ever a
live formula (text starting with "=" is stored as text); written whole or not at all (save_workbook). Captions in
context "labels", English unless the caller passes translated ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP
from keepclient.domain.gifts import BIRTHDAY, CareList
from keepclient.exporting.feedback_report import _sheet_title, _width
from keepclient.exporting.files import save_workbook
from keepclient.exporting.labels import Labels, labeller

CAPTIONS: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "unassigned": QT_TRANSLATE_NOOP("labels", "Unassigned"),
    "customer": QT_TRANSLATE_NOOP("labels", "Customer"),
    "tier": QT_TRANSLATE_NOOP("labels", "Tier"),
    "contact": QT_TRANSLATE_NOOP("labels", "Contact"),
    "title": QT_TRANSLATE_NOOP("labels", "Title"),
    "mobile": QT_TRANSLATE_NOOP("labels", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "address": QT_TRANSLATE_NOOP("labels", "Address"),
    "date": QT_TRANSLATE_NOOP("labels", "Date"),
    "last_gift": QT_TRANSLATE_NOOP("labels", "Last gift"),
    "last_gift_date": QT_TRANSLATE_NOOP("labels", "Last gift on"),
    "this_year": QT_TRANSLATE_NOOP("labels", "Given this year"),
    "sheet": QT_TRANSLATE_NOOP("labels", "Care list"),
}
COLUMNS = ("owner", "customer", "tier", "contact", "title", "mobile", "phone", "address", "date", "last_gift",
           "last_gift_date", "this_year")
DATES = ("date", "last_gift_date")


def translated_labels(translate: Callable[[str, str], str]) -> dict[str, str]:
    """CAPTIONS in the user's language, from a `translate(context, text)` such as QCoreApplication.translate."""
    return {key: translate("labels", text) for key, text in CAPTIONS.items()}


def care_rows(care: CareList, text: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"owner": row.owner or text("unassigned"), "customer": row.customer, "tier": row.tier,
             "contact": row.contact, "title": row.title, "mobile": row.mobile, "phone": row.phone,
             "address": row.address, "date": row.date, "last_gift": row.last_gift,
             "last_gift_date": row.last_gift_date, "this_year": row.this_year} for row in care.rows]


def build_workbook(care: CareList, labels: Labels | None = None, occasion: str | None = None) -> Any:
    """The sheet in a write-only openpyxl Workbook, not yet saved. `occasion`: the occasion's name for the
    workbook's title (default: the Chinese name)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    text = labeller(CAPTIONS, labels)
    book = Workbook(write_only=True)
    name = occasion or care.name_zh
    when = f"{care.year}-{care.month:02d}" if care.occasion == BIRTHDAY and care.month else str(care.year)
    book.properties.title = f"{text('sheet')}: {name} {when}"
    book.properties.creator = "keepclient"
    book.properties.created = care.made_at
    sheet = book.create_sheet(_sheet_title(f"{text('sheet')} {name} {when}"))
    rows = care_rows(care, text)
    headers = [text(key) for key in COLUMNS]
    for index, key in enumerate(COLUMNS, start=1):
        width = max([min(_width(headers[index - 1]), 24) + 2, *(_width(row[key]) + 2 for row in rows), 8])
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 50)
    sheet.freeze_panes = "C2"
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="4E79A7")
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font, cell.fill = header_font, header_fill
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        line = []
        for key in COLUMNS:
            value = row[key]
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            line.append(cell)
        sheet.append(line)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    return book


def write_care_list_xlsx(path: str | Path, care: CareList, *, labels: Labels | None = None,
                         occasion: str | None = None) -> None:
    """Write the care list to `path` as .xlsx, whole or not at all (save_workbook); StorageError when the disk
    refuses. `labels` (translated_labels, or a callable) names the columns, English by default."""
    save_workbook(build_workbook(care, labels, occasion), Path(path))
