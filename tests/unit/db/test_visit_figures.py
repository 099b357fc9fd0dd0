"""The visit figures kept by triggers (schema 16): each customer's last done visit (db/last_done.py) and the visits
by salesperson and month (db/visit_months.py), through every way a visit changes: logged, planned and then done,
moved, reassigned to another customer or salesperson, trashed and restored, done undone, deleted for good (also with
its customer), and written in bulk; always equal to a recount over the visits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.db import last_done, visit_months
from keepclient.services.workspace import Workspace
from tests.small_team import build

DAY = dt.datetime(2026, 10, 5, 10, 0)
RECOUNT = ("SELECT c.id, (SELECT max(v.planned_start) FROM visit v NOT INDEXED WHERE v.customer_id = c.id "
           "AND v.deleted_at IS NULL AND v.status = 'done') FROM customer c ORDER BY c.id")


@pytest.fixture
def team(tmp_path: Path):
    ws, ids, _people = build(tmp_path / "team.db")
    yield ws, ids
    ws.close()


def stored(ws: Workspace, customer_id: int) -> str | None:
    with ws.db.session() as pw:
        return pw.execute_sql("SELECT last_done_at FROM customer WHERE id = ?", [customer_id]).fetchone()[0]


MONTHS = "SELECT * FROM visit_month WHERE planned != 0 ORDER BY month, salesperson_id"
TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY 1"


def assert_recounted(ws: Workspace) -> None:
    with ws.db.session() as pw:
        kept = pw.execute_sql("SELECT id, last_done_at FROM customer ORDER BY id").fetchall()
        assert kept == pw.execute_sql(RECOUNT).fetchall()
        months = pw.execute_sql(MONTHS).fetchall()
    with ws.db.write() as pw:
        for statement in visit_months.RECOUNT_ALL:
            pw.execute_sql(statement)
        assert pw.execute_sql(MONTHS).fetchall() == months


def test_every_change_to_a_visit_keeps_the_customers_last_done_visit(team):
    ws, ids = team
    v = ws.visits
    huaxin, zhang = ids["huaxin"], ids["zhangwei"]
    assert stored(ws, huaxin) is None
    first = ws.activity.log_contact(huaxin, kind="call", when=DAY).entry_id
    assert stored(ws, huaxin) == "2026-10-05 10:00:00"
    ws.activity.log_contact(huaxin, kind="visit", when=DAY - dt.timedelta(days=30))  # earlier: no change
    assert stored(ws, huaxin) == "2026-10-05 10:00:00"
    (planned,) = v.plan(huaxin, start=DAY + dt.timedelta(days=7))
    assert stored(ws, huaxin) == "2026-10-05 10:00:00"  # planned is not done
    v.log_outcome(planned, version=v.get(planned).version, status="done", satisfaction=4)
    assert stored(ws, huaxin) == "2026-10-12 10:00:00"
    assert_recounted(ws)
    v.reschedule(planned, DAY + dt.timedelta(days=9), version=v.get(planned).version)
    assert stored(ws, huaxin) == "2026-10-14 10:00:00"
    versions = v.delete(planned, version=v.get(planned).version)  # to the trash: the one before counts again
    assert stored(ws, huaxin) == "2026-10-05 10:00:00"
    assert_recounted(ws)
    v.restore(versions)
    assert stored(ws, huaxin) == "2026-10-14 10:00:00"
    v.update(planned, {"salesperson_id": None}, version=v.get(planned).version)
    v.reschedule(planned, DAY + dt.timedelta(days=40), version=v.get(planned).version)  # into November
    assert_recounted(ws)
    v.log_outcome(planned, version=v.get(planned).version, status="cancelled")  # done undone
    assert stored(ws, huaxin) == "2026-10-05 10:00:00"
    with ws.db.write() as pw:  # a visit moved to another customer (a merge), then deleted for good
        pw.execute_sql("UPDATE visit SET customer_id = ? WHERE id = ?", [zhang, first])
    assert stored(ws, huaxin) == "2026-09-05 10:00:00" and stored(ws, zhang) == "2026-10-05 10:00:00"
    with ws.db.write() as pw:
        pw.execute_sql("DELETE FROM visit WHERE id = ?", [first])
    assert stored(ws, zhang) is None
    assert_recounted(ws)
    counted = "SELECT total(planned) FROM visit_month"
    with ws.db.session() as pw:
        assert pw.execute_sql(counted).fetchone()[0] == 2  # 华信's call a month before and the cancelled visit
    with ws.db.write() as pw:  # a customer deleted for good takes its visits along
        pw.execute_sql("DELETE FROM customer WHERE id = ?", [huaxin])
    assert_recounted(ws)
    with ws.db.session() as pw:
        assert pw.execute_sql(counted).fetchone()[0] == 0


def test_bulk_rows_and_the_upgrade_recount_agree(team):
    ws, ids = team
    with ws.db.write() as pw:
        for n in range(60):
            pw.execute_sql(
                "INSERT INTO visit (uuid, created_at, updated_at, updated_by, version, customer_id, planned_start, "
                "duration_minutes, kind, purpose, location, status, outcome, deleted_at) VALUES (?, '2026-01-01', "
                "'2026-01-01', 'bulk', 1, ?, ?, 30, 'call', '', '', ?, '', ?)",
                [f"bulk-{n}", list(ids.values())[n % len(ids)], f"2026-{1 + n % 12:02d}-{1 + n % 27:02d} 09:00:00",
                 ("done", "planned", "missed")[n % 3], "2026-06-01 00:00:00" if n % 7 == 0 else None])
    assert_recounted(ws)
    with ws.db.write() as pw:
        pw.execute_sql("UPDATE customer SET last_done_at = NULL")
        pw.execute_sql(last_done.RECOUNT_ALL)
    assert_recounted(ws)


def test_the_demo_counts_the_figures_once_and_keeps_the_triggers(tmp_path: Path):
    from keepclient.services.demo import generate_demo

    ws = Workspace.open(tmp_path / "demo.db", user="tester")
    try:
        with ws.db.session() as pw:
            triggers = pw.execute_sql(TRIGGERS).fetchall()
        generate_demo(ws.db, customers=120, today=dt.date(2026, 11, 23))
        assert_recounted(ws)
        with ws.db.session() as pw:
            assert pw.execute_sql("SELECT count(*) FROM customer WHERE last_done_at IS NOT NULL").fetchone()[0] > 50
            assert pw.execute_sql(TRIGGERS).fetchall() == triggers
        customer = ws.customers.detail(1).id
        ws.activity.log_contact(customer, kind="call", when=dt.datetime(2026, 11, 30, 9))  # the triggers work again
        assert stored(ws, customer) == "2026-11-30 09:00:00"
        assert_recounted(ws)
    finally:
        ws.close()
