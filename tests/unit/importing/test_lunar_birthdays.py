"""The "Lunar birthday" column: exported with the contacts, read back by the import (a round trip keeps the flag),
and a file without the column imports exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from keepclient.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "lunar.db", user="tester")
    a = workspace.editor.create("上海华信贸易有限公司", tier="A", city="上海")
    workspace.contacts.add(a, name="阴历", birthday_year=1980, birthday_month=8, birthday_day=15, birthday_lunar=1)
    workspace.contacts.add(a, name="闰月", birthday_month=5, birthday_day=10, birthday_lunar=2)
    workspace.contacts.add(a, name="阳历", birthday_month=3, birthday_day=14)
    workspace.contacts.add(a, name="没有生日")
    yield workspace
    workspace.close()


def _flags(ws: Workspace) -> dict[str, tuple[str, int]]:
    """Every contact's birthday and flag (a fresh database gets the customer twice from the two sheets of an export:
    as before, the Contacts sheet's customer ID is unknown there)."""
    return {c.name: (c.birthday, c.birthday_lunar) for row in ws.customers.rows(0, 10)
            for c in ws.customers.detail(row.id).contacts}


EXPECTED = {"阴历": ("1980-08-15", 1), "闰月": ("--05-10", 2), "阳历": ("--03-14", 0), "没有生日": ("", 0)}


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_a_round_trip_keeps_lunar_birthdays(ws: Workspace, tmp_path: Path, suffix: str):
    assert _flags(ws) == EXPECTED
    path = tmp_path / f"out{suffix}"
    ws.exports.export(path)
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path)["Contacts"]
        header = [c.value for c in sheet[1]]
        assert header[header.index("Birthday") + 1] == "Lunar birthday"
        column = header.index("Lunar birthday")
        assert {r[3]: r[column] for r in sheet.iter_rows(min_row=2, values_only=True)} == {
            "阴历": "yes", "闰月": "leap", "阳历": "no", "没有生日": None}
    else:
        contacts = json.loads(path.read_text(encoding="utf-8"))["customers"][0]["contacts"]
        assert [c["birthday_lunar"] for c in contacts] == ["yes", "leap", "no", ""]
    assert list(ws.imports.preview(path).plan.changed_fields()) == []  # read back: nothing changed
    fresh = Workspace.open(tmp_path / f"fresh{suffix}.db", user="tester")
    try:
        fresh.imports.run(fresh.imports.preview(path))
        assert _flags(fresh) == EXPECTED
    finally:
        fresh.close()


def test_an_edited_lunar_flag_is_the_one_change(ws: Workspace, tmp_path: Path):
    path = tmp_path / "out.xlsx"
    ws.exports.export(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Contacts"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Contact")].value == "阳历":
            row[header.index("Lunar birthday")].value = "是"
    book.save(path)
    plan = ws.imports.preview(path).plan
    assert [(kind, name, field, old, new) for kind, _row, name, field, old, new in plan.changed_fields()] == [
        ("contact", "阳历", "birthday_lunar", 0, 1)]
    ws.imports.run(ws.imports.preview(path))
    assert _flags(ws)["阳历"] == ("--03-14", 1)


def test_a_file_without_the_column_imports_as_before(ws: Workspace, tmp_path: Path):
    path = tmp_path / "old.xlsx"
    ws.exports.export(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Contacts"]
    header = [c.value for c in sheet[1]]
    sheet.delete_cols(header.index("Lunar birthday") + 1)
    book.save(path)
    assert list(ws.imports.preview(path).plan.changed_fields()) == []  # the stored flags are left alone
    ws.imports.run(ws.imports.preview(path))
    assert _flags(ws) == EXPECTED
    fresh = Workspace.open(tmp_path / "fresh.db", user="tester")
    try:
        fresh.imports.run(fresh.imports.preview(path))
        assert _flags(fresh) == {name: (birthday, 0) for name, (birthday, _lunar) in EXPECTED.items()}
    finally:
        fresh.close()


def test_an_unreadable_lunar_cell_is_reported_and_kept(tmp_path: Path):
    path = tmp_path / "sheet.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["公司名称", "联系人", "生日", "是否农历"])
    sheet.append(["华信", "王芳", "1980-08-15", "农历"])
    sheet.append(["华信", "刘洋", "1985-03-14", "maybe"])
    sheet.append(["华信", "陈晨", "1990-01-02", ""])
    book.save(path)
    ws = Workspace.open(tmp_path / "new.db", user="tester")
    try:
        preview = ws.imports.preview(path)
        assert [(p.column, p.value, p.reason) for p in preview.plan.problems] == [("是否农历", "maybe", "lunar")]
        ws.imports.run(preview)
        (row,) = ws.customers.rows(0, 10)
        contacts = {c.name: c for c in ws.customers.detail(row.id).contacts}
        assert {name: c.birthday_lunar for name, c in contacts.items()} == {"王芳": 1, "刘洋": 0, "陈晨": 0}
        assert "Lunar birthday as written: maybe" in contacts["刘洋"].notes
    finally:
        ws.close()
