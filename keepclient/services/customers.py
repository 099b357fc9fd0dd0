"""Customers: the list, the detail pane, and version-checked edits with search keys kept in sync."""

from __future__ import annotations

import datetime as dt
from typing import Any

from keepclient.db import search_docs
from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, Feedback, Purchase, Salesperson, Visit, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.types import ContactInfo, CustomerDetail, CustomerFilter, CustomerRow, TimelineEntry
from keepclient.services.customer_query import order_clause, where_clause

EDITABLE_FIELDS = frozenset({
    "name", "kind", "owner", "tier", "stage", "industry", "source", "address", "city", "region", "phone", "email",
    "website", "notes", "cadence_days", "next_follow_up",
})
TIMELINE_LIMIT = 200

_ROWS_SQL = """
SELECT c.id, c.name, c.tier, c.stage, coalesce(s.name, ''), c.city, c.phone, c.last_contact, c.next_follow_up,
       c.open_feedback
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.id IN ({ids})
"""
ALL = CustomerFilter()


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def search_keys(name: str, phone: str, kind: str = "company") -> dict[str, str]:
    """The derived columns stored beside a customer's name and phone so that search and sort can use indexes."""
    from keepclient.domain.normalize import normalize_name, phone_digits, pinyin_keys, sort_key  # writes only

    full, initials = pinyin_keys(name, person=kind == "person")
    return {"name_norm": normalize_name(name), "name_pinyin": full, "name_initials": initials,
            "phone_digits": phone_digits(phone), "sort_key": sort_key(name, full)}


class CustomerService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def count(self, flt: CustomerFilter = ALL) -> int:
        """How many customers the list shows for `flt`."""
        where, params = where_clause(flt)
        with self.db.session() as pw:
            return int(pw.execute_sql(f"SELECT count(*) FROM customer c WHERE {where}", params).fetchone()[0])

    def rows(self, offset: int, limit: int, flt: CustomerFilter = ALL) -> list[CustomerRow]:
        """One page of the list for `flt`: ids through an index first, then only those rows in full."""
        where, params = where_clause(flt)
        with self.db.session() as pw:
            ids = [row[0] for row in pw.execute_sql(
                f"SELECT c.id FROM customer c WHERE {where} ORDER BY {order_clause(flt)} LIMIT ? OFFSET ?",
                [*params, limit, offset])]
            if not ids:
                return []
            found = {
                rid: CustomerRow(rid, name, tier, stage, owner, city, phone, _date(last), _date(nxt), open_fb)
                for rid, name, tier, stage, owner, city, phone, last, nxt, open_fb
                in pw.execute_sql(_ROWS_SQL.format(ids=", ".join("?" * len(ids))), ids)
            }
            return [found[rid] for rid in ids if rid in found]

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
        keys = search_keys(name.strip(), fields.get("phone", ""), fields.get("kind", "company"))
        with self.db.write() as pw:
            customer_id = Customer.insert(
                name=name.strip(), **fields, **keys, created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()
            search_docs.refresh(pw, [customer_id])
            return customer_id

    def update(self, customer_id: int, expected_version: int, changes: dict[str, Any]) -> int:
        """Save edits made on the version the user saw; ConflictError if a colleague saved in between."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not customer fields: {sorted(unknown)}")
        with self.db.write() as pw:
            version = update_checked(
                Customer, customer_id, expected_version, changes, self.user,
                derive=lambda row: search_keys(row["name"], row["phone"], row["kind"]),
            )
            if version != expected_version:
                search_docs.refresh(pw, [customer_id])
            return version


def _birthday(contact: Contact) -> str:
    if not contact.birthday_month or not contact.birthday_day:
        return ""
    if contact.birthday_year:
        return f"{contact.birthday_year:04d}-{contact.birthday_month:02d}-{contact.birthday_day:02d}"
    return f"--{contact.birthday_month:02d}-{contact.birthday_day:02d}"
