"""Rows of a sheet as they are kept: trailing blanks trimmed, a long blank run taken as the end of the data, short
texts shared, and a bound on the cells held, the same for every format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keepclient.domain.errors import EmptySheetError, OversizedSpreadsheetError

MAX_READ_CELLS = 4_000_000  # filled cells kept as Python values (about 280,000 rows of 14 columns)
MAX_COLUMNS = 1024
MAX_ROWS = 1 << 20  # Excel's row count: this many blank rows before any data, and the sheet is empty
BLANK_RUN_END = 1000  # this many blank rows in a row end the data (a stray cell far below does not count)
SHARED_TEXT_LENGTH = 12
MAX_SHARED = 1 << 16  # distinct short texts shared; past this a column is mostly unique values (phones, ids)


@dataclass
class Sheet:
    """Rows of one sheet as plain values (str, float, int, date, datetime, bool), with their row numbers."""

    name: str
    rows: list[list[Any]]
    numbers: list[int]  # 1-based row number in the file of each row


def is_blank(value: Any) -> bool:
    """Whether a cell holds nothing worth keeping (None, empty, or only whitespace)."""
    return value is None or value == "" or (value.__class__ is str and value.isspace())


def trimmed_sheet(name: str, rows: Iterator[list[Any]], path: Path) -> Sheet:
    """Rows without trailing blank cells; leading and trailing blank rows dropped; a long blank run ends data.

    Short texts are shared: a column of cities, titles or tiers repeats a few values 100,000 times, and one string
    object per cell cost about 40 MB on the benchmark sheet. At most MAX_READ_CELLS cells are kept.
    """
    shared: dict[str, str] = {}
    kept: list[list[Any]] = []
    numbers: list[int] = []
    blank_run = cells = 0
    for number, row in enumerate(rows, start=1):
        end = len(row) if len(row) <= MAX_COLUMNS else MAX_COLUMNS
        while end and is_blank(row[end - 1]):
            end -= 1
        if not end:
            blank_run += 1
            if (not kept and blank_run >= MAX_ROWS) or (kept and blank_run >= BLANK_RUN_END):
                break
            if kept:
                kept.append([])
                numbers.append(number)
                cells += 1
            continue
        blank_run = 0
        cells += end
        if cells > MAX_READ_CELLS:
            raise OversizedSpreadsheetError(name=path.name, reason=f"more than {MAX_READ_CELLS:,} filled cells")
        kept.append(_kept_row(row, end, shared))
        numbers.append(number)
    while kept and not kept[-1]:
        kept.pop()
        numbers.pop()
    if not kept:
        raise EmptySheetError(name=path.name, sheet=name)
    return Sheet(name, kept, numbers)


def _kept_row(row: list[Any], end: int, shared: dict[str, str]) -> list[Any]:
    """The first `end` cells, texts stripped and short ones shared (new ones only while the table has room)."""
    kept = row[:end] if end < len(row) else row
    for index, value in enumerate(kept):
        if value.__class__ is str:
            text = value.strip()
            if len(text) <= SHARED_TEXT_LENGTH:
                text = shared.get(text) or (shared.setdefault(text, text) if len(shared) < MAX_SHARED else text)
            if text is not value:
                kept[index] = text
    return kept

