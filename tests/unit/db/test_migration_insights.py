"""Schema 9 (insights): a schema-8 file with customers and orders upgrades with a backup first, keeps its data, and
gets value and risk on the first recompute. Schema 10 stores the order totals the lifetime value and the
year-on-year revenue read (counted again on the first open)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0009_insights, m0010_order_totals
from keepclient.services.workspace import Workspace

COMMON = "uuid, created_at, updated_at, updated_by, version"


def test_insights_and_order_totals_are_steps_9_and_10():
    assert migrations.STEPS[8] is m0009_insights and m0009_insights.VERSION == 9
    assert migrations.STEPS[9] is m0010_order_totals and m0010_order_totals.VERSION == 10


def make_v8_database(path: Path) -> None:
    """A schema-8 file: a salesperson owning two customers, one with order lines."""
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.8", target=8)
        db.execute_sql(f"INSERT INTO salesperson ({COMMON}, name, code, color, email, active) VALUES ('s1', "
                       "'2026-01-01', '2026-01-01', '', 1, '王芳', 'S01', '', '', 1)")
        for n in (1, 2):
            db.execute_sql(f"INSERT INTO customer ({COMMON}, name, kind, owner_id, tier, stage, industry, source, "
                           "address, city, region, phone, email, website, notes, name_norm, name_pinyin, "
                           "name_initials, phone_digits, sort_key, open_feedback) VALUES (?, '2025-01-01 09:00:00', "
                           "'2026-01-01', '', 3, ?, 'company', 1, 'B', 'active', '', '', '', '', '', '', '', '', "
                           "'', '', '', '', '', ?, 0)", [f"c{n}", f"客户{n}", f"kehu{n}"])
        for n, day in enumerate(("2025-06-01", "2025-09-01", "2025-12-01", "2026-03-01")):
            db.execute_sql(f"INSERT INTO purchase ({COMMON}, customer_id, date, order_no, product, quantity, "
                           "unit_price_cents, amount_cents, salesperson_id, notes, order_key) VALUES (?, "
                           "'2026-01-01', '2026-01-01', '', 1, 1, ?, '', 'X', 1, NULL, 250000, 1, '', '')",
                           [f"p{n}", day])
    db.close()


def test_schema_8_gets_value_and_risk_columns(tmp_path: Path):
    path = tmp_path / "v8.db"
    make_v8_database(path)
    ws = Workspace.open(path, user="王芳")
    assert ws.upgrade_backup is not None and "before-upgrade-v8" in ws.upgrade_backup.name
    assert ws.db.pw.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    detail = ws.customers.detail(1)
    assert detail.name == "客户1" and detail.version == 3
    today = dt.date(2026, 11, 1)
    assert ws.insights.stale_count(today) == 2  # never computed: the first open computes them
    ws.orders.refresh_stale(today)
    assert ws.insights.ensure_current(today) == 2
    value = ws.insights.value(1, today=today)
    assert value.orders_count == 4 and value.revenue_total_cents == 1_000_000 and value.ltv.cents > 0
    assert ws.customers.detail(1).version == 3  # computing them is not an edit
    ws.close()
    conn = sqlite3.connect(path)
    try:
        columns = {row[1]: row for row in conn.execute("PRAGMA table_info(customer)")}
        assert {"risk_score", "risk_reasons", "suggested_tier", "tier_pinned", "rfm", "ltv_cents", "lost_reason",
                "insights_as_of"} <= set(columns)
        reasons, pinned, lost, suggested = conn.execute(
            "SELECT risk_reasons, tier_pinned, lost_reason, suggested_tier FROM customer WHERE id = 2").fetchone()
        assert (pinned, lost, suggested) == (0, "", "C") and '"no_contact"' in reasons  # never contacted
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(customer)")}
        assert "customer_deleted_at_risk_score_sort_key" in indexes
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM customer WHERE deleted_at IS NULL AND risk_score >= 50 "
                            "ORDER BY risk_score DESC, sort_key LIMIT 100").fetchall()
        assert any("customer_deleted_at_risk_score_sort_key" in row[-1] for row in plan), plan
    finally:
        conn.close()


def test_schema_9_counts_the_order_totals_on_the_first_open(tmp_path: Path):
    path = tmp_path / "v9.db"
    make_v8_database(path)
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 8, "0.9", target=9)
        db.execute_sql("UPDATE customer SET revenue_12m_cents = 500000, orders_count = 4, value_as_of = '2026-11-01' "
                       "WHERE id = 1")
    db.close()
    ws = Workspace.open(path, user="王芳")
    today = dt.date(2026, 11, 1)
    assert ws.db.pw.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert ws.orders.refresh_stale(today) == 1  # counted again, although counted for this day before the upgrade
    with ws.db.session() as pw:
        row = pw.execute_sql("SELECT revenue_total_cents, revenue_prev_12m_cents, first_order, revenue_12m_cents "
                             "FROM customer WHERE id = 1").fetchone()
    # lines of 2,500 on 2025-06-01, 2025-09-01, 2025-12-01, 2026-03-01: the last 12 months from 2025-11-01 hold two
    assert row == (1_000_000, 500_000, "2025-06-01", 500_000)
    ws.close()
