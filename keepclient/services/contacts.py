"""A customer's contacts: add, edit, remove, mark primary, with birthdays that may lack a year."""

from __future__ import annotations

from typing import Any

from keepclient.db import search_docs
from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import lunar
from keepclient.domain.normalize import contact_row_keys
from keepclient.domain.validation import DEFAULT_REGION, check_birthday, normalize_email, normalize_phone, require_text

CONTACT_FIELDS = ("name", "title", "mobile", "phone", "email", "im_id", "birthday_year", "birthday_month",
                  "birthday_day", "birthday_lunar", "notes")


class ContactService:
    def __init__(self, db: Database, user: str, region: str = DEFAULT_REGION) -> None:
        self.db = db
        self.user = user
        self.region = region

    def _clean(self, values: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(CONTACT_FIELDS)
        if unknown:
            raise ValueError(f"not contact fields: {sorted(unknown)}")
        clean = dict(values)
        if "name" in clean:
            clean["name"] = require_text(clean["name"], "name")
        for field in ("mobile", "phone"):  # a number kept as written (an import's unverified one) may stay as it is
            if field in clean and clean[field] != merged.get(field):
                clean[field] = normalize_phone(clean[field], self.region, field)
        if "email" in clean:
            clean["email"] = normalize_email(clean["email"])
        for field in ("title", "im_id", "notes"):
            if field in clean:
                clean[field] = (clean[field] or "").strip()
        if "birthday_lunar" in clean:
            clean["birthday_lunar"] = lunar.check_birthday_kind(clean["birthday_lunar"])
        birthday = {**merged, **clean}
        year, month, day = birthday.get("birthday_year"), birthday.get("birthday_month"), birthday.get("birthday_day")
        kind = birthday.get("birthday_lunar") or lunar.GREGORIAN
        if kind == lunar.GREGORIAN:
            check_birthday(year, month, day)
        else:  # the lunar month and day must exist (a leap month in the year of birth, when known)
            lunar.check_lunar_birthday(year, month, day, kind == lunar.LUNAR_LEAP)
        return clean

    def add(self, customer_id: int, **values: Any) -> int:
        """A new contact of `customer_id`; the first one becomes the primary contact."""
        defaults = {"name": "", "mobile": "", "phone": "", "birthday_year": None, "birthday_month": None,
                    "birthday_day": None}
        clean = self._clean(values, defaults)
        stamp = now()
        with self.db.write() as pw:
            current_row(Customer, customer_id)
            first = not Contact.select().where(
                (Contact.customer == customer_id) & Contact.deleted_at.is_null()).exists()
            contact_id: int = Contact.insert(
                customer=customer_id, **clean, **contact_row_keys({**defaults, **clean}), is_primary=first,
                created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()
            search_docs.refresh(pw, [customer_id])
            return contact_id

    def update(self, contact_id: int, expected_version: int, changes: dict[str, Any]) -> int:
        with self.db.write() as pw:
            row = current_row(Contact, contact_id)
            clean = self._clean(changes, row)
            version = update_checked(Contact, contact_id, expected_version, clean, self.user, derive=contact_row_keys)
            search_docs.refresh(pw, [row["customer"]])
            return version

    def remove(self, contact_id: int, version: int) -> int:
        """Soft delete of the contact as the user saw it; when the primary contact goes, the next one becomes
        primary. Returns the new version (what undoing expects)."""
        with self.db.write() as pw:
            row = current_row(Contact, contact_id)
            new_version = update_checked(Contact, contact_id, version, {"deleted_at": now(), "is_primary": False},
                                         self.user)
            if row["is_primary"]:
                successor = (Contact.select(Contact.id).where(
                    (Contact.customer == row["customer"]) & Contact.deleted_at.is_null())
                    .order_by(Contact.id).first())
                if successor:
                    self._make_primary(successor.id)
            search_docs.refresh(pw, [row["customer"]])
            return new_version

    def restore(self, contact_id: int, version: int) -> int:
        """Bring a removed contact back (undo of `remove`, redo of `add`) while it is at `version`; returns the
        new version."""
        with self.db.write() as pw:
            row = current_row(Contact, contact_id)
            new_version = update_checked(Contact, contact_id, version, {"deleted_at": None}, self.user)
            if not Contact.select().where((Contact.customer == row["customer"]) & Contact.is_primary
                                          & Contact.deleted_at.is_null()).exists():
                new_version = self._make_primary(contact_id)
            search_docs.refresh(pw, [row["customer"]])
            return new_version

    def set_primary(self, contact_id: int, version: int) -> int:
        """Make the contact as the user saw it the primary one (the others stop being it); the new version."""
        with self.db.write():
            return self._make_primary(contact_id, version)

    def _make_primary(self, contact_id: int, version: int | None = None) -> int:
        """`version`: what the user saw; None for a side effect, checked against the version read here."""
        row = current_row(Contact, contact_id)
        for other_id, other_version in (Contact.select(Contact.id, Contact.version).where(
                (Contact.customer == row["customer"]) & Contact.is_primary & (Contact.id != contact_id)).tuples()):
            update_checked(Contact, other_id, other_version, {"is_primary": False}, self.user)
        return update_checked(Contact, contact_id, row["version"] if version is None else version,
                              {"is_primary": True}, self.user)
