"""What lets keepclient's SQL, written for SQLite, run unchanged on a team server (issue 19): one code base.

Three parts, all behind the db layer:
- **Values in SQLite's shape** on the workspace's connections (`adapt`): days and moments come back as the text a
  file holds ('2026-03-02', '2026-03-02 09:00:00.500000'), sums as whole numbers (PostgreSQL's numeric would be
  Decimal); peewee's fields read that text as they read a file's. Days and moments go out typed, as the server's
  columns are; text (an ISO day written as text) goes out untyped, so the server reads it as the column it meets.
- **Functions SQLite has and PostgreSQL lacks** (server layout 3, `FUNCTIONS`): instr, ifnull, substr and date of a
  moment, julianday, total, group_concat, the two-argument max and min, and sum of truths (SQLite's truths are 0
  and 1); each the same answer as SQLite's.
- **Planner hints** only SQLite reads (`INDEXED BY`, `NOT INDEXED`, a unary + that keeps SQLite off an index,
  CROSS JOIN … ON for the join order) are dropped or made plain (`without_hints`): they never change a result.
Statements that truly differ (search, bulk writes) are written per engine (db/server_search.py and `db.engine`).
"""

from __future__ import annotations

import re
from typing import Any

_INDEXED_BY = re.compile(r"\s+(?:INDEXED\s+BY\s+\w+|NOT\s+INDEXED\b)", re.I)
_CROSS_JOIN_ON = re.compile(r"\bCROSS\s+JOIN(\s+\w+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?\s+ON\b)", re.I)
_UNARY_PLUS = re.compile(r"(\b(?:WHERE|AND|OR|BY|ON|SELECT)\s+|[(,]\s*)\+(?=[a-z_])", re.I)


def without_hints(sql: str) -> str:
    """`sql` without SQLite's planner hints (INDEXED BY an index, NOT INDEXED; +column, which only stops SQLite
    using an index)."""
    if "INDEXED" in sql:
        sql = _INDEXED_BY.sub("", sql)
    if "CROSS" in sql:  # SQLite's CROSS JOIN … ON keeps the join order; the join is an inner one
        sql = _CROSS_JOIN_ON.sub(r"JOIN\1", sql)
    return _UNARY_PLUS.sub(r"\1", sql) if "+" in sql else sql


def adapt(conn: Any) -> None:
    """Make a psycopg connection give and take values as SQLite does (see the module's docstring)."""
    from psycopg.adapt import Loader

    class DayLoader(Loader):
        def load(self, data: Any) -> str:
            return bytes(data).decode()

    class MomentLoader(Loader):
        def load(self, data: Any) -> str:
            text = bytes(data).decode()  # PostgreSQL drops trailing zeros of the fraction; str(datetime) does not
            return text.ljust(26, "0") if len(text) > 19 else text

    class NumberLoader(Loader):
        def load(self, data: Any) -> int | float:
            text = bytes(data).decode()
            return float(text) if "." in text or "e" in text.lower() or text in ("NaN", "Infinity") else int(text)

    for name, loader in (("date", DayLoader), ("timestamp", MomentLoader), ("numeric", NumberLoader)):
        conn.adapters.register_loader(name, loader)
    conn.execute("SET datestyle TO 'ISO, YMD'")
    # A window's statements read a page or count a list: starting parallel workers took longer than they saved
    # (measured: 15-40 ms before a page's first row on this 2-core machine)
    conn.execute("SET max_parallel_workers_per_gather TO 0")


_SCALARS = ("bigint", "double precision", "text", "date", "timestamp")

FUNCTIONS = """
CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos($1, $2)';
CREATE FUNCTION ifnull(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE
    AS 'SELECT coalesce($1, $2)';
CREATE FUNCTION substr(timestamp, integer, integer) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT substr(to_char($1, ''YYYY-MM-DD HH24:MI:SS''), $2, $3)';
CREATE FUNCTION substr(date, integer, integer) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT substr(to_char($1, ''YYYY-MM-DD''), $2, $3)';
CREATE FUNCTION date(timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT to_char($1, ''YYYY-MM-DD'')';
CREATE FUNCTION date(date) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT to_char($1, ''YYYY-MM-DD'')';
CREATE FUNCTION date(text) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT to_char(CAST($1 AS timestamp), ''YYYY-MM-DD'')';
CREATE FUNCTION julianday(timestamp) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS 'SELECT extract(epoch FROM $1)::double precision / 86400 + 2440587.5';
CREATE FUNCTION julianday(date) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS 'SELECT extract(epoch FROM $1::timestamp)::double precision / 86400 + 2440587.5';
CREATE FUNCTION julianday(text) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS 'SELECT extract(epoch FROM CAST($1 AS timestamp))::double precision / 86400 + 2440587.5';
CREATE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = double precision, INITCOND = '0');
CREATE FUNCTION kc_group_concat_step(text, text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END';
CREATE AGGREGATE group_concat(text, text) (SFUNC = kc_group_concat_step, STYPE = text);
CREATE FUNCTION kc_sum_truths_step(bigint, boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
    AS 'SELECT CASE WHEN $2 IS NULL THEN $1 ELSE coalesce($1, 0) + $2::int END';
CREATE AGGREGATE sum(boolean) (SFUNC = kc_sum_truths_step, STYPE = bigint);
""" + "".join(
    f"CREATE FUNCTION {name}({kind}, {kind}) RETURNS {kind} LANGUAGE sql IMMUTABLE "
    f"AS 'SELECT CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE {'greatest' if name == 'max' else 'least'}"
    f"($1, $2) END';\n"  # SQLite's two-argument max and min are NULL when either is
    for kind in _SCALARS for name in ("max", "min"))


def create_functions(pw: Any) -> None:
    """SQLite's functions keepclient's SQL uses, made on the server (in the caller's transaction)."""
    pw.execute_sql(FUNCTIONS)
