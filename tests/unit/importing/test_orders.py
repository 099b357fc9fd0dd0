"""The orders import on real .xlsx files and a real database: matching, problems kept as written, amounts as people
write them, idempotent re-imports, merged cells, undo, and the customers' order figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from keepclient.db.order_values import year_before
from keepclient.domain import money
from keepclient.importing.orders import looks_like_orders, map_order_columns, order_key
from tests import plain_sql

TODAY = dt.date(2025, 6, 30)
HEADERS = ["订单号", "下单日期", "客户名称", "客户编号", "电话", "品名", "数量", "单价", "金额", "业务员", "备注"]


def sheet(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS, merges: tuple[str, ...] = ()) -> Path:
    """An order list as people keep it: a merged title, a blank row, the header, the lines, a totals row."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "订单"
    ws.append(["2025年销售订单"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    ws.append(["合计"])
    for merge in merges:
        ws.merge_cells(merge)
    book.save(path)
    return path


def line(no: str = "", day: Any = dt.date(2025, 3, 1), customer: str = "", ref: str = "", phone: str = "",
         product: str = "螺丝", qty: Any = 1, price: Any = None, amount: Any = 100, rep: str = "",
         notes: str = "") -> list[Any]:
    return [no, day, customer, ref, phone, product, qty, price, amount, rep, notes]


@pytest.fixture
def customers(ws) -> dict[str, int]:
    huaxin = ws.editor.create("上海华信(集团)有限公司")
    brown = ws.editor.create("Brown Foods", phone="+44 20 7946 0000")
    anda = ws.editor.create("北京安达贸易")
    ws.contacts.add(anda, name="赵磊", mobile="13812345678")
    return {"huaxin": huaxin, "brown": brown, "anda": anda}


def purchases(ws, where: str = "TRUE", params: tuple = ()) -> list[tuple]:
    conn = plain_sql.connect(ws.source)
    try:
        return conn.execute(
            "SELECT customer_id, date, order_no, product, quantity, unit_price_cents, amount_cents, notes, order_key "
            f"FROM purchase WHERE {where} ORDER BY id", params).fetchall()
    finally:
        conn.close()


def do_import(ws, path: Path, create: bool = False):
    service = ws.order_imports
    preview = service.preview(path, create_customers=create, today=TODAY)
    result = service.run(preview, today=TODAY) if preview.plan.new_orders else None
    return preview, result


def uuid_of(ws, customer_id: int) -> str:
    conn = plain_sql.connect(ws.source)
    try:
        return conn.execute("SELECT uuid FROM customer WHERE id = ?", (customer_id,)).fetchone()[0]
    finally:
        conn.close()


# -- columns ---------------------------------------------------------------------------------------------------
def test_headers_in_chinese_and_english_map_to_order_fields():
    assert set(map_order_columns(HEADERS).values()) == {
        "order_no", "date", "customer", "customer_id", "phone", "product", "quantity", "unit_price", "amount",
        "salesperson", "notes"}
    english = ["Order No.", "Order Date", "Customer Name", "Customer ID", "Phone", "Product", "Qty", "Unit Price",
               "Total", "Sales Rep"]
    assert list(map_order_columns(english).values()) == [
        "order_no", "date", "customer", "customer_id", "phone", "product", "quantity", "unit_price", "amount",
        "salesperson"]
    assert set(map_order_columns(["单号", "日期", "客户", "产品", "总额"]).values()) == {
        "order_no", "date", "customer", "product", "amount"}
    assert looks_like_orders(HEADERS) and looks_like_orders(english)
    assert not looks_like_orders(["客户名称", "联系人", "手机", "电话", "地址", "备注"])


def test_order_key_ignores_case_width_and_punctuation():
    assert order_key("SO-2025-001") == order_key("so 2025 001") == order_key("ＳＯ２０２５００１")
    assert order_key("  ") == "" and order_key("") == ""


# -- matching ------------------------------------------------------------------------------------------------
def test_customers_matched_by_id_then_name_then_phone(ws, customers, tmp_path):
    path = sheet(tmp_path / "o.xlsx", [
        line("A1", customer="名字不对", ref=uuid_of(ws, customers["brown"])),  # our ID wins over the name
        line("A2", ref=str(customers["anda"])),  # the customer number
        line("A3", customer="上海华信（集团）有限公司 "),  # other brackets and a space: the same name
        line("A4", phone="138-1234-5678"),  # a contact's mobile
        line("A5", phone="+44 20 7946 0000"),
        line("A7", phone="+86 138 1234 5678"),  # the contact's mobile with the country code
        line("A6", customer="无名公司"),  # nobody: a problem, not imported
    ])
    preview, result = do_import(ws, path)
    plan = preview.plan
    assert [(o.customer_id, o.matched_by) for o in plan.orders] == [
        (customers["brown"], "id"), (customers["anda"], "id"), (customers["huaxin"], "name"),
        (customers["anda"], "phone"), (customers["brown"], "phone"), (customers["anda"], "phone"), (None, "")]
    unmatched = [p for p in plan.problems if p.unmatched]
    assert [(p.row, p.column, p.value, p.reason) for p in unmatched] == [(10, "客户名称", "无名公司", "no_customer")]
    assert plan.summary()["unmatched"] == 1 and plan.summary()["new"] == 6
    assert result is not None and len(purchases(ws)) == 6
    assert not purchases(ws, "order_no = 'A6'")


def test_create_customers_makes_unmatched_names_customers(ws, customers, tmp_path):
    path = sheet(tmp_path / "o.xlsx", [line("B1", customer="无名公司", rep="新来的"),
                                      line("B1", customer="无名公司", product="螺母", rep="新来的"),
                                      line("B2", phone="13900000000"),  # no name: nothing to create it from
                                      line("B3", customer="电话公司", phone="+86 139 0000 0001")])
    preview, _result = do_import(ws, path, create=True)
    assert preview.plan.summary()["customers"] == 2 and preview.plan.new_salespeople == ["新来的"]
    assert preview.plan.summary()["unmatched"] == 1
    conn = plain_sql.connect(ws.source)
    created = conn.execute("SELECT c.id, s.name, c.name_norm FROM customer c JOIN salesperson s ON s.id = c.owner_id "
                           "WHERE c.name = '无名公司'").fetchone()
    conn.close()
    assert created[1] == "新来的" and created[2] == "无名公司"
    conn = plain_sql.connect(ws.source)
    phone = conn.execute("SELECT phone FROM customer WHERE name = '电话公司'").fetchone()[0]
    conn.close()
    assert phone == "139 0000 0001"  # stored as the contacts import stores it
    assert [row[0] for row in purchases(ws)] == [created[0], created[0], created[0] + 1]
    again, _ = do_import(ws, path, create=True)
    assert again.plan.summary()["new"] == 0 and again.plan.summary()["customers"] == 0


# -- values ------------------------------------------------------------------------------------------------
def test_amounts_as_text_and_numbers(ws, customers, tmp_path):
    path = sheet(tmp_path / "o.xlsx", [
        line("C1", customer="Brown Foods", amount="¥1,234.50"),
        line("C2", customer="Brown Foods", amount="1.234,50 €"),
        line("C3", customer="Brown Foods", amount="1,234"),
        line("C4", customer="Brown Foods", amount=1234.5),  # a float from Excel
        line("C5", customer="Brown Foods", qty=3, price="¥12.50", amount=None),  # qty × unit price
        line("C6", customer="Brown Foods", qty="2.5", price=0.1, amount=None),
        line("C7", customer="Brown Foods", amount="RMB 1.5万"),
        line("C8", customer="Brown Foods", qty="10件", price=2, amount=None),  # a unit after the quantity
    ])
    do_import(ws, path)
    got = {row[2]: (row[4], row[5], row[6]) for row in purchases(ws)}
    assert got["C1"][2] == got["C2"][2] == got["C4"][2] == 123450
    assert got["C3"][2] == 123400
    assert got["C5"] == (3, 1250, 3750)
    assert Decimal(str(got["C6"][0])) == Decimal("2.5") and got["C6"][1:] == (10, 25)
    assert got["C7"][2] == 1_500_000  # 15,000 yuan
    assert got["C8"] == (10, 200, 2000)


def test_money_parsing_rules():
    assert money.parse_cents("¥1,234.50") == money.parse_cents("1.234,50 €") == 123450
    assert money.parse_cents("(120.00)") == -12000
    assert money.parse_cents(0.1 + 0.2) == 30
    assert money.parse_cents("１２，３４５.００") == money.parse_cents("12,345元") == 1_234_500  # full-width
    for bad in ("", "abc", "1,23,4", "1.2.3,4,5", "¥", "--5"):
        with pytest.raises(ValueError):
            money.parse_cents(bad)


def test_unreadable_values_are_problems_kept_in_the_notes(ws, customers, tmp_path):
    path = sheet(tmp_path / "o.xlsx", [
        line("D1", day="2025/13/45", customer="Brown Foods", qty="几个", price="面议", amount="待定", notes="急"),
        line("D2", day=None, customer="Brown Foods", amount=None),
        line(),  # no customer, but an order line (product, amount): reported as unmatched, not refused
        ["", None, "", "", "", "", None, None, None, "", "只是备注"],  # nothing: refused
    ])
    preview, _ = do_import(ws, path)
    problems = [(p.row, p.column, p.value, p.action, p.reason) for p in preview.plan.problems]
    assert problems == [
        (4, "下单日期", "2025/13/45", "dated_today", "date"), (4, "数量", "几个", "noted", "number"),
        (4, "单价", "面议", "noted", "money"), (4, "金额", "待定", "noted", "money"),
        (5, "下单日期", "", "dated_today", "no_date"), (5, "金额", "", "zero", "no_amount"),
        (6, "客户名称", "", "unmatched", "no_customer"), (7, "", "", "refused", "no_order")]
    summary = preview.plan.summary()
    assert (summary["new"], summary["refused"], summary["unmatched"], summary["with_problems"]) == (2, 1, 1, 2)
    d1, d2 = purchases(ws)
    assert d1[1] == TODAY.isoformat() and d1[6] == 0 and Decimal(str(d1[4])) == 1
    assert d1[7].splitlines() == ["急", "Date as written: 2025/13/45", "Quantity as written: 几个",
                                  "Unit price as written: 面议", "Amount as written: 待定"]
    assert d2[1] == TODAY.isoformat() and d2[6] == 0


def test_excel_serial_dates_and_text_dates(ws, customers, tmp_path):
    path = sheet(tmp_path / "o.xlsx", [line("E1", day=45717, customer="Brown Foods"),
                                      line("E2", day="2025年3月2日", customer="Brown Foods"),
                                      line("E3", day="3/4/2025", customer="Brown Foods")])
    do_import(ws, path)
    assert [row[1] for row in purchases(ws)] == ["2025-03-01", "2025-03-02", "2025-03-04"]


# -- identity ------------------------------------------------------------------------------------------------
def test_reimport_of_the_same_file_adds_nothing(ws, customers, tmp_path):
    rows = [line("F1", customer="Brown Foods", product="螺丝", amount=100),
            line("F1", customer="Brown Foods", product="螺母", amount=100),  # a second line of the order
            line("F1", customer="Brown Foods", product="螺母", amount=100),  # the same line twice: both kept
            line("", day=dt.date(2025, 3, 2), customer="Brown Foods", product="垫片", amount=50),
            line("", day=dt.date(2025, 3, 3), customer="Brown Foods", product="垫片", amount=50)]
    path = sheet(tmp_path / "o.xlsx", rows)
    preview, _ = do_import(ws, path)
    assert preview.plan.summary()["new"] == 5 and len(purchases(ws)) == 5
    again, result = do_import(ws, path)
    assert (again.plan.summary()["new"], again.plan.summary()["present"]) == (0, 5) and result is None
    renamed = sheet(tmp_path / "again.xlsx", [[r[0].lower().replace("f", "F "), *r[1:]] for r in rows])
    assert do_import(ws, renamed)[0].plan.summary()["new"] == 0  # "F 1" is order F1 written another way
    assert len(purchases(ws)) == 5


def test_overlapping_file_adds_only_the_lines_missing(ws, customers, tmp_path):
    first = [line(f"G{n}", customer="上海华信(集团)有限公司", amount=n * 100) for n in range(1, 5)]
    do_import(ws, sheet(tmp_path / "first.xlsx", first))
    later = [*first[2:], line("G4", customer="上海华信(集团)有限公司", product="新品", amount=999),
             line("G5", customer="上海华信(集团)有限公司", amount=500)]
    preview, _ = do_import(ws, sheet(tmp_path / "later.xlsx", later))
    summary = preview.plan.summary()
    assert (summary["new"], summary["present"]) == (2, 2)
    assert [(r[2], r[3]) for r in purchases(ws)][4:] == [("G4", "新品"), ("G5", "螺丝")]


def test_customer_name_merged_over_the_lines_of_an_order(ws, customers, tmp_path):
    rows = [line("H1", customer="北京安达贸易", product="螺丝", amount=100),
            line("H1", customer=None, day=None, product="螺母", amount=200),
            line("H1", customer=None, day=None, product="垫片", amount=300),
            line("H2", customer="Brown Foods", amount=400)]
    path = sheet(tmp_path / "merged.xlsx", rows, merges=("C4:C6", "B4:B6", "A4:A6"))
    preview, _ = do_import(ws, path)
    assert not preview.plan.problems
    assert [(r[0], r[1], r[2]) for r in purchases(ws)] == [
        (customers["anda"], "2025-03-01", "H1")] * 3 + [(customers["brown"], "2025-03-01", "H2")]


# -- undo and figures ------------------------------------------------------------------------------------------
def figures(ws) -> dict[int, tuple]:
    conn = plain_sql.connect(ws.source)
    try:
        return {cid: (revenue, count) for cid, revenue, count in conn.execute(
            "SELECT id, revenue_12m_cents, orders_count FROM customer WHERE deleted_at IS NULL")}
    finally:
        conn.close()


def plain_figures(ws) -> dict[int, tuple]:
    """The same figures as a plain SUM and COUNT over the purchases."""
    conn = plain_sql.connect(ws.source)
    since = year_before(TODAY).isoformat()
    try:
        return {cid: (revenue, count) for cid, revenue, count in conn.execute(
            "SELECT c.id, coalesce((SELECT sum(p.amount_cents) FROM purchase p WHERE p.customer_id = c.id AND "
            "p.deleted_at IS NULL AND p.date > ?), 0), (SELECT count(DISTINCT CASE WHEN p.order_no != '' THEN "
            "'n' || p.order_no ELSE 'd' || p.date END) FROM purchase p WHERE p.customer_id = c.id AND "
            "p.deleted_at IS NULL) FROM customer c WHERE c.deleted_at IS NULL", (since,))}
    finally:
        conn.close()


def test_undo_removes_the_batch_and_recounts_figures(ws, customers, tmp_path):
    old = sheet(tmp_path / "old.xlsx", [line("J0", day=dt.date(2024, 1, 5), customer="Brown Foods", amount=700)])
    do_import(ws, old)
    rows = [line("J1", customer="Brown Foods", amount=100), line("J1", customer="Brown Foods", product="螺母"),
            line("", customer="北京安达贸易", amount="¥1,000.00"), line("J2", customer="新公司", rep="新人")]
    _preview, result = do_import(ws, sheet(tmp_path / "o.xlsx", rows), create=True)
    assert figures(ws) == plain_figures(ws)
    assert figures(ws)[customers["brown"]] == (20000, 2)  # J0 is older than 12 months, J1's two lines
    history = ws.imports.history()[0]
    assert history.id == result.batch and history.counts["kind"] == "orders" and history.counts["new"] == 4
    ws.imports.undo(result.batch, today=TODAY)
    assert [row[2] for row in purchases(ws)] == ["J0"]
    assert figures(ws) == plain_figures(ws)
    assert figures(ws)[customers["anda"]] == (0, 0)
    conn = plain_sql.connect(ws.source)
    assert conn.execute("SELECT count(*) FROM customer WHERE name = '新公司'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM salesperson WHERE name = '新人'").fetchone()[0] == 0
    conn.close()
    assert ws.imports.history()[0].undone
    assert do_import(ws, sheet(tmp_path / "o.xlsx", rows))[0].plan.summary()["new"] == 3  # 新公司: unmatched


def test_undo_keeps_a_created_customer_used_since(ws, customers, tmp_path):
    _preview, result = do_import(ws, sheet(tmp_path / "o.xlsx", [line("K1", customer="新公司")]), create=True)
    conn = plain_sql.connect(ws.source)
    created = conn.execute("SELECT id FROM customer WHERE name = '新公司'").fetchone()[0]
    conn.close()
    ws.contacts.add(created, name="钱进")
    ws.imports.undo(result.batch, today=TODAY)
    assert purchases(ws) == []
    assert figures(ws)[created] == (0, 0)


def test_undo_asks_before_discarding_an_order_line_edited_since(ws, customers, tmp_path):
    from keepclient.domain.errors import ImportEditedSinceError

    _preview, result = do_import(ws, sheet(tmp_path / "o.xlsx", [line("L1", customer="Brown Foods"),
                                                                  line("L2", customer="Brown Foods")]))
    conn = plain_sql.connect(ws.source)
    first = conn.execute("SELECT id FROM purchase WHERE order_no = 'L1'").fetchone()[0]
    conn.close()
    ws.orders.update(first, 1, {"notes": "改过"}, today=TODAY)
    with pytest.raises(ImportEditedSinceError) as raised:
        ws.imports.undo(result.batch, today=TODAY)
    assert raised.value.names == ["L1"] and len(purchases(ws)) == 2
    ws.imports.undo(result.batch, force=True, today=TODAY)
    assert purchases(ws) == [] and figures(ws) == plain_figures(ws)


def test_two_customers_of_one_name_get_the_same_one_every_time(ws, tmp_path: Path):
    """Where names repeat, the older customer is meant, on every run: an import changes the customers' order figures,
    which SQLite's planner may read the customers by, and a re-import must not take the other one and add again."""
    older = ws.editor.create("华东五金商行")
    newer = ws.editor.create("华东五金商行")
    ws.orders.add(newer, date=dt.date(2025, 6, 1), product="扳手", amount_cents=990_000, today=TODAY)
    path = sheet(tmp_path / "订单.xlsx", [line("SO-9", customer="华东五金商行", amount=120),
                                          line("SO-9", customer="华东五金商行", product="钳子", amount=80)])
    _preview, result = do_import(ws, path)
    assert result is not None
    assert {row[0] for row in purchases(ws, "order_no = 'SO-9'")} == {older}
    ws.orders.add(older, date=dt.date(2025, 6, 2), product="锤子", amount_cents=5_000_000, today=TODAY)
    again, _ = do_import(ws, path)
    assert again.plan.summary()["new"] == 0 and again.plan.summary()["present"] == 2
