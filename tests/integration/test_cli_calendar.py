"""`keepclient export-ics` and `keepclient print-schedule` end to end, as separate processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from tests import plain_sql
from tests.integration.test_cli import run
from tests.printing.conftest import read_pdf


@pytest.fixture
def team_db(demo_target: Path | str) -> Path | str:
    """The demo team in a file and on a team server (the commands on both engines)."""
    return demo_target


def _salespeople(db: Path) -> list[str]:
    conn = plain_sql.connect(db)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM salesperson ORDER BY name")]
    finally:
        conn.close()


def test_export_ics_writes_the_periods_visits_and_a_reexport_keeps_their_uids(team_db: Path, tmp_path: Path):
    target = tmp_path / "visits.ics"
    result = run("--db", str(team_db), "export-ics", str(target), "--from", "2026-11-23", "--to", "2026-11-29")
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert events and f"Exported {len(events)} visits" in result.stdout
    days = {e.decoded("DTSTART").date().isoformat() for e in events}
    assert min(days) >= "2026-11-23" and max(days) <= "2026-11-29"
    first = {str(e["UID"]) for e in events}
    again = run("--db", str(team_db), "export-ics", str(target), "--from", "2026-11-23", "--to", "2026-11-29")
    assert again.returncode == 0
    assert {str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")} == first


def test_export_ics_for_one_salesperson_and_bad_arguments(team_db: Path, tmp_path: Path):
    someone = _salespeople(team_db)[0]
    target = tmp_path / "one.ics"
    result = run("--db", str(team_db), "export-ics", str(target), "--from", "2026-11-01", "--to", "2026-11-30",
                 "--salesperson", someone)
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert events and {str(e["CATEGORIES"].cats[0]) for e in events} == {someone}
    unknown = run("--db", str(team_db), "export-ics", str(target), "--salesperson", "Nobody Atall")
    assert unknown.returncode == 2 and "Nobody Atall" in unknown.stderr
    bad_date = run("--db", str(team_db), "export-ics", str(target), "--from", "2026-02-30")
    assert bad_date.returncode == 2 and "2026-02-30" in bad_date.stderr
    backwards = run("--db", str(team_db), "export-ics", str(target), "--from", "2026-11-30", "--to", "2026-11-01")
    assert backwards.returncode == 2


def test_print_schedule_week_day_and_month(team_db: Path, tmp_path: Path, qapp):
    people = _salespeople(team_db)
    week = tmp_path / "week.pdf"
    result = run("--db", str(team_db), "print-schedule", "--week", "2026-W48", "--salesperson", *people[:2],
                 "--paper", "letter", "--pdf", str(week))
    assert result.returncode == 0, result.stderr
    pages = read_pdf(week)
    assert f"{len(pages)} pages" in result.stdout and len(pages) >= 2
    assert pages[0].width == pytest.approx(792, abs=1)  # Letter, landscape
    assert any(page.has(people[0]) for page in pages) and any(page.has(people[1]) for page in pages)
    assert not any(page.has(people[0]) and page.has(people[1]) for page in pages)  # one salesperson per page
    day = tmp_path / "day.pdf"
    result = run("--db", str(team_db), "--lang", "zh_CN", "print-schedule", "--day", "2026-11-23", "--pdf", str(day))
    assert result.returncode == 0 and "页" in result.stdout
    assert all(page.has("当日路线单") for page in read_pdf(day))
    month = tmp_path / "month.pdf"
    assert run("--db", str(team_db), "print-schedule", "--month", "2026-11", "--portrait", "--pdf",
               str(month)).returncode == 0
    pages = read_pdf(month)
    assert pages and pages[0].height > pages[0].width and pages[0].has("Month overview")


def test_print_schedule_refuses_bad_periods_and_needs_a_period(team_db: Path, tmp_path: Path):
    bad = run("--db", str(team_db), "print-schedule", "--week", "2026-W54", "--pdf", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and "2026-W54" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
    missing = run("--db", str(team_db), "print-schedule", "--pdf", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2
