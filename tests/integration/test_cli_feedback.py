"""`keepclient feedback-report` end to end, as a separate process: the PDF and the workbook read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests import plain_sql
from tests.integration.test_cli import run
from tests.printing.conftest import read_pdf


@pytest.fixture
def team_db(demo_target: Path | str) -> Path | str:
    """The demo team in a file and on a team server (the commands on both engines)."""
    return demo_target


def _open_items(db: Path) -> list[tuple[str, str]]:
    conn = plain_sql.connect(db)
    try:
        return [tuple(row) for row in conn.execute(
            "SELECT c.name, coalesce(s.name, '') FROM feedback f JOIN customer c ON c.id = f.customer_id LEFT JOIN "
            "salesperson s ON s.id = f.owner_id WHERE f.deleted_at IS NULL AND f.status != 'closed'").fetchall()]
    finally:
        conn.close()


def test_the_report_as_a_workbook_lists_every_open_item(team_db: Path, tmp_path: Path):
    target = tmp_path / "report.xlsx"
    result = run("--db", str(team_db), "feedback-report", "--xlsx", str(target), "--from", "2026-01-01",
                 "--to", "2026-11-30")
    assert result.returncode == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames == ["Open feedback", "Monthly"]
    rows = list(book["Open feedback"].iter_rows(min_row=2, values_only=True))
    expected = _open_items(team_db)
    assert len(rows) == len(expected) > 0 and f"{len(expected)} open items" in result.stdout
    assert sorted((r[2], r[0] or "") for r in rows) == sorted(expected)
    months = {r[0].strftime("%Y-%m") for r in book["Monthly"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert months and min(months) >= "2026-01" and max(months) <= "2026-11"


def test_the_report_as_a_pdf_in_chinese(team_db: Path, tmp_path: Path, qapp):
    target = tmp_path / "report.pdf"
    result = run("--db", str(team_db), "--lang", "zh_CN", "feedback-report", "--pdf", str(target), "--paper",
                 "letter")
    assert result.returncode == 0, result.stderr
    pages = read_pdf(target)
    assert pages and f"{len(pages)} 页" in result.stdout
    owner = next(owner for _customer, owner in _open_items(team_db) if owner)
    assert any(page.has(owner) for page in pages)
    assert pages[0].width == pytest.approx(612, abs=1)  # Letter, portrait


def test_bad_periods_and_a_missing_target_are_refused(team_db: Path, tmp_path: Path):
    assert run("--db", str(team_db), "feedback-report", "--from", "2026-01-01").returncode == 2
    backwards = run("--db", str(team_db), "feedback-report", "--xlsx", str(tmp_path / "r.xlsx"), "--from",
                    "2026-11-01", "--to", "2026-10-01")
    assert backwards.returncode == 2 and not (tmp_path / "r.xlsx").exists()
    bad = run("--db", str(team_db), "feedback-report", "--pdf", str(tmp_path / "r.pdf"), "--to", "2026-13-01")
    assert bad.returncode == 2 and "2026-13-01" in bad.stderr
