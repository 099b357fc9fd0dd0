"""Changing customers: create, edit, trash and restore, bulk changes and tags.

Every change is validated, checks the version the user saw (or, for bulk actions on a selection, the version it
reads inside the same transaction), writes the change log, and keeps the search documents in step. Bulk actions
return each customer's new version: their undo expects it, so it never wipes a colleague's later save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from keepclient.db import search_docs
from keepclient.db.connection import Database
from keepclient.db.models import ChangeLog, Customer, CustomerTag, Tag, new_uuid, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain.normalize import customer_row_keys
from keepclient.domain.types import Versions
from keepclient.domain.validation import DEFAULT_REGION, validate_customer
from keepclient.services.customers import EDITABLE_FIELDS
from keepclient.services.insights import refresh_customers

INSIGHT_INPUTS = frozenset({"tier", "stage", "cadence_days", "last_contact"})  # edits that move value and risk
Before = dict[int, dict[str, Any]]  # per customer: the values a change replaced, for undo


def _check_fields(fields: Iterable[str]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not customer fields: {sorted(unknown)}")



def _pin_hand_set_tier(clean: dict[str, Any]) -> dict[str, Any]:
    """A tier set by hand (the pane, Set tier…, an undo of either) is pinned: a tier review leaves it unless asked."""
    return {**clean, "tier_pinned": True} if "tier" in clean else clean

class CustomerEditor:
    def __init__(self, db: Database, user: str, region: str = DEFAULT_REGION) -> None:
        self.db = db
        self.user = user
        self.region = region

    def create(self, name: str, **fields: Any) -> int:
        """A new customer; returns its id."""
        _check_fields(fields)
        values = validate_customer({"name": name, **fields}, self.region)
        stamp = now()
        from keepclient.domain.normalize import customer_keys

        keys = customer_keys(values["name"], values.get("phone", ""), values.get("kind", "company"))
        with self.db.write() as pw:
            customer_id: int = Customer.insert(
                **values, **keys, created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()
            search_docs.refresh(pw, [customer_id])
            refresh_customers(pw, [customer_id])  # counted from the start: no full recompute owed for it
            return customer_id

    def update(self, customer_id: int, expected_version: int, changes: dict[str, Any]) -> int:
        """Save edits made on the version the user saw; ConflictError if a colleague saved in between."""
        _check_fields(changes)
        clean = _pin_hand_set_tier(validate_customer(changes, self.region))
        with self.db.write() as pw:
            version = update_checked(Customer, customer_id, expected_version, clean, self.user,
                                     derive=customer_row_keys)
            if version != expected_version:
                search_docs.refresh(pw, [customer_id])
                if INSIGHT_INPUTS & set(clean):
                    refresh_customers(pw, [customer_id])
            return version

    def bulk_update(self, customer_ids: Iterable[int], changes: dict[str, Any],
                    versions: Mapping[int, int] | None = None) -> tuple[Before, Versions]:
        """One change applied to a selection in one transaction, each customer at the version in `versions` (redo)
        or as read now (a selection); returns what each customer had before and its new version."""
        _check_fields(changes)
        clean = _pin_hand_set_tier(validate_customer(changes, self.region))
        before: Before = {}
        after: Versions = {}
        with self.db.write() as pw:
            for customer_id in customer_ids:
                row = current_row(Customer, customer_id)
                before[customer_id] = {field: row[field] for field in clean}
                expected = versions.get(customer_id, row["version"]) if versions else row["version"]
                after[customer_id] = update_checked(Customer, customer_id, expected, clean, self.user,
                                                    derive=customer_row_keys)
            search_docs.refresh(pw, before)
            if INSIGHT_INPUTS & set(clean):
                refresh_customers(pw, before)
        return before, after

    def restore_values(self, before: Before, versions: Mapping[int, int]) -> Versions:
        """Put back what `bulk_update` replaced (undo), only where each customer is still at the version the bulk
        change left (else ConflictError and nothing is put back); returns the new versions."""
        after: Versions = {}
        with self.db.write() as pw:
            for customer_id, values in before.items():
                after[customer_id] = update_checked(Customer, customer_id, versions[customer_id], values, self.user,
                                                    derive=customer_row_keys)
            search_docs.refresh(pw, before)
            refresh_customers(pw, [cid for cid, values in before.items() if INSIGHT_INPUTS & set(values)])
        return after

    def set_deleted(self, customer_ids: Iterable[int], deleted: bool,
                    versions: Mapping[int, int] | None = None) -> Versions:
        """Move customers to the trash, or back out of it; logged like any field change. Each customer is checked
        against its version in `versions` (undo and redo) or as read now (a selection); returns the new versions."""
        stamp = now() if deleted else None
        after: Versions = {}
        with self.db.write():
            for customer_id in customer_ids:
                row = current_row(Customer, customer_id)
                expected = versions.get(customer_id, row["version"]) if versions else row["version"]
                if (row["deleted_at"] is not None) == deleted and expected == row["version"]:
                    after[customer_id] = expected
                    continue
                after[customer_id] = update_checked(Customer, customer_id, expected, {"deleted_at": stamp},
                                                    self.user)
        return after

    def empty_trash(self) -> int:
        """Delete trashed customers for good, with their contacts and history; returns how many."""
        with self.db.write() as pw:
            ids = [cid for (cid,) in Customer.select(Customer.id).where(Customer.deleted_at.is_null(False)).tuples()]
            if ids:
                Customer.delete().where(Customer.id.in_(ids)).execute()
                search_docs.refresh(pw, ids)
            return len(ids)

    def tag_sets(self, customer_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """Each customer's tags, for undoing a tag change exactly."""
        ids = list(customer_ids)
        found: dict[int, list[str]] = {cid: [] for cid in ids}
        with self.db.session():
            for cid, name in (CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag)
                              .where(CustomerTag.customer.in_(ids)).order_by(Tag.name).tuples()):
                found[cid].append(name)
        return {cid: tuple(names) for cid, names in found.items()}

    def restore_tag_sets(self, before: dict[int, tuple[str, ...]], add: Iterable[str] = (),
                         remove: Iterable[str] = ()) -> None:
        """Undo of `change_tags(add, remove)` on customers that had the tags in `before`: only what that change
        did is taken back (the tags it added, those it removed), so a tag a colleague added or removed since stays.
        Tags carry no version of their own; undoing just this change is what keeps their saves."""
        added, removed = {t.strip() for t in add}, {t.strip() for t in remove}
        with self.db.write():
            for cid, tags in before.items():
                self.change_tags([cid], add=removed & set(tags), remove=added - set(tags))

    def change_tags(self, customer_ids: Iterable[int], add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
        """Add and remove tags by name on customers (tags are created on first use)."""
        add = [t.strip() for t in add if t.strip()]
        remove = [t.strip() for t in remove if t.strip()]
        with self.db.write():
            for name in add:
                Tag.insert(name=name, updated_by=self.user).on_conflict_ignore().execute()
            tag_ids = {n: i for i, n in Tag.select(Tag.id, Tag.name).where(Tag.name.in_(add + remove)).tuples()}
            for customer_id in customer_ids:
                current_row(Customer, customer_id)
                for name in add:
                    CustomerTag.insert(customer=customer_id, tag=tag_ids[name], updated_by=self.user,
                                       uuid=new_uuid()).on_conflict_ignore().execute()
                for name in remove:
                    if name in tag_ids:
                        CustomerTag.delete().where((CustomerTag.customer == customer_id)
                                                   & (CustomerTag.tag == tag_ids[name])).execute()
                if add or remove:
                    _log(customer_id, "tags", ", ".join(remove) or None, ", ".join(add) or None, self.user)


def _log(customer_id: int, field: str, old: Any, new: Any, user: str) -> None:
    stamp = now()
    ChangeLog.insert(table_name="customer", record_id=customer_id, field=field,
                     old_value=None if old is None else str(old), new_value=None if new is None else str(new),
                     changed_at=stamp, changed_by=user, updated_by=user).execute()
