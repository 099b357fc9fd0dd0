"""Search plans: a term few customers match starts from its matches; a common one walks the list index. Both
plans must return the same page."""

from __future__ import annotations

import pytest

from keepclient.db.models import Customer
from keepclient.domain.types import CustomerFilter
from keepclient.services.customer_query import order_clause, where_clause
from keepclient.services.workspace import Workspace
from tests import small_team

FEW, MANY = (lambda _sql, _params: 0), (lambda _sql, _params: 10**6)


def _page(workspace: Workspace, flt: CustomerFilter, probe) -> tuple[list[int], str]:
    where, params = where_clause(flt, probe=probe)
    sql = f"SELECT c.id FROM customer c WHERE {where} ORDER BY {order_clause(flt)} LIMIT 50"
    pw = workspace.db.pw
    plan = " | ".join(row[-1] for row in pw.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    return [row[0] for row in pw.execute_sql(sql, params)], plan


@pytest.mark.parametrize("flt", [
    CustomerFilter(text="zhang"), CustomerFilter(text="zw"), CustomerFilter(text="张"),
    CustomerFilter(text="有限 公司"),
    CustomerFilter(text="138", sort="tier", descending=True), CustomerFilter(text="li", tiers=("A", "B")),
    CustomerFilter(text="公司", sort="next_follow_up"),
])
def test_both_plans_return_the_same_page(workspace: Workspace, flt: CustomerFilter):
    sparse, sparse_plan = _page(workspace, flt, FEW)
    dense, dense_plan = _page(workspace, flt, MANY)
    assert sparse == dense and sparse
    assert "INTEGER PRIMARY KEY" in sparse_plan and "TEMP B-TREE" in sparse_plan, sparse_plan
    assert "INTEGER PRIMARY KEY" not in dense_plan, dense_plan


def test_the_service_probes_how_many_match(workspace: Workspace):
    probes: list[str] = []
    original = workspace.customers._probe

    def counting(sql: str, params: list[object]) -> int:
        probes.append(sql)
        return original(sql, params)

    workspace.customers._probe = counting
    flt = CustomerFilter(text="公司")
    rows = workspace.customers.rows(0, 20, flt)
    assert rows and probes and all("LIMIT" in sql for sql in probes)
    assert [r.id for r in rows] == _page(workspace, flt, MANY)[0][:20]


def test_lifetime_value_sorts_without_a_column_estimates_first_ties_by_name(tmp_path):
    ws, ids, _people = small_team.build(tmp_path / "team.db")
    ltv = {"zhangwei": 100, "huaxin": 500_000, "brown": 500_000, "muller": 2_000_000, "zeng": None, "shan": None}
    with ws.db.write():  # the estimates as the recompute stores them
        for key, cents in ltv.items():
            Customer.update(ltv_cents=cents).where(Customer.id == ids[key]).execute()
    keys = {cid: key for key, cid in ids.items()}

    def order(descending: bool) -> list[str]:
        return [keys[row.id] for row in ws.customers.rows(0, 50, CustomerFilter(sort="ltv", descending=descending))]

    try:  # ties by the list's name order in the same direction; customers without an estimate last either way
        assert order(True) == ["muller", "huaxin", "brown", "zhangwei", "zeng", "shan"]
        assert order(False) == ["zhangwei", "brown", "huaxin", "muller", "shan", "zeng"]
    finally:
        ws.close()
