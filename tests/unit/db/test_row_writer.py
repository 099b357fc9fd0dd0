"""The bulk row writer: rows queued for its thread land exactly as `executemany` would write them, in order, inside
the caller's transaction; a failure on its thread is raised by the block and rolls everything back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from keepclient.db import bulk
from keepclient.db.connection import open_database

COLUMNS = ("id", "name", "day", "moment", "amount", "flag", "missing", "number")
ROWS = [
    (1, "张伟 \"quoted\"\n第二行", dt.date(2026, 2, 6), dt.datetime(2026, 2, 6, 9, 30, 5), Decimal("12.50"), True,
     None, 3.25),
    (2, "Müller ' =1+1", dt.date(1950, 1, 1), dt.datetime(2100, 12, 31, 23, 59), Decimal("-0.001"), False, None,
     -7),
]


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "w.db")
    with database.write() as pw:
        for table in ("queued", "direct"):
            pw.execute_sql(f"CREATE TABLE {table} ({', '.join(COLUMNS)})")
    yield database
    database.close()


def _typed(pw, table: str) -> list[tuple]:
    columns = ", ".join(f"{c}, typeof({c})" for c in COLUMNS)
    return pw.execute_sql(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()


def test_queued_rows_land_as_executemany_writes_them(db):
    with db.write() as pw:
        with bulk.RowWriter(pw) as writer:
            writer.put(bulk.insert_from_json_sql("queued", COLUMNS), ROWS)
        pw.cursor().executemany(f"INSERT INTO direct VALUES ({', '.join('?' * len(COLUMNS))})", ROWS)
    with db.session() as pw:
        assert _typed(pw, "queued") == _typed(pw, "direct")
        assert _typed(pw, "queued")[0][:4] == (1, "integer", "张伟 \"quoted\"\n第二行", "text")


def test_insert_waits_for_what_was_queued_before(db):
    with db.write() as pw, bulk.RowWriter(pw) as writer:
        for n in range(0, 200, 2):
            writer.put(bulk.insert_from_json_sql("queued", ("id", "name")), [(n, "on the writer")])
            writer.insert("INSERT INTO queued (id, name) VALUES (?, ?)", [(n + 1, "here")])
    with db.session() as pw:
        ids = [row[0] for row in pw.execute_sql("SELECT id FROM queued ORDER BY rowid")]
    assert ids == list(range(200))


def test_a_failure_on_the_writer_thread_is_raised_and_rolls_back(db):
    with db.write() as pw:
        pw.execute_sql("CREATE UNIQUE INDEX queued_id ON queued (id)")
    sql = bulk.insert_from_json_sql("queued", ("id", "name"))
    with pytest.raises(sqlite3.IntegrityError), db.write() as pw, bulk.RowWriter(pw) as writer:
        writer.put(sql, [(1, "first")])
        writer.put(sql, [(1, "the same id again")])
        for n in range(2, 50):  # whatever comes after the failure is not written
            writer.put(sql, [(n, "later")])
    with db.session() as pw:
        assert pw.execute_sql("SELECT count(*) FROM queued").fetchone()[0] == 0


def test_the_callers_failure_stops_the_writer_and_rolls_back(db):
    sql = bulk.insert_from_json_sql("queued", ("id", "name"))
    with pytest.raises(KeyboardInterrupt), db.write() as pw, bulk.RowWriter(pw) as writer:
        writer.put(sql, [(1, "queued")])
        raise KeyboardInterrupt  # Cancel, or any error while computing the next batch
    with db.session() as pw:
        assert pw.execute_sql("SELECT count(*) FROM queued").fetchone()[0] == 0


def test_values_json_cannot_hold_are_refused_before_anything_is_written(db):
    with pytest.raises(TypeError), db.write() as pw, bulk.RowWriter(pw) as writer:
        writer.put(bulk.insert_from_json_sql("queued", ("id", "name")), [(1, b"bytes")])
