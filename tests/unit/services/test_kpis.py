"""Team KPIs (services/kpis) on a hand-built team history with known answers, through the real services and a real
SQLite file. The services stamp the real clock on what they create (customers, the change log); the history is
then moved to fixed days with plain SQL, so nothing here depends on today's date.

The period is March 2027 (previous period: 29 January - 28 February); "overdue now" is counted on 10 April 2027.
- 李娜 (on the team since 2026; targets 10,000.00 and 10 visits a month): customers 华信 (A), Brown (A), 张伟 (C),
  新客户 (C, added 25 March); 王强 (joined 16 March; targets 3,100.00 and 31 visits): 曾伟 (B);
  赵六 (deactivated 10 March; target 3,100.00): 单丽 (C, marked lost 8 March); 钱七 (deactivated, nothing).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.db import order_values
from keepclient.db.models import Customer, Purchase
from keepclient.services.workspace import Workspace

START, END, TODAY = dt.date(2027, 3, 1), dt.date(2027, 3, 31), dt.date(2027, 4, 10)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour)


def build_team(path: Path | str) -> tuple[Workspace, dict[str, int], dict[str, int]]:
    """The team history above in a new database file (or on a team server: `path` its address); the workspace
    stays open."""
    ws = Workspace.open(path, user="tester")
    t = ws.team
    li, wang, zhao, qian = (t.add(name) for name in ("李娜", "王强", "赵六", "钱七"))
    t.set_targets(li, t.targets(li)[2], revenue_cents=1_000_000, visits=10)
    t.set_targets(wang, t.targets(wang)[2], revenue_cents=310_000, visits=31)
    t.set_targets(zhao, t.targets(zhao)[2], revenue_cents=310_000)
    c = ws.editor
    ids = {
        "huaxin": c.create("上海华信贸易有限公司", owner=li, tier="A"),
        "brown": c.create("Brown Foods Ltd", owner=li, tier="A"),
        "zhang": c.create("张伟", kind="person", owner=li, tier="C"),
        "new": c.create("新客户", owner=li, tier="C"),
        "zeng": c.create("曾伟", kind="person", owner=wang, tier="B"),
        "shan": c.create("单丽", kind="person", owner=zhao, tier="C"),
    }
    v = ws.visits

    def visit(customer: str, day: str, status: str | None, satisfaction: int | None = None, who: int = li) -> None:
        vid = v.plan(ids[customer], start=at(day), salesperson_id=who)[0]
        if status:
            v.log_outcome(vid, version=v.get(vid).version, status=status, satisfaction=satisfaction,
                          next_follow_up=dt.date(2027, 6, 1))

    visit("brown", "2027-02-20", "done")  # the previous period: not counted
    visit("huaxin", "2027-03-05", "done", 5)
    visit("zhang", "2027-03-20", "done", 3)
    visit("huaxin", "2027-03-28", None)  # still planned
    visit("zeng", "2027-03-20", "missed", who=wang)
    visit("zeng", "2027-03-25", "cancelled", who=wang)
    f = ws.feedback
    # normal severity: answered in 6 h (target 24 working hours), resolved in 48 h (7 working days), closed with 4
    f1 = f.create(ids["huaxin"], description="发票错误", received_at=at("2027-03-02", 9))
    version = f.advance(f1, 1, "in_progress", at=at("2027-03-02", 15))
    version = f.advance(f1, version, "resolved", at=at("2027-03-04", 9))
    version = f.advance(f1, version, "replied", at=at("2027-03-04", 10))
    f.advance(f1, version, "closed", satisfaction=4, at=at("2027-03-05", 9))
    # high severity: answered after 24 h (target 8 working hours), resolved after 240 h (3 working days): both late
    f2 = f.create(ids["zhang"], description="送货延迟", severity="high", received_at=at("2027-03-10"))
    version = f.advance(f2, 1, "in_progress", at=at("2027-03-11"))
    f.advance(f2, version, "resolved", at=at("2027-03-20"))
    f.create(ids["brown"], description="价格", received_at=at("2027-02-25"))  # the previous period
    o = ws.orders
    o.add(ids["huaxin"], date=dt.date(2027, 2, 10), amount_cents=10_000, today=TODAY)
    o.add(ids["huaxin"], date=dt.date(2027, 3, 3), amount_cents=100_000, order_no="SO-1", product="A", today=TODAY)
    o.add(ids["huaxin"], date=dt.date(2027, 3, 3), amount_cents=50_000, order_no="SO-1", product="B", today=TODAY)
    o.add(ids["zhang"], date=dt.date(2027, 3, 15), amount_cents=20_000, today=TODAY)
    o.add(ids["zhang"], date=dt.date(2027, 3, 22), amount_cents=5_000, salesperson_id=wang, today=TODAY)
    o.add(ids["brown"], date=dt.date(2027, 2, 15), amount_cents=30_000, today=TODAY)
    o.add(ids["zeng"], date=dt.date(2027, 2, 1), amount_cents=7_000, today=TODAY)
    with ws.db.session():
        version = Customer.get_by_id(ids["shan"]).version
    ws.insights.mark_lost(ids["shan"], version, "price", today=dt.date(2027, 3, 8))
    t.deactivate(zhao, t.targets(zhao)[2])
    t.deactivate(qian, t.targets(qian)[2])
    with ws.db.write() as pw:
        # an imported line without a salesperson: counted for the customer's owner (王强)
        Purchase.insert(customer=ids["zeng"], date=dt.date(2027, 3, 18), amount_cents=40_000, order_key="").execute()
        order_values.refresh(pw, [ids["zeng"]], TODAY)  # as every write path of order lines does
        pw.execute_sql("UPDATE customer SET created_at = '2026-06-01 09:00:00'")
        pw.execute_sql("UPDATE customer SET created_at = '2027-03-25 09:00:00' WHERE id = ?", [ids["new"]])
        pw.execute_sql("UPDATE salesperson SET created_at = '2026-01-01 09:00:00'")
        pw.execute_sql("UPDATE salesperson SET created_at = '2027-03-16 09:00:00' WHERE id = ?", [wang])
        pw.execute_sql("UPDATE change_log SET changed_at = '2027-03-08 11:00:00' WHERE table_name = 'customer' "
                       "AND field = 'stage'")
        pw.execute_sql("UPDATE change_log SET changed_at = '2027-03-10 17:00:00' WHERE table_name = 'salesperson' "
                       "AND field = 'active'")
        for key, day in (("huaxin", "2027-03-19"), ("brown", "2027-03-06"), ("zhang", "2027-06-18"),
                         ("new", "2027-04-01"), ("zeng", "2027-04-15"), ("shan", "2027-01-01")):
            pw.execute_sql("UPDATE customer SET next_follow_up = ? WHERE id = ?", [day, ids[key]])
    return ws, {"li": li, "wang": wang, "zhao": zhao, "qian": qian}, ids


@pytest.fixture
def team(new_database):
    """The team in a file and on a team server (both engines)."""
    built = build_team(new_database("team"))
    yield built
    built[0].close()


def values(row, *keys: str):
    return [row[key].value for key in keys]


def test_each_kpi_of_a_salesperson(team):
    ws, _people, _ids = team
    report = ws.kpis.report(START, END, today=TODAY)
    assert [(r.name, r.active) for r in report.rows] == [("李娜", True), ("王强", True), ("赵六", False)]
    li, wang, zhao = report.rows
    assert values(li, "visits_planned", "visits_done", "visits_missed", "visits_cancelled") == [3, 2, 0, 0]
    assert values(wang, "visits_planned", "visits_done", "visits_missed", "visits_cancelled") == [2, 0, 1, 1]
    # follow-up on time as of 31 March: 张伟 (C, 11 days after the 20 March visit) and 新客户 (added 25 March,
    # weekly while new: 6 days); not 华信 (A: 26 days since 5 March) nor Brown (A: 39 days since 20 February)
    assert (li["follow_up_on_time"].numerator, li["follow_up_on_time"].denominator) == (2, 4)
    assert li["follow_up_on_time"].value == 0.5
    assert values(wang, "follow_up_on_time") == [0.0]  # 曾伟 never contacted since June 2026
    assert (li["overdue_now"].value, li["overdue_now"].denominator) == (3, 4)  # 华信, Brown, 新客户 on 10 April
    assert values(wang, "overdue_now", "a_coverage") == [0, None]  # no A customers: no share
    assert (li["a_coverage"].numerator, li["a_coverage"].denominator) == (1, 2)  # 华信 visited, Brown not
    response, resolution = li["response_median"], li["resolution_median"]
    assert (response.value, response.sample, response.target) == (15.0, 2, 24.0)  # median of 6 h and 24 h
    assert (resolution.value, resolution.sample, resolution.target) == (144.0, 2, 168.0)  # of 48 h and 240 h
    assert values(li, "response_on_time", "resolution_on_time") == [0.5, 0.5]
    assert (wang["response_median"].value, wang["response_median"].sample) == (None, 0)
    assert li["satisfaction"].value == 4.0 and li["satisfaction"].denominator == 3  # visits 5 and 3, feedback 4
    assert li["retention"].value == 0.5  # 华信 and Brown ordered in February, only 华信 again in March
    assert wang["retention"].value == 1.0  # 曾伟: February and March (the line without a salesperson)
    assert values(li, "new_customers", "lost_customers") == [1, 0]
    assert values(zhao, "lost_customers") == [1]
    assert li["revenue"].value == 170_000 and wang["revenue"].value == 45_000  # 王强: 40,000 owner + 5,000 his line
    assert li["average_order_value"].value == 85_000  # SO-1 (two lines) and 张伟's order
    assert li["average_order_value"].denominator == 2


def test_targets_pro_rata_for_joiners_and_leavers(team):
    ws, _people, _ids = team
    report = ws.kpis.report(START, END, today=TODAY)
    li, wang, zhao = report.rows
    assert (li.revenue_target_cents, li.visit_target) == (1_000_000, 10)
    assert li["revenue"].target == 1_000_000 and li["revenue"].attainment == pytest.approx(0.17)
    assert li["visits_done"].target == 10 and li["visits_done"].attainment == pytest.approx(0.2)
    assert wang.revenue_target_cents == pytest.approx(160_000)  # joined 16 March: 16 of 31 days
    assert wang.visit_target == pytest.approx(16)
    assert zhao.revenue_target_cents == pytest.approx(100_000)  # deactivated 10 March: 10 of 31 days
    assert zhao["visits_done"].target is None  # no visit target
    assert report.total.revenue_target_cents == pytest.approx(1_260_000)


def test_team_total_and_monthly_figures(team):
    ws, people, _ids = team
    report = ws.kpis.report(START, END, today=TODAY)
    total = report.total
    assert total.salesperson_id is None
    assert values(total, "visits_planned", "visits_done", "visits_missed", "revenue", "new_customers",
                  "lost_customers") == [5, 2, 1, 215_000, 1, 1]
    assert (total["follow_up_on_time"].numerator, total["follow_up_on_time"].denominator) == (2, 6)
    assert (total["retention"].numerator, total["retention"].denominator) == (2, 3)
    assert total["response_median"].sample == 2 and total["average_order_value"].denominator == 4
    assert [(m.salesperson_id, m.month, m.visits_done, m.revenue_cents) for m in report.monthly] == [
        (people["li"], "2027-03", 2, 170_000), (people["wang"], "2027-03", 0, 45_000),
        (people["zhao"], "2027-03", 0, 0)]
    assert report.monthly[0].revenue_target_cents == 1_000_000
    assert report.rows[0]["follow_up_on_time"].text() == "2 of 4"
    assert report.rows[0]["response_median"].text() == "median of 2 items, target 24 h"
    assert report.rows[0]["revenue"].text() == "1700.00 against a target of 10000.00"
    data = report.as_dict()
    assert data["salespeople"][0]["kpis"]["retention"] == {"value": 0.5, "numerator": 1.0, "denominator": 2.0,
                                                          "sample": None, "target": None, "attainment": None}


def test_chosen_salespeople_include_a_deactivated_one_without_activity(team):
    ws, people, _ids = team
    report = ws.kpis.report(START, END, [people["qian"], people["wang"]], today=TODAY)
    assert [r.name for r in report.rows] == ["钱七", "王强"]
    qian = report.rows[0]
    assert values(qian, "visits_planned", "revenue", "follow_up_on_time", "satisfaction") == [0, 0, None, None]
    assert report.total["revenue"].value == 45_000  # the chosen ones only


def test_a_period_without_data(team):
    ws, _people, _ids = team
    report = ws.kpis.report(dt.date(2030, 1, 1), dt.date(2030, 1, 31), today=TODAY)
    li = report.rows[0]
    assert values(li, "visits_planned", "visits_done", "revenue", "new_customers", "lost_customers") == [0] * 5
    assert values(li, "response_median", "satisfaction", "retention", "average_order_value") == [None] * 4
    assert li["response_median"].sample == 0
    assert li["satisfaction"].text() == "nothing to count"
    assert li["overdue_now"].value == 3  # counted on `today`, whatever the period
    assert li["follow_up_on_time"].value == 0.0  # as of 31 January 2030 nobody is within cadence


def test_a_period_before_anyone_joined(team):
    ws, _people, _ids = team
    report = ws.kpis.report(dt.date(2025, 1, 1), dt.date(2025, 12, 31), today=TODAY)
    li = report.rows[0]
    assert li.revenue_target_cents == 0 and li["follow_up_on_time"].denominator == 0  # no customers yet
    assert li["follow_up_on_time"].value is None


def test_period_must_not_end_before_it_starts(team):
    ws, _people, _ids = team
    with pytest.raises(ValueError):
        ws.kpis.report(END, START)


def test_targets_are_version_checked(team):
    from keepclient.domain.errors import ConflictError, ValidationError

    ws, people, _ids = team
    revenue, visits, version = ws.team.targets(people["li"])
    assert (revenue, visits) == (1_000_000, 10)
    ws.team.set_targets(people["li"], version, visits=12)
    with pytest.raises(ConflictError):
        ws.team.set_targets(people["li"], version, visits=14)  # a colleague saved in between
    with pytest.raises(ValidationError):
        ws.team.set_targets(people["li"], version + 1, revenue_cents=-1)
    assert ws.team.targets(people["li"])[:2] == (1_000_000, 12)


def test_a_salesperson_edit_may_carry_the_targets(team):
    ws, people, _ids = team
    version = ws.team.targets(people["wang"])[2]
    ws.team.update(people["wang"], version, {"email": "wang@example.com", "monthly_visit_target": 40,
                                             "monthly_revenue_target_cents": 0})
    assert ws.team.targets(people["wang"]) == (0, 40, version + 1)
    assert ws.team.salesperson(people["wang"])[0].email == "wang@example.com"


def test_long_periods_read_the_tables_straight_through_with_the_same_answers(team, monkeypatch):
    from keepclient.services import kpis as service

    ws, _people, _ids = team
    through_indexes = ws.kpis.report(START, END, today=TODAY, now=dt.datetime(2027, 4, 10)).as_dict()
    monkeypatch.setattr(service, "FULL_SCAN_DAYS", 0)
    assert ws.kpis.report(START, END, today=TODAY, now=dt.datetime(2027, 4, 10)).as_dict() == through_indexes
