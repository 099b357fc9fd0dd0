"""Moving a team's database file to a prepared team server (issue 19): every record of the data model's tables
copied in one server transaction, then each table's row count and checksum compared on both sides. The file is
only read (a read-only connection; it is not upgraded or backed up either), so a move that fails or is refused
leaves both the file and the server as they were.

Copied: the team, customers, contacts, visits and series, feedback, purchases, tags, gifts, settings, the change
log and the import history; colleagues' presence heartbeats are not (they are minutes old). The checksum of a
table is SHA-256 over its rows in id order, each value as the model's field reads it (a day, a time, a number, a
truth; a decimal without trailing zeros), so the two engines' own ways of storing them do not matter. The server's
columns are as wide as SQLite's (db/server.FIELD_TYPES): the checksum found peewee's default 7-digit REAL.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import (
    BooleanField,
    DateField,
    DateTimeField,
    DecimalField,
    Field,
    FloatField,
    Model,
    PeeweeException,
    TimeField,
)

from keepclient.db import migrations
from keepclient.db.connection import inspect_file, read_only_uri, sqlite_errors_translated
from keepclient.db.models import ALL_MODELS, Presence, SchemaInfo
from keepclient.db.server import SERVER_LAYOUT, connect, driver_reason, shown_url, stamp_of
from keepclient.domain.errors import (
    DatabaseMissingError,
    ForeignDatabaseError,
    SchemaTooNewError,
    ServerCopyFailedError,
    ServerCopyMismatchError,
    ServerHoldsDataError,
    ServerNotPreparedError,
    StaleFileSchemaError,
)

MOVED: tuple[type[Model], ...] = tuple(m for m in ALL_MODELS if m not in (SchemaInfo, Presence))
Progress = Callable[[str, int], None]  # (table, rows copied so far)


@dataclass(frozen=True)
class MovedTable:
    table: str
    rows: int
    checksum: str  # hex SHA-256, the same on both sides


def _columns(model: type[Model]) -> list[str]:
    return [field.column_name for field in model._meta.sorted_fields]


class _Sum:
    """The row count and SHA-256 of a table's rows (in the model's column order, by id), each value read as the
    model's field reads it. Only the kinds the two engines give back differently are read (days and times: text
    in SQLite; truths: 0 and 1; decimals: trailing zeros); text and whole numbers come back alike."""

    def __init__(self, model: type[Model]) -> None:
        self.readers = [(index, _reader(field)) for index, field in enumerate(model._meta.sorted_fields)
                        if isinstance(field, _READ)]
        self.digest = hashlib.sha256()
        self.rows = 0

    def add(self, row: Sequence[Any]) -> None:
        values = list(row)
        for index, read in self.readers:
            values[index] = read(values[index])
        self.digest.update(repr(values).encode())
        self.rows += 1

    def result(self) -> tuple[int, str]:
        return self.rows, self.digest.hexdigest()


_READ = (DateTimeField, DateField, TimeField, BooleanField, DecimalField, FloatField)


def _reader(field: Field) -> Callable[[Any], Any]:
    """How a value of `field` is read for the checksum: as the field reads it; a decimal also without its trailing
    zeros (SQLite gives a quantity of 3 as 3, PostgreSQL's numeric(14,3) as 3.000)."""
    read = field.python_value
    if isinstance(field, DecimalField):
        return lambda value: None if value is None else read(value).normalize()
    return read


def _checksum(model: type[Model], rows: Iterable[Sequence[Any]]) -> tuple[int, str]:
    summed = _Sum(model)
    for row in rows:
        summed.add(row)
    return summed.result()


def _open_file(path: Path) -> sqlite3.Connection:
    """The file, read-only, after checking it is a keepclient database of this version's schema."""
    state = inspect_file(path)
    if not state.exists:
        raise DatabaseMissingError(path=str(path))
    if state.application_id != migrations.APPLICATION_ID:
        raise ForeignDatabaseError(path=str(path))
    if state.schema_version > migrations.LATEST:
        raise SchemaTooNewError(path=str(path), found=state.schema_version, known=migrations.LATEST)
    if state.schema_version < migrations.LATEST:
        raise StaleFileSchemaError(path=str(path), found=state.schema_version, known=migrations.LATEST)
    with sqlite_errors_translated(path):
        return sqlite3.connect(read_only_uri(path, state.wal_format), uri=True)


def move_to_server(path: Path, url: str, progress: Progress | None = None) -> list[MovedTable]:
    """Copy every record of the file at `path` into the prepared, empty server at `url` and verify each table; the
    tables as moved. Typed errors, with nothing written to the server, for a file that is not this version's, a
    server that is not prepared or already holds data, a value the server refuses, or a table that does not come
    out of the server as it went in."""
    file = _open_file(path)
    pw = connect(url)
    server = shown_url(url)
    try:
        found = stamp_of(pw)
        if found != (SERVER_LAYOUT, migrations.LATEST):
            raise ServerNotPreparedError(server=server)
        moved: list[MovedTable] = []
        with sqlite_errors_translated(path), pw.atomic():
            holding = [m._meta.table_name for m in MOVED
                       if pw.execute_sql(f'SELECT 1 FROM "{m._meta.table_name}" LIMIT 1').fetchone()]
            if holding:
                raise ServerHoldsDataError(server=server, tables=", ".join(holding))
            # the indexes are built once the rows are in, as pg_restore does (each row kept them up to date: slower)
            indexes = pw.execute_sql(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND NOT "
                "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1").fetchall()
            for name, _definition in indexes:
                pw.execute_sql(f'DROP INDEX "{name}"')
            cursor = pw.cursor()
            for model in MOVED:
                table, columns = model._meta.table_name, _columns(model)
                listed = ", ".join(f'"{c}"' for c in columns)
                source = file.execute(f'SELECT {listed} FROM "{table}" ORDER BY "id"')
                expected = _copy(cursor, server, model, listed, source, progress)
                pw.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f'coalesce(max("id"), 1), max("id") IS NOT NULL) FROM "{table}"')
                with pw.connection().cursor(name=f"moved_{table}") as back:  # on the server, read in batches
                    back.itersize = 10_000
                    back.execute(f'SELECT {listed} FROM "{table}" ORDER BY "id"')
                    landed = _checksum(model, back)
                if landed != expected:
                    raise ServerCopyMismatchError(server=server, table=table, landed=landed[0], copied=expected[0])
                moved.append(MovedTable(table, *expected))
            for _name, definition in indexes:
                pw.execute_sql(definition)
        return moved
    except PeeweeException as exc:  # the server refused a value or lost the connection: the transaction is undone
        raise ServerCopyFailedError(server=server, table="", reason=driver_reason(exc)) from exc
    finally:
        pw.close()
        file.close()


def _copy(cursor: Any, server: str, model: type[Model], listed: str, rows: Iterable[Sequence[Any]],
          progress: Progress | None) -> tuple[int, str]:
    """COPY `rows` into the model's table, summed up on the way: (rows, checksum) of what was sent."""
    import psycopg

    table = model._meta.table_name
    summed = _Sum(model)
    try:
        with cursor.copy(f'COPY "{table}" ({listed}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
                summed.add(row)
                if progress is not None and summed.rows % 10_000 == 0:
                    progress(table, summed.rows)
    except psycopg.Error as exc:  # a value the server's column refuses: the whole move is undone
        raise ServerCopyFailedError(server=server, table=table, reason=driver_reason(exc)) from exc
    if progress is not None:
        progress(table, summed.rows)
    return summed.result()
