"""Customer list, detail and edits with optimistic locking, across two real connections to one file."""

from __future__ import annotations

import datetime as dt

import pytest

from keepclient.db.models import ChangeLog, Customer
from keepclient.domain.errors import ConflictError, RecordNotFoundError
from keepclient.domain.normalize import normalize_name, pinyin_keys
from keepclient.services.workspace import Workspace


@pytest.fixture
def workspace(demo_workspace: Workspace) -> Workspace:
    """The demo team in its file and on a team server: every test here runs on both engines."""
    return demo_workspace


def test_rows_are_paged_in_name_order(workspace: Workspace):
    total = workspace.customers.count()
    first, second = workspace.customers.rows(0, 100), workspace.customers.rows(100, 100)
    kinds = dict(workspace.db.pw.execute_sql("SELECT id, kind FROM customer").fetchall())
    keys = [pinyin_keys(r.name, person=kinds[r.id] == "person")[0] or normalize_name(r.name) for r in first + second]
    assert len(first) == 100 and total == 300
    assert keys == sorted(keys)  # Chinese names by pinyin, among the others alphabetically
    assert {r.id for r in first}.isdisjoint({r.id for r in second})
    assert all(r.tier in "ABC" and r.owner for r in first)
    assert any(r.open_feedback for r in workspace.customers.rows(0, 300))
    assert len(workspace.customers.rows(290, 100)) == 10


def test_detail_has_contacts_and_newest_first_timeline(workspace: Workspace):
    row = next(r for r in workspace.customers.rows(0, 300) if r.tier == "A")
    detail = workspace.customers.detail(row.id)
    assert detail.name == row.name and detail.version == 1
    assert detail.contacts and detail.contacts[0].is_primary
    kinds = {e.kind for e in detail.timeline}
    assert {"visit", "purchase"} <= kinds
    whens = [e.when for e in detail.timeline]
    assert whens == sorted(whens, reverse=True)


def test_missing_customer_is_a_typed_error(workspace: Workspace):
    with pytest.raises(RecordNotFoundError):
        workspace.customers.detail(10**9)


def test_update_bumps_version_logs_fields_and_refreshes_search_keys(workspace: Workspace):
    cid = workspace.editor.create("Acme Trading", phone="010-6552 9988")
    version = workspace.editor.update(cid, 1, {"name": "张伟商行", "phone": "138 0000 1111", "city": "北京"})
    assert version == 2
    with workspace.db.session():
        row = Customer.get_by_id(cid)
        logged = {(c.field, c.old_value, c.new_value, c.changed_by)
                  for c in ChangeLog.select().where(ChangeLog.record_id == cid)}
    assert (row.name_pinyin, row.name_initials, row.phone_digits) == ("zhangweishanghang", "zwsh", "13800001111")
    assert row.updated_by == "tester"
    assert logged == {
        ("name", "Acme Trading", "张伟商行", "tester"),
        ("phone", "010 6552 9988", "138 0000 1111", "tester"),
        ("city", "", "北京", "tester"),
    }


def test_saving_unchanged_values_keeps_the_version(workspace: Workspace):
    cid = workspace.editor.create("Same")
    assert workspace.editor.update(cid, 1, {"name": "Same"}) == 1


def test_stale_update_from_a_second_connection_raises_conflict_with_both_sides(workspace: Workspace):
    colleague = Workspace.open(workspace.source, shared=False, user="colleague")
    cid = workspace.customers.rows(0, 1)[0].id
    mine = workspace.customers.detail(cid)
    theirs = colleague.customers.detail(cid)
    colleague.editor.update(cid, theirs.version, {"notes": "客户要求周五送货", "tier": "A"})
    with pytest.raises(ConflictError) as caught:
        workspace.editor.update(cid, mine.version, {"notes": "my note", "next_follow_up": dt.date(2026, 12, 1)})
    conflict = caught.value
    assert (conflict.params["yours_version"], conflict.params["theirs_version"]) == (1, 2)
    assert conflict.yours == {"notes": "my note", "next_follow_up": dt.date(2026, 12, 1)}
    assert conflict.theirs["notes"] == "客户要求周五送货" and conflict.theirs["updated_by"] == "colleague"
    assert workspace.customers.detail(cid).notes == "客户要求周五送货"  # nothing overwritten
    colleague.close()


def test_unknown_fields_are_refused(workspace: Workspace):
    with pytest.raises(ValueError):
        workspace.editor.update(1, 1, {"version": 9})
