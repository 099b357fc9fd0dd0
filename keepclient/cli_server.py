"""`keepclient server …` and `move-to-server`: team servers (issue 19).

- `server init URL` prepares an empty PostgreSQL database: the data model's tables, the team's roles and row-level
  policies, stamped with this version's schema (a server of an older layout gets what it lacks);
- `move-to-server FILE URL` copies a team's database file into it and checks every table;
- `server add-user NAME URL --role salesperson|manager` makes a login for a colleague, `server users URL` lists
  them, `server policy URL [open|own]` shows or sets who sees which customers.
Opening a server from the window and the other commands, search and live updates are the rest of issue 19.
"""

from __future__ import annotations

import argparse
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP


def add_parsers(sub: Any) -> None:
    """`server` and its sub-commands, added to cli.build_parser's sub-parsers."""
    server = sub.add_parser("server", help="team servers (PostgreSQL): prepare one; its logins; who sees which "
                                           "customers")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create keepclient's tables in an empty PostgreSQL database "
                                           "(postgresql://user[:password]@host[:port]/dbname[?sslmode=require])")
    init.add_argument("url", metavar="URL")
    add_user = actions.add_parser("add-user", help="a login for a colleague, linked to a salesperson of the team")
    add_user.add_argument("login", type=_login_name, metavar="NAME")
    add_user.add_argument("url", metavar="URL")
    add_user.add_argument("--role", choices=("salesperson", "manager"), required=True,
                          help="a manager sees and changes everything; a salesperson per the team's policy")
    add_user.add_argument("--salesperson", metavar="CODE_OR_NAME",
                          help="the salesperson this login is (default for a salesperson: the one coded NAME)")
    secret = add_user.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    secret.add_argument("--no-password", action="store_true",
                        help="set no password (the server signs this login in another way: certificate, Kerberos)")
    listed = actions.add_parser("users", help="the team's logins and who sees which customers")
    listed.add_argument("url", metavar="URL")
    policy = actions.add_parser("policy", help="show or set who sees which customers: open (everyone sees every "
                                               "customer) or own (a salesperson sees their own and unassigned ones)")
    policy.add_argument("url", metavar="URL")
    policy.add_argument("visibility", nargs="?", choices=("open", "own"))
    from pathlib import Path

    move = sub.add_parser("move-to-server", help="copy every record of a database file into a prepared, empty team "
                                                 "server and check each table (the file is only read)")
    move.add_argument("file", type=Path, metavar="FILE")
    move.add_argument("url", metavar="URL")


def _login_name(text: str) -> str:
    """A login PostgreSQL and every client take without quoting trouble: letters, digits and _ . @ -."""
    import re

    if not re.fullmatch(r"[A-Za-z0-9_.@-]{1,63}", text):
        raise argparse.ArgumentTypeError("a login is 1 to 63 letters, digits or _ . @ -")
    return text


COMMANDS = ("server", "move-to-server")  # run without opening a database file as the workspace


def run(args: argparse.Namespace, out: Any, app_version: str) -> int:
    """Without a workspace: the file options (--db, --shared) do not apply to a server."""
    from keepclient.services.team_server import is_server_url, move_file, prepare_server, shown_url

    if not is_server_url(args.url):
        out.say(QT_TRANSLATE_NOOP("cli", "A team server is named by a postgresql:// address, for example "
                                         "postgresql://admin@server/keepclient."))
        return 2
    if args.command == "move-to-server":
        moved = move_file(args.file, args.url)
        for table in moved:
            print(f"  {table.table}: {table.rows:,} · {table.checksum[:16]}")
        out.say(QT_TRANSLATE_NOOP("cli", "Moved {rows} records in {tables} tables from {path} to {server}; every "
                                         "table's rows and checksum agree. The file was not changed."),
                rows=f"{sum(t.rows for t in moved):,}", tables=len(moved), path=args.file,
                server=shown_url(args.url))
        return 0
    if args.server_command == "add-user":
        return _add_user(args, out)
    if args.server_command in ("users", "policy"):
        return _users_and_policy(args, out)
    prepared = prepare_server(args.url, app_version)
    if prepared.upgraded_from:
        out.say(QT_TRANSLATE_NOOP("cli", "Team server {server} brought up from layout {old} to layout {layout}; "
                                         "its data was kept."), server=shown_url(args.url),
                old=prepared.upgraded_from, layout=prepared.layout)
    elif prepared.created:
        out.say(QT_TRANSLATE_NOOP("cli", "Team server {server} prepared: keepclient's tables created (schema "
                                         "{schema})."), server=shown_url(args.url), schema=prepared.schema)
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "Team server {server} was prepared before (schema {schema}); nothing "
                                         "was changed."), server=shown_url(args.url), schema=prepared.schema)
    return 0


def _add_user(args: argparse.Namespace, out: Any) -> int:
    import sys

    from keepclient.services.team_server import add_user, shown_url

    password: str | None = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif not args.no_password:
        if not sys.stdin.isatty():
            out.say(QT_TRANSLATE_NOOP("cli", "Give the new login's password with --password-stdin, or use "
                                             "--no-password."))
            return 2
        import getpass

        password = getpass.getpass(out.text(QT_TRANSLATE_NOOP("cli", "Password for {login}: "), login=args.login))
        if getpass.getpass(out.text(QT_TRANSLATE_NOOP("cli", "Again: "))) != password:
            out.say(QT_TRANSLATE_NOOP("cli", "The two passwords differ; nothing was changed."))
            return 2
    if password == "":
        out.say(QT_TRANSLATE_NOOP("cli", "An empty password is not a password: use --no-password for a login "
                                         "the server signs in another way."))
        return 2
    added = add_user(args.url, args.login, args.role, args.salesperson, password)
    if added.role == "manager":
        role = out.text(QT_TRANSLATE_NOOP("cli", "manager"))
    else:
        role = out.text(QT_TRANSLATE_NOOP("cli", "salesperson"))
    of = out.text(QT_TRANSLATE_NOOP("cli", " ({name})"), name=added.salesperson) if added.salesperson else ""
    said = {"login": added.login, "server": shown_url(args.url), "role": role, "of": of}
    if added.created:
        out.say(QT_TRANSLATE_NOOP("cli", "Login {login} created on {server} as {role}{of}."), **said)
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "The existing login {login} is now {role}{of} on {server}."), **said)
    return 0


def _users_and_policy(args: argparse.Namespace, out: Any) -> int:
    from keepclient.services.team_server import set_policy, shown_url, users

    if args.server_command == "policy" and args.visibility:
        set_policy(args.url, args.visibility)
    visibility, logins = users(args.url)
    if visibility == "own":
        out.say(QT_TRANSLATE_NOOP("cli", "Policy on {server}: own (a salesperson sees their own and unassigned "
                                         "customers; managers see all)."), server=shown_url(args.url))
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "Policy on {server}: open (everyone sees every customer)."),
                server=shown_url(args.url))
    if args.server_command == "users":
        for login in logins:
            print(f"  {login.login}\t{login.role}\t{login.salesperson}")
        if not logins:
            out.say(QT_TRANSLATE_NOOP("cli", "No logins yet: add one with keepclient server add-user."))
    return 0
