"""The gift and greeting log (care log): what each customer was given, when, for which occasion and by whom.

Writes are version-checked like orders (update_checked: a colleague's save in between is a ConflictError) and
leave the change log behind; removing moves a gift to the trash, so undo can bring it back. The given-by
salesperson defaults to the customer's owner.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, Gift, Salesperson, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import gifts as rules
from keepclient.domain.errors import InvalidDateError, RecordNotFoundError, ValidationError
from keepclient.domain.gifts import GiftItem

GIFT_FIELDS = ("date", "occasion", "item", "cost_cents", "contact_id", "given_by_id", "notes")
_ITEM_SQL = """
SELECT g.id, g.version, g.customer_id, g.date, g.occasion, g.item, g.cost_cents, g.contact_id,
       coalesce(c.name, ''), g.given_by_id, coalesce(s.name, ''), g.notes, g.deleted_at IS NOT NULL
  FROM gift g LEFT JOIN contact c ON c.id = g.contact_id LEFT JOIN salesperson s ON s.id = g.given_by_id
"""


def as_day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InvalidDateError(field="date", value=value) from exc


def _item(row: tuple[Any, ...]) -> GiftItem:
    (gid, version, customer_id, day, occasion, item, cost, contact_id, contact, given_by_id, given_by, notes,
     deleted) = row
    return GiftItem(id=gid, version=version, customer_id=customer_id, date=as_day(day), occasion=occasion,
                    item=item, cost_cents=cost, contact_id=contact_id, contact=contact, given_by_id=given_by_id,
                    given_by=given_by, notes=notes, deleted=bool(deleted))


class GiftService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # -- reading -------------------------------------------------------------------------------------------
    def for_customer(self, customer_id: int, limit: int = 500) -> list[GiftItem]:
        """The customer's gifts and greetings, newest first; the trash left out."""
        with self.db.session() as pw:
            return [_item(row) for row in pw.execute_sql(
                f"{_ITEM_SQL} WHERE g.customer_id = ? AND g.deleted_at IS NULL ORDER BY g.date DESC, g.id DESC "
                "LIMIT ?", [customer_id, limit])]

    def get(self, gift_id: int) -> GiftItem:
        """One gift, also a removed one (what undo shows); RecordNotFoundError when it is gone for good."""
        with self.db.session() as pw:
            row = pw.execute_sql(f"{_ITEM_SQL} WHERE g.id = ?", [gift_id]).fetchone()
        if row is None:
            raise RecordNotFoundError(table="gift", record_id=gift_id)
        return _item(row)

    # -- writing -------------------------------------------------------------------------------------------
    def add(self, customer_id: int, *, date: dt.date | str, occasion: str, item: str = "",
            cost_cents: int | None = None, contact_id: int | None = None, given_by_id: int | None = None,
            notes: str = "") -> GiftItem:
        """Log a gift or greeting; given by the customer's owner unless `given_by_id` says who."""
        clean = self._clean({"date": date, "occasion": occasion, "item": item, "cost_cents": cost_cents,
                             "contact_id": contact_id, "given_by_id": given_by_id, "notes": notes})
        stamp = now()
        with self.db.write():
            customer = current_row(Customer, customer_id)
            if clean["contact_id"] is not None:
                self._check_contact(clean["contact_id"], customer_id)
            giver = clean.pop("given_by_id")
            giver = customer["owner"] if giver is None else self._salesperson(giver)
            contact = clean.pop("contact_id")
            gift_id = Gift.insert(customer=customer_id, contact=contact, given_by=giver, **clean,
                                  created_at=stamp, updated_at=stamp, updated_by=self.user).execute()
        return self.get(gift_id)

    def update(self, gift_id: int, version: int, changes: dict[str, Any]) -> GiftItem:
        """Change a gift as the user saw it (ConflictError when a colleague saved it meanwhile)."""
        clean = self._clean(changes)
        with self.db.write():
            row = current_row(Gift, gift_id)
            values: dict[str, Any] = {}
            for name, value in clean.items():
                if name == "contact_id":
                    if value is not None:
                        self._check_contact(value, row["customer"])
                    values["contact"] = value
                elif name == "given_by_id":
                    values["given_by"] = None if value is None else self._salesperson(value)
                else:
                    values[name] = value
            update_checked(Gift, gift_id, version, values, self.user)
        return self.get(gift_id)

    def remove(self, gift_id: int, version: int) -> int:
        """Move the gift to the trash while it is at `version`; returns the new version (what undo expects)."""
        return self._set_deleted(gift_id, version, now())

    def restore(self, gift_id: int, version: int) -> int:
        """Bring a removed gift back (undo of remove, redo of add) while it is at `version`; the new version."""
        return self._set_deleted(gift_id, version, None)

    def _set_deleted(self, gift_id: int, version: int, deleted_at: dt.datetime | None) -> int:
        with self.db.write():
            return update_checked(Gift, gift_id, version, {"deleted_at": deleted_at}, self.user)

    # -- checks --------------------------------------------------------------------------------------------
    @staticmethod
    def _clean(values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(GIFT_FIELDS)
        if unknown:
            raise ValueError(f"not gift fields: {sorted(unknown)}")
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name == "date":
                clean[name] = as_day(value)
            elif name == "occasion":
                clean[name] = rules.check_occasion(value)
            elif name == "item":
                clean[name] = " ".join(str(value or "").split())
                if len(clean[name]) > rules.MAX_ITEM:
                    raise ValidationError(field="item", value=value)
            elif name == "cost_cents":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                          or not 0 <= value < rules.MAX_COST_CENTS):
                    raise ValidationError(field="cost_cents", value=value)
                clean[name] = value
            elif name in ("contact_id", "given_by_id"):
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise ValidationError(field=name, value=value)
                clean[name] = value
            else:  # notes
                clean[name] = str(value or "").strip()
        return clean

    @staticmethod
    def _check_contact(contact_id: int, customer_id: int) -> None:
        found = Contact.select(Contact.customer).where(Contact.id == contact_id).scalar()
        if found is None:
            raise RecordNotFoundError(table="contact", record_id=contact_id)
        if found != customer_id:
            raise ValidationError(field="contact_id", value=contact_id)

    @staticmethod
    def _salesperson(salesperson_id: int) -> int:
        if not Salesperson.select().where(Salesperson.id == salesperson_id).exists():
            raise RecordNotFoundError(table="salesperson", record_id=salesperson_id)
        return salesperson_id
