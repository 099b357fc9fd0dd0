"""The customer list's order columns: sorting by revenue and last order walks their indexes (no sort step), and
"no order for more than N days" keeps customers who never ordered."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.services.customer_query import order_clause, where_clause
from tests import small_team

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, _people = small_team.build(new_database("team"))
    orders = ws.orders
    orders.add(ids["brown"], date=TODAY - dt.timedelta(days=5), amount_cents=900_000, today=TODAY)
    orders.add(ids["huaxin"], date=TODAY - dt.timedelta(days=40), amount_cents=120_000, today=TODAY)
    orders.add(ids["huaxin"], date=TODAY - dt.timedelta(days=200), amount_cents=30_000, today=TODAY)
    orders.add(ids["zeng"], date=TODAY - dt.timedelta(days=120), amount_cents=50_000, today=TODAY)
    yield ws, ids
    ws.close()


@pytest.mark.parametrize(("sort", "index"), [("revenue_12m", "customer_deleted_at_revenue_12m_cents_sort_key"),
                                             ("last_order", "customer_deleted_at_last_order_sort_key")])
@pytest.mark.parametrize("descending", [True, False])
def test_sorting_by_order_figures_walks_their_index(team, sort, index, descending):
    ws, _ids = team
    if ws.db.engine != "sqlite":
        pytest.skip("SQLite's query plan (a server's planner chooses by its own statistics)")
    flt = CustomerFilter(sort=sort, descending=descending)
    where, params = where_clause(flt, TODAY)
    plan = " | ".join(row[-1] for row in ws.db.pw.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT c.id FROM customer c WHERE {where} ORDER BY {order_clause(flt)} LIMIT 100",
        params))
    assert index in plan and "TEMP B-TREE" not in plan


def test_rows_carry_revenue_and_last_order_biggest_first(team):
    ws, ids = team
    rows = ws.customers.rows(0, 10, CustomerFilter(sort="revenue_12m", descending=True))
    assert [r.id for r in rows[:3]] == [ids["brown"], ids["huaxin"], ids["zeng"]]
    assert (rows[0].revenue_12m_cents, rows[0].last_order) == (900_000, TODAY - dt.timedelta(days=5))
    assert rows[1].revenue_12m_cents == 150_000


def test_no_order_for_more_than_n_days_includes_customers_without_orders(team):
    ws, ids = team
    where, params = where_clause(CustomerFilter(no_order_days=90), TODAY)
    found = {row[0] for row in ws.db.pw.execute_sql(f"SELECT c.id FROM customer c WHERE {where}", params)}
    assert found == {ids["zeng"], ids["zhangwei"], ids["muller"], ids["shan"]}
    where, params = where_clause(CustomerFilter(no_order_days=40), TODAY)  # exactly 40 days is not "more than"
    found = {row[0] for row in ws.db.pw.execute_sql(f"SELECT c.id FROM customer c WHERE {where}", params)}
    assert ids["huaxin"] not in found and ids["zeng"] in found
