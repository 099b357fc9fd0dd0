"""Never drop what the user gave us: every row with a name comes in, unreadable values are kept and reported cell by
cell, numbers are read as people write them, owners/stage/tags/dates come in, round trips change nothing, and an
import never overwrites a colleague's save."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from tests.unit.importing import fixtures


def details(ws: Workspace) -> dict[str, object]:
    return {row.name: ws.customers.detail(row.id) for row in ws.customers.rows(0, 1000)}


def edit_export(path: Path, sheet_name: str, where: tuple[str, set[str]], new: tuple[str, str]) -> None:
    """Edit an exported workbook as a user would in Excel: set column new[0] to new[1] in the rows whose column
    where[0] holds one of where[1]."""
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index(where[0])].value in where[1]:
            row[header.index(new[0])].value = new[1]
    book.save(path)


def owners(ws: Workspace) -> list[str]:
    return sorted(p.name for p in ws.team.salespeople(active_only=False))


def test_a_ledger_with_merged_companies_owners_stages_tags_and_messy_phones(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx"))
    plan = preview.plan
    assert plan.summary()["refused"] == 0 and plan.summary()["new"] == 2  # merged company cells carried down
    assert plan.new_salespeople == ["王芳", "李雷"]
    problems = {(p.row, p.column, p.value, p.reason) for p in plan.problems}
    assert problems == {(3, "电话", "025-3474155", "unverified"), (3, "邮箱", "wang@", "email"),
                        (5, "客户等级", "VIP", "tier"), (5, "最近拜访", "2026/13/45", "date")}
    ws.imports.run(preview)
    customers = details(ws)
    yuanhang = customers["杭州远航贸易有限公司"]
    assert yuanhang.values["tier"] == "A" and yuanhang.values["stage"] == "active"
    assert yuanhang.owner_name == "王芳" and set(yuanhang.tags) == {"重点客户", "老客户"}
    assert yuanhang.last_contact == dt.date(2026, 10, 8)
    assert yuanhang.values["next_follow_up"] == dt.date(2026, 12, 20)
    assert yuanhang.values["city"] == "杭州市"  # no city column: read from the Chinese address
    contacts = {c.name: c for c in yuanhang.contacts}
    assert (contacts["周敏"].phone, contacts["周敏"].mobile) == ("0571 8765 4321", "135 8765 4321")
    wu = contacts["吴刚"]  # an old 7-digit landline kept as written; the bad email kept in the notes
    assert wu.phone == "025-3474155" and wu.email == ""
    assert wu.notes.splitlines() == ["Unverified number: 025-3474155", "Email as written: wang@"]
    assert "801" in contacts["郑洁"].phone  # the extension is kept
    changjiang = customers["南京长江机电"]
    assert changjiang.values["tier"] == "C" and changjiang.values["stage"] == "lost"
    assert changjiang.owner_name == "李雷" and changjiang.last_contact is None
    assert changjiang.values["notes"].splitlines() == ["Tier as written: VIP", "Last contact as written: 2026/13/45"]
    assert ws.customers.count(CustomerFilter(text="3474155")) == 1  # the digits stay searchable
    assert owners(ws) == ["李雷", "王芳"]


def test_undo_removes_the_salespeople_and_tags_the_import_created(ws: Workspace, tmp_path: Path):
    result = ws.imports.run(ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx")))
    ws.imports.undo(result.batch)
    assert ws.customers.count() == 0 and owners(ws) == []
    assert ws.editor.tag_sets([]) == {}


def test_outlook_numbers_take_their_region_from_the_country_column(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.outlook_world_csv(tmp_path / "outlook.csv"))
    assert preview.plan.summary()["refused"] == 0 and not [p for p in preview.plan.problems
                                                         if p.reason != "unverified"]
    ws.imports.run(preview)
    customers = details(ws)
    doe = customers["Acme Corp"].contacts[0]
    assert doe.phone.startswith("+1 617") and doe.email == "john@acme.example"
    assert "617-555-0199" in doe.notes or "+1 617-555-0199" in doe.notes  # Home Phone kept as another number
    assert "jd@home.example" in doe.notes  # E-mail 2 kept
    assert set(customers["Acme Corp"].tags) == {"VIP", "Key account"}
    schmidt = customers["Schmidt AG"].contacts[0]
    assert schmidt.phone.startswith("+49 30") and schmidt.mobile.startswith("+49 171")
    garcia = customers["García SL"].contacts[0]
    assert garcia.phone.startswith("+34 912") and garcia.mobile.startswith("+34 612")


def test_google_multi_values_are_all_kept(ws: Workspace, tmp_path: Path):
    preview = ws.imports.preview(fixtures.google_multi_csv(tmp_path / "google.csv"))
    assert preview.plan.problems == []
    ws.imports.run(preview)
    liu = details(ws)["成都天府茶业"].contacts[0]
    assert liu.mobile == "186 0000 1234" and liu.phone == "028 8765 4321" and liu.email == "liu@tianfu.cn"
    assert "186 0000 5678" in liu.notes and "liuyang@example.com" in liu.notes
    assert ws.customers.count(CustomerFilter(text="18600005678")) == 1


# -- round trips --------------------------------------------------------------------------------------------
@pytest.fixture
def filled(ws: Workspace, tmp_path: Path) -> Workspace:
    ws.imports.run(ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx")))
    ws.imports.run(ws.imports.preview(fixtures.outlook_world_csv(tmp_path / "outlook.csv")))
    ws.imports.run(ws.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx")))
    customer = ws.editor.create("-负号开头的公司", tier="B", notes="第一行\n第二行\r\n=1+1")
    ws.contacts.add(customer, name="@某人", mobile="13811112222", birthday_month=2, birthday_day=29)
    day = dt.date(2026, 5, 4)  # orders go out too (an Orders sheet, JSON keys): the import must ignore them
    ws.orders.add(customer, date=day, order_no="SO-1", product="=SUM(A1)", quantity="1.5", unit_price_cents=999,
                  today=day)
    ws.orders.add(customer, date=day, order_no="SO-2", quantity=-1, amount_cents=-500, notes="退货", today=day)
    return ws


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_reimporting_an_unmodified_export_changes_nothing(filled: Workspace, tmp_path: Path, suffix: str):
    path = tmp_path / f"all{suffix}"
    filled.exports.export(path)
    before = {name: (d.values, d.tags, [c._asdict() for c in d.contacts]) for name, d in details(filled).items()}
    preview = filled.imports.preview(path)
    summary = preview.plan.summary()
    assert list(preview.plan.changed_fields()) == []
    assert (summary["new"], summary["updated"], summary["refused"]) == (0, 0, 0)
    assert {p.reason for p in preview.plan.problems} <= {"unverified"}  # only what is still true of the data
    if suffix == ".csv":  # the formula guard is gone again
        assert "'-负号开头的公司" in path.read_text(encoding="utf-8-sig")
    filled.imports.run(preview) if summary["new"] + summary["updated"] else None
    after = {name: (d.values, d.tags, [c._asdict() for c in d.contacts]) for name, d in details(filled).items()}
    assert after == before


def test_an_edited_contact_mobile_is_the_one_change(filled: Workspace, tmp_path: Path):
    path = tmp_path / "all.xlsx"
    filled.exports.export(path)
    edit_export(path, "Contacts", ("Contact", {"周敏"}), ("Mobile", "139 9999 0000"))
    plan = filled.imports.preview(path).plan
    assert [(kind, name, field, old, new) for kind, _row, name, field, old, new in plan.changed_fields()] == [
        ("contact", "周敏", "mobile", "135 8765 4321", "139 9999 0000")]
    filled.imports.run(filled.imports.preview(path))
    zhou = next(c for c in details(filled)["杭州远航贸易有限公司"].contacts if c.name == "周敏")
    assert zhou.mobile == "139 9999 0000"
    assert details(filled)["杭州远航贸易有限公司"].values["notes"] == ""  # customer fields untouched


def test_owner_stage_tags_and_next_follow_up_edits_import_back(filled: Workspace, tmp_path: Path):
    path = tmp_path / "all.csv"
    filled.exports.export(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("Customer name")] == "Schmidt AG":
            row[header.index("Owner")] = "王芳"
            row[header.index("Stage")] = "at_risk"
            row[header.index("Tags")] = "德国, 机械"
            row[header.index("Next follow-up")] = "2027-01-15"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    plan = filled.imports.preview(path).plan
    changes = {field: (old, new) for _k, _r, name, field, old, new in plan.changed_fields() if name == "Schmidt AG"}
    assert changes == {"owner": ("", "王芳"), "stage": ("new", "at_risk"), "tags": ((), ("德国", "机械")),
                       "next_follow_up": (None, dt.date(2027, 1, 15))}
    assert len(list(plan.changed_fields())) == 4
    filled.imports.run(filled.imports.preview(path))
    schmidt = details(filled)["Schmidt AG"]
    assert (schmidt.owner_name, schmidt.values["stage"]) == ("王芳", "at_risk")
    assert set(schmidt.tags) == {"德国", "机械"}


def test_a_colleagues_save_after_the_preview_is_a_conflict_left_alone(filled: Workspace, tmp_path: Path):
    path = tmp_path / "all.xlsx"
    filled.exports.export(path)
    edit_export(path, "Customers", ("Customer name", {"Schmidt AG", "Acme Corp"}), ("City", "Berlin"))
    preview = filled.imports.preview(path)  # the default "fill" policy, by ID
    schmidt = next(r for r in filled.customers.rows(0, 100) if r.name == "Schmidt AG")
    detail = filled.customers.detail(schmidt.id)
    filled.editor.update(schmidt.id, detail.version, {"city": "München"})  # a colleague saves meanwhile
    result = filled.imports.run(preview)
    assert result.conflicts == ["Schmidt AG"]
    assert details(filled)["Schmidt AG"].values["city"] == "München"  # the colleague's save stands
    assert details(filled)["Acme Corp"].values["city"] == "Berlin"


def test_json_import_of_our_export_shape(filled: Workspace, tmp_path: Path):
    path = tmp_path / "all.json"
    filled.exports.export(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    for customer in document["customers"]:
        if customer["name"] == "García SL":
            customer["city"] = "Madrid"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    plan = filled.imports.preview(path).plan
    assert [(name, field, new) for _k, _r, name, field, _old, new in plan.changed_fields()] == [
        ("García SL", "city", "Madrid")]


def test_a_contact_with_a_number_kept_as_written_can_still_be_edited(ws: Workspace, tmp_path: Path):
    ws.imports.run(ws.imports.preview(fixtures.ledger_workbook(tmp_path / "台账.xlsx")))
    wu = next(c for c in details(ws)["杭州远航贸易有限公司"].contacts if c.name == "吴刚")
    ws.contacts.update(wu.id, wu.version, {"title": "经理", "phone": wu.phone, "mobile": wu.mobile})
    assert next(c for c in details(ws)["杭州远航贸易有限公司"].contacts if c.name == "吴刚").title == "经理"


def test_undo_puts_back_owner_tags_and_a_contacts_mobile(filled: Workspace, tmp_path: Path):
    before = {name: (d.owner_name, set(d.tags), d.values["stage"], [(c.name, c.mobile) for c in d.contacts])
              for name, d in details(filled).items()}
    path = tmp_path / "all.xlsx"
    filled.exports.export(path)
    edit_export(path, "Customers", ("Customer name", {"Schmidt AG"}), ("Owner", "新人"))
    edit_export(path, "Customers", ("Customer name", {"Schmidt AG"}), ("Tags", "德国"))
    edit_export(path, "Customers", ("Customer name", {"Schmidt AG"}), ("Stage", "lost"))
    edit_export(path, "Contacts", ("Contact", {"周敏"}), ("Mobile", "139 9999 0000"))
    preview = filled.imports.preview(path)
    assert preview.plan.new_salespeople == ["新人"]
    result = filled.imports.run(preview)
    assert details(filled)["Schmidt AG"].owner_name == "新人" and result.conflicts == []
    filled.imports.undo(result.batch)
    after = {name: (d.owner_name, set(d.tags), d.values["stage"], [(c.name, c.mobile) for c in d.contacts])
             for name, d in details(filled).items()}
    assert after == before
    assert "新人" not in owners(filled)
