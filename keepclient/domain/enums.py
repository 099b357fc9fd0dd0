"""Enumerations of the values stored in the database.

Values are the strings stored in the database, so they must never change once released.
"""

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


class LostReason(StrEnum):
    """Why a customer was lost (asked when one is marked lost; the Win-back view groups by it)."""

    PRICE = "price"
    COMPETITOR = "competitor"
    QUALITY = "quality"
    SERVICE = "service"
    MOVED = "moved"
    CLOSED = "closed"  # the business closed
    OTHER = "other"


OPEN_FEEDBACK_STATUSES: tuple[FeedbackStatus, ...] = (
    FeedbackStatus.NEW, FeedbackStatus.IN_PROGRESS, FeedbackStatus.RESOLVED)
"""Feedback the customer still waits on: not yet replied to, nor closed."""

OUTCOME_STATUSES: tuple[VisitStatus, ...] = (VisitStatus.DONE, VisitStatus.CANCELLED, VisitStatus.MISSED)
"""What a visit can end as (a visit's outcome is recorded with one of these)."""
