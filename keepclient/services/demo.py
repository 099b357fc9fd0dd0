"""Realistic demo data, fast enough for 100,000 customers: raw batched inserts inside one transaction.

One transaction means a cancelled or killed run leaves nothing behind. Row ids are assigned here (the transaction
holds the write lock, so nobody else can take them), which lets child rows point at parents without reading back.
Derived columns (search documents, open feedback, order figures) are then counted by the same code the services
use, chunk by chunk, so demo data never disagrees with what an edit would compute.

Realism the demo keeps: about one salesperson per 150 customers (at most 40: beyond 6,000 customers the team no
longer grows with the file), nobody has more than 8 planned visits on a working day (a full day leaves the
customer due but unplanned, as in real life), and orders repeat: A customers order often and in bigger amounts, a
customer at risk or lost stopped ordering months ago.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import SqliteDatabase

from keepclient.db import order_values, search_docs
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
MAX_VISITS_A_DAY = 8  # per salesperson: in-person visits in the past, every planned visit or call ahead
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

    def flush(self, cursor: sqlite3.Cursor) -> None:
        for table in TABLE_COLUMNS:  # parents before children: foreign keys are checked per statement
            rows = self.pending.get(table)
            if rows:
                cursor.executemany(_insert_sql(table, TABLE_COLUMNS[table]), rows)
                self.written[table] = self.written.get(table, 0) + len(rows)
        self.pending = {}


class DemoGenerator:
    """Builds one customer at a time with its contacts, a year of history and the coming four weeks."""

    def __init__(self, rows: _Rows, rng: random.Random, today: dt.date, salespeople: list[tuple[int, str]],
                 order_rng: random.Random | None = None):
        self.rows, self.rng, self.today = rows, rng, today
        # Orders draw from a stream of their own, and the main stream replays what earlier demos drew for their
        # purchases: every other record of a seed stays the data it always was (tests and screenshots know it).
        self.order_rng = order_rng or random.Random("orders")
        self.salespeople = salespeople
        self.now = dt.datetime.combine(today, dt.time(9, 0))
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
        last_contact = self._history(cid, owner_id, contacts, tier, created, address)
        due = cadence.next_follow_up(last_contact, tier, created=created)
        self._planned(cid, owner_id, contacts, due, address)
        self._purchases(cid, owner_id, tier, stage, created)
        kind = "company" if company else "person"
        keys = customer_keys(name, phone, kind)
        self.rows.add("customer", stamp, (
            name, kind, owner_id, tier, stage, industry_zh if chinese else industry_en,
            rng.choice(("展会", "老客户介绍", "网络", "电话开发", "Referral", "")), address, city, region, phone,
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

    def _history(
        self, cid: int, owner_id: int, contacts: list[int], tier: str, created: dt.date, address: str,
    ) -> dt.date | None:
        rng, today = self.rng, self.today
        count = {"A": rng.randint(6, 12), "B": rng.randint(2, 5), "C": rng.randint(0, 2)}[tier]
        first = max(created, today - dt.timedelta(days=365))
        span = (today - first).days
        last_done: dt.date | None = None
        for _ in range(count if span > 1 else 0):
            day = first + dt.timedelta(days=rng.randrange(span))
            start = dt.datetime.combine(day, dt.time(rng.randint(9, 17), rng.choice((0, 30))))
            status = rng.choices(OUTCOME_VALUES, weights=(86, 7, 7))[0]
            kind = rng.choices(VISIT_KINDS, weights=(35, 45, 10, 10))[0]
            if kind == "visit" and not self._book(owner_id, day):
                kind = "call"  # no room for one more visit that day (or a weekend): it was a call
            done = status == "done"
            score = rng.choices((3, 4, 5), weights=(2, 5, 4))[0] if done and rng.random() < 0.3 else None
            vid = self.rows.add("visit", start, (
                cid, rng.choice(contacts), owner_id, start, 30 if kind == "call" else 60, kind,
                rng.choice(V.VISIT_PURPOSES), address if kind == "visit" else "", status,
                rng.choice(V.OUTCOMES) if done else "", score, None, None,
            ))
            if done and (last_done is None or day > last_done):
                last_done = day
            if done and rng.random() < 0.05:
                self._feedback(cid, rng.choice(contacts), owner_id, start, vid)
        if rng.random() < 0.04:
            received = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(60)), dt.time(rng.randint(8, 18)))
            self._feedback(cid, contacts[0], owner_id, received, None)
        return last_done

    def _feedback(self, cid: int, contact: int, owner_id: int, received: dt.datetime, visit: int | None) -> None:
        rng = self.rng
        category = rng.choice(tuple(V.FEEDBACK_TEXTS))
        kind = rng.choices(FEEDBACK_KINDS, weights=(50, 20, 20, 10))[0]
        age = (self.now - received).days
        status = "closed" if age > 30 and rng.random() < 0.9 else rng.choice(FEEDBACK_STATUSES)
        reached = FEEDBACK_STATUSES.index(status)
        first = received + dt.timedelta(hours=rng.uniform(0.5, 40)) if reached >= 1 else None
        resolved = first + dt.timedelta(days=rng.uniform(0.2, 6)) if first and reached >= 2 else None
        replied = resolved + dt.timedelta(hours=rng.uniform(1, 48)) if resolved and reached >= 3 else None
        closed = replied + dt.timedelta(days=rng.uniform(0, 3)) if replied and reached >= 4 else None
        stamp = received.replace(microsecond=0)

        def sec(value: dt.datetime | None) -> dt.datetime | None:
            return value.replace(microsecond=0) if value else None

        severity = rng.choices(SEVERITIES, weights=(20, 55, 20, 5))[0]
        response_due, resolution_due = response_targets.deadlines(stamp, severity)
        ahead = response_due if status == "new" else resolution_due if status == "in_progress" else None

        def hours(until: dt.datetime | None) -> float | None:
            return round((until - stamp).total_seconds() / 3600, 2) if until else None

        self.rows.add("feedback", stamp, (
            cid, contact, visit, stamp, "visit" if visit else rng.choice(("phone", "email", "message")), kind,
            category, severity, rng.choice(V.FEEDBACK_TEXTS[category]), owner_id, status, sec(first),
            sec(resolved), sec(replied), sec(closed), rng.choice(V.RESOLUTIONS) if resolved else "",
            rng.randint(2, 5) if closed and rng.random() < 0.6 else None, "", None, response_due, resolution_due,
            ahead, hours(sec(first)), hours(sec(resolved)),
        ))

    def _planned(self, cid: int, owner_id: int, contacts: list[int], due: dt.date, address: str) -> None:
        rng, today = self.rng, self.today
        if due > today + dt.timedelta(days=27):
            return
        day = max(due, today + dt.timedelta(days=rng.randrange(7)))
        at = dt.time(rng.randint(9, 17), rng.choice((0, 30)))  # drawn whether or not a day is free (same data)
        kind = rng.choices(("visit", "call"), weights=(40, 60))[0]
        purpose = rng.choice(V.VISIT_PURPOSES)
        last = today + dt.timedelta(days=27)
        while not self._book(owner_id, day):  # weekends and full days move on; the four weeks may be full
            day += dt.timedelta(days=1)
            if day > last:
                return
        self.rows.add("visit", self.now, (
            cid, contacts[0], owner_id, dt.datetime.combine(day, at), 30 if kind == "call" else 60, kind, purpose,
            address if kind == "visit" else "", "planned", "", None, None, None,
        ))

    def _book(self, salesperson_id: int, day: dt.date) -> bool:
        """Take one of the salesperson's visit slots on a working day; False on weekends and full days."""
        if day.weekday() >= 5:
            return False
        taken = self.booked.get((salesperson_id, day), 0)
        if taken >= MAX_VISITS_A_DAY:
            return False
        self.booked[(salesperson_id, day)] = taken + 1
        return True

    def _replay_old_purchase_draws(self, tier: str, created: dt.date) -> None:
        """Consume from the main stream exactly what the purchases of schema 7 demos drew (see __init__)."""
        rng = self.rng
        count = {"A": rng.randint(4, 10), "B": rng.randint(1, 5), "C": rng.randint(0, 2)}[tier]
        span = min(max(1, (self.today - created).days), 730)
        for _ in range(count):
            rng.randrange(span), rng.lognormvariate(0, 0.6), rng.choice(V.PRODUCTS), rng.randint(1, 50)

    def _purchases(self, cid: int, owner_id: int, tier: str, stage: str, created: dt.date) -> None:
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
                product, price = rng.choice(V.PRODUCT_PRICES)
                quantity = max(1, round(rng.lognormvariate(0, 0.8) * scale * 4))
                amount = quantity * price
                notes = ""
                if rng.random() < 0.12:  # a negotiated discount: the amount is not quantity x price
                    amount = amount * rng.choice((90, 95, 97)) // 100
                    notes = rng.choice(V.ORDER_NOTES)
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
        next_id = {
            table: pw.execute_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0]
            for table in TABLE_COLUMNS
        }
        rows = _Rows(next_id=next_id)
        cursor = pw.cursor()
        team = _team(rows, pw, rng, salespeople_for(customers), today)
        rows.flush(cursor)
        gen = DemoGenerator(rows, rng, today, team, order_rng=random.Random(f"orders-{seed}"))
        chunk_start = rows.next_id["customer"]
        for done in range(customers):
            gen.customer()
            if (done + 1) % CHUNK == 0 or done + 1 == customers:
                if is_cancelled and is_cancelled():
                    raise CancelledError()
                rows.flush(cursor)
                chunk = range(chunk_start, rows.next_id["customer"])
                pw.execute_sql(
                    "UPDATE customer SET open_feedback = (SELECT count(*) FROM feedback f WHERE f.customer_id = "
                    f"customer.id AND f.status IN ({', '.join('?' * len(OPEN_FEEDBACK_STATUSES))})) "
                    "WHERE id BETWEEN ? AND ?", [*OPEN_FEEDBACK_STATUSES, chunk.start, chunk.stop - 1])
                search_docs.refresh(pw, chunk)
                order_values.refresh(pw, chunk, today)
                chunk_start = chunk.stop
                if progress:
                    progress(done + 1, customers)
    w = rows.written
    return DemoSummary(
        salespeople=w.get("salesperson", 0), customers=w.get("customer", 0), contacts=w.get("contact", 0),
        visits=w.get("visit", 0), feedback=w.get("feedback", 0), purchases=w.get("purchase", 0),
    )


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
