"""Merged cells as offices use them: a company merged down over its contacts' rows reaches every one of those rows,
in .xlsx (openpyxl), .xls (xlwt) and .ods (content.xml written here: openpyxl cannot write .ods)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import openpyxl
import pytest

from keepclient.importing import readers

HEADER = ["客户名称", "联系人", "电话"]
LEDGER = [  # (company or None where the merge covers it, contact, phone)
    ("上海华信（集团）有限公司", "张伟", "138 0000 0001"),
    (None, "李娜", "138 0000 0002"),
    (None, "王芳", "138 0000 0003"),
    ("北京安达贸易", "赵磊", "138 0000 0004"),
]
CARRIED = [  # what every reader must give for LEDGER: the merged company on each of its three rows
    ["上海华信（集团）有限公司", "张伟", "138 0000 0001"],
    ["上海华信（集团）有限公司", "李娜", "138 0000 0002"],
    ["上海华信（集团）有限公司", "王芳", "138 0000 0003"],
    ["北京安达贸易", "赵磊", "138 0000 0004"],
]
EXPECTED_ROWS = [["2024年客户台账"], [], HEADER, *CARRIED]  # the title merged across stays in its first cell


def read(path: Path, sheet: str | None = None) -> readers.Sheet:
    book = readers.open_spreadsheet(path)
    try:
        return book.read(sheet)
    finally:
        book.close()


# -- builders -----------------------------------------------------------------------------------------------
def xlsx_ledger(path: Path) -> Path:
    """Title merged over A1:C1, a blank row, the header, the company merged over A4:A6."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["2024年客户台账"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(HEADER)
    for row in LEDGER:
        sheet.append(list(row))
    sheet.merge_cells("A4:A6")
    book.save(path)
    return path


def xls_ledger(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    sheet.write_merge(0, 0, 0, 2, "2024年客户台账")
    for column, value in enumerate(HEADER):
        sheet.write(2, column, value)
    sheet.write_merge(3, 5, 0, 0, LEDGER[0][0])
    for offset, (company, contact, phone) in enumerate(LEDGER):
        if offset == 3:
            sheet.write(3 + offset, 0, company)
        sheet.write(3 + offset, 1, contact)
        sheet.write(3 + offset, 2, phone)
    book.save(str(path))
    return path


ODS_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')


def ods_text(text: str, *, rows: int = 1, columns: int = 1, covered: bool = False) -> str:
    """A string cell as LibreOffice writes it; `rows`/`columns` > 1 make it the first cell of a merge."""
    span = (f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}"'
            if rows > 1 or columns > 1 else "")
    tag = "table:covered-table-cell" if covered else "table:table-cell"
    return f'<{tag}{span} office:value-type="string"><text:p>{escape(text)}</text:p></{tag}>'


def ods_empty(repeat: int = 1, *, covered: bool = False) -> str:
    tag = "table:covered-table-cell" if covered else "table:table-cell"
    return f'<{tag} table:number-columns-repeated="{repeat}"/>' if repeat > 1 else f"<{tag}/>"


def ods_row(*cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


def ods_file(path: Path, tables: dict[str, list[str]]) -> Path:
    """A minimal .ods: mimetype first and stored, a manifest, and content.xml with one table per entry."""
    body = "".join(f"<table:table table:name={quoteattr(name)}>{''.join(rows)}</table:table>"
                   for name, rows in tables.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
               f'office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>'
               f"</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


def ods_ledger_rows() -> list[str]:
    """The ledger as LibreOffice keeps it: repeated blank rows and cells, covered cells under the merges."""
    first, second, third, fourth = LEDGER
    return [
        ods_row(ods_text("2024年客户台账", columns=3), ods_empty(2, covered=True)),
        ods_row(ods_empty(3)),
        ods_row(*(ods_text(h) for h in HEADER)),
        ods_row(ods_text(first[0], rows=3), ods_text(first[1]), ods_text(first[2])),
        ods_row(ods_empty(covered=True), ods_text(second[1]), ods_text(second[2])),
        ods_row(ods_empty(covered=True), ods_text(third[1]), ods_text(third[2])),
        ods_row(ods_text(fourth[0]), ods_text(fourth[1]), ods_text(fourth[2])),
        ods_row(ods_empty(1024), repeat=1048000),  # LibreOffice's trailing blank rows
    ]


def ods_ledger(path: Path) -> Path:
    return ods_file(path, {"台账": ods_ledger_rows()})


# -- the three formats --------------------------------------------------------------------------------------
@pytest.mark.parametrize("build", [xlsx_ledger, xls_ledger, ods_ledger], ids=["xlsx", "xls", "ods"])
def test_a_company_merged_down_reaches_every_row_of_the_merge(tmp_path: Path, build):
    sheet = read(build(tmp_path / f"台账.{build.__name__[:-7]}"))
    assert sheet.name == "台账"
    assert sheet.rows == EXPECTED_ROWS
    assert sheet.numbers == [1, 2, 3, 4, 5, 6, 7]


def test_xlsx_merges_away_from_the_corner_and_in_blocks(tmp_path: Path):
    """Data starting in column B (calamine's rows then start at B), a merge two columns wide and three rows high
    (carried down its first column only), and a second sheet read with its own merges."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "华东"
    sheet["B2"], sheet["C2"], sheet["D2"] = "区域", "客户名称", "联系人"
    sheet["B3"], sheet["C3"] = "华东", "杭州远航贸易有限公司"
    for row, contact in ((3, "周敏"), (4, "吴刚"), (5, "郑洁")):
        sheet[f"D{row}"] = contact
    sheet.merge_cells("B3:B5")
    sheet.merge_cells("C3:C4")
    sheet["B6"], sheet["C6"], sheet["D6"] = "华南", "广州百川电子", "陈立"
    block = book.create_sheet("大客户")
    block.append(["客户名称", "", "联系人"])
    block.append(["深圳星辰科技", None, "孙悦"])
    block.append([None, None, "钱进"])
    block.merge_cells("A2:B3")
    book.save(tmp_path / "区域.xlsx")

    east = read(tmp_path / "区域.xlsx")
    assert east.rows == [
        ["区域", "客户名称", "联系人"],
        ["华东", "杭州远航贸易有限公司", "周敏"],
        ["华东", "杭州远航贸易有限公司", "吴刚"],
        ["华东", "", "郑洁"],  # the company's merge ended a row earlier
        ["华南", "广州百川电子", "陈立"],
    ]
    assert east.numbers == [2, 3, 4, 5, 6]
    assert read(tmp_path / "区域.xlsx", "大客户").rows == [
        ["客户名称", "", "联系人"], ["深圳星辰科技", "", "孙悦"], ["深圳星辰科技", "", "钱进"]]


def test_ods_merges_after_repeats_and_in_a_shifted_sheet(tmp_path: Path):
    """Positions count repeated rows and columns as calamine does; a covered cell that kept an old value keeps it
    (only blank cells are filled); each sheet has its own merges."""
    shifted = [
        ods_row(ods_empty(4), repeat=3),
        ods_row(ods_empty(2), ods_text("客户名称"), ods_text("联系人")),
        ods_row(ods_empty(2), ods_text("成都龙腾汽配有限公司", rows=3), ods_text("郑浩")),
        ods_row(ods_empty(2), ods_empty(covered=True), ods_text("冯雪")),
        ods_row(ods_empty(2), ods_text("旧值", covered=True), ods_text("蒋涛")),
    ]
    path = ods_file(tmp_path / "两表.ods", {"台账": ods_ledger_rows(), "成都": shifted})
    assert read(path).rows == EXPECTED_ROWS
    chengdu = read(path, "成都")
    assert chengdu.rows == [
        ["客户名称", "联系人"],
        ["成都龙腾汽配有限公司", "郑浩"],
        ["成都龙腾汽配有限公司", "冯雪"],
        ["旧值", "蒋涛"],
    ]
    assert chengdu.numbers == [4, 5, 6, 7]


def test_too_many_merged_ranges_are_not_carried_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file with more merged ranges than are worth listing is read as stored (each range would cost a Python
    object; a hostile file can hold millions)."""
    monkeypatch.setattr(readers, "MAX_MERGES", 1)
    for build in (xlsx_ledger, xls_ledger):
        rows = read(build(tmp_path / f"ledger.{build.__name__[:-7]}")).rows
        assert [row[0] for row in rows[3:6]] == ["上海华信（集团）有限公司", "", ""]
