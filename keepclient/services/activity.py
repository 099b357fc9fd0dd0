"""What happens with a customer: calls and visits logged (planning is services/visits.py), and the customer's
count of open feedback (feedback itself is services/feedback.py).

Logging a contact moves the customer's last-contact date and next due date (from the cadence rules unless the
user chose a date); the open-feedback count is what the list shows and filters by.
"""

from __future__ import annotations

import datetime as dt

from keepclient.db.connection import Database
from keepclient.db.models import Customer, Feedback, Visit, now
from keepclient.db.versioning import current_row
from keepclient.domain import cadence
from keepclient.domain.errors import ValidationError
from keepclient.domain.types import OPEN_FEEDBACK_STATUSES
from keepclient.services.team import load_cadence

VISIT_KINDS = ("visit", "call", "email", "message")


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


class ActivityService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def log_contact(
        self, customer_id: int, *, kind: str, when: dt.datetime, outcome: str = "", contact_id: int | None = None,
        salesperson_id: int | None = None, satisfaction: int | None = None, next_follow_up: dt.date | None = None,
        minutes: int = 30,
    ) -> int:
        """A call or visit that happened; returns the visit id."""
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
            Customer.update(last_contact=last, next_follow_up=due).where(Customer.id == customer_id).execute()
            return visit_id

    def follow_up_state(self, customer_id: int) -> dict[str, dt.date | None]:
        """The customer's last-contact and next-due dates, for undoing what logging changed."""
        with self.db.session():
            row = current_row(Customer, customer_id)
        return {"last_contact": row["last_contact"], "next_follow_up": row["next_follow_up"]}

    def set_entry_deleted(self, table: str, entry_id: int, deleted: bool,
                          customer_state: dict[str, dt.date | None] | None = None) -> None:
        """Remove or bring back a logged visit or feedback item (undo and redo), with the customer's dates."""
        model = {"visit": Visit, "feedback": Feedback}[table]
        with self.db.write():
            row = current_row(model, entry_id)
            model.update(deleted_at=now() if deleted else None, version=row["version"] + 1,
                         updated_by=self.user).where(model.id == entry_id).execute()
            if customer_state is not None:
                Customer.update(**customer_state).where(Customer.id == row["customer"]).execute()
            if model is Feedback:
                refresh_open_feedback(row["customer"])
