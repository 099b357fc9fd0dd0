"""The one policy for opening a keepclient database file and writing to it.

- Local file: WAL journal, synchronous NORMAL, foreign keys on.
- Shared-folder file (chosen, or detected for network locations): rollback journal (DELETE, never WAL, which
  needs shared memory a network file system does not give) and synchronous FULL.
- Every write takes the write lock up front (BEGIN IMMEDIATE). Waiting for a colleague's lock is SQLite's busy
  timeout plus our own retries with random back-off (SQLite's waiting is not fair between processes); when that
  runs out the caller gets DatabaseBusyError, never a raw "database is locked".
- A file that is not SQLite, belongs to another program, or was written by a newer keepclient is refused before
  anything is written to it. An older keepclient file is backed up, then upgraded in one transaction.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from keepclient.db import migrations
from keepclient.db.filesystems import cloud_sync_provider, is_network_location
from keepclient.db.models import ALL_MODELS, Customer
from keepclient.domain.errors import (
    DatabaseBusyError,
    DatabaseMissingError,
    ForeignDatabaseError,
    KeepclientError,
    NotADatabaseError,
    SchemaTooNewError,
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
    if "file is not a database" in text or "malformed" in text:
        return NotADatabaseError(path=str(path))
    for needle in ("disk i/o error", "disk is full", "readonly database", "unable to open database file"):
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


def inspect_file(path: Path) -> FileState:
    """Look at a file without writing anything, not even SQLite's side files: is it SQLite, ours, which schema.

    The 100-byte SQLite header holds what we need (schema cookie, user_version, application_id). Only when a
    write-ahead log with content sits beside it (the header may be stale then) is SQLite asked, read-only.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists())
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotADatabaseError(path=str(path))
    wal = path.with_name(path.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        schema_cookie, user_version, application_id = (
            int.from_bytes(header[offset:offset + 4], "big") for offset in (40, 60, 68)
        )
        return FileState(exists=True, application_id=application_id, schema_version=user_version,
                         has_tables=schema_cookie != 0)
    uri = path.resolve().as_uri() + "?mode=ro"
    with sqlite_errors_translated(path):
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            conn.close()
    return FileState(exists=True, application_id=app_id, schema_version=version, has_tables=tables > 0)


_BIND_LOCK = threading.Lock()


@dataclass
class Database:
    """An open keepclient database: the peewee handle plus how and where it was opened.

    The models are shared classes bound to the database in use, so a process works with one database at a time
    (tests may alternate between two); the window waits for background work before it switches databases.
    Each thread gets its own SQLite connection.
    """

    path: Path
    mode: DatabaseMode
    pw: SqliteDatabase
    warnings: list[str] = field(default_factory=list)
    backup_path: Path | None = None
    busy_deadline: float = BUSY_DEADLINE_S

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

    @contextmanager
    def write(self) -> Iterator[SqliteDatabase]:
        """One write transaction that holds the write lock from its first statement (BEGIN IMMEDIATE)."""
        self._ensure_bound()
        if self.pw.in_transaction():
            with sqlite_errors_translated(self.path), self.pw.atomic():
                yield self.pw
            return
        txn = self.pw.atomic()
        self._enter_with_retries(txn)
        try:
            with sqlite_errors_translated(self.path):
                yield self.pw
        except BaseException as exc:
            if self.pw.connection().in_transaction:
                txn.__exit__(type(exc), exc, exc.__traceback__)
            else:  # SQLite already rolled back by itself (disk full, I/O error): only forget the transaction
                self.pw.pop_transaction()
            raise
        with sqlite_errors_translated(self.path):
            txn.__exit__(None, None, None)

    def _enter_with_retries(self, txn: object) -> None:
        deadline = time.monotonic() + self.busy_deadline
        pause = 0.02
        while True:
            try:
                txn.__enter__()  # type: ignore[attr-defined]
                return
            except (sqlite3.OperationalError, PeeweeDatabaseError) as exc:
                typed = translate_sqlite_error(exc, self.path)
                if typed is None:
                    raise
                if not isinstance(typed, DatabaseBusyError) or time.monotonic() + pause > deadline:
                    raise typed from exc
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 0.5)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice colleagues' saves."""
        with self.session():
            return int(self.pw.execute_sql("PRAGMA data_version").fetchone()[0])

    def journal_mode(self) -> str:
        with self.session():
            return str(self.pw.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()

    def release_thread(self) -> None:
        """Close this thread's connection (worker threads call it when their task ends)."""
        if not self.pw.is_closed():
            self.pw.close()

    def close(self) -> None:
        self.release_thread()


def _pragmas(mode: DatabaseMode) -> list[tuple[str, object]]:
    common = [("foreign_keys", 1), ("busy_timeout", int(BUSY_TIMEOUT_S * 1000)), ("cache_size", -16000)]
    if mode is DatabaseMode.SHARED:
        return [("journal_mode", "delete"), ("synchronous", "full"), *common]
    return [("journal_mode", "wal"), ("synchronous", "normal"), *common]


def choose_mode(path: Path, shared: bool | None) -> DatabaseMode:
    """Explicit choice wins; otherwise a network location means shared mode."""
    if shared is None:
        shared = is_network_location(path)
    return DatabaseMode.SHARED if shared else DatabaseMode.LOCAL


def open_database(
    path: str | Path, *, shared: bool | None = None, app_version: str = "", create: bool = True,
    busy_deadline: float = BUSY_DEADLINE_S,
) -> Database:
    """Open (creating or upgrading when needed) the keepclient database at `path`.

    Raises NotADatabaseError, ForeignDatabaseError or SchemaTooNewError without touching the file, and
    StorageError when the folder cannot be written.
    """
    path = Path(path).expanduser().absolute()
    state = inspect_file(path)
    if state.exists and state.has_tables and state.application_id != migrations.APPLICATION_ID:
        raise ForeignDatabaseError(path=str(path))
    if state.schema_version > migrations.LATEST:
        raise SchemaTooNewError(path=str(path), found=state.schema_version, known=migrations.LATEST)
    if not state.exists:
        if not create:
            raise DatabaseMissingError(path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc

    mode = choose_mode(path, shared)
    pw = SqliteDatabase(str(path), pragmas=_pragmas(mode), timeout=BUSY_TIMEOUT_S, lock_type="IMMEDIATE")
    db = Database(path=path, mode=mode, pw=pw, busy_deadline=busy_deadline)
    provider = cloud_sync_provider(path)
    if provider:
        db.warnings.append(provider)
    try:
        with db.session():
            pw.connect(reuse_if_open=True)
        if state.schema_version < migrations.LATEST:
            if state.schema_version > 0:
                db.backup_path = migrations.backup_before_upgrade(path, state.schema_version)
            with db.write():
                migrations.upgrade(pw, state.schema_version, app_version)
    except BaseException:
        pw.close()
        raise
    return db
