"""Exporting customers, formula safety, and the round trip: export, edit in a spreadsheet, import back."""

from __future__ import annotations

import csv
import datetime as dt
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.exporting.customers import csv_safe
from keepclient.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "export.db", user="tester")
    a = workspace.editor.create("上海华信贸易有限公司", tier="A", city="上海", phone="021 5555 1234",
                                notes="=HYPERLINK(\"http://evil\")", next_follow_up=dt.date(2026, 12, 1))
    workspace.contacts.add(a, name="张伟", mobile="13812345678", birthday_month=3, birthday_day=14)
    workspace.editor.create("Müller GmbH", tier="B", city="Hamburg", phone="+49 40 1234567", notes="+cmd|calc")
    workspace.editor.create("王芳", kind="person", tier="C", phone="186 1111 2222")
    workspace.editor.change_tags([a], add=["VIP"])
    today = dt.date(2026, 11, 23)
    workspace.orders.add(a, date=dt.date(2026, 3, 2), order_no="SO-1", product="B型整机", quantity=2,
                         unit_price_cents=268_000, today=today)
    workspace.orders.add(a, date=dt.date(2026, 4, 1), order_no="CN-7", product="退货", quantity=-1,
                         amount_cents=-10_01, notes="=credit", today=today)
    workspace.orders.add(a, date=dt.date(2025, 1, 5), product="耗材", quantity="2.5", unit_price_cents=3,
                         today=today)  # 2.5 x 0.03 = 0.075 -> 0.08, and older than 12 months
    yield workspace
    workspace.close()


def test_xlsx_is_styled_frozen_filtered_and_formula_free(ws: Workspace, tmp_path: Path):
    path = tmp_path / "out.xlsx"
    assert ws.exports.export(path) == 3
    book = openpyxl.load_workbook(path)
    sheet = book["Customers"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:R4"
    assert sheet["A1"].value == "keepclient ID" and sheet["A1"].font.bold
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    huaxin = rows["上海华信贸易有限公司"]
    assert huaxin[3] == "A" and huaxin[14] == "VIP" and huaxin[16] == dt.datetime(2026, 12, 1)
    assert huaxin[17] == '=HYPERLINK("http://evil")'  # kept as text
    assert sheet.column_dimensions["B"].width >= 15
    contacts = list(book["Contacts"].iter_rows(min_row=2, values_only=True))
    (contact,) = contacts
    assert contact[:2] == (huaxin[0], "上海华信贸易有限公司") and len(contact[2]) == 36  # the contact's own ID
    assert contact[3:] == ("张伟", None, "138 1234 5678", None, None, "--03-14", "no", None)
    with zipfile.ZipFile(path) as archive:
        sheets_xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets_xml and b"<f " not in sheets_xml  # no formula element anywhere


def test_csv_has_a_bom_and_no_live_formulas(ws: Workspace, tmp_path: Path):
    path = tmp_path / "out.csv"
    ws.exports.export(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    notes = {r[1]: r[17] for r in rows[1:]}
    phones = {r[1]: r[9] for r in rows[1:]}
    assert notes["上海华信贸易有限公司"].startswith("'=") and notes["Müller GmbH"] == "'+cmd|calc"
    assert phones["Müller GmbH"] == "+49 40 1234567"  # a phone number stays as it is


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("-x", "'-x"), ("\tx", "'\tx"),
    ("+86 138 1234 5678", "+86 138 1234 5678"), ("-12.5", "-12.5"), ("plain", "plain"),
])
def test_csv_cells(value: str, expected: str):
    assert csv_safe(value) == expected


def test_json_shape(ws: Workspace, tmp_path: Path):
    path = tmp_path / "out.json"
    ws.exports.export(path, CustomerFilter(text="华信"), today=dt.date(2026, 11, 23))
    document = json.loads(path.read_text(encoding="utf-8"))
    (customer,) = document["customers"]
    assert set(customer) == {"id", "name", "kind", "tier", "stage", "owner", "city", "region", "address", "phone",
                             "email", "industry", "source", "website", "tags", "last_contact", "next_follow_up",
                             "notes", "contacts", "revenue_12m", "orders", "purchases"}
    assert customer["tier"] == "A" and customer["tags"] == ["VIP"] and customer["next_follow_up"] == "2026-12-01"
    (contact,) = customer["contacts"]
    assert len(contact.pop("id")) == 36
    assert contact == {"name": "张伟", "title": "", "mobile": "138 1234 5678", "phone": "", "email": "",
                       "birthday": "--03-14", "birthday_lunar": "no", "notes": ""}
    assert customer["revenue_12m"] == 5349.99 and customer["orders"] == 3
    assert customer["purchases"] == [
        {"date": "2026-04-01", "order_no": "CN-7", "product": "退货", "quantity": -1, "amount": -10.01,
         "salesperson": ""},
        {"date": "2026-03-02", "order_no": "SO-1", "product": "B型整机", "quantity": 2, "amount": 5360,
         "salesperson": ""},
        {"date": "2025-01-05", "order_no": "", "product": "耗材", "quantity": 2.5, "amount": 0.08, "salesperson": ""},
    ]


def test_json_revenue_is_recounted_for_the_day_of_the_export(ws: Workspace, tmp_path: Path):
    path = tmp_path / "later.json"
    ws.exports.export(path, CustomerFilter(text="华信"), today=dt.date(2027, 3, 3))  # 2026-03-02 dropped out
    (customer,) = json.loads(path.read_text(encoding="utf-8"))["customers"]
    assert customer["revenue_12m"] == -10.01 and customer["orders"] == 3


def test_xlsx_orders_sheet_has_decimal_amounts(ws: Workspace, tmp_path: Path):
    path = tmp_path / "out.xlsx"
    ws.exports.export(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Customers", "Contacts", "Orders"]
    sheet = book["Orders"]
    assert [c.value for c in sheet[1]] == ["keepclient ID", "Customer name", "Date", "Order no.", "Product",
                                           "Quantity", "Unit price", "Amount", "Salesperson", "Notes"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    huaxin_id = next(r[0] for r in book["Customers"].iter_rows(min_row=2, values_only=True) if r[3] == "A")
    assert [r[0] for r in rows] == [huaxin_id] * 3
    assert rows[0][2:] == (dt.datetime(2026, 4, 1), "CN-7", "退货", -1, None, -10.01, None, "=credit")
    assert rows[1][5:8] == (2, 2680, 5360) and rows[2][5:8] == (2.5, 0.03, 0.08)
    assert sheet["H2"].number_format == "#,##0.00"


def test_round_trip_updates_only_what_was_edited(ws: Workspace, tmp_path: Path):
    path = tmp_path / "sheet.xlsx"
    ws.exports.export(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Customers"]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "Müller GmbH":
            row[6].value = "Bremen"  # city edited
            row[17].value = None  # notes cleared
        if row[1].value == "王芳":
            row[3].value = "A"  # tier raised
    book.save(path)
    preview = ws.imports.preview(path)
    plan = preview.plan
    changed = {c.name: c.changes for c in plan.customers if c.action == "update"}
    assert changed == {"Müller GmbH": {"city": ("Hamburg", "Bremen"), "notes": ("+cmd|calc", "")},
                       "王芳": {"tier": ("C", "A")}}
    assert plan.summary()["new"] == 0 and plan.summary()["unchanged"] == 1
    ws.imports.run(preview)
    values = {r.name: ws.customers.detail(r.id).values for r in ws.customers.rows(0, 10)}
    assert values["Müller GmbH"]["city"] == "Bremen" and values["Müller GmbH"]["notes"] == ""
    assert values["王芳"]["tier"] == "A" and values["王芳"]["kind"] == "person"
    assert values["上海华信贸易有限公司"]["notes"] == '=HYPERLINK("http://evil")'
