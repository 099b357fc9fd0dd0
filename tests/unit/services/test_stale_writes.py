"""One write path: every change to a customer, contact, visit or feedback item is checked against the version its
writer read, so a colleague's save in between is refused (ConflictError) and never silently overwritten.

Two workspaces ("me" and "colleague") open the same real SQLite file, as two laptops on a shared folder would.
Each test makes one of us read, lets the other save, and shows that the stale write is refused and changed nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import ChangeLog, Customer, Visit
from keepclient.domain.errors import ConflictError
from keepclient.domain.types import FIRST_VERSION, Recurrence
from keepclient.services.workspace import Workspace
from tests.small_team import build

MONDAY = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def two(new_database):
    """Me and a colleague on one file, or on one team server; the small team's customers by key."""
    where = new_database("team")
    me, ids, people = build(where)
    colleague = Workspace.open(where, user="colleague")
    yield me, colleague, ids, people
    colleague.close()
    me.close()


def _customer(ws: Workspace, customer_id: int) -> dict:
    with ws.db.session():
        return Customer.select().where(Customer.id == customer_id).dicts().get()


def _visit(ws: Workspace, visit_id: int) -> dict:
    with ws.db.session():
        return Visit.select().where(Visit.id == visit_id).dicts().get()


# -- side effects on the customer raise its version ------------------------------------------------------------
def test_planning_raises_the_customers_version_so_a_stale_customer_save_is_refused(two):
    me, colleague, ids, _ = two
    seen = colleague.customers.detail(ids["huaxin"])  # the colleague opens the customer
    planned = me.visits.plan(ids["huaxin"], start=MONDAY)
    assert planned.dates is not None and planned.dates.version == seen.version + 1
    with pytest.raises(ConflictError):
        colleague.editor.update(ids["huaxin"], seen.version, {"next_follow_up": dt.date(2027, 3, 1)})
    assert _customer(me, ids["huaxin"])["next_follow_up"] == MONDAY.date()


def test_logging_done_raises_the_customers_version_so_a_stale_customer_save_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    seen = colleague.customers.detail(ids["zhangwei"])
    dates = me.visits.log_outcome(vid, version=FIRST_VERSION, status="done", next_follow_up=dt.date(2027, 1, 4))
    assert dates is not None and dates.version == seen.version + 1
    with pytest.raises(ConflictError):
        colleague.editor.update(ids["zhangwei"], seen.version, {"next_follow_up": dt.date(2026, 12, 1)})
    row = _customer(me, ids["zhangwei"])
    assert (row["last_contact"], row["next_follow_up"]) == (MONDAY.date(), dt.date(2027, 1, 4))
    with me.db.session():  # the side effect is in the change log like any field change
        assert ChangeLog.select().where((ChangeLog.table_name == "customer") & (ChangeLog.field == "last_contact")
                                        & (ChangeLog.record_id == ids["zhangwei"])).count() == 1


def test_logging_a_call_raises_the_customers_version_so_a_stale_customer_save_is_refused(two):
    me, colleague, ids, _ = two
    seen = colleague.customers.detail(ids["shan"])
    logged = me.activity.log_contact(ids["shan"], kind="call", when=MONDAY, next_follow_up=dt.date(2027, 2, 1))
    assert logged.dates.version == seen.version + 1
    with pytest.raises(ConflictError):
        colleague.editor.update(ids["shan"], seen.version, {"next_follow_up": None})
    assert _customer(me, ids["shan"])["next_follow_up"] == dt.date(2027, 2, 1)


# -- undo of a logged contact never wipes a later save ------------------------------------------------------------
def test_undoing_a_logged_call_after_a_colleagues_save_is_refused_and_changes_nothing(two):
    me, colleague, ids, _ = two
    logged = me.activity.log_contact(ids["shan"], kind="call", when=MONDAY, next_follow_up=dt.date(2027, 2, 1))
    seen = colleague.customers.detail(ids["shan"])
    colleague.editor.update(ids["shan"], seen.version, {"next_follow_up": dt.date(2027, 5, 5)})
    with pytest.raises(ConflictError):
        me.activity.set_entries_deleted("visit", {logged.entry_id: FIRST_VERSION}, True, logged.dates)
    assert _customer(me, ids["shan"])["next_follow_up"] == dt.date(2027, 5, 5)  # their save stays
    assert _visit(me, logged.entry_id)["deleted_at"] is None  # one transaction: the visit stays too


def test_undo_and_redo_of_a_logged_call_while_nobody_saved_in_between(two):
    me, _colleague, ids, _ = two
    before = _customer(me, ids["shan"])
    logged = me.activity.log_contact(ids["shan"], kind="call", when=MONDAY, next_follow_up=dt.date(2027, 2, 1))
    versions, dates = me.activity.set_entries_deleted("visit", {logged.entry_id: FIRST_VERSION}, True, logged.dates)
    row = _customer(me, ids["shan"])
    assert (row["last_contact"], row["next_follow_up"]) == (before["last_contact"], before["next_follow_up"])
    assert dates is not None and dates.version == logged.dates.version + 1 == row["version"]
    me.activity.set_entries_deleted("visit", versions, False, dates)
    assert _customer(me, ids["shan"])["next_follow_up"] == dt.date(2027, 2, 1)


def test_undoing_a_logged_visit_after_a_colleague_edited_it_is_refused(two):
    me, colleague, ids, _ = two
    logged = me.activity.log_contact(ids["brown"], kind="visit", when=MONDAY)
    colleague.visits.update(logged.entry_id, {"purpose": "补记"}, version=FIRST_VERSION)
    with pytest.raises(ConflictError):
        me.activity.set_entries_deleted("visit", {logged.entry_id: FIRST_VERSION}, True, logged.dates)
    assert _visit(me, logged.entry_id)["deleted_at"] is None
    assert _customer(me, ids["brown"])["last_contact"] == MONDAY.date()


def test_undoing_new_feedback_after_a_colleague_worked_on_it_is_refused(two):
    me, colleague, ids, _ = two
    item = me.feedback.create(ids["huaxin"], description="包装破损")
    colleague.feedback.advance(item, FIRST_VERSION, "in_progress", note="已联系")
    with pytest.raises(ConflictError):
        me.activity.set_entries_deleted("feedback", {item: FIRST_VERSION}, True)
    assert me.feedback.get(item).item.status == "in_progress"


# -- visits --------------------------------------------------------------------------------------------------
def test_a_stale_visit_edit_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    seen = me.visits.get(vid)
    colleague.visits.update(vid, {"purpose": "送样品"}, version=seen.version)
    with pytest.raises(ConflictError):
        me.visits.update(vid, {"purpose": "对账"}, version=seen.version)
    assert me.visits.get(vid).purpose == "送样品"


def test_a_stale_move_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    seen = me.visits.get(vid)
    colleague.visits.reschedule(vid, MONDAY + dt.timedelta(hours=3), version=seen.version)
    with pytest.raises(ConflictError):
        me.visits.reschedule(vid, MONDAY + dt.timedelta(days=1), minutes=30, version=seen.version)
    moved = me.visits.get(vid)
    assert (moved.start, moved.minutes) == (MONDAY + dt.timedelta(hours=3), 60)


def test_a_stale_series_move_changes_no_occurrence(two):
    me, colleague, ids, _ = two
    series = me.visits.plan(ids["zhangwei"], start=MONDAY, repeat=Recurrence(1, "week", count=3))
    seen = me.visits.get(series[0])
    colleague.visits.update(series[0], {"purpose": "改了"}, version=seen.version)
    with pytest.raises(ConflictError):
        me.visits.reschedule(series[0], MONDAY + dt.timedelta(days=1), scope="series", version=seen.version)
    assert [me.visits.get(v).start for v in series] == [MONDAY + dt.timedelta(weeks=n) for n in range(3)]


def test_undoing_a_series_move_after_a_colleague_moved_one_occurrence_is_refused(two):
    me, colleague, ids, _ = two
    series = me.visits.plan(ids["zhangwei"], start=MONDAY, repeat=Recurrence(1, "week", count=3))
    after = me.visits.reschedule(series[0], MONDAY + dt.timedelta(hours=2), scope="series", version=FIRST_VERSION)
    assert after == dict.fromkeys(series, 2)
    colleague.visits.reschedule(series[2], MONDAY + dt.timedelta(weeks=2, hours=5), version=2)
    with pytest.raises(ConflictError):  # undo: back by two hours, expecting what the move left
        me.visits.reschedule(series[0], MONDAY, scope="series", version=after)
    assert me.visits.get(series[2]).start == MONDAY + dt.timedelta(weeks=2, hours=5)
    assert me.visits.get(series[1]).start == MONDAY + dt.timedelta(weeks=1, hours=2)


def test_a_stale_delete_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    colleague.visits.update(vid, {"location": "工厂"}, version=FIRST_VERSION)
    with pytest.raises(ConflictError):
        me.visits.delete(vid, version=FIRST_VERSION)
    assert me.visits.get(vid).location == "工厂"


def test_undoing_a_delete_after_a_colleague_restored_and_edited_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    deleted = me.visits.delete(vid, version=FIRST_VERSION)
    restored = colleague.visits.restore(deleted)
    colleague.visits.update(vid, {"purpose": "还是要去"}, version=restored[vid])
    with pytest.raises(ConflictError):
        me.visits.restore(deleted)
    with pytest.raises(ConflictError):  # redo of the delete, too
        me.visits.trash(deleted)
    assert me.visits.get(vid).purpose == "还是要去"


def test_undoing_a_paste_after_a_colleague_edited_the_copy_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    pasted = me.visits.copy(vid, MONDAY + dt.timedelta(days=2))
    assert me.visits.get(pasted).version == FIRST_VERSION
    colleague.visits.update(pasted, {"minutes": 90}, version=FIRST_VERSION)
    with pytest.raises(ConflictError):
        me.visits.trash({pasted: FIRST_VERSION})
    assert me.visits.get(pasted).minutes == 90


def test_a_stale_outcome_is_refused(two):
    me, colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    before = _customer(me, ids["zhangwei"])
    colleague.visits.log_outcome(vid, version=FIRST_VERSION, status="cancelled", notes="客户改期")
    with pytest.raises(ConflictError):
        me.visits.log_outcome(vid, version=FIRST_VERSION, status="done", notes="谈妥")
    visit = me.visits.get(vid)
    assert (visit.status, visit.outcome) == ("cancelled", "客户改期")
    after = _customer(me, ids["zhangwei"])
    assert (after["last_contact"], after["version"]) == (before["last_contact"], before["version"])


def test_visit_changes_keep_a_change_log(two):
    me, _colleague, ids, _ = two
    (vid,) = me.visits.plan(ids["zhangwei"], start=MONDAY)
    me.visits.reschedule(vid, MONDAY + dt.timedelta(hours=1), version=FIRST_VERSION)
    with me.db.session():
        (row,) = ChangeLog.select().where((ChangeLog.table_name == "visit") & (ChangeLog.record_id == vid)).dicts()
    assert (row["field"], row["changed_by"]) == ("planned_start", "tester")
    assert row["new_value"].startswith(str(MONDAY + dt.timedelta(hours=1)))


# -- customers: bulk actions and the trash ------------------------------------------------------------------
def test_undoing_a_bulk_change_after_a_colleagues_save_is_refused(two):
    me, colleague, ids, _ = two
    chosen = [ids["zhangwei"], ids["shan"]]
    before, versions = me.editor.bulk_update(chosen, {"tier": "B"})
    seen = colleague.customers.detail(ids["shan"])
    colleague.editor.update(ids["shan"], seen.version, {"tier": "A"})
    with pytest.raises(ConflictError):
        me.editor.restore_values(before, versions)
    assert [_customer(me, c)["tier"] for c in chosen] == ["B", "A"]  # nothing put back, their A kept
    with pytest.raises(ConflictError):  # a redo with the old versions is refused as well
        me.editor.bulk_update(chosen, {"tier": "C"}, versions)


def test_trash_and_its_undo_are_checked(two):
    me, colleague, ids, _ = two
    seen = colleague.customers.detail(ids["muller"])
    trashed = me.editor.set_deleted([ids["muller"]], True)
    assert trashed == {ids["muller"]: seen.version + 1}
    with pytest.raises(ConflictError):  # the colleague's form was opened before the trash
        colleague.editor.update(ids["muller"], seen.version, {"city": "Bremen"})
    restored = colleague.editor.set_deleted([ids["muller"]], False)
    colleague.editor.update(ids["muller"], restored[ids["muller"]], {"city": "Bremen"})
    with pytest.raises(ConflictError):  # my undo of the trash: they restored and edited it since
        me.editor.set_deleted([ids["muller"]], False, trashed)
    with pytest.raises(ConflictError):  # my redo of the trash
        me.editor.set_deleted([ids["muller"]], True, trashed)
    row = _customer(me, ids["muller"])
    assert (row["deleted_at"], row["city"]) == (None, "Bremen")


def test_undoing_a_tag_change_keeps_the_tags_a_colleague_changed_since(two):
    me, colleague, ids, _ = two
    chosen = [ids["zhangwei"], ids["huaxin"]]  # 华信 already has VIP
    before = me.editor.tag_sets(chosen)
    me.editor.change_tags(chosen, add=["展会"], remove=["VIP"])
    colleague.editor.change_tags([ids["zhangwei"]], add=["重点"])
    colleague.editor.change_tags([ids["huaxin"]], remove=["展会"])
    me.editor.restore_tag_sets(before, add=["展会"], remove=["VIP"])
    assert me.editor.tag_sets(chosen) == {ids["zhangwei"]: ("重点",), ids["huaxin"]: ("VIP",)}


# -- contacts ---------------------------------------------------------------------------------------------------
def test_stale_contact_remove_restore_and_primary_are_refused(two):
    me, colleague, ids, _ = two
    first = me.contacts.add(ids["shan"], name="单丽")
    second = me.contacts.add(ids["shan"], name="李雷")
    colleague.contacts.update(second, FIRST_VERSION, {"title": "采购"})
    with pytest.raises(ConflictError):
        me.contacts.remove(second, FIRST_VERSION)
    with pytest.raises(ConflictError):
        me.contacts.set_primary(second, FIRST_VERSION)
    primary = {c.id: c.is_primary for c in me.customers.detail(ids["shan"]).contacts}
    assert primary == {first: True, second: False}  # refused as a whole: the first is still primary
    removed = me.contacts.remove(first, FIRST_VERSION)
    colleague.contacts.restore(first, removed)
    with pytest.raises(ConflictError):  # my undo of the removal, after the colleague brought it back
        me.contacts.restore(first, removed)


# -- feedback ---------------------------------------------------------------------------------------------------
def test_stale_feedback_edit_and_step_are_refused(two):
    me, colleague, ids, _ = two
    item = me.feedback.create(ids["huaxin"], description="发票抬头错误")
    colleague.feedback.update(item, FIRST_VERSION, {"severity": "high"})
    with pytest.raises(ConflictError):
        me.feedback.update(item, FIRST_VERSION, {"description": "发票错误"})
    with pytest.raises(ConflictError):
        me.feedback.advance(item, FIRST_VERSION, "in_progress")
    detail = me.feedback.get(item)
    assert (detail.item.description, detail.item.severity, detail.item.status) == ("发票抬头错误", "high", "new")
