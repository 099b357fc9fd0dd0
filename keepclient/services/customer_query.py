"""Turns a CustomerFilter into SQL: search terms through the full-text indexes, filters and sort through the list
indexes. Pages are read in two steps (ids through a covering index, then the 500 rows), so deep pages stay fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from keepclient.db.dialect import ids_in
from keepclient.domain.periods import week_end
from keepclient.domain.search_text import han_phrase, is_han_only, query_terms, trigram_phrase
from keepclient.domain.types import CustomerFilter

SORT_SQL = {
    "name": "c.sort_key", "tier": "c.tier", "stage": "c.stage", "owner": "c.owner_id", "city": "c.city",
    "phone": "c.phone", "last_contact": "c.last_contact", "next_follow_up": "c.next_follow_up",
    "open_feedback": "c.open_feedback", "revenue_12m": "c.revenue_12m_cents", "last_order": "c.last_order",
    "risk": "c.risk_score", "ltv": "c.ltv_cents",
}
NULLS_LAST = {"c.ltv_cents"}  # no estimate yet: after every estimate, whichever the direction


def glob_escape(text: str) -> str:
    """`text` matched literally inside a GLOB pattern."""
    return text.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


PREFIX_COLUMNS = ("name_norm", "name_pinyin", "name_initials", "phone_digits")


def prefix_union(term: str) -> tuple[str, list[object]]:
    """Ids whose name, pinyin, initials or phone digits (or a contact's) start with `term`: index ranges only."""
    prefix = glob_escape(term) + "*"
    parts = [f"SELECT id FROM customer WHERE {column} GLOB ?" for column in PREFIX_COLUMNS]
    parts += [f"SELECT customer_id FROM contact WHERE {column} GLOB ? AND deleted_at IS NULL"
              for column in PREFIX_COLUMNS]
    return " UNION ALL ".join(parts), [prefix] * len(parts)


# Two digits are "dense" when this many phone numbers start with them; a first page of such matches is found
# faster by testing rows in list order than by collecting every match.
DENSE_DIGITS = 10000
# A term is "sparse" when fewer customers than this match it: reading just those rows and sorting them beats walking
# the list index (which would test every one of 100,000 rows against the matches, ~10 ms).
SPARSE_MATCHES = 1000
Probe = Callable[[str, list[object]], int]


def _is_dense(term: str, prefix: str, probe: Probe | None) -> bool:
    """Two digits that start very many phone numbers ("13", "18"): testing rows in list order fills a page at
    once. Letters never are: their index ranges (covering indexes) are cheap even when large."""
    if probe is None or not term.isdigit():
        return False
    return probe("SELECT count(*) FROM (SELECT 1 FROM customer WHERE phone_digits GLOB ? UNION ALL "
                 f"SELECT 1 FROM contact WHERE phone_digits GLOB ? LIMIT {DENSE_DIGITS})",
                 [prefix, prefix]) >= DENSE_DIGITS


class TermCondition(NamedTuple):
    sql: str
    params: list[object]
    sparse: bool = False  # few customers match: the query should start from the matches, not the list index


def _matches(ids_sql: str, params: list[object], probe: Probe | None) -> TermCondition:
    """`c.id IN (ids_sql)`, marked sparse when `probe` finds only a few ids."""
    sparse = probe is not None and probe(
        f"SELECT count(*) FROM ({ids_sql} LIMIT {SPARSE_MATCHES})", params) < SPARSE_MATCHES
    return TermCondition(f"c.id IN ({ids_sql})", params, sparse)


def term_condition(term: str, probe: Probe | None = None) -> TermCondition:
    """SQL that keeps customers matching one normalized search term.

    Three or more characters: any substring, through the trigram index. One or two Chinese characters: through
    the single-character index. A single letter or digit finds names that start with it (an index range in list
    order). Two letters or digits match the start of names, pinyin, initials and phone numbers of customers and
    their contacts: collected from index ranges when few match, tested row by row in list order when many do.
    `probe` counts a few matches to tell which plan is quicker; without it, the plain conditions are used.
    """
    if len(term) >= 3:
        return _matches("SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?", [trigram_phrase(term)], probe)
    if is_han_only(term):
        return _matches("SELECT rowid FROM customer_han WHERE customer_han MATCH ?", [han_phrase(term)], probe)
    prefix = glob_escape(term) + "*"
    if len(term) == 1:
        return TermCondition("c.sort_key GLOB ?", [prefix])
    if not _is_dense(term, prefix, probe):
        union, params = prefix_union(term)
        return _matches(union, params, probe)
    # The list's own sort key comes first: it is in the index being read, so most rows need no table read.
    own = " OR ".join(f"c.{column} GLOB ?" for column in ("sort_key", *PREFIX_COLUMNS))
    theirs = " OR ".join(f"{column} GLOB ?" for column in PREFIX_COLUMNS)
    return TermCondition(f"({own} OR EXISTS (SELECT 1 FROM contact WHERE customer_id = c.id AND deleted_at IS NULL "
                         f"AND ({theirs})))", [prefix] * (1 + 2 * len(PREFIX_COLUMNS)))


def where_clause(flt: CustomerFilter, today: dt.date | None = None,
                 probe: Probe | None = None, engine: str = "sqlite") -> tuple[str, list[object]]:
    """SQL keeping the customers `flt` shows. With `probe`, a search term few customers match makes the query
    start from its matches: the unary + keeps SQLite from walking a list index (deleted_at leads all of them); so
    does a list of `ids`. On a team server (`engine` "postgresql") the terms go through its own search
    (db/server_search.py) and its planner chooses by itself."""
    if engine == "sqlite":
        terms = [term_condition(term, probe) for term in query_terms(flt.text)]
    else:
        from keepclient.db import server_search

        terms = [TermCondition(*server_search.term_condition(term, is_han_only(term), probe))
                 for term in query_terms(flt.text)]
    if flt.ids is not None:
        # One parameter however many (a team-wide dashboard list holds up to every customer). In a file, reading
        # just those rows and sorting them beats walking a list index even for 94,000 of 100,000 (measured: 88
        # against 331 ms for a page by last order), so the query always starts from them.
        terms.append(TermCondition(*ids_in("c.id", flt.ids, engine), sparse=engine == "sqlite"))
    unindexed = "+" if any(term.sparse for term in terms) else ""
    parts = [f"{unindexed}c.deleted_at IS {'NOT NULL' if flt.trash else 'NULL'}"]
    params: list[object] = []
    if flt.owner_id is not None:
        parts.append("c.owner_id = ?")
        params.append(flt.owner_id)
    for column, values in (("c.tier", flt.tiers), ("c.stage", flt.stages)):
        if values:
            parts.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if flt.tag_id is not None:
        parts.append("c.id IN (SELECT customer_id FROM customer_tag WHERE tag_id = ?)")
        params.append(flt.tag_id)
    if flt.city:
        parts.append("(c.city = ? OR c.region = ?)")
        params.extend([flt.city, flt.city])
    if flt.follow_up:
        today = today or dt.date.today()
        if flt.follow_up == "overdue":
            parts.append("c.next_follow_up < ?")
            params.append(today)
        else:
            parts.append("c.next_follow_up BETWEEN ? AND ?")
            params.extend([today, week_end(today)])
    if flt.open_feedback:
        parts.append("c.open_feedback > 0")
    if flt.no_order_days is not None:  # "no order for more than N days": never ordered counts too
        today = today or dt.date.today()
        parts.append("(c.last_order IS NULL OR c.last_order < ?)")
        params.append(today - dt.timedelta(days=max(flt.no_order_days, 0)))
    if flt.min_risk is not None:
        parts.append("c.risk_score >= ?")
        params.append(flt.min_risk)
    for term in terms:
        parts.append(term.sql)
        params.extend(term.params)
    return " AND ".join(parts), params


def order_clause(flt: CustomerFilter) -> str:
    direction = " DESC" if flt.descending else ""
    column = SORT_SQL.get(flt.sort, "c.sort_key")
    keys = [column] if column == "c.sort_key" else [column, "c.sort_key"]
    return ", ".join(f"{key}{direction}{' NULLS LAST' if key in NULLS_LAST else ''}" for key in [*keys, "c.id"])
