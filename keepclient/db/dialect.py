"""The few pieces of SQL the two engines spell differently, for statements otherwise written once (issue 19).

`pw` is the peewee handle a session or write gives: a file's SQLite, or a team server's PostgreSQL
(db/server_database.KeepclientPostgres, whose `engine` says so).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any


def engine_of(pw: Any) -> str:
    """The engine of a peewee handle, or the engine's name itself (a Database's `engine`)."""
    return pw if isinstance(pw, str) else str(getattr(pw, "engine", "sqlite"))


def ids_in(column: str, ids: Collection[Any], pw: Any) -> tuple[str, list[Any]]:
    """`column IN ids` as one parameter however many ids: a JSON list SQLite reads with json_each, an array on a
    server."""
    return in_list(column, "?", pw), [listed(ids, pw)]


def in_list(column: str, mark: str, pw: Any) -> str:
    """`column IN` the list one parameter holds (`mark`: "?" or ":name"; its value from `listed`)."""
    if engine_of(pw) == "sqlite":
        return f"{column} IN (SELECT value FROM json_each({mark}))"
    return f"{column} = ANY({mark})"


def listed(values: Collection[Any], pw: Any) -> Any:
    """`values` as the one parameter `in_list` reads: JSON text for SQLite, a list (an array) for a server."""
    return json.dumps(list(values)) if engine_of(pw) == "sqlite" else list(values)
