"""Each customer's last done visit (its planned start), kept on the customer row by SQLite triggers on visit.

The team KPIs count, for every customer, when it was last visited or called before the period's end (follow-up on
time, coverage of A customers). Grouping every done visit by customer for that took about a third of a year's KPIs
on 100,000 customers; the stored value answers it for any period that ends after it, and the KPIs look the visits
up only for a customer whose last done visit lies after the period.

Triggers, not the services, keep it: every path that writes visits (logging, moving, trash and undo, merges,
imports, the demo's bulk rows) goes through them, in the writer's transaction. Derived like the order figures: no
version, no change log. `last_done_at` is NULL for a customer without a done visit (in the trash ones don't count).
"""

from __future__ import annotations

_LIVE_DONE = "v.deleted_at IS NULL AND v.status = 'done'"
_RECOUNT = (f"(SELECT max(v.planned_start) FROM visit v INDEXED BY visit_live_customer_id_status_planned_start "
            f"WHERE v.customer_id = customer.id AND {_LIVE_DONE})")

CREATE_SQL = (
    # a new done visit only moves the date later
    'CREATE TRIGGER "visit_last_done_insert" AFTER INSERT ON "visit" '
    "WHEN new.status = 'done' AND new.deleted_at IS NULL BEGIN "
    'UPDATE "customer" SET "last_done_at" = new.planned_start '
    "WHERE id = new.customer_id AND (last_done_at IS NULL OR last_done_at < new.planned_start); END",
    # a change to a done visit, or one that makes a visit done, counts both customers' again (one index seek)
    'CREATE TRIGGER "visit_last_done_update" AFTER UPDATE OF "status", "planned_start", "deleted_at", "customer_id" '
    'ON "visit" WHEN (old.status = \'done\' AND old.deleted_at IS NULL) '
    "OR (new.status = 'done' AND new.deleted_at IS NULL) BEGIN "
    f'UPDATE "customer" SET "last_done_at" = {_RECOUNT} WHERE id IN (old.customer_id, new.customer_id); END',
    'CREATE TRIGGER "visit_last_done_delete" AFTER DELETE ON "visit" '
    "WHEN old.status = 'done' AND old.deleted_at IS NULL BEGIN "
    f'UPDATE "customer" SET "last_done_at" = {_RECOUNT} WHERE id = old.customer_id; END',
)
RECOUNT_ALL = f'UPDATE "customer" SET "last_done_at" = {_RECOUNT}'
RECOUNT = _RECOUNT  # the value of one customer row (`customer.id`), for a bulk writer's own UPDATE of its customers
