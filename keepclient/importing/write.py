"""Carrying out an import plan in one transaction, recorded as an ImportBatch so the whole import can be undone.

One transaction: a crash, a kill or Cancel leaves no partial import (measured here: committing in chunks left
partial imports in 38 of 50 kills). Every created row and every updated row's before-image is recorded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from typing import Any, NamedTuple

from keepclient.db import bulk, search_docs
from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, ImportBatch, ImportRecord, new_uuid, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.errors import CancelledError, ImportEditedSinceError
from keepclient.domain.normalize import contact_keys, customer_keys
from keepclient.importing.plan import ImportPlan, PlannedContact, PlannedCustomer

Progress = Callable[[int, int], None]
CHUNK = 2000


def _customer_values(customer_id: int, name: str, kind: str, fields: dict[str, Any], user: str,
                     stamp: dt.datetime) -> tuple:
    phone = fields.get("phone", "")
    get = fields.get
    keys = customer_keys(name, phone, kind)
    return (customer_id, new_uuid(), stamp, stamp, user, 1, name, kind, get("tier", "C"), "new", get("industry", ""),
            get("source", ""), get("address", ""), get("city", ""), get("region", ""), get("email", ""),
            get("website", ""), get("notes", ""), phone, keys["name_norm"], keys["name_pinyin"],
            keys["name_initials"], keys["phone_digits"], keys["sort_key"])


def _contact_values(contact_id: int, customer_id: int, contact: PlannedContact, primary: bool, user: str,
                    stamp: dt.datetime) -> tuple:
    keys = contact_keys(contact.name, contact.mobile, contact.phone)
    birthday = contact.birthday
    return (contact_id, new_uuid(), stamp, stamp, user, 1, customer_id, contact.name, contact.title, contact.mobile,
            contact.phone, contact.email, contact.im_id, primary, birthday.year if birthday else None,
            birthday.month if birthday else None, birthday.day if birthday else None, "",
            keys["name_norm"], keys["name_pinyin"], keys["name_initials"], keys["phone_digits"])


CUSTOMER_COLUMNS = ("id", "uuid", "created_at", "updated_at", "updated_by", "version", "name", "kind", "tier",
                    "stage", "industry", "source", "address", "city", "region", "email", "website", "notes", "phone",
                    "name_norm", "name_pinyin", "name_initials", "phone_digits", "sort_key")
CONTACT_COLUMNS = ("id", "uuid", "created_at", "updated_at", "updated_by", "version", "customer_id", "name", "title",
                   "mobile", "phone", "email", "im_id", "is_primary", "birthday_year", "birthday_month",
                   "birthday_day", "notes", "name_norm", "name_pinyin", "name_initials", "phone_digits")
RECORD_COLUMNS = ("uuid", "created_at", "updated_at", "updated_by", "version", "batch_id", "table_name", "record_id",
                  "action", "before")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'


def run_import(
    db: Database, plan: ImportPlan, *, file_name: str, sha256: str, sheet: str, user: str,
    progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the plan; returns the ImportBatch id. CancelledError (or any failure) writes nothing.

    Updates go first, with every index in place (they read the rows they change). New rows follow in chunks with
    plain executemany (ids assigned here, under the write lock: a peewee insert per row cost six times as much)
    and their search documents built from the same values; a large import into a smaller table sets the indexes
    aside and rebuilds them once (db/bulk.py).
    """
    updates = [c for c in plan.customers if c.action == "update"]
    new = [c for c in plan.customers if c.action == "new"]
    total = len(updates) + len(new)
    stamp = now()

    def step(done: int) -> None:
        if is_cancelled and is_cancelled():
            raise CancelledError()
        if progress:
            progress(done, total)

    with db.write() as pw:
        cursor = pw.cursor()
        batch = ImportBatch.insert(
            file_name=file_name, sha256=sha256, sheet=sheet, updated_by=user, started_at=stamp,
            mapping=json.dumps({str(k): v for k, v in plan.mapping.items()}, ensure_ascii=False),
        ).execute()
        first_customer = pw.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM customer").fetchone()[0]
        first_contact = next_contact = pw.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM contact").fetchone()[0]
        contacts: list[tuple] = []
        records: list[tuple] = []
        for done, customer in enumerate(updates, start=1):
            customer_id = customer.existing_id
            row = current_row(Customer, customer_id)
            if customer.changes:
                before = {name: row[name] for name in customer.changes}
                records.append(_record(batch, "customer", customer_id, "updated", before, user, stamp, row["version"]))
                update_checked(Customer, customer_id, row["version"],
                               {name: new for name, (_old, new) in customer.changes.items()}, user, derive=_derive)
            has_primary = Contact.select().where((Contact.customer == customer_id) & Contact.is_primary
                                                 & Contact.deleted_at.is_null()).exists()
            for index, contact in enumerate(customer.new_contacts):
                contacts.append(_contact_values(next_contact, customer_id, contact, not has_primary and index == 0,
                                                user, stamp))
                next_contact += 1
            if done % CHUNK == 0:
                step(done)
        cursor.executemany(_insert_sql("contact", CONTACT_COLUMNS), contacts)
        done = len(updates)
        deferred = bulk.worth_deferring(pw, "customer", len(new))
        with bulk.indexes_deferred(pw, ("customer", "contact")) if deferred else nullcontext():
            for chunk in _computed_chunks(new, first_customer, next_contact, user, stamp):
                cursor.executemany(_insert_sql("customer", CUSTOMER_COLUMNS), chunk.customers)
                cursor.executemany(_insert_sql("contact", CONTACT_COLUMNS), chunk.contacts)
                search_docs.insert(pw, chunk.documents)
                done += len(chunk.customers)
                next_contact += len(chunk.contacts)
                step(done)
        # Created rows have consecutive ids: one record per table names the whole range (undo deletes it).
        for table, first, last in (("customer", first_customer, first_customer + len(new) - 1),
                                   ("contact", first_contact, next_contact - 1)):
            if last >= first:
                records.append(_record(batch, table, first, "created", None, user, stamp, last=last))
        cursor.executemany(_insert_sql("import_record", RECORD_COLUMNS), records)
        search_docs.refresh(pw, [c.existing_id for c in updates])
        counts = plan.summary()
        ImportBatch.update(finished_at=now(), counts=json.dumps(counts)).where(ImportBatch.id == batch).execute()
    return batch


class _Chunk(NamedTuple):
    customers: list[tuple]
    contacts: list[tuple]
    documents: list[tuple[int, str, str]]


_CUSTOMER = {name: index for index, name in enumerate(CUSTOMER_COLUMNS)}
_CONTACT = {name: index for index, name in enumerate(CONTACT_COLUMNS)}
_CUSTOMER_DOC = [_CUSTOMER[name] for name in ("name", "kind", "name_norm", "name_pinyin", "name_initials", "city",
                                               "region", "notes", "phone_digits", "email")]
_CONTACT_DOC = [_CONTACT[name] for name in ("name", "name_norm", "name_pinyin", "name_initials", "phone_digits",
                                             "email")]


def _new_rows(customers: Sequence[PlannedCustomer], customer_id: int, contact_id: int, user: str,
              stamp: dt.datetime) -> _Chunk:
    """Rows and search documents of new customers: computation only, so it can run beside the writes."""
    chunk = _Chunk([], [], [])
    for customer in customers:
        values = _customer_values(customer_id, customer.name, customer.kind, customer.fields, user, stamp)
        parts: list[str] = []
        for index, contact in enumerate(customer.new_contacts):
            row = _contact_values(contact_id, customer_id, contact, index == 0, user, stamp)
            chunk.contacts.append(row)
            parts.extend(search_docs.contact_parts(*(row[i] for i in _CONTACT_DOC)))
            contact_id += 1
        chunk.customers.append(values)
        chunk.documents.append((customer_id, *search_docs.customer_documents(*(values[i] for i in _CUSTOMER_DOC),
                                                                             parts)))
        customer_id += 1
    return chunk


def _computed_chunks(customers: Sequence[PlannedCustomer], customer_id: int, contact_id: int, user: str,
                     stamp: dt.datetime) -> Iterator[_Chunk]:
    """The new customers' rows in chunks, so that memory stays bounded and Cancel is checked between them.

    Computed on this thread: a helper thread made the import slower (each row's insert waited for the GIL), and a
    helper process cost more in start-up and pickling than it saved (measured: 18.9 s against 17.6 s).
    """
    for start in range(0, len(customers), CHUNK):
        part = customers[start:start + CHUNK]
        yield _new_rows(part, customer_id, contact_id, user, stamp)
        customer_id += len(part)
        contact_id += sum(len(c.new_contacts) for c in part)


def _derive(row: dict[str, Any]) -> dict[str, str]:
    return customer_keys(row["name"], row["phone"], row["kind"])


def _record(batch: int, table: str, record_id: int, action: str, before: dict[str, Any] | None, user: str,
            stamp: dt.datetime, version: int | None = None, last: int | None = None) -> tuple:
    """An import record: an updated row with its before-image, or a range of created rows (`record_id`..`last`)."""
    if before is not None:
        image = json.dumps({"version": version, "values": before}, default=str, ensure_ascii=False)
    else:
        image = json.dumps({"last": last if last is not None else record_id})
    return (new_uuid(), stamp, stamp, user, 1, batch, table, record_id, action, image)


def undo_import(db: Database, batch_id: int, user: str, force: bool = False) -> None:
    """Remove what the import created and restore what it updated; ImportEditedSinceError when records were
    edited since (unless `force`). One transaction."""
    with db.write() as pw:
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None or batch.undone_at is not None:
            return
        records = list(ImportRecord.select().where(ImportRecord.batch == batch_id).order_by(ImportRecord.id.desc()))
        edited: list[str] = []
        for record in records:
            table = "customer" if record.table_name == "customer" else "contact"
            if record.action == "created":
                last = json.loads(record.before)["last"]
                edited += [name for (name,) in pw.execute_sql(
                    f'SELECT name FROM "{table}" WHERE id BETWEEN ? AND ? AND version != 1 ORDER BY id',
                    (record.record_id, last))]
            else:
                expected = json.loads(record.before)["version"] + 1
                edited += [name for (name,) in pw.execute_sql(
                    f'SELECT name FROM "{table}" WHERE id = ? AND version != ?', (record.record_id, expected))]
        if edited and not force:
            raise ImportEditedSinceError(edited)
        touched: set[int] = set()
        for record in records:
            if record.action == "created":
                last = json.loads(record.before)["last"]
                if record.table_name == "contact":
                    touched.update(cid for (cid,) in pw.execute_sql(
                        "SELECT DISTINCT customer_id FROM contact WHERE id BETWEEN ? AND ?", (record.record_id, last)))
                    pw.execute_sql("DELETE FROM contact WHERE id BETWEEN ? AND ?", (record.record_id, last))
                else:
                    touched.update(range(record.record_id, last + 1))
                    pw.execute_sql("DELETE FROM customer WHERE id BETWEEN ? AND ?", (record.record_id, last))
            else:
                before = json.loads(record.before)["values"]
                row = current_row(Customer, record.record_id)
                values = {k: _restore_type(row[k], v) for k, v in before.items()}
                update_checked(Customer, record.record_id, row["version"], values, user, derive=_derive)
                touched.add(record.record_id)
        search_docs.refresh(pw, touched)
        ImportBatch.update(undone_at=now()).where(ImportBatch.id == batch_id).execute()


def _restore_type(current: Any, value: Any) -> Any:
    if isinstance(current, dt.date) and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value
