"""Undoing an import: remove what it created (customers, contacts, salespeople, tags, and the purchases an orders
import added) and restore what it updated (customers with their owner and tags, contacts), in one transaction,
refusing when records were edited since. The order figures of the customers whose purchases go are recounted."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import SqliteDatabase

from keepclient.db import order_values, search_docs
from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, ImportBatch, ImportRecord, new_uuid, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.errors import ImportEditedSinceError
from keepclient.domain.normalize import contact_row_keys, customer_row_keys

_VERSIONED = {"customer": Customer, "contact": Contact}
DATE_FIELDS = frozenset({"last_contact", "next_follow_up"})


def undo_import(db: Database, batch_id: int, user: str, force: bool = False, today: dt.date | None = None) -> None:
    """Remove what the import created and restore what it updated; ImportEditedSinceError when records were
    edited since (unless `force`). One transaction. `today` counts the 12-month revenue (tests pass a day)."""
    with db.write() as pw:
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None or batch.undone_at is not None:
            return
        records = list(ImportRecord.select().where(ImportRecord.batch == batch_id).order_by(ImportRecord.id.desc()))
        edited = _edited_since(pw, records) + [no or product for no, product in pw.execute_sql(
            "SELECT order_no, product FROM purchase WHERE import_batch_id = ? AND version != 1", (batch_id,))]
        if edited and not force:
            raise ImportEditedSinceError(edited)
        touched: set[int] = set()
        for record in records:
            if record.action == "updated":
                touched.update(_restore(pw, record, user))
        buyers = _delete_purchases(pw, batch_id)
        orders = json.loads(batch.counts or "{}").get("kind") == "orders"
        for table in ("contact", "customer", "tag", "salesperson"):  # children first
            for record in records:
                if record.action == "created" and record.table_name == table:
                    last = json.loads(record.before)["last"]
                    if orders and table == "customer":  # only those nobody has used since
                        touched.update(_delete_unused_customers(pw, record.record_id, last))
                    else:
                        touched.update(_delete_created(pw, table, record.record_id, last))
        # every customer who lost order lines, restored ones too (a deleted one has nothing left to count)
        order_values.refresh(pw, buyers, today or dt.date.today())
        search_docs.refresh(pw, touched)
        ImportBatch.update(undone_at=now()).where(ImportBatch.id == batch_id).execute()


def _edited_since(pw: SqliteDatabase, records: list[ImportRecord]) -> list[str]:
    edited: list[str] = []
    for record in records:
        if record.table_name not in _VERSIONED:
            continue
        table = record.table_name
        if record.action == "created":
            last = json.loads(record.before)["last"]
            edited += [name for (name,) in pw.execute_sql(
                f'SELECT name FROM "{table}" WHERE id BETWEEN ? AND ? AND version != 1 ORDER BY id',
                (record.record_id, last))]
        else:
            expected = json.loads(record.before)["version"] + 1
            edited += [name for (name,) in pw.execute_sql(
                f'SELECT name FROM "{table}" WHERE id = ? AND version != ?', (record.record_id, expected))]
    return edited


def _restore(pw: SqliteDatabase, record: ImportRecord, user: str) -> set[int]:
    """Put an updated record back as it was; the ids of the customers whose search documents change."""
    before = dict(json.loads(record.before)["values"])
    model = _VERSIONED[record.table_name]
    row = current_row(model, record.record_id)
    tags = before.pop("tags", None)
    values = {k: _as_date(v) if k in DATE_FIELDS else v for k, v in before.items()}
    derive = customer_row_keys if model is Customer else contact_row_keys
    update_checked(model, record.record_id, row["version"], values, user, derive=derive)
    if tags is not None:
        pw.execute_sql("DELETE FROM customer_tag WHERE customer_id = ?", (record.record_id,))
        stamp = now()
        for name in tags:
            pw.execute_sql(
                "INSERT INTO customer_tag (uuid, created_at, updated_at, updated_by, version, customer_id, tag_id) "
                "SELECT ?, ?, ?, ?, 1, ?, id FROM tag WHERE name = ? ON CONFLICT DO NOTHING",
                (new_uuid(), stamp, stamp, user, record.record_id, name))
    return {record.record_id if model is Customer else row["customer"]}


def _delete_purchases(pw: SqliteDatabase, batch_id: int) -> set[int]:
    """Delete the purchases the batch added; the customers they belonged to."""
    buyers = {cid for (cid,) in pw.execute_sql(
        "SELECT DISTINCT customer_id FROM purchase WHERE import_batch_id = ?", (batch_id,))}
    pw.execute_sql("DELETE FROM purchase WHERE import_batch_id = ?", (batch_id,))
    return buyers


_USED = ("contact", "purchase", "visit", "feedback")


def _delete_unused_customers(pw: SqliteDatabase, first: int, last: int) -> set[int]:
    """Delete the customers an orders import created that have no contacts, purchases, visits or feedback now."""
    used = " OR ".join(f'EXISTS (SELECT 1 FROM "{table}" t WHERE t.customer_id = customer.id)' for table in _USED)
    ids = {cid for (cid,) in pw.execute_sql(
        f"SELECT id FROM customer WHERE id BETWEEN ? AND ? AND NOT ({used})", (first, last))}
    pw.execute_sql(f"DELETE FROM customer WHERE id BETWEEN ? AND ? AND NOT ({used})", (first, last))
    return ids


def _delete_created(pw: SqliteDatabase, table: str, first: int, last: int) -> set[int]:
    touched: set[int] = set()
    if table == "contact":
        touched.update(cid for (cid,) in pw.execute_sql(
            "SELECT DISTINCT customer_id FROM contact WHERE id BETWEEN ? AND ?", (first, last)))
    elif table == "customer":
        touched.update(range(first, last + 1))
    elif table == "tag":
        pw.execute_sql("DELETE FROM customer_tag WHERE tag_id BETWEEN ? AND ?", (first, last))
    pw.execute_sql(f'DELETE FROM "{table}" WHERE id BETWEEN ? AND ?', (first, last))
    return touched


def _as_date(value: Any) -> Any:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) and value else value
