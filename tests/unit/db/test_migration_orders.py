"""Schema 8 (orders): a schema-7 file with purchases upgrades with its amounts kept to the cent."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.migrations import m0008_orders
from keepclient.services.workspace import Workspace
from tests.unit.db.old_rows import insert_customer

# (date, amount as schema 7 stored it: DECIMAL(14, 2) written as text, kept by SQLite as a float), quantity
OLD_PURCHASES = (("2026-01-10", "0.1", 1), ("2026-01-10", "0.2", 2), ("2025-12-01", "1234.56", 3),
                 ("2025-05-31", "99999999.99", 1), ("2026-02-02", "-5.5", 1), ("2026-03-03", "0.29", 7))
EXPECTED_CENTS = (10, 20, 123456, 9999999999, -550, 29)


def test_orders_is_step_8():
    assert migrations.STEPS[7] is m0008_orders and m0008_orders.VERSION == 8


def make_v7_database(path: Path) -> None:
    """A schema-7 file: a salesperson owning a customer with purchases, and a customer without any."""
    db = SqliteDatabase(str(path))
    with db.atomic():
        migrations.upgrade(db, 0, "0.7", target=7)
        common = "uuid, created_at, updated_at, updated_by, version"
        db.execute_sql(f"INSERT INTO salesperson ({common}, name, code, color, email, active) VALUES ('s1', "
                       "'2026-01-01', '2026-01-01', '', 1, '王芳', 'S01', '', '', 1)")
        for n in (1, 2):
            insert_customer(db, f"c{n}", f"客户{n}", owner_id=1)
        for n, (day, amount, quantity) in enumerate(OLD_PURCHASES):
            db.execute_sql(f"INSERT INTO purchase ({common}, customer_id, date, amount, product, quantity, "
                           "deleted_at) VALUES (?, '2026-01-01', '2026-01-01', '', 1, 1, ?, ?, 'X', ?, NULL)",
                           [f"p{n}", day, amount, quantity])
    db.close()


def test_schema_7_purchases_keep_their_amounts_to_the_cent(tmp_path: Path):
    path = tmp_path / "v7.db"
    make_v7_database(path)
    ws = Workspace.open(path, user="王芳")
    assert ws.upgrade_backup is not None and "before-upgrade-v7" in ws.upgrade_backup.name
    lines = ws.orders.for_customer(1)
    assert sorted(line.amount_cents for line in lines) == sorted(EXPECTED_CENTS)
    assert {line.salesperson for line in lines} == {"王芳"} and {line.order_no for line in lines} == {""}
    assert sum(line.quantity for line in lines) == 15
    today = dt.date(2026, 6, 1)
    assert ws.orders.refresh_stale(today) == 1  # the first open after the upgrade counts the one with orders
    detail = ws.customers.detail(1)
    assert detail.revenue_12m_cents == 10 + 20 + 123456 - 550 + 29  # 2025-05-31 is more than 12 months back
    assert detail.orders_count == 5  # two lines of 2026-01-10 without a number: one order that day
    assert detail.last_order == dt.date(2026, 3, 3)
    assert ws.customers.detail(2).orders_count == 0 and ws.orders.refresh_stale(today) == 0
    ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT typeof(amount_cents), count(*) FROM purchase GROUP BY 1").fetchall() == [
        ("integer", len(OLD_PURCHASES))]
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(purchase)")}
    assert {"purchase_uuid", "purchase_order_key", "purchase_import_batch_id", "purchase_customer_id_date"} <= indexes
    conn.close()
