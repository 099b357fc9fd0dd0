"""`keepclient team …` as a separate process on a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from keepclient.services.workspace import Workspace
from tests import small_team


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "--lang", "en", "team", *args],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def db(new_database) -> Path | str:
    """The small team in a file and on a team server (the commands on both engines)."""
    place = new_database("team")
    ws, _ids, _people = small_team.build(place)
    ws.close()
    return place


def owners(db: Path) -> dict[str, str | None]:
    ws = Workspace.open(db, user="check")
    try:
        with ws.db.session() as pw:
            return dict(pw.execute_sql("SELECT c.name, s.name FROM customer c "
                                       "LEFT JOIN salesperson s ON s.id = c.owner_id").fetchall())
    finally:
        ws.close()


def test_list_add_rename(db: Path):
    done = run(db, "add", "Anna Schmidt", "--email", "anna@example.com")
    assert done.returncode == 0, done.stderr
    assert "Added Anna Schmidt (code AS)." in done.stdout
    assert run(db, "add", "赵敏").returncode == 0
    listed = json.loads(run(db, "list", "--json").stdout)
    assert [(p["name"], p["code"], p["active"]) for p in listed] == [
        ("Anna Schmidt", "AS", True), ("李娜", "S01", True), ("王建国", "S02", True), ("赵敏", "ZM", True)]
    done = run(db, "rename", "anna schmidt", "Anna Weber")  # case-insensitive when no exact match
    assert done.returncode == 0 and "Renamed Anna Schmidt to Anna Weber." in done.stdout
    text = run(db, "list").stdout.splitlines()
    assert text[0].split("\t")[:2] == ["Anna Weber", "AS"]


def test_refusals_are_one_line(db: Path):
    done = run(db, "rename", "Nobody", "X")
    assert done.returncode == 8
    assert done.stderr.strip() == 'keepclient: There is no salesperson called "Nobody".'
    done = run(db, "add", "李娜")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    done = run(db, "add", "王芳", "--code", "s01")
    assert done.returncode == 2 and "S01" not in done.stdout


def test_deactivate_reactivate(db: Path):
    done = run(db, "deactivate", "李娜")
    assert done.returncode == 0 and "3 customers are still theirs" in done.stdout
    listed = json.loads(run(db, "list", "--json").stdout)
    assert [p["active"] for p in listed] == [False, True]
    assert "inactive" in run(db, "list").stdout
    done = run(db, "handover", "王建国", "李娜")
    assert done.returncode == 2 and "no longer active" in done.stderr
    assert run(db, "reactivate", "李娜").returncode == 0
    assert all(p["active"] for p in json.loads(run(db, "list", "--json").stdout))


def test_handover_filtered_then_all(db: Path):
    assert run(db, "add", "赵敏").returncode == 0
    done = run(db, "handover", "李娜", "王建国", "--filter", "上海")  # only 张伟 of hers is in 上海
    assert done.returncode == 0, done.stderr
    assert "Handed over 1 customers of 李娜" in done.stdout
    found = owners(db)
    assert found["张伟"] == "王建国" and found["单丽"] == "李娜"
    done = run(db, "handover", "李娜", "赵敏", "王建国")
    assert done.returncode == 0, done.stderr
    assert "to 王建国: 1 customers" in done.stdout and "to 赵敏: 1 customers" in done.stdout
    found = owners(db)
    assert "李娜" not in found.values()
    assert found["Müller Maschinenbau GmbH"] != found["单丽"]


def test_handover_to_nobody_else(db: Path):
    done = run(db, "handover", "李娜", "李娜")
    assert done.returncode == 2 and "other than 李娜" in done.stderr
    assert owners(db)["张伟"] == "李娜"


def test_the_teams_currency_is_shown_and_set(db: Path):
    assert "CNY" in run(db, "currency").stdout
    assert "EUR" in run(db, "currency", "eur").stdout
    assert "EUR" in run(db, "currency").stdout
    refused = run(db, "currency", "euro")
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert "EUR" in run(db, "currency").stdout
