"""Realistic demo data, fast enough for 100,000 customers: raw batched inserts inside one transaction.

One transaction means a cancelled or killed run leaves nothing behind. Row ids are assigned here (the transaction
holds the write lock, so nobody else can take them), which lets child rows point at parents without reading back.
Derived columns (search documents, open feedback, order figures) are then counted by the same code the services
use, chunk by chunk, so demo data never disagrees with what an edit would compute.

Realism the demo keeps, as of the day it is generated (so a first look sees a team at work today):
- about one salesperson per 150 customers (at most 40: beyond 6,000 customers the team no longer grows with the
  file), which is what one person can keep up with at 8 visits and calls a day;
- about 15% of the customers overdue for a follow-up, by days or weeks (a team that mostly keeps up): each
  customer's last contact is drawn so that its next follow-up lands there, and its latest done visit is that day;
- nobody has more than 8 visits or calls on a working day and none at weekends, past or planned: a visit whose day
  is full moves to a nearby day or did not happen (a full day leaves the customer due but unplanned, as in real
  life; a load-test demo of 100,000 customers keeps most customers' last contact without a visit behind it);
- nothing before the customer existed: visits, feedback and orders from the day after it was added (orders from
  that day), no feedback received today or later (no negative ages) and no feedback step after the day began;
- one language per customer: a Chinese customer's visits, outcomes, feedback, orders and notes in Chinese, an
  English one's in English;
- orders repeat: A customers order often and in bigger amounts, a customer at risk or lost stopped ordering
  months ago.

Determinism: one seed gives the same data. The main random stream draws exactly what earlier demos drew (same
customers, contacts, kinds and statuses); the days that make the rules above come from streams of their own.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from peewee import SqliteDatabase

from keepclient.db import bulk, last_done, order_values, search_docs, visit_months
from keepclient.db.connection import Database
from keepclient.domain import cadence, response_targets
from keepclient.domain.enums import OUTCOME_STATUSES, FeedbackKind, FeedbackStatus, Severity, Tier, VisitKind
from keepclient.domain.errors import CancelledError, DatabaseNotEmptyError
from keepclient.domain.normalize import contact_keys, customer_keys, order_key
from keepclient.domain.types import OPEN_FEEDBACK_STATUSES, DemoSummary
from keepclient.services import demo_vocab as V

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
CHUNK = 2000
MAX_TEAM = 40
MAX_VISITS_A_DAY = 8  # per salesperson and working day: visits, calls, emails and messages, past or planned
OVERDUE_SHARE = 0.15  # customers whose next follow-up is before the demo's day
MOVE_DAYS = 3  # a visit whose day is full moves up to this many days either way (within its range), else is dropped
COMMON = ("id", "uuid", "created_at", "updated_at", "updated_by", "version")
# The stored values the generator draws from, in the enums' order: the weights below follow it, and the same order
# makes the same draws, so a seed still gives the same data.
TIERS: tuple[str, ...] = tuple(tier.value for tier in Tier)
OUTCOME_VALUES: tuple[str, ...] = tuple(status.value for status in OUTCOME_STATUSES)  # V.OUTCOMES: their notes
VISIT_KINDS: tuple[str, ...] = tuple(kind.value for kind in VisitKind)
FEEDBACK_KINDS: tuple[str, ...] = tuple(kind.value for kind in FeedbackKind)
FEEDBACK_STATUSES: tuple[str, ...] = tuple(status.value for status in FeedbackStatus)  # in workflow order
SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    cols = (*COMMON, *columns)
    return f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'


TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "salesperson": ("name", "code", "color", "email", "active"),
    "customer": (
        "name", "kind", "owner_id", "tier", "stage", "industry", "source", "address", "city", "region", "phone",
        "email", "website", "notes", "cadence_days", "last_contact", "next_follow_up", "name_norm", "name_pinyin",
        "name_initials", "phone_digits", "deleted_at", "sort_key",
    ),
    "contact": (
        "customer_id", "name", "title", "mobile", "phone", "email", "im_id", "birthday_year", "birthday_month",
        "birthday_day", "is_primary", "notes", "name_norm", "name_pinyin", "name_initials", "phone_digits",
        "deleted_at",
    ),
    "visit": (
        "customer_id", "contact_id", "salesperson_id", "planned_start", "duration_minutes", "kind", "purpose",
        "location", "status", "outcome", "satisfaction", "next_follow_up", "deleted_at",
    ),
    "feedback": (
        "customer_id", "contact_id", "visit_id", "received_at", "channel", "kind", "category", "severity",
        "description", "owner_id", "status", "first_response_at", "resolved_at", "replied_at", "closed_at",
        "resolution", "satisfaction", "satisfaction_comment", "deleted_at", "response_due", "resolution_due",
        "next_due", "response_hours", "resolution_hours",
    ),
    "purchase": ("customer_id", "date", "order_no", "product", "quantity", "unit_price_cents", "amount_cents",
                 "salesperson_id", "notes", "order_key", "import_batch_id", "deleted_at"),
}


@dataclass
class _Rows:
    """Rows waiting to be written, per table, with the next free id of each table."""

    next_id: dict[str, int]
    pending: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, stamp: dt.datetime, values: tuple[Any, ...]) -> int:
        rid = self.next_id[table]
        self.next_id[table] = rid + 1
        self.pending.setdefault(table, []).append((rid, str(uuid.uuid4()), stamp, stamp, "demo", 1, *values))
        return rid

    def flush(self, pw: Any) -> None:
        for table in TABLE_COLUMNS:  # parents before children: foreign keys are checked per statement
            rows = self.pending.get(table)
            if rows:
                bulk.execute_many(pw, _insert_sql(table, TABLE_COLUMNS[table]), rows)
                self.written[table] = self.written.get(table, 0) + len(rows)
        self.pending = {}


class _FeedbackDraw(NamedTuple):
    """What the main stream drew for one feedback item; its times are laid out once its received time is known."""

    category: str
    kind: str
    status: str
    gaps: tuple[dt.timedelta, ...]  # first response after receipt, then each later step after the one before
    severity: str
    channel: str
    text: str
    resolution: str
    satisfaction: int | None


class _VisitDraw(NamedTuple):
    """What the main stream drew for one past visit, with the day earlier demos gave it."""

    day: dt.date
    at: dt.time
    status: str
    kind: str
    contact: int
    purpose: str
    outcome: str
    score: int | None
    feedback: tuple[int, _FeedbackDraw] | None  # the feedback given at this visit, by which contact


class DemoGenerator:
    """Builds one customer at a time with its contacts, a year of history and the coming four weeks."""

    def __init__(self, rows: _Rows, rng: random.Random, today: dt.date, salespeople: list[tuple[int, str]],
                 order_rng: random.Random | None = None, plan_rng: random.Random | None = None):
        self.rows, self.rng, self.today = rows, rng, today
        # Orders draw from a stream of their own, and the main stream replays what earlier demos drew for their
        # purchases: every other record of a seed stays the data it always was (tests and screenshots know it).
        self.order_rng = order_rng or random.Random("orders")
        # The follow-up state (last contact, overdue or not) and what only the new rules need: a stream of its own.
        self.plan_rng = plan_rng or random.Random("plan")
        self.salespeople = salespeople
        self.now = dt.datetime.combine(today, dt.time(9, 0))  # the moment earlier demos' draws were made against
        self.cutoff = dt.datetime.combine(today, dt.time(0))  # the past: nothing in it happened after this
        self.booked: dict[tuple[int, dt.date], int] = {}  # visits per (salesperson, day): at most MAX_VISITS_A_DAY
        self.orders = rows.next_id["purchase"]  # order numbers run on, past those of an earlier run (append)

    # -- names ---------------------------------------------------------------------------------------------
    def chinese_person(self) -> str:
        rng = self.rng
        given = rng.choice(V.GIVEN_CHARS) + (rng.choice(V.GIVEN_CHARS) if rng.random() < 0.7 else "")
        return rng.choice(V.SURNAMES) + given

    def english_person(self) -> str:
        return f"{self.rng.choice(V.EN_FIRST)} {self.rng.choice(V.EN_LAST)}"

    def mobile(self) -> str:
        rng = self.rng
        second, rest = rng.choice("3456789"), f"{rng.randrange(10**9):09d}"  # the same draws as always: same data
        prefix = V.MOBILE_PREFIXES[(int(second) * 10 + int(rest[0])) % len(V.MOBILE_PREFIXES)]
        digits = f"{prefix}{rest[1:]}"
        style = rng.random()
        if style < 0.5:
            return digits
        if style < 0.8:
            return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"

    # -- one customer --------------------------------------------------------------------------------------
    def customer(self) -> None:
        rng, today = self.rng, self.today
        chinese = rng.random() < 0.85
        company = rng.random() < 0.72
        tier = rng.choices(TIERS, weights=(20, 30, 50))[0]
        owner_id, _owner = rng.choice(self.salespeople)
        if chinese:
            city, region, district, street = rng.choice(V.CITIES)
            address = f"{region}{'' if region == city else city}{district}{street}{rng.randint(1, 999)}号"
        else:
            city, region, street = rng.choice(V.EN_CITIES)
            address = f"{rng.randint(1, 300)} {street}"
        industry_zh, industry_en = rng.choice(V.INDUSTRIES)
        person = self.chinese_person() if chinese else self.english_person()
        if company and chinese:
            name = f"{city}{rng.choice(V.BRANDS)}{industry_zh}{rng.choice(V.COMPANY_SUFFIXES)}"
        elif company:
            name = f"{rng.choice(V.EN_LAST)} {industry_en} {rng.choice(V.EN_SUFFIXES)}"
        else:
            name = person
        age_days = rng.randint(3, 5 * 365)
        created = today - dt.timedelta(days=age_days)
        stage = self._stage(age_days, tier)
        drawn = rng.randint(10, 999)
        area = (V.AREA_CODES.get(city) if chinese else None) or tuple(V.AREA_CODES.values())[drawn % len(V.AREA_CODES)]
        local = str(2 * 10**7 + rng.randint(10**6, 10**8 - 1) % (7 * 10**7))  # 8 digits, the first from 2 to 8
        landline = f"{area}-{local[:7] if area in V.SEVEN_DIGIT_AREAS else local}"
        phone = self.mobile() if not company or rng.random() < 0.4 else landline
        email = f"info{rng.randrange(10**5)}@example.com" if rng.random() < 0.5 else ""
        stamp = dt.datetime.combine(created, dt.time(10, 0))
        cid = self.rows.next_id["customer"]
        contacts = self._contacts(cid, stamp, person, company, chinese)
        last_contact, old_due = self._history(cid, owner_id, contacts, tier, created, address, chinese)
        due = cadence.next_follow_up(last_contact, tier, created=created)
        self._planned(cid, owner_id, contacts, due, address, chinese, old_due)
        self._purchases(cid, owner_id, tier, stage, created, chinese)
        kind = "company" if company else "person"
        keys = customer_keys(name, phone, kind)
        self.rows.add("customer", stamp, (
            name, kind, owner_id, tier, stage, industry_zh if chinese else industry_en,
            rng.choice(V.SOURCES_ZH if chinese else V.SOURCES_EN), address, city, region, phone,
            email, "", "", None, last_contact, due, keys["name_norm"], keys["name_pinyin"], keys["name_initials"],
            keys["phone_digits"], None, keys["sort_key"],
        ))

    def _stage(self, age_days: int, tier: str) -> str:
        if age_days < 45:
            return self.rng.choice(("prospect", "new"))
        roll = self.rng.random()
        if roll < 0.06:
            return "at_risk"
        if roll < 0.09:
            return "lost"
        if roll < 0.11:
            return "won_back"
        return "mature" if age_days > 3 * 365 and tier != "C" else "active"

    def _contacts(self, cid: int, stamp: dt.datetime, person: str, company: bool, chinese: bool) -> list[int]:
        rng = self.rng
        count = rng.choices((1, 2, 3), weights=(45, 40, 15))[0] if company else 1
        ids = []
        for n in range(count):
            name = person if n == 0 else (self.chinese_person() if chinese else self.english_person())
            title = rng.choice(V.TITLES_ZH if chinese else V.TITLES_EN) if company else ""
            mobile = self.mobile()
            year = rng.randint(1960, 2000) if rng.random() < 0.7 else None
            month, day = (rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.6 else (None, None)
            if month is None:
                year = None
            keys = contact_keys(name, mobile)
            ids.append(self.rows.add("contact", stamp, (
                cid, name, title, mobile, "", f"c{rng.randrange(10**6)}@example.com" if rng.random() < 0.4 else "",
                f"wx_{rng.randrange(10**7)}" if chinese and rng.random() < 0.5 else "", year, month, day,
                n == 0, "", keys["name_norm"], keys["name_pinyin"], keys["name_initials"], keys["phone_digits"], None,
            )))
        return ids

    def _last_contact(self, tier: str, created: dt.date) -> dt.date | None:
        """The day of the customer's last contact, drawn so that OVERDUE_SHARE of the customers are overdue today
        (by a day to a month) and the rest due within their interval; None for a customer too new to have one."""
        rng, today = self.plan_rng, self.today
        overdue = rng.random() < OVERDUE_SHARE
        late, early = rng.random(), rng.random()
        interval = cadence.DEFAULT_DAYS_BY_TIER[tier]
        for _ in range(2):  # once more with the weekly interval when the day falls in the customer's first month
            back = interval + 1 + int(late * min(interval, 30)) if overdue else 1 + int(early * interval)
            last = today - dt.timedelta(days=back)
            if not dt.timedelta(0) <= last - created < cadence.NEW_CUSTOMER_PERIOD:
                break
            interval = cadence.NEW_CUSTOMER_DAYS
        if last <= created and today - created > cadence.NEW_CUSTOMER_PERIOD:
            last = created + cadence.NEW_CUSTOMER_PERIOD  # added within the interval: first kept after a month
        if last.weekday() >= 5:  # contacts happen on working days: the Monday after if it has passed, else Friday
            monday = last + dt.timedelta(days=7 - last.weekday())
            last = monday if monday < today else last - dt.timedelta(days=last.weekday() - 4)
        return last if last > created else None

    def _history(
        self, cid: int, owner_id: int, contacts: list[int], tier: str, created: dt.date, address: str,
        chinese: bool,
    ) -> tuple[dt.date | None, dt.date]:
        """A year of visits up to the customer's last contact (its latest done visit) and their feedback.

        Returns the last contact and the next follow-up earlier demos had (which decides their later draws)."""
        rng, today = self.rng, self.today
        purposes = V.VISIT_PURPOSES_ZH if chinese else V.VISIT_PURPOSES_EN
        outcomes = V.OUTCOMES_ZH if chinese else V.OUTCOMES_EN
        count = {"A": rng.randint(6, 12), "B": rng.randint(2, 5), "C": rng.randint(0, 2)}[tier]
        first = max(created, today - dt.timedelta(days=365))
        span = (today - first).days
        drawn: list[_VisitDraw] = []
        old_last_done: dt.date | None = None
        for _ in range(count if span > 1 else 0):
            day = first + dt.timedelta(days=rng.randrange(span))
            at = dt.time(rng.randint(9, 17), rng.choice((0, 30)))
            status = rng.choices(OUTCOME_VALUES, weights=(86, 7, 7))[0]
            kind = rng.choices(VISIT_KINDS, weights=(35, 45, 10, 10))[0]
            done = status == "done"
            score = rng.choices((3, 4, 5), weights=(2, 5, 4))[0] if done and rng.random() < 0.3 else None
            contact, purpose = rng.choice(contacts), rng.choice(purposes)
            outcome = rng.choice(outcomes) if done else ""
            if done and (old_last_done is None or day > old_last_done):
                old_last_done = day
            feedback = None
            if done and rng.random() < 0.05:
                by = rng.choice(contacts)
                feedback = by, self._draw_feedback(dt.datetime.combine(day, at), linked=True, chinese=chinese)
            drawn.append(_VisitDraw(day, at, status, kind, contact, purpose, outcome, score, feedback))
        alone = None
        if rng.random() < 0.04:
            back, hour = rng.randrange(60), rng.randint(8, 18)
            received = dt.datetime.combine(today - dt.timedelta(days=back), dt.time(hour))
            alone = (back, hour, self._draw_feedback(received, linked=False, chinese=chinese))
        old_due = cadence.next_follow_up(old_last_done, tier, created=created)

        last_contact = self._last_contact(tier, created)
        if last_contact is not None:
            last_contact = self._lay_out(cid, owner_id, contacts, created, address, drawn, span, last_contact,
                                         chinese)
        if alone is not None:  # received on a past day after the customer was added: never today or later
            back, hour, draw = alone
            days = min(60, (today - created).days - 1)
            if days >= 1:
                received = dt.datetime.combine(today - dt.timedelta(days=1 + back * days // 60), dt.time(hour))
                self._write_feedback(draw, cid, contacts[0], owner_id, received, None)
        return last_contact, old_due

    def _lay_out(
        self, cid: int, owner_id: int, contacts: list[int], created: dt.date, address: str,
        drawn: list[_VisitDraw], span: int, last_contact: dt.date, chinese: bool,
    ) -> dt.date | None:
        """Write the drawn visits between the day after the customer was added and its last contact, keeping their
        order: the latest done one on the last contact (one more is made when none was done), each on a working day
        with a free slot near its own. Returns the last contact, moved back when its day was full."""
        today = self.today
        low = max(created + dt.timedelta(days=1), today - dt.timedelta(days=365))
        width = (last_contact - low).days + 1
        latest = None
        for n, visit in enumerate(drawn):
            if visit.status == "done" and (latest is None or visit.day >= drawn[latest].day):
                latest = n
        if latest is None:  # no done visit among the draws: the last contact was a call
            rng = self.plan_rng
            purposes = V.VISIT_PURPOSES_ZH if chinese else V.VISIT_PURPOSES_EN
            outcomes = V.OUTCOMES_ZH if chinese else V.OUTCOMES_EN
            drawn = [*drawn, _VisitDraw(
                last_contact, dt.time(rng.randint(9, 17), rng.choice((0, 30))), "done", "call",
                contacts[0], rng.choice(purposes), rng.choice(outcomes), None, None)]
            latest = len(drawn) - 1
        # The last contact's visit takes its slot first (moving back a few days when full; none found: the day
        # stays the customer's last contact without a visit), then the others up to it.
        settled = created + cadence.NEW_CUSTOMER_PERIOD  # moving back into the weekly first month makes it overdue
        booked = self._book_near(owner_id, last_contact, max(low, settled) if last_contact >= settled else low,
                                 last_contact, backward=True)
        if booked is not None:
            last_contact = booked
        days: list[dt.date | None] = []
        for n, visit in enumerate(drawn):
            if n == latest:
                days.append(booked)
                continue
            wanted = low + dt.timedelta(days=(visit.day - (today - dt.timedelta(days=span))).days * width // span)
            days.append(self._book_near(owner_id, min(wanted, last_contact), low, last_contact))
        for visit, day in zip(drawn, days, strict=True):
            if day is None:
                continue  # no free slot near its day: it did not happen (its feedback neither)
            start = dt.datetime.combine(day, visit.at)
            vid = self.rows.add("visit", start, (
                cid, visit.contact, owner_id, start, 30 if visit.kind == "call" else 60, visit.kind, visit.purpose,
                address if visit.kind == "visit" else "", visit.status, visit.outcome, visit.score, None, None,
            ))
            if visit.feedback is not None:
                by, draw = visit.feedback
                self._write_feedback(draw, cid, by, owner_id, start, vid)
        return last_contact

    def _draw_feedback(self, received: dt.datetime, *, linked: bool, chinese: bool) -> _FeedbackDraw:
        """Draw one feedback item as earlier demos did (their received time decides the status drawn)."""
        rng = self.rng
        category = rng.choice(tuple(V.FEEDBACK_TEXTS))
        kind = rng.choices(FEEDBACK_KINDS, weights=(50, 20, 20, 10))[0]
        age = (self.now - received).days
        status = "closed" if age > 30 and rng.random() < 0.9 else rng.choice(FEEDBACK_STATUSES)
        reached = FEEDBACK_STATUSES.index(status)
        gaps: list[dt.timedelta] = []
        if reached >= 1:
            gaps.append(dt.timedelta(hours=rng.uniform(0.5, 40)))
        if reached >= 2:
            gaps.append(dt.timedelta(days=rng.uniform(0.2, 6)))
        if reached >= 3:
            gaps.append(dt.timedelta(hours=rng.uniform(1, 48)))
        if reached >= 4:
            gaps.append(dt.timedelta(days=rng.uniform(0, 3)))
        severity = rng.choices(SEVERITIES, weights=(20, 55, 20, 5))[0]
        channel = "visit" if linked else rng.choice(("phone", "email", "message"))
        text = rng.choice(V.FEEDBACK_TEXTS[category][0 if chinese else 1])
        resolution = rng.choice(V.RESOLUTIONS_ZH if chinese else V.RESOLUTIONS_EN) if reached >= 2 else ""
        satisfaction = rng.randint(2, 5) if reached >= 4 and rng.random() < 0.6 else None
        return _FeedbackDraw(category, kind, status, tuple(gaps), severity, channel, text, resolution, satisfaction)

    def _write_feedback(self, draw: _FeedbackDraw, cid: int, contact: int, owner_id: int, received: dt.datetime,
                        visit: int | None) -> None:
        """Write a drawn item received at `received`. Its steps have all happened before the cut-off: when the
        drawn gaps would reach past it, the team was quicker (the gaps shrink to fit), so the status stays the
        one drawn and no time lies ahead of the day the demo is made."""
        stamp = received.replace(microsecond=0)
        gaps = list(draw.gaps)
        total, room = sum(gaps, dt.timedelta(0)), self.cutoff - stamp
        if total >= room:
            gaps = [gap * (0.8 * room / total) for gap in gaps]
        steps: list[dt.datetime] = []
        at = stamp
        for gap in gaps:
            at += gap
            steps.append(at.replace(microsecond=0))
        first, resolved, replied, closed = (*steps, None, None, None, None)[:4]
        response_due, resolution_due = response_targets.deadlines(stamp, draw.severity)
        ahead = response_due if draw.status == "new" else resolution_due if draw.status == "in_progress" else None

        def hours(until: dt.datetime | None) -> float | None:
            return round((until - stamp).total_seconds() / 3600, 2) if until else None

        self.rows.add("feedback", stamp, (
            cid, contact, visit, stamp, draw.channel, draw.kind, draw.category, draw.severity, draw.text, owner_id,
            draw.status, first, resolved, replied, closed, draw.resolution, draw.satisfaction, "", None,
            response_due, resolution_due, ahead, hours(first), hours(resolved),
        ))

    def _planned(self, cid: int, owner_id: int, contacts: list[int], due: dt.date, address: str, chinese: bool,
                 old_due: dt.date) -> None:
        """The customer's next visit or call within four weeks, from the day it is due (today at the earliest)."""
        today, last = self.today, self.today + dt.timedelta(days=27)
        # Drawn from the main stream exactly when earlier demos drew (their due day decided), else from plan_rng.
        rng = self.rng if old_due <= last else self.plan_rng
        if due > last and rng is self.plan_rng:
            return
        offset = rng.randrange(7)
        at = dt.time(rng.randint(9, 17), rng.choice((0, 30)))
        kind = rng.choices(("visit", "call"), weights=(40, 60))[0]
        purpose = rng.choice(V.VISIT_PURPOSES_ZH if chinese else V.VISIT_PURPOSES_EN)
        if due > last:
            return
        day = max(due, today + dt.timedelta(days=offset))
        while not self._book(owner_id, day):  # weekends and full days move on; the four weeks may be full
            day += dt.timedelta(days=1)
            if day > last:
                return
        self.rows.add("visit", self.now, (
            cid, contacts[0], owner_id, dt.datetime.combine(day, at), 30 if kind == "call" else 60, kind, purpose,
            address if kind == "visit" else "", "planned", "", None, None, None,
        ))

    def _book(self, salesperson_id: int, day: dt.date) -> bool:
        """Take one of the salesperson's slots on a working day; False on weekends and full days."""
        if day.weekday() >= 5:
            return False
        taken = self.booked.get((salesperson_id, day), 0)
        if taken >= MAX_VISITS_A_DAY:
            return False
        self.booked[(salesperson_id, day)] = taken + 1
        return True

    def _book_near(self, salesperson_id: int, day: dt.date, low: dt.date, high: dt.date, *,
                   backward: bool = False) -> dt.date | None:
        """A slot on `day` or the nearest day with one, at most MOVE_DAYS away (only earlier when `backward`,
        a few more days then) and within low..high; None when there is none."""
        steps = range(0, -2 * MOVE_DAYS, -1) if backward else (0, -1, 1, -2, 2, -3, 3)
        for step in steps:
            when = day + dt.timedelta(days=step)
            if low <= when <= high and self._book(salesperson_id, when):
                return when
        return None

    def _replay_old_purchase_draws(self, tier: str, created: dt.date) -> None:
        """Consume from the main stream exactly what the purchases of schema 7 demos drew (see __init__)."""
        rng = self.rng
        count = {"A": rng.randint(4, 10), "B": rng.randint(1, 5), "C": rng.randint(0, 2)}[tier]
        span = min(max(1, (self.today - created).days), 730)
        for _ in range(count):
            rng.randrange(span), rng.lognormvariate(0, 0.6), rng.choice(V.PRODUCTS), rng.randint(1, 50)

    def _purchases(self, cid: int, owner_id: int, tier: str, stage: str, created: dt.date, chinese: bool) -> None:
        """Repeat orders at the tier's rhythm (A about monthly, C now and then) over up to two years, one to three
        lines each at list price (sometimes a discount); customers at risk or lost stopped ordering a while ago."""
        self._replay_old_purchase_draws(tier, created)
        rng, today = self.order_rng, self.today
        count = {"A": rng.randint(5, 12), "B": rng.randint(2, 5), "C": rng.randint(0, 2)}[tier]
        if not count:
            return
        end = today - dt.timedelta(days=rng.randint(100, 300) if stage in ("at_risk", "lost") else 0)
        begin = max(created, today - dt.timedelta(days=730))
        span = (end - begin).days
        if span < 1:
            return
        scale = {"A": 3.0, "B": 1.0, "C": 0.4}[tier]
        days = sorted(begin + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
        for day in days:
            self.orders += 1
            order_no = f"SO{day.year}-{self.orders:07d}"
            stamp = dt.datetime.combine(day, dt.time(12))
            for _line in range(rng.choices((1, 2, 3), weights=(70, 22, 8))[0]):
                product_zh, product_en, price = rng.choice(V.PRODUCT_PRICES)
                product = product_zh if chinese else product_en
                quantity = max(1, round(rng.lognormvariate(0, 0.8) * scale * 4))
                amount = quantity * price
                notes = ""
                if rng.random() < 0.12:  # a negotiated discount: the amount is not quantity x price
                    amount = amount * rng.choice((90, 95, 97)) // 100
                    notes = rng.choice(V.ORDER_NOTES_ZH if chinese else V.ORDER_NOTES_EN)
                self.rows.add("purchase", stamp, (
                    cid, day, order_no, product, quantity, price, amount, owner_id, notes, order_key(order_no),
                    None, None,
                ))


def salespeople_for(customers: int) -> int:
    """A team size that fits the customer count: about one salesperson per 150 customers, at least 3, and at most
    40 (a demo of 100,000 customers is a load test; its team stays one an office could have)."""
    return max(3, min(MAX_TEAM, round(customers / 150)))


def generate_demo(
    db: Database, *, customers: int = 500, seed: int = 7, today: dt.date | None = None, append: bool = False,
    progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
) -> DemoSummary:
    """Fill `db` with a demo team and `customers` customers; all or nothing."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    with db.write() as pw:
        existing = pw.execute_sql("SELECT count(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0]
        if existing and not append:
            raise DatabaseNotEmptyError(customers=existing)
        with bulk.numbering(pw, tuple(TABLE_COLUMNS)) as next_id:
            rows = _Rows(next_id=next_id)
            _write(db, pw, rows, rng, customers, seed, today, progress, is_cancelled)
    w = rows.written
    return DemoSummary(
        salespeople=w.get("salesperson", 0), customers=w.get("customer", 0), contacts=w.get("contact", 0),
        visits=w.get("visit", 0), feedback=w.get("feedback", 0), purchases=w.get("purchase", 0),
    )


def _write(db: Database, pw: Any, rows: _Rows, rng: random.Random, customers: int, seed: int, today: dt.date,
           progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
    """The demo team and its customers, numbered by `rows`, written in chunks."""
    team = _team(rows, pw, rng, salespeople_for(customers), today)
    rows.flush(pw)
    gen = DemoGenerator(rows, rng, today, team, order_rng=random.Random(f"orders-{seed}"),
                        plan_rng=random.Random(f"plan-{seed}"))
    chunk_start = rows.next_id["customer"]
    # The visit figures are counted per chunk and at the end; the search documents go in with fewer merges.
    with bulk.triggers_deferred(pw, "visit"), search_docs.bulk_merging(pw, customers):
        for done in range(customers):
            gen.customer()
            if (done + 1) % CHUNK == 0 or done + 1 == customers:
                if is_cancelled and is_cancelled():
                    raise CancelledError()
                rows.flush(pw)
                chunk = range(chunk_start, rows.next_id["customer"])
                pw.execute_sql(
                    "UPDATE customer SET open_feedback = (SELECT count(*) FROM feedback f WHERE f.customer_id = "
                    f"customer.id AND f.status IN ({', '.join('?' * len(OPEN_FEEDBACK_STATUSES))})), "
                    f"last_done_at = {last_done.RECOUNT} WHERE id BETWEEN ? AND ?",
                    [*OPEN_FEEDBACK_STATUSES, chunk.start, chunk.stop - 1])
                search_docs.refresh(pw, chunk)
                order_values.refresh(pw, chunk, today)
                chunk_start = chunk.stop
                if progress:
                    progress(done + 1, customers)
        if db.engine == "sqlite":  # its triggers were set aside; a server's counted each visit
            for statement in visit_months.RECOUNT_ALL:
                pw.execute_sql(statement)


def _team(rows: _Rows, pw: SqliteDatabase, rng: random.Random, size: int, today: dt.date) -> list[tuple[int, str]]:
    taken = {code for (code,) in pw.execute_sql("SELECT code FROM salesperson").fetchall()}
    team = []
    stamp = dt.datetime.combine(today - dt.timedelta(days=5 * 365), dt.time(9))
    for n, name in enumerate(V.SALES_NAMES[:size]):
        code = f"S{n + 1:02d}"
        if code in taken:
            continue
        sid = rows.add("salesperson", stamp, (
            name, code, V.SALES_COLORS[n % len(V.SALES_COLORS)], f"{code.lower()}@example.com", True,
        ))
        team.append((sid, name))
    if not team:
        team = [tuple(r) for r in pw.execute_sql("SELECT id, name FROM salesperson WHERE active").fetchall()]
    return team
