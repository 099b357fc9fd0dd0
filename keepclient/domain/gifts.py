"""Gifts and greetings (the care log) and care lists: the plain data the services hand to the window, the printer
and the exporter, and the rules for an occasion.

An occasion is a holiday key of domain/holidays.py ("mid_autumn"), "birthday", or an event in the user's words
("开业十周年"). Care lists are made for a holiday or for the birthdays of a month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from keepclient.domain import holidays, normalize
from keepclient.domain.errors import RequiredFieldError, ValidationError
from keepclient.domain.translatable import QT_TRANSLATE_NOOP

BIRTHDAY = "birthday"
BIRTHDAY_NAME_ZH = "生日"
BIRTHDAY_NAME_EN = QT_TRANSLATE_NOOP("Holidays", "Birthday")
MAX_OCCASION = 100
MAX_ITEM = 200
MAX_COST_CENTS = 10**13
TIER_ORDER = {"A": 0, "B": 1, "C": 2}


def check_occasion(value: Any) -> str:
    """An occasion as stored: a known key as is, an event's words with their spaces tidied; RequiredFieldError
    when empty, ValidationError when too long."""
    text = " ".join(str(value or "").split())
    if not text:
        raise RequiredFieldError(field="occasion")
    if len(text) > MAX_OCCASION:
        raise ValidationError(field="occasion", value=text)
    return text


def is_care_occasion(occasion: str) -> bool:
    """Whether a care list can be made for `occasion`: a holiday key or "birthday"."""
    return occasion == BIRTHDAY or occasion in holidays.BY_KEY


def occasion_names(occasion: str) -> tuple[str, str]:
    """(Chinese name, English source text) of a holiday key or "birthday"; an event's words are both names."""
    if occasion == BIRTHDAY:
        return BIRTHDAY_NAME_ZH, BIRTHDAY_NAME_EN
    kind = holidays.BY_KEY.get(occasion)
    if kind is None:
        return occasion, occasion
    return kind.name_zh, kind.name_en


@dataclass(frozen=True)
class GiftItem:
    """One gift or greeting as the detail pane lists and edits it. Cost in whole cents of the team's currency."""

    id: int
    version: int  # what a change made from this item expects to find
    customer_id: int
    date: dt.date
    occasion: str
    item: str
    cost_cents: int | None
    contact_id: int | None
    contact: str  # the contact's name, or ""
    given_by_id: int | None
    given_by: str  # the salesperson's name, or ""
    notes: str
    deleted: bool = False


@dataclass(frozen=True)
class CareListRow:
    """One customer (for a birthday: one contact) to greet or send a gift to."""

    customer_id: int
    customer: str
    tier: str
    owner_id: int | None
    owner: str  # "" when nobody owns the customer
    contact: str
    title: str
    mobile: str
    phone: str
    address: str
    date: dt.date | None  # the day of the occasion (a birthday: the day it is kept on this year)
    last_gift: str = ""  # the latest gift for this occasion before the list's year ("月饼礼盒")
    last_gift_date: dt.date | None = None
    this_year: str = ""  # what was already given for it in the list's year

    @property
    def reach(self) -> str:
        """The number to call: the mobile, else the phone."""
        return self.mobile or self.phone


@dataclass(frozen=True)
class CareList:
    occasion: str
    year: int
    name_zh: str
    name_en: str
    date: dt.date | None  # the holiday's date in the year; None for birthdays (and a 腊八 missing that year)
    month: int | None  # the birthday month
    rows: tuple[CareListRow, ...]
    tiers: tuple[str, ...] = ()
    made_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    def groups(self) -> list[tuple[str, list[CareListRow]]]:
        """Rows by owner, in the list's order (owners by name, nobody's customers last)."""
        found: dict[str, list[CareListRow]] = {}
        for row in self.rows:
            found.setdefault(row.owner, []).append(row)
        return list(found.items())


def sort_key(row: CareListRow, customer_sort: str = "") -> tuple[Any, ...]:
    """Owner (by pinyin; nobody's customers last), tier A-B-C, then the customer's name (its sort key when given:
    pinyin, as the customer list sorts)."""
    owner = normalize.sort_key(row.owner, normalize.pinyin_keys(row.owner, person=True)[0]) if row.owner else ""
    return (row.owner == "", owner, row.owner, TIER_ORDER.get(row.tier, 9), customer_sort or row.customer,
            row.customer_id, row.contact)
