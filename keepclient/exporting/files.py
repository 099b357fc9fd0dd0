"""Writing a file so that a failure never leaves half of it: the one helper lives in keepclient/db/files.py (the
database copy needs it too); exporters import it from here or from there."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

from keepclient.db.files import replaced_atomically, sync_path, synced, written_atomically
from keepclient.domain.errors import StorageError

__all__ = ["discard_workbook", "replaced_atomically", "save_workbook", "sync_path", "synced", "written_atomically"]


def save_workbook(book: Any, path: Path) -> None:
    """Save an openpyxl workbook whole (written_atomically); when that fails its sheets are discarded quietly.

    The zip is built in memory (the compressed file: a few MB for 100,000 customers) and then written: a zip
    writer that fails half-way on the disk stays open and fails again when garbage-collected, printing a
    traceback under the one-line error.
    """
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except BaseException as exc:
        discard_workbook(book)
        if isinstance(exc, OSError):  # openpyxl's temporary sheet files met the full disk
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
        raise
    with written_atomically(path) as fh:
        fh.write(buffer.getbuffer())


def discard_workbook(book: Any) -> None:
    """Close and remove the temporary files openpyxl's write-only sheets stream into. After a failure (a full
    disk) their generators would otherwise fail again when garbage-collected and print a traceback under the
    one-line error, and the temporary files would stay until the process ends."""
    for sheet in getattr(book, "_sheets", ()):
        writer = getattr(sheet, "_writer", None)
        for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
        if writer is not None and isinstance(getattr(writer, "out", None), str):
            with contextlib.suppress(Exception):
                writer.cleanup()
