"""Writing a file so that a failure never leaves half of it: written beside the target, then moved over it."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from keepclient.domain.errors import StorageError


@contextlib.contextmanager
def replaced_atomically(path: Path) -> Iterator[Path]:
    """Yields a temporary path beside `path`, moved over `path` when the block ends well. A disk that refuses
    (a missing or read-only folder, a full disk) is a StorageError naming `path`; the temporary file never stays."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def synced(fh: BinaryIO) -> None:
    """Flush a file to the disk before it is moved into place."""
    fh.flush()
    os.fsync(fh.fileno())
