"""Keeps the two full-text indexes (customer_fts, customer_han) in step with customers and their contacts.

Every write path that changes what a customer is found by calls `refresh` inside its transaction; bulk work
(demo data, imports) calls it once for all the ids it touched. The documents are built from stored columns, so no
pinyin is computed here except for the rare special surnames.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from peewee import PostgresqlDatabase, SqliteDatabase

from keepclient.db import bulk
from keepclient.domain.normalize import normalize_name
from keepclient.domain.search_text import person_alternates, search_documents

CHUNK = 2000
TABLES = ("customer_fts", "customer_han")
CREATE_SQL = (
    "CREATE VIRTUAL TABLE customer_fts USING fts5(doc, tokenize='trigram')",
    "CREATE VIRTUAL TABLE customer_han USING fts5(doc, tokenize='unicode61')",
)


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def contact_parts(name: str, norm: str, pinyin: str, initials: str, digits: str, email: str,
                  notes: str = "") -> tuple[str, ...]:
    """What a customer is also found by for one of its contacts (stored keys plus special surname readings, and
    the contact's notes, where an import keeps the numbers a contact has beyond its mobile and phone)."""
    return (norm, pinyin, initials, digits, normalize_name(email), *person_alternates(name),
            *((normalize_name(notes),) if notes else ()))


def customer_documents(name: str, kind: str, norm: str, pinyin: str, initials: str, city: str, region: str,
                       notes: str, digits: str, email: str, *, contacts: Iterable[str]) -> tuple[str, str]:
    """(trigram document, single-character document) of one customer; `contacts`: its contacts' parts."""
    alternates = person_alternates(name) if kind == "person" else []
    return search_documents((norm, pinyin, initials, *alternates, normalize_name(city), normalize_name(region),
                             normalize_name(notes), digits, normalize_name(email), *contacts))


def documents(pw: Any, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    contacts: dict[int, list[str]] = {}
    for cid, *fields in pw.execute_sql(
        "SELECT customer_id, name, name_norm, name_pinyin, name_initials, phone_digits, email, notes FROM contact "
        f"WHERE deleted_at IS NULL AND customer_id IN ({_marks(len(ids))}) ORDER BY id", list(ids),
    ):
        contacts.setdefault(cid, []).extend(contact_parts(*fields))
    return [(cid, *customer_documents(*fields, contacts=contacts.get(cid, ()))) for cid, *fields in pw.execute_sql(
        "SELECT id, name, kind, name_norm, name_pinyin, name_initials, city, region, notes, phone_digits, email "
        f"FROM customer WHERE id IN ({_marks(len(ids))})", list(ids),
    )]


def insert(pw: SqliteDatabase, documents: Sequence[tuple[int, str, str]]) -> None:
    """Add the documents of customers that have none yet: (id, trigram document, single-character document)."""
    cursor = pw.cursor()
    cursor.executemany("INSERT INTO customer_fts (rowid, doc) VALUES (?, ?)", [(i, t) for i, t, _ in documents])
    cursor.executemany("INSERT INTO customer_han (rowid, doc) VALUES (?, ?)", [(i, h) for i, _, h in documents if h])


_INSERT_JSON = {table: bulk.insert_from_json_sql(table, ("rowid", "doc")) for table in TABLES}


# FTS5 merges a level's segments once it holds `automerge` of them (4 by default). While 100,000 documents go in,
# 16 merges fewer, larger runs: measured here, their insert took 3.2-3.9 s instead of 4.8-5.5 s, and searches
# afterwards were as fast (within this machine's noise).
BULK_AUTOMERGE = 16
DEFAULT_AUTOMERGE = 4


@contextmanager
def bulk_merging(pw: SqliteDatabase, documents: int) -> Iterator[None]:
    """Fewer segment merges while `documents` new documents go in, when they are many (bulk.MIN_ROWS or more); the
    default again on leaving. Inside the caller's transaction, so a rollback undoes the setting with the rows."""
    many = documents >= bulk.MIN_ROWS and not isinstance(pw, PostgresqlDatabase)  # a server has no segments
    if many:
        _automerge(pw, BULK_AUTOMERGE)
    yield
    if many:
        _automerge(pw, DEFAULT_AUTOMERGE)


def _automerge(pw: SqliteDatabase, segments: int) -> None:
    for table in TABLES:
        pw.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?)", [segments])


def queue_insert(writer: bulk.RowWriter, documents: Sequence[tuple[int, str, str]]) -> None:
    """`insert` on a bulk writer's thread (it tokenizes the documents while the caller computes the next ones);
    on a team server, written at once."""
    if writer.server:
        from keepclient.db import server_search

        server_search.write_documents(writer.pw, documents)
        return
    writer.put(_INSERT_JSON["customer_fts"], [(i, t) for i, t, _ in documents])
    writer.put(_INSERT_JSON["customer_han"], [(i, h) for i, _, h in documents if h])


def refresh(pw: SqliteDatabase, customer_ids: Iterable[int], new: bool = False) -> None:
    """Rewrite the documents of these customers (deleted customers simply lose theirs). `new`: the customers
    were just created, so there is nothing to delete first."""
    ids = sorted(set(customer_ids))
    if isinstance(pw, PostgresqlDatabase):  # a team server keeps the same documents its own way
        from keepclient.db import server_search

        for start in range(0, len(ids), CHUNK):
            server_search.write_documents(pw, documents(pw, ids[start:start + CHUNK]))
        return
    cursor = pw.cursor()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for table in () if new else TABLES:
            cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({_marks(len(chunk))})", chunk)
        insert(pw, documents(pw, chunk))


def rebuild(pw: SqliteDatabase) -> None:
    """All documents from scratch (migrations, repairs)."""
    for table in TABLES:
        pw.execute_sql(f"DELETE FROM {table}")
    ids = [row[0] for row in pw.execute_sql("SELECT id FROM customer ORDER BY id")]
    with bulk_merging(pw, len(ids)):
        refresh(pw, ids)
