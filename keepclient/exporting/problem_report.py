"""The import problem report as an .xlsx: one line per problem with the row's cells after it.

The importer decides what a line says (in the user's language); this module only writes it, whole or not at all,
and keeps every value as it was read, minus the control characters an .xlsx cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from keepclient.exporting.files import save_workbook

ILLEGAL_CHARACTERS = re.compile(r"[\000-\010\013\014\016-\037]")  # control characters .xlsx cannot hold


def as_cell(value: Any) -> Any:
    """A value openpyxl can write as it was read (it refuses a few types and illegal control characters)."""
    if value is None or isinstance(value, int | float | str | bool):
        return ILLEGAL_CHARACTERS.sub("", value) if isinstance(value, str) else value
    return str(value)


def write_report(target: Path, title: str, headers: Sequence[str], lines: Iterable[Sequence[Any]]) -> Path:
    """One sheet named `title`: `headers`, then `lines`; written beside `target` and moved into place when complete
    (StorageError when the disk refuses)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for line in lines:
        sheet.append([as_cell(value) for value in line])
    save_workbook(book, target)
    return target
