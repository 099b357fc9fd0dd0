"""The OLE compound file around an .xls, read exactly as calamine reads it, so that what would make calamine loop or
allocate without end (a sector chain that runs in a circle, header counts the file cannot hold) is refused first.
"""

from __future__ import annotations

import array
import struct
import sys
from pathlib import Path
from typing import Any

from keepclient.domain.errors import BrokenSpreadsheetError, NotASpreadsheetError

END_OF_CHAIN, LAST_SECTOR_ID, DIFAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFA, 0xFFFFFFFC


def _u32s(data: bytes) -> array.array[int]:
    """Little-endian 32-bit numbers; a cut-off last one is dropped, as calamine drops it."""
    numbers = array.array("I")
    numbers.frombytes(data[:len(data) // 4 * 4])
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class CompoundFile:
    """The compound file around an .xls, read exactly as calamine reads it, to find what would make calamine loop
    or allocate without end before calamine does: a chain of sectors that runs in a circle (calamine follows the
    directory's chain until it ends, a million times round a loop of one sector), sector counts in the header
    that the file cannot hold. Yields the workbook stream for the record checks."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        if len(data) < 512 or struct.unpack_from("<H", data, 30)[0] not in (9, 12):
            raise BrokenSpreadsheetError(name=path.name)
        self.size = 1 << struct.unpack_from("<H", data, 30)[0]
        self.data = data
        self.last_id = len(data) // self.size
        fat, mini_fat, difat = (struct.unpack_from("<I", data, offset)[0] for offset in (44, 64, 72))
        calamine_difat = struct.unpack_from("<I", data, 62)[0]  # calamine reserves this many entries up front
        if max(fat, mini_fat, difat) > self.last_id + 1 or calamine_difat > 1 << 24:
            raise BrokenSpreadsheetError(name=path.name)
        self.fat = self._fat()
        self._refuse_loops()

    def _sector(self, sector: int) -> bytes:
        if sector > self.last_id:
            raise BrokenSpreadsheetError(name=self.path.name)
        start = (sector + 1) * self.size  # the header fills the first sector
        return self.data[start:start + self.size]

    def _ids(self, sector: int) -> array.array[int]:
        return _u32s(self._sector(sector))

    def _fat(self) -> array.array[int]:
        """The FAT from the sectors the DIFAT lists: 109 in the header, the rest in a chain of DIFAT sectors,
        each ending with the next one's id (a chain calamine follows for as long as it goes)."""
        difat = _u32s(self.data[76:512])
        sector, steps = struct.unpack_from("<I", self.data, 68)[0], 0
        while sector < LAST_SECTOR_ID:
            steps += 1
            if steps > self.last_id + 1:
                raise BrokenSpreadsheetError(name=self.path.name)
            difat.extend(self._ids(sector))
            sector = difat.pop()
        fat = array.array("I")
        for sector in difat:
            if sector < DIFAT_SECTOR:
                fat.extend(self._ids(sector))
        return fat

    def _refuse_loops(self) -> None:
        """No chain of the FAT may come back on itself (in a real file every chain ends)."""
        fat, state = self.fat, bytearray(len(self.fat))  # 0 not seen, 1 on the path being followed, 2 ends
        for first in range(len(fat)):
            path, sector = [], first
            while sector < len(fat) and not state[sector]:
                state[sector] = 1
                path.append(sector)
                sector = fat[sector]
            if sector < len(fat) and state[sector] == 1:
                raise BrokenSpreadsheetError(name=self.path.name)
            for seen in path:
                state[seen] = 2

    def _chain(self, sector: int, length: int, table: array.array[int], read: Any) -> bytes:
        """Up to `length` bytes of the sectors chained from `sector` in `table`; a chain longer than its table
        runs in a circle."""
        out = bytearray()
        for _step in range(len(table) + 1):
            if sector == END_OF_CHAIN or len(out) >= length:
                return bytes(out)
            out += read(sector)[:length - len(out)]
            if sector >= len(table):
                raise BrokenSpreadsheetError(name=self.path.name)
            sector = table[sector]
        raise BrokenSpreadsheetError(name=self.path.name)

    def workbook(self) -> bytes:
        """The "Workbook" stream (or "Book", BIFF5), from the FAT or, under 4,096 bytes, from the mini stream."""
        entries = self._chain(struct.unpack_from("<I", self.data, 48)[0], 1 << 62, self.fat, self._sector)
        directory: dict[str, tuple[int, int]] = {}
        for offset in range(0, len(entries) - 127, 128):
            name = entries[offset:offset + 64].decode("utf-16-le", "replace").split("\0")[0]
            start, length = struct.unpack_from("<II" if self.size == 512 else "<IQ", entries, offset + 116)
            directory.setdefault(name, (start, length))
        if not directory:
            raise BrokenSpreadsheetError(name=self.path.name)
        found = next((directory[n] for n in ("Workbook", "Book", "WORKBOOK", "BOOK") if n in directory), None)
        if found is None:
            raise NotASpreadsheetError(name=self.path.name)  # a .doc, a .msg...
        start, length = found
        if length >= 4096:
            return self._chain(start, length, self.fat, self._sector)
        root_start, root_length = next(iter(directory.values()))
        mini_stream = self._chain(root_start, root_length, self.fat, self._sector)
        mini_fat = _u32s(self._chain(struct.unpack_from("<I", self.data, 60)[0],
                                     struct.unpack_from("<I", self.data, 64)[0] * self.size, self.fat, self._sector))
        return self._chain(start, length, mini_fat, lambda s: mini_stream[s * 64:s * 64 + 64])

