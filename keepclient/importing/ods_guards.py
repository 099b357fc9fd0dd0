"""Measuring an .ods before calamine expands it: an 800-byte file can ask for 1.3 GB through repeated rows, cells
and spaces, which calamine writes out one by one. The same scan collects the ranges merged down over several rows,
which calamine does not report for .ods.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from keepclient.domain.errors import OversizedSpreadsheetError
from keepclient.importing.calamine_books import MAX_SHEETS, check_grid
from keepclient.importing.zip_members import member_chunks, xml_pieces

MAX_EXPANSION = 64 << 20  # bytes an .ods may add by repeating cells, rows and spaces
_ODS_STRUCTURE = re.compile(rb"<(/?)table:(table-row|table)(?=[\s/>])([^>]*)>")
_ODS_CELL = re.compile(rb"<(/?)(table:table-cell|table:covered-table-cell|text:s)(?=[\s/>])([^>]*)>")
_ODS_NUMBER = {name: re.compile(rb"table:" + name + rb'="(\d+)"')
               for name in (b"number-rows-repeated", b"number-columns-repeated", b"number-rows-spanned")}
_ODS_SPACES = re.compile(rb'text:c="(\d+)"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
ODS_ROWS, ODS_COLUMNS = 1 << 20, 1 << 14  # calamine caps repeats at these
ODS_ROW_END = b"</table:table-row>"


def _count(digits: bytes) -> int:
    """A count written in a file; absurdly long ones are just huge (int() refuses over 4,300 digits)."""
    return int(digits) if len(digits) <= 12 else 1 << 40


def _ods_number(pattern: re.Pattern[bytes], attributes: bytes, default: int = 1) -> int:
    found = pattern.search(attributes)
    return _count(found.group(1)) if found else default


def _repeats_a_value(cells: bytes, end: int) -> bool:
    """Whether a filled cell before `end` repeats (calamine then copies its value into every column it covers)."""
    position = cells.find(b"columns-repeated", 0, end)
    while position >= 0:
        if _ods_filled(cells[cells.rfind(b"<", 0, position):cells.find(b">", position)]):
            return True
        position = cells.find(b"columns-repeated", position + 16, end)
    return False


def _ods_filled(attributes: bytes) -> bool:
    """Whether calamine keeps a cell: it has a value (office:value, office:value-type, ...) or a formula."""
    return b"value" in attributes or b"table:formula" in attributes


@dataclass
class _OdsTable:
    name: str
    top: int = 1 << 40
    bottom: int = -1
    left: int = 1 << 40
    right: int = -1
    pushed: int = 0  # cells calamine keeps while reading: every row up to its last filled cell, from column A
    merges: list[tuple[int, int, int]] = field(default_factory=list)

    def cells(self) -> int:
        """The rows as read plus the grid built from them, both held at once."""
        grid = 0 if self.bottom < 0 else (self.bottom - self.top + 1) * (self.right - self.left + 1)
        return self.pushed + grid


class _OdsScan:
    """Walks content.xml as calamine reads it (rows and columns counted with their repeats) for what calamine will
    allocate: each table's grid of filled cells, and the bytes that repeated cells, repeated rows and <text:s
    text:c="..."/> spaces add (calamine copies a repeated value into every cell it covers). Also collects the
    ranges merged down over several rows. A row is measured with a few byte searches (a million rows take about
    a second); only a row holding a merge or a repeated value is walked cell by cell. At most `merge_limit`
    merged ranges are collected (a hostile file can hold millions)."""

    def __init__(self, path: Path, merge_limit: int) -> None:
        self.path = path
        self.merge_limit = merge_limit
        self.tables: list[_OdsTable] = []
        self.table: _OdsTable | None = None
        self.depth = self.row = self.expansion = self.merges = 0

    def feed(self, data: bytes) -> None:
        """One piece of content.xml that ends after a row's end tag (rows never straddle pieces)."""
        *rows, rest = data.split(ODS_ROW_END)
        for segment in rows:
            start = segment.rfind(b"<table:table-row")
            if start < 0 or b"table:table" in segment[:start]:
                self._structure(segment[:max(start, 0)] if start >= 0 else segment)
            if start >= 0:
                end = segment.find(b">", start) + 1
                self._row(segment[start:end], segment[end:])
        if b"table:table" in rest:
            self._structure(rest)
        if self.expansion > MAX_EXPANSION:
            raise OversizedSpreadsheetError(
                name=self.path.name, reason=f"repeated cells unpack to more than {MAX_EXPANSION >> 20} MB")

    def _structure(self, data: bytes) -> None:
        """Tables opened and closed, and rows without cells (<table:table-row .../>), between rows."""
        for found in _ODS_STRUCTURE.finditer(data):
            closing, tag, attributes = found.groups()
            if tag == b"table":
                self._table(closing, attributes.endswith(b"/"), attributes)
            elif attributes.endswith(b"/"):
                self._row(attributes, b"")

    def _table(self, closing: bytes, self_closing: bool, attributes: bytes) -> None:
        if closing:
            self.depth -= 1
            if self.depth <= 0 and self.table is not None:
                self.tables.append(self.table)
                self.table, self.depth = None, 0
        elif not self_closing:
            self.depth += 1
            if self.depth == 1:
                name = _ODS_NAME.search(attributes)
                self.table = _OdsTable(html.unescape(name.group(1).decode("utf-8", "replace")) if name else "")
                self.row = 0

    def _row(self, tag: bytes, cells: bytes) -> None:
        repeats = _ods_number(_ODS_NUMBER[b"number-rows-repeated"], tag) if b"repeated" in tag else 1
        repeats = max(0, min(repeats, ODS_ROWS - self.row))
        table = self.table
        last = cells.rfind(b"value")
        if b"formula" in cells:
            last = max(last, cells.rfind(b"table:formula"))
        if repeats and table is not None and last >= 0:
            end = cells.find(b">", last) + 1 or len(cells)
            spaces = sum(map(_count, _ODS_SPACES.findall(cells))) if b"text:c" in cells else 0
            self.expansion += spaces
            if b"rows-spanned" in cells or _repeats_a_value(cells, end):
                left, right, size = self._walk(cells)
            else:
                left, right, size = 0, _last_column(cells, end), len(cells) + spaces
            if right >= 0:
                table.top, table.bottom = min(table.top, self.row), max(table.bottom, self.row + repeats - 1)
                table.left, table.right = min(table.left, left), max(table.right, right)
                table.pushed += right + 1
                self.expansion += size * (repeats - 1)
        self.row += repeats

    def _walk(self, cells: bytes) -> tuple[int, int, int]:
        """(first, last column filled, bytes calamine copies) of a row, cell by cell; its merges noted."""
        column, left, right, size = 0, 1 << 40, -1, 0
        opened: tuple[int, int] | None = None  # (start, repeats) of the filled cell being read
        extra = 0
        for found in _ODS_CELL.finditer(cells):
            closing, tag, attributes = found.groups()
            if tag == b"text:s":
                extra += _ods_number(_ODS_SPACES, attributes) if opened else 0
            elif closing:
                if opened:
                    cell = found.end() - opened[0] + extra
                    size, self.expansion = size + cell * opened[1], self.expansion + cell * (opened[1] - 1)
                opened = None
            else:
                repeats = max(0, min(_ods_number(_ODS_NUMBER[b"number-columns-repeated"], attributes),
                                     ODS_COLUMNS - column))
                if repeats and _ods_filled(attributes):
                    left, right = min(left, column), max(right, column + repeats - 1)
                    self._merge(_ods_number(_ODS_NUMBER[b"number-rows-spanned"], attributes), column)
                    if attributes.endswith(b"/"):
                        cell = found.end() - found.start()
                        size, self.expansion = size + cell * repeats, self.expansion + cell * (repeats - 1)
                    else:
                        opened, extra = (found.start(), repeats), 0
                column += repeats
        return left, right, size

    def _merge(self, rows: int, column: int) -> None:
        if rows > 1 and self.merges < self.merge_limit and self.table is not None:
            self.table.merges.append((self.row, self.row + rows - 1, column))
            self.merges += 1


def _last_column(cells: bytes, end: int) -> int:
    """The column of the last filled cell (it ends at `end`): the cells up to it, and the repeats among them."""
    count = cells.count(b"<table:", 0, end)
    if cells.find(b"columns-repeated", 0, end) >= 0:
        repeats = _ODS_NUMBER[b"number-columns-repeated"].findall(cells, 0, end)
        count += sum(min(_count(n), ODS_COLUMNS) - 1 for n in repeats)
    return min(count, ODS_COLUMNS) - 1


def check_ods(path: Path, archive: zipfile.ZipFile, merge_limit: int) -> dict[str, list[tuple[int, int, int]]]:
    """Measure content.xml before calamine expands it (an 800-byte .ods can ask for 1.3 GB); the vertical merges
    by sheet (the first `merge_limit` of them), which calamine does not report for .ods."""
    scan = _OdsScan(path, merge_limit)
    for data in xml_pieces(member_chunks(archive, "content.xml"), path, ODS_ROW_END):
        scan.feed(data)
    if len(scan.tables) > MAX_SHEETS:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{len(scan.tables):,} sheets")
    check_grid(path, "ods", sum(t.cells() for t in scan.tables))
    return {t.name: t.merges for t in scan.tables if t.merges}

