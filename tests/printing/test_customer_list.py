"""The printed customer list: chosen columns, every row, Chinese names searchable, A4 and Letter pages; read back
with poppler's pdftotext and pdfinfo as a user's PDF viewer would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.printing.customer_list import (
    CustomerListing,
    chosen_columns,
    default_landscape,
    write_customer_list_pdf,
)
from tests import small_team

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
                                reason="poppler-utils (pdftotext, pdfinfo) not installed")


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_size(path: Path) -> tuple[int, int, int]:
    """(width, height, pages) in points, from pdfinfo."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return round(float(width)), round(float(height)), pages


@pytest.fixture
def team_rows(tmp_path: Path, qapp):
    ws, _ids, _people = small_team.build(tmp_path / "team.db")
    try:
        yield ws.customers.rows(0, 1000, CustomerFilter())
    finally:
        ws.close()


def test_a4_list_has_the_chinese_names_and_the_chosen_columns(tmp_path, team_rows):
    path = tmp_path / "list.pdf"
    listing = CustomerListing("All customers", "", team_rows, ["name", "tier", "owner", "phone"])
    assert write_customer_list_pdf(path, listing, paper="a4", language="en") == 1
    text = pdftotext(path)
    for name in ("张伟", "曾伟", "单丽", "上海华信贸易有限公司", "Müller Maschinenbau GmbH"):
        assert name in text
    assert "Tier" in text and "Owner" in text and "Phone" in text and "139 0000 1111" in text
    assert "City" not in text and "上海" not in text.replace("上海华信贸易有限公司", "")  # a column not chosen
    assert page_size(path)[:2] == (595, 842)  # A4 upright: four columns fit


def test_letter_landscape_and_chinese_headers(tmp_path, team_rows):
    path = tmp_path / "list.pdf"
    keys = ["name", "tier", "stage", "owner", "city", "phone", "next_follow_up", "last_contact"]
    assert default_landscape(keys)
    listing = CustomerListing("全部客户", "“伟”", [r for r in team_rows if "伟" in r.name], keys)
    write_customer_list_pdf(path, listing, paper="letter", language="zh_CN")
    assert page_size(path) == (792, 612, 1)  # Letter across
    text = pdftotext(path)
    assert "张伟" in text and "曾伟" in text and "单丽" not in text
    assert "客户列表" in text  # the title, translated


def test_many_rows_run_onto_more_pages_with_the_header_repeated(tmp_path, team_rows):
    path = tmp_path / "list.pdf"
    rows = [row._replace(name=f"客户{number:04d}") for number, row in enumerate(team_rows * 30, start=1)]
    pages = write_customer_list_pdf(path, CustomerListing("All", "", rows, ["name", "phone"]), paper="a4",
                                    language="en")
    assert pages > 1 and page_size(path)[2] == pages
    text = pdftotext(path)
    assert "客户0001" in text and f"客户{len(rows):04d}" in text
    assert text.count("Phone") == pages


def test_the_name_column_always_comes_first():
    assert [c.key for c in chosen_columns(["phone", "name", "nonsense", "tier"])] == ["name", "phone", "tier"]


def test_the_command_line_prints_the_searched_list(tmp_path, team_rows):
    import os
    import sys

    out = tmp_path / "cli.pdf"
    done = subprocess.run([sys.executable, "-m", "keepclient", "--db", str(tmp_path / "team.db"), "print-customers",
                           "--pdf", str(out), "--tier", "A", "B", "--columns", "name,phone,city", "--paper", "letter"],
                          capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert "customers: 4, pages: 1" in done.stdout + done.stderr
    text = pdftotext(out)
    assert "张伟" in text and "上海华信贸易有限公司" in text and "曾伟" in text and "Brown Foods Ltd" in text
    assert "单丽" not in text and "City" in text and "成都" in text and page_size(out)[:2] == (612, 792)
    wrong = subprocess.run([sys.executable, "-m", "keepclient", "--db", str(tmp_path / "team.db"), "print-customers",
                            "--pdf", str(out), "--columns", "name,shoe_size"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "shoe_size" not in wrong.stdout + wrong.stderr
