"""The text a customer is found by, and how a typed query is split into terms.

Two documents per customer feed two SQLite FTS5 indexes: a trigram one for any term of three or more characters
(true substrings in any script, phone digit runs, pinyin), and one of single Chinese characters for the one- and
two-character Chinese terms a trigram index cannot answer ("张伟", "伟"). Both are built from normalized text, so
case, accents, width and punctuation never matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from keepclient.domain.normalize import SURNAME_READINGS, normalize_name, pinyin_readings

_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FIELD_SEPARATOR = "|"  # never part of a normalized term, so no term matches across two fields


_UNSEARCHABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL ends SQLite's FTS queries; lone surrogates are no text


def query_terms(query: str) -> list[str]:
    """Whitespace-separated terms, each normalized like the documents; all must match.

    A NUL character or lone surrogate (pasted binary, a non-UTF-8 terminal) separates terms like a space: no
    stored text holds one, and SQLite cannot take them.
    """
    return [term for term in (normalize_name(part) for part in _UNSEARCHABLE.sub(" ", query).split()) if term]


def is_han_only(term: str) -> bool:
    return bool(term) and all(_HAN_CHAR.fullmatch(ch) for ch in term)


def han_phrase(term: str) -> str:
    """FTS5 phrase of single characters: "张伟" -> '"张 伟"'."""
    return '"' + " ".join(term) + '"'


def trigram_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def person_alternates(name: str) -> list[str]:
    """Pinyin readings beyond the stored one (a special surname's everyday reading), for the search document."""
    stripped = name.strip()
    if stripped[:2] not in SURNAME_READINGS and stripped[:1] not in SURNAME_READINGS:
        return []  # the common case: no pypinyin call at all
    readings = pinyin_readings(stripped, person=True)
    return [part for full, initials in readings[1:] for part in (full, initials)]


def search_documents(parts: Iterable[str]) -> tuple[str, str]:
    """(trigram document, single-character document) from already normalized parts."""
    kept = [p for p in parts if p]
    trigram = FIELD_SEPARATOR.join(kept)
    han = " ".join(_HAN_CHAR.findall(trigram))
    return trigram, han
