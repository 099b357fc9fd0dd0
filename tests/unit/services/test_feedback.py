"""The feedback workflow, deadlines, the log's filters and sorts, satisfaction and the report."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import Customer
from keepclient.domain.errors import ConflictError, RecordNotFoundError, ValidationError
from keepclient.domain.types import FEEDBACK_SORTS, FeedbackFilter
from keepclient.services.feedback import allowed_steps
from keepclient.services.workspace import Workspace
from tests.small_team import build

FRIDAY = dt.datetime(2026, 11, 27, 16, 0)


@pytest.fixture
def team(new_database):
    """The small team in a file and on a team server (both engines)."""
    ws, ids, people = build(new_database("team"))
    yield ws, ids, people
    ws.close()


def _open_count(ws: Workspace, customer_id: int) -> int:
    with ws.db.session():
        return Customer.get_by_id(customer_id).open_feedback


def test_new_feedback_gets_the_owner_and_working_time_deadlines(team):
    ws, ids, people = team
    fid = ws.feedback.create(ids["huaxin"], description=" 交货晚了三天 ", category="delivery", severity="high",
                             received_at=FRIDAY)
    item = ws.feedback.get(fid).item
    assert (item.owner, item.owner_id, item.status) == ("王建国", people["wang"], "new")
    assert item.description == "交货晚了三天"
    assert item.response_due == dt.datetime(2026, 11, 28, 0)  # 8 working hours: the rest of Friday
    assert item.resolution_due == dt.datetime(2026, 12, 2, 16)  # 3 working days
    assert item.next_due == item.response_due
    assert _open_count(ws, ids["huaxin"]) == 1
    for bad in ({"description": "  "}, {"description": "x", "severity": "critical"}, {"description": "x",
                                                                                      "kind": "rant"}):
        with pytest.raises(ValidationError):
            ws.feedback.create(ids["huaxin"], **bad)


def test_the_whole_workflow_stamps_each_step_and_logs_it(team):
    ws, ids, _ = team
    fid = ws.feedback.create(ids["zhangwei"], description="包装破损", received_at=FRIDAY)
    version = ws.feedback.get(fid).item.version
    steps = [("in_progress", FRIDAY + dt.timedelta(hours=2)), ("resolved", FRIDAY + dt.timedelta(days=3)),
             ("replied", FRIDAY + dt.timedelta(days=3, hours=1)), ("closed", FRIDAY + dt.timedelta(days=4))]
    for status, at in steps:
        assert status in allowed_steps(ws.feedback.get(fid).item.status)
        version = ws.feedback.advance(fid, version, status, at=at, note="换新货" if status == "resolved" else "",
                                      satisfaction=4 if status == "closed" else None,
                                      comment="满意" if status == "closed" else "")
    detail = ws.feedback.get(fid)
    item = detail.item
    assert (item.first_response_at, item.resolved_at, item.replied_at, item.closed_at) == tuple(a for _, a in steps)
    assert item.response_time == dt.timedelta(hours=2) and item.resolution_time == dt.timedelta(days=3)
    assert (item.status, item.next_due, item.satisfaction) == ("closed", None, 4)
    assert (detail.resolution, detail.satisfaction_comment) == ("换新货", "满意")
    assert [e.new for e in detail.history if e.field == "status"] == ["in_progress", "resolved", "replied", "closed"]
    assert _open_count(ws, ids["zhangwei"]) == 0
    timeline = ws.customers.detail(ids["zhangwei"]).timeline
    assert {e.status for e in timeline if e.kind == "feedback"} >= {"in_progress", "resolved", "replied", "closed"}


def test_steps_out_of_order_stale_versions_and_bad_scores_are_refused(team):
    ws, ids, _ = team
    fid = ws.feedback.create(ids["zhangwei"], description="价格太高", category="price")
    version = ws.feedback.get(fid).item.version
    for status in ("replied", "closed", "new", "done"):
        with pytest.raises(ValidationError):
            ws.feedback.advance(fid, version, status)
    newer = ws.feedback.advance(fid, version, "resolved")  # straight to resolved is allowed (answered at once)
    with pytest.raises(ConflictError):
        ws.feedback.advance(fid, version, "replied")  # somebody saved in between
    newer = ws.feedback.advance(fid, newer, "replied")
    with pytest.raises(ValidationError):
        ws.feedback.advance(fid, newer, "closed", satisfaction=6)
    assert ws.feedback.get(fid).item.status == "replied"
    with pytest.raises(RecordNotFoundError):
        ws.feedback.get(987654)


def test_reopening_starts_the_resolution_target_again(team):
    ws, ids, _ = team
    fid = ws.feedback.create(ids["zhangwei"], description="发票错误", severity="normal", received_at=FRIDAY)
    version = ws.feedback.advance(fid, 1, "resolved", at=FRIDAY + dt.timedelta(hours=3))
    reopened_at = dt.datetime(2026, 12, 7, 10)  # a Monday
    ws.feedback.advance(fid, version, "in_progress", at=reopened_at, note="客户说还没收到")
    item = ws.feedback.get(fid).item
    assert (item.status, item.resolved_at, item.first_response_at) == ("in_progress", None,
                                                                        FRIDAY + dt.timedelta(hours=3))
    assert item.resolution_due == item.next_due == dt.datetime(2026, 12, 16, 10)  # 7 working days from reopening
    assert any(e.field == "note" and e.new == "客户说还没收到" for e in ws.feedback.get(fid).history)
    assert _open_count(ws, ids["zhangwei"]) == 1


def test_overdue_follows_the_clock_and_a_new_severity_moves_the_deadlines(team):
    ws, ids, people = team
    fid = ws.feedback.create(ids["zhangwei"], description="电话没人接", severity="low", received_at=FRIDAY)
    # 48 working hours from Friday 16:00: 8 on Friday, 24 on Monday, 16 on Tuesday (the weekend does not count)
    assert ws.feedback.overdue_count(people["li"], now=dt.datetime(2026, 12, 1, 15, 59)) == 0
    assert ws.feedback.overdue_count(people["li"], now=dt.datetime(2026, 12, 1, 16, 1)) == 1
    assert ws.feedback.overdue_count(people["wang"], now=dt.datetime(2026, 12, 1, 16, 1)) == 0
    ws.feedback.update(fid, 1, {"severity": "urgent"})
    item = ws.feedback.get(fid).item
    assert item.response_due == dt.datetime(2026, 11, 27, 20) and item.overdue(dt.datetime(2026, 11, 28, 9))


def test_team_targets_are_used_and_checked(team):
    ws, ids, _ = team
    ws.feedback.set_targets({"normal": {"response_hours": 2}})
    assert ws.feedback.targets()["normal"] == {"response_hours": 2, "resolution_days": 7}
    fid = ws.feedback.create(ids["zhangwei"], description="x", received_at=FRIDAY)
    assert ws.feedback.get(fid).item.response_due == FRIDAY + dt.timedelta(hours=2)
    with pytest.raises(ValidationError):
        ws.feedback.set_targets({"high": {"resolution_days": 0}})


def test_editing_fields_and_the_owner(team):
    ws, ids, people = team
    fid = ws.feedback.create(ids["huaxin"], description="送货慢")
    version = ws.feedback.update(fid, 1, {"owner_id": people["li"], "category": "delivery", "resolution": "加急"})
    detail = ws.feedback.get(fid)
    assert (detail.item.owner, detail.item.category, detail.resolution, detail.item.version) == (
        "李娜", "delivery", "加急", version)
    with pytest.raises(ValidationError):
        ws.feedback.update(fid, version, {"status": "closed"})
    with pytest.raises(ConflictError):
        ws.feedback.update(fid, 1, {"description": "old copy"})


def _log(ws: Workspace, ids: dict[str, int]) -> dict[str, int]:
    made = {}
    for key, customer, category, severity, day in (("a", "zhangwei", "price", "high", 2), ("b", "huaxin", "service",
                                                   "low", 5), ("c", "muller", "product", "urgent", 9),
                                                  ("d", "huaxin", "delivery", "normal", 12)):
        made[key] = ws.feedback.create(ids[customer], description=f"问题 {key}", category=category,
                                       severity=severity, received_at=dt.datetime(2026, 11, day, 10))
    ws.feedback.advance(made["b"], 1, "resolved", at=dt.datetime(2026, 11, 6, 10))
    return made


def test_filters_and_the_status_strip(team):
    ws, ids, people = team
    made = _log(ws, ids)
    at = dt.datetime(2026, 11, 13, 12)

    def found(**kwargs) -> set[int]:
        flt = FeedbackFilter(**kwargs)
        items = ws.feedback.rows(flt, 0, 50, now=at)
        assert ws.feedback.count(flt, now=at) == len(items)
        return {i.id for i in items}

    assert found() == set(made.values())
    assert found(statuses=("new",)) == {made["a"], made["c"], made["d"]}
    assert found(categories=("price", "product")) == {made["a"], made["c"]}
    assert found(severities=("low",)) == {made["b"]}
    assert found(owner_id=people["wang"]) == {made["b"], made["d"]}
    assert found(customer_id=ids["huaxin"]) == {made["b"], made["d"]}
    assert found(received_from=dt.date(2026, 11, 5), received_to=dt.date(2026, 11, 9)) == {made["b"], made["c"]}
    assert found(text="问题 c") == {made["c"]}
    assert found(text="华信") == {made["b"], made["d"]}  # the customer's name
    assert found(overdue=True) == {made["a"], made["c"], made["d"]}  # d was due on the 13th at 10:00
    assert found(overdue=True, severities=("normal", "low")) == {made["d"]}  # b is resolved: nothing due
    assert found(text="100%") == set()
    counts = ws.feedback.status_counts(FeedbackFilter(statuses=("new",), owner_id=people["wang"]), now=at)
    assert counts == {"new": 1, "in_progress": 0, "resolved": 1, "replied": 0, "closed": 0, "overdue": 1, "all": 2}


def test_every_sort_pages_without_gaps_and_due_puts_overdue_first(team):
    ws, ids, _ = team
    made = _log(ws, ids)
    at = dt.datetime(2026, 11, 13, 12)
    first = [i.id for i in ws.feedback.rows(FeedbackFilter(), 0, 10, now=at)]
    assert first == [made["a"], made["c"], made["d"], made["b"]]  # nearest deadline first, resolved last
    for sort in FEEDBACK_SORTS:
        for descending in (False, True):
            flt = FeedbackFilter(sort=sort, descending=descending)
            whole = [i.id for i in ws.feedback.rows(flt, 0, 10, now=at)]
            paged = [i.id for o in range(4) for i in ws.feedback.rows(flt, o, 1, now=at)]
            assert paged == whole and sorted(whole) == sorted(made.values()), (sort, descending)
    by_received = [i.id for i in ws.feedback.rows(FeedbackFilter(sort="received_at", descending=True), 0, 10)]
    assert by_received == [made["d"], made["c"], made["b"], made["a"]]
    with pytest.raises(ValidationError):
        ws.feedback.rows(FeedbackFilter(sort="colour"), 0, 10)


def test_satisfaction_from_visits_and_closed_feedback_newest_first(team):
    ws, ids, _ = team
    (visit,) = ws.visits.plan(ids["zhangwei"], start=dt.datetime(2026, 11, 2, 10))
    ws.visits.log_outcome(visit, version=1, status="done", notes="谈得不错", satisfaction=3)
    fid = ws.feedback.create(ids["zhangwei"], description="x", received_at=dt.datetime(2026, 11, 3, 9))
    version = ws.feedback.advance(fid, 1, "resolved", at=dt.datetime(2026, 11, 3, 12))
    version = ws.feedback.advance(fid, version, "replied", at=dt.datetime(2026, 11, 3, 13))
    ws.feedback.advance(fid, version, "closed", satisfaction=5, comment="很快", at=dt.datetime(2026, 11, 4, 9))
    scores = ws.feedback.satisfaction(ids["zhangwei"])
    assert [(s.score, s.source, s.comment) for s in scores] == [(5, "feedback", "很快"), (3, "visit", "谈得不错")]
    assert ws.feedback.satisfaction(ids["brown"]) == []


def test_the_report_lists_open_items_by_owner_and_monthly_medians(team):
    ws, ids, _ = team
    made = _log(ws, ids)
    version = ws.feedback.advance(made["d"], 1, "in_progress", at=dt.datetime(2026, 11, 12, 14))
    ws.feedback.advance(made["d"], version, "resolved", at=dt.datetime(2026, 11, 13, 10))
    old = ws.feedback.create(ids["zeng"], description="十月的", category="price",
                             received_at=dt.datetime(2026, 10, 20, 9))
    ws.feedback.advance(old, 1, "in_progress", at=dt.datetime(2026, 10, 20, 15))
    report = ws.feedback.report(dt.date(2026, 10, 1), dt.date(2026, 11, 30), now=dt.datetime(2026, 11, 13, 12))
    assert [(r.owner, r.customer, r.status, r.overdue) for r in report.open_items] == [
        ("李娜", "张伟", "new", True), ("李娜", "Müller Maschinenbau GmbH", "new", True),
        ("王建国", "曾伟", "in_progress", True), ("王建国", "上海华信贸易有限公司", "resolved", False),
        ("王建国", "上海华信贸易有限公司", "resolved", False)]
    assert report.open_items[2].age_days == pytest.approx(24.1, abs=0.05)
    rows = {(r.month, r.category): r for r in report.monthly}
    assert set(rows) == {("2026-10", "price"), ("2026-11", "price"), ("2026-11", "service"),
                         ("2026-11", "product"), ("2026-11", "delivery")}
    assert rows[("2026-10", "price")].median_response_hours == 6.0
    assert rows[("2026-10", "price")].median_resolution_hours is None
    assert (rows[("2026-11", "delivery")].median_response_hours, rows[("2026-11", "delivery")].
            median_resolution_hours) == (4.0, 24.0)


def test_owner_and_customer_sorts_follow_names_whichever_plan_reads_them(team, monkeypatch: pytest.MonkeyPatch):
    import keepclient.services.feedback as feedback_module

    ws, ids, _ = team
    made = _log(ws, ids)
    unowned = ws.feedback.create(ids["brown"], description="无人负责", owner_id=None)
    ws.feedback.update(unowned, 1, {"owner_id": None})
    at = dt.datetime(2026, 11, 13, 12)
    owners = [i.owner for i in ws.feedback.rows(FeedbackFilter(sort="owner"), 0, 10, now=at)]
    assert owners == ["李娜", "李娜", "王建国", "王建国", ""]  # by name (as SQLite compares them), unassigned last
    flt = FeedbackFilter(sort="customer")
    sparse = [i.customer for i in ws.feedback.rows(flt, 0, 10, now=at)]
    monkeypatch.setattr(feedback_module, "SPARSE", 0)  # as on a large log: customers walked in name order
    walked = [i.customer for i in ws.feedback.rows(flt, 0, 10, now=at)]
    paged = [i.customer for o in range(5) for i in ws.feedback.rows(flt, o, 1, now=at)]
    assert sparse == walked == paged and len(walked) == len(made) + 1
    keys = {"Brown Foods Ltd": "brownfoodsltd", "Müller Maschinenbau GmbH": "mullermaschinenbaugmbh",
            "上海华信贸易有限公司": "shanghaihuaxinmaoyiyouxiangongsi", "张伟": "zhangwei"}
    assert walked == sorted(walked, key=keys.__getitem__)
    backwards = [i.customer for i in ws.feedback.rows(flt._replace(descending=True), 0, 10, now=at)]
    assert backwards == walked[::-1]
    searched = [i.id for i in ws.feedback.rows(flt._replace(text="问题"), 0, 10, now=at)]  # walked, text tested
    assert searched == [i.id for i in ws.feedback.rows(flt, 0, 10, now=at) if i.description.startswith("问题")]


def test_owner_changes_and_notes_show_on_the_customers_timeline(team):
    ws, ids, people = team
    fid = ws.feedback.create(ids["huaxin"], description="送货慢", received_at=FRIDAY)
    version = ws.feedback.update(fid, 1, {"owner_id": people["li"]})
    ws.feedback.advance(fid, version, "in_progress", note="已联系物流")
    texts = [e.text for e in ws.customers.detail(ids["huaxin"]).timeline if e.kind == "feedback"]
    assert any("owner: 王建国 → 李娜" in t for t in texts)
    assert any("note: 已联系物流" in t for t in texts)
