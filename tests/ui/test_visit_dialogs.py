"""The visit, outcome and cadence dialogs on the demo database, driven as a user would (never exec())."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt

from keepclient.domain.errors import RecordNotFoundError
from keepclient.domain.types import CustomerFilter, Recurrence, VisitItem
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.cadence_dialog import CadenceDialog
from keepclient.ui.calendar.outcome_dialog import OutcomeDialog
from keepclient.ui.calendar.visit_dialog import VisitDialog
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter, shown

FREE = dt.datetime(2027, 3, 7, 7, 0)  # a Sunday morning long after the demo's planned visits


def accept(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        dialog.accept()


def planned_visit(ws: Workspace, day: dt.date = DEMO_TODAY) -> VisitItem:
    start = dt.datetime.combine(day, dt.time())
    return next(v for v in ws.visits.between(start, start + dt.timedelta(days=1))
                if v.status == "planned" and v.salesperson_id is not None)


def customer_with_contacts(ws: Workspace, skip: int = 0):
    found = [d for d in (ws.customers.detail(r.id) for r in ws.customers.rows(0, 40))
             if len(d.contacts) >= 2 and d.values["address"] and d.values["owner"]]
    return found[skip]


def test_planning_a_visit_for_a_customer_found_by_typing(workspace, qtbot):
    target = customer_with_contacts(workspace)
    digits = re.sub(r"\D", "", target.values["phone"])
    prompter = ScriptedPrompter()
    dialog = shown(qtbot, VisitDialog(workspace, start=FREE, prompter=prompter))
    assert dialog.picker is not None and dialog.repeat is not None
    qtbot.keyClicks(dialog.picker.edit, digits[:4])
    hits = dialog.picker.hits
    qtbot.waitUntil(hits.isVisible)  # searched once typing paused
    assert hits.count() >= 1
    qtbot.keyClicks(dialog.picker.edit, digits[4:])
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Down)  # searches at once, and moves into the matches
    assert hits.hasFocus() and hits.item(0).data(Qt.ItemDataRole.UserRole) == target.id
    qtbot.keyClick(hits, Qt.Key.Key_Return)  # picks; the dialog's OK does not see this Enter
    assert dialog.customer_id == target.id and dialog.picker.edit.text() == target.name and not hits.isVisible()
    # the customer's address, owner and primary contact are the defaults
    assert dialog.location.text() == target.values["address"]
    assert dialog.salesperson.currentData() == target.values["owner"]
    assert dialog.contact.currentData() == target.contacts[0].id and target.contacts[0].is_primary
    assert [dialog.contact.itemData(i) for i in range(dialog.contact.count())] == [
        None, *(c.id for c in target.contacts)]
    dialog.contact.setCurrentIndex(2)
    dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
    dialog.minutes.setValue(45)
    dialog.purpose.setText("报价跟进")
    accept(qtbot, dialog)
    assert prompter.asked == [] and len(dialog.saved_ids) == 1
    visit = workspace.visits.get(dialog.saved_ids[0])
    assert (visit.customer_id, visit.start, visit.minutes, visit.kind, visit.purpose, visit.location,
            visit.contact_id, visit.salesperson_id, visit.status, visit.series_id) == (
        target.id, FREE, 45, "call", "报价跟进", target.values["address"], target.contacts[1].id,
        target.values["owner"], "planned", None)


def test_without_a_customer_nothing_is_saved_and_nothing_typed_is_lost(workspace, qtbot):
    before = workspace.visits.count_between(FREE, FREE + dt.timedelta(days=1))
    dialog = shown(qtbot, VisitDialog(workspace, start=FREE, prompter=ScriptedPrompter()))
    dialog.purpose.setText("先写目的")
    qtbot.keyClicks(dialog.picker.edit, "zzzzzzzz")  # matches nobody
    qtbot.waitUntil(lambda: not dialog.picker.timer.isActive())
    assert not dialog.picker.hits.isVisible() and dialog.picker.hits.count() == 0
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0 and dialog.saved_ids == []
    assert "cannot be empty" in dialog.message.text() and dialog.picker.edit.styleSheet()
    assert dialog.purpose.text() == "先写目的" and dialog.picker.edit.text() == "zzzzzzzz"
    assert workspace.visits.count_between(FREE, FREE + dt.timedelta(days=1)) == before


def test_a_repeating_follow_up_writes_every_visit(workspace, qtbot):
    target = customer_with_contacts(workspace)
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=target.id, start=dt.datetime(2027, 1, 31, 9, 30),
                                      prompter=ScriptedPrompter()))
    assert dialog.customer_label.text() == target.name
    repeat = dialog.repeat
    assert not repeat.every.isEnabled()
    repeat.unit.setCurrentIndex(repeat.unit.findData("month"))
    assert repeat.every.isEnabled()
    repeat.until.setDate(QDate(2027, 4, 30))
    assert repeat.until_choice.isChecked()
    assert repeat.summary.text().startswith("4 visit")
    accept(qtbot, dialog)
    visits = [workspace.visits.get(i) for i in dialog.saved_ids]
    assert [v.start for v in visits] == [dt.datetime(2027, 1, 31, 9, 30), dt.datetime(2027, 2, 28, 9, 30),
                                         dt.datetime(2027, 3, 31, 9, 30), dt.datetime(2027, 4, 30, 9, 30)]
    assert len({v.series_id for v in visits}) == 1 and visits[0].series_id is not None


def test_a_weekly_series_by_count(workspace, qtbot):
    target = customer_with_contacts(workspace, skip=1)
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=target.id, start=FREE, prompter=ScriptedPrompter()))
    dialog.repeat.set_value(Recurrence(2, "week", count=5))
    assert dialog.repeat.value() == Recurrence(2, "week", count=5)
    accept(qtbot, dialog)
    starts = [workspace.visits.get(i).start for i in dialog.saved_ids]
    assert starts == [FREE + dt.timedelta(weeks=2 * n) for n in range(5)]


def test_a_refused_repeat_is_marked_and_nothing_is_written(workspace, qtbot):
    target = customer_with_contacts(workspace)
    before = workspace.visits.count_between(FREE - dt.timedelta(days=30), FREE + dt.timedelta(days=30))
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=target.id, start=FREE, prompter=ScriptedPrompter()))
    dialog.repeat.unit.setCurrentIndex(dialog.repeat.unit.findData("day"))
    dialog.repeat.until.setDate(QDate(2027, 3, 1))  # before the first visit
    assert "not valid" in dialog.repeat.summary.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.saved_ids == [] and "not valid" in dialog.message.text()
    assert dialog.repeat.until.styleSheet() and dialog.repeat.unit.currentData() == "day"
    assert workspace.visits.count_between(FREE - dt.timedelta(days=30), FREE + dt.timedelta(days=30)) == before
    dialog.repeat.until.setDate(QDate(2027, 3, 9))
    accept(qtbot, dialog)
    assert len(dialog.saved_ids) == 3


def test_overlap_warning_go_back_then_go_on(workspace, qtbot):
    busy = planned_visit(workspace, DEMO_TODAY + dt.timedelta(days=1))
    other = next(r.id for r in workspace.customers.rows(0, 5) if r.id != busy.customer_id)
    start = busy.start + dt.timedelta(minutes=10)
    window = (busy.start.replace(hour=0, minute=0), busy.start.replace(hour=0, minute=0) + dt.timedelta(days=1))
    count = workspace.visits.count_between(*window)
    prompter = ScriptedPrompter(yes=False)
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=other, start=start,
                                      salesperson_id=busy.salesperson_id, prompter=prompter))
    assert dialog.salesperson.currentData() == busy.salesperson_id  # the one given, not the customer's owner
    dialog.purpose.setText("送样品")
    dialog.accept()  # go back
    assert prompter.kinds() == ["question"] and busy.customer in prompter.asked[0][2]
    assert busy.salesperson in prompter.asked[0][2]
    assert dialog.isVisible() and dialog.result() == 0 and dialog.purpose.text() == "送样品"
    assert workspace.visits.count_between(*window) == count
    prompter.yes = True
    accept(qtbot, dialog)  # go on
    assert len(prompter.asked) == 2 and workspace.visits.count_between(*window) == count + 1
    assert workspace.visits.get(dialog.saved_ids[0]).salesperson_id == busy.salesperson_id


def test_another_salespersons_visit_is_no_overlap(workspace, qtbot):
    busy = planned_visit(workspace, DEMO_TODAY + dt.timedelta(days=1))
    free = [p.id for p in workspace.team.salespeople() if p.id != busy.salesperson_id
            and not workspace.visits.overlapping(p.id, busy.start, busy.minutes)]
    assert free  # the demo team has someone free at that time
    prompter = ScriptedPrompter(yes=False)
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=busy.customer_id, start=busy.start,
                                      salesperson_id=free[0], prompter=prompter))
    dialog.minutes.setValue(busy.minutes)
    accept(qtbot, dialog)
    assert prompter.asked == [] and workspace.visits.get(dialog.saved_ids[0]).salesperson_id == free[0]


def test_a_series_occurrence_overlapping_is_named(workspace, qtbot):
    busy = planned_visit(workspace, DEMO_TODAY + dt.timedelta(days=7))
    customer = next(r.id for r in workspace.customers.rows(0, 5) if r.id != busy.customer_id)
    prompter = ScriptedPrompter(yes=False)
    dialog = shown(qtbot, VisitDialog(workspace, customer_id=customer, start=busy.start - dt.timedelta(days=7),
                                      salesperson_id=busy.salesperson_id, prompter=prompter))
    dialog.repeat.set_value(Recurrence(1, "week", count=3))  # the second one clashes
    dialog.accept()
    assert prompter.kinds() == ["question"] and busy.customer in prompter.asked[0][2]
    assert dialog.isVisible() and dialog.saved_ids == []


def test_editing_a_visit_of_a_series_asks_this_one_or_all(workspace, qtbot):
    target = customer_with_contacts(workspace)
    ids = workspace.visits.plan(target.id, start=dt.datetime(2027, 2, 1, 9, 0), purpose="月度回访",
                                repeat=Recurrence(1, "week", count=4))
    prompter = ScriptedPrompter(choice=None)
    dialog = shown(qtbot, VisitDialog(workspace, visit=workspace.visits.get(ids[1]), prompter=prompter))
    assert dialog.repeat is None and dialog.windowTitle() == "Change visit"
    assert dialog.purpose.text() == "月度回访" and dialog.start() == dt.datetime(2027, 2, 8, 9, 0)
    dialog.purpose.setText("只改这一次")
    dialog.accept()  # cancelled at the question: nothing changes, the dialog stays
    assert prompter.kinds() == ["choice"] and dialog.isVisible()
    assert workspace.visits.get(ids[1]).purpose == "月度回访"
    prompter.choice = 0  # only this one
    accept(qtbot, dialog)
    assert [workspace.visits.get(i).purpose for i in ids] == ["月度回访", "只改这一次", "月度回访", "月度回访"]

    dialog = shown(qtbot, VisitDialog(workspace, visit=workspace.visits.get(ids[2]), prompter=prompter))
    prompter.choice = 1  # the whole series
    dialog.purpose.setText("全部改")
    dialog.set_start(dt.datetime(2027, 2, 15, 14, 0))
    accept(qtbot, dialog)
    visits = [workspace.visits.get(i) for i in ids]
    assert [v.purpose for v in visits] == ["全部改"] * 4
    assert [v.start for v in visits] == [dt.datetime(2027, 2, 1 + 7 * n, 14, 0) for n in range(4)]


def test_editing_a_single_visit_asks_nothing(workspace, qtbot):
    visit = planned_visit(workspace, DEMO_TODAY + dt.timedelta(days=2))
    prompter = ScriptedPrompter()
    dialog = shown(qtbot, VisitDialog(workspace, visit=visit, prompter=prompter))
    assert dialog.contact.currentData() == visit.contact_id and dialog.location.text() == visit.location
    dialog.location.setText("客户仓库")
    accept(qtbot, dialog)
    after = workspace.visits.get(visit.id)
    assert prompter.asked == [] and after.location == "客户仓库" and after.start == visit.start
    assert dialog.saved_ids == [visit.id]


def test_editing_a_visit_a_colleague_changed_meanwhile_overwrites_nothing_until_saved_again(workspace, demo_db,
                                                                                          qtbot):
    visit = planned_visit(workspace, DEMO_TODAY + dt.timedelta(days=2))
    dialog = shown(qtbot, VisitDialog(workspace, visit=visit, prompter=ScriptedPrompter()))
    colleague = Workspace.open(demo_db, user="colleague")
    colleague.visits.update(visit.id, {"purpose": "同事改的"}, version=visit.version)
    colleague.close()
    dialog.location.setText("客户仓库")
    dialog.accept()
    assert dialog.isVisible() and "Someone else changed this visit" in dialog.message.text()
    assert workspace.visits.get(visit.id).location == visit.location  # nothing overwritten
    accept(qtbot, dialog)  # saving again, knowingly: only what was typed here goes over their version
    after = workspace.visits.get(visit.id)
    assert (after.location, after.purpose) == ("客户仓库", "同事改的")


def test_an_outcome_over_a_colleagues_outcome_is_refused_first(workspace, demo_db, qtbot):
    visit = planned_visit(workspace)
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=visit))
    colleague = Workspace.open(demo_db, user="colleague")
    colleague.visits.log_outcome(visit.id, version=visit.version, status="cancelled", notes="客户改期")
    colleague.close()
    dialog.notes.setPlainText("客户要报价")
    dialog.accept()
    assert dialog.isVisible() and "Someone else changed this visit" in dialog.message.text()
    after = workspace.visits.get(visit.id)
    assert (after.status, after.outcome) == ("cancelled", "客户改期")


def test_outcome_done_moves_last_contact_and_next_due(workspace, qtbot):
    visit = planned_visit(workspace)
    suggested = workspace.visits.suggested_follow_up(visit.customer_id, visit.start.date())
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=visit))
    assert visit.customer in dialog.heading.text()
    assert dialog.status.currentData() == "done"
    assert dialog.next_follow_up.value() == suggested and suggested > visit.start.date()
    assert dialog.satisfaction.value() == 0 and dialog.satisfaction.text() == "not asked"
    dialog.notes.setPlainText("客户要报价")
    dialog.satisfaction.setValue(4)
    accept(qtbot, dialog)
    after = workspace.visits.get(visit.id)
    assert (after.status, after.outcome, after.satisfaction) == ("done", "客户要报价", 4)
    detail = workspace.customers.detail(visit.customer_id)
    assert detail.last_contact == visit.start.date() and detail.values["next_follow_up"] == suggested
    assert any(e.status == "done" and "客户要报价" in e.text for e in detail.timeline)


def test_an_edited_follow_up_date_wins(workspace, qtbot):
    visit = planned_visit(workspace)
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=visit))
    dialog.next_follow_up.set_value(dt.date(2027, 1, 15))
    accept(qtbot, dialog)
    assert workspace.customers.detail(visit.customer_id).values["next_follow_up"] == dt.date(2027, 1, 15)


def test_satisfaction_cannot_leave_one_to_five(workspace, qtbot):
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=planned_visit(workspace)))
    spin = dialog.satisfaction
    spin.setValue(9)
    assert spin.value() == 5
    spin.setValue(-2)
    assert spin.value() == 0 and spin.text() == "not asked"
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    assert spin.value() in range(0, 6)
    assert (spin.minimum(), spin.maximum()) == (0, 5)


def test_a_missed_visit_leaves_the_customer_due(workspace, qtbot):
    visit = planned_visit(workspace)
    before = workspace.customers.detail(visit.customer_id)
    dialog = shown(qtbot, OutcomeDialog(workspace, visit=visit))
    dialog.satisfaction.setValue(3)
    dialog.status.setCurrentIndex(dialog.status.findData("missed"))
    assert not dialog.satisfaction.isEnabled() and dialog.satisfaction.value() == 0
    assert dialog.next_follow_up.value() is None
    accept(qtbot, dialog)
    after = workspace.customers.detail(visit.customer_id)
    assert workspace.visits.get(visit.id).status == "missed"
    assert (after.last_contact, after.values["next_follow_up"]) == (before.last_contact,
                                                                    before.values["next_follow_up"])


def test_logging_a_contact_without_a_planned_visit(workspace, qtbot):
    target = customer_with_contacts(workspace)
    when = dt.datetime(2026, 11, 23, 15, 30)
    dialog = shown(qtbot, OutcomeDialog(workspace, customer_id=target.id, now=when))
    assert dialog.status is None and dialog.kind.currentData() == "call"
    assert dialog.next_follow_up.value() == workspace.visits.suggested_follow_up(target.id, when.date())
    dialog.kind.setCurrentIndex(dialog.kind.findData("message"))
    dialog.contact.setCurrentIndex(dialog.contact.findData(target.contacts[1].id))
    dialog.notes.setPlainText("微信沟通了交期")
    accept(qtbot, dialog)
    visit = workspace.visits.get(dialog.saved_id)
    assert (visit.kind, visit.status, visit.start, visit.contact_id, visit.outcome) == (
        "message", "done", when, target.contacts[1].id, "微信沟通了交期")
    assert workspace.customers.detail(target.id).last_contact == when.date()


def test_cadence_dialog_saves_the_team_settings(workspace, qtbot):
    dialog = shown(qtbot, CadenceDialog(workspace))
    assert dialog.values() == workspace.team.cadence() == {"A": 14, "B": 30, "C": 90, "new_days": 7,
                                                            "new_period": 30}
    dialog.spins["A"].setValue(10)
    dialog.spins["C"].setValue(120)
    dialog.spins["new_period"].setValue(0)
    assert dialog.spins["new_period"].text() == "no start-up period"
    accept(qtbot, dialog)
    assert workspace.team.cadence() == {"A": 10, "B": 30, "C": 120, "new_days": 7, "new_period": 0}
    a_customer = next(r.id for r in workspace.customers.rows(0, 300, CustomerFilter(tiers=("A",)))
                      if not workspace.customers.detail(r.id).values["cadence_days"])
    assert workspace.visits.suggested_follow_up(a_customer, DEMO_TODAY) == DEMO_TODAY + dt.timedelta(days=10)

    again = shown(qtbot, CadenceDialog(workspace))
    assert again.values()["A"] == 10
    again.defaults.click()
    assert again.values() == {"A": 14, "B": 30, "C": 90, "new_days": 7, "new_period": 30}
    with qtbot.waitSignal(again.finished):
        again.reject()
    assert workspace.team.cadence()["A"] == 10  # cancelled: nothing saved


def test_schedule_follow_up_plans_a_series_in_one_undo_step(window, qtbot):
    area = window.customers
    customer = area.detail.shown_id
    ws = window.workspace
    due_before = ws.customers.detail(customer).values["next_follow_up"]
    window.customer_actions["schedule"].trigger()
    dialog = area.operations.dialog
    assert isinstance(dialog, VisitDialog) and dialog.customer_id == customer
    dialog.set_start(FREE)
    dialog.repeat.set_value(Recurrence(1, "week", count=3))
    accept(qtbot, dialog)
    ids = dialog.saved_ids
    assert len(ids) == 3 and area.operations.dialog is None
    assert window.customer_actions["undo"].text().endswith("Schedule 3 follow-ups")
    window.customer_actions["undo"].trigger()
    for visit_id in ids:
        with pytest.raises(RecordNotFoundError):
            ws.visits.get(visit_id)
    assert ws.customers.detail(customer).values["next_follow_up"] == due_before
    window.customer_actions["redo"].trigger()
    assert [ws.visits.get(i).start for i in ids] == [FREE + dt.timedelta(weeks=n) for n in range(3)]
