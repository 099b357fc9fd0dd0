"""Storage safety on real SQLite files: empty, damaged and foreign files, a vanished or replaced file in both
modes, read-only files and folders, the shared folder's locking self-test, odd search text."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from keepclient.db import migrations
from keepclient.db.connection import check_shared_locking, open_database
from keepclient.domain.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    EmptyDatabaseFileError,
    ForeignDatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyUpgradeError,
    SharedLockingUnsupportedError,
    StorageChangedError,
)
from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace


def damage_an_index(path: Path) -> None:
    """Overwrite the root page of a customer index with garbage (found through sqlite_master.rootpage)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer_deleted_at_sort_key'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xde\xad\xbe\xef" * (page_size // 4))


# --- a failed COMMIT ------------------------------------------------------------------------------------------

def test_a_commit_that_fails_leaves_no_transaction_behind(tmp_path: Path):
    """COMMIT refused while the transaction stays open (a deferred constraint): rolled back, and the next save
    works. (A disk that fills at COMMIT, where SQLite rolls back by itself, is in tests/integration.)"""
    ws = Workspace.open(tmp_path / "c.db", shared=False, user="tester")
    kept = ws.editor.create("Kept")
    with ws.db.write() as pw:
        pw.execute_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        pw.execute_sql("CREATE TABLE child (parent_id REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError), ws.db.write() as pw:
        pw.execute_sql("INSERT INTO child VALUES (999)")  # checked only at COMMIT, which refuses
    assert not ws.db.pw.in_transaction() and not ws.db.pw.connection().in_transaction
    assert ws.editor.create("Next") > kept
    assert ws.customers.count() == 2
    ws.close()


# --- empty and missing files -----------------------------------------------------------------------------------

def test_a_zero_byte_file_is_refused_untouched_unless_creating(tmp_path: Path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(EmptyDatabaseFileError) as caught:
        open_database(path, create=False)
    assert "is empty" in caught.value.message() and caught.value.exit_code == 5
    assert path.stat().st_size == 0 and not Path(f"{path}-wal").exists()
    db = open_database(path, create=True)  # New database / --create / the first run's file
    assert db.pw.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    db.close()


def test_a_missing_file_is_created_only_when_asked(tmp_path: Path):
    with pytest.raises(DatabaseMissingError):
        open_database(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_another_programs_database_is_refused_even_when_creating(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_database(path, create=True)
    assert path.read_bytes() == before


# --- damaged pages ---------------------------------------------------------------------------------------------

def test_a_damaged_index_is_found_and_nothing_writes_into_or_copies_it(demo_db: Path, tmp_path: Path):
    damage_an_index(demo_db)
    ws = Workspace.open(demo_db, shared=False, create=False)
    problems = ws.db.quick_check()
    assert problems and all("\n" not in p for p in problems)
    with pytest.raises(DamagedDatabaseError) as caught:
        ws.ensure_sound()
    assert "is damaged" in caught.value.message() and "keepclient restore" in caught.value.message()
    assert caught.value.exit_code == 9
    report = ws.check()  # reported, not raised: check is how the user learns of it
    assert not report.ok and "not a database" not in report.integrity
    with pytest.raises(DamagedDatabaseError):
        ws.generate_demo(3, append=True)
    with pytest.raises(DamagedDatabaseError):
        ws.backup(tmp_path / "copies")
    assert not (tmp_path / "copies").exists()
    ws.close()


def test_a_sound_file_passes_quick_check(workspace: Workspace):
    assert workspace.db.quick_check() == []
    assert workspace.db.integrity_check() == []
    workspace.ensure_sound()


# --- the file vanished or was replaced -------------------------------------------------------------------------

@pytest.mark.parametrize("shared", [False, True])
def test_a_deleted_folder_refuses_writes_instead_of_losing_them(tmp_path: Path, shared: bool):
    folder = tmp_path / "team"
    ws = Workspace.open(folder / "crm.db", shared=shared, user="tester")
    kept = ws.editor.create("Saved before")
    shutil.rmtree(folder)  # the folder is deleted (or the share unmounted) while the database is open
    for _attempt in range(2):  # neither the first nor a second save is acknowledged
        with pytest.raises(StorageChangedError) as caught:
            ws.editor.create("Would be lost")
    assert "deleted, moved or replaced" in caught.value.message() and caught.value.exit_code == 6
    assert ws.customers.detail(kept).name == "Saved before"  # reading what is open still works
    ws.close()


@pytest.mark.parametrize("shared", [False, True])
def test_a_file_replaced_by_a_sync_client_refuses_writes(tmp_path: Path, shared: bool):
    path = tmp_path / "crm.db"
    ws = Workspace.open(path, shared=shared, user="tester")
    ws.editor.create("Mine")
    other = tmp_path / "theirs.db"
    Workspace.open(other, shared=shared, user="colleague").close()
    os.replace(other, path)  # a sync client puts the colleague's version in place
    with pytest.raises(StorageChangedError):
        ws.editor.create("Would go to the old file")
    ws.close()
    reopened = Workspace.open(path, shared=shared, user="tester")
    assert reopened.customers.count() == 0  # the replacement, untouched by the refused save
    reopened.close()


def test_a_file_moved_away_keeps_the_saves_made_before_the_move(tmp_path: Path):
    """SQLite leaves a moved file's -wal at the old path: the refused save first settles it into the moved file."""
    path = tmp_path / "crm.db"
    ws = Workspace.open(path, shared=False, user="tester")
    ws.editor.create("Saved before the move")
    moved = tmp_path / "archive" / "crm.db"
    moved.parent.mkdir()
    os.rename(path, moved)  # only the main file moves, as a file manager or sync client does it
    with pytest.raises(StorageChangedError):
        ws.editor.create("After the move")
    ws.close()
    again = Workspace.open(moved, shared=False, user="tester", create=False)
    assert [row.name for row in again.customers.rows(0, 10)] == ["Saved before the move"]
    assert again.check().ok
    again.close()


def test_a_worker_thread_after_a_move_does_not_create_an_empty_database_at_the_old_path(tmp_path: Path):
    """Each thread opens its own connection; after the file moved, SQLite would quietly make a new, empty one."""
    import threading

    path = tmp_path / "crm.db"
    ws = Workspace.open(path, shared=True, user="tester")
    ws.editor.create("Kept")
    ws.close()
    os.rename(path, tmp_path / "elsewhere.db")
    caught: list[BaseException] = []

    def read() -> None:
        try:
            ws.customers.count(CustomerFilter())
        except BaseException as exc:  # the test inspects it
            caught.append(exc)

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert len(caught) == 1 and isinstance(caught[0], StorageChangedError)
    assert not path.exists()


# --- read-only files and folders -------------------------------------------------------------------------------

def _chattr(flag: str, path: Path) -> bool:
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], None]]:
    """chmod for a normal user; as root (whom chmod does not stop) the immutable attribute, which stops root too."""
    made: list[Path] = []

    def read_only(path: Path) -> None:
        if os.geteuid() == 0:
            if shutil.which("chattr") is None or not _chattr("+i", path):
                pytest.skip("running as root, where chmod does not stop writes, and chattr +i is unavailable here")
        else:
            path.chmod(0o555 if path.is_dir() else 0o444)
        made.append(path)

    yield read_only
    for path in reversed(made):
        if os.geteuid() == 0:
            _chattr("-i", path)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
@pytest.mark.parametrize("shared", [False, True])
def test_read_only_storage_opens_for_reading(demo_db: Path, tmp_path: Path, make_read_only, what: str,
                                             shared: bool):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "team.db"
    conn = sqlite3.connect(demo_db)  # a WAL file left by the local mode: readers need -shm, or immutable
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(demo_db, path)
    make_read_only(path if what == "file" else folder)
    before = path.read_bytes()
    ws = Workspace.open(path, shared=shared, user="tester", create=False)
    assert ws.read_only and ws.db.read_only
    assert ws.customers.count() == 300
    assert ws.search("zhang")
    assert ws.check().ok
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        ws.editor.create("Cannot be saved")
    assert "read-only" in caught.value.message()
    with pytest.raises(ReadOnlyDatabaseError):
        ws.generate_demo(2, append=True)
    ws.close()
    assert path.read_bytes() == before
    if what == "folder":
        assert sorted(p.name for p in folder.iterdir()) == ["team.db"]


def test_an_old_read_only_file_cannot_be_upgraded_and_says_so(tmp_path: Path, make_read_only):
    from tests.unit.db.test_migrations import make_v1_database

    path = tmp_path / "old.db"
    make_v1_database(path)
    make_read_only(path)
    with pytest.raises(ReadOnlyUpgradeError):
        open_database(path, create=False)


# --- shared folder locking self-test ---------------------------------------------------------------------------

def test_shared_locking_self_test_passes_on_a_real_file_system_quickly(tmp_path: Path):
    path = tmp_path / "shared.db"
    open_database(path, shared=True).close()
    started = time.perf_counter()
    check_shared_locking(path)
    assert time.perf_counter() - started < 0.2


def test_shared_locking_self_test_refuses_where_locks_do_not_reach(tmp_path: Path):
    """SQLite's "unix-none" VFS takes no locks at all: what a share that ignores locks looks like."""
    path = tmp_path / "shared.db"
    open_database(path, shared=True).close()
    with pytest.raises(SharedLockingUnsupportedError) as caught:
        check_shared_locking(path, vfs="unix-none")
    assert "file locking" in caught.value.message()


def test_a_colleagues_lock_during_the_self_test_counts_as_working_locks(tmp_path: Path):
    path = tmp_path / "shared.db"
    open_database(path, shared=True).close()
    colleague = sqlite3.connect(path, timeout=0)
    colleague.execute("BEGIN IMMEDIATE")
    try:
        check_shared_locking(path)
    finally:
        colleague.rollback()
        colleague.close()


# --- odd search text -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["zhang\x00", "\x00", "zh\udcffang", "\ud800", "华信\x00贸易"])
def test_nul_and_lone_surrogates_in_a_search_do_not_crash(workspace: Workspace, query: str):
    workspace.search(query)  # no OperationalError ("unterminated string"), no UnicodeEncodeError
    flt = CustomerFilter(text=query)
    assert workspace.customers.count(flt) == len(workspace.customers.rows(0, 1000, flt))
