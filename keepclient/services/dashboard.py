"""What the Dashboard tab shows beside the team KPIs (services/kpis.py): customers at risk by owner and the
12-month revenues behind the revenue Pareto curve (both read the figures stored on each customer by the value and
risk recompute, services/insights.py), and the satisfaction scores by month behind the satisfaction trend. One
query each; read-only, callable on a worker thread (then `Database.release_thread`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from keepclient.db.connection import Database
from keepclient.services.insights import load_settings
from keepclient.services.kpis import FULL_SCAN_DAYS

UNASSIGNED = 0  # the owner key of customers without an owner

# The scores behind "Average satisfaction" (services/kpis.py) by salesperson and month: done visits planned in the
# period (by the visit's salesperson and planned month) and feedback received in it (by its owner and month of
# receipt). A long period reads the narrow covering indexes the KPIs read, a short one the date indexes.
_SATISFACTION = """
SELECT sid, month, sum(score), count(*) FROM (
    SELECT coalesce(v.salesperson_id, 0) AS sid, substr(v.planned_start, 1, 7) AS month, v.satisfaction AS score
    FROM visit v {visit_scan}
    WHERE v.deleted_at IS NULL AND v.status = 'done' AND v.satisfaction IS NOT NULL
      AND v.planned_start >= ? AND v.planned_start < ?{visit_owners}
    UNION ALL
    SELECT coalesce(f.owner_id, 0), substr(f.received_at, 1, 7), f.satisfaction
    FROM feedback f {feedback_scan}
    WHERE f.deleted_at IS NULL AND f.satisfaction IS NOT NULL
      AND f.received_at >= ? AND f.received_at < ?{feedback_owners}
)
GROUP BY sid, month
"""


class MonthScores(NamedTuple):
    """The satisfaction scores of one salesperson (UNASSIGNED: of no one) in one month ("YYYY-MM")."""

    salesperson_id: int
    month: str
    total: float
    scores: int  # how many

    @property
    def average(self) -> float:
        return self.total / self.scores if self.scores else 0.0


def _owners(owner_ids: Sequence[int] | None, column: str = "owner_id") -> tuple[str, list[Any]]:
    """" AND owner_id IN (…)" for the chosen owners; nothing for the whole team."""
    if owner_ids is None:
        return "", []
    ids = list(dict.fromkeys(int(i) for i in owner_ids))
    return f" AND {column} IN ({', '.join('?' * len(ids)) or 'NULL'})", ids


class DashboardService:
    def __init__(self, db: Database, user: str = "") -> None:
        self.db = db
        self.user = user

    def at_risk_by_owner(self, owner_ids: Sequence[int] | None = None) -> dict[int, int]:
        """How many live customers each owner has at or above the team's at-risk threshold (the At risk view's
        customers), by owner id (UNASSIGNED: no owner; owners with none are left out); of `owner_ids` only when
        given. One GROUP BY over the risk index."""
        where, params = _owners(owner_ids)
        with self.db.session() as pw:
            threshold = load_settings().at_risk_threshold
            rows = pw.execute_sql(
                "SELECT coalesce(owner_id, 0), count(*) FROM customer WHERE deleted_at IS NULL AND risk_score >= ?"
                f"{where} GROUP BY 1", [threshold, *params]).fetchall()
        return {int(owner): int(number) for owner, number in rows}

    def revenues_12m(self, owner_ids: Sequence[int] | None = None) -> list[int]:
        """Every live customer's last-12-months revenue in cents (as of the last value recompute), biggest first:
        the revenue Pareto curve's input; the customers of `owner_ids` only when given."""
        where, params = _owners(owner_ids)
        # the whole team in the order of the (deleted_at, revenue_12m_cents, …) index, read alone (the planner
        # would rather read the risk index and every customer's row, then sort: 8x slower on 100,000 customers)
        scan = "" if owner_ids is not None else " INDEXED BY customer_deleted_at_revenue_12m_cents_sort_key"
        with self.db.session() as pw:
            rows = pw.execute_sql(
                f"SELECT revenue_12m_cents FROM customer{scan} WHERE deleted_at IS NULL{where} "
                "ORDER BY revenue_12m_cents DESC", params).fetchall()
        return [int(revenue or 0) for (revenue,) in rows]

    def satisfaction_by_month(self, start: dt.date, end: dt.date, salesperson_ids: Sequence[int] | None = None,
                              ) -> list[MonthScores]:
        """The scores behind the KPI "Average satisfaction" of `start`..`end` (days included) by salesperson and
        month: their done visits' scores (by planned month) and their feedback's (by month received); for the whole
        team also the records without a salesperson (UNASSIGNED), else only those of `salesperson_ids`. Months
        without a score are left out. One GROUP BY."""
        visit_owners, visit_ids = _owners(salesperson_ids, "v.salesperson_id")
        feedback_owners, feedback_ids = _owners(salesperson_ids, "f.owner_id")
        long = (end - start).days >= FULL_SCAN_DAYS
        sql = _SATISFACTION.format(
            visit_scan="INDEXED BY visit_live_salesperson_id_planned_start" if long else "",
            feedback_scan="INDEXED BY feedback_live_received_at" if long else "",
            visit_owners=visit_owners, feedback_owners=feedback_owners)
        first, after = start.isoformat(), (end + dt.timedelta(days=1)).isoformat()
        with self.db.session() as pw:
            rows = pw.execute_sql(sql, [first, after, *visit_ids, first, after, *feedback_ids]).fetchall()
        return sorted(MonthScores(int(sid), str(month), float(total or 0), int(count))
                      for sid, month, total, count in rows)
