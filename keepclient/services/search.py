"""`keepclient search`: the list's search, ranked best match first, with the contact that matched."""

from __future__ import annotations

from typing import Any

from keepclient.db.connection import Database
from keepclient.domain.search_text import query_terms
from keepclient.domain.types import CustomerFilter, SearchHit
from keepclient.services.customer_query import glob_escape, where_clause

# Lower is better: the whole name, the start of the name, inside the name, pinyin or initials, anything else.
_RANK_SQL = """
CASE WHEN c.name_norm = ? THEN 0
     WHEN c.name_norm GLOB ? THEN 1
     WHEN instr(c.name_norm, ?) > 0 THEN 2
     WHEN c.name_pinyin GLOB ? OR c.name_initials GLOB ? THEN 3
     ELSE 4 END
"""
_SERVER_RANK_SQL = _RANK_SQL.replace("GLOB", "LIKE").replace("instr(", "strpos(")  # a team server's words


def search_customers(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    terms = query_terms(query)
    if not terms:
        return []
    where, params = where_clause(CustomerFilter(text=query), engine=db.engine)
    whole = "".join(terms)
    if db.engine == "sqlite":
        rank, prefix = _RANK_SQL, glob_escape(whole) + "*"
    else:
        from keepclient.db.server_search import like_escape

        rank, prefix = _SERVER_RANK_SQL, like_escape(whole) + "%"
    rank_params = [whole, prefix, terms[0], prefix, prefix]
    with db.session() as pw:
        rows = pw.execute_sql(
            f"SELECT c.id, c.name, c.tier, coalesce(s.name, ''), c.phone FROM customer c "
            f"LEFT JOIN salesperson s ON s.id = c.owner_id WHERE {where} "
            f"ORDER BY {rank}, c.sort_key, c.id LIMIT ?", [*params, *rank_params, limit],
        ).fetchall()
        contacts = _matching_contacts(pw, [r[0] for r in rows], terms)
    return [SearchHit(cid, name, tier, owner, phone, contacts.get(cid, "")) for cid, name, tier, owner, phone in rows]


def _matching_contacts(pw: Any, ids: list[int], terms: list[str]) -> dict[int, str]:
    """Per customer: the first contact matching a term, else the primary contact."""
    if not ids:
        return {}
    best: dict[int, tuple[int, str]] = {}
    for cid, name, norm, pinyin, initials, digits, primary in pw.execute_sql(
        "SELECT customer_id, name, name_norm, name_pinyin, name_initials, phone_digits, is_primary FROM contact "
        f"WHERE deleted_at IS NULL AND customer_id IN ({', '.join('?' * len(ids))}) ORDER BY id", ids,
    ):
        keys = (norm, pinyin, initials, digits.replace(" ", ""))
        score = 0 if any(term in key for term in terms for key in keys if key) else (1 if primary else 2)
        if cid not in best or score < best[cid][0]:
            best[cid] = (score, name)
    return {cid: name for cid, (score, name) in best.items() if score < 2}
