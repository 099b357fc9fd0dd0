"""Customer value and churn risk at scale (issue 15), without a window, on the 100,000-customer demo database topped
up to 1,000,000 order lines (orders.add_purchases), 200,000 more feedback items (feedback_log.add_feedback) and
400,000 visits (add_visits here: past visits, some missed or cancelled, some with a satisfaction score).

- recompute: InsightService.recompute() of every customer (order figures already current), the first run writing
  every customer's figures, then again (only what changed is written), then on the next two days (most reasons and
  values move: what each morning's run writes). Baseline in the same run: a plain
  `SELECT customer_id, sum(amount_cents) FROM purchase GROUP BY customer_id`. Target: <= 5 s, every run.
- at-risk: the first page of 100 of the at-risk list (InsightService.at_risk, sorted by risk), <= 50 ms; and in
  the window, the At risk view from the click until its first page is painted (bench_at_risk_window), <= 50 ms.
- incremental: recomputing one customer inside a write transaction (what every order, visit outcome, feedback and
  tier edit adds to its save, the commit not counted: it is the save's own), <= 20 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import time
from pathlib import Path

VISITS = 400_000
RECOMPUTE_TARGET_S = 5.0
AT_RISK_TARGET_MS = 50.0
INCREMENTAL_TARGET_MS = 20.0
REPEAT = 30


def _today(conn: sqlite3.Connection) -> dt.date:
    value = conn.execute("SELECT max(value_as_of) FROM customer").fetchone()[0]
    return dt.date.fromisoformat(value) if value else dt.date.today()


def add_visits(path: Path, target: int = VISITS, seed: int = 17) -> None:
    """Top the database up to `target` visits with past ones over two years: 80 % done (a third of them with a
    satisfaction score), 10 % missed, 10 % cancelled."""
    from keepclient.db.models import new_uuids

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    today = _today(conn)
    have = conn.execute("SELECT count(*) FROM visit").fetchone()[0]
    customers = list(conn.execute("SELECT id, owner_id FROM customer WHERE deleted_at IS NULL"))
    missing = max(0, target - have)
    rows = []
    for uid in new_uuids(missing):
        cid, owner = rng.choice(customers)
        start = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(1, 730)), dt.time(rng.randrange(8, 18)))
        status = rng.choices(("done", "missed", "cancelled"), weights=(80, 10, 10))[0]
        score = rng.choice((1, 2, 3, 4, 5, 5, 4)) if status == "done" and rng.random() < 0.33 else None
        stamp = start.isoformat(sep=" ")
        rows.append((uid, stamp, stamp, "bench", 1, cid, owner, stamp, 60, "visit", "", "", status, "", score))
    with conn:
        conn.executemany(
            "INSERT INTO visit (uuid, created_at, updated_at, updated_by, version, customer_id, salesperson_id, "
            "planned_start, duration_minutes, kind, purpose, location, status, outcome, satisfaction) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("ANALYZE")
    conn.close()


def prepare(path: Path) -> None:
    """The demo copy topped up: order lines, feedback, visits (raw inserts, like the other benchmarks)."""
    import feedback_log
    import orders

    orders.add_purchases(path)
    feedback_log.add_feedback(path)
    add_visits(path)


def _ms(seconds: float) -> float:
    return seconds * 1000


def _median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_insights(db: Path) -> None:
    from keepclient.services.insights import refresh_customers
    from keepclient.services.workspace import Workspace

    conn = sqlite3.connect(db)
    today = _today(conn)
    counts = {table: conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
              for table in ("customer", "purchase", "visit", "feedback")}
    conn.close()
    print("insights: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()) + f" (as of {today})")
    ws = Workspace.open(db, user="bench")
    ws.orders.refresh_stale(today)

    def baseline() -> float:
        start = time.perf_counter()
        with ws.db.session() as pw:
            pw.execute_sql("SELECT customer_id, sum(amount_cents) FROM purchase GROUP BY customer_id").fetchall()
        return time.perf_counter() - start

    def full() -> float:
        start = time.perf_counter()
        ws.insights.recompute(today=today)
        return time.perf_counter() - start

    def next_day() -> float:  # what each morning brings: the days counted in the reasons move, values drift
        nonlocal today
        today += dt.timedelta(days=1)
        ws.orders.refresh_stale(today)  # the order figures' own daily step, before (see orders.py)
        return full()

    base = [baseline()]
    first = full()  # writes every customer's figures
    base.append(baseline())
    again = [full(), full()]  # only what changed is written
    base.append(baseline())
    days = [next_day(), next_day()]
    plain = statistics.median(base)
    worst = max(first, *again, *days)
    print(f"  full recompute: first {first:.2f} s (every row written), again {again[0]:.2f} / {again[1]:.2f} s, "
          f"next day {days[0]:.2f} / {days[1]:.2f} s; plain GROUP BY over purchases {plain:.2f} s; ratio "
          f"{worst / plain:.1f}x (slowest); target <= {RECOMPUTE_TARGET_S:.0f} s: "
          f"{_verdict(worst <= RECOMPUTE_TARGET_S)}")
    at_risk = sum(1 for _ in ws.insights.at_risk())
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        page = ws.insights.at_risk(limit=100)
        samples.append(time.perf_counter() - start)
    median, p95 = _median_p95(samples)
    print(f"  at-risk first page ({len(page)} of {at_risk:,} at risk): median {_ms(median):.1f} ms, p95 "
          f"{_ms(p95):.1f} ms; target <= {AT_RISK_TARGET_MS:.0f} ms: {_verdict(p95 <= AT_RISK_TARGET_MS / 1000)}")
    with ws.db.session() as pw:
        busy = [cid for (cid,) in pw.execute_sql(
            "SELECT customer_id FROM purchase GROUP BY customer_id ORDER BY count(*) DESC LIMIT ?", [REPEAT])]
    samples = []
    for cid in busy:
        with ws.db.write() as pw:  # what a save adds: the commit is the save's own
            start = time.perf_counter()
            refresh_customers(pw, [cid], today)
            samples.append(time.perf_counter() - start)
    median, p95 = _median_p95(samples)
    print(f"  incremental (one customer; the {REPEAT} with the most order lines, in the save's transaction): median "
          f"{_ms(median):.1f} ms, p95 {_ms(p95):.1f} ms; target <= {INCREMENTAL_TARGET_MS:.0f} ms: "
          f"{_verdict(p95 <= INCREMENTAL_TARGET_MS / 1000)}")
    ws.close()


def bench_at_risk_window(db: Path, repeat: int = 15) -> None:
    """The At risk view in the window, from the click until its first page (riskiest first) is painted, against a
    repaint of the same list alone (baseline, same run). Target: <= 50 ms."""
    from customer_list import _window

    from keepclient.services.workspace import Workspace

    ws = Workspace.open(db, user="bench")
    ws.insights.ensure_current()  # for today: the window would otherwise recompute in the background meanwhile
    ws.close()
    app, window = _window(db)
    area = window.customers
    all_view = next(view for view in area.sidebar.views() if view.builtin)
    clicks, repaints = [], []
    for _ in range(repeat):
        area.apply_view(all_view)
        app.processEvents()
        start = time.perf_counter()
        area.show_at_risk()
        app.processEvents()  # the filter bar hands its filter over on the next turn of the event loop
        area.list.viewport().repaint()
        clicks.append(time.perf_counter() - start)
        start = time.perf_counter()
        area.list.viewport().repaint()
        repaints.append(time.perf_counter() - start)
    rows = area.list.paged.rowCount() if area.list.paged else 0
    median, p95 = _median_p95(clicks)
    bare = statistics.median(repaints)
    print(f"  At risk view in the window ({rows:,} rows shown first, riskiest first): median {_ms(median):.1f} ms, "
          f"p95 {_ms(p95):.1f} ms | repaint alone {_ms(bare):.1f} ms, ratio {median / bare:.1f}x | target <= "
          f"{AT_RISK_TARGET_MS:.0f} ms: {_verdict(p95 <= AT_RISK_TARGET_MS / 1000)}")
    window.close()
