"""keepclient's SQL is written with SQLite's `?` placeholders; psycopg takes `%s` (and reads every `%` as the
start of one). `to_format` turns the one into the other, leaving string literals, quoted names and comments as
they are, so a statement is written once for both engines wherever the engines agree."""

from __future__ import annotations

import re

# A string literal, a quoted name, a comment, or one of the characters that change.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|[?%]", re.S)


def to_format(sql: str) -> str:
    """`sql` with each `?` outside literals as `%s` and each `%` as `%%` (literals included: psycopg reads
    them everywhere)."""
    if "?" not in sql and "%" not in sql:
        return sql

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        return token.replace("%", "%%")

    return _TOKENS.sub(swap, sql)
