"""Customer value and churn risk (issue 15) stored on the customer rows: the full recompute over a small hand-built
team written through the real services (orders, visits, feedback), the incremental update after a write, tier
review applied and undone, pinned tiers, marking lost. The rules themselves are tested in tests/unit/domain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from keepclient.db.models import Customer
from keepclient.domain.errors import ConflictError, ValidationError
from keepclient.domain.insights import InsightSettings
from keepclient.services.workspace import Workspace
from tests import plain_sql

TODAY = dt.date.today()  # the write paths count as of the computer's day (all dates below are relative to it)
CREATED = dt.datetime(2024, 1, 1, 9, 0)


def _days(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture()
def team(new_database) -> tuple[Workspace, dict[str, int]]:
    """steady: orders every month for two years and a recent visit; drifting: stopped ordering 8 months ago, an
    overdue complaint, scores 5 -> 4 -> 2, a missed visit; quiet: no orders at all; big: one huge recent order."""
    ws = Workspace.open(new_database("insights"), user="王芳")  # a file, and a team server
    seller = ws.team.add("王芳")
    other = ws.team.add("李娜")
    ids = {name: ws.editor.create(name, owner=seller if name != "big" else other, tier="B", stage="active")
           for name in ("steady", "drifting", "quiet", "big")}
    with ws.db.write():
        Customer.update(created_at=CREATED).execute()
    for n in range(24):
        ws.orders.add(ids["steady"], date=_days(15 + 30 * n), product="纸箱", amount_cents=100_000, today=TODAY)
    for n in range(16):
        ws.orders.add(ids["drifting"], date=_days(240 + 30 * n), product="胶带", amount_cents=80_000, today=TODAY)
    ws.orders.add(ids["big"], date=_days(10), product="设备", amount_cents=10_000_000, today=TODAY)
    ws.activity.log_contact(ids["steady"], kind="visit", when=dt.datetime.combine(_days(3), dt.time(10)))
    for n, score in ((200, 5), (150, 4), (100, 2)):
        ws.activity.log_contact(ids["drifting"], kind="call", when=dt.datetime.combine(_days(n), dt.time(10)),
                                satisfaction=score)
    ws.feedback.create(ids["drifting"], description="货损", kind="complaint",
                       received_at=dt.datetime.combine(_days(20), dt.time(9)))
    planned = ws.visits.plan(ids["drifting"], start=dt.datetime.combine(_days(30), dt.time(14)))
    visit_id = planned.ids[0] if hasattr(planned, "ids") else planned[0]
    ws.visits.log_outcome(visit_id, version=ws.visits.get(visit_id).version, status="missed")
    return ws, ids


def _row(ws: Workspace, cid: int) -> dict:
    with ws.db.session():
        return Customer.select().where(Customer.id == cid).dicts().get()


def _log_count(path: Path | str) -> int:
    conn = plain_sql.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        conn.close()


def test_recompute_stores_risk_reasons_tiers_rfm_and_value(team):
    ws, ids = team
    versions = {cid: _row(ws, cid)["version"] for cid in ids.values()}
    logged = _log_count(ws.source)
    assert ws.insights.recompute(today=TODAY) == 4
    rows = {name: _row(ws, cid) for name, cid in ids.items()}
    drifting = rows["drifting"]
    keys = [key for key, _points, _template, _values in json.loads(drifting["risk_reasons"])]
    assert set(keys) == {"no_order", "no_contact", "revenue_down", "complaints", "satisfaction", "missed_visits"}
    assert drifting["risk_score"] >= 50 > rows["steady"]["risk_score"]
    risk = ws.insights.value(ids["drifting"], today=TODAY).risk
    values = {reason.key: reason.values for reason in risk.reasons}  # the sentences are the domain's (tested there)
    assert values["complaints"] == ("1", "1")  # one open, overdue
    assert values["satisfaction"] == ("5 → 2",)
    assert values["missed_visits"] == ("1",)
    assert values["revenue_down"] == ("−55",)  # 5 orders in the last 12 months, 11 in the 12 before
    assert values["no_order"] == ("240", "30") and values["no_contact"] == ("100", "30")
    assert [reason.text() for reason in risk.reasons] == [
        reason.text() for reason in ws.insights.at_risk(min_risk=0, limit=1)[0].reasons]
    assert risk.score == drifting["risk_score"] and risk.next_step
    # 80/20 over 12-month revenue (116,000): big's 100,000 crosses 80%: A; steady's 12,000 next: B; drifting's
    # 4,000 starts past 95%: C
    assert (rows["big"]["suggested_tier"], rows["steady"]["suggested_tier"]) == ("A", "B")
    assert (rows["drifting"]["suggested_tier"], rows["quiet"]["suggested_tier"]) == ("C", "C")
    assert rows["quiet"]["rfm"] is None and rows["quiet"]["ltv_cents"] is None
    assert len(rows["steady"]["rfm"]) == 3 and rows["steady"]["rfm"][0] > rows["drifting"]["rfm"][0]
    value = ws.insights.value(ids["steady"], today=TODAY)
    assert value.revenue_total_cents == 2_400_000 and value.revenue_12m_cents == 1_200_000
    assert value.revenue_prev_12m_cents == 1_200_000 and value.first_order == _days(15 + 30 * 23)
    assert rows["steady"]["ltv_cents"] == value.ltv.cents > 0
    assert {r["insights_as_of"] for r in rows.values()} == {TODAY}
    # derived figures: no version raised, nothing in the change log
    assert {cid: _row(ws, cid)["version"] for cid in ids.values()} == versions
    assert _log_count(ws.source) == logged
    assert ws.insights.stale_count(TODAY) == 0 and ws.insights.ensure_current(TODAY) == 0


def test_at_risk_lists_highest_first_per_owner(team):
    ws, ids = team
    ws.insights.recompute(today=TODAY)
    everyone = ws.insights.at_risk(min_risk=0)
    assert [row.risk for row in everyone] == sorted((row.risk for row in everyone), reverse=True)
    assert everyone[0].id == ids["drifting"] and everyone[0].owner == "王芳" and everyone[0].next_step
    mine = ws.insights.at_risk(owner_id=ws.team.find("李娜"), min_risk=0)
    assert [row.id for row in mine] == [ids["big"]]
    assert all(row.risk >= 50 for row in ws.insights.at_risk())
    assert len(ws.insights.at_risk(min_risk=0, limit=2)) == 2


def test_an_order_updates_risk_at_once(team):
    ws, ids = team
    ws.insights.recompute(today=TODAY)
    before = _row(ws, ids["drifting"])
    ws.orders.add(ids["drifting"], date=TODAY, product="胶带", amount_cents=80_000, today=TODAY)
    after = _row(ws, ids["drifting"])
    assert after["risk_score"] < before["risk_score"]
    assert "no_order" not in {key for key, *_rest in json.loads(after["risk_reasons"])}
    assert after["version"] == before["version"]  # the order is versioned, the derived figures are not
    assert after["insights_as_of"] == TODAY  # still the day of the last full recompute (RFM is team-relative)


def test_feedback_closed_and_contact_logged_update_risk(team):
    ws, ids = team
    ws.insights.recompute(today=TODAY)
    before = _row(ws, ids["drifting"])["risk_score"]
    ws.activity.log_contact(ids["drifting"], kind="visit", when=dt.datetime.combine(TODAY, dt.time(9)),
                            satisfaction=5)
    after = json.loads(_row(ws, ids["drifting"])["risk_reasons"])
    assert _row(ws, ids["drifting"])["risk_score"] < before
    assert not {"no_contact", "satisfaction"} & {key for key, *_rest in after}


def test_tier_review_apply_conflict_and_undo(team):
    ws, ids = team
    ws.insights.recompute(today=TODAY)
    review = ws.insights.tier_review()
    assert [(s.customer_id, s.current, s.suggested) for s in review] == [
        (ids["big"], "B", "A"), (ids["drifting"], "B", "C"), (ids["quiet"], "B", "C")]
    changes = {s.customer_id: s.suggested for s in review}
    versions = ws.insights.versions(changes)
    stale = {**versions, ids["quiet"]: versions[ids["quiet"]] - 1}
    with pytest.raises(ConflictError):
        ws.insights.apply_tiers(changes, stale)
    assert {_row(ws, cid)["tier"] for cid in changes} == {"B"}  # nothing changed
    after = ws.insights.apply_tiers(changes, versions, today=TODAY)
    assert {cid: _row(ws, cid)["tier"] for cid in changes} == changes
    assert all(after[cid] == versions[cid] + 1 for cid in changes)
    assert ws.insights.tier_review() == []
    undone = ws.insights.apply_tiers({cid: s.current for s in review for cid in [s.customer_id]}, after,
                                     today=TODAY)
    assert {_row(ws, cid)["tier"] for cid in changes} == {"B"}
    assert all(undone[cid] == after[cid] + 1 for cid in changes)
    with pytest.raises(ValidationError):
        ws.insights.apply_tiers({ids["big"]: "Z"}, undone)


def test_pinned_tiers_are_kept_unless_asked(team):
    ws, ids = team
    ws.insights.recompute(today=TODAY)
    version = ws.insights.pin_tier(ids["quiet"], _row(ws, ids["quiet"])["version"], True)
    assert _row(ws, ids["quiet"])["tier_pinned"] and _row(ws, ids["quiet"])["version"] == version
    assert ids["quiet"] not in {s.customer_id for s in ws.insights.tier_review()}
    assert ids["quiet"] in {s.customer_id for s in ws.insights.tier_review(include_pinned=True)}
    with pytest.raises(ConflictError):
        ws.insights.pin_tier(ids["quiet"], version - 1, False)
    # applied all the same (asked for): the rule's tier, no longer pinned; put back as it was: pinned again
    before = ws.insights.pins([ids["quiet"]])
    assert before == {ids["quiet"]: True}
    moved = ws.insights.apply_tiers({ids["quiet"]: "C"}, {ids["quiet"]: version}, today=TODAY)
    assert (_row(ws, ids["quiet"])["tier"], ws.insights.pins([ids["quiet"]])) == ("C", {ids["quiet"]: False})
    ws.insights.apply_tiers({ids["quiet"]: "B"}, moved, today=TODAY, pinned=before)
    assert (_row(ws, ids["quiet"])["tier"], ws.insights.pins([ids["quiet"]])) == ("B", {ids["quiet"]: True})


def test_mark_lost_needs_a_known_reason_and_the_current_version(team):
    ws, ids = team
    version = _row(ws, ids["drifting"])["version"]
    with pytest.raises(ValidationError):
        ws.insights.mark_lost(ids["drifting"], version, "bored")
    with pytest.raises(ConflictError):
        ws.insights.mark_lost(ids["drifting"], version - 1, "price")
    new_version = ws.insights.mark_lost(ids["drifting"], version, "competitor", today=TODAY)
    row = _row(ws, ids["drifting"])
    assert (row["stage"], row["lost_reason"], row["version"]) == ("lost", "competitor", new_version)


def test_settings_are_stored_and_checked(team):
    ws, _ids = team
    assert ws.insights.settings() == InsightSettings()
    changed = ws.insights.set_settings({"at_risk_threshold": 40, "a_share": 0.7})
    assert ws.insights.settings() == changed and changed.at_risk_threshold == 40 and changed.a_share == 0.7
    for bad in ({"a_share": 1.5}, {"weight_no_order": -1}, {"nonsense": 1}, {"at_risk_threshold": "x"},
                {"at_risk_threshold": 101}, {"revenue_drop": 1.5}, {"no_order_factor": float("nan")},
                {"ltv_max_years": float("inf")}, {"weight_complaints": 10**30}):
        with pytest.raises(ValidationError):
            ws.insights.set_settings(bad)
    assert ws.insights.settings() == changed


def test_progress_and_cancel(team):
    from keepclient.domain.errors import CancelledError

    ws, ids = team
    seen: list[tuple[int, int]] = []
    ws.insights.recompute(today=TODAY, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert ws.insights.stale_count(TODAY) == 0 and ws.insights.stale_count(tomorrow) == 4
    with pytest.raises(CancelledError):
        ws.insights.recompute(today=tomorrow, cancelled=lambda: True)
    assert ws.insights.stale_count(tomorrow) == 4  # nothing written: still the figures of TODAY
    assert _row(ws, ids["steady"])["insights_as_of"] == TODAY


STORED = ("risk_score", "risk_reasons", "suggested_tier", "rfm", "ltv_cents", "insights_as_of")


def _figures(ws: Workspace) -> dict[int, tuple]:
    with ws.db.session():
        return {row["id"]: tuple(row[k] for k in STORED) for row in Customer.select().dicts()}


def test_a_customer_without_orders_entered_since_the_last_full_recompute_is_counted_at_once(team):
    """It takes part in no ranking, so refreshing it alone stores what the full recompute would."""
    ws, _ids = team
    ws.insights.recompute(today=TODAY)
    ws.editor.create("newcomer", tier="A", stage="active", next_follow_up=_days(20))
    assert ws.insights.stale_count(TODAY) == 0 and ws.insights.ensure_current(TODAY) == 0
    counted = _figures(ws)
    ws.insights.recompute(today=TODAY)
    assert _figures(ws) == counted


def test_a_customer_with_orders_never_counted_in_full_stays_stale(team):
    """Its orders rank it among the others (RFM, tiers): only a full recompute counts it; the team's figures of an
    earlier day make everyone stale."""
    from keepclient.services.insights import refresh_customers

    ws, ids = team
    ws.insights.recompute(today=TODAY)
    with ws.db.write() as pw:
        Customer.update(insights_as_of=None).where(Customer.id.in_([ids["steady"], ids["quiet"]])).execute()
        refresh_customers(pw, [ids["steady"], ids["quiet"]], TODAY)
    assert _row(ws, ids["quiet"])["insights_as_of"] == TODAY and _row(ws, ids["steady"])["insights_as_of"] is None
    assert ws.insights.stale_count(TODAY) == 1
    assert ws.insights.ensure_current(TODAY) == 4 and ws.insights.stale_count(TODAY) == 0
    ws.editor.create("newcomer")  # figures of TODAY, counted on a later day: everyone is stale then
    tomorrow = TODAY + dt.timedelta(days=1)
    assert ws.insights.stale_count(tomorrow) == 5


def test_a_customers_import_leaves_the_figures_a_full_recompute_would_store(team, tmp_path):
    """New customers and changed ones are refreshed in the import's transaction: nothing is left stale, and a full
    recompute afterwards changes nothing."""
    ws, _ids = team
    ws.insights.recompute(today=TODAY)
    sheet = tmp_path / "list.csv"
    old = _days(300).isoformat()
    sheet.write_text("公司名称,客户等级,客户状态,最近拜访\n新客户一,A,active," + old + "\n新客户二,C,lost,\n"
                     "quiet,A,active," + old + "\n", encoding="utf-8")
    ws.imports.run(ws.imports.preview(sheet, policy="overwrite"))
    assert ws.insights.stale_count(TODAY) == 0
    imported = _figures(ws)
    assert len(imported) == 6
    ws.insights.recompute(today=TODAY)
    assert _figures(ws) == imported


def test_a_customers_import_onto_figures_of_an_earlier_day_leaves_everyone_to_the_full_recompute(team, tmp_path):
    ws, _ids = team
    ws.insights.recompute(today=TODAY - dt.timedelta(days=1))
    sheet = tmp_path / "list.csv"
    sheet.write_text("公司名称,客户等级\n新客户一,A\n", encoding="utf-8")
    ws.imports.run(ws.imports.preview(sheet))
    assert _row(ws, max(_figures(ws)))["insights_as_of"] is None  # not refreshed: counted with everyone below
    assert ws.insights.stale_count(TODAY) == 5 and ws.insights.ensure_current(TODAY) == 5
    assert ws.insights.stale_count(TODAY) == 0


def test_a_colleagues_save_during_the_full_recompute_is_not_overwritten(team):
    """The full recompute reads, computes, then writes; a colleague's order saved in between has already refreshed
    that customer's figures from the newer inputs, and the recompute leaves them (its own are older)."""
    ws, ids = team
    colleague = Workspace.open(ws.source, user="李娜")

    def order_meanwhile(done: int, _total: int) -> None:
        if done == 2:  # read (and the team's figures ranked), not yet written
            colleague.orders.add(ids["drifting"], date=TODAY, product="胶带", amount_cents=80_000, today=TODAY)

    ws.insights.recompute(today=TODAY, progress=order_meanwhile)
    colleague.close()
    assert "no_order" not in _keys(ws, ids["drifting"])  # the colleague's refresh stands
    ws.insights.recompute(today=TODAY)  # and the next full one agrees
    assert "no_order" not in _keys(ws, ids["drifting"])


def _keys(ws: Workspace, cid: int) -> set[str]:
    return {key for key, *_rest in json.loads(_row(ws, cid)["risk_reasons"])}


def test_cadence_edit_feedback_and_visit_outcomes_update_risk(team):
    ws, ids = team
    cid = ids["drifting"]
    ws.insights.recompute(today=TODAY)
    assert {"no_contact", "complaints", "missed_visits"} <= _keys(ws, cid)
    ws.editor.update(cid, _row(ws, cid)["version"], {"cadence_days": 365})  # due once a year: not overdue
    assert "no_contact" not in _keys(ws, cid)
    [complaint] = ws.feedback.rows()
    ws.feedback.advance(complaint.id, complaint.version, "in_progress")
    assert "complaints" in _keys(ws, cid)  # still open
    version = ws.feedback.get(complaint.id).item.version
    ws.feedback.advance(complaint.id, version, "resolved")
    ws.feedback.advance(complaint.id, ws.feedback.get(complaint.id).item.version, "replied")
    assert "complaints" not in _keys(ws, cid)
    planned = ws.visits.plan(ids["steady"], start=dt.datetime.combine(_days(5), dt.time(9)))
    assert "missed_visits" not in _keys(ws, ids["steady"])
    ws.visits.log_outcome(planned[0], version=ws.visits.get(planned[0]).version, status="cancelled")
    assert "missed_visits" in _keys(ws, ids["steady"])


def test_lifecycle_review_reads_when_a_customer_was_lost_from_the_change_log(tmp_path):
    """Lost yesterday with an order last week: not won back (the order came before); an order after it: won back."""
    from keepclient.services.workspace import Workspace

    ws = Workspace.open(tmp_path / "life.db", user="tester", create=True)
    today = dt.date.today()
    customer = ws.editor.create("Lost Ltd")
    ws.orders.add(customer, date=today - dt.timedelta(days=7), product="Tea", quantity=1, unit_price_cents=1000)
    version = ws.customers.detail(customer).version
    ws.insights.mark_lost(customer, version, "price")
    assert [s.suggested for s in ws.insights.lifecycle_review(today)] == []
    ws.orders.add(customer, date=today + dt.timedelta(days=1), product="Tea", quantity=1, unit_price_cents=1000)
    found = ws.insights.lifecycle_review(today + dt.timedelta(days=1))
    assert [(s.id, s.stage, s.suggested) for s in found] == [(customer, "lost", "won_back")]
    ws.close()
