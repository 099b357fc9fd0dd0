"""Reading the zip archive of an .xlsx or .ods without trusting it: bombs refused from the archive's own
directory (declared sizes and ratios), members streamed in bounded pieces that a regex can scan.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from keepclient.domain.errors import OversizedSpreadsheetError

MAX_UNPACKED = 1 << 30  # 1 GiB of XML is far beyond any contact list
MAX_RATIO = 150  # real sheets compress 5-20 times; bombs thousands of times

# Exceptions the standard library raises for a damaged archive or member, anywhere while reading it.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, KeyError,
              IndexError, RuntimeError, NotImplementedError, struct.error, UnicodeDecodeError)


def check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a bomb from the sizes the archive declares, before any member is inflated."""
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise OversizedSpreadsheetError(name=path.name, reason=f"{total / 2**30:.1f} GiB when unpacked")
    for member in members:
        if member.file_size > (1 << 20) and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise OversizedSpreadsheetError(
                name=path.name, reason=f"{member.filename} unpacks {member.file_size // max(member.compress_size, 1)}"
                f" times larger than it is stored")


def member_chunks(archive: zipfile.ZipFile, member: str, size: int = 1 << 20) -> Iterator[bytes]:
    """A member inflated `size` bytes at a time, so it is never held whole."""
    with archive.open(member) as stream:
        while chunk := stream.read(size):
            yield chunk


def xml_pieces(chunks: Iterator[bytes], path: Path, end: bytes = b">", limit: int = 64 << 20) -> Iterator[bytes]:
    """Pieces of an XML stream that each end just after `end` (a tag's '>', or a row's end tag), so a regex never
    sees half a tag or half a row. More than `limit` bytes without `end` is refused."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        cut = chunk.rfind(end)
        if cut < 0:
            if size > limit:
                raise OversizedSpreadsheetError(name=path.name, reason=f"over {limit >> 20} MB of XML in one piece")
            continue
        data = b"".join(parts)
        cut += len(data) - len(chunk) + len(end)
        yield data[:cut]
        parts, size = [data[cut:]], len(data) - cut
    if size:
        yield b"".join(parts)

