"""What happens with a customer: calls and visits logged (planning is services/visits.py), and the customer's
count of open feedback (feedback itself is services/feedback.py).

Logging a contact moves the customer's last-contact date and next due date (from the cadence rules unless the
user chose a date); the open-feedback count is what the list shows and filters by. Those dates move through the
version check (`move_dates` below, also used by planning and outcomes), and undo puts them back only while nobody
saved the customer since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import Customer, Feedback, Visit, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import cadence
from keepclient.domain.enums import VisitKind
from keepclient.domain.errors import ValidationError
from keepclient.domain.types import OPEN_FEEDBACK_STATUSES, DatesChange, Logged, Versions
from keepclient.services.insights import customers_changed
from keepclient.services.team import load_cadence

VISIT_KINDS: tuple[str, ...] = tuple(kind.value for kind in VisitKind)
DATES = ("last_contact", "next_follow_up")


def _one_of(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise ValidationError(field=field, value=value)
    return value


def refresh_open_feedback(customer_id: int) -> None:
    """Recount the customer's feedback that still waits on us (a derived column: no version bump)."""
    count = Feedback.select().where(
        (Feedback.customer == customer_id) & Feedback.deleted_at.is_null()
        & Feedback.status.in_(OPEN_FEEDBACK_STATUSES)).count()
    Customer.update(open_feedback=count).where(Customer.id == customer_id).execute()
    customers_changed([customer_id])  # open complaints and scores move its risk


def move_dates(customer_id: int, changes: dict[str, Any], user: str) -> DatesChange:
    """Move a customer's follow-up dates as the side effect of a contact (inside `Database.write()`).

    Checked against the version read here, in the same transaction: not a stale write of anyone's, but it raises
    the customer's version so that a colleague's save based on the older one is refused.
    """
    row = current_row(Customer, customer_id)
    before = {name: row[name] for name in DATES}
    version = update_checked(Customer, customer_id, row["version"], changes, user)
    customers_changed([customer_id])  # its last contact moves its risk
    return DatesChange(customer_id, before, {**before, **changes}, version)


def put_dates(dates: DatesChange, values: dict[str, Any], user: str) -> DatesChange:
    """Undo or redo of what `move_dates` did: only while the customer is at `dates.version` (else ConflictError,
    so a later save is never wiped). Returns `dates` at the customer's new version."""
    version = update_checked(Customer, dates.customer_id, dates.version, values, user)
    customers_changed([dates.customer_id])
    return dates._replace(version=version)


class ActivityService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def log_contact(
        self, customer_id: int, *, kind: str, when: dt.datetime, outcome: str = "", contact_id: int | None = None,
        salesperson_id: int | None = None, satisfaction: int | None = None, next_follow_up: dt.date | None = None,
        minutes: int = 30,
    ) -> Logged:
        """A call or visit that happened; returns the visit id and what it did to the customer's dates."""
        _one_of(kind, VISIT_KINDS, "kind")
        if satisfaction is not None and not 1 <= satisfaction <= 5:
            raise ValidationError(field="satisfaction", value=satisfaction)
        with self.db.write():
            row = current_row(Customer, customer_id)
            visit_id = Visit.insert(
                customer=customer_id, contact=contact_id, salesperson=salesperson_id or row["owner"],
                planned_start=when.replace(microsecond=0), duration_minutes=minutes, kind=kind, status="done",
                outcome=outcome.strip(), satisfaction=satisfaction, next_follow_up=next_follow_up,
                updated_by=self.user,
            ).execute()
            last = max(filter(None, (row["last_contact"], when.date())))
            due = next_follow_up or cadence.next_follow_up(
                last, row["tier"], created=row["created_at"].date(), override=row["cadence_days"],
                by_tier=load_cadence())
            return Logged(visit_id, move_dates(customer_id, {"last_contact": last, "next_follow_up": due}, self.user))

    def set_entries_deleted(self, table: str, versions: Mapping[int, int], deleted: bool,
                            dates: DatesChange | None = None) -> tuple[Versions, DatesChange | None]:
        """Remove (undo) or bring back (redo) logged visits or feedback items, each only while at its version.

        With `dates`, the customer's follow-up dates go back to `dates.before` (removing) or forward to
        `dates.after` (bringing back), only while the customer is still at `dates.version`: otherwise a
        ConflictError and nothing changes, so a colleague's later save is never wiped. Returns the entries' new
        versions and `dates` at the customer's new version (what the next undo or redo expects).
        """
        model = {"visit": Visit, "feedback": Feedback}[table]
        stamp = now() if deleted else None
        with self.db.write():
            if dates is not None:
                dates = put_dates(dates, dates.before if deleted else dates.after, self.user)
            done: Versions = {}
            customers = set()
            for entry_id, version in versions.items():
                customers.add(current_row(model, entry_id)["customer"])
                done[entry_id] = update_checked(model, entry_id, version, {"deleted_at": stamp}, self.user)
            if model is Feedback:
                for customer_id in customers:
                    refresh_open_feedback(customer_id)
            return done, dates
