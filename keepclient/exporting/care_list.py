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

from keepclient.domain.gifts import BIRTHDAY, CareList
from keepclient.domain.labels import QT_TRANSLATE_NOOP, Label, Translate, translate_label
from keepclient.exporting import report_sheets as sheets
from keepclient.exporting.files import save_workbook
from keepclient.exporting.labels import Labels, labeller

CAPTIONS: dict[str, Label] = {
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
ENGLISH: dict[str, str] = {key: name.text for key, name in CAPTIONS.items()}  # what it says without labels
COLUMNS = ("owner", "customer", "tier", "contact", "title", "mobile", "phone", "address", "date", "last_gift",
           "last_gift_date", "this_year")
DATES = ("date", "last_gift_date")


def translated_labels(translate: Translate) -> dict[str, str]:
    """CAPTIONS in the user's language, from a `translate(context, text, disambiguation=None)` such as
    QCoreApplication.translate."""
    return {key: translate_label(name, translate) for key, name in CAPTIONS.items()}


def care_rows(care: CareList, text: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"owner": row.owner or text("unassigned"), "customer": row.customer, "tier": row.tier,
             "contact": row.contact, "title": row.title, "mobile": row.mobile, "phone": row.phone,
             "address": row.address, "date": row.date, "last_gift": row.last_gift,
             "last_gift_date": row.last_gift_date, "this_year": row.this_year} for row in care.rows]


def build_workbook(care: CareList, labels: Labels | None = None, occasion: str | None = None) -> Any:
    """The sheet in a write-only openpyxl Workbook, not yet saved. `occasion`: the occasion's name for the
    workbook's title (default: the Chinese name)."""
    text = labeller(ENGLISH, labels)
    name = occasion or care.name_zh
    when = f"{care.year}-{care.month:02d}" if care.occasion == BIRTHDAY and care.month else str(care.year)
    book = sheets.new_book(f"{text('sheet')}: {name} {when}", care.made_at)
    sheet = sheets.new_sheet(book, f"{text('sheet')} {name} {when}", set())
    rows = care_rows(care, text)
    headers = [text(key) for key in COLUMNS]
    sheets.fit_columns(sheet, headers, COLUMNS, rows, header_cap=24, least=8, most=50)
    sheet.freeze_panes = "C2"
    sheets.header_row(sheet, headers)
    for row in rows:
        sheet.append([sheets.value_cell(sheet, row[key], "yyyy-mm-dd" if isinstance(row[key], dt.date) else None)
                      for key in COLUMNS])
    sheets.add_filter(sheet, len(COLUMNS), len(rows))
    return book


def write_care_list_xlsx(path: str | Path, care: CareList, *, labels: Labels | None = None,
                         occasion: str | None = None) -> None:
    """Write the care list to `path` as .xlsx, whole or not at all (save_workbook); StorageError when the disk
    refuses. `labels` (translated_labels, or a callable) names the columns, English by default."""
    save_workbook(build_workbook(care, labels, occasion), Path(path))
