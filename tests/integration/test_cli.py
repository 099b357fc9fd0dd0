"""The `keepclient` command end to end, as a separate process: outputs and stable exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from keepclient.db import migrations


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", **(env or {})}
    return subprocess.run([sys.executable, "-m", "keepclient", *args], capture_output=True, text=True,
                          timeout=120, env=full_env)


def test_demo_then_check_then_backup(tmp_path: Path):
    db = tmp_path / "team.db"
    demo = run("--db", str(db), "demo", "--customers", "120")
    assert demo.returncode == 0, demo.stderr
    assert "120 customers" in demo.stdout
    assert "120 / 120" in demo.stderr  # progress
    check = run("--db", str(db), "check", "--json")
    assert check.returncode == 0
    report = json.loads(check.stdout)
    assert report["integrity"] == "ok" and report["counts"]["customer"] == 120
    assert report["schema_version"] == migrations.LATEST and report["mode"] == "local"
    backup = run("--db", str(db), "backup", str(tmp_path / "copies"))
    assert backup.returncode == 0
    copies = list((tmp_path / "copies").iterdir())
    assert len(copies) == 1 and str(copies[0]) in backup.stdout


def test_default_database_is_in_the_users_data_folder(isolated_home: Path):
    result = run("demo", "--customers", "5")
    assert result.returncode == 0, result.stderr
    assert (isolated_home / "data" / "keepclient" / "keepclient.db").exists()


def test_demo_refuses_a_database_with_customers(tmp_path: Path):
    db = tmp_path / "t.db"
    assert run("--db", str(db), "demo", "--customers", "5").returncode == 0
    again = run("--db", str(db), "demo", "--customers", "5")
    assert again.returncode == 1 and "--append" in again.stderr
    assert run("--db", str(db), "demo", "--customers", "5", "--append").returncode == 0


@pytest.mark.parametrize(("content", "code", "words"), [
    (b"hello, not a database\n" * 20, 5, "is not a database file"),
])
def test_bad_files_give_one_clear_line(tmp_path: Path, content: bytes, code: int, words: str):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    result = run("--db", str(path), "check")
    assert result.returncode == code
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == content


def test_newer_schema_exit_code(tmp_path: Path):
    path = tmp_path / "future.db"
    assert run("--db", str(path), "demo", "--customers", "3").returncode == 0
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.commit()
    conn.close()
    result = run("--db", str(path), "check")
    assert result.returncode == 4 and "newer keepclient" in result.stderr


def test_missing_database_for_check(tmp_path: Path):
    result = run("--db", str(tmp_path / "nowhere.db"), "check")
    assert result.returncode == 6 and "There is no database at" in result.stderr
    assert not (tmp_path / "nowhere.db").exists()


def test_busy_database_exit_code(tmp_path: Path):
    path = tmp_path / "busy.db"
    assert run("--db", str(path), "--shared", "demo", "--customers", "3").returncode == 0
    colleague = sqlite3.connect(path, timeout=0)
    colleague.execute("BEGIN IMMEDIATE")
    try:
        result = run("--db", str(path), "--shared", "demo", "--customers", "3", "--append",
                     env={"KEEPCLIENT_BUSY_DEADLINE": "1"})
    finally:
        colleague.rollback()
        colleague.close()
    assert result.returncode == 3 and "colleague is saving" in result.stderr


def test_messages_in_chinese(tmp_path: Path):
    path = tmp_path / "bad.db"
    path.write_bytes(b"garbage" * 30)
    result = run("--db", str(path), "--lang", "zh_CN", "check")
    assert result.returncode == 5 and "不是数据库文件" in result.stderr
    zh_system = run("--db", str(path), "check", env={"LANG": "zh_CN.UTF-8"})
    assert "不是数据库文件" in zh_system.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("--db", str(tmp_path / "x.db"), "frobnicate").returncode == 2


@pytest.mark.parametrize("moment", ["window", "data"])
def test_window_starts_on_a_database_and_remembers_it(demo_db: Path, isolated_home: Path, moment: str):
    """`keepclient --db X` opens the window (offscreen here) and records X as the last used database."""
    result = run("--db", str(demo_db), env={"KEEPCLIENT_QUIT_WHEN_SHOWN": moment, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    state = isolated_home / "config" / "keepclient" / "state.json"
    if moment == "data":
        assert json.loads(state.read_text())["last_database"] == str(demo_db)
    else:  # quit at the first frame: the database had not been opened yet
        assert not state.exists()


def test_search_prints_ranked_matches(demo_target: Path | str):
    demo_db = demo_target  # a file, and a team server
    text = run("--db", str(demo_db), "search", "zw", "--limit", "5")
    assert text.returncode == 0 and 0 < len(text.stdout.strip().splitlines()) <= 5
    as_json = run("--db", str(demo_db), "search", "zw", "--limit", "5", "--json")
    hits = json.loads(as_json.stdout)
    assert [h["name"] for h in hits] == [line.split("\t")[1] for line in text.stdout.strip().splitlines()]
    assert set(hits[0]) == {"id", "name", "tier", "owner", "phone", "contact"}
    none = run("--db", str(demo_db), "search", "no-such-customer-anywhere")
    assert none.returncode == 0 and "No customer matches" in none.stdout
    assert run("--db", str(demo_db), "search", "x", "--limit", "0").returncode == 2


def test_import_dry_run_then_import_then_undo(tmp_path: Path, new_database):
    from tests.unit.importing import fixtures

    db = new_database("t")  # a file, and a team server
    sheet = fixtures.chinese_workbook(tmp_path / "客户.xlsx")
    dry = run("--db", str(db), "import", str(sheet), "--dry-run", "--report", str(tmp_path / "problems.xlsx"))
    assert dry.returncode == 0, dry.stderr
    assert ("New: 4, updated: 0, unchanged: 0; rows refused: 0, rows imported with problems: 2 (of 6 rows)."
            in dry.stdout)
    assert "row 8, 手机号码: 12345 — not a phone number" in dry.stdout and (tmp_path / "problems.xlsx").exists()
    check = json.loads(run("--db", str(db), "check", "--json").stdout)
    assert check["counts"]["customer"] == 0  # a dry run writes nothing
    refused = run("--db", str(db), "import", str(sheet))
    assert refused.returncode == 2 and "--yes" in refused.stdout
    done = run("--db", str(db), "import", str(sheet), "--yes")
    assert done.returncode == 0 and "undo-import 1" in done.stdout
    assert json.loads(run("--db", str(db), "check", "--json").stdout)["counts"]["customer"] == 4
    assert "客户.xlsx" in run("--db", str(db), "imports").stdout
    assert run("--db", str(db), "undo-import", "1").returncode == 0
    assert json.loads(run("--db", str(db), "check", "--json").stdout)["counts"]["customer"] == 0


def test_import_of_a_bad_file_is_one_line_and_exit_10(tmp_path: Path, new_database):
    bad = tmp_path / "list.xlsx"
    bad.write_bytes(b"\x00\x01garbage" * 100)
    result = run("--db", str(new_database("t")), "import", str(bad), "--yes")
    assert result.returncode == 10 and len(result.stderr.strip().splitlines()) == 1
    assert "not a spreadsheet" in result.stderr


def test_import_with_only_refused_rows_fails(tmp_path: Path, new_database):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("公司,手机\n,13812345678\n", encoding="utf-8")  # a number, but no company and no person
    result = run("--db", str(new_database("t")), "import", str(sheet), "--yes")
    assert result.returncode == 10 and "Nothing could be imported" in result.stdout
    assert "row 2 — no company and no person name; row not imported" in result.stdout


def test_a_row_with_a_bad_value_is_imported_with_the_value_kept(tmp_path: Path, new_database):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("公司,手机\n甲公司,123\n", encoding="utf-8")
    db = new_database("t")
    result = run("--db", str(db), "--lang", "zh_CN", "import", str(sheet), "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "第 2 行" in result.stdout or "行 2" in result.stdout  # the problem line is in the user's language
    found = run("--db", str(db), "search", "甲公司", "--json")
    assert json.loads(found.stdout)[0]["name"] == "甲公司"


def test_export_formats(demo_target: Path | str, tmp_path: Path):
    demo_db = demo_target  # a file, and a team server
    for name in ("all.xlsx", "all.csv", "all.json"):
        result = run("--db", str(demo_db), "export", str(tmp_path / name))
        assert result.returncode == 0 and "Exported 300 customers" in result.stdout
    assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["customers"]) == 300
    assert run("--db", str(demo_db), "export", str(tmp_path / "x.pdf")).returncode == 2


def test_import_dry_run_json_lists_changes_and_problems(tmp_path: Path, new_database):
    from tests.unit.importing import fixtures

    db = new_database("t")  # a file, and a team server
    sheet = fixtures.ledger_workbook(tmp_path / "台账.xlsx")
    assert run("--db", str(db), "import", str(sheet), "--yes").returncode == 0
    export = tmp_path / "all.csv"
    assert run("--db", str(db), "export", str(export)).returncode == 0
    text = export.read_text(encoding="utf-8-sig").replace("有限公司,Company,A,", "有限公司,Company,B,")  # tier A -> B
    export.write_text(text, encoding="utf-8-sig")
    dry = run("--db", str(db), "import", str(export), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    document = json.loads(dry.stdout)
    assert document["summary"]["updated"] == 1 and document["summary"]["new"] == 0
    assert [(c["name"], c["field"], c["old"], c["new"]) for c in document["changes"]] == [
        ("杭州远航贸易有限公司", "tier", "A", "B")]
    assert json.loads(run("--db", str(db), "check", "--json").stdout)["counts"]["customer"] == 2  # nothing written


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path):
    """`keepclient search … --json | head`: the pipe closes before the output is written; no traceback."""
    db = tmp_path / "team.db"
    assert run("--db", str(db), "demo", "--customers", "60").returncode == 0
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": ""}
    process = subprocess.Popen([sys.executable, "-m", "keepclient", "--db", str(db), "search", "a", "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the command has written anything
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
