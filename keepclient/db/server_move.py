"""Moving a team's database file to a prepared team server (issue 19): every record of the data model's tables
copied in one server transaction, then each table's row count and checksum compared on both sides. The file is
only read (a read-only connection; it is not upgraded or backed up either), so a move that fails or is refused
leaves both the file and the server as they were.

Copied: the team, customers, contacts, visits and series, feedback, purchases, tags, gifts, settings, the change
log and the import history; colleagues' presence heartbeats are not (they are minutes old). The server's columns
are as wide as SQLite's (db/server.FIELD_TYPES): the checksum found peewee's default 7-digit REAL.

The checksum of a table is SHA-256 over its rows in id order. First the quick one: the rows as sent against the
rows the server gives back, with the server writing days, times, truths and decimals as keepclient stores them in
a file (pickled in batches: about a microsecond a row). Only when that differs is the table read again on both
sides with each value read as the model's field reads it (`_Sum`), so a day the file stores in another way does not
stop a move, and a value the server changed still does.
"""

from __future__ import annotations

import hashlib
import pickle
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
    PostgresqlDatabase,
    TimeField,
)

from keepclient.db import migrations, server_derived
from keepclient.db.connection import inspect_file, read_only_uri, sqlite_errors_translated
from keepclient.db.models import ALL_MODELS, Presence, SchemaInfo
from keepclient.db.server import connect, driver_reason, ensure_this_version, maintain, shown_url
from keepclient.domain.errors import (
    DatabaseMissingError,
    ForeignDatabaseError,
    SchemaTooNewError,
    ServerCopyFailedError,
    ServerCopyMismatchError,
    ServerHoldsDataError,
    StaleFileSchemaError,
)

MOVED: tuple[type[Model], ...] = tuple(m for m in ALL_MODELS if m not in (SchemaInfo, Presence))
Progress = Callable[[str, int], None]  # (table, rows copied so far)
# keepclient's own triggers on a server: figures counted once after the copy; the change log's names kept as they
# were (a trigger another program put there still fires, and the checksum sees what it did)
OWN_TRIGGERS = (("visit", "kc_visit_month"), ("visit", "kc_visit_last_done"), ("change_log", "kc_change_by_login"))
BATCH = 1_000  # rows per step of the quick checksum: both sides cut their rows into the same batches


@dataclass(frozen=True)
class MovedTable:
    table: str
    rows: int
    checksum: str  # hex SHA-256, the same on both sides


def _listed(model: type[Model]) -> str:
    return ", ".join(f'"{field.column_name}"' for field in model._meta.sorted_fields)


def _set_aside(pw: PostgresqlDatabase) -> list[str]:
    """Drop the moved tables' references, keys and indexes, as pg_restore creates them only once the rows are in
    (each row would otherwise update every index and check every reference on its own: measured twice as slow);
    the statements that make them again, in the order they must run: keys, indexes, then references."""
    moved = [m._meta.table_name for m in MOVED]
    references = pw.execute_sql(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace "
        "AND (c.conrelid::regclass::text = ANY(%s) OR c.confrelid::regclass::text = ANY(%s)) ORDER BY 1, 2",
        [moved, moved]).fetchall()
    keys = pw.execute_sql(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "WHERE c.contype IN ('p', 'u') AND c.connamespace = current_schema()::regnamespace "
        "AND c.conrelid::regclass::text = ANY(%s) ORDER BY 1, 2", [moved]).fetchall()
    indexes = pw.execute_sql(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) "
        "ORDER BY 1", [moved]).fetchall()
    for table, name, _definition in references + keys:
        pw.execute_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        pw.execute_sql(f'DROP INDEX "{name}"')
    return [*(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in keys),
            *(definition for _name, definition in indexes),
            *(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in references)]


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

    def add_batch(self, batch: list[Any]) -> None:
        for row in batch:
            self.add(row)

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


class _QuickSum:
    """The row count and SHA-256 of rows taken in batches of BATCH, pickled without pickle's memo (which would
    write a value seen before as a reference, depending on which objects happen to be shared)."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.rows = 0
        self._pickler = pickle.Pickler(self, protocol=5)
        self._pickler.fast = True

    def write(self, data: bytes) -> None:  # the pickler's file
        self.digest.update(data)

    def add(self, batch: list[Any]) -> None:
        self._pickler.dump(batch)
        self.rows += len(batch)

    def result(self) -> tuple[int, str]:
        return self.rows, self.digest.hexdigest()


def _sent(model: type[Model]) -> str:
    """The file's columns as sent: decimals as SQLite's text of them (exact for the server's numeric)."""
    return ", ".join(f'CAST("{f.column_name}" AS TEXT)' if isinstance(f, DecimalField) else f'"{f.column_name}"'
                     for f in model._meta.sorted_fields)


def _as_in_file(model: type[Model]) -> str:
    """The server's columns written as keepclient stores them in a file, for the quick checksum: a moment as
    str(datetime) does, a day as ISO text, a truth as 0 or 1, a decimal without trailing zeros."""
    shown = []
    for field in model._meta.sorted_fields:
        column = f'"{field.column_name}"'
        if isinstance(field, DateTimeField):
            column = (f"to_char({column}, 'YYYY-MM-DD HH24:MI:SS') || CASE WHEN "
                      f"date_part('microseconds', {column})::bigint % 1000000 = 0 THEN '' "
                      f"ELSE to_char({column}, '.US') END")
        elif isinstance(field, DateField | TimeField):
            column = f"{column}::text"
        elif isinstance(field, BooleanField):
            column = f"{column}::int"
        elif isinstance(field, DecimalField):
            column = f"trim_scale({column})::text"
        shown.append(column)
    return ", ".join(shown)


def _read_back(pw: PostgresqlDatabase, table: str, columns: str, add: Callable[[list[Any]], None]) -> None:
    """The server's rows of `table` in id order, in batches (a server-side cursor: memory stays flat)."""
    with pw.connection().cursor(name=f"moved_{table}") as back:
        back.execute(f'SELECT {columns} FROM "{table}" ORDER BY "id"')
        while batch := back.fetchmany(BATCH):
            add(batch)


def _verified(pw: PostgresqlDatabase, file: sqlite3.Connection, server: str, model: type[Model],
              sent: tuple[int, str]) -> MovedTable:
    """The table as moved when the server gives back what was sent; ServerCopyMismatchError otherwise."""
    table = model._meta.table_name
    quick = _QuickSum()
    _read_back(pw, table, _as_in_file(model), quick.add)
    if quick.result() == sent:
        return MovedTable(table, *sent)
    # the file may store a value in another way than keepclient writes it: compare each as the model reads it
    listed = _listed(model)
    exact_file = _checksum(model, file.execute(f'SELECT {listed} FROM "{table}" ORDER BY "id"'))
    exact_server = _Sum(model)
    _read_back(pw, table, listed, exact_server.add_batch)
    if exact_server.result() != exact_file:
        raise ServerCopyMismatchError(server=server, table=table, landed=exact_server.rows, copied=exact_file[0])
    return MovedTable(table, *exact_file)


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
        ensure_this_version(pw, url)
        moved: list[MovedTable] = []
        with sqlite_errors_translated(path), pw.atomic():
            holding = [m._meta.table_name for m in MOVED
                       if pw.execute_sql(f'SELECT 1 FROM "{m._meta.table_name}" LIMIT 1').fetchone()]
            if holding:
                raise ServerHoldsDataError(server=server, tables=", ".join(holding))
            pw.execute_sql("SET LOCAL datestyle TO 'ISO, YMD'")  # days given back as the file writes them
            set_aside = _set_aside(pw)
            for table, trigger in OWN_TRIGGERS:  # what they keep is counted once, after the copy
                pw.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER "{trigger}"')
            cursor = pw.cursor()
            sent: dict[str, tuple[int, str]] = {}
            for model in MOVED:
                table = model._meta.table_name
                source = file.execute(f'SELECT {_sent(model)} FROM "{table}" ORDER BY "id"')
                sent[table] = _copy(cursor, server, model, source, progress)
            for statement in set_aside:  # keys, then indexes, then the references checked in one pass each
                pw.execute_sql(statement)
            for table, trigger in OWN_TRIGGERS:
                pw.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER "{trigger}"')
            for model in MOVED:
                table = model._meta.table_name
                pw.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f'coalesce(max("id"), 1), max("id") IS NOT NULL) FROM "{table}"')
                moved.append(_verified(pw, file, server, model, sent[table]))
            _search_documents(pw, file)
            server_derived.recount(pw)
        # What pg_restore leaves to its user: the planner's statistics of what just arrived, and every row marked
        # as seen by all (no reader then checks the commit of each row, and indexes answer alone). Until autovacuum
        # came by, searches typed into a window were planned for empty tables (measured on the 100,000-customer
        # demo: p95 857 ms; with ANALYZE 83 ms; with VACUUM too, on a quiet server, 41 ms).
        maintain(pw, "VACUUM (ANALYZE)")  # the move has committed; autovacuum would do this later
        return moved
    except PeeweeException as exc:  # the server refused a value or lost the connection: the transaction is undone
        raise ServerCopyFailedError(server=server, table="", reason=driver_reason(exc)) from exc
    finally:
        pw.close()
        file.close()


class _FileReader:
    """The file's connection as search_docs reads a database (execute_sql)."""

    def __init__(self, file: sqlite3.Connection) -> None:
        self.execute_sql = file.execute


def _search_documents(pw: PostgresqlDatabase, file: sqlite3.Connection) -> None:
    """The server's search documents of every customer (db/server_search.py), made from the file's rows as a
    file's own search documents are."""
    from keepclient.db import search_docs, server_search

    ids = [cid for (cid,) in file.execute("SELECT id FROM customer ORDER BY id")]
    reader = _FileReader(file)
    documents = (document for start in range(0, len(ids), search_docs.CHUNK)
                 for document in search_docs.documents(reader, ids[start:start + search_docs.CHUNK]))
    server_search.copy_documents(pw, documents)


def _copy(cursor: Any, server: str, model: type[Model], rows: sqlite3.Cursor,
          progress: Progress | None) -> tuple[int, str]:
    """COPY `rows` into the model's table, summed up on the way: (rows, quick checksum) of what was sent."""
    import psycopg

    table = model._meta.table_name
    summed = _QuickSum()
    try:
        with cursor.copy(f'COPY "{table}" ({_listed(model)}) FROM STDIN') as copy:
            while batch := rows.fetchmany(BATCH):
                for row in batch:
                    copy.write_row(row)
                summed.add(batch)
                if progress is not None and summed.rows % 10_000 == 0:
                    progress(table, summed.rows)
    except psycopg.Error as exc:  # a value the server's column refuses: the whole move is undone
        raise ServerCopyFailedError(server=server, table=table, reason=driver_reason(exc)) from exc
    if progress is not None:
        progress(table, summed.rows)
    return summed.result()
