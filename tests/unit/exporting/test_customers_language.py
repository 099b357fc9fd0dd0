"""The customer export speaks the user's language, and keepclient still reads its own export back: every header's
translation is one of the import's synonyms, every value name one of its words, and a Chinese export re-imported
unchanged changes nothing. The ID columns and the JSON stay the same in every language."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.enums import CustomerKind, Stage
from keepclient.domain.labels import Label, english, label_in, translate_label
from keepclient.domain.normalize import phone_digits
from keepclient.exporting.customers import (
    CONTACT_COLUMNS,
    CONTACT_ID_HEADER,
    CUSTOMER_COLUMNS,
    ID_HEADER,
    LUNAR_LABELS,
    ORDER_COLUMNS,
    SHEET_TITLES,
    header_text,
)
from keepclient.i18n import translate_in
from keepclient.importing import columns
from keepclient.importing.orders import ORDERS
from keepclient.importing.values import clean_kind, clean_lunar, clean_stage
from keepclient.services.workspace import Workspace
from tests.unit.importing import fixtures

Translate = Callable[..., str]

# Simplified Chinese as proposed for the .ts (the test does not wait for it): the export's own context, and the
# value names of domain/labels.py the sheets use.
CHINESE: dict[tuple[str, ...], str] = {
    ("CustomerExport", "Customer name"): "客户名称", ("CustomerExport", "Kind"): "客户性质",
    ("CustomerExport", "Tier"): "客户等级", ("CustomerExport", "Stage"): "客户阶段",
    ("CustomerExport", "Owner"): "负责人", ("CustomerExport", "City"): "城市",
    ("CustomerExport", "Region"): "省份/地区", ("CustomerExport", "Address"): "地址",
    ("CustomerExport", "Phone"): "电话", ("CustomerExport", "Email"): "邮箱",
    ("CustomerExport", "Industry"): "行业", ("CustomerExport", "Source"): "来源",
    ("CustomerExport", "Website"): "网站", ("CustomerExport", "Tags"): "标签",
    ("CustomerExport", "Last contact"): "最近联系", ("CustomerExport", "Next follow-up"): "下次跟进",
    ("CustomerExport", "Notes"): "备注", ("CustomerExport", "Contact"): "联系人",
    ("CustomerExport", "Job title"): "职务", ("CustomerExport", "Mobile"): "手机",
    ("CustomerExport", "Birthday"): "生日", ("CustomerExport", "Lunar birthday"): "是否农历",
    ("CustomerExport", "Date"): "日期", ("CustomerExport", "Order no."): "订单号",
    ("CustomerExport", "Product"): "产品", ("CustomerExport", "Quantity"): "数量",
    ("CustomerExport", "Unit price"): "单价", ("CustomerExport", "Amount"): "金额",
    ("CustomerExport", "Salesperson"): "业务员",
    ("CustomerExport", "Customers"): "客户", ("CustomerExport", "Contacts"): "联系人",
    ("CustomerExport", "Orders"): "订单",
    ("CustomerExport", "no"): "否", ("CustomerExport", "yes"): "是",
    ("CustomerExport", "leap", "a lunar birthday in a leap month"): "闰月",
    ("labels", "Company"): "公司", ("labels", "Person"): "个人", ("labels", "Prospect"): "潜在客户",
    ("labels", "New", "customer stage"): "新客户", ("labels", "Active", "customer stage"): "活跃",
    ("labels", "Mature"): "成熟", ("labels", "At risk"): "有流失风险", ("labels", "Lost"): "已流失",
    ("labels", "Won back"): "已挽回",
}


def chinese(context: str, text: str, disambiguation: str | None = None) -> str:
    return CHINESE.get((context, text, disambiguation) if disambiguation else (context, text), text)


LANGUAGES: dict[str, Translate] = {"en": english, "zh_CN proposed": chinese, "zh_CN .ts": translate_in("zh_CN")}


def _labels(*column_sets: tuple[tuple[str, Label | str], ...]) -> list[tuple[str, Label]]:
    return [(key, header) for column_set in column_sets for key, header in column_set if isinstance(header, Label)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_header_reads_back_as_its_field(language: str) -> None:
    translate = LANGUAGES[language]
    for _key, header in _labels(CUSTOMER_COLUMNS, CONTACT_COLUMNS):
        text = translate_label(header, translate)
        assert columns.field_for(text) == columns.field_for(header.text) is not None, (header.text, text)
    for _key, header in _labels(ORDER_COLUMNS):
        text = translate_label(header, translate)
        assert ORDERS.field_for(text) == ORDERS.field_for(header.text) is not None, (header.text, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_value_name_reads_back_as_its_value(language: str) -> None:
    translate = LANGUAGES[language]
    for stage in Stage:
        assert clean_stage(label_in(Stage, stage, translate)) == stage.value
    for kind in CustomerKind:
        assert clean_kind(label_in(CustomerKind, kind, translate)) == kind.value
    for flag, (_code, name) in enumerate(LUNAR_LABELS.items()):
        assert clean_lunar(translate_label(name, translate)) == flag


def test_the_id_columns_stay_fixed() -> None:
    assert CUSTOMER_COLUMNS[0] == ("id", ID_HEADER) == ("id", "keepclient ID")
    assert dict(CONTACT_COLUMNS)["id"] == CONTACT_ID_HEADER == "Contact ID"
    assert dict(CONTACT_COLUMNS)["customer_id"] == dict(ORDER_COLUMNS)["customer_id"] == ID_HEADER
    assert [title.text for title in SHEET_TITLES] == ["Customers", "Contacts", "Orders"]  # named in English


@pytest.fixture
def filled(tmp_path: Path):
    """Customers of every kind and several stages, contacts with lunar birthdays (plain and leap month), orders."""
    ws = Workspace.open(tmp_path / "language.db", user="tester")
    ws.imports.run(ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx")))
    ws.imports.run(ws.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx")))
    customer = ws.editor.create("王小明", kind="person", tier="B", stage="won_back", notes="=1+1")
    ws.contacts.add(customer, name="王小明", mobile="13811112222", birthday_month=8, birthday_day=15,
                    birthday_lunar=1)
    other = ws.editor.create("潜在公司", stage="prospect")
    ws.contacts.add(other, name="闰月", birthday_month=5, birthday_day=10, birthday_lunar=2)
    ws.contacts.add(other, name="阳历", birthday_year=1990, birthday_month=1, birthday_day=2)
    day = dt.date(2026, 5, 4)
    ws.orders.add(customer, date=day, order_no="SO-1", product="滤芯", quantity="2", unit_price_cents=1290, today=day)
    yield ws
    ws.close()


def _state(ws: Workspace) -> dict[str, object]:
    return {row.name: (d.values, d.tags, [c._asdict() for c in d.contacts])
            for row in ws.customers.rows(0, 1000) for d in [ws.customers.detail(row.id)]}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_reimporting_an_unmodified_export_changes_nothing_in_either_language(
        filled: Workspace, tmp_path: Path, suffix: str, language: str) -> None:
    path = tmp_path / f"all{suffix}"
    filled.exports.export(path, translate=LANGUAGES[language])
    before = _state(filled)
    preview = filled.imports.preview(path)
    summary = preview.plan.summary()
    assert list(preview.plan.changed_fields()) == []
    assert (summary["new"], summary["updated"], summary["refused"]) == (0, 0, 0)
    assert {p.reason for p in preview.plan.problems} <= {"unverified"}
    assert _state(filled) == before


def test_a_chinese_export_has_chinese_headers_and_values(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    filled.exports.export(path, translate=chinese)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["客户", "联系人", "订单"]
    customers = [[cell.value for cell in row] for row in book["客户"].iter_rows()]
    header = customers[0]
    assert header[:6] == ["keepclient ID", "客户名称", "客户性质", "客户等级", "客户阶段", "负责人"]
    wang = next(row for row in customers if row[1] == "王小明")
    assert wang[2:5] == ["个人", "B", "已挽回"]  # kind and stage named, the tier a letter in every language
    contacts = [[cell.value for cell in row] for row in book["联系人"].iter_rows()]
    assert contacts[0][2] == "Contact ID" and contacts[0][9] == "是否农历"
    assert {row[3]: row[9] for row in contacts[1:] if row[3] in ("王小明", "闰月", "阳历")} == {
        "王小明": "是", "闰月": "闰月", "阳历": "否"}
    orders = [[cell.value for cell in row] for row in book["订单"].iter_rows()]
    assert orders[0][:4] == ["keepclient ID", "客户名称", "日期", "订单号"]

    text = tmp_path / "客户.csv"
    filled.exports.export(text, translate=chinese)
    rows = list(csv.reader(io.StringIO(text.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:5] == ["keepclient ID", "客户名称", "客户性质", "客户等级", "客户阶段"]
    assert next(row for row in rows if row[1] == "潜在公司")[4] == "潜在客户"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contacts_sheet_comes_back_with_the_customers_whatever_the_sheets_are_called(
        filled: Workspace, tmp_path: Path, language: str) -> None:
    """An edited contact mobile on the Contacts sheet lands, whether the export named its sheets 联系人 or Contacts."""
    path = tmp_path / "all.xlsx"
    filled.exports.export(path, translate=LANGUAGES[language])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] != "Customers" or language == "en"
    contacts = book.worksheets[1]
    header = [cell.value for cell in contacts[1]]
    names = {key: header_text(name, LANGUAGES[language]) for key, name in CONTACT_COLUMNS}
    row = next(r for r in contacts.iter_rows(min_row=2) if r[header.index(names["name"])].value == "阳历")
    row[header.index(names["mobile"])].value = "13900001111"
    book.save(path)
    preview = filled.imports.preview(path)
    changes = [(kind, field, phone_digits(new)) for kind, _row, _name, field, _old, new in
               preview.plan.changed_fields()]
    assert changes == [("contact", "mobile", "13900001111")]


def test_a_workbook_like_ours_with_an_empty_second_sheet_imports_its_first(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "mine.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["keepclient ID", "Customer name", "City"])
    book.active.append(["", "新公司", "杭州"])
    book.create_sheet("Notes")  # empty: not our Contacts sheet, and no reason to refuse the file
    book.save(path)
    assert filled.imports.preview(path).plan.summary()["new"] == 1


def test_only_our_own_id_header_has_the_second_sheet_read(filled: Workspace, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of one's own starting with an "ID" column (not our "keepclient ID") is read alone: its other sheets,
    however large, are not read in case one is our Contacts sheet."""
    from keepclient.importing import readers

    path = tmp_path / "ids.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["ID", "Customer name", "City"])
    book.active.append(["A-1", "新公司", "杭州"])
    other = book.create_sheet("Orders")
    other.append(["keepclient ID", "Customer name", "Contact ID"])
    book.save(path)
    read: list[str | None] = []
    original = readers.Spreadsheet.read
    def counted(self: readers.Spreadsheet, sheet: str | None = None) -> readers.Sheet:
        read.append(sheet)
        return original(self, sheet)

    monkeypatch.setattr(readers.Spreadsheet, "read", counted)
    assert filled.imports.preview(path).plan.summary()["new"] == 1
    assert read == [None]


def test_an_english_export_names_values_in_english(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    filled.exports.export(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:5] == ["keepclient ID", "Customer name", "Kind", "Tier", "Stage"]
    assert next(row for row in rows if row[1] == "王小明")[2:5] == ["Person", "B", "Won back"]


def test_the_json_is_the_same_in_every_language(filled: Workspace, tmp_path: Path) -> None:
    """Keys and stored values: a program reading it does not depend on who exported it."""
    english_json, chinese_json = tmp_path / "en.json", tmp_path / "zh.json"
    filled.exports.export(english_json, today=dt.date(2026, 6, 1))
    filled.exports.export(chinese_json, today=dt.date(2026, 6, 1), translate=chinese)
    assert english_json.read_bytes() == chinese_json.read_bytes()
    assert '"stage": "won_back"' in english_json.read_text(encoding="utf-8")
