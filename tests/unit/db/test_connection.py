"""Opening policy: journal modes, foreign keys, lock waiting, typed errors, where files live."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from keepclient.db.connection import open_database
from keepclient.db.filesystems import cloud_sync_provider, filesystem_type, is_network_location
from keepclient.db.models import Customer
from keepclient.domain.errors import DatabaseBusyError, StorageError
from keepclient.domain.types import DatabaseMode
from keepclient.services.workspace import Workspace


def _pragma(db, name: str):
    return db.pw.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_local_file_uses_wal_and_foreign_keys(tmp_path: Path):
    db = open_database(tmp_path / "local.db", shared=False)
    assert db.mode is DatabaseMode.LOCAL
    assert db.journal_mode() == "wal"
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "synchronous") == 1  # NORMAL
    db.close()


def test_shared_file_uses_rollback_journal_and_full_sync(tmp_path: Path):
    path = tmp_path / "shared.db"
    open_database(path, shared=False).close()  # created locally (WAL) first ...
    db = open_database(path, shared=True)  # ... then moved to a share: must leave WAL
    assert db.mode is DatabaseMode.SHARED
    assert db.journal_mode() == "delete"
    assert _pragma(db, "synchronous") == 2  # FULL
    assert _pragma(db, "foreign_keys") == 1
    db.close()
    assert not Path(str(path) + "-wal").exists()


def test_every_write_takes_the_lock_up_front(tmp_path: Path):
    db = open_database(tmp_path / "a.db", shared=True)
    statements: list[str] = []
    raw = db.pw.connection()
    raw.set_trace_callback(statements.append)
    with db.write():
        Customer.insert(name="甲").execute()
    raw.set_trace_callback(None)
    assert statements[0] == "BEGIN IMMEDIATE"
    db.close()


def test_busy_database_gives_clear_error_and_keeps_saved_work(tmp_path: Path):
    path = tmp_path / "busy.db"
    ws = Workspace.open(path, shared=True, busy_deadline=0.5)
    cid = ws.editor.create("上海华信贸易有限公司")
    colleague = sqlite3.connect(path, timeout=0)
    colleague.execute("BEGIN IMMEDIATE")  # a colleague's long save holds the write lock
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as caught:
        ws.editor.update(cid, 1, {"city": "上海"})
    assert time.monotonic() - started < 5
    assert "colleague is saving" in caught.value.message()
    colleague.rollback()
    colleague.close()
    assert ws.customers.detail(cid).name == "上海华信贸易有限公司"
    assert ws.editor.update(cid, 1, {"city": "上海"}) == 2  # and it works once the colleague is done
    ws.close()


def test_waits_for_a_short_lock_instead_of_failing(tmp_path: Path):
    path = tmp_path / "wait.db"
    ws = Workspace.open(path, shared=True)
    cid = ws.editor.create("Acme")
    colleague = sqlite3.connect(path, timeout=0, check_same_thread=False)
    colleague.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.8, colleague.rollback)
    release.start()
    assert ws.editor.update(cid, 1, {"city": "Berlin"}) == 2
    release.join()
    colleague.close()
    ws.close()


def test_full_disk_is_a_storage_error_and_nothing_partial_is_left(tmp_path: Path):
    ws = Workspace.open(tmp_path / "full.db", shared=False)
    ws.editor.create("Kept customer")
    pages = ws.db.pw.execute_sql("PRAGMA page_count").fetchone()[0]
    ws.db.pw.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
    with pytest.raises(StorageError) as caught:
        ws.generate_demo(200, append=True)
    assert "Work saved before this moment is safe" in caught.value.message()
    ws.db.pw.execute_sql("PRAGMA max_page_count = 1073741823")
    assert ws.customers.count() == 1
    ws.close()


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
//fileserver/sales /mnt/sales cifs rw,vers=3.0 0 0
nas:/export/crm /srv/crm nfs4 rw 0 0
/dev/vdb /srv/crm/local\\040copy ext4 rw 0 0
"""


def test_network_mounts_are_detected_from_the_mount_table():
    assert filesystem_type("/mnt/sales/team.db", MOUNTS) == "cifs"
    assert is_network_location("/mnt/sales/team.db", MOUNTS)
    assert is_network_location("/srv/crm/db/team.db", MOUNTS)
    assert not is_network_location("/srv/crm/local copy/team.db", MOUNTS)  # a local disk mounted inside
    assert not is_network_location("/home/me/keepclient.db", MOUNTS)


def test_unc_paths_are_network_locations():
    assert is_network_location(r"\\server\share\crm\team.db", "")
    assert is_network_location("//server/share/team.db", "")


def test_mac_mount_output_is_understood():
    mac = "//me@nas/sales on /Volumes/sales (smbfs, nodev, nosuid, mounted by me)\n/dev/disk3s1 on / (apfs, local)"
    assert filesystem_type("/Volumes/sales/team.db", mac) == "smbfs"
    assert is_network_location("/Volumes/sales/team.db", mac)


@pytest.mark.parametrize(("path", "provider"), [
    (r"C:\Users\li\OneDrive - Contoso\crm\team.db", "OneDrive"),
    ("/Users/li/Library/CloudStorage/OneDrive-Personal/team.db", "OneDrive"),
    ("/Users/li/Dropbox (Personal)/team.db", "Dropbox"),
    ("/Users/li/Library/CloudStorage/GoogleDrive-li@example.com/My Drive/team.db", "Google Drive"),
    ("/Users/li/Library/Mobile Documents/com~apple~CloudDocs/team.db", "iCloud Drive"),
    (r"D:\我的坚果云\客户\team.db", "坚果云 (Nutstore)"),
    (r"D:\BaiduNetdiskWorkspace\team.db", "百度网盘 (Baidu Netdisk)"),
    ("/home/li/百度网盘同步空间/team.db", "百度网盘 (Baidu Netdisk)"),
    ("/home/li/Documents/team.db", None),
])
def test_cloud_synced_folders_are_recognised(path: str, provider: str | None):
    assert cloud_sync_provider(path) == provider


def test_opening_in_a_synced_folder_warns(tmp_path: Path):
    db = open_database(tmp_path / "Dropbox" / "team.db")
    assert db.warnings == ["Dropbox"]
    db.close()


def test_reads_beside_keep_their_connections_until_the_database_closes(tmp_path: Path):
    """Database.read_beside: the reader threads' connections stay open between reads (warm page caches) and are
    closed, each by its own thread, when the database closes; a write meanwhile is not blocked by them."""
    db = open_database(tmp_path / "crm.db")

    def connection(pw) -> tuple[int, sqlite3.Connection]:
        pw.execute_sql("SELECT count(*) FROM customer").fetchone()
        return threading.get_ident(), pw.connection()

    first = [db.read_beside(connection).result() for _ in range(6)]
    again = {ident: conn for ident, conn in first}
    assert len(again) <= 3 and all(conn is again[ident] for ident, conn in first)  # one connection per reader
    with db.write():  # idle readers hold no lock
        Customer.insert(name="华信", uuid="u1", created_at="2026-01-01", updated_at="2026-01-01", updated_by="t",
                        version=1).execute()
    assert db.read_beside(lambda pw: pw.execute_sql("SELECT count(*) FROM customer").fetchone()[0]).result() == 1
    db.close()
    for conn in again.values():
        with pytest.raises(sqlite3.ProgrammingError):
            conn.execute("SELECT 1")
    assert not [t for t in threading.enumerate() if t.ident in again]  # its reader threads have ended
