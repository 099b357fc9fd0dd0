"""From rows to an import plan: customers with their contacts, matched against the database, every unreadable cell
reported, all in one pass and before anything is written.

Rows sharing a company become one customer with several contacts; a row with a person and no company becomes a
person customer. Company names match case-, width- and bracket-insensitively; phones by digits; emails exactly; a
sheet exported by keepclient by its IDs. A sheet with a contact ID column (the export's Contacts sheet) updates
contacts by their own ID and never touches customer fields. Each matched record keeps the version the preview saw,
so the run can leave alone what a colleague changed since.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from keepclient.domain.normalize import normalize_name, phone_digits
from keepclient.domain.types import birthday_text
from keepclient.importing.columns import is_footer
from keepclient.importing.problems import Problem, Translate, english, with_lines
from keepclient.importing.rows import PlannedContact, PlannedCustomer, RowReader

POLICIES = ("skip", "fill", "overwrite", "new")
TEXT_FIELDS = ("phone", "email", "address", "city", "region", "notes", "industry", "source", "website")
CUSTOMER_FIELDS = (*TEXT_FIELDS, "tier", "stage", "kind", "owner", "tags", "last_contact", "next_follow_up")
# A sheet exported by keepclient: an emptied cell of these clears the field (tier, stage and kind cannot be empty).
CLEARABLE = frozenset({*TEXT_FIELDS, "owner", "tags", "last_contact", "next_follow_up"})
# What `ExistingIndex.values` holds for each matched customer, in this order.
STORED_KEYS = ("version", "name", "kind", "tier", "stage", "owner", "phone", "email", "address", "city", "region",
               "notes", "industry", "source", "website", "last_contact", "next_follow_up", "tags")
CONTACT_STORED_KEYS = ("id", "customer", "version", "name", "title", "mobile", "phone", "email", "im_id", "notes",
                       "birthday_lunar", "birthday")
CONTACT_FIELDS = ("name", "title", "mobile", "phone", "email", "im_id", "birthday", "birthday_lunar", "notes")
_CONTACT_COLUMNS = {"contact": "name", "first_name": "name", "last_name": "name", "title": "title",
                    "mobile": "mobile", "phone": "phone", "phone_more": "phone", "email": "email", "im_id": "im_id",
                    "birthday": "birthday", "birthday_lunar": "birthday_lunar", "notes": "notes"}

__all__ = ["POLICIES", "ExistingIndex", "ImportPlan", "PlannedContact", "PlannedContactUpdate", "PlannedCustomer",
           "Problem", "build_plan"]


@dataclass(slots=True)
class PlannedContactUpdate:
    """An existing contact named by its keepclient ID whose fields the sheet changes."""

    contact_id: int
    customer_id: int
    name: str
    version: int
    changes: dict[str, tuple[Any, Any]]
    row: int
    action: str = "update"  # update, conflict


@dataclass
class ImportPlan:
    headers: list[Any]
    mapping: dict[int, str]
    policy: str
    customers: list[PlannedCustomer]
    problems: list[Problem]
    data_rows: int
    contact_updates: list[PlannedContactUpdate] = field(default_factory=list)
    new_salespeople: list[str] = field(default_factory=list)
    _settled: tuple[dict[str, int], list[tuple[str, int, str, str, Any, Any]], list[PlannedCustomer]] | None = None
    kind = "contacts"  # importing/orders.OrderPlan: "orders"

    def settle(self) -> None:
        """Work out the counts, the changes and the duplicates once, where the plan was made (off the UI thread):
        the wizard asks for them on the UI thread, and walking 100,000 customers there froze the window for 100 ms
        (the duplicates, twice, 10 ms)."""
        self._settled = None
        self._settled = (self.summary(), list(self.changed_fields()), self.duplicates)

    @property
    def duplicates(self) -> list[PlannedCustomer]:
        """Probable duplicates for review: matched by phone or email rather than by the same name or id."""
        if self._settled is not None:
            return list(self._settled[2])
        return [c for c in self.customers if c.matched_by in ("phone", "email")]

    @property
    def refused(self) -> list[Problem]:
        return [p for p in self.problems if p.refused]

    def summary(self) -> dict[str, int]:
        """Counts for the preview: customers new, updated (and contacts updated), unchanged; rows refused and rows
        imported with problems; problems (cells); new salespeople."""
        if self._settled is not None:
            return dict(self._settled[0])
        actions = Counter(c.action for c in self.customers)
        refused = sum(1 for p in self.problems if p.refused)
        with_problems = len({p.row for p in self.problems if not p.refused})
        return {"new": actions["new"], "updated": actions["update"] + len(self.contact_updates),
                "unchanged": actions["unchanged"] + actions["skip"], "refused": refused,
                "with_problems": with_problems, "problems": len(self.problems), "rows": self.data_rows,
                "salespeople": len(self.new_salespeople)}

    def changed_fields(self) -> Iterator[tuple[str, int, str, str, Any, Any]]:
        """(record kind, row, name, field, old, new) for every field the import changes, record by record."""
        if self._settled is not None:
            yield from self._settled[1]
            return
        for customer in self.customers:
            for name, (old, new) in customer.changes.items():
                yield ("customer", customer.rows[0] if customer.rows else 0, customer.name, name, old, new)
        for update in self.contact_updates:
            for name, (old, new) in update.changes.items():
                yield ("contact", update.row, update.name, name, old, new)

    def merged(self, other: ImportPlan) -> ImportPlan:
        """This plan and another sheet's of the same workbook (an export's Customers and Contacts sheets)."""
        plan = ImportPlan(self.headers, self.mapping, self.policy, self.customers + other.customers,
                          self.problems + other.problems, self.data_rows + other.data_rows,
                          self.contact_updates + other.contact_updates,
                          list(dict.fromkeys(self.new_salespeople + other.new_salespeople)))
        plan.settle()
        return plan


@dataclass
class ExistingIndex:
    """What the database already holds, for matching: built once per preview. `load(ids)` fills `values` and
    `contact_names` for the customers the file matched (only those are read in full); `load_contacts(uuids)`
    fills `contacts` for the contacts a sheet names by ID."""

    by_id: dict[str, int]
    by_name: dict[str, int]
    by_phone: dict[str, int]
    by_email: dict[str, int]
    load: Any = None
    values: dict[int, tuple[Any, ...]] = field(default_factory=dict)  # id -> the STORED_KEYS values
    contact_names: dict[int, set[str]] = field(default_factory=dict)
    salespeople: dict[str, str] = field(default_factory=dict)  # normalized name or code -> name as stored
    load_contacts: Callable[[set[str]], None] | None = None
    contacts: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # uuid -> the CONTACT_STORED_KEYS values


def build_plan(
    headers: list[Any], rows: list[list[Any]], numbers: list[int], mapping: dict[int, str], policy: str,
    existing: ExistingIndex, region: str = "CN", translate: Translate = english,
    place: Callable[[str], Any] | None = None,
) -> ImportPlan:
    if policy not in POLICIES:
        raise ValueError(policy)
    reader = RowReader(headers, rows, mapping, region, translate, place)
    contacts_sheet = "contact_id" in mapping.values()
    groups: dict[str, PlannedCustomer] = {}
    problems: list[Problem] = []
    by_contact: list[tuple[PlannedCustomer, PlannedContact]] = []
    data_rows = 0
    for row, number in zip(rows, numbers, strict=True):
        if not row or is_footer(row):
            continue
        data_rows += 1
        customer, contact, found = reader.read(row, number)
        problems.extend(found)
        if customer is None:
            continue
        if contacts_sheet and contact is not None and (contact.uuid or customer.uuid):
            by_contact.append((customer, contact))
            continue
        _group(groups, customer, contact)
    plan = ImportPlan(headers, mapping, policy, [], problems, data_rows)
    if by_contact:
        _plan_contact_rows(plan, by_contact, existing, set(mapping.values()), groups)
    customers = list(groups.values())
    for customer in customers:
        _find(customer, existing, policy)
    matched = {c.existing_id for c in customers if c.existing_id is not None}
    if matched and existing.load is not None:
        existing.load(matched)
    mapped = set(mapping.values())
    for customer in customers:
        if customer.existing_id is not None:
            _decide(customer, existing, policy, mapped)
        elif customer.notes_lines:
            customer.fields["notes"] = with_lines(customer.fields.get("notes", ""), customer.notes_lines)
    plan.customers = customers + plan.customers
    plan.new_salespeople = _new_salespeople(customers, existing)
    plan.settle()
    return plan


def _group(groups: dict[str, PlannedCustomer], customer: PlannedCustomer, contact: PlannedContact | None) -> None:
    key = customer.key
    if key in groups:
        target = groups[key]
        target.rows.append(customer.rows[0])
        for name, value in customer.fields.items():
            target.fields.setdefault(name, value)
        target.notes_lines.extend(line for line in customer.notes_lines if line not in target.notes_lines)
        target.unverified.update(customer.unverified)
    else:
        groups[key] = target = customer
    if contact and not any(_same_contact(contact, c) for c in target.contacts):
        target.contacts.append(contact)


def _same_contact(a: PlannedContact, b: PlannedContact) -> bool:
    return normalize_name(a.name) == normalize_name(b.name) and (
        not a.mobile or not b.mobile or phone_digits(a.mobile) == phone_digits(b.mobile))


def _find(customer: PlannedCustomer, existing: ExistingIndex, policy: str) -> None:
    """Which existing customer this one is, if any (by id from an export, name, phone, then email)."""
    uid = customer.uuid
    found, how = None, ""
    if uid and uid in existing.by_id:
        found, how = existing.by_id[uid], "id"
    elif (norm := customer.name_norm()) in existing.by_name:
        found, how = existing.by_name[norm], "name"
    else:
        numbers = [customer.fields.get("phone", "")] + [c.mobile or c.phone for c in customer.contacts]
        for digits in (phone_digits(n) for n in numbers if n):
            if digits in existing.by_phone:
                found, how = existing.by_phone[digits], "phone"
                break
        if found is None:
            emails = [customer.fields.get("email", "")] + [c.email for c in customer.contacts]
            found = next((existing.by_email[e.lower()] for e in emails if e and e.lower() in existing.by_email), None)
            how = "email" if found else ""
    if found is None or (policy == "new" and how != "id"):
        customer.action = "new"
        customer.new_contacts = list(customer.contacts)
        return
    customer.existing_id, customer.matched_by = found, how


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == ()


def same_value(name: str, old: Any, new: Any) -> bool:
    """Whether a field's stored value and the sheet's say the same (a number written another way, tags in
    another order, a salesperson's name in another case are the same)."""
    if _empty(old) and _empty(new):
        return True
    if name in ("phone", "mobile"):
        return phone_digits(old or "") == phone_digits(new or "") and bool(old) == bool(new)
    if name == "tags":
        return {normalize_name(t) for t in old or ()} == {normalize_name(t) for t in new or ()}
    if name == "owner":
        return normalize_name(old or "") == normalize_name(new or "")
    if isinstance(old, str) and isinstance(new, str) and "\r" in old + new:
        return old.replace("\r\n", "\n") == new.replace("\r\n", "\n")  # .xlsx keeps no CR (XML line ends)
    return bool(old == new)


def _decide(customer: PlannedCustomer, existing: ExistingIndex, policy: str, mapped: set[str]) -> None:
    """What to do with a matched customer under the chosen policy, field by field."""
    found, how = customer.existing_id, customer.matched_by
    assert found is not None, "only matched customers are decided"
    if policy == "skip" and how != "id":
        customer.action = "skip"
        return
    stored = existing.values.get(found)
    current = dict(zip(STORED_KEYS, stored, strict=True)) if stored else {}
    customer.version = current.get("version", 0)
    wanted = dict(customer.fields)
    if how == "id":
        wanted["name"] = customer.name
        for name in CLEARABLE & mapped:
            wanted.setdefault(name, () if name == "tags" else None if name in ("last_contact", "next_follow_up")
                              else "")
    changes = {}
    for name, value in wanted.items():
        old = current.get(name)
        if same_value(name, old, value) or (_empty(value) and how != "id"):
            continue
        if policy == "fill" and how != "id" and not _empty(old):
            continue
        changes[name] = (old, value)
    stored_phone = phone_digits(current.get("phone") or "")
    lines = [line for line in customer.notes_lines  # a number stored as it is needs no second mention
             if line not in customer.unverified or phone_digits(customer.unverified[line]) != stored_phone]
    if lines:
        before = changes["notes"][1] if "notes" in changes else current.get("notes") or ""
        notes = with_lines(before, lines)
        if notes != (current.get("notes") or ""):
            changes["notes"] = (current.get("notes") or "", notes)
    known = existing.contact_names.get(found, set())
    customer.changes = changes
    customer.new_contacts = [c for c in customer.contacts if normalize_name(c.name) not in known]
    customer.action = "update" if changes or customer.new_contacts else "unchanged"


def _new_salespeople(customers: list[PlannedCustomer], existing: ExistingIndex) -> list[str]:
    """Owners the team does not have yet, in the order the file names them; the run creates them."""
    names: dict[str, str] = {}
    for customer in customers:
        owner = customer.fields.get("owner") if customer.action == "new" else (
            customer.changes.get("owner", (None, None))[1])
        if owner:
            key = normalize_name(owner)
            if key not in existing.salespeople and key not in names:
                names[key] = owner
    return list(names.values())


# -- the Contacts sheet of an export: contacts by their own ID -----------------------------------------------
def _plan_contact_rows(plan: ImportPlan, rows: list[tuple[PlannedCustomer, PlannedContact]],
                       existing: ExistingIndex, mapped: set[str], groups: dict[str, PlannedCustomer]) -> None:
    """Contacts named by ID are compared field by field; a row without a known contact ID adds a contact to the
    customer its customer ID names (or, without one, is imported like any row). Customer fields are never touched."""
    wanted_uuids = {contact.uuid for _customer, contact in rows if contact.uuid}
    if wanted_uuids and existing.load_contacts is not None:
        existing.load_contacts(wanted_uuids)
    columns = {_CONTACT_COLUMNS[name] for name in mapped if name in _CONTACT_COLUMNS}
    extra: dict[int, PlannedCustomer] = {}
    for customer, contact in rows:
        file_notes = customer.fields.get("notes", "")
        lines = contact.notes.splitlines() + customer.notes_lines
        contact.notes = with_lines(file_notes, lines)
        stored = existing.contacts.get(contact.uuid) if contact.uuid else None
        if stored is not None:
            current = dict(zip(CONTACT_STORED_KEYS, stored, strict=True))
            contact.notes = file_notes if "notes" in columns else current["notes"]
            changes = _contact_changes(contact, current, columns)
            if lines and changes.keys() & {"mobile", "phone", "email", "birthday"}:
                contact.notes = with_lines(contact.notes, lines)  # what was read anew, kept as written
                changes = _contact_changes(contact, current, columns | {"notes"})
            if changes:
                plan.contact_updates.append(PlannedContactUpdate(current["id"], current["customer"], contact.name,
                                                                 current["version"], changes, contact.row))
            continue
        customer_id = existing.by_id.get(customer.uuid) if customer.uuid else None
        if customer_id is None:
            customer.uuid, customer.key = "", normalize_name(customer.name)
            customer.fields.pop("notes", None)  # the contact's notes, already on the contact
            _group(groups, customer, contact)
            continue
        target = extra.get(customer_id)
        if target is None:
            target = extra[customer_id] = PlannedCustomer(f"id:{customer.uuid}", customer.name, customer.kind, {},
                                                          rows=[contact.row], existing_id=customer_id,
                                                          matched_by="id", action="unchanged")
        target.contacts.append(contact)
    if extra and existing.load is not None:
        existing.load(set(extra))
    for customer_id, target in extra.items():
        known = existing.contact_names.get(customer_id, set())
        target.new_contacts = [c for c in target.contacts if normalize_name(c.name) not in known]
        target.action = "update" if target.new_contacts else "unchanged"
        plan.customers.append(target)


def _contact_changes(contact: PlannedContact, current: dict[str, Any], columns: set[str]) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    for name in CONTACT_FIELDS:
        if name not in columns:
            continue
        new = getattr(contact, name)
        old = current.get(name)
        if name == "birthday":
            new = birthday_text(*new) if new else ""
            old = old or ""
        if name == "name" and not new:
            continue
        if not same_value(name, old, new):
            changes[name] = (old, new)
    return changes
