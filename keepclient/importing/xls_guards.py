"""Measuring an .xls before calamine opens it (calamine reads every sheet of an .xls at once): encrypted files,
the compound file's chains and counts, then the BIFF records as calamine walks them, for the grid all sheets'
cells span, DIMENSIONS claims no .xls can hold, and the number of merged ranges.
"""

from __future__ import annotations

import struct
from pathlib import Path

from keepclient.domain.errors import BrokenSpreadsheetError, EncryptedSpreadsheetError, OversizedSpreadsheetError
from keepclient.importing.calamine_books import MAX_SHEETS, check_grid
from keepclient.importing.ole_container import CompoundFile

MAX_XLS_BYTES = 256 << 20
BIFF8_CELLS = 65536 * 256  # the largest sheet an .xls can declare
BIFF_CELLS = frozenset({0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E})  # formula, strings, numbers...
BIFF_MULRK, BIFF_DIMENSIONS, BIFF_MERGES, BIFF_BOF, BIFF_EOF = 0x00BD, 0x0200, 0x00E5, 0x0809, 0x000A
BIFF_BOUNDSHEET, BIFF_FILEPASS = 0x0085, 0x002F


def check_xls(path: Path, size: int) -> int:
    """Refuse what would make calamine allocate without bound (it reads every sheet of an .xls when the file is
    opened); the number of merged ranges, for the caller to judge."""
    if _is_encrypted_ooxml(path):
        raise EncryptedSpreadsheetError(name=path.name)
    if size > MAX_XLS_BYTES:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{size / 2**20:.0f} MB for an .xls")
    try:
        return _check_biff(path, CompoundFile(path, path.read_bytes()).workbook())
    except (struct.error, IndexError, ValueError) as exc:  # a structure cut short: calamine fails on it too
        raise BrokenSpreadsheetError(name=path.name) from exc


def _is_encrypted_ooxml(path: Path) -> bool:
    """Password-protected .xlsx files are OLE containers holding an "EncryptedPackage" stream."""
    with path.open("rb") as fh:
        data = fh.read(1 << 20)
    return "EncryptedPackage".encode("utf-16-le") in data


def _check_biff(path: Path, stream: bytes) -> int:
    """Walk the records as calamine does: the globals for the sheets' positions, then each sheet from its BOF for
    the grid its cells span and the room its DIMENSIONS record makes calamine reserve; the merged ranges counted."""
    positions = _biff_sheet_positions(path, stream)
    cells = merges = 0
    for position in positions:
        grid, count = _biff_sheet(path, stream, position)
        cells, merges = cells + grid, merges + count
    check_grid(path, "xls", cells)
    return merges


def _biff_sheet_positions(path: Path, stream: bytes) -> list[int]:
    positions: set[int] = set()
    position, end = 0, len(stream)
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        body, position = position + 4, position + 4 + length
        if position > end:
            break
        if kind == BIFF_FILEPASS:
            raise EncryptedSpreadsheetError(name=path.name)
        if kind == BIFF_BOUNDSHEET and length >= 4:
            positions.add(struct.unpack_from("<I", stream, body)[0])
        elif kind == BIFF_EOF:
            break
    if len(positions) > MAX_SHEETS:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{len(positions):,} sheets")
    return sorted(positions)


_BIFF_HEAD = struct.Struct("<4H")  # a record's type and length, then a cell record's row and column


def _biff_sheet(path: Path, stream: bytes, position: int) -> tuple[int, int]:
    """(grid cells, merged ranges) of the sheet whose BOF is at `position`; nested substreams (charts) skipped.
    The loop is written for speed: a 65,536-row sheet has a million records."""
    top = left = 1 << 40
    bottom = right = -1
    merges = depth = 0
    seen_bof = False
    end = len(stream)
    head, cells = _BIFF_HEAD.unpack_from, BIFF_CELLS
    while position + 8 <= end:
        kind, length, row, column = head(stream, position)
        body = position + 4
        position = body + length
        if depth:
            depth += 1 if kind == BIFF_BOF else -1 if kind == BIFF_EOF else 0
            continue
        if kind in cells or kind == BIFF_MULRK:
            last = column + max(0, (length - 6) // 6 - 1) if kind == BIFF_MULRK else column
            if row < top:
                top = row
            if row > bottom:
                bottom = row
            if column < left:
                left = column
            if last > right:
                right = last
        elif position > end or kind == BIFF_EOF:
            break
        elif kind == BIFF_DIMENSIONS:
            _check_dimensions(path, stream[body:position])
        elif kind == BIFF_MERGES and length >= 2:
            merges += struct.unpack_from("<H", stream, body)[0]
        elif kind == BIFF_BOF:
            depth, seen_bof = (1, True) if seen_bof else (0, True)
    return (0 if bottom < 0 else (bottom - top + 1) * (right - left + 1)), merges


def _check_dimensions(path: Path, body: bytes) -> None:
    """Calamine reserves rows × columns cells for a sheet's DIMENSIONS record, with 32-bit wrap-around: a claim
    larger than any .xls can hold is damage (an 11 PB reservation aborts the process)."""
    if len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<4H", body)
    elif len(body) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    else:
        return
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row < 1 or last_col < 1:
        return
    rows = (last_row - first_row) & 0xFFFFFFFF
    columns = (last_col - first_col) & 0xFFFFFFFF
    if rows * columns > BIFF8_CELLS:
        raise BrokenSpreadsheetError(name=path.name)

