"""Bulk writes: a table's indexes set aside while many rows go in (or change), and rebuilt once, inside the same
transaction.

Measured here (100,000 imported customers and contacts, 20 indexes): inserting with the indexes in place took
7.9 s; inserting without them and building them afterwards 2.8 s. Changing the risk score of 100,000 customers:
2.0 s with its index in place, 1.4 s + 0.15 s to build it again. A failure rolls the whole transaction back,
dropped indexes included, so nothing is lost either way.

On a team server (issue 19) the same writers run with the indexes in place (only the tables' owner may drop
them, and the server keeps its indexes up to date well enough), their rows through psycopg's pipelined
executemany, and the ids a bulk writer gives are reserved from the table's sequence (`reserve_ids`).
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from peewee import SqliteDatabase

from keepclient.db.dialect import engine_of
from keepclient.db.paramstyle import to_format

# Rebuilding reads every row of the table: worth it only when the insert is large next to what is there.
MIN_ROWS = 5000


def worth_deferring(pw: SqliteDatabase, table: str, new_rows: int) -> bool:
    """True when inserting `new_rows` into `table` is faster with its indexes rebuilt afterwards (a file's)."""
    if new_rows < MIN_ROWS or engine_of(pw) != "sqlite":
        return False
    existing = pw.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return new_rows * 2 >= existing


@contextmanager
def indexes_deferred(pw: SqliteDatabase, tables: Sequence[str], holding: Sequence[str] = ()) -> Iterator[None]:
    """Drop the named indexes of `tables` (only those on one of the columns `holding`, when given), and create them
    again on leaving. Must run inside a transaction, and nothing may look rows up by those indexes in between
    (lookups become table scans)."""
    if not pw.in_transaction():
        raise RuntimeError("indexes may only be set aside inside a transaction")
    marks = ", ".join("?" * len(tables))
    indexes = pw.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
        "ORDER BY name", list(tables)).fetchall()
    if holding:
        indexes = [(name, sql) for name, sql in indexes
                   if {column for _n, _c, column in pw.execute_sql(f'PRAGMA index_info("{name}")')} & set(holding)]
    for name, _sql in indexes:
        pw.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        pw.execute_sql(sql)


@contextmanager
def triggers_deferred(pw: SqliteDatabase, table: str) -> Iterator[None]:
    """Drop the triggers on `table` and create them again on leaving: for a bulk writer that then counts what they
    keep once for all its rows (a trigger per row costs more than the rows). Must run inside a transaction. A
    server's triggers stay (only the tables' owner may set them aside): they count as the rows go in."""
    if not pw.in_transaction():
        raise RuntimeError("triggers may only be set aside inside a transaction")
    if engine_of(pw) != "sqlite":
        yield
        return
    triggers = pw.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                              "ORDER BY name", [table]).fetchall()
    for name, _sql in triggers:
        pw.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        pw.execute_sql(sql)


def execute_many(pw: Any, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """`sql` (written with `?`) once for every row, on either engine (psycopg pipelines them)."""
    if not rows:
        return
    if engine_of(pw) == "sqlite":
        pw.cursor().executemany(sql, rows)
    else:
        pw.cursor().executemany(to_format(sql)[0], rows)


def reserve_ids(pw: Any, table: str, count: int) -> int:
    """The first of `count` consecutive ids that rows of `table` inserted now may take (an import's journal names
    each range it creates), inside the caller's write transaction (see `numbering`)."""
    if count <= 0:
        return 0  # nothing will be numbered
    with numbering(pw, (table,)) as next_id:
        first = next_id[table]
        next_id[table] += count
    return first


@contextmanager
def numbering(pw: Any, tables: Sequence[str]) -> Iterator[dict[str, int]]:
    """The next free id of each of `tables`, for a writer that numbers its rows as it goes (advancing the ids in
    the dict); inside the caller's write transaction.

    A file: the ids after the largest, under SQLite's write lock. A server: taken from each table's sequence with
    the table locked against other inserts until the transaction ends (readers go on), so no colleague's insert
    falls between them, and the sequence moved past the ids used on leaving; the largest id is not asked, since
    row-level security hides some of the rows.
    """
    if engine_of(pw) == "sqlite":
        yield {table: int(pw.execute_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0])
               for table in tables}
        return
    first: dict[str, int] = {}
    for table in tables:
        pw.execute_sql(f'LOCK TABLE "{table}" IN EXCLUSIVE MODE')
        first[table] = int(pw.execute_sql("SELECT nextval(pg_get_serial_sequence(?, 'id'))",
                                          (f'"{table}"',)).fetchone()[0])
    next_id = dict(first)
    yield next_id
    for table in tables:  # the sequence stands at first[table]: move it to the last id used
        used = next_id[table] - first[table]
        if used > 1:
            last = pw.execute_sql("SELECT max(nextval(pg_get_serial_sequence(?, 'id'))) FROM generate_series(2, ?)",
                                  (f'"{table}"', used)).fetchone()[0]
            if last != next_id[table] - 1:  # only a sequence changed by hand (a cache, an increment) could do this
                raise RuntimeError(f"the ids of {table} are not consecutive: {first[table]}..{last} for {used}")


def insert_from_json_sql(table: str, columns: Sequence[str]) -> str:
    """INSERT of `columns` from one JSON parameter holding a list of rows (each a list in `columns` order)."""
    fields = ", ".join(f"json_extract(value, '$[{n}]')" for n in range(len(columns)))
    return f'INSERT INTO "{table}" ({", ".join(columns)}) SELECT {fields} FROM json_each(?)'


def _json_value(value: object) -> object:
    """What sqlite3 would store for the values JSON cannot hold (its own adapters' text for dates)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be written in bulk")


def rows_json(rows: Sequence[Sequence[object]]) -> str:
    return json.dumps(rows, ensure_ascii=False, default=_json_value)


_DONE = object()


class RowWriter:
    """Inserts rows inside the caller's transaction, the costly ones on a worker thread while the caller computes
    the next batch.

    Search documents are costly for SQLite (tokenizing): `put` queues them for the worker as one statement with
    the rows as one JSON parameter, so SQLite works through them without Python's lock (`executemany` takes that
    lock for every row, and the computing thread and the inserting one took turns). Plain rows are cheap for SQLite
    and five times dearer through JSON than through `executemany` (measured: 100,000 rows of 27 columns, 2.9 s
    against 0.6 s): `insert` writes them here, once the worker is idle, so the connection is never used by two
    threads at once. The caller must not use the connection otherwise until the block ends; an error on either
    side is raised by the block, so the transaction rolls back as usual.

    On a team server everything is written on the caller's thread (`server`): the server does the costly work in
    its own process, and search documents are written their own way (search_docs.queue_insert).
    """

    def __init__(self, pw: Any) -> None:
        self.pw = pw
        self.server = engine_of(pw) != "sqlite"
        self._connection = pw.connection()
        self._batches: queue.Queue[Any] = queue.Queue(maxsize=2)  # bounded: memory stays a few chunks
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="keepclient-row-writer", daemon=True)

    def __enter__(self) -> RowWriter:
        if not self.server:
            self._thread.start()
        return self

    def put(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Queue `rows` for `sql` (from `insert_from_json_sql`) on the worker (a file's)."""
        if self.server:
            raise RuntimeError("a team server's rows are written with insert")
        self._raise_failure()
        if rows:
            self._batches.put((sql, rows))

    def insert(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """`executemany(sql, rows)` on this thread, after the worker has written everything queued before."""
        if self.server:
            execute_many(self.pw, sql, rows)
            return
        self._batches.join()
        self._raise_failure()
        if rows:
            self._connection.executemany(sql, rows)

    def _raise_failure(self) -> None:
        if self._failed is not None:
            raise self._failed

    def _work(self) -> None:
        while (batch := self._batches.get()) is not _DONE:
            try:
                if self._failed is None:  # else drain: the caller learns of the failure on its next call
                    sql, rows = batch
                    self._connection.execute(sql, (rows_json(rows),))
            except BaseException as exc:  # handed to the caller's thread
                self._failed = exc
            finally:
                self._batches.task_done()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if self.server:
            return
        self._batches.put(_DONE)
        self._thread.join()
        if kind is None:
            self._raise_failure()
