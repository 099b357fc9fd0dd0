"""The Dashboard tab's own figures (services/dashboard): customers at risk by owner, and the 12-month revenues
behind the Pareto curve, read from the figures stored on each customer (set here with plain SQL)."""

from __future__ import annotations

from tests.unit.services.test_kpis import team  # noqa: F401  (the fixture: the KPI tests' hand-built team)


def _stored(ws, ids, risk: dict[str, int], revenue: dict[str, int]) -> None:
    with ws.db.write() as pw:
        pw.execute_sql("UPDATE customer SET risk_score = 0, revenue_12m_cents = 0")
        for key, score in risk.items():
            pw.execute_sql("UPDATE customer SET risk_score = ? WHERE id = ?", [score, ids[key]])
        for key, cents in revenue.items():
            pw.execute_sql("UPDATE customer SET revenue_12m_cents = ? WHERE id = ?", [cents, ids[key]])


def test_at_risk_by_owner_counts_those_at_the_threshold(team):  # noqa: F811
    ws, people, ids = team
    _stored(ws, ids, {"huaxin": 80, "brown": 50, "zhang": 49, "zeng": 70}, {})
    assert ws.dashboard.at_risk_by_owner() == {people["li"]: 2, people["wang"]: 1}  # the default threshold: 50
    assert ws.dashboard.at_risk_by_owner([people["wang"], people["zhao"]]) == {people["wang"]: 1}
    assert ws.dashboard.at_risk_by_owner([]) == {}
    ws.insights.set_settings({"at_risk_threshold": 75})
    assert ws.dashboard.at_risk_by_owner() == {people["li"]: 1}


def test_at_risk_leaves_out_the_trash_and_counts_customers_without_an_owner(team):  # noqa: F811
    ws, people, ids = team
    _stored(ws, ids, {"huaxin": 80, "brown": 90, "zeng": 70}, {})
    with ws.db.write() as pw:
        pw.execute_sql("UPDATE customer SET deleted_at = '2027-03-01 10:00:00' WHERE id = ?", [ids["brown"]])
        pw.execute_sql("UPDATE customer SET owner_id = NULL WHERE id = ?", [ids["zeng"]])
    assert ws.dashboard.at_risk_by_owner() == {people["li"]: 1, 0: 1}


def test_revenues_for_the_pareto_curve_biggest_first(team):  # noqa: F811
    ws, people, ids = team
    _stored(ws, ids, {}, {"huaxin": 150_000, "zhang": 25_000, "zeng": 45_000})
    assert ws.dashboard.revenues_12m() == [150_000, 45_000, 25_000, 0, 0, 0]
    assert ws.dashboard.revenues_12m([people["wang"]]) == [45_000]
