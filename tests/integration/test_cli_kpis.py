"""`keepclient kpi-report` and `keepclient team set-target` end to end, as separate processes: the workbook and
the PDF read back (Chinese names in the PDF's text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from tests.integration.test_cli import run
from tests.printing.conftest import colored_pixels, read_pdf
from tests.unit.services.test_kpis import build_team

PERIOD = ("--from", "2027-03-01", "--to", "2027-03-31", "--today", "2027-04-10")


def render_page(path: Path, page: int) -> QImage:
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(page, QSize(612, 792))
    document.close()
    return image


@pytest.fixture
def team_db(new_database) -> Path | str:
    """The KPI tests' team in a file and on a team server (the commands on both engines)."""
    path = new_database("team")
    build_team(path)[0].close()
    return path


def test_the_workbook_holds_real_numbers(team_db: Path, tmp_path: Path):
    target = tmp_path / "kpi.xlsx"
    result = run("--db", str(team_db), "kpi-report", *PERIOD, "--xlsx", str(target))
    assert result.returncode == 0, result.stderr
    assert "3 salespeople, 2027-03-01 to 2027-03-31" in result.stdout
    book = load_workbook(target)
    assert book.sheetnames == ["KPIs", "Monthly"]
    sheet = book["KPIs"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == ["李娜", "王强", "赵六", "Team"]
    li = rows["李娜"]
    assert (li["Visits planned"], li["Visits done"], li["Visit target"]) == (3, 2, 10)
    assert li["Follow-up on time"] == 0.5 and li["Coverage of A customers"] == 0.5
    assert li["First response (median hours)"] == 15.0 and li["Resolution (median hours)"] == 144.0
    assert li["Average satisfaction"] == 4.0 and li["Retention"] == 0.5
    assert (li["Revenue"], li["Revenue target"], li["Average order value"]) == (1700.0, 10000.0, 850.0)
    assert li["Revenue against target"] == pytest.approx(0.17)
    assert rows["王强"]["Revenue target"] == 1600.0 and rows["王强"]["Coverage of A customers"] is None
    assert rows["赵六"]["Active"] == "No" and rows["赵六"]["Lost customers"] == 1
    assert rows["Team"]["Revenue"] == 2150.0 and rows["Team"]["Visits missed"] == 1
    cells = {cell.column_letter: cell for cell in sheet[2]}
    formats = {header[cell.column - 1]: cell.number_format for cell in cells.values()}
    assert formats["Follow-up on time"] == "0.0%" and formats["Visits done"] == "0"
    assert formats["Revenue"].startswith("#,##0.00") and "CNY" in formats["Revenue"]
    monthly = list(book["Monthly"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1].date() if isinstance(r[1], dt.datetime) else r[1], r[2], r[4]) for r in monthly] == [
        ("李娜", dt.date(2027, 3, 1), 2, 1700.0), ("王强", dt.date(2027, 3, 1), 0, 450.0),
        ("赵六", dt.date(2027, 3, 1), 0, 0.0)]


def test_the_pdf_has_a_team_page_and_a_page_per_salesperson_in_chinese(team_db: Path, tmp_path: Path, qapp):
    target = tmp_path / "kpi.pdf"
    result = run("--db", str(team_db), "--lang", "zh_CN", "kpi-report", *PERIOD, "--pdf", str(target),
                 "--paper", "letter")
    assert result.returncode == 0, result.stderr
    pages = read_pdf(target)
    assert len(pages) == 4
    assert round(pages[0].width) == 612  # Letter, portrait
    assert "李娜" in pages[0].text and "王强" in pages[0].text  # the team page lists everyone
    assert "李娜" in pages[1].text and "代码 LN" in pages[1].text and "拜访 10 次" in pages[1].text
    assert "2/4" in pages[1].text and "1700.00，目标 10000.00" in pages[1].text
    assert "王强" in pages[2].text and "赵六（已停用）" in pages[3].text
    assert pages[0].has("3月") and pages[1].has("3月")  # the charts' month names, in Chinese
    assert not target.with_name(target.name + ".tmp").exists()
    # the charts are drawn in the salespeople's calendar colours: 李娜's on the team page and on her own page
    li_color = "#4e79a7"
    assert colored_pixels(render_page(target, 0), li_color) > 30
    assert colored_pixels(render_page(target, 1), li_color) > 30
    assert colored_pixels(render_page(target, 2), li_color) == 0  # 王强's page: his colour, not hers
    assert colored_pixels(render_page(target, 2), "#f28e2b") > 30


def test_the_pdf_has_its_charts_in_english(team_db: Path, tmp_path: Path, qapp):
    target = tmp_path / "kpi-en.pdf"
    result = run("--db", str(team_db), "kpi-report", "--from", "2027-01-01", "--to", "2027-03-31", "--today",
                 "2027-04-10", "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    pages = read_pdf(target)
    assert pages[0].has("Visits done per month", "Revenue per month (CNY)", "Revenue against target")
    assert pages[0].has("Jan", "Feb", "Mar", "2027", "Target")
    assert pages[1].has("李娜", "Visits done per month", "Target")


def test_only_chosen_salespeople_and_json(team_db: Path):
    result = run("--db", str(team_db), "kpi-report", *PERIOD, "--json", "--salesperson", "王强")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["salespeople"]] == ["王强"]
    assert data["salespeople"][0]["kpis"]["revenue"]["value"] == 45_000
    assert data["total"]["kpis"]["revenue"]["target"] == pytest.approx(160_000)
    unknown = run("--db", str(team_db), "kpi-report", *PERIOD, "--json", "--salesperson", "nobody")
    assert unknown.returncode != 0 and "nobody" in unknown.stderr


def test_set_target_then_the_report_uses_it(team_db: Path):
    result = run("--db", str(team_db), "team", "set-target", "王强", "--revenue", "6200", "--visits", "62")
    assert result.returncode == 0, result.stderr
    assert "王强" in result.stdout and "6200.00" in result.stdout and "62 visits" in result.stdout
    data = json.loads(run("--db", str(team_db), "kpi-report", *PERIOD, "--json", "--salesperson", "王强").stdout)
    assert data["salespeople"][0]["revenue_target_cents"] == pytest.approx(320_000)  # 16 of 31 days
    assert data["salespeople"][0]["visit_target"] == pytest.approx(32)
    refused = run("--db", str(team_db), "team", "set-target", "王强", "--visits", "-1")
    assert refused.returncode == 2 and "-1" in refused.stderr


def test_to_before_from_is_refused(team_db: Path, tmp_path: Path):
    result = run("--db", str(team_db), "kpi-report", "--from", "2027-03-31", "--to", "2027-03-01", "--xlsx",
                 str(tmp_path / "x.xlsx"))
    assert result.returncode == 2 and not (tmp_path / "x.xlsx").exists()
