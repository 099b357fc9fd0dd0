"""`keepclient care-list` end to end, as separate processes: the PDF read back (Chinese names and the owners'
bands), the workbook read back (real cells), the birthday list of a month with a lunar birthday, usage errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.integration.test_cli import run
from tests.printing.conftest import read_pdf
from tests.unit.services.care_team import build_care_team


@pytest.fixture
def team_db(new_database) -> Path | str:
    """The care team in a file and on a team server (the commands on both engines)."""
    path = new_database("care")
    build_care_team(path)[0].close()
    return path


def test_mid_autumn_pdf_in_chinese_grouped_by_salesperson(team_db: Path, tmp_path: Path, qapp):
    target = tmp_path / "中秋.pdf"
    done = run("--db", str(team_db), "--lang", "zh_CN", "care-list", "--occasion", "mid_autumn", "--year", "2027",
               "--pdf", str(target), "--tier", "A", "B")
    assert done.returncode == 0, done.stderr
    assert "2027-09-15" in done.stdout and "4" in done.stdout
    pages = read_pdf(target)
    assert len(pages) == 1 and round(pages[0].width) == 842  # A4 landscape
    page = pages[0]
    assert page.has("中秋", "2027", "李娜", "张伟", "安达物流", "华信机械", "博远科技", "无主商贸", "王经理",
                    "13812345678", "浦东新区世纪大道100号", "月饼礼盒")
    assert not page.has("晨光文具")  # tier C
    flat = page.flat
    assert flat.index("李娜") < flat.index("安达物流") < flat.index("张伟") < flat.index("华信机械") \
        < flat.index("博远科技") < flat.index("无主商贸")
    assert not target.with_name(target.name + ".tmp").exists()


def test_the_workbook_holds_real_cells(team_db: Path, tmp_path: Path):
    target = tmp_path / "care.xlsx"
    done = run("--db", str(team_db), "care-list", "--occasion", "mid_autumn", "--year", "2027", "--xlsx",
               str(target), "--salesperson", "张伟", "--tier", "A,B")
    assert done.returncode == 0, done.stderr
    assert "Mid-Autumn Festival (2027-09-15): 2 to greet." in done.stdout
    book = load_workbook(target)
    assert len(book.sheetnames) == 1
    sheet = book[book.sheetnames[0]]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Owner", "Customer", "Tier", "Contact"]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [(r["Owner"], r["Customer"], r["Tier"]) for r in rows] == [("张伟", "华信机械", "A"),
                                                                       ("张伟", "博远科技", "B")]
    first = rows[0]
    assert (first["Contact"], first["Title"], first["Mobile"], first["Address"], first["Last gift"]) == (
        "王经理", "总经理", "138 1234 5678", "上海 浦东新区世纪大道100号", "月饼礼盒")
    assert first["Date"] == dt.datetime(2027, 9, 15) and first["Last gift on"] == dt.datetime(2026, 9, 20)
    assert rows[1]["Last gift"] is None or rows[1]["Last gift"] == ""


def test_birthdays_of_a_month_as_pdf_and_workbook(team_db: Path, tmp_path: Path, qapp):
    pdf, xlsx = tmp_path / "birthdays.pdf", tmp_path / "birthdays.xlsx"
    done = run("--db", str(team_db), "--lang", "zh_CN", "care-list", "--occasion", "birthday", "--year", "2027",
               "--month", "9", "--pdf", str(pdf), "--paper", "letter", "--portrait")
    assert done.returncode == 0, done.stderr
    page = read_pdf(pdf)[0]
    assert round(page.width) == 612 and page.has("刘总", "小赵", "安达物流", "华信机械")
    done = run("--db", str(team_db), "care-list", "--occasion", "birthday", "--year", "2027", "--month", "9",
               "--xlsx", str(xlsx))
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[8]) for r in rows] == [("刘总", dt.datetime(2027, 9, 15)), ("小赵", dt.datetime(2027, 9, 20))]


def test_usage_errors(team_db: Path, tmp_path: Path):
    out = str(tmp_path / "x.pdf")
    base = ("--db", str(team_db), "care-list", "--year", "2027")
    assert run(*base, "--occasion", "birthday", "--pdf", out).returncode == 2  # which month?
    assert run(*base, "--occasion", "mid_autumn", "--month", "9", "--pdf", out).returncode == 2
    assert run(*base, "--occasion", "mooncake", "--pdf", out).returncode == 2
    assert run(*base, "--occasion", "mid_autumn", "--tier", "D", "--pdf", out).returncode == 2
    unknown = run(*base, "--occasion", "mid_autumn", "--salesperson", "nobody", "--pdf", out)
    assert unknown.returncode == 2 and "nobody" in unknown.stderr
    assert run(*base, "--occasion", "mid_autumn").returncode == 2  # --pdf or --xlsx
    far = run("--db", str(team_db), "care-list", "--year", "2101", "--occasion", "mid_autumn", "--pdf", out)
    assert far.returncode == 2 and "2101" in far.stderr
    assert not Path(out).exists()
