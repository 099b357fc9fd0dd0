"""The customer list limited to given customers (`CustomerFilter.ids`, the dashboard's exact lists) on a real
database: only those, together with the search text, the other filters, any sort and paging; exports and saved
views keep the limit."""

from __future__ import annotations

import json

import pytest

from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from tests import small_team


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = small_team.build(new_database("ids"))
    yield ws, ids, people
    ws.close()


def shown(ws: Workspace, flt: CustomerFilter) -> list[str]:
    rows = ws.customers.rows(0, 1000, flt)
    assert ws.customers.count(flt) == len(rows)
    return [r.name for r in rows]


def test_only_the_given_customers_with_search_filters_and_sort(team):
    ws, ids, people = team
    chosen = (ids["zhangwei"], ids["zeng"], ids["brown"], ids["shan"])
    assert shown(ws, CustomerFilter(ids=chosen)) == ["Brown Foods Ltd", "单丽", "曾伟", "张伟"]
    assert shown(ws, CustomerFilter(ids=chosen, sort="name", descending=True)) == ["张伟", "曾伟", "单丽",
                                                                                     "Brown Foods Ltd"]
    assert shown(ws, CustomerFilter(ids=chosen, text="zw")) == ["Brown Foods Ltd", "曾伟", "张伟"]  # (a contact)
    assert shown(ws, CustomerFilter(ids=chosen, text="zw", sort="tier", descending=True)) == [
        "曾伟", "张伟", "Brown Foods Ltd"]  # B, then the A customers (ties by name, that way too)
    assert shown(ws, CustomerFilter(ids=chosen, owner_id=people["li"])) == ["单丽", "张伟"]
    assert shown(ws, CustomerFilter(ids=chosen, tiers=("A",), text="张伟")) == ["Brown Foods Ltd", "张伟"]
    assert shown(ws, CustomerFilter(ids=(ids["huaxin"],), text="brown")) == []
    assert shown(ws, CustomerFilter(ids=())) == []  # a figure with nobody behind it lists nobody
    assert len(shown(ws, CustomerFilter(ids=None))) == 6  # no limit


def test_the_limit_pages_and_finds_positions(team):
    ws, ids, _people = team
    chosen = tuple(sorted(ids.values()))
    flt = CustomerFilter(ids=chosen[1:], sort="phone")
    every = [r.id for r in ws.customers.rows(0, 100, flt)]
    assert [r.id for offset in range(0, 5, 2) for r in ws.customers.rows(offset, 2, flt)] == every
    assert len(every) == 5 and chosen[0] not in every
    assert ws.customers.position(every[3], flt) == 3
    assert ws.customers.position(chosen[0], flt) is None


def test_a_saved_view_keeps_the_limit(team):
    from keepclient.ui.customers.views_sidebar import SavedView

    _ws, ids, _people = team
    view = SavedView("New customers", CustomerFilter(ids=(ids["zeng"], ids["shan"]), caption="New customers of 李娜"))
    again = SavedView.from_json(json.loads(json.dumps(view.to_json())))
    assert again.filter == view.filter and again.filter.ids == (ids["zeng"], ids["shan"])
