"""A team server opened as the workspace's database (issue 19): the same `Database` the services use for a file,
over a PostgreSQL connection per thread.

- Statements: peewee's own as peewee writes them for PostgreSQL; keepclient's SQL (written with SQLite's `?`)
  through paramstyle.to_format. Where the engines differ, the statement asks `db.engine`.
- A save is one transaction (READ COMMITTED: the version checks are single-row UPDATEs the server locks and
  re-checks, db/versioning.py), and tells every listening window at its commit (NOTIFY keepclient_changes, with
  this database's session as the payload): `data_version` moves when a colleague saves, and `change_socket`
  becomes readable at that moment, so the window hears it without polling the tables.
- The server decides what a login may see and change (db/server_roles.py); a refusal is ServerPermissionError,
  a lost server ServerUnavailableError, a deadlock or lock timeout DatabaseBusyError: each leaves what was saved.
- There is no file: no journal, no page checks, no backups of ours (the server's are pg_dump's).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import PeeweeException, PostgresqlDatabase

from keepclient.db.connection import Database
from keepclient.db.paramstyle import to_format
from keepclient.db.server import (
    FIELD_TYPES,
    _arguments,
    driver_error,
    driver_reason,
    ensure_this_version,
    server_label,
    shown_url,
)
from keepclient.db.server_compat import adapt, without_hints
from keepclient.domain.errors import (
    DatabaseBusyError,
    ServerDriverMissingError,
    ServerPermissionError,
    ServerUnavailableError,
)
from keepclient.domain.types import DatabaseMode

CHANNEL = "keepclient_changes"


class KeepclientPostgres(PostgresqlDatabase):
    """peewee's PostgreSQL handle taking keepclient's SQL as written for SQLite (`?` placeholders, planner hints)
    and giving values in SQLite's shape (db/server_compat.py)."""

    engine = "postgresql"  # db/dialect.engine_of

    def _connect(self) -> Any:
        conn = super()._connect()
        adapt(conn)
        return conn

    def execute(self, query: Any, commit: Any = None, **context_options: Any) -> Any:
        sql, params = self.get_sql_context(**context_options).sql(query).query()
        return super().execute_sql(sql, params)  # peewee's own statement: already in psycopg's style

    def execute_sql(self, sql: str, params: Any = None, commit: Any = None) -> Any:
        if params and "%s" in sql and "?" not in sql:  # peewee's own introspection, written for psycopg
            return super().execute_sql(sql, params)
        return super().execute_sql(*to_format(without_hints(sql), params))


def _translated(url: str, exc: Exception) -> Exception | None:
    """The typed error for a driver's error the user can act on; None for a program bug."""
    from psycopg import errors

    orig = driver_error(exc)
    if isinstance(orig, errors.InsufficientPrivilege):
        return ServerPermissionError(server=shown_url(url), reason=driver_reason(exc))
    if isinstance(orig, errors.DeadlockDetected | errors.SerializationFailure | errors.LockNotAvailable):
        return DatabaseBusyError()
    if isinstance(orig, errors.OperationalError) and not isinstance(orig, errors.QueryCanceled):
        return ServerUnavailableError(server=shown_url(url), reason=driver_reason(exc))
    return None


@contextmanager
def server_errors_translated(url: str) -> Iterator[None]:
    """peewee's errors, and the driver's own from a cursor used directly (bulk.execute_many), as typed errors."""
    import psycopg

    try:
        yield
    except (PeeweeException, psycopg.Error) as exc:
        typed = _translated(url, exc)
        if typed is None:
            raise
        raise typed from exc


@dataclass
class ServerDatabase(Database):
    """A team server as the workspace's database; `path` is only a label (there is no file)."""

    url: str = ""
    engine: str = "postgresql"
    speaker: str = field(default_factory=lambda: uuid.uuid4().hex)  # said with each save: our own are not news
    _listener: Any = None
    _heard: int = 0
    _listen_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def location(self) -> str:
        return shown_url(self.url)

    @property
    def name(self) -> str:
        return server_label(self.url)

    @property
    def source(self) -> Path | str:
        return self.url

    @contextmanager
    def session(self) -> Iterator[Any]:
        self._ensure_bound()
        with server_errors_translated(self.url):
            yield self.pw

    def ensure_writable(self) -> None:
        if self.read_only:
            super().ensure_writable()

    @contextmanager
    def write(self) -> Iterator[Any]:
        """One transaction; nested calls are savepoints. Listening windows hear of it when it commits."""
        self._ensure_bound()
        outer = not self.pw.in_transaction()
        with server_errors_translated(self.url), self.pw.atomic():
            yield self.pw
            if outer:  # delivered at commit, and only if it commits
                self.pw.execute_sql("SELECT pg_notify(?, ?)", [CHANNEL, self.speaker])

    def quick_check(self) -> list[str]:
        return []  # the server keeps its own pages

    def integrity_check(self) -> list[str]:
        return []

    def journal_mode(self) -> str:
        return "server"

    def data_version(self) -> int:
        """How many colleagues' saves this window has heard of (its own are not counted)."""
        with self._listen_lock:
            if self._listener is None:
                self._listener = self._listen()
            with server_errors_translated(self.url):
                try:
                    self._heard += sum(1 for heard in self._listener.notifies(timeout=0)
                                       if heard.payload != self.speaker)
                except Exception as exc:  # the listening connection was lost: listen again next time
                    self._close_listener()
                    raise ServerUnavailableError(server=self.location, reason=driver_reason(exc)) from exc
            return self._heard

    def change_socket(self) -> int | None:
        """The listening connection's socket: readable when a colleague's save arrives (the window watches it, so
        a save shows at once instead of at the next look)."""
        with self._listen_lock:
            if self._listener is None:
                self._listener = self._listen()
            return int(self._listener.fileno())

    def _listen(self) -> Any:
        import psycopg

        name, options = _arguments(self.url)
        try:
            conn = psycopg.connect(dbname=name, autocommit=True, **options)
        except psycopg.Error as exc:
            raise ServerUnavailableError(server=self.location, reason=driver_reason(exc)) from exc
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with suppress(Exception):
                listener.close()

    def close(self) -> None:
        self._close_listener()
        super().close()


def open_server(url: str, *, read_only: bool = False) -> ServerDatabase:
    """Connect to the team server at `url`, prepared by this version (`server init`): ServerNotPreparedError for
    an empty or older one, ServerSchemaTooNewError for a newer one, ServerUnavailableError when it cannot be
    reached or refuses the login."""
    name, options = _arguments(url)
    try:
        import psycopg  # noqa: F401 - what the installers leave out is said here, not at the first query
    except ImportError as exc:
        raise ServerDriverMissingError(server=shown_url(url)) from exc
    pw = KeepclientPostgres(name, field_types=FIELD_TYPES, **options)
    try:
        with server_errors_translated(url):
            try:
                pw.connect()
            except PeeweeException as exc:
                raise ServerUnavailableError(server=shown_url(url), reason=driver_reason(exc)) from exc
            ensure_this_version(pw, url)
    except BaseException:
        pw.close()
        raise
    db = ServerDatabase(path=Path(shown_url(url)), mode=DatabaseMode.SERVER, pw=pw, read_only=read_only, url=url)
    db._ensure_bound()  # queries built before a session (as a file's open leaves them) find the server
    return db
