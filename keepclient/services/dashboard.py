"""What the Dashboard tab shows beside the team KPIs (services/kpis.py, whose report also brings the satisfaction
scores by month behind the satisfaction trend): customers at risk by owner and the 12-month revenues behind the
revenue Pareto curve, both read from the figures stored on each customer by the value and risk recompute
(services/insights.py). One query each; read-only, callable on a worker thread (then `Database.release_thread`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from keepclient.db.connection import Database
from keepclient.domain.kpis import KpiReport
from keepclient.domain.pareto import pareto_points
from keepclient.services.insights import load_settings
from keepclient.services.kpis import KpiService


def _owners(owner_ids: Sequence[int] | None) -> tuple[str, list[Any]]:
    """" AND owner_id IN (…)" for the chosen owners; nothing for the whole team."""
    if owner_ids is None:
        return "", []
    ids = list(dict.fromkeys(int(i) for i in owner_ids))
    return f" AND owner_id IN ({', '.join('?' * len(ids)) or 'NULL'})", ids


class DashboardData(NamedTuple):
    """What one count brings back to the Dashboard tab: plain data only."""

    report: KpiReport
    at_risk: dict[int, int]  # customers at risk by owner id (0: no owner)
    pareto: list[tuple[float, float]]  # the revenue Pareto curve of the customers in scope (domain/pareto.py)
    whole_team: bool


class DashboardService:
    def __init__(self, db: Database, user: str = "") -> None:
        self.db = db
        self.user = user

    def count(self, start: dt.date, end: dt.date, ids: Sequence[int] | None, today: dt.date) -> DashboardData:
        """Everything the tab shows for `start`..`end` and the chosen salespeople (None: the whole team), on the
        calling (worker) thread: the KPI report, and beside it on one of the database's reader threads the
        customers at risk and the Pareto curve."""
        chosen = None if ids is None else list(ids)

        def extras(_pw: Any) -> tuple[dict[int, int], list[tuple[float, float]]]:
            return self.at_risk_by_owner(chosen), pareto_points(self.revenues_12m(chosen))

        others = self.db.read_beside(extras)
        report = KpiService(self.db, self.user).report(start, end, chosen, today=today)
        at_risk, pareto = others.result()
        return DashboardData(report, at_risk, pareto, chosen is None)

    def at_risk_by_owner(self, owner_ids: Sequence[int] | None = None) -> dict[int, int]:
        """How many live customers each owner has at or above the team's at-risk threshold (the At risk view's
        customers), by owner id (0: no owner; owners with none are left out); of `owner_ids` only when
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
