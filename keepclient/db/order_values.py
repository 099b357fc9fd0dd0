"""Each customer's order figures, counted from its purchases and stored on the customer row.

Sorting or filtering 100,000 customers by revenue must not sum a million purchases per keystroke, so the figures
are columns (with indexes): every write path that adds, changes, deletes, imports or undoes purchases calls
`refresh` for the customers it touched, inside its transaction. The 12-month revenue also moves as days pass, so
`refresh_stale` recounts customers counted for an earlier day (the window runs it after opening, off the UI thread;
commands that show the figures run it first). Like the search keys they are derived: no version, no change log.

- revenue_12m_cents: purchases dated after the same day a year before `today` (up to any date after it).
- orders_count: orders, not lines: lines sharing an order number (compared as order_key: "SO-1" is "so 1") are
  one order; lines without one, one order per day.
- order_gap_days: average days between the first and the last order (two orders or more).
- revenue_total_cents, first_order: every purchase, the first one's day (schema 10: the lifetime value).
- revenue_prev_12m_cents: purchases in the year before the last 12 months (after the same day two years before
  `today`, up to that day a year before: churn risk's revenue down year on year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import SqliteDatabase

CHUNK = 900  # ids per statement, under SQLite's bound-parameter limit everywhere
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


def stale_count(pw: SqliteDatabase, today: dt.date) -> int:
    """How many customers were counted for an earlier day (0: nothing to do)."""
    return pw.execute_sql("SELECT count(*) FROM customer WHERE value_as_of IS NULL OR value_as_of < ?",
                          [today]).fetchone()[0]


def refresh_stale(pw: SqliteDatabase, today: dt.date) -> int:
    """Recount every customer counted for an earlier day; returns how many. A customer without purchases only gets
    its day stamped (its figures cannot have moved)."""
    pw.execute_sql("UPDATE customer SET value_as_of = ? WHERE (value_as_of IS NULL OR value_as_of < ?) AND "
                   "orders_count = 0 AND revenue_12m_cents = 0 AND NOT EXISTS (SELECT 1 FROM purchase p WHERE "
                   "p.customer_id = customer.id)", [today, today])
    cursor = pw.execute_sql(f"{_FIGURES} WHERE value_as_of IS NULL OR value_as_of < ?", [*_days(today), today])
    return cursor.rowcount
