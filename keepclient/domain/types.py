"""The plain records that services hand to the UI and the CLI: immutable named tuples, cheap to create by
the thousand and cheap to define at start-up.

The value enumerations live in domain/enums.py (with their display names in domain/labels.py); the few value
tuples records need are taken from there, so each stored value is spelled once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from keepclient.domain.enums import OPEN_FEEDBACK_STATUSES as OPEN_FEEDBACK_STATUSES  # services read it here

if TYPE_CHECKING:  # the rules load when risks are computed or shown, not with every record type
    from keepclient.domain.holidays import Holiday
    from keepclient.domain.insights import Reason


class DatabaseMode(StrEnum):
    """How a database file is opened: see db/connection.py for what each mode means."""

    LOCAL = "local"
    SHARED = "shared"
    SERVER = "server"  # a team server (PostgreSQL): db/server_database.py


SORTABLE_COLUMNS = ("name", "tier", "stage", "owner", "city", "phone", "last_contact", "next_follow_up",
                    "open_feedback", "revenue_12m", "last_order", "risk")
# Orders a view may ask for that have no column of their own (the header then shows no sort indicator):
# "ltv", lifetime value (customers without an estimate last).
EXTRA_SORTS = ("ltv",)


class CustomerFilter(NamedTuple):
    """What the customer list shows: search text, filters and sort, all combinable."""

    text: str = ""
    owner_id: int | None = None
    tiers: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    tag_id: int | None = None
    city: str = ""  # matches city or region
    follow_up: str = ""  # "", "overdue" or "week" (due from today to the end of this week)
    open_feedback: bool = False
    trash: bool = False
    sort: str = "name"  # one of SORTABLE_COLUMNS or EXTRA_SORTS
    descending: bool = False
    no_order_days: int | None = None  # no order for more than this many days (customers without orders included)
    min_risk: int | None = None  # churn risk at least this (the computed "At risk" view)
    # Only these customers (those behind a dashboard figure); None: no such limit. The other fields still apply.
    ids: tuple[int, ...] | None = None
    caption: str = ""  # what `ids` are, shown above the list ("New customers of 张伟, 1/1/26 – 12/6/26")


class SearchHit(NamedTuple):
    """One `keepclient search` result, best matches first."""

    id: int
    name: str
    tier: str
    owner: str
    phone: str
    contact: str  # the contact that matched, or the primary contact


class SalespersonInfo(NamedTuple):
    id: int
    name: str
    code: str
    color: str
    email: str = ""
    active: bool = True  # inactive: keeps their history, but is not offered for new work


class HandoverResult(NamedTuple):
    """What a hand-over moved, per table ("customer", "visit", "feedback"): each record's owner before and after,
    and the version the hand-over left it at, so undo and redo never overwrite a colleague's later save."""

    from_id: int
    before: dict[str, dict[int, int | None]]
    after: dict[str, dict[int, int]]
    versions: dict[str, dict[int, int]]

    def count(self, table: str) -> int:
        return len(self.after.get(table, {}))


class CustomerRow(NamedTuple):
    """One line of the customer list: only what the list shows."""

    id: int
    name: str
    tier: str
    stage: str
    owner: str
    city: str
    phone: str
    last_contact: dt.date | None
    next_follow_up: dt.date | None
    open_feedback: int
    revenue_12m_cents: int = 0  # whole cents of the team's currency
    last_order: dt.date | None = None
    risk: int = 0  # churn risk 0..100 (services/insights), with its reasons for the tooltip
    risk_reasons: tuple[Reason, ...] = ()


def as_date(value: Any) -> dt.date | None:
    """A date column as SQLite hands it back (a date, an ISO string, or nothing)."""
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> dt.datetime | None:
    """A date-time column as SQLite hands it back (a datetime, an ISO string, or nothing)."""
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def as_stored_datetime(value: Any) -> dt.datetime:
    """A NOT NULL date-time column as SQLite hands it back: as_datetime, but never nothing (ValueError if empty)."""
    stamp = as_datetime(value)
    if stamp is None:
        raise ValueError("a date-time column that is never empty is empty")
    return stamp


def birthday_text(year: int | None, month: int | None, day: int | None) -> str:
    """"YYYY-MM-DD", "--MM-DD" when the year is unknown, or "" (the form exports and the JSON shape use)."""
    if not month or not day:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


class ContactInfo(NamedTuple):
    id: int
    version: int
    name: str
    title: str
    mobile: str
    phone: str
    email: str
    im_id: str
    is_primary: bool
    birthday_year: int | None
    birthday_month: int | None
    birthday_day: int | None
    notes: str
    birthday_lunar: int = 0  # 0 Gregorian, 1 lunar, 2 lunar in a leap month (domain/lunar.py)

    @property
    def birthday(self) -> str:
        return birthday_text(self.birthday_year, self.birthday_month, self.birthday_day)


class TimelineEntry(NamedTuple):
    """Something that happened with a customer, for the detail pane's timeline."""

    when: dt.datetime
    kind: str  # "visit", "feedback", "purchase", "change", "gift"
    subkind: str  # visit kind, feedback category, changed field, the gift's occasion, or "" for purchases
    status: str  # stored status value, or ""
    text: str  # what the user wrote: purpose and outcome, description, product; "old → new" for changes
    amount: Decimal | None = None
    record_id: int | None = None  # the gift's id for "gift" entries (edited and removed from the timeline)


class CustomerDetail(NamedTuple):
    """A customer as the detail pane edits it: `values` holds every editable field as stored."""

    id: int
    uuid: str
    version: int
    values: dict[str, Any]  # see services.customer_edits.EDITABLE_FIELDS; owner is a salesperson id
    owner_name: str
    last_contact: dt.date | None
    deleted: bool
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactInfo, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    # Order figures as stored on the customer (db/order_values keeps them): money in whole cents of the currency.
    revenue_12m_cents: int = 0
    orders_count: int = 0
    last_order: dt.date | None = None
    order_gap_days: float | None = None  # average days between orders (two orders or more)
    # Value and risk as stored (services/insights keeps them): see domain/insights.py for how they are computed.
    risk: int = 0
    risk_reasons: tuple[Reason, ...] = ()
    rfm: str | None = None  # recency, frequency, monetary 1..5, e.g. "545"; None without orders
    ltv_cents: int | None = None
    suggested_tier: str | None = None
    tier_pinned: bool = False
    lost_reason: str = ""

    @property
    def name(self) -> str:
        name: str = self.values["name"]
        return name

    @property
    def notes(self) -> str:
        notes: str = self.values["notes"]
        return notes


@dataclass(frozen=True, slots=True)
class OrderItem:
    """One order line as the detail pane lists and edits it. Money is whole cents of the team's currency (exact;
    the UI shows it with two decimals); a negative quantity and amount is a credit (a return)."""

    id: int
    version: int  # what a change made from this item expects to find
    customer_id: int
    date: dt.date
    order_no: str
    product: str
    quantity: Decimal
    unit_price_cents: int | None
    amount_cents: int
    salesperson_id: int | None
    salesperson: str  # the salesperson's name, or ""
    notes: str


class VisitItem(NamedTuple):
    """A visit as the calendar shows it (times are local wall-clock times, as everywhere in the database)."""

    id: int
    customer_id: int
    customer: str
    contact: str
    salesperson: str
    color: str
    start: dt.datetime
    minutes: int
    kind: str
    status: str
    purpose: str
    location: str
    salesperson_id: int | None = None
    contact_id: int | None = None
    series_id: int | None = None  # set when the visit is one occurrence of a recurring follow-up
    outcome: str = ""
    satisfaction: int | None = None
    version: int = 1  # what a change made from this item expects to find (a colleague's save in between refuses it)
    remind_minutes: int | None = None  # a reminder this long before the start; None: no reminder

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


Versions = dict[int, int]  # record id -> the version it has after a change: what undoing that change expects
FIRST_VERSION = 1  # the version of a record just created (what undoing its creation expects)


class DatesChange(NamedTuple):
    """What logging or planning a contact did to its customer's follow-up dates.

    Undo puts `before` back only while the customer is still at `version` (the version this change produced), so
    a colleague's later save is refused with a conflict instead of being wiped; redo puts `after` the same way.
    """

    customer_id: int
    before: dict[str, dt.date | None]  # last_contact and next_follow_up
    after: dict[str, dt.date | None]
    version: int


class Logged(NamedTuple):
    """A logged call or visit: the new visit and what it did to the customer's dates (for undo)."""

    entry_id: int
    dates: DatesChange


class PlannedIds(list[int]):
    """The ids of newly planned visits (a list, as callers unpack it), with what planning did to the customer's
    dates in `dates` for undo."""

    dates: DatesChange | None = None


class Recurrence(NamedTuple):
    """A recurring follow-up: every `every` days, weeks or months, until a date or `count` times (one is set)."""

    every: int
    unit: str  # "day", "week" or "month"
    until: dt.date | None = None
    # A field may shadow tuple.count at run time; mypy checks it against the method, so it needs the ignore.
    count: int | None = None  # type: ignore[assignment]  # occurrences, the first one included


class DueItem(NamedTuple):
    """A customer whose next follow-up falls due, for the Due panel."""

    customer_id: int
    customer: str
    tier: str
    owner_id: int | None
    owner: str
    due: dt.date
    last_contact: dt.date | None
    phone: str
    planned: dt.datetime | None  # the next planned visit, if one is already in the calendar


class CareDay(NamedTuple):
    """A contact's birthday falling in a period (29 February is kept on 28 February in common years)."""

    day: dt.date  # the day it falls on in the period asked for
    contact_id: int
    contact: str
    customer_id: int
    customer: str
    owner_id: int | None
    year: int | None  # year of birth when known (the lunar year for a lunar birthday)
    lunar: bool = False  # a lunar birthday, shown on its Gregorian day of this year

    @property
    def age(self) -> int | None:
        """The age reached that day, when the year of birth is known (a lunar one counts lunar years: a 腊月
        birthday in January belongs to the lunar year before)."""
        if self.year is None:
            return None
        if not self.lunar:
            return self.day.year - self.year
        from keepclient.domain.lunar import to_lunar

        return to_lunar(self.day)[0] - self.year


class DueList(NamedTuple):
    """The Due panel: overdue, today and the rest of this week, each capped; `counts` has the full numbers."""

    overdue: list[DueItem]
    today: list[DueItem]
    week: list[DueItem]
    counts: dict[str, int]  # "overdue", "today", "week"
    birthdays: list[CareDay]
    holidays: tuple[Holiday, ...] = ()  # the observed holidays of the next days (services/due.HOLIDAY_DAYS)


class ScheduleEntry(NamedTuple):
    """One visit with everything a printed schedule, a route sheet or an .ics event needs."""

    visit_id: int
    uuid: str
    version: int
    updated_at: dt.datetime
    start: dt.datetime
    minutes: int
    kind: str
    status: str
    salesperson_id: int | None
    salesperson: str
    customer_id: int
    customer: str
    contact: str
    phone: str  # the contact's mobile or phone, else the customer's phone
    address: str  # the visit's location, else the customer's address
    purpose: str
    outcome: str
    last_note: str  # the outcome of the customer's previous done visit, for route sheets
    remind_minutes: int | None = None  # the visit's reminder (an .ics VALARM); None: none

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


FEEDBACK_SORTS = ("due", "received_at", "customer", "kind", "category", "severity", "status", "owner",
                  "first_response", "resolution", "description")


class FeedbackFilter(NamedTuple):
    """What the feedback log shows: every part combinable; dates are days (inclusive), None = unbounded."""

    text: str = ""  # in the description, resolution or customer name
    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    owner_id: int | None = None
    customer_id: int | None = None
    overdue: bool = False
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    sort: str = "due"  # one of FEEDBACK_SORTS; "due": the nearest deadline first (overdue first), then newest
    descending: bool = False


class FeedbackItem(NamedTuple):
    """One feedback item as the log lists it. Times are local wall-clock times."""

    id: int
    customer_id: int
    customer: str
    received_at: dt.datetime
    kind: str
    category: str
    severity: str
    status: str
    owner: str
    description: str
    owner_id: int | None = None
    channel: str = ""
    first_response_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    replied_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    response_due: dt.datetime | None = None  # when the first response is due (working time)
    resolution_due: dt.datetime | None = None
    next_due: dt.datetime | None = None  # the deadline still ahead: response, then resolution; None once resolved
    satisfaction: int | None = None
    version: int = 1

    def overdue(self, now: dt.datetime) -> bool:
        return self.next_due is not None and self.next_due < now

    @property
    def response_time(self) -> dt.timedelta | None:
        return self.first_response_at - self.received_at if self.first_response_at else None

    @property
    def resolution_time(self) -> dt.timedelta | None:
        return self.resolved_at - self.received_at if self.resolved_at else None


class FeedbackEvent(NamedTuple):
    """One change in a feedback item's history (from the change log): a step, a new owner, an edit."""

    when: dt.datetime
    who: str
    field: str
    old: str | None
    new: str | None


class FeedbackDetail(NamedTuple):
    """A feedback item as its editor shows it."""

    item: FeedbackItem
    contact_id: int | None
    contact: str
    visit_id: int | None
    resolution: str
    satisfaction_comment: str
    history: tuple[FeedbackEvent, ...]


class SatisfactionScore(NamedTuple):
    """A 1-5 score a customer gave, at a visit or when feedback was closed."""

    when: dt.datetime
    score: int
    source: str  # "visit" or "feedback"
    comment: str
    # what the score's tooltip says about it: who gave it (the contact, if named), who recorded it (the visit's
    # salesperson, the feedback's owner), the visit's kind or the feedback's, and its purpose or description
    given_by: str = ""
    recorded_by: str = ""
    kind: str = ""
    about: str = ""


class OpenFeedbackRow(NamedTuple):
    """A line of the report's first part: open feedback by owner, with age and overdue flag."""

    owner: str
    id: int
    customer: str
    received_at: dt.datetime
    category: str
    severity: str
    status: str
    age_days: float
    overdue: bool


class MonthlyFeedbackRow(NamedTuple):
    """A line of the report's second part: one month and category."""

    month: str  # "YYYY-MM"
    category: str
    count: int  # type: ignore[assignment]  # shadows tuple.count, as a NamedTuple field may (see Recurrence)
    median_response_hours: float | None  # None when nothing of it was answered yet
    median_resolution_hours: float | None


class FeedbackReport(NamedTuple):
    start: dt.date
    end: dt.date  # inclusive
    made_at: dt.datetime
    open_items: list[OpenFeedbackRow]  # by owner, then oldest first
    monthly: list[MonthlyFeedbackRow]  # by month, then category


class CheckReport(NamedTuple):
    """What `keepclient check` reports about a database file."""

    path: str
    mode: str
    integrity: str  # "ok" or SQLite's first complaint
    schema_version: int
    app_version: str
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


class DemoSummary(NamedTuple):
    salespeople: int
    customers: int
    contacts: int
    visits: int
    feedback: int
    purchases: int
