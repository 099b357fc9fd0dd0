"""Search and filters over real databases: text, pinyin, initials, digit runs, accents, surnames, combinations."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import Customer
from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from tests import small_team


@pytest.fixture
def team(new_database):
    """The small team in a file, and on a team server: the same cases pass on both engines."""
    ws, ids, people = small_team.build(new_database("search"))
    yield ws, ids, people
    ws.close()


def found(ws: Workspace, **kwargs) -> set[int]:
    flt = CustomerFilter(**kwargs)
    rows = ws.customers.rows(0, 1000, flt)
    assert ws.customers.count(flt) == len(rows)
    return {r.id for r in rows}


@pytest.mark.parametrize(("query", "expected"), [
    ("张伟", {"zhangwei", "brown"}),          # 2 Chinese characters, also in a contact's name
    ("伟", {"zhangwei", "zeng", "brown"}),    # a single character anywhere in a name
    ("华信", {"huaxin"}),
    ("华信贸易", {"huaxin"}),                 # 3+ characters: substring through the trigram index
    ("zw", {"zhangwei", "zeng", "brown"}),    # initials (曾 read as a surname: zeng wei)
    ("zhangw", {"zhangwei", "brown"}),        # start of the full pinyin
    ("zhangwei", {"zhangwei", "brown"}),
    ("huaxin", {"huaxin"}),                   # pinyin inside a company name
    ("zengwei", {"zeng"}),                    # 曾 as a surname ...
    ("cengwei", {"zeng"}),                    # ... and its everyday reading still finds the person
    ("shanli", {"shan"}),
    ("1381234", {"zhangwei"}),                # a digit run across separators
    ("5678", {"zhangwei"}),
    ("186111", {"brown"}),                    # a contact's mobile
    ("muller", {"muller"}),                   # accents do not matter
    ("MÜLLER", {"muller"}),
    ("maschinen", {"muller"}),
    ("brown foods", {"brown"}),               # all terms must match
    ("brown 上海", set()),
    ("送货", {"huaxin"}),                      # notes
    ("hamburg", {"muller"}),                  # city
    ("mueller.example", {"muller"}),          # email
    ("nothing-like-this", set()),
])
def test_search_finds_by_every_key(team, query: str, expected: set[str]):
    ws, ids, _ = team
    assert found(ws, text=query) == {ids[key] for key in expected}


PLANS = {  # what a probe says, choosing each of the plans a term's first page can be read by
    "few matches": lambda sql, params: 0,
    "some": lambda sql, params: 700,
    "many": lambda sql, params: 10**6,
    "many, phones rare at the list's head": lambda sql, params: 0 if "LIMIT 600" in sql else 10**6,
}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("query", ["13", "18", "02", "zw", "zh", "zhangw", "186111", "伟", "张伟", "brown foods"])
def test_every_plan_finds_the_same_customers(team, plan: str, query: str, monkeypatch):
    ws, _ids, _ = team
    expected = found(ws, text=query)
    monkeypatch.setattr(ws.customers, "_probe", PLANS[plan])
    assert {r.id for r in ws.customers.rows(0, 1000, CustomerFilter(text=query))} == expected


def test_filters_combine_with_search_and_each_other(team):
    ws, ids, people = team
    assert found(ws, owner_id=people["li"]) == {ids["zhangwei"], ids["muller"], ids["shan"]}
    assert found(ws, tiers=("A", "B")) == {ids["zhangwei"], ids["huaxin"], ids["zeng"], ids["brown"]}
    assert found(ws, tiers=("A",), text="zw") == {ids["zhangwei"], ids["brown"]}
    assert found(ws, city="上海") == {ids["zhangwei"], ids["huaxin"]}
    assert found(ws, tag_id=people["vip"]) == {ids["huaxin"]}
    assert found(ws, owner_id=people["wang"], tiers=("A",)) == {ids["brown"]}


def test_follow_up_filters(team):
    ws, ids, _ = team
    today = dt.date.today()
    with ws.db.write():
        Customer.update(next_follow_up=today - dt.timedelta(days=3)).where(Customer.id == ids["zeng"]).execute()
        Customer.update(next_follow_up=today).where(Customer.id == ids["brown"]).execute()
        Customer.update(next_follow_up=today + dt.timedelta(days=30)).where(Customer.id == ids["shan"]).execute()
    assert found(ws, follow_up="overdue") == {ids["zeng"]}
    assert found(ws, follow_up="week") == {ids["brown"]}


def test_sort_on_any_column_both_ways(team):
    ws, _ids, _ = team
    by_name = [r.name for r in ws.customers.rows(0, 100, CustomerFilter())]
    assert by_name == ["Brown Foods Ltd", "Müller Maschinenbau GmbH", "上海华信贸易有限公司", "单丽", "曾伟", "张伟"]
    tiers = [r.tier for r in ws.customers.rows(0, 100, CustomerFilter(sort="tier"))]
    assert tiers == sorted(tiers)
    tiers_desc = [r.tier for r in ws.customers.rows(0, 100, CustomerFilter(sort="tier", descending=True))]
    assert tiers_desc == sorted(tiers, reverse=True)
    cities = [r.city for r in ws.customers.rows(0, 100, CustomerFilter(sort="city"))]
    assert cities == sorted(cities)


def test_search_keys_follow_edits(team):
    ws, ids, _ = team
    detail = ws.customers.detail(ids["muller"])
    ws.editor.update(ids["muller"], detail.version, {"name": "Schäfer Technik AG", "phone": "0755-8888 9999"})
    assert found(ws, text="muller") == set()
    assert found(ws, text="schafer") == {ids["muller"]}
    assert found(ws, text="88889999") == {ids["muller"]}
    assert found(ws, text="075588") == {ids["muller"]}


def test_deep_pages_in_every_sort(workspace: Workspace):
    total = workspace.customers.count()
    for sort in ("name", "tier", "owner", "next_follow_up", "open_feedback", "phone"):
        flt = CustomerFilter(sort=sort)
        seen = [r.id for offset in range(0, total, 70) for r in workspace.customers.rows(offset, 70, flt)]
        assert len(seen) == len(set(seen)) == total, sort


def test_ranked_search_puts_the_best_match_first(team):
    ws, ids, _ = team
    hits = ws.search("张伟")
    assert [h.id for h in hits] == [ids["zhangwei"], ids["brown"]]  # the whole name beats a contact's name
    assert hits[1].contact == "张伟明" and hits[0].owner == "李娜"
    by_initials = [h.id for h in ws.search("zw")]
    assert set(by_initials[:2]) == {ids["zhangwei"], ids["zeng"]} and by_initials[2] == ids["brown"]
    assert ws.search("   ") == []
