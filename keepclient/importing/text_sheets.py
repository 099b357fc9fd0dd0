"""Text files (.csv, .txt) in whatever encoding and delimiter they were saved with: BOMs, strict UTF-8, else the
likeliest legacy encoding in use here. The file is read as a stream, never whole, and each line is bounded.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from keepclient.domain.errors import ImportFileError, NotASpreadsheetError, OversizedSpreadsheetError
from keepclient.importing.sheet_rows import Sheet, trimmed_sheet

MAX_TEXT_BYTES = 256 << 20
MAX_LINE_CHARS = 1 << 20  # one line of a text file; its fields are each at most csv.field_size_limit()
DETECT_BYTES = 1 << 20  # the part of a text file that decides a legacy encoding
SNIFF_CHARS = 8192  # csv.Sniffer is quadratic on some text (21 s for 64 KB of ',"a'); 8 KB is 0.3 s at worst
LEGACY_ENCODINGS = ["gb18030", "big5", "cp1252", "shift_jis", "euc_kr", "cp1251"]

_LATIN_WORD_BROKEN = re.compile(r"[A-Za-z][\u3400-\u9fff][a-z]")  # "M黮ler": Windows-1252 misread as GB18030
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then strict UTF-8, then the best of the legacy encodings in use here.
    Bytes the chosen encoding cannot decode become U+FFFD."""
    encoding = _bom_encoding(data) or ("utf-8" if _is_utf8([data]) else _legacy_encoding(data[:DETECT_BYTES]))
    return data.decode(encoding, errors="replace"), encoding


def _bom_encoding(head: bytes) -> str:
    return next((encoding for bom, encoding in _BOMS if head.startswith(bom)), "")


def _is_utf8(chunks: Iterable[bytes]) -> bool:
    """Whether the byte chunks together are strict UTF-8, decoded piece by piece (nothing kept)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _legacy_encoding(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=LEGACY_ENCODINGS).best()
    guess = best.encoding if best else "gb18030"
    chinese = guess.replace("-", "_") in ("gb18030", "gbk", "gb2312", "big5")
    if chinese and _LATIN_WORD_BROKEN.search(sample.decode(guess, errors="replace")):
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return guess


def _file_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(size):
            yield chunk


def text_format(path: Path, size: int) -> tuple[str, str]:
    """(encoding, delimiter) of a text file, decided from its start; the rows are read later, as a stream."""
    if size > MAX_TEXT_BYTES:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{size / 2**20:.0f} MB of text")
    try:
        with path.open("rb") as fh:
            head = fh.read(DETECT_BYTES)
        if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise NotASpreadsheetError(name=path.name)
        encoding = _bom_encoding(head) or ("utf-8" if _is_utf8(_file_chunks(path)) else _legacy_encoding(head))
    except OSError as exc:
        raise ImportFileError(name=path.name, reason=f"{exc.strerror or exc}.") from exc
    return encoding, _delimiter(head[:4 * SNIFF_CHARS].decode(encoding, errors="replace"))


def _delimiter(text: str) -> str:
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[:sample.rindex("\n") + 1]  # whole lines only
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if sample.count("\t") > sample.count(",") else ","


def _lines(text: IO[str], path: Path) -> Iterator[str]:
    """Physical lines, each at most MAX_LINE_CHARS long: a megabyte of delimiters would be a million fields."""
    while line := text.readline(MAX_LINE_CHARS):
        if len(line) >= MAX_LINE_CHARS and line[-1] not in "\r\n":
            raise OversizedSpreadsheetError(
                name=path.name, reason=f"a line longer than {MAX_LINE_CHARS:,} characters")
        yield line


def read_text(path: Path, name: str, encoding: str, delimiter: str) -> Sheet:
    """Rows of a text file, read as a stream (the file is never held whole, nor its rows twice)."""
    reader = None
    try:
        with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="") as text:
            reader = csv.reader(_lines(text, path), delimiter=delimiter)
            return trimmed_sheet(name, reader, path)
    except csv.Error as exc:
        line = reader.line_num if reader is not None else 0
        if "field larger than field limit" in str(exc):
            limit = csv.field_size_limit()
            raise OversizedSpreadsheetError(name=path.name, reason=f"a cell before line {line:,} is longer than "
                                            f"{limit:,} characters; perhaps a quotation mark is never closed") from exc
        reason = f"line {line:,} cannot be read as {encoding} text ({exc})."
        raise ImportFileError(name=path.name, reason=reason) from exc
    except OSError as exc:
        raise ImportFileError(name=path.name, reason=f"{exc.strerror or exc}.") from exc
