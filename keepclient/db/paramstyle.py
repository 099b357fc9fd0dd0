"""keepclient's SQL is written with SQLite's placeholders (`?`, `?2`, `:name`); psycopg takes `%s` and `%(name)s`
(and reads every `%` as the start of one). `to_format` turns the one into the other, leaving string literals,
quoted names and comments as they are, so a statement is written once for both engines wherever the engines
agree."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# A string literal, a quoted name, a comment, a cast (::), or one of the tokens that change.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|::|\?\d*|:[A-Za-z_]\w*|%", re.S)


def to_format(sql: str, params: Any = None) -> tuple[str, Any]:
    """`sql` and `params` as psycopg takes them: `?` as `%s`, `%` as `%%` (literals included: psycopg reads them
    everywhere); numbered (`?2`) and named (`:when`) placeholders as `%(name)s` with the parameters as a mapping."""
    if "?" not in sql and "%" not in sql and ":" not in sql:
        return sql, params
    numbered = isinstance(params, Sequence) and not isinstance(params, str) and re.search(r"\?\d", sql) is not None
    named = isinstance(params, Mapping)
    values: dict[str, Any] = {}
    largest = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal largest
        token = match.group(0)
        if token == "::" or token[0] in "'\"-/":
            return token.replace("%", "%%")
        if token == "%":
            return "%%"
        if token.startswith(":"):
            return f"%({token[1:]})s" if named else token
        if not numbered:
            return "%s"
        number = int(token[1:]) if len(token) > 1 else largest + 1  # SQLite: a bare ? follows the largest
        largest = max(largest, number)
        values[f"p{number}"] = params[number - 1]
        return f"%(p{number})s"

    converted = _TOKENS.sub(swap, sql)
    return converted, (values if numbered else params)
