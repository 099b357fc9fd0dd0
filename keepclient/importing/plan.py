"""From rows to an import plan: customers with their contacts, matched against the database, every problem row
with its reason, all in one pass and before anything is written.

Rows sharing a company become one customer with several contacts; a row with a person and no company becomes a
person customer. Company names match case-, width- and bracket-insensitively; phones by digits; emails exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from keepclient.domain.errors import InvalidEmailError
from keepclient.domain.normalize import normalize_name, phone_digits
from keepclient.domain.search_text import FIELD_SEPARATOR
from keepclient.importing.columns import is_footer
from keepclient.importing.values import Birthday, clean_date, clean_email, clean_phones, clean_tier, day_first_for

POLICIES = ("skip", "fill", "overwrite", "new")
CUSTOMER_FIELDS = ("phone", "email", "address", "city", "region", "tier", "notes", "industry", "source", "website")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True)  # one per row: 100,000s of them
class PlannedContact:
    name: str
    title: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    im_id: str = ""
    birthday: Birthday | None = None
    row: int = 0


@dataclass(slots=True)  # one per row: 100,000s of them
class PlannedCustomer:
    key: str
    name: str
    kind: str
    fields: dict[str, Any]
    contacts: list[PlannedContact] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    action: str = "new"  # new, update, unchanged, skip
    existing_id: int | None = None
    matched_by: str = ""  # id, name, phone, email
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    new_contacts: list[PlannedContact] = field(default_factory=list)


@dataclass(slots=True)  # one per row: 100,000s of them
class Problem:
    row: int
    values: list[Any]
    reason: str  # English; the UI and CLI show it as written (row-level detail for the person fixing the file)


@dataclass
class ImportPlan:
    headers: list[Any]
    mapping: dict[int, str]
    policy: str
    customers: list[PlannedCustomer]
    problems: list[Problem]
    data_rows: int


    @property
    def duplicates(self) -> list[PlannedCustomer]:
        """Probable duplicates for review: matched by phone or email rather than by the same name or id."""
        return [c for c in self.customers if c.matched_by in ("phone", "email")]

    def summary(self) -> dict[str, int]:
        actions = Counter(c.action for c in self.customers)  # one pass: the wizard asks on the UI thread
        return {"new": actions["new"], "updated": actions["update"],
                "unchanged": actions["unchanged"] + actions["skip"], "problems": len(self.problems),
                "rows": self.data_rows}


@dataclass
class ExistingIndex:
    """What the database already holds, for matching: built once per preview. `load(ids)` fills `values` and
    `contact_names` for the customers the file matched (only those are read in full)."""

    by_id: dict[str, int]
    by_name: dict[str, int]
    by_phone: dict[str, int]
    by_email: dict[str, int]
    load: Any = None
    values: dict[int, dict[str, Any]] = field(default_factory=dict)
    contact_names: dict[int, set[str]] = field(default_factory=dict)


def _person_name(values: dict[str, Any]) -> str:
    name = str(values.get("contact") or "").strip()
    if name:
        return name
    parts = [str(values.get(k) or "").strip() for k in ("last_name", "first_name", "middle_name")]
    family, given, middle = parts
    if _HAN.search(family + given):
        return family + given
    return " ".join(p for p in (given, middle, family) if p)


def _row_values(row: list[Any], mapping: dict[int, str]) -> dict[str, Any]:
    return {fld: row[index] for index, fld in mapping.items() if index < len(row) and row[index] not in (None, "")}


def build_plan(
    headers: list[Any], rows: list[list[Any]], numbers: list[int], mapping: dict[int, str], policy: str,
    existing: ExistingIndex, region: str = "CN",
) -> ImportPlan:
    if policy not in POLICIES:
        raise ValueError(policy)
    birthday_column = next((i for i, f in mapping.items() if f == "birthday"), None)
    day_first = day_first_for(row[birthday_column] for row in rows
                              if birthday_column is not None and birthday_column < len(row))
    groups: dict[str, PlannedCustomer] = {}
    problems: list[Problem] = []
    data_rows = 0
    for row, number in zip(rows, numbers, strict=True):
        if not row or is_footer(row):
            continue
        data_rows += 1
        values = _row_values(row, mapping)
        try:
            customer, contact = _parse_row(values, day_first, region, number, set(mapping.values()))
        except _RowProblem as exc:
            problems.append(Problem(number, row, str(exc)))
            continue
        key = customer.key
        if key in groups:
            target = groups[key]
            target.rows.append(number)
            for name, value in customer.fields.items():
                target.fields.setdefault(name, value)
        else:
            groups[key] = target = customer
        if contact and not any(_same_contact(contact, c) for c in target.contacts):
            target.contacts.append(contact)
    customers = list(groups.values())
    for customer in customers:
        _find(customer, existing, policy)
    matched = {c.existing_id for c in customers if c.existing_id is not None}
    if matched and existing.load is not None:
        existing.load(matched)
    for customer in customers:
        if customer.existing_id is not None:
            _decide(customer, existing, policy)
    return ImportPlan(headers, mapping, policy, customers, problems, data_rows)


class _RowProblem(Exception):
    pass


def _parse_row(values: dict[str, Any], day_first: bool, region: str, number: int,
               mapped: set[str] | None = None) -> tuple[PlannedCustomer, PlannedContact | None]:
    company = str(values.get("company") or "").strip()
    person = _person_name(values)
    if not company and not person:
        raise _RowProblem("no company and no person name")
    mobiles, bad_mobiles = clean_phones(values.get("mobile"), region)
    phones, bad_phones = clean_phones(values.get("phone"), region)
    if bad_mobiles or bad_phones:
        raise _RowProblem(f"not a phone number: {', '.join(bad_mobiles + bad_phones)}")
    try:
        email = clean_email(values.get("email"))
    except InvalidEmailError as exc:
        raise _RowProblem(f"not an email address: {values.get('email')}") from exc
    try:
        birthday = clean_date(values.get("birthday"), day_first)
    except ValueError as exc:
        raise _RowProblem(f"not a date: {values.get('birthday')}") from exc
    fields: dict[str, Any] = {}
    if "tier" in values:
        tier = clean_tier(values["tier"])
        if tier is None:
            raise _RowProblem(f"not a tier (A, B or C): {values['tier']}")
        fields["tier"] = tier
    for name in ("address", "city", "region", "notes", "industry", "source", "website"):
        if name in values:
            fields[name] = str(values[name]).strip()
    uid = str(values.get("id") or "").strip().lower()
    contact = None
    if company:
        all_phones = mobiles + phones
        if all_phones and not person:
            fields["phone"] = all_phones[0]
        if email and not person:
            fields["email"] = email
        if person:
            contact = PlannedContact(person, str(values.get("title") or "").strip(), mobiles[0] if mobiles else "",
                                     phones[0] if phones else "", email, str(values.get("im_id") or "").strip(),
                                     birthday, number)
        key = f"id:{uid}" if _UUID.match(uid) else normalize_name(company)
        customer = PlannedCustomer(key, company, "company", fields, rows=[number])
    else:
        if mobiles or phones:
            fields["phone"] = (mobiles + phones)[0]
        if email:
            fields["email"] = email
        contact = PlannedContact(person, str(values.get("title") or "").strip(), mobiles[0] if mobiles else "",
                                 phones[0] if phones else "", email, str(values.get("im_id") or "").strip(),
                                 birthday, number)
        key = f"id:{uid}" if _UUID.match(uid) else (
            f"person:{normalize_name(person)}{FIELD_SEPARATOR}{phone_digits(*(mobiles + phones))}")
        customer = PlannedCustomer(key, person, "person", fields, rows=[number])
    if _UUID.match(uid):
        customer.fields["_uuid"] = uid
        for name in CUSTOMER_FIELDS:  # a sheet exported by keepclient: an emptied cell clears the field
            if name in (mapped or ()):
                customer.fields.setdefault(name, "")
    return customer, contact


def _same_contact(a: PlannedContact, b: PlannedContact) -> bool:
    return normalize_name(a.name) == normalize_name(b.name) and (
        not a.mobile or not b.mobile or phone_digits(a.mobile) == phone_digits(b.mobile))


def _find(customer: PlannedCustomer, existing: ExistingIndex, policy: str) -> None:
    """Which existing customer this one is, if any (by id from an export, name, phone, then email)."""
    uid = customer.fields.pop("_uuid", None)
    found, how = None, ""
    if uid and uid in existing.by_id:
        found, how = existing.by_id[uid], "id"
    elif normalize_name(customer.name) in existing.by_name:
        found, how = existing.by_name[normalize_name(customer.name)], "name"
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


def _decide(customer: PlannedCustomer, existing: ExistingIndex, policy: str) -> None:
    """What to do with a matched customer under the chosen policy, field by field."""
    found, how = customer.existing_id, customer.matched_by
    if policy == "skip" and how != "id":
        customer.action = "skip"
        return
    current = existing.values.get(found, {})
    wanted = dict(customer.fields)
    if how == "id":
        wanted["name"] = customer.name
    changes = {}
    for name, value in wanted.items():
        old = current.get(name)
        if value == (old or "") or (value in (None, "") and how != "id"):
            continue
        if name == "phone" and phone_digits(value) == phone_digits(old):
            continue  # the same number written another way
        if policy == "fill" and how != "id" and old not in (None, ""):
            continue
        changes[name] = (old, value)
    known = existing.contact_names.get(found, set())
    customer.changes = changes
    customer.new_contacts = [c for c in customer.contacts if normalize_name(c.name) not in known]
    customer.action = "update" if changes or customer.new_contacts else "unchanged"
