"""Visits by salesperson and calendar month, counted by status, kept by SQLite triggers on visit.

The team KPIs of a year count every visit of the period by salesperson, month and status (about 340,000 for a
100,000-customer team); with these figures the period's whole months are read from a few hundred rows and only its
first and last partial months from the visits. Triggers keep them, as db/last_done.py keeps each customer's last
done visit: every path that writes visits goes through them, in the writer's transaction. Derived: no version, no
change log. Visits in the trash are not counted; salesperson 0 holds the visits without one.
"""

from __future__ import annotations

_KEY = "coalesce({r}.salesperson_id, 0), substr({r}.planned_start, 1, 7)"
_COUNTS = ("{s}(1), {s}({r}.status = 'done'), {s}({r}.status = 'missed'), {s}({r}.status = 'cancelled'), "
           "{s}(coalesce(CASE WHEN {r}.status = 'done' THEN {r}.satisfaction END, 0)), "
           "{s}({r}.status = 'done' AND {r}.satisfaction IS NOT NULL)")
_COLUMNS = '("salesperson_id", "month", "planned", "done", "missed", "cancelled", "score_total", "score_count")'
_ADD = ("ON CONFLICT (month, salesperson_id) DO UPDATE SET planned = planned + excluded.planned, "
        "done = done + excluded.done, missed = missed + excluded.missed, "
        "cancelled = cancelled + excluded.cancelled, score_total = score_total + excluded.score_total, "
        "score_count = score_count + excluded.score_count")


def _count(row: str, sign: str) -> str:
    """One visit's row (`new` or `old`) added to (sign "") or taken from (sign "-") its month's figures."""
    return (f'INSERT INTO "visit_month" {_COLUMNS} SELECT {_KEY.format(r=row)}, {_COUNTS.format(r=row, s=sign)} '
            f"WHERE {row}.deleted_at IS NULL {_ADD};")


CREATE_SQL = (
    'CREATE TABLE "visit_month" ("salesperson_id" INTEGER NOT NULL, "month" TEXT NOT NULL, '
    '"planned" INTEGER NOT NULL, "done" INTEGER NOT NULL, "missed" INTEGER NOT NULL, "cancelled" INTEGER NOT NULL, '
    '"score_total" INTEGER NOT NULL, "score_count" INTEGER NOT NULL, PRIMARY KEY ("month", "salesperson_id")) '
    "WITHOUT ROWID",
    f'CREATE TRIGGER "visit_month_insert" AFTER INSERT ON "visit" BEGIN {_count("new", "")} END',
    'CREATE TRIGGER "visit_month_update" AFTER UPDATE OF "salesperson_id", "planned_start", "status", '
    f'"satisfaction", "deleted_at" ON "visit" BEGIN {_count("old", "-")} {_count("new", "")} END',
    f'CREATE TRIGGER "visit_month_delete" AFTER DELETE ON "visit" BEGIN {_count("old", "-")} END',
)
# The same figures summed over the visits `v` a query groups: what the KPIs read for the days outside whole months.
SUMMED = _COUNTS.format(r="v", s="sum")
RECOUNT_ALL = (
    'DELETE FROM "visit_month"',
    f'INSERT INTO "visit_month" {_COLUMNS} SELECT {_KEY.format(r="v")}, {SUMMED} '
    "FROM visit v WHERE v.deleted_at IS NULL GROUP BY 1, 2",
)
