"""Feedback on the customer side, on the demo database: the detail pane's satisfaction scores and trend, "Add
feedback…" with undo, feedback recorded with a visit's outcome, and feedback steps on the timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.domain.errors import DatabaseBusyError
from keepclient.domain.types import CustomerFilter, FeedbackFilter, SatisfactionScore
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.outcome_dialog import OutcomeDialog
from keepclient.ui.customers.area import CustomerArea
from keepclient.ui.customers.satisfaction import chip_text, trend
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter, shown

NAME = "满意度测试贸易有限公司"
DAY = dt.datetime.combine(DEMO_TODAY, dt.time(10, 0))


@pytest.fixture
def customer(workspace: Workspace) -> int:
    """A customer of the demo team's first salesperson with nothing logged yet: no scores, no feedback."""
    owner = workspace.team.salespeople()[0].id
    return workspace.editor.create(NAME, owner=owner, tier="A", stage="active", phone="021 6688 1234")


@pytest.fixture
def area(qtbot, workspace: Workspace, prefs: Preferences, customer: int) -> CustomerArea:
    """The customers tab on the `workspace` fixture's database, showing `customer`."""
    made = CustomerArea(prefs, ScriptedPrompter(), TaskRunner(inline=True))
    qtbot.addWidget(made)
    made.show()
    made.show_workspace(workspace)
    made.show_detail(customer)
    assert made.detail.shown_id == customer
    return made


def visit_score(ws: Workspace, customer_id: int, start: dt.datetime, score: int) -> int:
    visit_id = ws.visits.plan(customer_id, start=start, purpose="回访")[0]
    ws.visits.log_outcome(visit_id, version=1, status="done", notes="聊了新品", satisfaction=score)
    return visit_id


def closed_with_score(ws: Workspace, customer_id: int, received: dt.datetime, score: int, comment: str) -> int:
    """Feedback taken through every step to closed, the customer's score given at the end."""
    feedback_id = ws.feedback.create(customer_id, description="送货慢了两天", category="delivery",
                                     received_at=received)
    version = ws.feedback.get(feedback_id).item.version
    for n, status in enumerate(("in_progress", "resolved", "replied")):
        version = ws.feedback.advance(feedback_id, version, status, note="处理中",
                                      at=received + dt.timedelta(hours=n + 1))
    ws.feedback.advance(feedback_id, version, "closed", satisfaction=score, comment=comment,
                        at=received + dt.timedelta(hours=5))
    return feedback_id


def open_feedback(ws: Workspace, customer_id: int) -> int:
    """The open-feedback count the customer list shows for the customer."""
    return next(r.open_feedback for r in ws.customers.rows(0, 50, CustomerFilter(text=NAME)) if r.id == customer_id)


def shown_texts(area: CustomerArea, column: int) -> list[str]:
    timeline = area.detail.timeline
    return [timeline.topLevelItem(i).text(column) for i in range(timeline.topLevelItemCount())]


def score(day: int, value: int) -> SatisfactionScore:
    return SatisfactionScore(dt.datetime(2026, 11, day, 10), value, "visit", "")


@pytest.mark.parametrize(("newest_first", "expected"), [
    ((5, 4, 5, 3, 2, 2), ("rising", 14 / 3, 7 / 3)),
    ((2, 3, 2, 4, 5, 4), ("falling", 7 / 3, 13 / 3)),
    ((4, 4, 3, 4, 4, 4), ("steady", 11 / 3, 4.0)),  # one point lower once: not yet a trend
    ((3, 4, 5, 5), ("falling", 4.0, 5.0)),  # the last three against the one there was before
    ((4, 5, 3), ("", 4.0, None)),  # nothing before the last three: no trend
    ((), ("", None, None)),
])
def test_trend_compares_the_last_three_with_the_three_before(newest_first, expected):
    scores = [score(20 - n, value) for n, value in enumerate(newest_first)]
    key, now, before = trend(scores)
    assert key == expected[0]
    assert now == pytest.approx(expected[1]) if expected[1] is not None else now is None
    assert before == pytest.approx(expected[2]) if expected[2] is not None else before is None


def test_chips_read_score_of_five_and_the_day_with_the_year_only_for_older_scores(english_locale):
    today = dt.date(2026, 11, 23)
    assert chip_text(SatisfactionScore(dt.datetime(2026, 2, 7, 10), 3, "visit", ""), today) == "3/5 · Feb 7"
    assert chip_text(SatisfactionScore(dt.datetime(2025, 9, 24, 10), 4, "visit", ""), today) == "4/5 · Sep 24, 2025"


def test_chips_in_chinese_dates(qapp, chinese_ui):
    today = dt.date(2026, 11, 23)
    assert chip_text(SatisfactionScore(dt.datetime(2026, 2, 7, 10), 3, "visit", ""), today) == "3/5 · 2月7日"
    assert chip_text(SatisfactionScore(dt.datetime(2025, 9, 24, 10), 4, "visit", ""), today) == "4/5 · 2025年9月24日"


def test_recent_scores_and_a_rising_trend(area, customer):
    workspace, made = area.workspace, area
    for days_ago, value in ((70, 1), (60, 2), (50, 2), (40, 3), (30, 4), (20, 5)):
        visit_score(workspace, customer, DAY - dt.timedelta(days=days_ago), value)
    closed_with_score(workspace, customer, DAY - dt.timedelta(days=10), 5, "这次处理得很快")
    made.show_detail(customer)
    row = made.detail.satisfaction
    # the newest six, oldest first; the 1 of 70 days ago is no longer shown
    assert [badge.text().split(" · ")[0] for badge in row.badges] == ["2/5", "2/5", "3/5", "4/5", "5/5", "5/5"]
    assert all(badge.isVisibleTo(made.detail) for badge in row.badges) and not row.empty.isVisibleTo(made.detail)
    assert [s.source for s in row.scores] == ["feedback", "visit", "visit", "visit", "visit", "visit"]
    closed_tip, visit_tip = row.badges[-1].toolTip(), row.badges[0].toolTip()
    assert "这次处理得很快" in closed_tip and "When the feedback was closed" in closed_tip
    assert "About: Feedback (Complaint) · 送货慢了两天" in closed_tip
    assert "Satisfaction 2 of 5" in visit_tip and "About: Visit · 回访" in visit_tip and "When: " in visit_tip
    owner = workspace.team.salespeople()[0].name
    assert f"Given by the customer, recorded by {owner}" in visit_tip
    assert row.trend_key == "rising" and "rising" in row.trend.text() and row.trend.isVisibleTo(made.detail)
    assert "4.7" in row.trend.toolTip() and "2.3" in row.trend.toolTip()

    # two bad visits today turn it: 1, 1, 5 now against 5, 4, 3 before
    visit_score(workspace, customer, DAY, 1)
    visit_score(workspace, customer, DAY + dt.timedelta(hours=2), 1)
    made.show_detail(customer)
    assert [badge.text().split("/")[0] for badge in row.badges] == ["3", "4", "5", "5", "1", "1"]
    assert len(row.badges) == 6 and row.trend_key == "falling" and "falling" in row.trend.text()


def test_a_customer_without_scores_says_so(area):
    row = area.detail.satisfaction
    assert row.scores == () and row.badges == []
    assert row.empty.isVisibleTo(area.detail) and row.empty.text() == "no scores yet"
    assert not row.trend.isVisibleTo(area.detail) and row.trend_key == ""


def test_add_feedback_from_the_detail_pane_and_undo(area, qtbot, customer):
    ws = area.workspace
    owner = ws.customers.detail(customer).values["owner"]
    assert open_feedback(ws, customer) == 0
    area.detail.feedback_button.click()
    dialog = area.operations.dialog
    assert dialog.value("owner_id") == owner  # the customer's owner unless changed
    dialog.set_value("kind", "suggestion")
    dialog.set_value("category", "price")
    dialog.set_value("severity", "high")
    dialog.set_value("channel", "email")
    dialog.widgets["description"].setPlainText("希望季度结算")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert area.operations.dialog is None
    [item] = ws.feedback.rows(FeedbackFilter(customer_id=customer), 0, 10)
    detail = ws.feedback.get(item.id)
    assert (item.kind, item.category, item.severity, item.channel, item.status, item.owner_id, item.description) == (
        "suggestion", "price", "high", "email", "new", owner, "希望季度结算")
    assert detail.visit_id is None and item.response_due is not None
    assert open_feedback(ws, customer) == 1
    assert "希望季度结算" in shown_texts(area, 3)

    area.undo_stack.undo()
    assert ws.feedback.count(FeedbackFilter(customer_id=customer)) == 0
    assert open_feedback(ws, customer) == 0
    assert "希望季度结算" not in shown_texts(area, 3)
    area.undo_stack.redo()
    assert [r.id for r in ws.feedback.rows(FeedbackFilter(customer_id=customer), 0, 10)] == [item.id]
    assert open_feedback(ws, customer) == 1


def test_feedback_without_a_description_keeps_the_dialog_open(area, qtbot, customer):
    area.detail.feedback_button.click()
    dialog = area.operations.dialog
    dialog.set_value("category", "trust")
    dialog.submit()
    assert dialog.isVisible() and dialog.message.text() and dialog.widgets["description"].styleSheet()
    assert dialog.value("category") == "trust"  # nothing chosen is lost
    assert area.workspace.feedback.count(FeedbackFilter(customer_id=customer)) == 0
    assert area.undo_stack.count() == 0


def test_feedback_heard_at_a_visit_is_linked_to_it(workspace, qtbot, customer):
    visit_id = workspace.visits.plan(customer, start=DAY - dt.timedelta(hours=1), purpose="季度回访")[0]
    visit = workspace.visits.get(visit_id)
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=visit, now=DAY))
    assert not dialog.feedback_box.isVisible()
    dialog.record_feedback.setChecked(True)
    assert dialog.feedback_box.isVisible()
    dialog.notes.setPlainText("客户抱怨包装破损")
    dialog.satisfaction.setValue(2)
    dialog.feedback_kind.setCurrentIndex(dialog.feedback_kind.findData("complaint"))
    dialog.feedback_category.setCurrentIndex(dialog.feedback_category.findData("product"))
    dialog.feedback_severity.setCurrentIndex(dialog.feedback_severity.findData("urgent"))

    dialog.accept()  # no description: refused before anything is saved
    assert dialog.isVisible() and dialog.feedback_description.styleSheet() and dialog.message.text()
    assert workspace.visits.get(visit_id).status == "planned"
    assert workspace.feedback.count(FeedbackFilter(customer_id=customer)) == 0

    dialog.feedback_description.setPlainText("三箱包装破损")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert workspace.visits.get(visit_id).status == "done" and dialog.saved_id == visit_id
    detail = workspace.feedback.get(dialog.feedback_id)
    item = detail.item
    assert detail.visit_id == visit_id
    assert (item.customer_id, item.kind, item.category, item.severity, item.channel, item.description,
            item.status, item.received_at) == (customer, "complaint", "product", "urgent", "visit", "三箱包装破损",
                                               "new", visit.start)
    assert workspace.customers.rows(0, 5, CustomerFilter(text=NAME))[0].open_feedback == 1
    assert workspace.feedback.satisfaction(customer)[0].score == 2


def test_unticked_records_no_feedback(workspace, qtbot, customer):
    visit_id = workspace.visits.plan(customer, start=DAY - dt.timedelta(hours=1))[0]
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=workspace.visits.get(visit_id), now=DAY))
    dialog.record_feedback.setChecked(True)
    dialog.feedback_description.setPlainText("写了又不要了")
    dialog.record_feedback.setChecked(False)
    assert not dialog.feedback_box.isVisible()
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert dialog.feedback_id is None and workspace.feedback.count(FeedbackFilter(customer_id=customer)) == 0


def test_feedback_logged_without_a_visit_has_no_visit_link(workspace, qtbot, customer):
    when = DAY + dt.timedelta(hours=3)
    dialog = shown(qtbot, OutcomeDialog(workspace, customer_id=customer, now=when))
    dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
    dialog.record_feedback.setChecked(True)
    dialog.feedback_kind.setCurrentIndex(dialog.feedback_kind.findData("request"))
    dialog.feedback_description.setPlainText("要一份新价目表")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    detail = workspace.feedback.get(dialog.feedback_id)
    assert dialog.saved_id is not None and detail.visit_id is None
    assert (detail.item.kind, detail.item.channel, detail.item.received_at) == ("request", "phone", when)


def test_refused_feedback_keeps_the_saved_outcome_and_is_saved_on_the_next_ok(workspace, qtbot, customer,
                                                                             monkeypatch):
    """The contact is written once, even when the feedback after it fails and OK is pressed again."""
    contacts_before = len([e for e in workspace.customers.detail(customer).timeline if e.kind == "visit"])
    create = workspace.feedback.create
    calls = []

    def busy_once(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise DatabaseBusyError()
        return create(*args, **kwargs)

    monkeypatch.setattr(workspace.feedback, "create", busy_once)
    dialog = shown(qtbot, OutcomeDialog(workspace, customer_id=customer, now=DAY))
    dialog.notes.setPlainText("电话里抱怨价格")
    dialog.record_feedback.setChecked(True)
    dialog.feedback_category.setCurrentIndex(dialog.feedback_category.findData("price"))
    dialog.feedback_description.setPlainText("比别家贵")
    dialog.accept()
    assert dialog.isVisible() and dialog.saved_id is not None and dialog.feedback_id is None
    assert dialog.message.text().startswith("The outcome is saved")
    assert not dialog.notes.isEnabled() and dialog.feedback_description.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    visits = [e for e in workspace.customers.detail(customer).timeline if e.kind == "visit"]
    assert len(visits) == contacts_before + 1 and len(calls) == 2
    assert workspace.feedback.get(dialog.feedback_id).item.category == "price"


def test_the_timeline_shows_feedback_steps(area, customer):
    ws = area.workspace
    received = DAY - dt.timedelta(days=3)
    feedback_id = ws.feedback.create(customer, description="发票开错了", category="service", received_at=received)
    version = ws.feedback.get(feedback_id).item.version
    version = ws.feedback.advance(feedback_id, version, "in_progress", note="已联系财务",
                                  at=received + dt.timedelta(hours=2))
    ws.feedback.advance(feedback_id, version, "resolved", note="重开发票", at=received + dt.timedelta(days=1))
    area.show_detail(customer)
    pane = area.detail
    pane.timeline_filter.setCurrentIndex(pane.timeline_filter.findData("feedback"))
    statuses = shown_texts(area, 2)
    whats = shown_texts(area, 1)
    assert pane.timeline.topLevelItemCount() >= 3  # the item itself and its two steps
    assert "Resolved" in statuses and "In progress" in statuses
    assert all(what.startswith("Feedback") for what in whats)
    assert not any("_" in text for text in statuses + whats)  # labels, not stored values
    texts = shown_texts(area, 3)
    assert any("重开发票" in text or "发票开错了" in text for text in texts)
    pane.timeline_filter.setCurrentIndex(pane.timeline_filter.findData("visit"))
    assert "Resolved" not in shown_texts(area, 2)

