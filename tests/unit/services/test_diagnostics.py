"""The diagnostics report: versions, settings with anything private withheld, database facts and row counts only."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from keepclient.domain.errors import StorageError
from keepclient.services import diagnostics

INI = """[General]
token=abc123

[ui]
language=zh_CN

[window]
geometry=@ByteArray(\\x1\\xd9\\xd0\\xcb)

[customers]
views="[{\\"name\\": \\"华信\\", \\"search\\": \\"华信机械\\"}]"

[feedback]
filter={"search": "Brown"}

[smtp]
password=hunter2
"""


def test_settings_keep_choices_and_withhold_what_may_be_private(tmp_path: Path) -> None:
    ini = tmp_path / "keepclient.ini"
    ini.write_text(INI, encoding="utf-8")
    rows = dict(diagnostics.settings(ini))
    assert rows["ui/language"] == "zh_CN"
    assert rows["window/geometry"].startswith("<binary")
    assert rows["token"] == rows["smtp/password"] == "<withheld>"
    assert rows["customers/views"].startswith("<withheld") and rows["feedback/filter"].startswith("<withheld")
    text = "\n".join(f"{k} {v}" for k, v in rows.items())
    for private in ("华信", "Brown", "hunter2", "abc123"):
        assert private not in text


def test_report_without_a_database_or_settings_still_says_versions(tmp_path: Path) -> None:
    report = diagnostics.collect(None, tmp_path / "missing.ini", qt={"Qt": "6.9.9", "PySide6": "6.9.9"},
                                 now=dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC))
    text = report.text()
    assert "Written: 2026-12-06T12:00:00+00:00" in text
    for line in (r"Qt +6\.9\.9", "database +none open", "log file +none"):
        assert re.search(line, text)
    for name in ("keepclient", "Python", "SQLite", "peewee", "openpyxl", "Platform"):
        assert f"\n{name} " in text


def test_report_counts_rows_and_never_reads_them(workspace, tmp_path: Path) -> None:
    report = diagnostics.collect(workspace.db, None)
    sections = dict(report.sections)
    counts = dict(sections["Row counts"])
    assert int(counts["customer"].replace(",", "")) == workspace.customers.count()
    assert dict(sections["Database"])["schema version"].startswith(str(diagnostics.LATEST))
    text = report.text()
    conn = sqlite3.connect(workspace.path)
    try:
        private = [v for (v,) in conn.execute("SELECT name FROM customer UNION SELECT name FROM contact "
                                               "UNION SELECT phone FROM customer") if v and len(v) > 1]
    finally:
        conn.close()
    assert len(private) > 100
    assert [v for v in private if v in text] == []


def test_save_replaces_whole_and_a_refused_folder_is_a_storage_error(tmp_path: Path) -> None:
    report = diagnostics.collect(None, None)
    target = tmp_path / "d.txt"
    target.write_text("old", encoding="utf-8")
    assert diagnostics.save(report, target) == target
    assert target.read_text(encoding="utf-8") == report.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt"]
    with pytest.raises(StorageError):
        diagnostics.save(report, tmp_path / "missing" / "d.txt")
