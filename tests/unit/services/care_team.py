"""A small hand-built team for the gift log and the care lists: three salespeople, five customers, contacts with
Gregorian and lunar birthdays, and gifts of 中秋 2026 (fixed dates throughout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from keepclient.services.workspace import Workspace


def build_care_team(path: Path) -> tuple[Workspace, dict[str, Any]]:
    ws = Workspace.open(path, user="office")
    ids: dict[str, Any] = {}
    zhang = ids["张伟"] = ws.team.add("张伟")
    li = ids["李娜"] = ws.team.add("李娜")
    ids["王强"] = ws.team.add("王强")
    made = [("华信机械", zhang, "A", "上海", "浦东新区世纪大道100号"),
            ("博远科技", zhang, "B", "上海", "徐汇区漕溪北路8号"),
            ("安达物流", li, "A", "北京", "朝阳区建国路88号"),
            ("晨光文具", li, "C", "杭州", "西湖区文三路1号"),
            ("无主商贸", None, "A", "", "")]
    for name, owner, tier, city, address in made:
        cid = ws.editor.create(name, owner=owner, tier=tier, city=city, address=address, phone="021-5555-1234")
        ids[name] = cid
    ids["王经理"] = ws.contacts.add(ids["华信机械"], name="王经理", mobile="13812345678", title="总经理")
    ids["小赵"] = ws.contacts.add(ids["华信机械"], name="小赵", mobile="13900001111",
                                  birthday_month=9, birthday_day=20)
    # 农历八月十五 is 中秋: in 2027 it is kept on 15 September (Gregorian).
    ids["刘总"] = ws.contacts.add(ids["安达物流"], name="刘总", phone="010-8888-0000", birthday_month=8,
                                  birthday_day=15, birthday_lunar=1, birthday_year=1970)
    ids["陈老师"] = ws.contacts.add(ids["博远科技"], name="陈老师", mobile="13700002222", birthday_month=10,
                                   birthday_day=1)
    ws.gifts.add(ids["华信机械"], date=dt.date(2026, 9, 20), occasion="mid_autumn", item="月饼礼盒",
                 cost_cents=38_800, contact_id=ids["王经理"])
    ws.gifts.add(ids["华信机械"], date=dt.date(2025, 10, 2), occasion="mid_autumn", item="茶叶")
    ws.gifts.add(ids["安达物流"], date=dt.date(2026, 2, 10), occasion="spring_festival", item="年货")
    return ws, ids
