"""Customers: the list, the detail pane, and version-checked edits with search keys kept in sync."""

from __future__ import annotations

import datetime as dt
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, Feedback, Purchase, Salesperson, Visit, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.types import ContactInfo, CustomerDetail, CustomerRow, TimelineEntry

EDITABLE_FIELDS = frozenset({
    "name", "kind", "owner", "tier", "stage", "industry", "source", "address", "city", "region", "phone", "email",
    "website", "notes", "cadence_days", "next_follow_up",
})
TIMELINE_LIMIT = 200

_ROWS_SQL = """
SELECT c.id, c.name, c.tier, c.stage, coalesce(s.name, ''), c.city, c.phone, c.last_contact, c.next_follow_up,
       (SELECT count(*) FROM feedback f
         WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND f.status IN ('new', 'in_progress', 'resolved'))
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.deleted_at IS NULL
 ORDER BY c.name, c.id
 LIMIT ? OFFSET ?
"""


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def search_keys(name: str, phone: str) -> dict[str, str]:
    """The derived columns stored beside a customer's name and phone so that search can use indexes."""
    from keepclient.domain.normalize import normalize_name, phone_digits, pinyin_keys  # writes only: lean start-up

    full, initials = pinyin_keys(name)
    return {"name_norm": normalize_name(name), "name_pinyin": full, "name_initials": initials,
            "phone_digits": phone_digits(phone)}


class CustomerService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def count(self) -> int:
        with self.db.session():
            return Customer.select().where(Customer.deleted_at.is_null()).count()

    def rows(self, offset: int, limit: int) -> list[CustomerRow]:
        """One page of the customer list, in list order (name)."""
        with self.db.session() as pw:
            cursor = pw.execute_sql(_ROWS_SQL, (limit, offset))
            return [
                CustomerRow(rid, name, tier, stage, owner, city, phone, _date(last), _date(nxt), open_fb)
                for rid, name, tier, stage, owner, city, phone, last, nxt, open_fb in cursor.fetchall()
            ]

    def detail(self, customer_id: int) -> CustomerDetail:
        """Everything the detail pane shows, newest history first."""
        with self.db.session():
            row = current_row(Customer, customer_id)
            owner = Salesperson.get_or_none(Salesperson.id == row["owner"]) if row["owner"] else None
            contacts = tuple(
                ContactInfo(c.id, c.name, c.title, c.mobile, c.phone, c.email, bool(c.is_primary), _birthday(c))
                for c in Contact.select().where((Contact.customer == customer_id) & Contact.deleted_at.is_null())
                .order_by(Contact.is_primary.desc(), Contact.name)
            )
            return CustomerDetail(
                id=row["id"], uuid=row["uuid"], version=row["version"], name=row["name"], kind=row["kind"],
                tier=row["tier"], stage=row["stage"], owner=owner.name if owner else "",
                industry=row["industry"], city=row["city"], address=row["address"], phone=row["phone"],
                email=row["email"], notes=row["notes"], last_contact=row["last_contact"],
                next_follow_up=row["next_follow_up"], contacts=contacts, timeline=self._timeline(customer_id),
            )

    def _timeline(self, customer_id: int) -> tuple[TimelineEntry, ...]:
        visits = (
            Visit.select(Visit.planned_start, Visit.kind, Visit.status, Visit.purpose, Visit.outcome)
            .where((Visit.customer == customer_id) & Visit.deleted_at.is_null())
            .order_by(Visit.planned_start.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        feedback = (
            Feedback.select(Feedback.received_at, Feedback.category, Feedback.status, Feedback.description)
            .where((Feedback.customer == customer_id) & Feedback.deleted_at.is_null())
            .order_by(Feedback.received_at.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        purchases = (
            Purchase.select(Purchase.date, Purchase.product, Purchase.amount, Purchase.quantity)
            .where((Purchase.customer == customer_id) & Purchase.deleted_at.is_null())
            .order_by(Purchase.date.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        entries = [
            TimelineEntry(start, "visit", kind, status, f"{purpose} — {outcome}" if outcome else purpose)
            for start, kind, status, purpose, outcome in visits
        ]
        entries += [TimelineEntry(at, "feedback", cat, status, desc) for at, cat, status, desc in feedback]
        entries += [
            TimelineEntry(dt.datetime.combine(day, dt.time()), "purchase", "", "", f"{product} × {qty}", amount)
            for day, product, amount, qty in purchases
        ]
        entries.sort(key=lambda e: e.when, reverse=True)
        return tuple(entries[:TIMELINE_LIMIT])

    def create(self, name: str, **fields: Any) -> int:
        """A new customer; returns its id."""
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not customer fields: {sorted(unknown)}")
        stamp = now()
        with self.db.write():
            return Customer.insert(
                name=name.strip(), **fields, **search_keys(name.strip(), fields.get("phone", "")),
                created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()

    def update(self, customer_id: int, expected_version: int, changes: dict[str, Any]) -> int:
        """Save edits made on the version the user saw; ConflictError if a colleague saved in between."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not customer fields: {sorted(unknown)}")
        with self.db.write():
            return update_checked(
                Customer, customer_id, expected_version, changes, self.user,
                derive=lambda row: search_keys(row["name"], row["phone"]),
            )


def _birthday(contact: Contact) -> str:
    if not contact.birthday_month or not contact.birthday_day:
        return ""
    if contact.birthday_year:
        return f"{contact.birthday_year:04d}-{contact.birthday_month:02d}-{contact.birthday_day:02d}"
    return f"--{contact.birthday_month:02d}-{contact.birthday_day:02d}"
