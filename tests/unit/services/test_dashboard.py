"""The Dashboard tab's own figures (services/dashboard): customers at risk by owner, and the 12-month revenues
behind the Pareto curve, read from the figures stored on each customer (set here with plain SQL), and the satisfaction
scores by month behind the satisfaction trend."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain.kpis import MonthScores
from tests.unit.services.test_kpis import END, START, team  # noqa: F401  (the fixture: the KPI tests' hand-built team)


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


def test_the_report_brings_the_satisfaction_scores_by_month_from_done_visits_and_feedback(team):  # noqa: F811
    ws, people, ids = team
    li, wang = people["li"], people["wang"]
    v = ws.visits

    def visit(day: dt.date, status: str, score: int | None, who: int | None) -> int:
        vid = v.plan(ids["zeng"], start=dt.datetime.combine(day, dt.time(10)), salesperson_id=who)[0]
        v.log_outcome(vid, version=v.get(vid).version, status=status, satisfaction=score)
        return vid

    visit(dt.date(2027, 1, 12), "done", 2, wang)
    visit(dt.date(2027, 1, 20), "done", 5, wang)
    visit(dt.date(2027, 1, 21), "missed", 1, wang)  # only done visits' scores count
    unassigned = visit(dt.date(2027, 2, 3), "done", 1, wang)
    gone = visit(dt.date(2027, 2, 4), "done", 1, wang)
    with ws.db.write() as pw:
        pw.execute_sql("UPDATE visit SET salesperson_id = NULL WHERE id = ?", [unassigned])
        pw.execute_sql("UPDATE visit SET deleted_at = '2027-02-05 10:00:00' WHERE id = ?", [gone])
        pw.execute_sql("UPDATE feedback SET satisfaction = 3 WHERE received_at < '2027-03-01'")  # 李娜's, February
    first = dt.date(2027, 1, 1)
    assert ws.kpis.report(first, END).scores == [
        MonthScores(0, "2027-02", 1.0, 1),
        MonthScores(li, "2027-02", 3.0, 1),
        MonthScores(li, "2027-03", 12.0, 3),  # visits 5 and 3, feedback 4 (tests/unit/services/test_kpis.py)
        MonthScores(wang, "2027-01", 7.0, 2),
    ]
    assert ws.kpis.report(first, END, [wang]).scores == [MonthScores(wang, "2027-01", 7.0, 2)]
    assert ws.kpis.report(first, END, []).scores == []
    assert ws.kpis.report(dt.date(2027, 4, 1), dt.date(2027, 4, 30)).scores == []
    # the months add up to the KPI of the period, for each salesperson and the whole team (short and long periods)
    for start in (START, first):
        report = ws.kpis.report(start, END)
        scores = report.scores
        for row in [*report.rows, report.total]:
            mine = [s for s in scores if row.salesperson_id is None or s.salesperson_id == row.salesperson_id]
            figure = row["satisfaction"]
            assert figure.denominator == sum(s.scores for s in mine)
            if mine:
                assert figure.value == pytest.approx(sum(s.total for s in mine) / sum(s.scores for s in mine))
