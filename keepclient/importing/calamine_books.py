"""Workbooks through python-calamine, and what it costs: its errors (and Rust panics) as typed ImportFileErrors,
and the grid it would hold for a sheet measured before it is built.

Calamine holds a sheet as a dense grid and trusts the counts a file declares, so every format's guard measures the
grid first and refuses it here, in one place, with one cost per grid cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from keepclient.domain.errors import (
    BrokenSpreadsheetError,
    EncryptedSpreadsheetError,
    ImportFileError,
    OversizedSpreadsheetError,
)

MAX_GRID_BYTES = 200 << 20  # calamine's grid of a sheet (of all sheets at once for .xls and .ods)
GRID_CELL_BYTES = {"xlsx": 32, "xls": 64, "ods": 64}  # measured cost of one grid cell in calamine, by format
MAX_SHEETS = 1024


@contextmanager
def calamine_errors(path: Path) -> Iterator[None]:
    """Calamine's own errors, and its Rust panics (PanicException is a BaseException), as typed errors."""
    import python_calamine as calamine

    try:
        yield
    except ImportFileError:
        raise
    except calamine.PasswordError as exc:
        raise EncryptedSpreadsheetError(name=path.name) from exc
    except Exception as exc:
        raise BrokenSpreadsheetError(name=path.name) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise BrokenSpreadsheetError(name=path.name) from exc


def open_book(path: Path) -> tuple[Any, list[str]]:
    """(calamine workbook, sheet names) of a file already checked; read from the content, not the name."""
    import python_calamine as calamine

    with calamine_errors(path), path.open("rb") as fh:
        book = calamine.CalamineWorkbook.from_filelike(fh)
        names = list(book.sheet_names)
    return book, names


def check_grid(path: Path, kind: str, rows: int, columns: int = 1) -> None:
    """Refuse a grid (rows × columns, or a number of cells) that calamine would hold in more than MAX_GRID_BYTES."""
    if rows * columns * GRID_CELL_BYTES.get(kind, 64) > MAX_GRID_BYTES:
        claim = f"{rows:,} rows × {columns:,} columns" if columns > 1 else f"{rows:,} cells"
        raise OversizedSpreadsheetError(name=path.name, reason=f"the sheet claims {claim}")
