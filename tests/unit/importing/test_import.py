"""Importing real files: readers, header detection, mapping, normalization, grouping, duplicates, undo, bad files."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.errors import (
    BrokenSpreadsheetError,
    CancelledError,
    EmptySheetError,
    EncryptedSpreadsheetError,
    ImportEditedSinceError,
    ImportFileError,
    NotASpreadsheetError,
    OversizedSpreadsheetError,
)
from keepclient.domain.types import CustomerFilter
from keepclient.importing import readers
from keepclient.importing.phones import read_phones
from keepclient.importing.values import Birthday, clean_date, clean_tier, day_first_for
from keepclient.services.workspace import Workspace
from tests.unit.importing import fixtures


def by_name(ws: Workspace) -> dict[str, object]:
    return {row.name: ws.customers.detail(row.id) for row in ws.customers.rows(0, 1000)}


def test_chinese_legacy_workbook(ws: Workspace, tmp_path: Path):
    path = fixtures.chinese_workbook(tmp_path / "客户.xlsx")
    preview = ws.imports.preview(path)
    assert preview.sheet_names == ["客户名单", "说明"] and preview.sheet == "客户名单"
    assert preview.headers[0] == "客户名称" and preview.numbers[0] == 5  # header on row 4 under the title rows
    assert set(preview.mapping.values()) == {"company", "contact", "mobile", "birthday", "tier", "email", "notes"}
    plan = preview.plan
    assert plan.summary() == {"new": 4, "updated": 0, "unchanged": 0, "refused": 0, "with_problems": 2,
                              "problems": 2, "rows": 6, "salespeople": 0}
    # A 5-digit "phone" and 30 February: the cells are reported, the rows come in with everything else.
    assert [(p.row, p.column, p.value, p.reason, p.action) for p in plan.problems] == [
        (8, "手机号码", "12345", "phone", "noted"), (10, "出生日期", "1990/2/30", "date", "noted")]
    assert plan.problems[0].values[:2] == ["北京安达贸易", "赵磊"]
    ws.imports.run(preview)
    customers = by_name(ws)
    huaxin = customers["上海华信（集团）有限公司"]  # two rows, one customer: brackets and widths do not split it
    assert huaxin.values["tier"] == "A" and huaxin.values["notes"] == "每月初送货"
    contacts = {c.name: c for c in huaxin.contacts}
    assert contacts["张伟"].mobile == "138 1234 5678" and contacts["张伟"].birthday == "1980-05-06"
    assert contacts["张伟"].is_primary and contacts["李娜"].birthday == "1985-11-03"
    assert contacts["李娜"].mobile == "139 0000 1111" and contacts["张伟"].email == "zw@huaxin.cn"
    wang = customers["王芳"]  # a person without a company becomes a person customer
    assert wang.values["kind"] == "person" and wang.values["tier"] == "B"
    assert wang.contacts[0].birthday == "--03-14" and wang.values["phone"] == "186 1111 2222"
    anda = customers["北京安达贸易"]
    contacts = {c.name: c for c in anda.contacts}
    assert contacts["钱进"].mobile == "137 0000 0001" and contacts["钱进"].birthday == "1980-05-06"  # serial 29347
    assert contacts["赵磊"].mobile == "" and contacts["赵磊"].notes == "Mobile as written: 12345"  # kept, not lost
    sun = customers["深圳星辰科技"].contacts[0]  # two numbers in one cell: the landline to phone, the mobile to mobile
    assert (sun.phone, sun.mobile, sun.birthday, sun.notes) == (
        "0755 8888 9999", "137 0000 0002", "", "Birthday as written: 1990/2/30")
    assert ws.customers.count(CustomerFilter(text="zhangwei")) == 1  # searchable at once


def test_second_import_of_the_same_file_changes_nothing(ws: Workspace, tmp_path: Path):
    path = fixtures.chinese_workbook(tmp_path / "客户.xlsx")
    ws.imports.run(ws.imports.preview(path))
    again = ws.imports.preview(path).plan.summary()
    assert again["new"] == 0 and again["updated"] == 0 and again["unchanged"] == 4


def test_outlook_csv_in_windows_1252(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.outlook_csv(tmp_path / "outlook.csv"))
    assert preview.encoding == "cp1252"
    assert "title" not in [preview.mapping.get(0)]  # Outlook's "Title" is Mr./Ms., not the job title
    ws.imports.run(preview)
    customers = by_name(ws)
    muller = customers["Müller Maschinenbau GmbH"]
    jurgen = muller.contacts[0]
    assert (jurgen.name, jurgen.title, jurgen.birthday) == ("Jürgen Müller", "Einkaufsleiter", "1980-05-06")
    assert jurgen.mobile == "+49 171 1234567" and muller.values["city"] == "Zürich"
    assert customers["Lefèvre & Fils"].contacts[0].birthday == ""  # "0/0/00" means no birthday
    assert customers["Ann Smith"].values["kind"] == "person"
    assert customers["Ann Smith"].contacts[0].birthday == "1975-12-25"
    assert ws.customers.count(CustomerFilter(text="muller")) == 1


def test_google_contacts_csv(ws: Workspace, tmp_path: Path):
    ws.imports.run(ws.imports.preview(fixtures.google_csv(tmp_path / "google.csv")))
    customers = by_name(ws)
    emma = customers["Clark Foods Ltd"].contacts[0]
    assert (emma.name, emma.title, emma.birthday, emma.email) == ("Emma Clark", "Buyer", "--03-14",
                                                                  "emma@clark.example")
    chen = customers["杭州博远科技有限公司"].contacts[0]
    assert chen.name == "陈静" and chen.mobile == "186 0000 3333" and chen.birthday == "1988-08-08"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_gbk_csv_with_any_delimiter(ws: Workspace, tmp_path: Path, delimiter: str):
    preview = ws.imports.preview(fixtures.gbk_csv(tmp_path / "gbk.csv", delimiter))
    assert preview.encoding in ("gb18030", "gbk", "gb2312")
    ws.imports.run(preview)
    baichuan = by_name(ws)["广州百川电子有限公司"]
    assert sorted(c.name for c in baichuan.contacts) == ["吴敏", "周杰"]
    assert baichuan.values["address"] == "广州市天河区体育西路1号"


def test_legacy_xls_even_when_renamed_xlsx(ws: Workspace, tmp_path: Path):
    path = fixtures.xls_workbook(tmp_path / "old.xls")
    renamed = path.rename(tmp_path / "old-renamed.xlsx")
    ws.imports.run(ws.imports.preview(renamed))
    longteng = by_name(ws)["成都龙腾汽配有限公司"]
    assert longteng.contacts[0].name == "郑浩" and longteng.contacts[0].phone == "139 0000 0009"


@pytest.mark.parametrize(("policy", "expected_city", "expected_count"), [
    ("skip", "", 1), ("fill", "上海", 1), ("overwrite", "上海", 1), ("new", "", 2),
])
def test_duplicate_policies(ws: Workspace, tmp_path: Path, policy: str, expected_city: str, expected_count: int):
    existing = ws.editor.create("上海华信(集团)有限公司", city="", notes="老客户")
    book = openpyxl.Workbook()
    book.active.append(["公司名称", "城市", "备注"])
    book.active.append(["上海华信（集团）有限公司", "上海", "新备注"])
    book.save(tmp_path / "dup.xlsx")
    preview = ws.imports.preview(tmp_path / "dup.xlsx", policy=policy)
    ws.imports.run(preview) if preview.plan.summary()["new"] + preview.plan.summary()["updated"] else None
    assert ws.customers.count(CustomerFilter(text="华信")) == expected_count
    values = ws.customers.detail(existing).values
    assert values["city"] == expected_city
    assert values["notes"] == ("新备注" if policy == "overwrite" else "老客户")


def test_duplicates_by_phone_are_listed_for_review(ws: Workspace, tmp_path: Path):
    ws.editor.create("Brown Foods", phone="+44 20 7946 0000")
    book = openpyxl.Workbook()
    book.active.append(["Company", "Phone"])
    book.active.append(["Brown Foods Limited", "0044 20 7946 0000"])
    book.save(tmp_path / "p.xlsx")
    plan = ws.imports.preview(tmp_path / "p.xlsx").plan
    assert [(c.name, c.matched_by) for c in plan.duplicates] == [("Brown Foods Limited", "phone")]


def test_undo_removes_created_and_restores_updated(ws: Workspace, tmp_path: Path):
    existing = ws.editor.create("上海华信(集团)有限公司", tier="B")
    path = fixtures.chinese_workbook(tmp_path / "客户.xlsx")
    batch = ws.imports.run(ws.imports.preview(path, policy="fill")).batch
    assert ws.customers.count() == 4  # 华信 matched the existing customer; 王芳, 北京安达 and 深圳星辰 are new
    filled = ws.customers.detail(existing)
    assert filled.values["notes"] == "每月初送货" and filled.values["tier"] == "B"  # empty filled, rest kept
    assert sorted(c.name for c in filled.contacts) == ["张伟", "李娜"]
    ws.imports.undo(batch)
    assert ws.customers.count() == 1
    detail = ws.customers.detail(existing)
    assert detail.values["notes"] == "" and detail.contacts == ()
    assert ws.imports.history()[0].undone
    assert ws.customers.count(CustomerFilter(text="王芳")) == 0


def test_undo_warns_about_records_edited_since(ws: Workspace, tmp_path: Path):
    batch = ws.imports.run(ws.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))).batch
    wang = next(r for r in ws.customers.rows(0, 10) if r.name == "王芳")
    ws.editor.update(wang.id, 1, {"city": "杭州"})
    with pytest.raises(ImportEditedSinceError) as caught:
        ws.imports.undo(batch)
    assert caught.value.names == ["王芳"]
    assert ws.customers.count() == 4  # nothing undone
    ws.imports.undo(batch, force=True)
    assert ws.customers.count() == 0


def test_a_failed_import_writes_nothing(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    with pytest.raises(CancelledError):
        ws.imports.run(preview, is_cancelled=lambda: True)
    assert ws.customers.count() == 0 and ws.imports.history() == []


def test_mapping_is_remembered_for_the_same_headers(ws: Workspace, tmp_path: Path):
    book = openpyxl.Workbook()
    book.active.append(["名头", "人"])
    book.active.append(["甲公司", "乙"])
    book.save(tmp_path / "odd.xlsx")
    first = ws.imports.preview(tmp_path / "odd.xlsx", mapping={0: "company", 1: "contact"})
    ws.imports.run(first)
    assert ws.imports.preview(tmp_path / "odd.xlsx").mapping == {0: "company", 1: "contact"}


def test_problem_report(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    report = ws.imports.write_problem_report(preview, tmp_path / "problems.xlsx")
    rows = list(openpyxl.load_workbook(report).active.values)
    assert rows[0][:6] == ("Row", "Column", "Value as written", "What was done", "Why", "客户名称")
    assert [r[:5] for r in rows[1:]] == [
        (8, "手机号码", "12345", "field left empty, value kept in the notes",
         "not a phone number (fewer than 7 or more than 15 digits)"),
        (10, "出生日期", "1990/2/30", "field left empty, value kept in the notes", "not a date")]
    assert rows[1][5:7] == ("北京安达贸易", "赵磊")  # the row's cells follow


# -- values ------------------------------------------------------------------------------------------------
def test_phone_cells():
    def texts(value: object) -> tuple[list[str], list[str]]:
        numbers, leftovers = read_phones(value)
        return [n.text for n in numbers], leftovers

    assert texts(13812345678.0) == (["138 1234 5678"], [])
    assert texts("(021) 5555-1234 / 138-1234-5678") == (["021 5555 1234", "138 1234 5678"], [])
    assert texts("0086 138 1234 5678") == (["138 1234 5678"], [])
    assert texts("１３８１２３４５６７８") == (["138 1234 5678"], [])
    assert texts("ext. 12") == ([], ["ext. 12"])
    assert texts("") == ([], [])


def test_dates_in_every_form():
    assert clean_date(dt.datetime(1980, 5, 6, 0, 0)) == Birthday(1980, 5, 6)
    assert clean_date(29347.0) == Birthday(1980, 5, 6)
    assert clean_date("1980年5月6日") == Birthday(1980, 5, 6)
    assert clean_date("1980/5/6") == Birthday(1980, 5, 6)
    assert clean_date("5/6/1980") == Birthday(1980, 5, 6)
    assert clean_date("5/6/1980", day_first=True) == Birthday(1980, 6, 5)
    assert clean_date("--03-14") == Birthday(None, 3, 14)
    assert clean_date("3月14日") == Birthday(None, 3, 14)
    assert clean_date("0/0/00") is None and clean_date("") is None
    for impossible in ("1990/2/30", "31/31/1990", "someday"):
        with pytest.raises(ValueError):
            clean_date(impossible)


def test_day_month_order_is_settled_by_the_whole_column():
    assert day_first_for(["5/6/1980", "25/6/1980"])
    assert not day_first_for(["5/6/1980", "6/25/1980"])
    assert not day_first_for(["5/6/1980"])


def test_tiers():
    assert [clean_tier(v) for v in ("A类", "B级", "c", "Ａ", "C等", "重要")] == ["A", "B", "C", "A", "C", None]


# -- bad files ---------------------------------------------------------------------------------------------
def _refused(path: Path, error: type[ImportFileError], ws: Workspace) -> str:
    started = time.monotonic()
    with pytest.raises(error) as caught:
        ws.imports.preview(path)
    assert time.monotonic() - started < 10
    assert ws.customers.count() == 0 and ws.imports.history() == []
    return caught.value.message()


def test_not_a_spreadsheet(ws: Workspace, tmp_path: Path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(bytes(range(256)) * 40)
    assert "not a spreadsheet" in _refused(path, NotASpreadsheetError, ws)
    docx = tmp_path / "letter.xlsx"
    import zipfile

    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    _refused(docx, NotASpreadsheetError, ws)


def test_truncated_workbook(ws: Workspace, tmp_path: Path):
    whole = fixtures.chinese_workbook(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "damaged or incomplete" in _refused(path, BrokenSpreadsheetError, ws)


def test_zip_bomb_is_refused_from_its_declared_sizes(ws: Workspace, tmp_path: Path):
    assert "too large to import safely" in _refused(fixtures.zip_bomb(tmp_path / "bomb.xlsx"),
                                                    OversizedSpreadsheetError, ws)


def test_entity_bomb_is_not_expanded(ws: Workspace, tmp_path: Path):
    path = fixtures.entity_bomb(tmp_path / "laughs.xlsx")
    started = time.monotonic()
    try:
        preview = ws.imports.preview(path)
    except ImportFileError:
        pass
    else:  # read without expanding the entity: nothing like a billion "lol"s anywhere
        assert all(len(str(v)) < 1000 for row in preview.rows for v in row)
    assert time.monotonic() - started < 10


def test_defusedxml_guards_openpyxl():
    import defusedxml  # noqa: F401 - installed as a dependency
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML


def test_a_sheet_claiming_billions_of_cells(ws: Workspace, tmp_path: Path):
    message = _refused(fixtures.huge_dimension(tmp_path / "huge.xlsx"), OversizedSpreadsheetError, ws)
    assert "1,048,576 rows" in message


def test_empty_sheet(ws: Workspace, tmp_path: Path):
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    assert "no rows to import" in _refused(tmp_path / "empty.xlsx", EmptySheetError, ws)


def test_password_protected_workbook(ws: Workspace, tmp_path: Path):
    message = _refused(fixtures.encrypted_workbook(tmp_path / "locked.xlsx"), EncryptedSpreadsheetError, ws)
    assert "protected by a password" in message


def test_text_decoding_prefers_latin_when_gb18030_would_garble_words():
    data = "Name,City\r\nJürgen Müller,Zürich\r\n".encode("cp1252")
    text, encoding = readers.decode_text(data)
    assert encoding == "cp1252" and "Müller" in text
