"""Whole files only: every file keepclient writes (backups, exports, reports, PDFs) goes through here.

A file is written under a hidden temporary name beside its target (same folder, so same disk), flushed to the
disk, and only then renamed over the target. A crash, a kill or a full disk therefore leaves the old file or the
new one, never half of one; the temporary file is removed on failure (after a kill it stays under its hidden
`.name.xxxxxxxx.tmp` name, which nothing lists or opens).

It lives in the db layer because the database copy (db/migrations.copy_database) needs it too; exporting,
services and printing import it from here.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from keepclient.domain.errors import StorageError, TargetExistsError

TEMP_SUFFIX = ".tmp"


def temp_path_for(path: Path) -> Path:
    """A hidden, unique name beside `path`: same folder, so the final rename never crosses disks."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")


def synced(fh: IO[Any]) -> None:
    """Flush a file to the disk before it is moved into place."""
    fh.flush()
    os.fsync(fh.fileno())


def sync_path(path: Path) -> None:
    """fsync a file that some library wrote by name (SQLite, Qt, openpyxl), so its bytes are on the disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows needs write access to flush
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows and some network file systems cannot, which is fine."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def replaced_atomically(path: Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yields a temporary path beside `path`; when the block ends well the file there is synced to the disk and
    moved over `path`. A disk that refuses (a missing or read-only folder, a full disk) is a StorageError naming
    `path`; the temporary file never stays. With overwrite=False an existing `path` is a TargetExistsError."""
    path = Path(path)
    temp = temp_path_for(path)
    try:
        if not overwrite and path.exists():
            raise TargetExistsError(path=str(path))
        yield temp
        sync_path(temp)
        if not overwrite and path.exists():  # appeared while we wrote: never replace someone's file
            raise TargetExistsError(path=str(path))
        os.replace(temp, path)
        sync_folder(path.parent)
    except OSError as exc:
        raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    finally:
        remove_quietly(temp, *(temp.with_name(temp.name + side) for side in ("-journal", "-wal", "-shm")))


@contextlib.contextmanager
def written_atomically(path: Path, mode: str = "xb", **open_args: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside `path` for writing; it is synced and moved over `path` when the block ends
    well (see replaced_atomically). The file is opened first, so a bad folder fails before any work is done."""
    with replaced_atomically(path) as temp, temp.open(mode, **open_args) as fh:
        yield fh
        synced(fh)
