"""Schema 16: stored visit figures, so the team KPIs of a year no longer read every visit (issue 16's Dashboard).

- customer.last_done_at: the planned start of its latest done visit not in the trash (NULL without one), kept by
  triggers on visit (db/last_done.py).
- visit_month: visits by salesperson (0: none) and calendar month, counted by status with the done visits'
  satisfaction scores, kept by triggers on visit (db/visit_months.py).

Both are filled here from the visits. The SQL is frozen here (the live modules may change in later steps).
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 16
STATEMENTS = (
    'ALTER TABLE "customer" ADD COLUMN "last_done_at" DATETIME',
    'CREATE TRIGGER "visit_last_done_insert" AFTER INSERT ON "visit" WHEN new.status = \'done\' AND new.deleted_at '
    'IS NULL BEGIN UPDATE "customer" SET "last_done_at" = new.planned_start WHERE id = new.customer_id AND '
    '(last_done_at IS NULL OR last_done_at < new.planned_start); END',
    'CREATE TRIGGER "visit_last_done_update" AFTER UPDATE OF "status", "planned_start", "deleted_at", '
    '"customer_id" ON "visit" WHEN (old.status = \'done\' AND old.deleted_at IS NULL) OR (new.status = \'done\' AND '
    'new.deleted_at IS NULL) BEGIN UPDATE "customer" SET "last_done_at" = (SELECT max(v.planned_start) FROM '
    'visit v INDEXED BY visit_live_customer_id_status_planned_start WHERE v.customer_id = customer.id AND '
    "v.deleted_at IS NULL AND v.status = 'done') WHERE id IN (old.customer_id, new.customer_id); END",
    'CREATE TRIGGER "visit_last_done_delete" AFTER DELETE ON "visit" WHEN old.status = \'done\' AND old.deleted_at '
    'IS NULL BEGIN UPDATE "customer" SET "last_done_at" = (SELECT max(v.planned_start) FROM visit v INDEXED BY '
    'visit_live_customer_id_status_planned_start WHERE v.customer_id = customer.id AND v.deleted_at IS NULL AND '
    "v.status = 'done') WHERE id = old.customer_id; END",
    'UPDATE "customer" SET "last_done_at" = (SELECT max(v.planned_start) FROM visit v INDEXED BY '
    'visit_live_customer_id_status_planned_start WHERE v.customer_id = customer.id AND v.deleted_at IS NULL AND '
    "v.status = 'done')",
    'CREATE TABLE "visit_month" ("salesperson_id" INTEGER NOT NULL, "month" TEXT NOT NULL, "planned" INTEGER NOT '
    'NULL, "done" INTEGER NOT NULL, "missed" INTEGER NOT NULL, "cancelled" INTEGER NOT NULL, "score_total" '
    'INTEGER NOT NULL, "score_count" INTEGER NOT NULL, PRIMARY KEY ("month", "salesperson_id")) WITHOUT ROWID',
    'CREATE TRIGGER "visit_month_insert" AFTER INSERT ON "visit" BEGIN INSERT INTO "visit_month" '
    '("salesperson_id", "month", "planned", "done", "missed", "cancelled", "score_total", "score_count") SELECT '
    "coalesce(new.salesperson_id, 0), substr(new.planned_start, 1, 7), (1), (new.status = 'done'), (new.status = "
    "'missed'), (new.status = 'cancelled'), (coalesce(CASE WHEN new.status = 'done' THEN new.satisfaction END, "
    "0)), (new.status = 'done' AND new.satisfaction IS NOT NULL) WHERE new.deleted_at IS NULL ON CONFLICT "
    '(month, salesperson_id) DO UPDATE SET planned = planned + excluded.planned, done = done + excluded.done, '
    'missed = missed + excluded.missed, cancelled = cancelled + excluded.cancelled, score_total = score_total + '
    'excluded.score_total, score_count = score_count + excluded.score_count; END',
    'CREATE TRIGGER "visit_month_update" AFTER UPDATE OF "salesperson_id", "planned_start", "status", '
    '"satisfaction", "deleted_at" ON "visit" BEGIN INSERT INTO "visit_month" ("salesperson_id", "month", '
    '"planned", "done", "missed", "cancelled", "score_total", "score_count") SELECT coalesce(old.salesperson_id, '
    "0), substr(old.planned_start, 1, 7), -(1), -(old.status = 'done'), -(old.status = 'missed'), -(old.status = "
    "'cancelled'), -(coalesce(CASE WHEN old.status = 'done' THEN old.satisfaction END, 0)), -(old.status = "
    "'done' AND old.satisfaction IS NOT NULL) WHERE old.deleted_at IS NULL ON CONFLICT (month, salesperson_id) "
    'DO UPDATE SET planned = planned + excluded.planned, done = done + excluded.done, missed = missed + '
    'excluded.missed, cancelled = cancelled + excluded.cancelled, score_total = score_total + '
    'excluded.score_total, score_count = score_count + excluded.score_count; INSERT INTO "visit_month" '
    '("salesperson_id", "month", "planned", "done", "missed", "cancelled", "score_total", "score_count") SELECT '
    "coalesce(new.salesperson_id, 0), substr(new.planned_start, 1, 7), (1), (new.status = 'done'), (new.status = "
    "'missed'), (new.status = 'cancelled'), (coalesce(CASE WHEN new.status = 'done' THEN new.satisfaction END, "
    "0)), (new.status = 'done' AND new.satisfaction IS NOT NULL) WHERE new.deleted_at IS NULL ON CONFLICT "
    '(month, salesperson_id) DO UPDATE SET planned = planned + excluded.planned, done = done + excluded.done, '
    'missed = missed + excluded.missed, cancelled = cancelled + excluded.cancelled, score_total = score_total + '
    'excluded.score_total, score_count = score_count + excluded.score_count; END',
    'CREATE TRIGGER "visit_month_delete" AFTER DELETE ON "visit" BEGIN INSERT INTO "visit_month" '
    '("salesperson_id", "month", "planned", "done", "missed", "cancelled", "score_total", "score_count") SELECT '
    "coalesce(old.salesperson_id, 0), substr(old.planned_start, 1, 7), -(1), -(old.status = 'done'), "
    "-(old.status = 'missed'), -(old.status = 'cancelled'), -(coalesce(CASE WHEN old.status = 'done' THEN "
    "old.satisfaction END, 0)), -(old.status = 'done' AND old.satisfaction IS NOT NULL) WHERE old.deleted_at IS "
    'NULL ON CONFLICT (month, salesperson_id) DO UPDATE SET planned = planned + excluded.planned, done = done + '
    'excluded.done, missed = missed + excluded.missed, cancelled = cancelled + excluded.cancelled, score_total = '
    'score_total + excluded.score_total, score_count = score_count + excluded.score_count; END',
    'INSERT INTO "visit_month" ("salesperson_id", "month", "planned", "done", "missed", "cancelled", '
    '"score_total", "score_count") SELECT coalesce(v.salesperson_id, 0), substr(v.planned_start, 1, 7), sum(1), '
    "sum(v.status = 'done'), sum(v.status = 'missed'), sum(v.status = 'cancelled'), sum(coalesce(CASE WHEN "
    "v.status = 'done' THEN v.satisfaction END, 0)), sum(v.status = 'done' AND v.satisfaction IS NOT NULL) FROM "
    'visit v WHERE v.deleted_at IS NULL GROUP BY 1, 2',
)


def up(db: SqliteDatabase) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
