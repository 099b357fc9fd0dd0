"""`keepclient import-orders` end to end, as separate processes: preview, import, re-import, report, undo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from tests import plain_sql
from tests.integration.test_cli import run

HEADERS = ["Order No.", "Order Date", "Customer", "Phone", "Product", "Qty", "Unit Price", "Amount", "Sales Rep"]


def order_sheet(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Orders 2025"])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def customer_names(db: Path) -> list[str]:
    conn = plain_sql.connect(db)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM customer ORDER BY id LIMIT 2")]
    finally:
        conn.close()


def count(db: Path, sql: str) -> int:
    conn = plain_sql.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_import_orders_preview_import_reimport_and_undo(tmp_path: Path, new_database):
    db = new_database("team")  # a file, and a team server
    assert run("--db", str(db), "demo", "--customers", "30").returncode == 0
    first, second = customer_names(db)
    day = dt.date(2025, 3, 1)
    path = order_sheet(tmp_path / "orders.xlsx", [
        ["PO-1", day, first, "", "Widget", 2, "¥12.50", None, "Nobody Yet"],
        ["PO-1", day, first, "", "Bolt", 1, None, "1.234,50 €", "Nobody Yet"],
        ["", day, second, "", "Nut", 3, 1.5, "bad", ""],
        ["PO-2", day, "Unknown Trading Co", "", "Widget", 1, None, 99, ""],
    ])
    purchases = count(db, "SELECT count(*) FROM purchase")
    preview = run("--db", str(db), "--lang", "en", "import-orders", str(path), "--dry-run", "--json")
    assert preview.returncode == 0, preview.stderr
    document = json.loads(preview.stdout)
    assert document["summary"]["new"] == 3 and document["summary"]["unmatched"] == 1
    assert document["mapping"]["Amount"] == "amount" and document["new_salespeople"] == ["Nobody Yet"]
    assert {(p["row"], p["reason"]) for p in document["problems"]} == {(5, "money"), (6, "no_customer")}
    assert count(db, "SELECT count(*) FROM purchase") == purchases  # a dry run writes nothing

    report = tmp_path / "problems.xlsx"
    done = run("--db", str(db), "--lang", "en", "import-orders", str(path), "--yes", "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "Order lines new: 3, already there: 0, without a matching customer: 1" in done.stdout
    assert "undo-import" in done.stdout
    # a file's backup taken while the rows were matched; a server's backups are its own (pg_dump)
    assert bool(list((tmp_path / "backups").glob("*before-import*"))) == isinstance(db, Path)
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("Row", "Column", "Value as written", "What was done", "Why") and len(rows) == 3
    assert count(db, "SELECT count(*) FROM purchase") == purchases + 3
    assert count(db, "SELECT amount_cents FROM purchase WHERE product = 'Widget' "
                     "AND import_batch_id IS NOT NULL") == 2500
    assert count(db, "SELECT notes FROM purchase WHERE product = 'Nut'") == "Amount as written: bad"

    again = run("--db", str(db), "--lang", "en", "import-orders", str(path), "--yes")
    assert again.returncode == 0, again.stderr
    assert "new: 0, already there: 3" in again.stdout
    assert count(db, "SELECT count(*) FROM purchase") == purchases + 3

    created = run("--db", str(db), "--lang", "en", "import-orders", str(path), "--yes", "--create-customers")
    assert created.returncode == 0, created.stderr
    assert "New customers: 1" in created.stdout
    assert count(db, "SELECT count(*) FROM customer WHERE name = 'Unknown Trading Co'") == 1

    history = run("--db", str(db), "imports")
    assert history.stdout.count("kind orders") == 2, history.stdout
    batch = history.stdout.splitlines()[0].split("\t")[0]
    assert run("--db", str(db), "--lang", "en", "undo-import", batch).returncode == 0
    assert count(db, "SELECT count(*) FROM customer WHERE name = 'Unknown Trading Co'") == 0
    assert count(db, "SELECT count(*) FROM purchase") == purchases + 3
    assert "(undone)" in run("--db", str(db), "imports").stdout


def test_nothing_to_import_is_exit_10(tmp_path: Path, new_database):
    db = new_database("team")
    assert run("--db", str(db), "demo", "--customers", "5").returncode == 0
    path = order_sheet(tmp_path / "orders.xlsx", [["PO-9", dt.date(2025, 1, 2), "Nobody Ltd", "", "X", 1, 1, 1, ""]])
    result = run("--db", str(db), "--lang", "en", "import-orders", str(path), "--yes")
    assert result.returncode == 10
    assert "no customer in the database matches" in result.stdout
