"""Measuring an .xlsx before calamine loads it: a declared shared-string count no file of its size can hold (calamine
reserves it up front and aborts the process), and the grid a sheet's cells span (a stray cell at Z1048576 is 27
million grid cells) read from the sheet's XML in pieces, with the number of its merged ranges.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path

from keepclient.domain.errors import BrokenSpreadsheetError, OversizedSpreadsheetError
from keepclient.importing.calamine_books import GRID_CELL_BYTES, MAX_GRID_BYTES, check_grid
from keepclient.importing.zip_members import ZIP_ERRORS, member_chunks, xml_pieces

_SST = re.compile(rb"<(?:\w+:)?sst\b([^>]*)>")
_UNIQUE_COUNT = re.compile(rb'\buniqueCount="\s*(\d+)')


def check_shared_strings(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Calamine reserves room for the declared number of shared strings up front: a count no file of this size can
    hold (each string takes at least ten bytes of XML) aborts the process, so it is refused here."""
    for member in members:
        if not member.filename.lower().endswith("sharedstrings.xml"):
            continue
        for data in xml_pieces(member_chunks(archive, member.filename, 1 << 16), path):
            found = _SST.search(data)
            if found:
                count = _UNIQUE_COUNT.search(found.group(1))
                if count and (len(count.group(1)) > 12 or int(count.group(1)) > member.file_size // 8 + 64):
                    raise BrokenSpreadsheetError(name=path.name)
                break


_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1] if key.startswith(b"r:") else key: value for key, value in _ATTR.findall(text)}


def _small_member(archive: zipfile.ZipFile, name: str, limit: int = 64 << 20) -> bytes:
    """A member that is small in any real workbook (the sheet list, relationships), read whole."""
    if archive.getinfo(name).file_size > limit:
        raise OversizedSpreadsheetError(name=Path(archive.filename or name).name, reason=f"{name} is over 64 MB")
    return archive.read(name)


def _xlsx_sheet_members(archive: zipfile.ZipFile, name: str) -> list[str]:
    """The member holding sheet `name`, found as calamine finds it (workbook, then its relationships); every
    worksheet member when that fails, so a check is never skipped."""
    names = set(archive.namelist())
    rels = _small_member(archive, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    targets = {a.get(b"Id"): a.get(b"Target", b"") for a in map(_attributes, _REL_TAG.findall(rels))}
    for attributes in map(_attributes, _SHEET_TAG.findall(_small_member(archive, "xl/workbook.xml"))):
        if html.unescape(attributes.get(b"name", b"").decode("utf-8", "replace")) != name:
            continue
        target = targets.get(attributes.get(b"id"), b"").decode("utf-8", "replace")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        if member in names:
            return [member]
    return sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def check_xlsx_sheet(path: Path, name: str) -> int:
    """Refuse a sheet whose cells span a grid calamine cannot hold (a stray cell at Z1048576 is 27 million grid
    cells, 860 MB) before it is loaded; the number of its merged ranges, for the caller to judge."""
    try:
        with zipfile.ZipFile(path) as archive:
            merges = 0
            for member in _xlsx_sheet_members(archive, name):
                (rows, columns), count = _xlsx_extent(archive, member, path)
                check_grid(path, "xlsx", rows, columns)
                merges = max(merges, count)
    except ZIP_ERRORS as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc
    return merges


class _XlsxExtent:
    """Bounds of the cells of one worksheet's XML, read in pieces. Self-closing cells (<c r="B2" s="1"/>, style
    only) are cells calamine skips, and are counted here all the same (the cheap way can only overestimate)."""

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.column_pattern = re.compile(rb"<" + p + rb'c [^>]*?\br="([A-Z]{1,7})[0-9]')
        self.row_pattern = re.compile(rb"<" + p + rb'c [^>]*?\br="[A-Z]{1,7}([0-9]{1,10})"')
        self.cell_open, self.cell_bare = b"<" + prefix + b"c ", b"<" + prefix + b"c>"
        self.merge_open = b"<" + prefix + b"mergeCell "
        self.columns: set[bytes] = set()
        self.top, self.bottom = 1 << 40, -1
        self.unreferenced = False  # a cell without a reference calamine places by counting: walked instead
        self.merges = 0

    def add(self, data: bytes) -> None:
        columns = self.column_pattern.findall(data)
        self.columns.update(columns)
        rows = [int(r) for r in set(self.row_pattern.findall(data))]
        if rows:
            self.top, self.bottom = min(self.top, *rows), max(self.bottom, *rows)
        if data.count(self.cell_open) + data.count(self.cell_bare) != len(columns):
            self.unreferenced = True
        self.merges += data.count(self.merge_open)

    def grid(self) -> tuple[int, int]:
        if self.bottom < 0 or not self.columns:
            return 0, 0
        columns = [_column_number(c) for c in self.columns]
        return self.bottom - self.top + 1, max(columns) - min(columns) + 1


_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b")
_XLSX_TOKEN = re.compile(rb"<(/?)(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,7})([0-9]{1,10})"')
_ROW_NUMBER = re.compile(rb'\br="([0-9]{1,10})"')


def _xlsx_extent(archive: zipfile.ZipFile, member: str, path: Path) -> tuple[tuple[int, int], int]:
    """((rows, columns) of the grid, merged ranges) of one worksheet member. The common case is counted with
    C-speed regexes; a sheet where self-closing cells widen the bounds past the limit, or a cell has no reference,
    is walked cell by cell. Cells only come inside <sheetData>, whose tag also tells the namespace prefix in use."""
    extent: _XlsxExtent | None = None
    for data in xml_pieces(member_chunks(archive, member), path):
        if extent is None:
            start = _SHEET_DATA.search(data)
            if start is None:
                continue
            extent = _XlsxExtent(start.group(1) or b"")
        extent.add(data)
    if extent is None:
        return (0, 0), 0
    rows, columns = extent.grid()
    if extent.unreferenced or rows * columns * GRID_CELL_BYTES["xlsx"] > MAX_GRID_BYTES:
        return _xlsx_walk(archive, member, path), extent.merges
    return (rows, columns), extent.merges


def _xlsx_walk(archive: zipfile.ZipFile, member: str, path: Path) -> tuple[int, int]:
    """(rows, columns) spanned by the cells calamine keeps, placed as calamine places them."""
    row = column = 0
    top = left = 1 << 40
    bottom = right = -1
    for data in xml_pieces(member_chunks(archive, member), path):
        for closing, tag, attributes in _XLSX_TOKEN.findall(data):
            if tag == b"row":
                if closing:
                    row, column = row + 1, 0
                elif number := _ROW_NUMBER.search(attributes):
                    row = int(number.group(1)) - 1
                continue
            if closing:
                continue
            ref = _REF.search(attributes)
            place = (int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1) if ref else (row, column)
            column = place[1] + 1
            if not attributes.endswith(b"/"):
                top, bottom = min(top, place[0]), max(bottom, place[0])
                left, right = min(left, place[1]), max(right, place[1])
    return (0, 0) if bottom < 0 else (bottom - top + 1, right - left + 1)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number

