"""Values merged down over several rows, carried onto every row of the merge: a company merged over its contacts'
rows in a 台账 belongs to each of them. Merges within one row (titles) are left as they are.

The ranges come from calamine for .xlsx and .xls, and from the .ods guard's scan for .ods (calamine does not
report them there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from keepclient.importing.sheet_rows import is_blank


def calamine_merges(sheet: Any) -> list[tuple[int, int, int]]:
    """(first row, last row, column) of the ranges merged over more than one row, from calamine (.xlsx, .xls;
    python-calamine 0.4 and later)."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    return [(top, bottom, left) for (top, left), (bottom, _right) in ranges if bottom > top]


def carried_down(rows: Iterator[list[Any]], merges: list[tuple[int, int, int]], offset: int) -> Iterator[list[Any]]:
    """The rows with each vertically merged value put on every row the merge covers: a file stores it on the
    first row only, and a company merged over its contacts' rows belongs to each of them. Only blank cells are
    filled. Rows count from the top of the sheet (calamine pads the rows above the data), columns from `offset`."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for top, bottom, column in merges:
        starts.setdefault(top, []).append((column - offset, bottom))
    active: dict[int, tuple[Any, int]] = {}
    for index, row in enumerate(rows):
        for column, (value, bottom) in list(active.items()):
            if index > bottom:
                del active[column]
            elif column < len(row) and is_blank(row[column]):
                row[column] = value
        for column, bottom in starts.get(index, ()):
            if 0 <= column < len(row) and not is_blank(row[column]):
                active[column] = (row[column], bottom)
        yield row

