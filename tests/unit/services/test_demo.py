"""Demo data: realistic, complete, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.domain.errors import CancelledError, DatabaseNotEmptyError
from keepclient.domain.normalize import has_han
from keepclient.services.workspace import Workspace
from tests.conftest import DEMO_TODAY


def _scalar(ws: Workspace, sql: str):
    return ws.db.pw.execute_sql(sql).fetchone()[0]


def test_demo_has_every_kind_of_record(workspace: Workspace):
    report = workspace.check()
    assert report.ok
    counts = report.counts
    assert counts["customer"] == 300 and counts["salesperson"] >= 3
    assert counts["contact"] > 300 and counts["visit"] > 600 and counts["purchase"] > 300 and counts["feedback"] > 10
    names = [r[0] for r in workspace.db.pw.execute_sql("SELECT name FROM customer").fetchall()]
    chinese = sum(has_han(n) for n in names)
    assert 0.6 * len(names) < chinese < len(names)  # mostly Chinese, some English


def test_demo_covers_a_past_year_and_the_coming_four_weeks(workspace: Workspace):
    first = _scalar(workspace, "SELECT min(planned_start) FROM visit WHERE status != 'planned'")
    last_done = _scalar(workspace, "SELECT max(planned_start) FROM visit WHERE status = 'done'")
    assert dt.datetime.fromisoformat(first).date() <= DEMO_TODAY - dt.timedelta(days=300)
    assert dt.datetime.fromisoformat(last_done).date() <= DEMO_TODAY
    planned = workspace.db.pw.execute_sql("SELECT planned_start FROM visit WHERE status = 'planned'").fetchall()
    days = {dt.datetime.fromisoformat(p).date() for (p,) in planned}
    assert planned and min(days) >= DEMO_TODAY and max(days) <= DEMO_TODAY + dt.timedelta(days=34)
    assert all(d.weekday() < 5 for d in days)
    assert _scalar(workspace, "SELECT count(*) FROM feedback WHERE status != 'closed'") > 0
    assert _scalar(workspace, "SELECT count(*) FROM customer WHERE name_initials != ''") > 150


def test_demo_refuses_a_database_with_customers(workspace: Workspace):
    with pytest.raises(DatabaseNotEmptyError):
        workspace.generate_demo(10)


def test_cancelled_demo_writes_nothing(tmp_path: Path):
    ws = Workspace.open(tmp_path / "c.db")
    seen: list[int] = []
    with pytest.raises(CancelledError):
        ws.generate_demo(5000, progress=lambda done, total: seen.append(done), is_cancelled=lambda: len(seen) >= 1)
    assert seen == [2000]
    assert ws.check().counts["customer"] == 0 and ws.check().counts["salesperson"] == 0
    ws.close()


def test_demo_is_repeatable(tmp_path: Path):
    names = []
    for n in range(2):
        ws = Workspace.open(tmp_path / f"r{n}.db")
        ws.generate_demo(50)
        names.append(ws.db.pw.execute_sql("SELECT name, tier FROM customer ORDER BY id").fetchall())
        ws.close()
    assert names[0] == names[1]
