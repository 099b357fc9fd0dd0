"""Schedule entries built in code for the printing tests: Chinese names and addresses, every kind and status."""

from __future__ import annotations

import datetime as dt
import itertools

from keepclient.domain.types import SalespersonInfo, ScheduleEntry

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟"]
CITIES = ["上海市浦东新区", "北京市朝阳区", "广州市天河区", "深圳市南山区", "杭州市西湖区", "成都市武侯区"]
ROADS = ["张江路", "建国路", "天河北路", "科技园南路", "文三路", "人民南路"]
TRADES = ["机械", "贸易", "电子", "食品", "包装", "医疗器械"]
KINDS = ["visit", "visit", "call", "visit", "email", "message"]
STATUSES = ["planned", "planned", "done", "planned", "cancelled", "missed"]


def team(count: int) -> list[SalespersonInfo]:
    names = (f"{surname}{given}" for surname, given in itertools.product(SURNAMES, GIVEN))
    return [SalespersonInfo(index + 1, next(names), f"S{index + 1:02d}", f"#{(index * 47) % 200 + 40:02x}6090")
            for index in range(count)]


def entry(person: SalespersonInfo, start: dt.datetime, number: int, *, minutes: int = 60, kind: str = "visit",
          status: str = "planned", purpose: str | None = None, last_note: str = "") -> ScheduleEntry:
    city = CITIES[number % len(CITIES)]
    return ScheduleEntry(
        visit_id=person.id * 10_000 + number, uuid=f"uuid-{person.id}-{number}", version=1,
        updated_at=dt.datetime(2026, 11, 1, 9, 0), start=start, minutes=minutes, kind=kind, status=status,
        salesperson_id=person.id, salesperson=person.name, customer_id=number,
        customer=f"{city[:2]}{TRADES[number % len(TRADES)]}{number}号有限公司",
        contact=f"{SURNAMES[number % len(SURNAMES)]}经理", phone=f"138{number:08d}",
        address=f"{city}{ROADS[number % len(ROADS)]}{number % 300 + 1}号{number % 20 + 1}楼",
        purpose=purpose if purpose is not None else f"回访第{number}次：介绍新产品，确认年度订单",
        outcome="", last_note=last_note)


def week_entries(people: list[SalespersonInfo], first: dt.date, per_person: int) -> list[ScheduleEntry]:
    """`per_person` visits for each salesperson spread over the weekdays of the week starting on `first`."""
    entries = []
    for person in people:
        for number in range(per_person):
            day = first + dt.timedelta(days=number % 5)
            start = dt.datetime.combine(day, dt.time(8 + (number // 5) * 2 % 10, 30 * (number % 2)))
            entries.append(entry(person, start, person.id * 100 + number, kind=KINDS[number % len(KINDS)],
                                 status=STATUSES[number % len(STATUSES)]))
    return entries
