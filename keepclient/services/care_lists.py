"""Care lists: the customers to greet or send a gift before an occasion (what an office manager hands out before
中秋), each with the contact to reach, the address, the owner, the tier and the last gift for the same occasion.

- A holiday (a key of domain/holidays.py): every customer not in the trash, with its primary contact (else the
  first by name); the occasion's date is the holiday's in that year.
- "birthday": every contact (not in the trash, of a customer not in the trash) whose birthday falls in the chosen
  month of that year; a lunar birthday counts on the Gregorian day it is kept on that year (domain/lunar.py).

The last gift is the latest for that occasion dated before the list's year ("last year: 月饼礼盒"; for birthdays
the contact's, else the customer's); what was already given in the year is said too. Rows are sorted by owner
(nobody's customers last), tier, then name. Read-only: safe on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from keepclient.db.connection import Database
from keepclient.domain import gifts as rules
from keepclient.domain import holidays, lunar
from keepclient.domain.errors import ValidationError
from keepclient.domain.gifts import BIRTHDAY, CareList, CareListRow

_CUSTOMERS = """
SELECT c.id, c.name, c.tier, c.owner_id, coalesce(s.name, ''), c.address, c.city, c.phone, c.sort_key
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.deleted_at IS NULL
"""
_PRIMARY = """
SELECT k.customer_id, k.id, k.name, k.title, k.mobile, k.phone
  FROM contact k
 WHERE k.deleted_at IS NULL
 ORDER BY k.customer_id, k.is_primary DESC, k.name, k.id
"""
_BIRTHDAYS = """
SELECT k.customer_id, k.id, k.name, k.title, k.mobile, k.phone, k.birthday_month, k.birthday_day, k.birthday_lunar
  FROM contact k
 WHERE k.deleted_at IS NULL AND k.birthday_month IS NOT NULL AND k.birthday_day IS NOT NULL
   AND ((k.birthday_lunar = 0 AND k.birthday_month IN ({gregorian}))
        OR (k.birthday_lunar != 0 AND k.birthday_month IN ({lunar_months})))
"""


def check_month(month: object) -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError(field="month", value=month)
    return month


def _address(address: str, city: str) -> str:
    address, city = (address or "").strip(), (city or "").strip()
    if city and city not in address:
        return f"{city} {address}".strip()
    return address


def _in(values: Iterable[Any]) -> str:
    return ", ".join(str(int(v)) for v in values) or "NULL"


class CareListService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def care_list(self, occasion: str, year: int, tiers: Sequence[str] | None = None,
                  owner_ids: Sequence[int] | None = None, month: int | None = None,
                  made_at: dt.datetime | None = None) -> CareList:
        """The care list for `occasion` (a holiday key or "birthday") in Gregorian `year` (1950-2100).

        `tiers` and `owner_ids` keep only those customers (None: all); `month` (1-12) is required for birthdays.
        ValidationError for an unknown occasion, a year outside 1950-2100 or a missing or wrong month.
        """
        if not rules.is_care_occasion(occasion):
            raise ValidationError(field="occasion", value=occasion)
        holidays.check_year(year)
        wanted_tiers = None if tiers is None else {t.strip().upper() for t in tiers}
        wanted_owners = None if owner_ids is None else set(owner_ids)
        name_zh, name_en = rules.occasion_names(occasion)
        day: dt.date | None = None
        if occasion == BIRTHDAY:
            check_month(month)
        else:
            month = None
            found = holidays.holidays(year, [occasion])
            day = found[0].date if found else None
        with self.db.session() as pw:
            customers = {}
            for cid, name, tier, owner_id, owner, address, city, phone, sort in pw.execute_sql(_CUSTOMERS):
                if wanted_tiers is not None and tier not in wanted_tiers:
                    continue
                if wanted_owners is not None and owner_id not in wanted_owners:
                    continue
                customers[cid] = (name, tier, owner_id, owner, _address(address, city), phone, sort)
            if occasion == BIRTHDAY:
                assert month is not None
                people = self._birthdays(pw, year, month, customers)
            else:
                people = self._primary_contacts(pw, customers, day)
            last, this_year = self._gifts(pw, occasion, year, [p[0] for p in people])
        rows = []
        for cid, contact_id, contact, title, mobile, phone, when in people:
            name, tier, owner_id, owner, address, customer_phone, _sort = customers[cid]
            if not mobile and not phone:
                phone = customer_phone
            previous = last.get((cid, contact_id)) or last.get((cid, None)) if occasion == BIRTHDAY \
                else last.get((cid, None))
            given = this_year.get((cid, contact_id)) or this_year.get((cid, None)) if occasion == BIRTHDAY \
                else this_year.get((cid, None))
            rows.append(CareListRow(
                customer_id=cid, customer=name, tier=tier, owner_id=owner_id, owner=owner, contact=contact,
                title=title, mobile=mobile, phone=phone, address=address, date=when,
                last_gift=previous[1] if previous else "", last_gift_date=previous[0] if previous else None,
                this_year=given[1] if given else ""))
        rows.sort(key=lambda r: (*rules.sort_key(r, customers[r.customer_id][6]), r.date or dt.date.min))
        return CareList(occasion=occasion, year=year, name_zh=name_zh, name_en=name_en, date=day, month=month,
                        rows=tuple(rows), tiers=tuple(sorted(wanted_tiers)) if wanted_tiers else (),
                        **({"made_at": made_at} if made_at else {}))

    @staticmethod
    def _primary_contacts(pw: Any, customers: dict[int, tuple[Any, ...]], day: dt.date | None,
                          ) -> list[tuple[Any, ...]]:
        first: dict[int, tuple[Any, ...]] = {}
        for cid, kid, name, title, mobile, phone in pw.execute_sql(_PRIMARY):
            if cid in customers and cid not in first:
                first[cid] = (cid, kid, name, title, mobile, phone, day)
        return [first.get(cid, (cid, None, "", "", "", "", day)) for cid in customers]

    @staticmethod
    def _birthdays(pw: Any, year: int, month: int, customers: dict[int, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        lunar_months = {m for m, _d in lunar.birthday_keys(start, end)}
        sql = _BIRTHDAYS.format(gregorian=_in([month]), lunar_months=_in(sorted(lunar_months)))
        found = []
        for cid, kid, name, title, mobile, phone, b_month, b_day, kind in pw.execute_sql(sql):
            if cid not in customers:
                continue
            try:
                days = lunar.birthdays_between(b_month, b_day, lunar.check_birthday_kind(kind), start, end)
            except (ValueError, ValidationError):  # a damaged birthday: not listed
                continue
            found += [(cid, kid, name, title, mobile, phone, when) for when in days]
        return found

    @staticmethod
    def _gifts(pw: Any, occasion: str, year: int, customer_ids: list[int],
               ) -> tuple[dict[tuple[int, int | None], tuple[dt.date, str]],
                          dict[tuple[int, int | None], tuple[dt.date, str]]]:
        """The latest gift before `year` and the latest in `year` for the occasion, per (customer, contact) and
        per (customer, None) for any contact."""
        last: dict[tuple[int, int | None], tuple[dt.date, str]] = {}
        this_year: dict[tuple[int, int | None], tuple[dt.date, str]] = {}
        if not customer_ids:
            return last, this_year
        wanted = set(customer_ids)
        first, following = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        rows = pw.execute_sql(
            "SELECT customer_id, contact_id, date, item FROM gift WHERE occasion = ? AND deleted_at IS NULL "
            "AND date < ? ORDER BY date, id", [occasion, following.isoformat()])
        for cid, kid, day, item in rows:
            if cid not in wanted:
                continue
            when = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
            target = last if when < first else this_year
            target[(cid, kid)] = target[(cid, None)] = (when, item)
        return last, this_year
