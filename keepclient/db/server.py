"""Team servers (issue 19): the same data model in a PostgreSQL database, for teams that outgrow a shared folder.

This is the first part: the address of a server (`postgresql://user@host:port/dbname?sslmode=require`), a
connection through psycopg 3 with its errors made plain, and preparing an empty server database with the models'
tables. What a server database holds is stamped in `schema_info`: the model schema (migrations.LATEST, as in a
file) and the server layout (SERVER_LAYOUT: what this code creates beside the models' tables; later layouts add the
derived tables, search, roles and policies). A server stamped by a newer keepclient is refused, as a newer file is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from peewee import PeeweeException, PostgresqlDatabase

from keepclient.db import migrations
from keepclient.db.models import ALL_MODELS, SchemaInfo, now
from keepclient.domain.errors import (
    ServerDriverMissingError,
    ServerNotEmptyError,
    ServerNotPreparedError,
    ServerPermissionError,
    ServerSchemaTooNewError,
    ServerSchemaTooOldError,
    ServerUnavailableError,
)

SCHEMES = ("postgresql", "postgres")
SERVER_LAYOUT = 8  # 1: the models' tables; 2: roles and row-level policies (db/server_roles.py); 3: search
# (db/server_search.py), byte-ordered text, and SQLite's functions (db/server_compat.py); 4: the figures a file's
# triggers keep (db/server_derived.py); 5: the customer list's indexes of live customers (db/server_search.py);
# 6: the columns' defaults, as a file's tables have them, and customer rows cheaper to change (db/server_search.py);
# 7: room in the customers' pages for the day's recount, and a vacuum soon after it; 8: finer statistics of the
# search documents (both db/server_search.py)
CONNECT_TIMEOUT_S = 10  # a server that does not answer is said to be unreachable after this long
# Column types as wide as SQLite's: 64-bit whole numbers (amounts in cents pass 2^31 at 21 million), 64-bit
# floats (peewee's default REAL keeps 7 digits), and text of any length (SQLite does not hold a VARCHAR to its
# length: a long imported name must not stop a move).
FIELD_TYPES = {"AUTO": "BIGSERIAL", "INT": "BIGINT", "FLOAT": "DOUBLE PRECISION"}
_LAYOUT_OFFSET = 1000  # schema_info.schema_version on a server: layout * 1000 + the model schema


def is_server_url(text: str) -> bool:
    """Whether `text` names a team server rather than a database file."""
    return text.split("://", 1)[0].lower() in SCHEMES and "://" in text


def shown_url(url: str) -> str:
    """The address without its password, for messages and logs."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    login, place = parts.netloc.rsplit("@", 1)
    return urlunsplit((parts.scheme, f"{login.split(':', 1)[0]}@{place}", parts.path, parts.query, parts.fragment))


SSL_MODES = ("disable", "prefer", "require", "verify-full")  # libpq's sslmode, from none to a checked certificate


def server_address(host: str, port: int, database: str, user: str, password: str = "",
                   sslmode: str = "prefer") -> str:
    """The postgresql:// address of a server from its parts (what the Connect dialog asks for); the password, when
    given, stands in it (kept in memory only: shown_url drops it)."""
    from urllib.parse import quote

    host = host.strip()
    options = [f"sslmode={sslmode}"] if sslmode != "prefer" else []
    if host.startswith("/"):  # a local socket's folder (libpq's host=/path)
        options.insert(0, f"host={quote(host, safe='/')}")
        place = ""
    else:
        place = f"[{host}]" if ":" in host and not host.startswith("[") else host
    login = quote(user.strip(), safe="") + (f":{quote(password, safe='')}" if password else "")
    query = f"?{'&'.join(options)}" if options else ""
    return f"postgresql://{login}@{place}:{int(port)}/{quote(database.strip(), safe='')}{query}"


def server_label(url: str) -> str:
    """A short name for people: `database @ host` (the socket folder's last part for a local socket)."""
    name, options = _arguments(url)
    host = str(options.get("host", "localhost")).rstrip("/").rsplit("/", 1)[-1] or "localhost"
    return f"{name} @ {host}"


def _arguments(url: str) -> tuple[str, dict[str, Any]]:
    """The database name and psycopg's connection arguments of a server address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise ServerUnavailableError(server=shown_url(url), reason="not a postgresql:// address")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ServerUnavailableError(server=shown_url(url), reason="the address names no database (…/dbname)")
    options: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "keepclient"}
    options.update(parse_qsl(parts.query))  # sslmode=require, host=/path/of/a/socket/folder, …
    if parts.hostname:
        options["host"] = unquote(parts.hostname)
    try:
        port = parts.port
    except ValueError:  # "server:abc"
        raise ServerUnavailableError(server=shown_url(url), reason="the port is not a number") from None
    if port:
        options["port"] = port
    if parts.username:
        options["user"] = unquote(parts.username)
    if parts.password is not None:
        options["password"] = unquote(parts.password)
    return name, options


def connect(url: str) -> PostgresqlDatabase:
    """An open connection to the team server at `url`; ServerUnavailableError (with the server's own reason,
    never the password) when it cannot be reached or refuses the login."""
    name, options = _arguments(url)
    try:
        import psycopg  # noqa: F401 - peewee's driver; what it lacks, it says here rather than at its first query
    except ImportError as exc:  # the installers leave it out for now (packaging/keepclient.spec)
        raise ServerDriverMissingError(server=shown_url(url)) from exc
    pw = PostgresqlDatabase(name, field_types=FIELD_TYPES, **options)
    try:
        pw.connect()
    except PeeweeException as exc:  # the driver's error, in peewee's clothes: its text is the server's reason
        raise ServerUnavailableError(server=shown_url(url), reason=driver_reason(exc)) from exc
    return pw


def driver_reason(exc: Exception) -> str:
    """The server's (or driver's) words for an error, on one line: its own text spans several."""
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip()) or type(exc).__name__


def driver_error(exc: BaseException) -> BaseException | None:
    """The driver's own error inside peewee's (a connection failing inside a query is wrapped twice)."""
    found: BaseException | None = exc
    while isinstance(found, PeeweeException):
        found = getattr(found, "orig", None)
    return found


@contextmanager
def privileges_checked(url: str) -> Iterator[None]:
    """A statement the login may not run (creating roles without CREATEROLE, a salesperson changing the team)
    becomes ServerPermissionError with the server's reason."""
    try:
        yield
    except PeeweeException as exc:
        from psycopg.errors import InsufficientPrivilege

        if isinstance(driver_error(exc), InsufficientPrivilege):
            raise ServerPermissionError(server=shown_url(url), reason=driver_reason(exc)) from exc
        raise


@contextmanager
def prepared(url: str) -> Iterator[PostgresqlDatabase]:
    """A connection to a server this version prepared (ServerNotPreparedError otherwise), closed afterwards."""
    pw = connect(url)
    try:
        ensure_this_version(pw, url)
        with privileges_checked(url):
            yield pw
    finally:
        pw.close()


def ensure_this_version(pw: PostgresqlDatabase, url: str) -> None:
    """Refuse a server this version did not prepare, before anything is read: ServerSchemaTooNewError for a newer
    keepclient's, ServerNotPreparedError for an empty or older one (`server init` brings it up to date)."""
    found, wanted = stamp_of(pw), (SERVER_LAYOUT, migrations.LATEST)
    if found is not None and found > wanted:
        raise ServerSchemaTooNewError(server=shown_url(url), found=found[1], found_layout=found[0],
                                      known=wanted[1], known_layout=wanted[0])
    if found != wanted:
        raise ServerNotPreparedError(server=shown_url(url))


def stamp_of(pw: PostgresqlDatabase) -> tuple[int, int] | None:
    """(server layout, model schema) the server database is stamped with; None for one keepclient never
    prepared."""
    if not pw.table_exists("schema_info"):
        return None
    row = pw.execute_sql('SELECT max("schema_version") FROM "schema_info"').fetchone()
    if row is None or row[0] is None:
        return None
    return divmod(int(row[0]), _LAYOUT_OFFSET)


@dataclass(frozen=True)
class Prepared:
    created: bool  # False: the server was prepared before (and perhaps brought up to this layout: `upgraded`)
    layout: int
    schema: int
    upgraded_from: int = 0  # the layout found, when a newer layout was added to it


def _models_tables(pw: PostgresqlDatabase) -> None:
    """Layout 1: the models' tables, with text columns of any length."""
    with pw.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False):
        pw.create_tables(ALL_MODELS)
    for table, column in pw.execute_sql(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND data_type = 'character varying'").fetchall():
        pw.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text')


def _roles_and_policies(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_roles import create_roles_and_policies

    create_roles_and_policies(pw, [model._meta.table_name for model in ALL_MODELS])


def _search_and_functions(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_compat import create_functions
    from keepclient.db.server_search import create_search

    create_search(pw, [model._meta.table_name for model in ALL_MODELS])
    create_functions(pw)


def _derived(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_derived import create_derived

    create_derived(pw)


def _live_lists(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_search import create_live_list_indexes

    create_live_list_indexes(pw)


def _defaults_and_lighter_updates(pw: PostgresqlDatabase) -> None:
    """Layout 6: each column's fixed default (0, '', true…) kept by the server too, as a file's tables have it
    from their migrations: a bulk writer's INSERT names only the columns it fills (peewee's tables have Python-side
    defaults only); and lighter customer updates (server_search.lighten_customer_updates)."""
    for model in ALL_MODELS:
        for field in model._meta.sorted_fields:
            default = field.default
            if isinstance(default, bool):
                literal = "true" if default else "false"
            elif isinstance(default, int | float):
                literal = repr(default)
            elif isinstance(default, str):
                literal = "'" + default.replace("'", "''") + "'"
            else:  # none, or made per row (uuids, moments): given by whoever inserts
                continue
            pw.execute_sql(f'ALTER TABLE "{model._meta.table_name}" ALTER COLUMN "{field.column_name}" '
                           f"SET DEFAULT {literal}")
    from keepclient.db.server_search import lighten_customer_updates

    lighten_customer_updates(pw)


def _room_for_recounts(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_search import make_room_for_recounts

    make_room_for_recounts(pw)


def _finer_search_statistics(pw: PostgresqlDatabase) -> None:
    from keepclient.db.server_search import estimate_documents

    estimate_documents(pw)


# each adds to the one before; a server takes the ones it lacks
LAYOUTS = {1: _models_tables, 2: _roles_and_policies, 3: _search_and_functions, 4: _derived, 5: _live_lists,
           6: _defaults_and_lighter_updates, 7: _room_for_recounts, 8: _finer_search_statistics}


def maintain(pw: PostgresqlDatabase, *statements: str) -> None:
    """Upkeep the server would do later by itself (VACUUM, ANALYZE), run now that a move or an upgrade has
    committed; a statement the server refuses (the table held by colleagues for 5 s) is left to it."""
    with suppress(PeeweeException):
        pw.execute_sql("SET lock_timeout = '5s'")
        for statement in statements:
            pw.execute_sql(statement)


def prepare(url: str, app_version: str) -> Prepared:
    """Create the models' tables, roles and policies in an empty server database and stamp it, in one
    transaction; a database this version prepared before is left as it is, and one prepared by an older layout of
    the same schema gets what it lacks. Nothing is written to one stamped by another schema or a newer layout
    (ServerSchemaTooNewError, ServerSchemaTooOldError) or holding other tables (ServerNotEmptyError)."""
    pw = connect(url)
    try:
        with privileges_checked(url), pw.atomic():
            pw.execute_sql("SELECT pg_advisory_xact_lock(%s)", [migrations.APPLICATION_ID])  # one init at a time
            found = stamp_of(pw)
            wanted = (SERVER_LAYOUT, migrations.LATEST)
            layout = 0
            if found is not None:
                versions = {"server": shown_url(url), "found": found[1], "found_layout": found[0],
                            "known": wanted[1], "known_layout": wanted[0]}
                if found > wanted:
                    raise ServerSchemaTooNewError(**versions)
                if found[1] != wanted[1]:
                    raise ServerSchemaTooOldError(**versions)
                if found == wanted:
                    return Prepared(False, *found)
                layout = found[0]
            else:
                others = [name for (name,) in pw.execute_sql(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                    "ORDER BY table_name")]
                if others:  # another program's data (or a half-made copy): never mixed with ours
                    raise ServerNotEmptyError(server=shown_url(url), tables=", ".join(others[:5]))
            for step in range(layout + 1, SERVER_LAYOUT + 1):
                LAYOUTS[step](pw)
            stamp = SERVER_LAYOUT * _LAYOUT_OFFSET + migrations.LATEST
            with pw.bind_ctx([SchemaInfo]):
                if found is None:
                    SchemaInfo.create(schema_version=stamp, app_version=app_version, migrated_at=now())
                else:
                    SchemaInfo.update(schema_version=stamp, app_version=app_version, migrated_at=now()).execute()
        if found is not None and layout < 7:  # the customers rewritten into pages with layout 7's room (a fillfactor
            maintain(pw, "VACUUM (FULL, ANALYZE) customer")  # shapes the pages written after it is set)
        if found is not None and layout < 8:  # the documents' statistics sampled again, finer
            maintain(pw, "ANALYZE kc_customer_search")
        return Prepared(found is None, *wanted, upgraded_from=layout)
    finally:
        pw.close()
