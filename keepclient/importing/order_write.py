"""Writing an orders import: one transaction, recorded as an ImportBatch (kind "orders") so undo can take it back.

An orders import only adds: purchases (each carrying its import_batch), and with --create-customers the customers
the file names and the database lacks, and salespeople the team lacks (both journalled like the contacts import's,
so undo removes them again). Rows are written with plain executemany and ids reserved first (bulk.reserve_ids),
as importing/write.py does (a large import into a smaller table rebuilds the purchase indexes once, db/bulk.py);
the customers' order figures are recounted in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from contextlib import nullcontext

from peewee import SqliteDatabase

from keepclient.db import bulk, order_values, search_docs
from keepclient.db.connection import Database
from keepclient.db.models import ImportBatch, new_uuids, now
from keepclient.domain.errors import CancelledError
from keepclient.importing import links, write
from keepclient.importing.orders import OrderPlan

CHUNK = 20_000
PURCHASE_COLUMNS = ("uuid", "created_at", "updated_at", "updated_by", "version", "customer_id", "date", "order_no",
                    "product", "quantity", "unit_price_cents", "amount_cents", "salesperson_id", "notes", "order_key",
                    "import_batch_id")


def run_order_import(
    db: Database, plan: OrderPlan, *, file_name: str, sha256: str, sheet: str, user: str, today: dt.date,
    progress: Callable[[int, int], None] | None = None, is_cancelled: Callable[[], bool] | None = None,
) -> write.ImportResult:
    """Write the plan's new lines (and the customers and salespeople it creates). CancelledError, or any failure,
    writes nothing."""
    orders = plan.new_orders
    total = len(orders)
    stamp = now()
    result = write.ImportResult(0)
    with db.write() as pw:
        journal = write.open_batch(file_name, sha256, sheet, plan.mapping, user, stamp)
        batch = result.batch = journal.batch
        owners = links.salespeople(pw, plan.new_salespeople, journal)
        created = _create_customers(pw, plan, owners, user, stamp, journal)
        stamp_text = stamp.isoformat(" ")
        uids = new_uuids(total)
        touched: set[int] = set()
        deferred = bulk.worth_deferring(pw, "purchase", total)
        with bulk.indexes_deferred(pw, ("purchase",)) if deferred else nullcontext():
            for start in range(0, total, CHUNK):
                if is_cancelled and is_cancelled():
                    raise CancelledError()
                rows = []
                for order in orders[start:start + CHUNK]:
                    planned_id = order.customer_id
                    assert planned_id is not None, "a new line has its customer"
                    customer_id = created[planned_id] if planned_id < 0 else planned_id
                    touched.add(customer_id)
                    rows.append((next(uids), stamp_text, stamp_text, user, 1, customer_id, order.date.isoformat(),
                                 order.order_no, order.product, format(order.quantity, "f"),
                                 order.unit_price_cents, order.amount_cents,
                                 owners.get(order.salesperson) if order.salesperson else None,
                                 "\n".join(dict.fromkeys(order.notes)), order.order_key, batch))
                bulk.execute_many(pw, write.insert_sql("purchase", PURCHASE_COLUMNS), rows)
                if progress:
                    progress(min(start + CHUNK, total), total)
        order_values.refresh(pw, touched, today)  # after the indexes are back: it reads by customer
        journal.write(pw)
        result.counts = plan.summary()
        ImportBatch.update(finished_at=now(), counts=json.dumps(result.counts)).where(
            ImportBatch.id == batch).execute()
    return result


def _create_customers(pw: SqliteDatabase, plan: OrderPlan, owners: links.Owners, user: str, stamp: dt.datetime,
                      journal: links.Journal) -> dict[int, int]:
    """The customers the plan creates (only those some new line needs), as the contacts import writes them;
    returns planned id (negative) -> the id given."""
    needed = {order.customer_id for order in plan.new_orders if order.customer_id is not None and order.customer_id < 0}
    customers = [c for c in plan.new_customers if c.existing_id in needed]
    if not customers:
        return {}
    first = bulk.reserve_ids(pw, "customer", len(customers))
    next_contact = bulk.reserve_ids(pw, "contact", sum(len(c.new_contacts) for c in customers))
    with search_docs.bulk_merging(pw, len(customers)), bulk.RowWriter(pw) as writer:
        for chunk in write.new_customer_chunks(customers, first, next_contact, owners, user, stamp):
            write.write_new_rows(writer, chunk)
    journal.created("customer", first, first + len(customers) - 1)
    created: dict[int, int] = {}
    for index, customer in enumerate(customers):
        assert customer.existing_id is not None, "a planned customer has its (negative) id"
        created[customer.existing_id] = first + index
    return created
