"""Models: common columns, cascades, and indexes the UI's queries actually use."""

from __future__ import annotations

import re

import pytest

from keepclient.db.models import Contact, Customer, Salesperson
from keepclient.services.workspace import Workspace


def test_every_record_gets_uuid_timestamps_and_version(tmp_path):
    ws = Workspace.open(tmp_path / "m.db")
    with ws.db.write():
        sid = Salesperson.insert(name="李娜", code="S01").execute()
        cid = Customer.insert(name="甲公司", owner=sid).execute()
        Contact.insert(customer=cid, name="王芳").execute()
    with ws.db.session():
        customer = Customer.get_by_id(cid)
        assert re.fullmatch(r"[0-9a-f-]{36}", customer.uuid)
        assert customer.version == 1 and customer.created_at and customer.updated_at
        assert customer.owner.name == "李娜"
    with ws.db.write():
        Customer.delete().where(Customer.id == cid).execute()
    with ws.db.session():
        assert Contact.select().count() == 0  # contacts go with their customer
    ws.close()


@pytest.mark.parametrize(("where", "index"), [
    ("deleted_at IS NULL AND owner_id = 1", "customer_deleted_at_owner_id_sort_key"),
    ("deleted_at IS NULL AND tier = 'A'", "customer_deleted_at_tier_sort_key"),
    ("deleted_at IS NULL AND stage = 'at_risk'", "customer_deleted_at_stage_sort_key"),
    ("deleted_at IS NULL AND next_follow_up < '2026-11-23'", "customer_deleted_at_next_follow_up_sort_key"),
    ("name_norm = 'acme'", "customer_name_norm"),
    ("phone_digits = '13812345678'", "customer_phone_digits"),
    ("name_initials GLOB 'zw*'", "customer_name_initials"),
])
def test_list_queries_use_indexes(workspace: Workspace, where: str, index: str):
    plan = workspace.db.pw.execute_sql(f"EXPLAIN QUERY PLAN SELECT id FROM customer WHERE {where}").fetchall()
    assert any(index in row[-1] for row in plan), plan


@pytest.mark.parametrize("order", ["sort_key, id", "tier, sort_key, id", "next_follow_up DESC, sort_key DESC, id DESC",
                                   "open_feedback, sort_key, id", "city, sort_key, id"])
def test_customer_list_orders_need_no_sort(workspace: Workspace, order: str):
    plan = workspace.db.pw.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY {order} LIMIT 500"
    ).fetchall()
    assert not any("TEMP B-TREE" in row[-1] for row in plan), plan
