"""Team servers (issue 19): preparing a PostgreSQL database for a team (db/server.py holds the connection and
the schema). What `keepclient server init` runs; read db/server.py for what a prepared server holds so far."""

from __future__ import annotations

from pathlib import Path

from keepclient.db import server, server_move
from keepclient.db.server import Prepared, is_server_url, shown_url
from keepclient.db.server_move import MovedTable, Progress

__all__ = ["MovedTable", "Prepared", "is_server_url", "move_file", "prepare_server", "shown_url"]


def prepare_server(url: str, app_version: str) -> Prepared:
    """The models' tables in an empty server database, stamped with this version's schema; a server this version
    prepared before is left as it is (`Prepared.created` False). Typed errors for an unreachable server, a refused
    login or another version's schema."""
    return server.prepare(url, app_version)


def move_file(path: Path, url: str, progress: Progress | None = None) -> list[MovedTable]:
    """Every record of the database file at `path` copied into the prepared, empty server at `url` in one
    transaction, each table's rows and checksum compared on both sides; the file is only read."""
    return server_move.move_to_server(path, url, progress)
