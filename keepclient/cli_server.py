"""`keepclient server …` and `move-to-server`: team servers (issue 19). `server init URL` prepares an empty
PostgreSQL database (the tables of the data model, stamped with this version's schema); `move-to-server FILE URL`
copies a team's database file into it and checks every table. Opening a server from the window and the other
commands, roles and policies, search and live updates are the rest of issue 19.
"""

from __future__ import annotations

import argparse
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP


def add_parsers(sub: Any) -> None:
    """`server` and its sub-commands, added to cli.build_parser's sub-parsers."""
    server = sub.add_parser("server", help="team servers (PostgreSQL): prepare one")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create keepclient's tables in an empty PostgreSQL database "
                                           "(postgresql://user[:password]@host[:port]/dbname[?sslmode=require])")
    init.add_argument("url", metavar="URL")
    from pathlib import Path

    move = sub.add_parser("move-to-server", help="copy every record of a database file into a prepared, empty team "
                                                 "server and check each table (the file is only read)")
    move.add_argument("file", type=Path, metavar="FILE")
    move.add_argument("url", metavar="URL")


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
    prepared = prepare_server(args.url, app_version)
    if prepared.created:
        out.say(QT_TRANSLATE_NOOP("cli", "Team server {server} prepared: keepclient's tables created (schema "
                                         "{schema})."), server=shown_url(args.url), schema=prepared.schema)
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "Team server {server} was prepared before (schema {schema}); nothing "
                                         "was changed."), server=shown_url(args.url), schema=prepared.schema)
    return 0
