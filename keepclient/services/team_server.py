"""Team servers (issue 19): preparing a PostgreSQL database for a team, moving a file into it, and its logins
and visibility policy (db/server.py holds the connection and the schema, db/server_roles.py the roles and
row-level policies). What `keepclient server …` and `move-to-server` run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from keepclient.db import server, server_move, server_roles
from keepclient.db.server import SSL_MODES, Prepared, is_server_url, server_address, server_label, shown_url
from keepclient.db.server_move import MovedTable, Progress
from keepclient.db.server_roles import POLICIES, ROLES, Login, Role
from keepclient.domain.errors import ServerNoSuchSalespersonError

__all__ = [
    "POLICIES",
    "ROLES",
    "SSL_MODES",
    "AddedUser",
    "Login",
    "MovedTable",
    "Prepared",
    "add_user",
    "is_server_url",
    "move_file",
    "prepare_server",
    "server_address",
    "server_label",
    "set_policy",
    "shown_url",
    "users",
]


@dataclass(frozen=True)
class AddedUser:
    login: str
    role: str
    salesperson: str  # the linked salesperson's name, "" for none
    created: bool  # False: an existing login of that name was given this team's role


def prepare_server(url: str, app_version: str) -> Prepared:
    """The models' tables in an empty server database, stamped with this version's schema; a server this version
    prepared before is left as it is (`Prepared.created` False). Typed errors for an unreachable server, a refused
    login or another version's schema."""
    return server.prepare(url, app_version)


def move_file(path: Path, url: str, progress: Progress | None = None) -> list[MovedTable]:
    """Every record of the database file at `path` copied into the prepared, empty server at `url` in one
    transaction, each table's rows and checksum compared on both sides; the file is only read."""
    return server_move.move_to_server(path, url, progress)


def add_user(url: str, login: str, role: Role, salesperson: str | None, password: str | None) -> AddedUser:
    """A server login `login` for the team at `url`, as a manager or a salesperson, linked to the salesperson
    whose code or name is `salesperson` (default for a salesperson: the login itself; a manager may be linked to
    none). The password is turned into a SCRAM verifier here: it never travels or lands in the server's logs.
    ServerNoSuchSalespersonError (nothing created) when no salesperson matches."""
    with server.prepared(url) as pw, pw.atomic():
        linked: tuple[int, str] | None = None
        wanted = salesperson if salesperson is not None else (login if role == "salesperson" else None)
        if wanted is not None:
            rows = pw.execute_sql("SELECT id, name, code FROM salesperson ORDER BY active DESC, name").fetchall()
            linked = next(((sid, name) for sid, name, code in rows if code.casefold() == wanted.casefold()), None) \
                or next(((sid, name) for sid, name, _code in rows if name.strip() == wanted.strip()), None)
            if linked is None:
                known = ", ".join(f"{name} ({code})" for _sid, name, code in rows[:8]) or "—"
                raise ServerNoSuchSalespersonError(server=shown_url(url), name=wanted, known=known)
        verifier = None
        if password is not None:
            raw = pw.connection().pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
            verifier = raw.decode()
        created = server_roles.add_login(pw, login, role, linked[0] if linked else None, verifier)
    return AddedUser(login, role, linked[1] if linked else "", created)


def users(url: str) -> tuple[str, list[Login]]:
    """The team's visibility policy ("open" or "own") and its logins."""
    with server.prepared(url) as pw:
        return server_roles.visibility(pw), server_roles.logins(pw)


def set_policy(url: str, policy: str) -> None:
    """Who sees which customers: "open" (every login sees every customer) or "own" (a salesperson sees their own
    and unassigned customers). Managers and the administrator only (ServerPermissionError otherwise)."""
    with server.prepared(url) as pw, pw.atomic():
        server_roles.set_visibility(pw, policy)
