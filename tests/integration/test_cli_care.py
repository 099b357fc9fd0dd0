"""`keepclient holidays` as a separate process: JSON, the observed setting, --all, names by language, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from keepclient.services.workspace import Workspace


def run(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "--create", "--lang", lang,
                           "holidays", *args], capture_output=True, text=True, timeout=120, env=env)


def test_holidays_as_json_in_both_languages(new_database):
    db = new_database("care")  # a file, and a team server
    done = run(db, "--year", "2027", "--json", lang="zh_CN")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {"date": "2027-02-06", "key": "spring_festival", "name": "春节"} in rows
    assert {"date": "2027-09-15", "key": "mid_autumn", "name": "中秋"} in rows
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows) and len(rows) == 14
    english = json.loads(run(db, "--year", "2028", "--json").stdout)
    assert english[:4] == [{"date": "2028-01-01", "key": "new_year", "name": "New Year's Day"},
                           {"date": "2028-01-04", "key": "laba", "name": "Laba Festival"},
                           {"date": "2028-01-25", "key": "new_years_eve", "name": "Lunar New Year's Eve"},
                           {"date": "2028-01-26", "key": "spring_festival", "name": "Spring Festival"}]
    text = run(db, "--year", "2028")
    assert text.returncode == 0 and "2028-10-03  Mid-Autumn Festival  (mid_autumn)" in text.stdout


def test_only_the_observed_holidays_unless_all(new_database):
    db = new_database("care")
    ws = Workspace.open(db, user="tester")
    ws.care.set_observed_holidays(["mid_autumn", "spring_festival"])
    ws.close()
    rows = json.loads(run(db, "--year", "2027", "--json").stdout)
    assert [(r["date"], r["key"]) for r in rows] == [("2027-02-06", "spring_festival"), ("2027-09-15", "mid_autumn")]
    assert len(json.loads(run(db, "--year", "2027", "--json", "--all").stdout)) == 14


def test_a_year_outside_1950_to_2100_is_a_usage_error(tmp_path: Path):
    db = tmp_path / "care.db"
    for year in ("1949", "2101"):
        done = run(db, "--year", year, "--json")
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.strip() == f"keepclient: Holidays are known for the years 1950 to 2100, not {year}."
    assert run(db, "--year", "soon").returncode == 2
    assert run(db).returncode == 2  # --year is required
    assert json.loads(run(db, "--year", "1950", "--json").stdout)[0]["date"] == "1950-01-01"
    assert json.loads(run(db, "--year", "2100", "--json").stdout)[-1]["date"] == "2100-12-25"
