"""Who may see and change what on a team server (issue 19, server layout 2), enforced by PostgreSQL itself.

- Two group roles per database (role names are the whole cluster's, so they carry the database's name):
  `kc_<db>_manager` and `kc_<db>_salesperson`. A keepclient login is a PostgreSQL login that is a member of one
  of them and is listed in `kc_login` with the salesperson it is (`server add-user`).
- Both may read every table and write the team's records; only managers change the salespeople and the team's
  visibility; the change log can be added to but not rewritten; `kc_login` is the administrator's alone.
- Row-level security on customers and everything that belongs to one (contacts, visits, feedback, purchases,
  gifts, tags, the change log and import records of those): under the team policy "open" every login sees every
  customer, as in a shared folder; under "own" a salesperson sees their own and unassigned customers only, and the
  others' are invisible to any query, hand-written ones included. Managers always see everything; the
  administrator who ran `server init` owns the tables and is not held by the policies (PostgreSQL's rule).
- The change log records the server login of whoever saved (a trigger), whatever name the client sent.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from peewee import PostgresqlDatabase

ROLES = ("manager", "salesperson")
POLICIES = ("open", "own")
Role = Literal["manager", "salesperson"]
# Tables whose rows belong to a customer (customer_id): visible when the customer is.
OWNED_BY_CUSTOMER = ("contact", "visit", "feedback", "purchase", "gift", "customer_tag")
# Tables naming a record by (table_name, record_id): visible when that record is.
NAMING_RECORDS = ("change_log", "import_record")
# Only managers (and the administrator) write these; everyone reads them.
MANAGERS_WRITE = ("salesperson",)
READ_ONLY = ("schema_info",)
APPEND_ONLY = ("change_log",)


def group_roles(database: str) -> tuple[str, str]:
    """The (manager, salesperson) group roles of the database named `database` (at most 45 characters: PostgreSQL
    cuts names at 63 bytes)."""
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())
    if len(base) > 30:
        base = base[:21] + "_" + hashlib.sha1(database.encode()).hexdigest()[:8]
    return f"kc_{base}_manager", f"kc_{base}_salesperson"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_TABLES = """
CREATE TABLE kc_login (
    login text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('manager', 'salesperson')),
    salesperson_id bigint REFERENCES salesperson (id) ON DELETE SET NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kc_team_policy (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    visibility text NOT NULL DEFAULT 'open' CHECK (visibility IN ('open', 'own'))
);
INSERT INTO kc_team_policy DEFAULT VALUES;
"""

# They read kc_login and kc_team_policy as the caller (both readable to every login).
# Function bodies are read with the caller's search_path, where a temporary table comes first: every name in them
# is qualified with the schema ({schema}), or a salesperson's own temporary kc_login would make them a manager.
_FUNCTIONS = """
CREATE FUNCTION kc_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM {schema}.kc_login l WHERE l.login = session_user
                   AND (l.role = 'manager' OR (SELECT p.visibility FROM {schema}.kc_team_policy p) = 'open'))
$$;
CREATE FUNCTION kc_my_salesperson() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT l.salesperson_id FROM {schema}.kc_login l WHERE l.login = session_user AND l.role = 'salesperson'
$$;
"""

# peewee always hands the driver parameters (none: an empty tuple), so psycopg reads %: %% is format()'s %.
_RECORD_VISIBLE = """
CREATE FUNCTION kc_record_visible(kind text, record bigint) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    found boolean;
BEGIN
    IF kind NOT IN ('customer', 'contact', 'visit', 'feedback', 'purchase', 'gift') THEN
        RETURN true;
    END IF;
    -- as the caller: the record's own table answers under its own policy (a record gone is seen by managers only)
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM {schema}.%%I WHERE id = $1)', kind) INTO found USING record;
    RETURN found;
END $$;
"""

_LOGIN_IN_CHANGE_LOG = """
CREATE FUNCTION kc_change_by_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM {schema}.kc_login WHERE login = session_user) THEN
        NEW.changed_by := session_user;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER kc_change_by_login BEFORE INSERT OR UPDATE ON change_log
    FOR EACH ROW EXECUTE FUNCTION kc_change_by_login();
"""


def create_roles_and_policies(pw: PostgresqlDatabase, model_tables: list[str]) -> None:
    """Server layout 2 in the current transaction: the group roles (kept when they exist: a database of the same
    name made again), kc_login and kc_team_policy, the grants, the row-level policies and the change log's login.
    The caller must be allowed to create roles (a superuser, or CREATEROLE)."""
    database = pw.execute_sql("SELECT current_database()").fetchone()[0]
    manager, seller = (_quoted(name) for name in group_roles(database))
    for name in group_roles(database):
        if not pw.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone():
            pw.execute_sql(f"CREATE ROLE {_quoted(name)} NOLOGIN")
    schema = _quoted(pw.execute_sql("SELECT current_schema()").fetchone()[0])
    for statement in (_TABLES, _FUNCTIONS, _RECORD_VISIBLE, _LOGIN_IN_CHANGE_LOG):
        pw.execute_sql(statement.replace("{schema}", schema))
    pw.execute_sql(f"GRANT USAGE ON SCHEMA {schema} TO {manager}, {seller}")
    pw.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {manager}, {seller}")
    for table in [*model_tables, "kc_login", "kc_team_policy"]:
        pw.execute_sql(f"GRANT SELECT ON {_quoted(table)} TO {manager}, {seller}")
        if table in READ_ONLY or table.startswith("kc_"):
            continue
        if table in APPEND_ONLY:
            pw.execute_sql(f"GRANT INSERT ON {_quoted(table)} TO {manager}, {seller}")
            continue
        writers = manager if table in MANAGERS_WRITE else f"{manager}, {seller}"
        pw.execute_sql(f"GRANT INSERT, UPDATE, DELETE ON {_quoted(table)} TO {writers}")
    pw.execute_sql(f"GRANT UPDATE ON kc_team_policy TO {manager}")
    for table in ("customer", *OWNED_BY_CUSTOMER, *NAMING_RECORDS):
        _secure(pw, table)


# (SELECT f()): an uncorrelated subquery runs once per query (an InitPlan); f() alone runs once per row, since
# functions reading tables are not inlined (measured: 100,000 calls per count of customers)
_OWN_CUSTOMER = "EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id)"
VISIBLE_WHEN = {
    "customer": "owner_id IS NULL OR owner_id = (SELECT kc_my_salesperson())",
    **{table: _OWN_CUSTOMER for table in OWNED_BY_CUSTOMER},
    **{table: "kc_record_visible(table_name, record_id)" for table in NAMING_RECORDS},
    "kc_customer_search": _OWN_CUSTOMER,  # layout 3 (db/server_search.py)
    "customer_month": _OWN_CUSTOMER,  # layout 4 (db/server_derived.py)
}


def _secure(pw: PostgresqlDatabase, table: str) -> None:
    pw.execute_sql(f"ALTER TABLE {_quoted(table)} ENABLE ROW LEVEL SECURITY")
    _create_policy(pw, table)


def _create_policy(pw: PostgresqlDatabase, table: str) -> None:
    # one policy for reading and writing: a row written must be one the writer could then see
    pw.execute_sql(f"CREATE POLICY kc_visible ON {_quoted(table)} USING ((SELECT kc_sees_all()) OR "
                   f"{VISIBLE_WHEN[table]})")


def _groups(pw: PostgresqlDatabase) -> tuple[str, str]:
    manager, seller = group_roles(pw.execute_sql("SELECT current_database()").fetchone()[0])
    return _quoted(manager), _quoted(seller)


def secure_customer_table(pw: PostgresqlDatabase, table: str, granted: bool = False) -> None:
    """A later layout's table of rows that belong to a customer (customer_id, in VISIBLE_WHEN): the groups read and
    write it (`granted`: already), under the customer's visibility."""
    if not granted:
        grant_derived(pw, (table,), ())
    _secure(pw, table)


def grant_derived(pw: PostgresqlDatabase, tables: Sequence[str], views: Sequence[str]) -> None:
    """A later layout's tables of figures every save keeps (the groups' own triggers and services write them) and
    views the groups read."""
    manager, seller = _groups(pw)
    for table in tables:
        pw.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_quoted(table)} TO {manager}, {seller}")
    for view in views:
        pw.execute_sql(f"GRANT SELECT ON {_quoted(view)} TO {manager}, {seller}")


@contextmanager
def policies_set_aside(pw: PostgresqlDatabase, tables: set[str]) -> Iterator[None]:
    """Drop the policies of `tables` and make them again: PostgreSQL does not change the type of a column a policy
    reads (a later layout's collation)."""
    held = [table for table in VISIBLE_WHEN if table in tables and pw.execute_sql(
        "SELECT 1 FROM pg_policies WHERE schemaname = current_schema() AND tablename = %s AND policyname = "
        "'kc_visible'", [table]).fetchone()]
    for table in held:
        pw.execute_sql(f"DROP POLICY kc_visible ON {_quoted(table)}")
    yield
    for table in held:
        _create_policy(pw, table)


@dataclass(frozen=True)
class Login:
    login: str
    role: str
    salesperson: str  # the salesperson's name, "" when none


def logins(pw: PostgresqlDatabase) -> list[Login]:
    return [Login(*row) for row in pw.execute_sql(
        "SELECT l.login, l.role, coalesce(s.name, '') FROM kc_login l LEFT JOIN salesperson s "
        "ON s.id = l.salesperson_id ORDER BY l.role, l.login")]


def visibility(pw: PostgresqlDatabase) -> str:
    return str(pw.execute_sql("SELECT visibility FROM kc_team_policy").fetchone()[0])


def set_visibility(pw: PostgresqlDatabase, policy: str) -> None:
    if policy not in POLICIES:
        raise ValueError(policy)
    pw.execute_sql("UPDATE kc_team_policy SET visibility = %s", [policy])


def add_login(pw: PostgresqlDatabase, login: str, role: Role, salesperson_id: int | None,
              password_verifier: str | None) -> bool:
    """Create the login (or take the existing one of that name: a colleague in two teams' databases), make it a
    member of the role's group and list it in kc_login; True when the login was created. `password_verifier` is
    the SCRAM verifier computed on this side (libpq's PQencryptPasswordConn), so the password itself never reaches
    the server or its logs."""
    database = pw.execute_sql("SELECT current_database()").fetchone()[0]
    manager, seller = group_roles(database)
    group, other = (manager, seller) if role == "manager" else (seller, manager)
    created = not pw.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone()
    password = "" if password_verifier is None else " PASSWORD " + _literal(password_verifier)
    if created:
        pw.execute_sql(f"CREATE ROLE {_quoted(login)} LOGIN{password}")
    elif password:
        pw.execute_sql(f"ALTER ROLE {_quoted(login)}{password}")
    if pw.execute_sql("SELECT pg_has_role(%s, %s, 'MEMBER')", [login, other]).fetchone()[0]:
        pw.execute_sql(f"REVOKE {_quoted(other)} FROM {_quoted(login)}")
    pw.execute_sql(f"GRANT {_quoted(group)} TO {_quoted(login)}")
    pw.execute_sql(
        "INSERT INTO kc_login (login, role, salesperson_id) VALUES (%s, %s, %s) ON CONFLICT (login) DO UPDATE "
        "SET role = excluded.role, salesperson_id = excluded.salesperson_id", [login, role, salesperson_id])
    return created


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
