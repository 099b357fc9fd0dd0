"""Automatic backups, rotation and restore, on real SQLite files with an injected clock (never today's date)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from keepclient.db import migrations
from keepclient.domain.errors import (
    CopyCheckFailedError,
    DamagedBackupError,
    ForeignBackupError,
    SchemaTooNewError,
    TargetExistsError,
    ValidationError,
)
from keepclient.services import backups, maintenance
from keepclient.services.demo import generate_demo
from keepclient.services.workspace import Workspace

DAY = dt.date(2026, 11, 29)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


@pytest.fixture
def small(tmp_path: Path):
    """A workspace over a small real database (8 customers) in a folder of its own."""
    ws = Workspace.open(tmp_path / "db" / "crm.db", shared=False, user="tester")
    generate_demo(ws.db, customers=8, today=DAY)
    yield ws
    ws.close()


def customers(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


def names(ws: Workspace) -> set[str]:
    return {p.name for p in (ws.path.parent / "backups").iterdir()}


def test_rotation_keeps_ten_days_four_weeks_and_every_manual_and_upgrade_copy(small: Workspace):
    for offset in range(59, -1, -1):  # every day from 2026-10-01 to 2026-11-29, at 09:00
        day = DAY - dt.timedelta(days=offset)
        assert small.daily_backup(now=at(day, 9)) is not None
        assert small.daily_backup(now=at(day, 11)) is None  # once a day
        if day == dt.date(2026, 10, 2):
            maintenance.backup(small.db, maintenance.default_backup_path(small.path, at(day, 20)))
        if day == dt.date(2026, 10, 3):
            migrations.copy_database(small.path, migrations.backup_path_for(small.path, 5, at(day, 20)))
        if day == dt.date(2026, 11, 28):
            backups.before("import", small.db, now=at(day, 14))
    backups.before("empty-trash", small.db, now=at(DAY, 10))

    kept_days = [f"crm-202611{d}-090000-daily.db" for d in range(20, 28)]
    assert names(small) == {
        "crm-20261129-100000-before-empty-trash.db",  # the newest of 29 November (its 09:00 daily went)
        "crm-20261128-140000-before-import.db",  # the newest of 28 November
        *kept_days,  # 20 to 27 November: ten days in all
        "crm-20261119-090000-daily.db",  # then the newest of each earlier ISO week: week 47 (beyond the days)
        "crm-20261115-090000-daily.db",  # week 46
        "crm-20261108-090000-daily.db",  # week 45
        "crm-20261101-090000-daily.db",  # week 44
        "crm-20261002-200000-manual.db",  # never rotated
    }
    assert migrations.backup_path_for(small.path, 5, at(dt.date(2026, 10, 3), 20)).exists()

    listed = backups.list_backups(small.path)
    assert [b.taken_at for b in listed] == sorted((b.taken_at for b in listed), reverse=True)
    assert listed[0].reason == "before-empty-trash" and listed[0].customers == 8 and listed[0].size > 0
    assert {b.reason for b in listed} == {"before-empty-trash", "before-import", "daily", "manual",
                                          "before-upgrade"}


def test_retention_is_a_team_setting(small: Workspace):
    assert backups.retention(small.db) == backups.Retention(10, 4)
    assert backups.set_retention(small.db, "tester", daily=2, weekly=1) == backups.Retention(2, 1)
    for offset in (20, 12, 3, 2, 1, 0):
        small.daily_backup(now=at(DAY - dt.timedelta(days=offset), 9))
    assert names(small) == {"crm-20261129-090000-daily.db", "crm-20261128-090000-daily.db",
                            "crm-20261127-090000-daily.db"}  # two days, then the newest of week 48's rest
    with pytest.raises(ValidationError):
        backups.set_retention(small.db, "tester", daily=0)
    with pytest.raises(ValidationError):
        backups.set_retention(small.db, "tester", weekly=-1)
    assert backups.retention(small.db) == backups.Retention(2, 1)


def test_no_daily_backup_of_an_empty_database(tmp_path: Path):
    ws = Workspace.open(tmp_path / "new.db", shared=False, user="tester")
    try:
        assert ws.daily_backup(now=at(DAY, 9)) is None
        assert not (tmp_path / "backups").exists()
    finally:
        ws.close()


def test_backups_in_the_same_second_get_their_own_names(small: Workspace):
    first = backups.take_backup(small.path, "manual", now=at(DAY, 9))
    second = backups.take_backup(small.path, "manual", now=at(DAY, 9))
    assert first.name == "crm-20261129-090000-manual.db" and second.name == "crm-20261129-090000-manual-2.db"
    assert [b.path for b in backups.list_backups(small.path)] == [second, first]


def test_empty_trash_backs_up_first(small: Workspace):
    small.empty_trash()
    assert any(b.reason == "before-empty-trash" for b in backups.list_backups(small.path))


def test_an_unreadable_backup_is_listed_without_a_count(small: Workspace):
    folder = small.path.parent / "backups"
    folder.mkdir()
    (folder / "crm-20261129-090000-daily.db").write_bytes(b"not a database" * 100)
    (folder / ".crm-20261129-100000-daily.db.1a2b3c4d.tmp").write_bytes(b"half a copy")  # a killed backup
    (folder / "other-20261129-090000-daily.db").write_bytes(b"another database's backup")
    [only] = backups.list_backups(small.path)
    assert only.customers is None and only.reason == "daily" and only.size == 1400


def test_restore_to_a_new_file(small: Workspace, tmp_path: Path):
    backup = small.backup(tmp_path / "kept.db")
    small.empty_trash()
    with small.db.write() as pw:
        pw.execute_sql("DELETE FROM customer")
    result = backups.restore_backup(backup, to=tmp_path / "restored" / "crm.db")
    assert result.path == tmp_path / "restored" / "crm.db" and result.final_backup is None
    assert result.customers == customers(result.path) == 8
    conn = sqlite3.connect(result.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST == result.schema_version
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with pytest.raises(TargetExistsError):
        backups.restore_backup(backup, to=result.path)
    reopened = Workspace.open(result.path, shared=False, user="tester")
    assert reopened.search("", 100) is not None
    reopened.close()


def test_restore_replaces_the_database_after_a_final_backup(small: Workspace, tmp_path: Path):
    backup = small.backup(tmp_path / "kept.db")
    with small.db.write() as pw:
        pw.execute_sql("DELETE FROM customer_tag")
        pw.execute_sql("UPDATE customer SET deleted_at = '2026-11-29 10:00:00'")
    path = small.path
    small.close()
    result = backups.restore_backup(backup, current=small.db, now=at(DAY, 12))
    assert result.path == path and customers(path) == 8
    assert result.final_backup == path.parent / "backups" / "crm-20261129-120000-before-restore.db"
    assert customers(result.final_backup) == 0  # the replaced state is kept, whole
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left
    ws = Workspace.open(path, shared=False, user="tester")
    assert ws.check().ok
    ws.close()


def test_restore_drops_the_replaced_databases_stale_write_ahead_log(small: Workspace, tmp_path: Path):
    """A -wal left by a crash belongs to the old file: replayed into the restored one it would corrupt it."""
    backup = small.backup(tmp_path / "kept.db")
    small.close()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    writer = sqlite3.connect(small.path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE customer SET name = name || ' (changed)'")
    writer.commit()
    for suffix in ("", "-wal", "-shm"):  # the files as a crash leaves them: the changes only in the log
        shutil.copyfile(f"{small.path}{suffix}", crashed / f"crm.db{suffix}")
    writer.close()
    target = crashed / "crm.db"
    assert (crashed / "crm.db-wal").stat().st_size > 0

    result = backups.restore_backup(backup, current=target, now=at(DAY, 12))
    assert not (crashed / "crm.db-wal").exists() and not (crashed / "crm.db-shm").exists()
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM customer WHERE name LIKE '%(changed)'").fetchone() == (0,)
    conn.close()
    final = sqlite3.connect(result.final_backup)  # the crashed file's changes, read through its log, are kept
    assert final.execute("SELECT count(*) FROM customer WHERE name LIKE '%(changed)'").fetchone() == (8,)
    final.close()


def test_restore_over_a_damaged_or_empty_database(small: Workspace, tmp_path: Path):
    backup = small.backup(tmp_path / "kept.db")
    path = small.path
    small.close()
    with path.open("r+b") as fh:  # break pages in the middle of the file
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 4096 * 4)
    result = backups.restore_backup(backup, current=path, now=at(DAY, 12))
    assert result.final_backup is not None and result.final_backup.name.endswith("-before-restore-raw.db")
    assert customers(path) == 8

    path.write_bytes(b"")
    empty = backups.restore_backup(backup, current=path, now=at(DAY, 13))
    assert empty.final_backup is None and customers(path) == 8


def test_a_damaged_foreign_or_newer_backup_is_refused_and_nothing_changes(small: Workspace, tmp_path: Path):
    good = small.backup(tmp_path / "good.db")
    small.close()
    before = small.path.read_bytes()

    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.db"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"PK\x03\x04 an export, not a backup" * 50)

    for bad, error in ((truncated, DamagedBackupError), (garbage, DamagedBackupError),
                       (foreign, ForeignBackupError), (newer, SchemaTooNewError)):
        with pytest.raises(error):
            backups.restore_backup(bad, current=small.path)
        with pytest.raises(error):
            backups.restore_backup(bad, to=tmp_path / "out.db")
    assert small.path.read_bytes() == before and not (tmp_path / "out.db").exists()
    assert not (small.path.parent / "backups").exists()  # refused before the final backup


def test_a_copy_failing_its_integrity_check_never_gets_its_name(small: Workspace, tmp_path: Path):
    small.close()
    with small.path.open("r+b") as fh:
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 4096 * 4)
    target = tmp_path / "copy.db"
    with pytest.raises(CopyCheckFailedError):
        backups.copy_verified(small.path, target)
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".copy.db")]


def test_rotation_clears_temporary_copies_a_killed_backup_left_long_ago(small: Workspace):
    folder = small.path.parent / "backups"
    folder.mkdir()
    old = folder / ".crm-20261120-090000-daily.db.0badf00d.tmp"
    fresh = folder / ".crm-20261129-090000-daily.db.5eed5eed.tmp"  # perhaps a colleague's backup in progress
    for path in (old, fresh):
        path.write_bytes(b"half a copy")
    now = time.time()  # both times from the clock the rotation reads (a file system's clock may differ)
    os.utime(old, (now - 2 * 24 * 3600, now - 2 * 24 * 3600))
    os.utime(fresh, (now, now))
    small.daily_backup(now=at(DAY, 9))
    assert not old.exists() and fresh.exists()
