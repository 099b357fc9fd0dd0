"""The customers behind the team KPIs (`KpiService.customer_ids`, the dashboard's click-through) on the KPI tests'
hand-built team history (tests/unit/services/test_kpis.py): as many as the report counted, for each salesperson and
the whole team, and the very customers the README's definitions name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.services.kpis import CUSTOMER_KPIS
from tests.conftest import ENGINES, ServerDatabases
from tests.unit.services.test_kpis import END, START, TODAY, build_team

# Which part of each figure the ids are: the numerator (or the count), or with "_base" the denominator.
COUNTED = {"new_customers": "value", "lost_customers": "value", "retention": "numerator",
           "retention_base": "denominator", "follow_up_on_time": "numerator", "follow_up_on_time_base": "denominator"}


@pytest.fixture(scope="module", params=ENGINES)
def team(request: pytest.FixtureRequest, tmp_path_factory):
    """The KPI tests' team in a file and on a team server (both engines)."""
    servers = ServerDatabases(request) if request.param == "postgresql" else None
    built = build_team(servers.make("team") if servers else Path(tmp_path_factory.mktemp("kpi_ids")) / "team.db")
    yield built
    built[0].close()
    if servers:
        servers.drop()


def counted(row, key: str) -> int:
    figure = row[key.removesuffix("_base")]
    return int(getattr(figure, COUNTED[key]) or 0)


@pytest.mark.parametrize(("start", "end"), [
    (START, END),  # a whole month
    (dt.date(2027, 2, 15), dt.date(2027, 3, 20)),  # days of two months: the order lines by day
    (dt.date(2027, 2, 10), END),  # some days, then a whole month
    (dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
])
def test_as_many_ids_as_the_report_counts(team, start, end):
    ws, _people, _ids = team
    report = ws.kpis.report(start, end, today=TODAY)
    for row in [*report.rows, report.total]:
        for key in COUNTED:
            ids = ws.kpis.customer_ids(key, start, end, row.salesperson_id)
            assert len(ids) == counted(row, key), (row.name, key)
            assert len(set(ids)) == len(ids)
        orders = ws.kpis.customer_ids("average_order_value", start, end, row.salesperson_id)
        assert bool(orders) == bool(row["average_order_value"].denominator), row.name
        assert ws.kpis.customer_ids("revenue", start, end, row.salesperson_id) == orders


def test_the_customers_named_by_each_definition(team):
    ws, people, ids = team
    li, wang, zhao = people["li"], people["wang"], people["zhao"]

    def behind(key: str, owner: int | None) -> list[int]:
        return ws.kpis.customer_ids(key, START, END, owner)

    assert behind("new_customers", li) == [ids["new"]]  # added 25 March
    assert behind("new_customers", None) == [ids["new"]]
    assert behind("lost_customers", zhao) == [ids["shan"]] and behind("lost_customers", li) == []
    assert behind("lost_customers", None) == [ids["shan"]]
    assert behind("retention", li) == [ids["huaxin"]]  # ordered in February and again in March
    assert behind("retention_base", li) == sorted([ids["huaxin"], ids["brown"]])  # ordered in February
    assert behind("retention", wang) == [ids["zeng"]]
    assert behind("follow_up_on_time", li) == sorted([ids["zhang"], ids["new"]])
    assert behind("follow_up_on_time_base", li) == sorted([ids["huaxin"], ids["brown"], ids["zhang"], ids["new"]])
    # revenue: the lines' salesperson, else the customer's owner; most revenue in the period first
    assert behind("revenue", li) == [ids["huaxin"], ids["zhang"]]  # 1,500.00 (SO-1) and 200.00
    assert behind("revenue", wang) == [ids["zeng"], ids["zhang"]]  # 400.00 (no salesperson) and his 50.00 line
    assert behind("revenue", None) == [ids["huaxin"], ids["zeng"], ids["zhang"]]  # 250.00 for 张伟 in all
    assert behind("revenue", zhao) == []


def test_every_figure_is_known_and_the_period_checked(team):
    ws, people, _ids = team
    assert "revenue" in CUSTOMER_KPIS
    with pytest.raises(ValueError):
        ws.kpis.customer_ids("visits_done", START, END, people["li"])  # no customers behind it
    with pytest.raises(ValueError):
        ws.kpis.customer_ids("new_customers", END, START)
