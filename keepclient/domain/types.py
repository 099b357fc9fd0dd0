"""Enumerations and the plain records that services hand to the UI and the CLI.

Enum values are the strings stored in the database, so they must never change once released.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class CustomerKind(StrEnum):
    COMPANY = "company"
    PERSON = "person"


class Tier(StrEnum):
    """80/20 value tiers: A high, B medium, C low."""

    A = "A"
    B = "B"
    C = "C"


class Stage(StrEnum):
    """Lifecycle stage of a customer relationship."""

    PROSPECT = "prospect"
    NEW = "new"
    ACTIVE = "active"
    MATURE = "mature"
    AT_RISK = "at_risk"
    LOST = "lost"
    WON_BACK = "won_back"


class VisitKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"
    MISSED = "missed"


class FeedbackKind(StrEnum):
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    REQUEST = "request"
    PRAISE = "praise"


class FeedbackCategory(StrEnum):
    PRODUCT = "product"
    PRICE = "price"
    SERVICE = "service"
    DELIVERY = "delivery"
    TRUST = "trust"
    OTHER = "other"


class Severity(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Channel(StrEnum):
    VISIT = "visit"
    PHONE = "phone"
    EMAIL = "email"
    MESSAGE = "message"
    OTHER = "other"


class FeedbackStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REPLIED = "replied"
    CLOSED = "closed"


class DatabaseMode(StrEnum):
    """How a database file is opened: see db/connection.py for what each mode means."""

    LOCAL = "local"
    SHARED = "shared"


@dataclass(frozen=True, slots=True)
class CustomerRow:
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


@dataclass(frozen=True, slots=True)
class ContactInfo:
    id: int
    name: str
    title: str
    mobile: str
    phone: str
    email: str
    is_primary: bool
    birthday: str  # "YYYY-MM-DD", "--MM-DD" when the year is unknown, or ""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """Something that happened with a customer, for the detail pane's timeline."""

    when: dt.datetime
    kind: str  # "visit", "feedback", "purchase"
    subkind: str  # visit kind, feedback category, or "" for purchases
    status: str  # stored status value, or "" for purchases
    text: str  # what the user wrote: purpose and outcome, description, product
    amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CustomerDetail:
    id: int
    uuid: str
    version: int
    name: str
    kind: str
    tier: str
    stage: str
    owner: str
    industry: str
    city: str
    address: str
    phone: str
    email: str
    notes: str
    last_contact: dt.date | None
    next_follow_up: dt.date | None
    contacts: tuple[ContactInfo, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class VisitItem:
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


@dataclass(frozen=True, slots=True)
class FeedbackItem:
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


@dataclass(frozen=True, slots=True)
class PurchaseInfo:
    date: dt.date
    amount: Decimal
    product: str
    quantity: int


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `keepclient check` reports about a database file."""

    path: str
    mode: str
    integrity: str  # "ok" or SQLite's first complaint
    schema_version: int
    app_version: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    salespeople: int
    customers: int
    contacts: int
    visits: int
    feedback: int
    purchases: int
