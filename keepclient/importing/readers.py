"""Reading spreadsheets as they come: .xlsx/.xlsm/.ods/.xls through python-calamine (about 13 times faster than
openpyxl here), .csv/.txt in whatever encoding and delimiter they were saved with.

The file's first bytes decide how it is read, not its name (an .xls renamed .xlsx still reads). Hostile or broken
files are refused before anything large is unpacked or allocated: calamine holds a sheet as a dense grid and trusts
the counts a file declares (a 14-byte change to an .xls, or a shared-string count in an .xlsx, makes it abort the
whole process), so each format is measured first from its own structure: archives whose declared sizes or ratios
are bombs, sheets whose cells span billions of grid cells, declared counts no file of that size can hold, .ods
repeats that multiply a few bytes into gigabytes, password-protected workbooks. Text is read as a stream, never
whole. Every failure is one typed ImportFileError.

A value merged down over several rows (a company over its contacts' rows in a 台账) is carried onto every row of
the merge; merges within one row (titles) are left as they are.

This module is the entry point; the work is done in: sheet_rows (rows as kept), text_sheets (text files),
calamine_books (calamine and its grid), merged_cells, zip_members (the archive of an .xlsx or .ods), and the
guards of each format: xlsx_guards, ods_guards, xls_guards with ole_container.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keepclient.domain.errors import (
    BrokenSpreadsheetError,
    EmptySheetError,
    ImportFileError,
    NotASpreadsheetError,
)
from keepclient.importing.calamine_books import calamine_errors, check_grid, open_book
from keepclient.importing.merged_cells import calamine_merges, carried_down
from keepclient.importing.ods_guards import check_ods
from keepclient.importing.sheet_rows import Sheet, trimmed_sheet
from keepclient.importing.text_sheets import decode_text, read_text, text_format
from keepclient.importing.xls_guards import check_xls
from keepclient.importing.xlsx_guards import check_shared_strings, check_xlsx_sheet
from keepclient.importing.zip_members import ZIP_ERRORS, check_sizes

__all__ = ["MAX_MERGES", "Sheet", "Spreadsheet", "decode_text", "open_spreadsheet"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MERGES = 100_000  # more merged ranges than this are not carried down (a list of them costs ~250 bytes each)


@dataclass
class Spreadsheet:
    """An opened file: its sheet names, and for text its encoding and delimiter. Sheets are read on demand."""

    path: Path
    kind: str  # "workbook" or "text"
    sheet_names: list[str]
    encoding: str = ""
    delimiter: str = ""
    _book: Any = None
    _format: str = ""  # "xlsx", "xls", "ods" or "text"
    _ods_merges: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    _merges_readable: bool = True  # False when a file holds more merged ranges than are worth carrying down

    def read(self, sheet: str | None = None) -> Sheet:
        """All rows of `sheet` (the first when None), trailing blanks trimmed, merged values carried down."""
        if not self.sheet_names:
            raise BrokenSpreadsheetError(name=self.path.name)
        name = sheet or self.sheet_names[0]
        if name not in self.sheet_names:
            raise ImportFileError(name=self.path.name, reason=f"there is no sheet named {name!r}.")
        if self.kind == "text":
            return read_text(self.path, name, self.encoding, self.delimiter)
        return self._read_workbook_sheet(name)

    def close(self) -> None:
        """Release calamine's workbook (its errors typed like any other)."""
        if self._book is not None:
            book, self._book = self._book, None
            with calamine_errors(self.path):
                book.close()

    def _read_workbook_sheet(self, name: str) -> Sheet:
        merges_readable = self._merges_readable
        if self._format == "xlsx":
            merges_readable = check_xlsx_sheet(self.path, name) <= MAX_MERGES
        with calamine_errors(self.path):
            sheet = self._book.get_sheet_by_name(name)
            check_grid(self.path, self._format, sheet.height, sheet.width)  # for what no check could foresee
            if sheet.start is None:
                raise EmptySheetError(name=self.path.name, sheet=name)
            rows: Iterator[list[Any]] = sheet.iter_rows()
            merges = self._ods_merges.get(name, []) if self._format == "ods" else (
                calamine_merges(sheet) if merges_readable else [])
            if merges:
                rows = carried_down(rows, merges, sheet.start[1])
            return trimmed_sheet(name, rows, self.path)


def open_spreadsheet(path: str | Path) -> Spreadsheet:
    """The file's sheets, checked and ready to read; any problem with it is an ImportFileError."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        size = path.stat().st_size
        if size == 0:
            raise NotASpreadsheetError(name=path.name)
        if head.startswith(ZIP_MAGIC):
            return _open_archive(path)
        if head.startswith(OLE_MAGIC):
            merges_readable = check_xls(path, size) <= MAX_MERGES
            return _open_workbook(path, "xls", _merges_readable=merges_readable)
        encoding, delimiter = text_format(path, size)
        return Spreadsheet(path, "text", [path.stem], encoding=encoding, delimiter=delimiter, _format="text")
    except OSError as exc:  # the file went away, or a network share failed, while it was read
        raise ImportFileError(name=path.name, reason=f"{exc.strerror or exc}.") from exc


def _open_workbook(path: Path, kind: str, **checked: Any) -> Spreadsheet:
    book, names = open_book(path)
    return Spreadsheet(path, "workbook", names, _book=book, _format=kind, **checked)


def _open_archive(path: Path) -> Spreadsheet:
    """Refuse zip bombs from the archive's own directory, then measure the workbook before calamine opens it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            check_sizes(path, members)
            names = {m.filename for m in members}
            checked: dict[str, Any] = {}
            if "xl/workbook.xml" in names:
                check_shared_strings(path, archive, members)
                kind = "xlsx"
            elif "content.xml" in names:
                kind, checked = "ods", {"_ods_merges": check_ods(path, archive, MAX_MERGES)}
            else:
                raise NotASpreadsheetError(name=path.name)  # a .docx, a .zip of photos...
    except ZIP_ERRORS as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc
    return _open_workbook(path, kind, **checked)
