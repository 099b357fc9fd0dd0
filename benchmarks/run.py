"""keepclient benchmarks: each prints its figure and its ratio against a baseline measured in the same run.

    python benchmarks/run.py                 # everything, on 100,000 customers
    python benchmarks/run.py demo startup --customers 20000 --repeat 3

- demo: `keepclient demo --customers N` as a whole process, against the floor of writing the same rows with raw
  sqlite3 `executemany` in one transaction (what the rows alone cost, with no generation at all).
- search, scroll, detail: the customer workspace on that database (see customer_list.py).
- spreadsheets: importing an N-row contact sheet (every row must arrive), exporting it again, re-importing that
  export unchanged (it must change nothing), and the import in a window (see spreadsheets.py; needs pandas).
- writers: 8 processes x 300 mixed writes (customer edits, logged calls, visit moves, undo) on one shared file:
  writes/s, lost updates (must be 0), raw errors (must be 0) and conflicts reported to their writers, against the
  same writes from one process (see writers.py; the database is its own small one, not the demo).
- orders: the customer list sorted by 12-month revenue and one customer's 500 order lines, on the demo database
  topped up to 1,000,000 order lines, each against its plain-SQL baseline (see orders.py).
- insights: value and churn risk on the demo database topped up to 1,000,000 order lines, 200,000 more feedback items
  and 400,000 visits: the full recompute of every customer against a plain GROUP BY over purchases (<= 5 s), the
  at-risk list's first page (<= 50 ms) and one customer's incremental recompute (<= 20 ms) (see insights.py).
- kpis: the year's team KPIs on a copy of that database against the same aggregates as plain SQL, and
  `keepclient kpi-report --pdf` for every salesperson as a whole process (<= 5 s) (see kpis.py).
- dashboard: the Dashboard tab for this year, whole team, on a copy of that database: from the switch until numbers
  and charts have painted (<= 1 s), against the same aggregates as plain SQL (see dashboard.py).
- orders-import: `keepclient import-orders` of a 300,000-line order sheet onto a copy of the demo database against
  pandas.read_excel + to_sql of the same file (<= 0.5x), then again, adding 0 lines (see orders_import.py).
- server-move: `keepclient move-to-server` of the demo database into a prepared, empty PostgreSQL database (a
  throwaway cluster on this machine) against pg_dump + pg_restore of the moved database (<= 2x; see server_move.py).
- server-search, server-writers: the customer list's search typed into a window opened on the demo moved to a team
  server (p95 <= 30 ms), and 20 processes x 200 version-checked mixed writes on one server (0 lost, every conflict
  reported), against a LIKE scan and one process (see server_workspace.py).
- startup: whole-process start of `keepclient --db <N-customer database>` until the main window has painted its first
  frame, and until it has painted the customer list filled from the database, each against a bare PySide6
  QMainWindow started the same way; plus peak RSS of each process.

Machines are noisy: runs are interleaved and medians reported. Targets (issue 2): demo of 100k under 60 s, start
at most 2x the bare window, at most 150 MB RSS.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from keepclient.db.connection import open_database

HERE = Path(__file__).resolve().parent
ALL = ("demo", "startup", "search", "scroll", "detail", "spreadsheets", "calendar", "feedback", "writers",
       "orders-import", "orders", "insights", "kpis", "dashboard", "server-move", "server-search", "server-writers")
DATA = HERE / ".data"
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "window = QMainWindow()\n"
    "window.resize(1200, 760)\n"
    "window.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "sys.exit(app.exec())\n"
)


def timed_process(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed: {proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return elapsed, rss_mb


def database_path(customers: int) -> Path:
    return DATA / f"demo-{customers}.db"


def bench_demo(customers: int, env: dict[str, str]) -> Path:
    DATA.mkdir(exist_ok=True)
    target = database_path(customers)
    for leftover in DATA.glob(f"{target.name}*"):
        leftover.unlink()
    seconds, rss = timed_process(
        [sys.executable, "-m", "keepclient", "--db", str(target), "demo", "--customers", str(customers)], env)

    floor_out = subprocess.run([sys.executable, __file__, "_floor", str(target)], env=env, check=True,
                               capture_output=True, text=True).stdout.split()
    floor, total = float(floor_out[0]), int(floor_out[1])
    print(f"demo     {customers:,} customers ({total:,} rows): {seconds:.1f} s, peak {rss:.0f} MB "
          f"| floor (raw executemany of the same rows) {floor:.1f} s | ratio {seconds / floor:.2f}x "
          f"| target < 60 s: {'PASS' if seconds < 60 else 'FAIL'}")
    return target


def write_floor(source_path: Path) -> None:
    """Child process: time raw executemany of every row of `source_path` into an empty copy of its schema.

    Runs apart from the parent so the parent never holds a million rows (forked children would count them).
    Tables that fill themselves are not copied: FTS shadow tables (their virtual table writes them) and tables a
    trigger inserts into (feedback_text, written by an AFTER INSERT trigger on feedback) — copying those as well
    wrote their rows twice. Every table of the floor must end with the source's row count, or the floor fails.
    """
    source = sqlite3.connect(source_path)
    virtual = {name for (name,) in source.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")}
    filled_by_triggers = {target for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE type='trigger'")
        for target in re.findall(r'INSERT\s+(?:OR\s+\w+\s+)?INTO\s+["\'`\[]?(\w+)', sql, re.IGNORECASE)}
    every_table = [t for (t,) in source.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    tables = [t for t in every_table
              if not any(t.startswith(f"{v}_") for v in virtual) and t not in filled_by_triggers]
    rows = {t: source.execute(f'SELECT rowid, doc FROM "{t}"' if t in virtual else f'SELECT * FROM "{t}"')
            .fetchall() for t in tables}
    expected = {t: source.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in every_table if not any(t.startswith(f"{v}_") for v in virtual)}
    source.close()
    with tempfile.TemporaryDirectory() as tmp:
        floor_db = Path(tmp) / "floor.db"
        open_database(floor_db).close()  # same schema, indexes and triggers, empty
        conn = sqlite3.connect(floor_db, isolation_level=None)
        conn.execute("PRAGMA journal_mode=wal")
        for table in tables:  # what opening seeds (schema_info, the write_count row) comes from the source instead
            if table not in virtual:
                conn.execute(f'DELETE FROM "{table}"')
        began = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table in tables:
            if rows[table]:
                marks = ", ".join("?" * len(rows[table][0]))
                columns = "(rowid, doc) " if table in virtual else ""
                conn.executemany(f'INSERT INTO "{table}" {columns}VALUES ({marks})', rows[table])
        conn.execute("COMMIT")
        floor = time.perf_counter() - began
        written = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in expected}
        conn.close()
    wrong = {t: (written[t], n) for t, n in expected.items() if written[t] != n}
    if wrong:
        raise SystemExit(f"floor wrote other rows than the demo (table: written, demo): {wrong}")
    print(floor, sum(written.values()))


def bench_startup(customers: int, repeat: int, env: dict[str, str]) -> None:
    db = current_demo(customers, env)  # a schema upgrade (and its backup copy) is no part of a start
    app_args = [sys.executable, "-m", "keepclient", "--db", str(db)]
    bare_args = [sys.executable, "-c", BARE_WINDOW]
    modes = {"window": {**env, "KEEPCLIENT_QUIT_WHEN_SHOWN": "window"},
             "data": {**env, "KEEPCLIENT_QUIT_WHEN_SHOWN": "data"}}
    for mode_env in modes.values():  # warm the file cache, as any second start would find it
        timed_process(app_args, mode_env)
    timed_process(bare_args, env)
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "window": [], "data": []}
    for _ in range(repeat):  # interleaved, so drifts of a noisy machine hit all three alike
        runs["bare"].append(timed_process(bare_args, env))
        for mode, mode_env in modes.items():
            runs[mode].append(timed_process(app_args, mode_env))
    seconds = {name: statistics.median(t for t, _ in result) for name, result in runs.items()}
    peak = {name: max(r for _, r in result) for name, result in runs.items()}
    print(f"startup  bare PySide6 QMainWindow: median {seconds['bare']:.3f} s, peak {peak['bare']:.0f} MB")
    for mode, what in (("window", "first frame"), ("data", "first frame with the customer list filled")):
        ratio = seconds[mode] / seconds["bare"]
        print(f"startup  keepclient on {customers:,} customers, {what}: median {seconds[mode]:.3f} s, "
              f"peak {peak[mode]:.0f} MB | ratio {ratio:.2f}x | targets <= 2x: {'PASS' if ratio <= 2 else 'FAIL'}, "
              f"<= 150 MB: {'PASS' if peak[mode] <= 150 else 'FAIL'}")


def current_demo(customers: int, env: dict[str, str]) -> Path:
    """The demo database, brought to the current schema in a process of its own (no benchmark pays for it)."""
    db = database_path(customers)
    if not db.exists():
        db = bench_demo(customers, env)
    subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "check"], env=env, check=True,
                   capture_output=True)
    for old_copy in DATA.glob(f"{db.stem}.before-upgrade-*"):
        old_copy.unlink()
    return db


def fresh_copy(db: Path, name: str) -> Path:
    """A copy of `db` that a benchmark may change, without the leftovers of an earlier run."""
    work = DATA / name
    for leftover in DATA.glob(f"{work.name}*"):
        leftover.unlink()
    shutil.copyfile(db, work)
    return work


def bench_list(name: str, customers: int, env: dict[str, str]) -> None:
    """One customer-list benchmark in a process of its own (its RSS is its own), on a copy of the database."""
    work = fresh_copy(current_demo(customers, env), f"work-{customers}.db")
    subprocess.run([sys.executable, str(HERE / "run.py"), "_list", name, str(work)], env=env, check=True)


def bench_calendar(customers: int, env: dict[str, str]) -> None:
    """Calendar views and the Due panel (each in a process of its own), then the week schedule PDF."""
    import calendar_views as calendar_bench

    work = fresh_copy(current_demo(customers, env), f"calendar-{customers}.db")
    for part in ("views", "due"):
        subprocess.run([sys.executable, str(HERE / "run.py"), "_calendar", part, str(work)], env=env, check=True)
    calendar_bench.bench_pdf(work, env)


def bench_feedback(customers: int, env: dict[str, str]) -> None:
    """The feedback log with 200,000 items: service and window, each on a fresh copy of the demo database."""
    db = current_demo(customers, env)
    for part in ("feedback", "feedback_window"):
        work = fresh_copy(db, f"feedback-{customers}.db")
        subprocess.run([sys.executable, "-c", "import sys, feedback_log; feedback_log.add_feedback("
                        "__import__('pathlib').Path(sys.argv[1]))", str(work)], env=env, check=True, cwd=HERE)
        subprocess.run([sys.executable, str(HERE / "run.py"), "_feedback", part, str(work)], env=env, check=True)


def bench_orders(customers: int, env: dict[str, str]) -> None:
    """Order figures and lines on a copy of the demo database topped up to a million order lines."""
    work = fresh_copy(current_demo(customers, env), f"orders-{customers}.db")
    subprocess.run([sys.executable, "-c", "import sys, orders; orders.add_purchases(__import__('pathlib')"
                    ".Path(sys.argv[1]))", str(work)], env=env, check=True, cwd=HERE)
    subprocess.run([sys.executable, str(HERE / "run.py"), "_orders", str(work)], env=env, check=True)


def bench_insights(customers: int, env: dict[str, str]) -> None:
    """Value and churn risk on a copy of the demo database topped up with orders, feedback and visits."""
    work = fresh_copy(current_demo(customers, env), f"insights-{customers}.db")
    subprocess.run([sys.executable, "-c", "import sys, insights; insights.prepare(__import__('pathlib')"
                    ".Path(sys.argv[1]))", str(work)], env=env, check=True, cwd=HERE)
    subprocess.run([sys.executable, str(HERE / "run.py"), "_insights", str(work)], env=env, check=True)
    subprocess.run([sys.executable, str(HERE / "run.py"), "_insights_window", str(work)], env=env, check=True)


def bench_kpis(customers: int, env: dict[str, str]) -> None:
    """Team KPIs on a copy of the database `insights` prepares (prepared here first when it is missing)."""
    prepared = DATA / f"insights-{customers}.db"
    if not prepared.exists():
        prepared = fresh_copy(current_demo(customers, env), prepared.name)
        subprocess.run([sys.executable, "-c", "import sys, insights; insights.prepare(__import__('pathlib')"
                        ".Path(sys.argv[1]))", str(prepared)], env=env, check=True, cwd=HERE)
    work = fresh_copy(prepared, f"kpis-{customers}.db")
    subprocess.run([sys.executable, "-m", "keepclient", "--db", str(work), "check"], env=env, check=True,
                   capture_output=True)  # the schema upgrade is no part of the benchmark
    for old_copy in DATA.glob(f"{work.stem}.before-upgrade-*"):
        old_copy.unlink()
    subprocess.run([sys.executable, str(HERE / "run.py"), "_kpis", str(work)], env=env, check=True)


def bench_dashboard(customers: int, env: dict[str, str]) -> None:
    """The Dashboard tab on a copy of the database `insights` prepares (prepared here first when it is missing);
    the copy (about 900 MB at 100,000 customers) is deleted afterwards."""
    prepared = DATA / f"insights-{customers}.db"
    if not prepared.exists():
        prepared = fresh_copy(current_demo(customers, env), prepared.name)
        subprocess.run([sys.executable, "-c", "import sys, insights; insights.prepare(__import__('pathlib')"
                        ".Path(sys.argv[1]))", str(prepared)], env=env, check=True, cwd=HERE)
    work = fresh_copy(prepared, f"dashboard-{customers}.db")
    try:
        subprocess.run([sys.executable, "-m", "keepclient", "--db", str(work), "check"], env=env, check=True,
                       capture_output=True)  # the schema upgrade is no part of the benchmark
        os.sync()  # the copy's 900 MB written out now, not by the disk while the tab is timed
        subprocess.run([sys.executable, str(HERE / "run.py"), "_dashboard", str(work)], env=env, check=True)
    finally:
        for leftover in DATA.glob(f"{work.name}*"):
            leftover.unlink()
        for old_copy in DATA.glob(f"{work.stem}.before-upgrade-*"):
            old_copy.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", help=f"any of {', '.join(ALL)} (default: all)")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    if sys.argv[1:2] == ["_floor"]:
        write_floor(Path(sys.argv[2]))
        return 0
    if sys.argv[1:2] == ["_window"]:
        import import_window

        import_window.bench_import_window(Path(sys.argv[2]), Path(sys.argv[3]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_calendar"]:
        import calendar_views as calendar_bench

        getattr(calendar_bench, f"bench_{sys.argv[2]}")(Path(sys.argv[3]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_feedback"]:
        import feedback_log

        getattr(feedback_log, f"bench_{sys.argv[2]}")(Path(sys.argv[3]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_orders"]:
        import orders

        orders.bench_orders(Path(sys.argv[2]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_insights_window"]:
        import insights

        insights.bench_at_risk_window(Path(sys.argv[2]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_insights"]:
        import insights

        insights.bench_insights(Path(sys.argv[2]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_kpis"]:
        import kpis

        kpis.bench_kpis(Path(sys.argv[2]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_dashboard"]:
        import dashboard

        dashboard.bench_dashboard(Path(sys.argv[2]))
        sys.stdout.flush()
        os._exit(0)
    if sys.argv[1:2] == ["_list"]:
        import customer_list

        getattr(customer_list, f"bench_{sys.argv[2]}")(Path(sys.argv[3]))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: PySide6 may crash collecting widgets at exit, after the work
    args = parser.parse_args()
    args.which = args.which or list(ALL)
    if set(args.which) - set(ALL):
        parser.error(f"choose from: {', '.join(ALL)}")
    # Installed apps run from compiled bytecode (pip and PyInstaller compile it); a source checkout whose
    # environment says PYTHONDONTWRITEBYTECODE would otherwise recompile keepclient on every start.
    compileall.compile_dir(str(HERE.parent / "keepclient"), quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # The window's check of the file and the day's backup (seconds of disk work a moment after start) would run
    # in the middle of every timed window; the startup benchmark quits before they begin anyway.
    env["KEEPCLIENT_SKIP_STARTUP_CHECK"] = "1"
    with tempfile.TemporaryDirectory() as home:  # never touch the user's own settings or last database
        env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        if "demo" in args.which:
            bench_demo(args.customers, env)
        if "startup" in args.which:
            bench_startup(args.customers, args.repeat, env)
        for name in ("search", "scroll", "detail"):
            if name in args.which:
                bench_list(name, args.customers, env)
        if "calendar" in args.which:
            bench_calendar(args.customers, env)
        if "feedback" in args.which:
            bench_feedback(args.customers, env)
        if "orders" in args.which:
            bench_orders(args.customers, env)
        if "insights" in args.which:
            bench_insights(args.customers, env)
        if "kpis" in args.which:
            bench_kpis(args.customers, env)
        if "dashboard" in args.which:
            bench_dashboard(args.customers, env)
        if "server-move" in args.which:
            import server_move

            server_move.bench_server_move(current_demo(args.customers, env), env)
        if "server-search" in args.which or "server-writers" in args.which:
            import server_workspace

            if "server-search" in args.which:
                server_workspace.bench_server_search(current_demo(args.customers, env))
            if "server-writers" in args.which:
                server_workspace.bench_server_writers()
        if "writers" in args.which:
            import writers

            DATA.mkdir(exist_ok=True)
            writers.report(writers.PROCESSES, writers.WRITES, lambda name: writers.fresh_file(DATA, f"{name}.db"))
        if "spreadsheets" in args.which:
            import spreadsheets

            DATA.mkdir(exist_ok=True)
            spreadsheets.bench_spreadsheets(DATA, args.customers, env)
        if "orders-import" in args.which:
            import orders_import

            orders_import.bench_orders_import(DATA, args.customers, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
