"""Who is due for a follow-up (overdue, today, this week), whose birthday and which holiday come up: the Due
panel's data.

Both answer from indexes: customers by (deleted_at, next_follow_up), contacts by (birthday_month, birthday_day).
Lunar birthdays (contact.birthday_lunar) are looked up by the lunar (month, day) pairs of the period through their
own partial index, and each one found is placed on its Gregorian day by domain/lunar.py. The holidays the team
observes in the next two weeks come from one setting row and the year's holidays computed once (services/care.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

from peewee import SqliteDatabase

from keepclient.domain import lunar
from keepclient.domain.periods import week_end
from keepclient.domain.types import CareDay, DueItem, DueList, as_date
from keepclient.services import care

MAX_CARE_DAYS = 366
HOLIDAY_DAYS = 14  # the Due panel lists the observed holidays from today to this many days ahead


def due_list(pw: SqliteDatabase, *, salesperson_id: int | None, today: dt.date, limit: int = 200) -> DueList:
    """Customers due before, on and after today until the week's end, each list capped at `limit`; the week's
    birthdays, and the observed holidays from today to HOLIDAY_DAYS ahead."""
    owner, params = ("AND c.owner_id = ?", [salesperson_id]) if salesperson_id is not None else ("", [])
    # One salesperson: start from their customers (the owner index) and test the due date on each, rather than
    # walking everybody's due dates ("+" keeps SQLite off the due-date index): 3,000 rows instead of 80,000.
    due = "+c.next_follow_up" if salesperson_id is not None else "c.next_follow_up"
    end = week_end(today)
    counts_row = pw.execute_sql(
        "SELECT coalesce(sum(c.next_follow_up < ?), 0), coalesce(sum(c.next_follow_up = ?), 0), "
        "coalesce(sum(c.next_follow_up > ?), 0) FROM customer c "
        f"WHERE c.deleted_at IS NULL AND {due} <= ? {owner}", [today, today, today, end, *params],
    ).fetchone()
    counts = dict(zip(("overdue", "today", "week"), counts_row, strict=True))
    sql = f"""
        SELECT c.id, c.name, c.tier, c.owner_id, coalesce(s.name, ''), c.next_follow_up, c.last_contact, c.phone,
               (SELECT min(v.planned_start) FROM visit v WHERE v.customer_id = c.id AND v.status = 'planned'
                AND v.deleted_at IS NULL AND v.planned_start >= ?)
        FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
        WHERE c.deleted_at IS NULL AND {due} >= ? AND {due} <= ? {owner}
        ORDER BY c.next_follow_up, c.sort_key LIMIT ?"""
    ranges = {"overdue": (dt.date.min, today - dt.timedelta(days=1)), "today": (today, today),
              "week": (today + dt.timedelta(days=1), end)}
    lists: dict[str, list[DueItem]] = {}
    for name, (low, high) in ranges.items():
        rows = pw.execute_sql(sql, [today, low, high, *params, limit]) if counts[name] else []
        lists[name] = [DueItem(cid, cname, tier, oid, oname, _due_date(due), as_date(last), phone,
                               dt.datetime.fromisoformat(str(planned)) if planned else None)
                       for cid, cname, tier, oid, oname, due, last, phone, planned in rows]
    people = [salesperson_id] if salesperson_id is not None else None
    birthdays = care_days(pw, today, end + dt.timedelta(days=1), people, limit=limit)
    holidays = care.observed_between(today, today + dt.timedelta(days=HOLIDAY_DAYS + 1), care.load_observed())
    return DueList(lists["overdue"], lists["today"], lists["week"], counts, birthdays, tuple(holidays))


def _due_date(value: Any) -> dt.date:
    """The follow-up date of a listed customer: the query lists only customers that have one."""
    day = as_date(value)
    assert day is not None
    return day


def care_days(pw: SqliteDatabase, start: dt.date, end: dt.date, salespeople: Sequence[int] | None = None,
              limit: int = 2000) -> list[CareDay]:
    """Contacts' birthdays falling in [start, end), by day; 29 February is kept on 28 February in common years, a
    lunar birthday on its Gregorian day (domain/lunar.py's rule for leap months and short months)."""
    days = [start + dt.timedelta(days=n) for n in range(min((end - start).days, MAX_CARE_DAYS))]
    on: dict[tuple[int, int], dt.date] = {}
    for day in days:
        on[(day.month, day.day)] = day
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            on[(2, 29)] = day
    if not on:
        return []
    by_month: dict[int, list[int]] = {}
    for month, day_of_month in on:
        by_month.setdefault(month, []).append(day_of_month)
    owners, params = "", []
    if salespeople is not None:
        owners = f"AND c.owner_id IN ({', '.join('?' * len(salespeople))})"
        params = list(salespeople)
    rows: list[tuple[Any, ...]] = []
    for month, month_days in by_month.items():  # one month at a time: each an index range on (month, day)
        rows += pw.execute_sql(
            "SELECT k.id, k.name, k.customer_id, c.name, c.owner_id, k.birthday_year, k.birthday_month, "
            "k.birthday_day FROM contact k JOIN customer c ON c.id = k.customer_id "
            f"WHERE k.birthday_month = ? AND k.birthday_day IN ({', '.join('?' * len(month_days))}) "
            f"AND k.birthday_lunar = 0 AND k.deleted_at IS NULL AND c.deleted_at IS NULL {owners} "
            "ORDER BY k.birthday_day LIMIT ?",
            [month, *month_days, *params, limit],
        ).fetchall()
    found = [CareDay(on[(month, day)], kid, kname, cid, cname, owner, year)
             for kid, kname, cid, cname, owner, year, month, day in rows]
    found += _lunar_care_days(pw, days[0], days[-1] + dt.timedelta(days=1), owners, params, limit)
    found.sort(key=lambda c: (c.day, c.customer, c.contact))
    return found[:limit]


def _lunar_care_days(pw: SqliteDatabase, start: dt.date, end: dt.date, owners: str, params: list[Any],
                     limit: int) -> list[CareDay]:
    """The lunar birthdays in [start, end): the contacts with a lunar (month, day) of the period (the partial index
    contact_lunar_birthday), each placed by the rule (a leap-month birthday found on its regular month's day in a
    year that has the leap month is not that day's, and is dropped here)."""
    by_month: dict[int, list[int]] = {}
    for month, day_of_month in sorted(lunar.birthday_keys(start, end)):
        by_month.setdefault(month, []).append(day_of_month)
    found: list[CareDay] = []
    placed: dict[tuple[int, int, int], list[dt.date]] = {}  # many contacts share a lunar month, day and kind
    for month, month_days in by_month.items():
        rows = pw.execute_sql(
            "SELECT k.id, k.name, k.customer_id, c.name, c.owner_id, k.birthday_year, k.birthday_month, "
            "k.birthday_day, k.birthday_lunar FROM contact k JOIN customer c ON c.id = k.customer_id "
            f"WHERE k.birthday_lunar <> 0 AND k.birthday_month = ? "
            f"AND k.birthday_day IN ({', '.join('?' * len(month_days))}) "
            f"AND k.deleted_at IS NULL AND c.deleted_at IS NULL {owners} ORDER BY k.birthday_day LIMIT ?",
            [month, *month_days, *params, limit],
        ).fetchall()
        for kid, kname, cid, cname, owner, year, lunar_month, day, kind in rows:
            key = (lunar_month, day, kind)
            if key not in placed:
                placed[key] = lunar.birthdays_between(lunar_month, day, kind, start, end)
            found += [CareDay(when, kid, kname, cid, cname, owner, year, True) for when in placed[key]]
    return found
