from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from keepclient.domain.errors import StorageError
from keepclient.services.workspace import Workspace


def test_backup_is_a_complete_consistent_copy(workspace: Workspace, tmp_path: Path):
    target = workspace.backup(tmp_path / "copy.db")
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM customer").fetchone() == (300,)
    conn.close()


def test_default_backup_goes_to_a_backups_folder(workspace: Workspace):
    target = workspace.backup()
    assert target.parent == workspace.path.parent / "backups" and target.exists()


def test_backup_never_overwrites(workspace: Workspace, tmp_path: Path):
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"precious")
    with pytest.raises(StorageError):
        workspace.backup(existing)
    assert existing.read_bytes() == b"precious"


def test_check_reports_corruption(tmp_path: Path):
    ws = Workspace.open(tmp_path / "c.db")
    ws.generate_demo(30)
    ws.db.pw.execute_sql("PRAGMA foreign_keys = OFF")
    ws.db.pw.execute_sql("INSERT INTO contact (uuid, created_at, updated_at, updated_by, version, customer_id, name, "
                         "title, mobile, phone, email, im_id, is_primary, notes, name_norm, name_pinyin, "
                         "name_initials, phone_digits) VALUES ('x', 0, 0, '', 1, 999999, 'orphan', '', '', '', '', "
                         "'', 0, '', '', '', '', '')")
    report = ws.check()
    assert not report.ok and "foreign key problem in contact" in report.integrity
    ws.close()
