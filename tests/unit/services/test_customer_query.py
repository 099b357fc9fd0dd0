"""Search plans: a term few customers match starts from its matches; a common one walks the list index. Both
plans must return the same page."""

from __future__ import annotations

import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.services.customer_query import order_clause, where_clause
from keepclient.services.workspace import Workspace

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
