"""Turns a CustomerFilter into SQL: search terms through the full-text indexes, filters and sort through the list
indexes. Pages are read in two steps (ids through a covering index, then the 500 rows), so deep pages stay fast.
"""

from __future__ import annotations

import datetime as dt

from keepclient.domain.search_text import han_phrase, is_han_only, query_terms, trigram_phrase
from keepclient.domain.types import CustomerFilter

SORT_SQL = {
    "name": "c.sort_key", "tier": "c.tier", "stage": "c.stage", "owner": "c.owner_id", "city": "c.city",
    "phone": "c.phone", "last_contact": "c.last_contact", "next_follow_up": "c.next_follow_up",
    "open_feedback": "c.open_feedback",
}


def glob_escape(text: str) -> str:
    """`text` matched literally inside a GLOB pattern."""
    return text.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


def term_condition(term: str) -> tuple[str, list[object]]:
    """SQL that keeps customers matching one normalized search term."""
    if len(term) >= 3:
        return "c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)", [trigram_phrase(term)]
    if is_han_only(term):
        return "c.id IN (SELECT rowid FROM customer_han WHERE customer_han MATCH ?)", [han_phrase(term)]
    prefix = glob_escape(term) + "*"  # one or two letters or digits: names, pinyin and initials that start with them
    return (
        "(c.name_norm GLOB ? OR c.name_pinyin GLOB ? OR c.name_initials GLOB ? OR c.id IN ("
        "SELECT customer_id FROM contact WHERE deleted_at IS NULL "
        "AND (name_norm GLOB ? OR name_pinyin GLOB ? OR name_initials GLOB ?)))",
        [prefix] * 6,
    )


def where_clause(flt: CustomerFilter, today: dt.date | None = None) -> tuple[str, list[object]]:
    parts = ["c.deleted_at IS NOT NULL" if flt.trash else "c.deleted_at IS NULL"]
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
            week_end = today + dt.timedelta(days=6 - today.weekday())
            parts.append("c.next_follow_up BETWEEN ? AND ?")
            params.extend([today, week_end])
    if flt.open_feedback:
        parts.append("c.open_feedback > 0")
    for term in query_terms(flt.text):
        sql, term_params = term_condition(term)
        parts.append(sql)
        params.extend(term_params)
    return " AND ".join(parts), params


def order_clause(flt: CustomerFilter) -> str:
    direction = " DESC" if flt.descending else ""
    column = SORT_SQL.get(flt.sort, "c.sort_key")
    keys = [column] if column == "c.sort_key" else [column, "c.sort_key"]
    return ", ".join(f"{key}{direction}" for key in [*keys, "c.id"])
