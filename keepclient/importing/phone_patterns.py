"""What one of libphonenumber's regular expressions can match, read from the pattern itself: how far it looks, what
it can start with, what lengths a format takes. phone_metadata uses these to choose a number's format by its first
digits and to try only the alternatives that can match, which is where its speed comes from.

The re module's parser (re._parser) is internal; on a Python without it every answer is the safe "unsure".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


def reach(pattern: str) -> int | None:
    """How many characters a leading-digits pattern can look at (re.match), None when unbounded or not plain."""
    if any(token in pattern for token in ("(?=", "(?!", "(?<", "$", "^", "\\b", "\\B", "\\Z", "\\A")):
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        high = _parser.parse(pattern).getwidth()[1]
    except Exception:  # a Python without re._parser: choose for every number
        return None
    return high if high < 1000 else None


@lru_cache(maxsize=4096)
def starting_with(pattern: str, digit: str) -> str:
    """The alternatives of a pattern ("A|B|C" at its top level) that can match a number starting with `digit`:
    the same answers for such numbers, with much less to try ("(?!)" when none can)."""
    alternatives, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    alternatives.append(pattern[start:])
    kept = [alternative for alternative in alternatives if _may_start_with(alternative, digit)]
    return "|".join(kept) if kept else "(?!)"


def _may_start_with(pattern: str, digit: str) -> bool:
    """False only when no string matching `pattern` starts with `digit` (True when unsure)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        firsts = _first_characters(list(_parser.parse(pattern)), _constants)
    except Exception:  # another Python's re internals: keep every alternative
        return True
    return firsts is None or ord(digit) in firsts


def _first_characters(items: list[Any], constants: Any) -> set[int] | None:
    """The characters a parsed pattern can start with, None when it could be any or when it can be empty."""
    if not items:
        return None
    op, value = items[0]
    if op is constants.LITERAL:
        return {value}
    if op is constants.SUBPATTERN:
        return _first_characters(list(value[-1]), constants)
    if op is constants.BRANCH:
        result: set[int] = set()
        for branch in value[1]:
            firsts = _first_characters(list(branch), constants)
            if firsts is None:
                return None
            result |= firsts
        return result
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] > 0:
        return _first_characters(list(value[2]), constants)
    if op is constants.IN:
        result = set()
        for kind, item in value:
            if kind is constants.LITERAL:
                result.add(item)
            elif kind is constants.RANGE:
                result |= set(range(item[0], item[1] + 1))
            elif kind is constants.CATEGORY and item is constants.CATEGORY_DIGIT:
                result |= set(range(ord("0"), ord("9") + 1))
            else:
                return None
        return result
    return None


def group_lengths(pattern: str) -> frozenset[int] | None:
    """The lengths a format pattern made only of (\\d{n}) / (\\d{n,m}) groups takes; None for any other pattern."""
    groups = re.findall(r"\(\\d\{(\d+)(?:,(\d+))?\}\)", pattern)
    if not groups or "".join(f"(\\d{{{low}{',' + high if high else ''}}})" for low, high in groups) != pattern:
        return None
    return frozenset(range(sum(int(low) for low, _ in groups), sum(int(high or low) for low, high in groups) + 1))
