"""Reading one spreadsheet row into a customer and its contact, keeping every value the user gave.

A value that cannot be read leaves its field empty, is kept on the record as a notes line ("Email as written:
wang@") and becomes a Problem of that cell; every problem of a row is reported, not just the first. Phones are read
as people write them (several in a cell, extensions, old numbers kept as written), with the region of the row's
country column when there is one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from keepclient.domain.errors import InvalidEmailError
from keepclient.domain.normalize import normalize_name, phone_digits
from keepclient.domain.search_text import FIELD_SEPARATOR
from keepclient.importing import values as cells
from keepclient.importing.phones import PhoneNumber, read_phones, region_for_country
from keepclient.importing.problems import Problem, Translate, english, note_line
from keepclient.importing.values import Birthday

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HAN = re.compile(r"[\u3400-\u9fff]")
TEXT_FIELDS = ("address", "city", "region", "notes", "industry", "source", "website")
DATE_FIELDS = ("birthday", "last_contact", "next_follow_up")
PHONE_FIELDS = ("mobile", "phone", "phone_more")
CUSTOMER_LEVEL = frozenset({"tier", "stage", "kind", "last_contact", "next_follow_up"})


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
    notes: str = ""
    uuid: str = ""  # set when the row names an existing contact by its keepclient ID
    birthday_lunar: int = 0  # 0 Gregorian, 1 lunar, 2 lunar leap month (the "Lunar birthday" column, when there is one)


@dataclass(slots=True)  # one per customer of the file
class PlannedCustomer:
    key: str
    name: str
    kind: str
    fields: dict[str, Any]
    contacts: list[PlannedContact] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    action: str = "new"  # new, update, unchanged, skip, conflict
    existing_id: int | None = None
    matched_by: str = ""  # id, name, phone, email
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    new_contacts: list[PlannedContact] = field(default_factory=list)
    notes_lines: list[str] = field(default_factory=list)  # values kept as written, added to the notes
    unverified: dict[str, str] = field(default_factory=dict)  # notes line -> the unverified number it names
    version: int = 0  # the matched record's version when the preview read it
    uuid: str = ""
    norm: str = ""  # normalize_name(name), when the reader worked it out: matching and writing need it again

    def name_norm(self) -> str:
        return self.norm or normalize_name(self.name)


def is_uuid(text: str) -> bool:
    return bool(_UUID.match(text))


def person_name(values: dict[str, Any]) -> str:
    name = str(values.get("contact") or "").strip()
    if name:
        return name
    parts = [str(values.get(k) or "").strip() for k in ("last_name", "first_name", "middle_name")]
    family, given, middle = parts
    if _HAN.search(family + given):
        return family + given
    return " ".join(p for p in (given, middle, family) if p)


class RowReader:
    """Reads the rows of one sheet whose columns are mapped (`mapping`: column index -> field)."""

    def __init__(self, headers: list[Any], rows: list[list[Any]], mapping: dict[int, str], region: str = "CN",
                 translate: Translate = english, place: Callable[[str], Any] | None = None) -> None:
        self.mapping, self.region, self.translate = mapping, region, translate
        self.headers = {index: "" if headers[index] is None else str(headers[index])
                        for index in mapping if index < len(headers)}
        self.columns: dict[str, list[int]] = {}
        for index, name in sorted(mapping.items()):
            self.columns.setdefault(name, []).append(index)
        self.day_first = {name: cells.day_first_for(row[i] for row in rows for i in self.columns[name] if i < len(row))
                          for name in DATE_FIELDS if name in self.columns}
        self.place = place if "city" not in self.columns and "address" in self.columns else None
        self.regions: dict[Any, str] = {}  # a country column's values repeat: each is looked up once

    # -- one row ------------------------------------------------------------------------------------------
    def read(self, row: list[Any], number: int) -> tuple[PlannedCustomer | None, PlannedContact | None,
                                                          list[Problem]]:
        """(customer, contact, problems); the customer is None only for a row naming no company and no person."""
        values: dict[str, Any] = {}
        for index, name in self.mapping.items():
            if index < len(row):
                value = row[index]
                if value is None or value == "":
                    continue
                if type(value) is str and value[0] == "'":
                    value = cells.unguarded(value)
                if name in values:  # a repeatable field fed by several columns
                    values[name] = [*_as_list(values[name]), (index, value)]
                else:
                    values[name] = [(index, value)] if name in ("phone_more", "email_more") else value
        problems: list[Problem] = []
        company = str(values.get("company") or "").strip()
        person = person_name(values)
        if not company and not person:
            return None, None, [Problem(number, "", "", "refused", "no_name", row)]
        notes: list[str] = []  # lines about the person's values: on the contact when the row has a company too
        customer_notes: list[str] = []

        def bad(name: str, value: Any, reason: str, action: str = "noted", line: str | None = None) -> None:
            """Report the cell; keep its value as a notes line (`line`: which one, "" for none)."""
            problems.append(Problem(number, self._header(name), value, action, reason, row))
            if line != "":
                target = customer_notes if name in CUSTOMER_LEVEL else notes
                target.append(note_line(line or name, written(value), self.translate))

        region = self.region
        if "country" in values:
            country = values["country"]
            if country not in self.regions:
                self.regions[country] = region_for_country(country) or self.region
            region = self.regions[country]
        mobile, phone, extras = self._phones(values, region, bad)
        email, more_emails = self._emails(values, bad)
        notes.extend(note_line("extra_email", e, self.translate) for e in more_emails)
        fields: dict[str, Any] = {}
        for name in TEXT_FIELDS:
            if name in values:
                value = values[name]
                fields[name] = value if type(value) is str else written(value)  # the reader trimmed texts
        if self.place is not None and fields.get("address"):
            found = self.place(fields["address"])
            if found is not None:
                if found.city:
                    fields["city"] = found.city
                if found.province and "region" not in self.columns:
                    fields["region"] = found.province
        for name, clean in (("tier", cells.clean_tier), ("stage", cells.clean_stage), ("kind", cells.clean_kind)):
            if name in values:
                found = clean(values[name])
                if found is None:
                    bad(name, values[name], name)
                else:
                    fields[name] = found
        for name in ("last_contact", "next_follow_up"):
            if name in values:
                try:
                    fields[name] = cells.as_day(values[name], self.day_first.get(name, False))
                except (ValueError, OverflowError):
                    bad(name, values[name], "date")
        if "owner" in values:
            fields["owner"] = written(values["owner"])
        if "tags" in values:
            fields["tags"] = tuple(cells.split_tags(values["tags"]))
        birthday = None
        if "birthday" in values:
            try:
                birthday = cells.clean_date(values["birthday"], self.day_first.get("birthday", False))
            except (ValueError, OverflowError):
                bad("birthday", values["birthday"], "date")
        birthday_lunar = 0
        if "birthday_lunar" in values:
            found_lunar = cells.clean_lunar(values["birthday_lunar"])
            if found_lunar is None:
                bad("birthday_lunar", values["birthday_lunar"], "lunar")
            else:
                birthday_lunar = found_lunar
        uid = str(values.get("id") or "").strip().lower()
        contact_uid = str(values.get("contact_id") or "").strip().lower()
        numbers = [n for n in (mobile, phone) if n]
        contact = None
        if person:
            contact = PlannedContact(person, written(values.get("title", "")), mobile, phone, email,
                                     written(values.get("im_id", "")), birthday, number,
                                     uuid=contact_uid if is_uuid(contact_uid) else "", birthday_lunar=birthday_lunar)
        if company:
            if not person:
                if numbers:
                    fields["phone"] = numbers[0]
                    extras = numbers[1:] + extras
                if email:
                    fields["email"] = email
            norm = normalize_name(company)
            customer = PlannedCustomer(f"id:{uid}" if is_uuid(uid) else norm, company, "company", fields,
                                       rows=[number], norm=norm)
        else:
            if numbers:
                fields["phone"] = numbers[0]
            if email:
                fields["email"] = email
            norm = normalize_name(person)
            key = f"id:{uid}" if is_uuid(uid) else f"person:{norm}{FIELD_SEPARATOR}{phone_digits(*numbers)}"
            customer = PlannedCustomer(key, person, "person", fields, rows=[number], norm=norm)
        if "kind" in fields:
            customer.kind = fields["kind"]
        if is_uuid(uid):
            customer.uuid = uid
        notes.extend(note_line("extra_number", n, self.translate) for n in extras)
        if notes and contact is not None and company:
            contact.notes = "\n".join(dict.fromkeys(notes))
        else:
            customer_notes.extend(notes)
        customer.notes_lines.extend(dict.fromkeys(customer_notes))
        if problems and not (contact is not None and company):
            customer.unverified = {note_line("unverified", p.value, self.translate): p.value
                                   for p in problems if p.reason == "unverified"}
        return customer, contact, problems

    def _header(self, name: str) -> str:
        index = self.columns.get(name, [None])[0]
        return self.headers.get(index, name) if index is not None else name

    def _phones(self, values: dict[str, Any], region: str, bad: Callable[..., None]) -> tuple[str, str, list[str]]:
        """(mobile, phone, other numbers): the numbers of every phone column in their fields (see _place); what
        does not fit is kept as other numbers."""
        slots: dict[str, str] = {}
        extras: list[str] = []
        for name in PHONE_FIELDS:
            if name not in values:
                continue
            for value in _cells_of(values[name]):
                found, leftovers = read_phones(value, region)
                if region != self.region:
                    found = [_team_form(number, region, self.region) for number in found]
                for part in leftovers:
                    bad(name, part, "phone", line="mobile" if name == "mobile" else "phone")
                for number in found:
                    if not number.verified:
                        bad(name, number.text, "unverified", action="kept", line="unverified")
                    _place(number, name, len(found) > 1, slots, extras)
        return slots.get("mobile", ""), slots.get("phone", ""), extras

    def _emails(self, values: dict[str, Any], bad: Callable[..., None]) -> tuple[str, list[str]]:
        found: list[str] = []
        for name in ("email", "email_more"):
            if name not in values:
                continue
            for value in _cells_of(values[name]):
                for part in cells.split_values(value):
                    try:
                        address = cells.clean_email(part)
                    except InvalidEmailError:
                        bad(name, part, "email", line="email")
                        continue
                    if address and address not in found:
                        found.append(address)
        return (found[0] if found else ""), found[1:]


def _team_form(number: PhoneNumber, region: str, team_region: str) -> PhoneNumber:
    """A number read with its row's country, stored as the team would type it: international unless it is of the
    team's own region (so that reading it again with the team's region gives the same number)."""
    if not number.verified:
        return number
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number.text, region)
    except phonenumbers.NumberParseException:
        return number
    if phonenumbers.region_code_for_number(parsed) == team_region:
        return read_phones(number.text, region)[0][0] if region == team_region else number
    text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return PhoneNumber(text, number.mobile, number.verified)


def _place(number: PhoneNumber, column: str, several: bool, slots: dict[str, str], extras: list[str]) -> None:
    """A number alone in its cell stays in its column's field (what the user typed there, so a round trip
    changes nothing); several in one cell are sorted: mobiles to mobile, landlines to phone."""
    if several and number.mobile is not None:
        want = "mobile" if number.mobile else "phone"
    elif column != "phone_more":
        want = column
    else:  # Home Phone, Phone 2...: an empty field of its kind, else another number
        want = "mobile" if number.mobile else "phone"
    if want not in slots:
        slots[want] = number.text
    elif number.text not in slots.values() and number.text not in extras:
        extras.append(number.text)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _cells_of(value: Any) -> list[Any]:
    """The cells of a field: one, or (index, value) pairs of a field several columns feed."""
    if isinstance(value, list):
        return [v for _i, v in value]
    return [value]


def written(value: Any) -> str:
    """A cell as the user wrote it: text trimmed, whole numbers without ".0" (a phone read from Excel as
    13812345678.0 is 13812345678), dates as YYYY-MM-DD (a time of day kept when there is one)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if not (value.hour or value.minute or value.second) else \
            value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()
