"""Reading spreadsheets as they come: .xlsx/.xlsm/.ods/.xls through python-calamine (about 13 times faster than
openpyxl here), .csv/.txt in whatever encoding and delimiter they were saved with.

The file's first bytes decide how it is read, not its name (an .xls renamed .xlsx still reads). Hostile or broken
files are refused before anything large is unpacked: archives whose declared sizes or ratios are bombs, sheets
that claim billions of cells, password-protected workbooks. Every failure is one typed ImportFileError.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keepclient.domain.errors import (
    BrokenSpreadsheetError,
    EmptySheetError,
    EncryptedSpreadsheetError,
    ImportFileError,
    NotASpreadsheetError,
    OversizedSpreadsheetError,
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED = 1 << 30  # 1 GiB of XML is far beyond any contact list
MAX_RATIO = 150  # real sheets compress 5-20 times; bombs thousands of times
MAX_CELLS = 50_000_000
MAX_COLUMNS = 1024
BLANK_RUN_END = 1000  # this many blank rows in a row end the data (a stray cell far below does not count)
MAX_TEXT_BYTES = 512 << 20


@dataclass
class Sheet:
    """Rows of one sheet as plain values (str, float, int, date, datetime, bool), with their row numbers."""

    name: str
    rows: list[list[Any]]
    numbers: list[int]  # 1-based row number in the file of each row


@dataclass
class Spreadsheet:
    path: Path
    kind: str  # "workbook" or "text"
    sheet_names: list[str]
    encoding: str = ""
    delimiter: str = ""
    _book: Any = None
    _text: str = ""

    def read(self, sheet: str | None = None) -> Sheet:
        """All rows of `sheet` (the first when None), trailing blanks trimmed."""
        name = sheet or self.sheet_names[0]
        if name not in self.sheet_names:
            raise ImportFileError(name=self.path.name, reason=f"there is no sheet named {name!r}.")
        if self.kind == "text":
            rows = list(csv.reader(io.StringIO(self._text), delimiter=self.delimiter))
            return _trimmed(name, iter(rows), self.path)
        return _read_workbook_sheet(self._book, name, self.path)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def open_spreadsheet(path: str | Path) -> Spreadsheet:
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(name=path.name, reason=f"{exc.strerror or exc}.") from exc
    if size == 0:
        raise NotASpreadsheetError(name=path.name)
    if head.startswith(ZIP_MAGIC):
        _check_archive(path)
        return _open_workbook(path)
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_ooxml(path):
            raise EncryptedSpreadsheetError(name=path.name)
        return _open_workbook(path)
    return _open_text(path, size)


def _check_archive(path: Path) -> None:
    """Refuse zip bombs from the archive's own directory, before a single byte is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{total / 2**30:.1f} GiB when unpacked")
    for member in members:
        if member.file_size > (1 << 20) and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise OversizedSpreadsheetError(
                name=path.name, reason=f"{member.filename} unpacks {member.file_size // max(member.compress_size, 1)}"
                f" times larger than it is stored")
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and "content.xml" not in names:
        raise NotASpreadsheetError(name=path.name)  # a .docx, a .zip of photos...


def _is_encrypted_ooxml(path: Path) -> bool:
    """Password-protected .xlsx files are OLE containers holding an "EncryptedPackage" stream."""
    with path.open("rb") as fh:
        data = fh.read(1 << 20)
    return "EncryptedPackage".encode("utf-16-le") in data


def _open_workbook(path: Path) -> Spreadsheet:
    import python_calamine as calamine

    try:  # from the content, not the name: an .xls renamed .xlsx must still read
        with path.open("rb") as fh:
            book = calamine.CalamineWorkbook.from_filelike(fh)
    except calamine.PasswordError as exc:
        raise EncryptedSpreadsheetError(name=path.name) from exc
    except Exception as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc
    return Spreadsheet(path, "workbook", list(book.sheet_names), _book=book)


_SHEET = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _xlsx_extent(path: Path, name: str) -> tuple[int, int] | None:
    """(rows, columns) the cells of sheet `name` span, read from its XML in chunks before calamine allocates a
    grid of that size (a stray cell at XFD1048576 would make it allocate billions of cells)."""
    import html

    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return None
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
        targets = {rid: target for rid, target in _REL.findall(rels)}
        targets.update({rid: target for target, rid in _REL_REVERSED.findall(rels)})
        rid = next((r for n, r in _SHEET.findall(workbook) if html.unescape(n.decode()) == name), None)
        target = targets.get(rid) if rid else None
        if not target:
            return None
        member = target.decode().lstrip("/")
        member = member if member.startswith("xl/") else f"xl/{member}"
        if member not in names:
            return None
        rows = cols = 0
        tail = b""
        with archive.open(member) as stream:
            while chunk := stream.read(1 << 20):
                data = tail + chunk
                for letters, digits in _CELL_REF.findall(data):
                    cols = max(cols, _column_number(letters))
                    rows = max(rows, int(digits))
                tail = data[-32:]
        return rows, cols


def _read_workbook_sheet(book: Any, name: str, path: Path) -> Sheet:
    extent = _xlsx_extent(path, name) if zipfile.is_zipfile(path) else None
    if extent and extent[1] > MAX_COLUMNS and extent[0] * extent[1] > MAX_CELLS:
        raise OversizedSpreadsheetError(
            name=path.name, reason=f"the sheet claims {extent[0]:,} rows × {extent[1]:,} columns")
    try:
        sheet = book.get_sheet_by_name(name)
        if sheet.width > MAX_COLUMNS and sheet.height * sheet.width > MAX_CELLS:
            raise OversizedSpreadsheetError(
                name=path.name, reason=f"the sheet claims {sheet.height:,} rows × {sheet.width:,} columns")
        return _trimmed(name, sheet.iter_rows(), path)
    except ImportFileError:
        raise
    except Exception as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc


SHARED_TEXT_LENGTH = 12


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shared(text: str, shared: dict[str, str]) -> str:
    return shared.setdefault(text, text) if len(text) <= SHARED_TEXT_LENGTH else text


def _trimmed(name: str, rows: Iterator[list[Any]], path: Path) -> Sheet:
    """Rows without trailing blank cells; leading and trailing blank rows dropped; a long blank run ends data.

    Short texts are shared: a column of cities, titles or tiers repeats a few values 100,000 times, and one string
    object per cell cost about 40 MB on the benchmark sheet.
    """
    shared: dict[str, str] = {}
    kept: list[list[Any]] = []
    numbers: list[int] = []
    blank_run = 0
    for number, row in enumerate(rows, start=1):
        if len(row) > MAX_COLUMNS:
            row = row[:MAX_COLUMNS]
        end = len(row)
        while end and _blank(row[end - 1]):
            end -= 1
        if not end:
            blank_run += 1
            if kept and blank_run >= BLANK_RUN_END:
                break
            if kept:
                kept.append([])
                numbers.append(number)
            continue
        blank_run = 0
        kept.append([_shared(v.strip(), shared) if isinstance(v, str) else v for v in row[:end]])
        numbers.append(number)
    while kept and not kept[-1]:
        kept.pop()
        numbers.pop()
    if not kept:
        raise EmptySheetError(name=path.name, sheet=name)
    return Sheet(name, kept, numbers)


# -- text files -------------------------------------------------------------------------------------------
_LATIN_WORD_BROKEN = re.compile(r"[A-Za-z][\u3400-\u9fff][a-z]")  # "M黮ler": Windows-1252 misread as GB18030


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then strict UTF-8, then the best of the legacy encodings in use here."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    candidates = ["gb18030", "big5", "cp1252", "shift_jis", "euc_kr", "cp1251"]
    best = from_bytes(data[:1 << 20], cp_isolation=candidates).best()
    guess = best.encoding if best else "gb18030"
    if guess.replace("-", "_") in ("gb18030", "gbk", "gb2312", "big5"):
        text = data.decode(guess, errors="replace")
        if _LATIN_WORD_BROKEN.search(text):
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        return text, guess
    return data.decode(guess, errors="replace"), guess


def _open_text(path: Path, size: int) -> Spreadsheet:
    if size > MAX_TEXT_BYTES:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{size / 2**20:.0f} MB of text")
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotASpreadsheetError(name=path.name)
    text, encoding = decode_text(data)
    sample = text[:65536]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return Spreadsheet(path, "text", [path.stem], encoding=encoding, delimiter=delimiter, _text=text)
