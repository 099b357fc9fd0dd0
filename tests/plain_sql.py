"""A separate connection to a test's database, file or team server, for checks written as plain SQL: values come
back as SQLite gives them on both engines (a server's through db/server_compat.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


class _ServerConnection:
    def __init__(self, url: str) -> None:
        from keepclient.db.server_database import open_server

        self.db = open_server(url)

    def execute(self, sql: str, params: Any = ()) -> Any:
        with self.db.session() as pw:
            return pw.execute_sql(sql, list(params))

    def commit(self) -> None:
        """Each statement was its own transaction (sqlite3's connection needs this call; a server's does not)."""

    def close(self) -> None:
        self.db.close()


def connect(source: Path | str) -> Any:
    """sqlite3's connection to a file, or one that reads a team server the same way (execute, close)."""
    if isinstance(source, str):
        return _ServerConnection(source)
    return sqlite3.connect(source)
