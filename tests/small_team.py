"""A small hand-made customer base whose search and filter results are known exactly."""

from __future__ import annotations

from pathlib import Path

from keepclient.db import search_docs
from keepclient.db.models import Contact, CustomerTag, Salesperson, Tag
from keepclient.services.workspace import Workspace


def build(path: Path | str) -> tuple[Workspace, dict[str, int], dict[str, int]]:
    """Customers by key, and the ids of the salespeople and the VIP tag; the workspace stays open. `path`: a file,
    or a team server's address (tests' `new_database`)."""
    ws = Workspace.open(path, user="tester")
    with ws.db.write():
        li = Salesperson.insert(name="李娜", code="S01").execute()
        wang = Salesperson.insert(name="王建国", code="S02").execute()
    c = ws.editor
    ids = {
        "zhangwei": c.create("张伟", kind="person", phone="138-1234-5678", city="上海", owner=li, tier="A"),
        "huaxin": c.create("上海华信贸易有限公司", phone="021-5555 0000", city="上海", owner=wang, tier="B",
                           notes="每月初送货，需提前电话确认"),
        "muller": c.create("Müller Maschinenbau GmbH", phone="+49 40 1234567", city="Hamburg", owner=li, tier="C",
                           email="info@mueller.example"),
        "zeng": c.create("曾伟", kind="person", phone="139 0000 1111", city="成都", owner=wang, tier="B"),
        "shan": c.create("单丽", kind="person", phone="", city="北京", owner=li, tier="C"),
        "brown": c.create("Brown Foods Ltd", phone="0044 20 7946 0000", city="London", owner=wang, tier="A"),
    }
    with ws.db.write() as pw:
        Contact.insert(customer=ids["brown"], name="张伟明", mobile="186 1111 2222", name_norm="张伟明",
                       name_pinyin="zhangweiming", name_initials="zwm", phone_digits="18611112222",
                       is_primary=True).execute()
        vip = Tag.insert(name="VIP").execute()
        CustomerTag.insert(customer=ids["huaxin"], tag=vip).execute()
        search_docs.refresh(pw, [ids["brown"]])  # the contact was added behind the services' back
    return ws, ids, {"li": li, "wang": wang, "vip": vip}
