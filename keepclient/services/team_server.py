"""Team servers (issue 19): preparing a PostgreSQL database for a team (db/server.py holds the connection and
the schema). What `keepclient server init` runs; read db/server.py for what a prepared server holds so far."""

from __future__ import annotations

from keepclient.db import server
from keepclient.db.server import Prepared, is_server_url, shown_url

__all__ = ["Prepared", "is_server_url", "prepare_server", "shown_url"]


def prepare_server(url: str, app_version: str) -> Prepared:
    """The models' tables in an empty server database, stamped with this version's schema; a server this version
    prepared before is left as it is (`Prepared.created` False). Typed errors for an unreachable server, a refused
    login or another version's schema."""
    return server.prepare(url, app_version)
