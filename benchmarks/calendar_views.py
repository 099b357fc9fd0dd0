"""Calendar benchmarks on the 100k-customer demo database with a year of visits (issue 5's targets).

- views: the Calendar tab in a real (offscreen) window; switching between day, week, month and agenda and moving
  to the next and previous period, each timed from the action until the view has repainted (read + lay out +
  paint), for the whole team (30 salespeople), one salesperson and five. Baseline in the same run: repainting the
  same view with nothing changed (what painting alone costs).
- due: the Due panel for the whole team (service call, and panel refresh until painted) and for one salesperson.
  Baseline: counting the due customers with one bare indexed SQL query.
- pdf: `keepclient print-schedule --week ... --pdf` for all 30 salespeople as a whole process. Baseline: the same
  process printing the week of one salesperson (start-up, Qt and the database open, which every run pays).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VIEW_TARGET_MS = 100
DUE_TARGET_MS = 200
PDF_TARGET_S = 5.0


def demo_today(db: Path) -> dt.date:
    """The day the demo data was generated for: its planned visits start then."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT min(planned_start) FROM visit WHERE status = 'planned'").fetchone()[0]
    return dt.date.fromisoformat(first[:10])


def _ms(seconds: float) -> float:
    return seconds * 1000


def _area(db: Path, today: dt.date):
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from keepclient.services.workspace import Workspace
    from keepclient.ui.calendar.area import CalendarArea
    from keepclient.ui.settings import Preferences

    def quiet(_kind, _context, message: str) -> None:  # the offscreen plugin's harmless notice on every show
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication([])
    prefs = Preferences(Path(tempfile.mkdtemp()) / "prefs.ini")
    workspace = Workspace.open(db, shared=False, user="bench")
    area = CalendarArea(prefs, today=today)
    area.resize(1300, 820)
    area.show()
    area.show_workspace(workspace)
    app.processEvents()
    return app, area, workspace


def _painted(app, area, action) -> float:
    """Seconds from `action()` until the current view has repainted synchronously."""
    started = time.perf_counter()
    action()
    app.processEvents()
    view = area.current_view()
    (view.viewport() if hasattr(view, "viewport") else view).repaint()
    return time.perf_counter() - started


def bench_views(db: Path) -> None:
    today = demo_today(db)
    app, area, workspace = _area(db, today)
    people = [p.id for p in workspace.team.salespeople()]
    area.go_to(today)
    for label, chosen in (("whole team", None), ("one salesperson", people[:1]), ("five salespeople", people[:5])):
        area.people.set_chosen(chosen)
        area.refresh()
        samples: dict[str, list[float]] = {}
        baseline: list[float] = []
        for _round in range(3):
            for view in ("day", "week", "month", "agenda"):
                samples.setdefault(f"switch to {view}", []).append(_painted(app, area, lambda v=view: area.set_view(v)))
                baseline.append(_painted(app, area, lambda: None))
                samples.setdefault(f"{view}: next", []).append(_painted(app, area, lambda: area.go(1)))
                samples.setdefault(f"{view}: previous", []).append(_painted(app, area, lambda: area.go(-1)))
        worst = max(max(s) for s in samples.values())
        paint = statistics.median(baseline)
        monday = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time())
        week = workspace.visits.count_between(monday, monday + dt.timedelta(days=7), chosen)
        print(f"calendar views, {label} (visits this week: {week:,}):")
        for name, values in samples.items():
            print(f"  {name:<18} median {_ms(statistics.median(values)):6.1f} ms, max {_ms(max(values)):6.1f} ms")
        verdict = "PASS" if _ms(worst) <= VIEW_TARGET_MS else "FAIL"
        print(f"  slowest {_ms(worst):.1f} ms | repaint alone (baseline) {_ms(paint):.1f} ms | ratio "
              f"{worst / paint:.1f}x | target <= {VIEW_TARGET_MS} ms: {verdict}")


def bench_due(db: Path) -> None:
    from keepclient.domain import periods

    today = demo_today(db)
    app, area, workspace = _area(db, today)
    visits = workspace.visits
    week_end = periods.week_end(today)

    def bare() -> None:
        with workspace.db.session() as pw:
            pw.execute_sql("SELECT count(*) FROM customer WHERE deleted_at IS NULL AND next_follow_up <= ?",
                           [week_end]).fetchone()

    def timed(action, repeat: int = 15) -> list[float]:
        action()  # warm the page cache: the first read after a copy measures the disk
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            action()
            runs.append(time.perf_counter() - started)
        return runs

    base = statistics.median(timed(bare))
    team = timed(lambda: visits.due(salesperson_id=None, today=today))
    one = timed(lambda: visits.due(salesperson_id=workspace.team.salespeople()[0].id, today=today))
    panel = area.due
    panel.set_salesperson(None)

    def refresh_panel() -> None:
        panel.refresh()
        app.processEvents()
        panel.repaint()

    shown = timed(refresh_panel)
    counts = visits.due(salesperson_id=None, today=today).counts
    worst = max(statistics.median(team), statistics.median(shown))
    print(f"due panel, whole team ({counts['overdue']:,} overdue, {counts['today']:,} today, {counts['week']:,} "
          f"later this week): service median {_ms(statistics.median(team)):.1f} ms (max {_ms(max(team)):.1f}), "
          f"panel refreshed and painted median {_ms(statistics.median(shown)):.1f} ms (max {_ms(max(shown)):.1f}) "
          f"| one salesperson: service median {_ms(statistics.median(one)):.1f} ms | bare count query "
          f"{_ms(base):.1f} ms | ratio {worst / base:.1f}x | target <= {DUE_TARGET_MS} ms: "
          f"{'PASS' if _ms(worst) <= DUE_TARGET_MS else 'FAIL'}")


def bench_pdf(db: Path, env: dict[str, str]) -> None:
    today = demo_today(db)
    year, week, _ = today.isocalendar()
    out = Path(tempfile.mkdtemp())

    def run(*extra: str) -> tuple[float, str]:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "print-schedule", "--week",
                                 f"{year}-W{week:02d}", *extra], env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"print-schedule failed: {result.stderr[-2000:]}")
        return elapsed, result.stdout.strip()

    import sqlite3

    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT name FROM salesperson ORDER BY name LIMIT 1").fetchone()[0]
    alls, ones = [], []
    for _ in range(3):
        seconds, said = run("--pdf", str(out / "team.pdf"))
        alls.append(seconds)
        ones.append(run("--pdf", str(out / "one.pdf"), "--salesperson", first)[0])
    best = statistics.median(alls)
    print(f"week schedule PDF, all salespeople ({said}): median {best:.2f} s (max {max(alls):.2f}) | one "
          f"salesperson (baseline) {statistics.median(ones):.2f} s | ratio {best / statistics.median(ones):.1f}x "
          f"| target <= {PDF_TARGET_S:.0f} s: {'PASS' if best <= PDF_TARGET_S else 'FAIL'}")
