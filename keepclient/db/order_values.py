"""Each customer's order figures, counted from its purchases and stored on the customer row.

Sorting or filtering 100,000 customers by revenue must not sum a million purchases per keystroke, so the figures
are columns (with indexes): every write path that adds, changes, deletes, imports or undoes purchases calls
`refresh` for the customers it touched, inside its transaction. The 12-month revenue also moves as days pass, so
`refresh_stale` recounts the customers counted for an earlier day that have a purchase which has since left the 12
months or the year before them (the window runs it after opening, off the UI thread; commands that show the figures
run it first): `value_as_of`, the day a customer was counted for, holds until then. Like the search keys they are
derived: no version, no change log.

- revenue_12m_cents: purchases dated after the same day a year before `today` (up to any date after it).
- orders_count: orders, not lines: lines sharing an order number (compared as order_key: "SO-1" is "so 1") are
  one order; lines without one, one order per day.
- order_gap_days: average days between the first and the last order (two orders or more).
- revenue_total_cents, first_order: every purchase, the first one's day (schema 10: the lifetime value).
- revenue_prev_12m_cents: purchases in the year before the last 12 months (after the same day two years before
  `today`, up to that day a year before: churn risk's revenue down year on year).

And per customer and calendar month, in a table of their own (customer_month, schema 14), what the team KPIs
count: revenue and orders by the lines' salesperson (0: lines without one, which count for the customer's owner
of the day the KPIs are read). `orders` are the month's orders of those lines (an order with lines in two months
counts in each, as the KPIs count it); `shared` (salesperson rows only) how many of them also have lines without a
salesperson, counted once when that salesperson owns the customer. `refresh` keeps it with the other figures (it
does not move as days pass). The KPIs' partial indexes (`CREATE_SQL`) are listed here too: a period's visits,
feedback and edge days read narrow indexes instead of the wide rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from peewee import SqliteDatabase

from keepclient.db.dialect import engine_of

CHUNK = 900  # ids per statement, under SQLite's bound-parameter limit everywhere
MONTHS_RECOUNT_ALL = 30_000  # customers touched at once from which customer_month is recounted for everyone
_ORDER = "CASE WHEN p.order_key != '' THEN 'n:' || p.order_key ELSE 'd:' || p.date END"  # see normalize.order_key
_FIGURES = f"""
UPDATE customer SET (revenue_12m_cents, orders_count, last_order, order_gap_days, revenue_total_cents,
                     revenue_prev_12m_cents, first_order, value_as_of) = (
    SELECT coalesce(sum(CASE WHEN p.date > ?1 THEN p.amount_cents END), 0),
           count(DISTINCT {_ORDER}),
           max(p.date),
           CASE WHEN count(DISTINCT {_ORDER}) > 1
                THEN (julianday(max(p.date)) - julianday(min(p.date))) / (count(DISTINCT {_ORDER}) - 1) END,
           coalesce(sum(p.amount_cents), 0),
           coalesce(sum(CASE WHEN p.date > ?2 AND p.date <= ?1 THEN p.amount_cents END), 0),
           min(p.date),
           ?3
    FROM purchase p WHERE p.customer_id = customer.id AND p.deleted_at IS NULL)
"""


_MONTH_ORDER = _ORDER.replace("p.", "{a}.")
_SHARED = f"""
UPDATE customer_month SET shared = (
    SELECT count(*) FROM (
        SELECT {_MONTH_ORDER.format(a="q")} FROM purchase q
        WHERE q.customer_id = customer_month.customer_id AND q.deleted_at IS NULL
          AND q.salesperson_id = customer_month.salesperson_id
          AND q.date >= customer_month.month || '-01' AND q.date < customer_month.month || '-99'
        INTERSECT
        SELECT {_MONTH_ORDER.format(a="q")} FROM purchase q
        WHERE q.customer_id = customer_month.customer_id AND q.deleted_at IS NULL AND q.salesperson_id IS NULL
          AND q.date >= customer_month.month || '-01' AND q.date < customer_month.month || '-99') AS both_kinds)
WHERE salesperson_id != 0 AND EXISTS (
    SELECT 1 FROM customer_month n WHERE n.month = customer_month.month AND n.salesperson_id = 0
      AND n.customer_id = customer_month.customer_id)
"""
_MONTHS = f"""
INSERT INTO customer_month (month, salesperson_id, customer_id, revenue_cents, orders, shared)
SELECT substr(p.date, 1, 7), coalesce(p.salesperson_id, 0), p.customer_id, sum(p.amount_cents),
       count(DISTINCT {_ORDER}), 0
FROM purchase p WHERE p.deleted_at IS NULL
"""
CREATE_SQL = (
    'CREATE TABLE "customer_month" ("month" TEXT NOT NULL, "salesperson_id" INTEGER NOT NULL, '
    '"customer_id" INTEGER NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE, '
    '"revenue_cents" INTEGER NOT NULL, "orders" INTEGER NOT NULL, "shared" INTEGER NOT NULL, '
    'PRIMARY KEY ("month", "salesperson_id", "customer_id")) WITHOUT ROWID',
    'CREATE INDEX "customer_month_customer_id" ON "customer_month" ("customer_id")',
    'CREATE INDEX "purchase_live_date" ON "purchase" ("date", "salesperson_id", "customer_id", "order_key", '
    '"amount_cents") WHERE "deleted_at" IS NULL',
    'CREATE INDEX "visit_live_customer_id_status_planned_start" ON "visit" ("customer_id", "status", '
    '"planned_start") WHERE "deleted_at" IS NULL',
    'CREATE INDEX "visit_live_salesperson_id_planned_start" ON "visit" ("salesperson_id", "planned_start", '
    '"status", "satisfaction") WHERE "deleted_at" IS NULL',
    'CREATE INDEX "feedback_live_received_at" ON "feedback" ("received_at", "owner_id", "response_hours", '
    '"first_response_at", "response_due", "resolution_hours", "resolved_at", "resolution_due", "satisfaction") '
    'WHERE "deleted_at" IS NULL',
)


def _shared(pw: Any) -> str:
    """_SHARED as the engine reads it: a file compares its days as text (an index range), a server its typed days
    by their month."""
    if engine_of(pw) == "sqlite":
        return _SHARED
    return _SHARED.replace("q.date >= customer_month.month || '-01' AND q.date < customer_month.month || '-99'",
                           "to_char(q.date, 'YYYY-MM') = customer_month.month")


def refresh_months(pw: SqliteDatabase, customer_ids: Sequence[int] | None = None) -> None:
    """Recount customer_month for these customers (None: everyone; the table is emptied first). Many customers
    at once (an import) are recounted as everyone: reading every order line in order beats looking up theirs
    (measured on a million lines: 5.5 s for everyone, 0.17 ms a customer by customer)."""
    group = " GROUP BY substr(p.date, 1, 7), coalesce(p.salesperson_id, 0), p.customer_id"
    if customer_ids is None or len(customer_ids) >= MONTHS_RECOUNT_ALL:
        pw.execute_sql("DELETE FROM customer_month")
        pw.execute_sql(_MONTHS + group)
        pw.execute_sql(_shared(pw))
        return
    for start in range(0, len(customer_ids), CHUNK):
        chunk = list(customer_ids[start:start + CHUNK])
        marks = ", ".join("?" * len(chunk))
        pw.execute_sql(f"DELETE FROM customer_month WHERE customer_id IN ({marks})", chunk)
        pw.execute_sql(f"{_MONTHS} AND p.customer_id IN ({marks}){group}", chunk)
        pw.execute_sql(f"{_shared(pw)} AND customer_id IN ({marks})", chunk)


def year_before(today: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def _days(today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """The ?1, ?2, ?3 of _FIGURES: a year before `today`, two years before, `today`."""
    return year_before(today), year_before(year_before(today)), today


def refresh(pw: SqliteDatabase, customer_ids: Iterable[int], today: dt.date) -> None:
    """Recount these customers' figures (call inside the write transaction that changed their purchases)."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        pw.execute_sql(f"{_FIGURES} WHERE id IN ({', '.join('?' * len(chunk))})", [*_days(today), *chunk])
    refresh_months(pw, ids)


def stale_count(pw: SqliteDatabase, today: dt.date) -> int:
    """How many customers' figures `refresh_stale` would recount for `today` (0: nothing to do)."""
    return pw.execute_sql(f"SELECT count(*) FROM customer WHERE {_stale(pw)}", list(_days(today))).fetchone()[0]


def refresh_stale(pw: SqliteDatabase, today: dt.date) -> int:
    """Recount the customers whose figures moved since the day they were counted for; returns how many. A customer
    never counted without purchases only gets its day stamped (its figures cannot have moved)."""
    pw.execute_sql("UPDATE customer SET value_as_of = ? WHERE value_as_of IS NULL AND orders_count = 0 AND "
                   "revenue_12m_cents = 0 AND NOT EXISTS (SELECT 1 FROM purchase p WHERE p.customer_id = customer.id)",
                   [today])
    cursor = pw.execute_sql(f"{_FIGURES} WHERE {_stale(pw)}", list(_days(today)))
    return cursor.rowcount


def _stale(pw: Any) -> str:
    """SQL of the customers whose figures counted for an earlier day differ today (?1, ?2, ?3 of _FIGURES): never
    counted, or with a purchase that has since left the 12 months (into the year before them) or the year before.
    Only the 12 months and the year before move as days pass, so the rest keep their day: recounting and stamping
    every customer each day rewrote 100,000 rows (8.6 s on a team server, slowing every search meanwhile) to change
    about one in a hundred."""
    moved = (f"(p.date > {_years_before('customer.value_as_of', 1, pw)} AND p.date <= ?1 OR "
             f"p.date > {_years_before('customer.value_as_of', 2, pw)} AND p.date <= ?2)")
    return (f"(value_as_of IS NULL OR value_as_of < ?3 AND EXISTS (SELECT 1 FROM purchase p WHERE "
            f"p.customer_id = customer.id AND p.deleted_at IS NULL AND {moved}))")


def _years_before(column: str, years: int, pw: Any) -> str:
    """SQL of the day `years` years before a day column, as `year_before` counts it. A file's days are text: the
    same month and day of the earlier year, where a 29 February that year lacks compares as 28 February does (no
    day lies between them)."""
    if engine_of(pw) == "sqlite":
        return f"printf('%04d', substr({column}, 1, 4) - {years}) || substr({column}, 5)"
    return f"({column} - interval '{years} years')::date"
