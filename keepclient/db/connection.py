"""The one policy for opening a keepclient database file and writing to it.

- Local file: WAL journal, synchronous NORMAL, foreign keys on.
- Shared-folder file (chosen, or detected for network locations): rollback journal (DELETE, never WAL, which
  needs shared memory a network file system does not give) and synchronous FULL.
- Every write takes the write lock up front (BEGIN IMMEDIATE). Waiting for a colleague's lock is SQLite's busy
  timeout plus our own retries with random back-off (SQLite's waiting is not fair between processes); when that
  runs out the caller gets DatabaseBusyError, never a raw "database is locked".
- A file that is not SQLite, belongs to another program, or was written by a newer keepclient is refused before
  anything is written to it. An older keepclient file is backed up, then upgraded in one transaction.
- An empty (0-byte) or missing file becomes a new database only when the caller asks for one (`create`).
- A save that fails at COMMIT (disk full, I/O error) was rolled back by SQLite itself: the caller gets a typed
  error, never peewee's "cannot rollback". Before each save the file at the path must still be the one opened
  (a deleted folder or a sync client's replacement would otherwise swallow the save unseen).
- A read-only file or folder opens for reading only (`read_only`); a shared folder must show one connection's
  write lock to another, or it is refused.
"""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from keepclient.db import migrations, write_count
from keepclient.db.filesystems import cloud_sync_provider, is_network_location
from keepclient.db.models import ALL_MODELS, Customer
from keepclient.domain.errors import (
    CommitFailedError,
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseMissingError,
    EmptyDatabaseFileError,
    ForeignDatabaseError,
    KeepclientError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyUpgradeError,
    SchemaTooNewError,
    SharedLockingUnsupportedError,
    StorageChangedError,
    StorageError,
)
from keepclient.domain.types import DatabaseMode

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 2.0
BUSY_DEADLINE_S = 20.0


def translate_sqlite_error(exc: BaseException, path: Path) -> KeepclientError | None:
    """Turn an environment error from SQLite into a typed error for the user; None for program bugs."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError()
    if "malformed" in text:  # SQLITE_CORRUPT: a SQLite file with broken pages, not a foreign file
        return DamagedDatabaseError(path=str(path), detail=str(exc))
    if "file is not a database" in text:
        return NotADatabaseError(path=str(path))
    if "readonly database" in text:
        return ReadOnlyDatabaseError(path=str(path))
    for needle in ("disk i/o error", "disk is full", "unable to open database file",
                   "no transaction is active"):  # the last: SQLite rolled back by itself after a disk error
        if needle in text:
            return StorageError(path=str(path), reason=str(exc))
    return None


@contextmanager
def sqlite_errors_translated(path: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, PeeweeDatabaseError) as exc:
        typed = translate_sqlite_error(exc, path)
        if typed is None:
            raise
        raise typed from exc


@dataclass(frozen=True)
class FileState:
    """What a database file is, learned without writing to it."""

    exists: bool
    application_id: int = 0
    schema_version: int = 0
    has_tables: bool = False
    empty: bool = False  # exists with 0 bytes: no database yet (or one lost by a failed copy or sync)
    wal_format: bool = False  # the header says write-ahead log (readers need -shm, or immutable=1)


def inspect_file(path: Path) -> FileState:
    """Look at a file without writing anything, not even SQLite's side files: is it SQLite, ours, which schema.

    The 100-byte SQLite header holds what we need (schema cookie, user_version, application_id). Only when a
    write-ahead log with content sits beside it (the header may be stale then) is SQLite asked, read-only.
    """
    if not path.exists():
        return FileState(exists=False)
    if path.stat().st_size == 0:
        return FileState(exists=True, empty=True)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotADatabaseError(path=str(path))
    wal_format = header[18] == 2
    wal = path.with_name(path.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        schema_cookie, user_version, application_id = (
            int.from_bytes(header[offset:offset + 4], "big") for offset in (40, 60, 68)
        )
        return FileState(exists=True, application_id=application_id, schema_version=user_version,
                         has_tables=schema_cookie != 0, wal_format=wal_format)
    uri = read_only_uri(path, wal_format)
    with sqlite_errors_translated(path):
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            conn.close()
    return FileState(exists=True, application_id=app_id, schema_version=version, has_tables=tables > 0,
                     wal_format=wal_format)


def folder_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK)


def is_read_only(path: Path) -> bool:
    """The file, or the folder SQLite must create its journal in, cannot be written by us."""
    return not os.access(path, os.W_OK) or not folder_writable(path)


def read_only_uri(path: Path, wal_format: bool) -> str:
    """A read-only URI. A WAL file's readers need its -shm (and -wal) files; when they are missing and the
    folder cannot take them, only `immutable=1` reads it (SQLite's "Read-Only Databases" in wal.html)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    side_files = all(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm"))
    if wal_format and not side_files and not folder_writable(path):
        uri += "&immutable=1"
    return uri


def check_shared_locking(path: Path, *, vfs: str | None = None) -> None:
    """Refuse a shared folder whose file locks do not reach a second connection (SharedLockingUnsupportedError).

    SQLite's own test: a second connection must see the first one's write lock. On Unix, connections of one
    process share lock state inside SQLite, so open-file-description locks (per open file, like another
    computer's) test the file system too where the platform has them. Takes a few milliseconds.
    """
    uri = path.resolve().as_uri() + (f"?vfs={vfs}" if vfs else "")
    first = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    second = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    try:
        try:
            first.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # a colleague holds the write lock right now: their lock is visible, locking works
            raise SharedLockingUnsupportedError(path=str(path), reason=str(exc)) from exc
        try:
            second.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise SharedLockingUnsupportedError(path=str(path), reason=str(exc)) from exc
        else:
            second.execute("ROLLBACK")
            raise SharedLockingUnsupportedError(
                path=str(path), reason="a second connection could take the write lock the first one held")
        finally:
            first.execute("ROLLBACK")
    finally:
        second.close()
        first.close()
    if vfs is None:
        _check_file_locks(path)


def _check_file_locks(path: Path) -> None:
    """Two opens of a scratch file beside the database must exclude each other's lock.

    A scratch file, not the database: closing any descriptor of a file drops every POSIX lock this process holds
    on it, SQLite's included (another connection of ours could be reading).
    """
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's locks are per handle there, so the test above reached the share
        return
    if not hasattr(fcntl, "F_OFD_SETLK"):  # macOS: no per-open-file locks to test with; SQLite's test stands
        return
    try:
        first, scratch = tempfile.mkstemp(prefix=".keepclient-lock-test-", dir=path.parent)
    except OSError:
        return  # no scratch file possible here; SQLite's test stands
    second = -1
    try:
        second = os.open(scratch, os.O_RDWR)
        _ofd_lock(fcntl, first, fcntl.F_WRLCK)
        try:
            _ofd_lock(fcntl, second, fcntl.F_WRLCK)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        else:
            raise SharedLockingUnsupportedError(
                path=str(path), reason="a lock taken on one open file was not seen through another")
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):  # the file system has no locks
            raise SharedLockingUnsupportedError(path=str(path), reason=exc.strerror or str(exc)) from exc
        # anything else (EINVAL from an unusual flock layout) is our probe's problem: SQLite's test stands
    finally:
        if second >= 0:
            os.close(second)
        os.close(first)
        with suppress(OSError):
            os.unlink(scratch)


def _ofd_lock(fcntl, fd: int, kind: int) -> None:
    import struct

    # struct flock: l_type, l_whence (short), l_start, l_len (off_t), l_pid (int, 0 for OFD locks)
    record = struct.pack("hhqqi4x", kind, os.SEEK_SET, 0, 1, 0)
    fcntl.fcntl(fd, fcntl.F_OFD_SETLK, record)


_BIND_LOCK = threading.Lock()
READERS = 3  # reader threads a database keeps for reads beside the caller's (Database.read_beside)


@dataclass
class Database:
    """An open keepclient database: the peewee handle plus how and where it was opened.

    The models are shared classes bound to the database in use, so a process works with one database at a time
    (tests may alternate between two); the window waits for background work before it switches databases.
    Each thread gets its own SQLite connection.
    """

    path: Path
    mode: DatabaseMode
    pw: Any  # peewee's SqliteDatabase here; a PostgreSQL handle for a team server (db/server_database.py)
    warnings: list[str] = field(default_factory=list)
    backup_path: Path | None = None
    busy_deadline: float = BUSY_DEADLINE_S
    read_only: bool = False  # the file or its folder cannot be written: every write raises ReadOnlyDatabaseError
    identity: tuple[int, int] | None = None  # (st_dev, st_ino) of the file opened, to notice it being replaced
    counts_writes: bool = False  # every write() raises write_count (schema 7 on; off while upgrading to it)
    _watched: tuple[int, int | None, int] = (-1, None, -1)  # data_version(): (pragma, write_count, answer)
    _readers: ThreadPoolExecutor | None = None  # see read_beside
    engine: str = "sqlite"  # "postgresql" for a team server: the few statements the engines differ on ask

    @property
    def location(self) -> str:
        """Where the data is, for people: the file's path, or a server's address without its password."""
        return str(self.path)

    @property
    def name(self) -> str:
        """A short name for people (a calendar's, a title's): the file's name without its suffix, or a server's
        `database @ host`."""
        return self.path.stem

    def change_socket(self) -> int | None:
        """A socket that becomes readable when a colleague saves (a team server's); None: look with
        `data_version` from time to time."""
        return None

    @property
    def source(self) -> Path | str:
        """What opens this database again (Workspace.open): the file's path, or a server's address."""
        return self.path

    def _ensure_bound(self) -> None:
        # Models are shared classes: point them at this database when another one was used last.
        if Customer._meta.database is not self.pw:
            with _BIND_LOCK:
                self.pw.bind(ALL_MODELS, bind_refs=False, bind_backrefs=False)

    @contextmanager
    def session(self) -> Iterator[SqliteDatabase]:
        """Read (or write within an outer `write()`), with SQLite errors turned into typed errors."""
        self._ensure_bound()
        with sqlite_errors_translated(self.path):
            yield self.pw

    def ensure_writable(self) -> None:
        """Refuse a save that could not land in the file the user sees at `path` (a stat: microseconds).

        SQLite keeps writing to an open file after it was deleted (a removed folder) or replaced (a sync client),
        and would report success for saves nobody will ever see.
        """
        if self.read_only:
            raise ReadOnlyDatabaseError(path=str(self.path))
        if self.identity is None:
            return
        try:
            now = os.stat(self.path)
        except FileNotFoundError as exc:
            self._settle_log_of_moved_file()
            raise StorageChangedError(path=str(self.path)) from exc
        except OSError as exc:
            raise StorageError(path=str(self.path), reason=exc.strerror or str(exc)) from exc
        if (now.st_dev, now.st_ino) != self.identity:
            self._settle_log_of_moved_file()
            raise StorageChangedError(path=str(self.path))

    def _settle_log_of_moved_file(self) -> None:
        """Move our saves from the -wal file into the file we opened (wherever it went) and empty the -wal.

        SQLite keeps a moved file's -wal at the old path on close, and whoever opens the file now at that path
        (a sync client's replacement) would replay our pages into it. Best effort: errors are left to the caller.
        """
        if self.mode is DatabaseMode.LOCAL and not self.pw.is_closed():
            with suppress(sqlite3.Error, PeeweeDatabaseError):
                self.pw.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def write(self) -> Iterator[SqliteDatabase]:
        """One write transaction that holds the write lock from its first statement (BEGIN IMMEDIATE).

        Nested calls are savepoints inside it. A failed COMMIT (disk full, I/O error, a lock lost on a share)
        ends as a typed error with SQLite's transaction rolled back, whether SQLite already did that or not.
        """
        self._ensure_bound()
        if self.pw.in_transaction():
            with sqlite_errors_translated(self.path), self.pw.atomic():
                yield self.pw
            return
        self.ensure_writable()
        marker = self.pw.transaction()  # on peewee's stack, so nested atomic() blocks become savepoints
        self._begin_with_retries()
        self.pw.push_transaction(marker)
        try:
            with sqlite_errors_translated(self.path):
                yield self.pw
                if self.counts_writes:
                    self.pw.execute_sql(write_count.COUNT_WRITE)
        except BaseException:
            self.pw.pop_transaction()
            self._rollback_quietly()
            raise
        self.pw.pop_transaction()
        self._commit()
        self.ensure_writable()  # the file vanished while we saved: the save is in no file anyone will open

    def _begin_with_retries(self) -> None:
        deadline = time.monotonic() + self.busy_deadline
        pause = 0.02
        while True:
            try:
                self.pw.begin()  # BEGIN IMMEDIATE (the database's lock_type)
                return
            except (sqlite3.OperationalError, PeeweeDatabaseError) as exc:
                typed = translate_sqlite_error(exc, self.path)
                if typed is None:
                    raise
                if not isinstance(typed, DatabaseBusyError) or time.monotonic() + pause > deadline:
                    raise typed from exc
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 0.5)

    def _commit(self) -> None:
        conn = self.pw.connection()
        try:
            conn.commit()
        except sqlite3.Error as exc:
            self._rollback_quietly()
            typed = translate_sqlite_error(exc, self.path)
            if isinstance(typed, DatabaseBusyError | DamagedDatabaseError | ReadOnlyDatabaseError):
                raise typed from exc
            if isinstance(exc, sqlite3.IntegrityError):  # a deferred constraint: a program bug, not the disk
                raise
            raise CommitFailedError(path=str(self.path), reason=str(exc)) from exc

    def _rollback_quietly(self) -> None:
        """End the transaction unless SQLite already did (it rolls back by itself after a disk error)."""
        if self.pw.is_closed():
            return
        conn = self.pw.connection()
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.rollback()
        if conn.in_transaction:  # the rollback failed too (I/O error): a fresh connection next time
            try:
                conn.close()
            finally:
                self.pw._state.reset()

    def quick_check(self) -> list[str]:
        """SQLite's quick_check: [] when the file's pages are sound, else its complaints (first 20).

        It reads every page once (about a second per few hundred MB), so it runs before work that would spread
        damage: writing in bulk (import, demo data) or copying (backup).
        """
        return self._problems("quick_check")

    def integrity_check(self) -> list[str]:
        """SQLite's integrity_check (also compares every index with its table): [] when sound."""
        return self._problems("integrity_check")

    def _problems(self, pragma: str) -> list[str]:
        try:
            with self.session() as pw:
                problems = [str(row[0]) for row in pw.execute_sql(f"PRAGMA {pragma}(20)").fetchall()]
        except DamagedDatabaseError as exc:
            return [str(exc.params.get("detail", ""))]
        except NotADatabaseError:
            return ["file is not a database"]
        if problems == ["ok"]:
            return []
        # One complaint per line ("*** in database main ***" heads a multi-line row): messages stay one line.
        return [line.strip() for row in problems for line in row.splitlines()
                if line.strip() and not line.startswith("***")]

    def ensure_sound(self) -> None:
        """Raise DamagedDatabaseError when quick_check finds broken pages."""
        problems = self.quick_check()
        if problems:
            raise DamagedDatabaseError(path=str(self.path), detail="; ".join(problems[:3]))

    def data_version(self) -> int:
        """Changes when another connection saves: a cheap way to notice colleagues' saves (call it from one
        thread). PRAGMA data_version alone also changes for colleagues' presence heartbeats, so when it moves the
        count of saves (write_count, raised by `write()` only) tells a save from a heartbeat."""
        with self.session():
            pragma = int(self.pw.execute_sql("PRAGMA data_version").fetchone()[0])
            if pragma == self._watched[0]:
                return self._watched[2]
            row = self.pw.execute_sql(write_count.READ).fetchone()
        writes = row[0] if row else None
        answer = self._watched[2] if writes is not None and writes == self._watched[1] else pragma
        self._watched = (pragma, writes, answer)
        return answer

    def journal_mode(self) -> str:
        with self.session():
            return str(self.pw.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()

    def release_thread(self) -> None:
        """Close this thread's connection (worker threads call it when their task ends)."""
        if not self.pw.is_closed():
            self.pw.close()

    def on_worker(self, read: Callable[..., Any], *args: Any) -> Any:
        """`read(pw, *args)` on a worker thread's own connection, closed when done: `pool.submit(db.on_worker, …)`."""
        try:
            with self.session() as pw:
                return read(pw, *args)
        finally:
            self.release_thread()

    def read_beside(self, read: Callable[..., Any], *args: Any) -> Future[Any]:
        """`read(pw, *args)` on one of this database's reader threads, beside the caller's own work: their
        connections stay open until `close`, so big reads that come again (the KPIs of a dashboard) find their pages
        in the connection's cache instead of reading and parsing them anew (measured: the year's KPI report on
        100,000 customers about 10% faster than on fresh connections). Idle connections hold no lock."""
        if self._readers is None:
            with _BIND_LOCK:
                if self._readers is None:
                    self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="keepclient-reader")
        return self._readers.submit(self._read_in_session, read, *args)

    def _read_in_session(self, read: Callable[..., Any], *args: Any) -> Any:
        with self.session() as pw:
            return read(pw, *args)

    def close(self) -> None:
        self.release_thread()
        readers, self._readers = self._readers, None
        if readers is not None:  # each reader thread closes its own connection (one task each, met at a barrier)
            barrier = threading.Barrier(READERS)

            def release() -> None:
                with suppress(threading.BrokenBarrierError):
                    barrier.wait(timeout=5)
                self.release_thread()

            for _ in range(READERS):
                readers.submit(release)
            readers.shutdown(wait=True)


def _pragmas(mode: DatabaseMode, read_only: bool = False) -> list[tuple[str, object]]:
    common = [("foreign_keys", 1), ("busy_timeout", int(BUSY_TIMEOUT_S * 1000)), ("cache_size", -16000)]
    if read_only:  # the journal mode is the file's, and cannot be changed without writing
        return [("query_only", 1), *common]
    if mode is DatabaseMode.SHARED:
        return [("journal_mode", "delete"), ("synchronous", "full"), *common]
    return [("journal_mode", "wal"), ("synchronous", "normal"), *common]


def choose_mode(path: Path, shared: bool | None) -> DatabaseMode:
    """Explicit choice wins; otherwise a network location means shared mode."""
    if shared is None:
        shared = is_network_location(path)
    return DatabaseMode.SHARED if shared else DatabaseMode.LOCAL


class _ExistingFileDatabase(SqliteDatabase):
    """A peewee SQLite handle whose later connections (each worker thread opens its own) refuse to start when the
    file has gone: SQLite would otherwise create an empty database at the old path of a moved file."""

    opened: bool = False

    def _connect(self) -> sqlite3.Connection:
        if self.opened and not os.path.exists(self.database):
            raise StorageChangedError(path=str(self.database))
        return super()._connect()


def open_database(
    path: str | Path, *, shared: bool | None = None, app_version: str = "", create: bool = True,
    busy_deadline: float = BUSY_DEADLINE_S,
) -> Database:
    """Open (creating or upgrading when needed) the keepclient database at `path`.

    `create`: the user asked for a new database here, so a missing or empty (0-byte) file becomes one; otherwise
    those raise DatabaseMissingError or EmptyDatabaseFileError. Raises NotADatabaseError, ForeignDatabaseError
    or SchemaTooNewError without touching the file, StorageError when the folder cannot be written, and
    SharedLockingUnsupportedError for a shared folder without working locks. A file or folder we cannot write
    opens read-only (`Database.read_only`).
    """
    path = Path(path).expanduser().absolute()
    state = inspect_file(path)
    if state.exists and state.has_tables and state.application_id != migrations.APPLICATION_ID:
        raise ForeignDatabaseError(path=str(path))
    if state.schema_version > migrations.LATEST:
        raise SchemaTooNewError(path=str(path), found=state.schema_version, known=migrations.LATEST)
    if state.empty and not create:
        raise EmptyDatabaseFileError(path=str(path))
    if not state.exists:
        if not create:
            raise DatabaseMissingError(path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    read_only = state.exists and not state.empty and is_read_only(path)
    if read_only and state.schema_version < migrations.LATEST:
        raise ReadOnlyUpgradeError(path=str(path))
    if (state.empty or not state.exists) and path.parent.exists() and not folder_writable(path):
        raise ReadOnlyDatabaseError(path=str(path))

    mode = choose_mode(path, shared)
    if read_only:
        pw = SqliteDatabase(read_only_uri(path, state.wal_format), uri=True, pragmas=_pragmas(mode, True),
                            timeout=BUSY_TIMEOUT_S)
    else:
        # check_same_thread off: each thread still opens its own connection, but a bulk write may hand its
        # connection to a writer thread for the length of one block (db/bulk.RowWriter).
        pw = _ExistingFileDatabase(str(path), pragmas=_pragmas(mode), timeout=BUSY_TIMEOUT_S,
                                   lock_type="IMMEDIATE", check_same_thread=False)
    db = Database(path=path, mode=mode, pw=pw, busy_deadline=busy_deadline, read_only=read_only)
    provider = cloud_sync_provider(path)
    if provider:
        db.warnings.append(provider)
    try:
        with db.session():
            pw.connect(reuse_if_open=True)
        try:
            stat = os.stat(path)
        except OSError as exc:
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
        db.identity = (stat.st_dev, stat.st_ino)
        if isinstance(pw, _ExistingFileDatabase):
            pw.opened = True  # from now on a connection is only to the file that is there
        if mode is DatabaseMode.SHARED and not read_only:
            with sqlite_errors_translated(path):
                check_shared_locking(path)
        if state.schema_version < migrations.LATEST:
            if state.schema_version > 0:
                db.backup_path = migrations.backup_before_upgrade(path, state.schema_version)
            with db.write():
                migrations.upgrade(pw, state.schema_version, app_version)
        db.counts_writes = not read_only
    except BaseException:
        pw.close()
        raise
    return db
