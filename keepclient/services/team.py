"""The team and the shared vocabulary: salespeople, tags and team-wide settings such as the follow-up cadence.

Salespeople are never deleted: a leaver is deactivated (their history keeps their name) after handing their
customers over to colleagues. Every change goes through the version check, like customers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from peewee import fn

from keepclient.db import team_settings
from keepclient.db.connection import Database
from keepclient.db.models import Customer, Feedback, Salesperson, Tag, Visit
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import cadence
from keepclient.domain.errors import (
    DuplicateCodeError,
    DuplicateSalespersonError,
    HandoverTargetError,
    InactiveSalespersonError,
    InvalidColorError,
    RequiredFieldError,
    UnknownSalespersonError,
    ValidationError,
)
from keepclient.domain.normalize import normalize_name, pinyin_keys
from keepclient.domain.types import CustomerFilter, HandoverResult, SalespersonInfo
from keepclient.domain.validation import normalize_email
from keepclient.services.customer_query import where_clause

CADENCE_KEY = "team.cadence"
# Colours new salespeople get, the first one nobody uses yet (the calendar tells people apart by them).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
)
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_CODE = 16
MAX_REVENUE_TARGET_CENTS = 10**15  # KPI targets per month (schema 12): far above any real team's
MAX_VISIT_TARGET = 100_000
TARGET_LIMITS = {"monthly_revenue_target_cents": MAX_REVENUE_TARGET_CENTS, "monthly_visit_target": MAX_VISIT_TARGET}
# What a hand-over moves, per table: the owner column.
OWNER_COLUMNS = {"customer": "owner", "visit": "salesperson", "feedback": "owner"}
_MODELS = {"customer": Customer, "visit": Visit, "feedback": Feedback}


def code_from_name(name: str) -> str:
    """A short code for a name: pinyin initials of Chinese ("李娜" -> "LN"), else the words' initials."""
    _full, initials = pinyin_keys(name, person=True)
    if not initials:
        words = [normalize_name(word) for word in re.split(r"[\W_]+", name)]
        initials = "".join(word[0] for word in words if word and word[0].isascii() and word[0].isalnum())
    return (initials.upper() or "S")[:MAX_CODE - 2]


def check_color(color: str) -> str:
    color = color.strip()
    if not _COLOR.match(color):
        raise InvalidColorError(field="color", value=color)
    return color.lower()


def load_cadence() -> dict[str, int]:
    """The team's cadence rules (defaults completed); call inside a database session."""
    stored = team_settings.read(CADENCE_KEY)
    if stored is None:
        return dict(cadence.DEFAULT_RULES)
    try:
        return cadence.checked_rules(stored)
    except (ValueError, TypeError, AttributeError, ValidationError):  # a damaged setting must not stop anyone's work
        return dict(cadence.DEFAULT_RULES)


def _checked_targets(changes: Mapping[str, Any]) -> dict[str, int]:
    """The target columns of `changes` that are not None, checked: whole numbers from 0 to their limit."""
    clean: dict[str, int] = {}
    for column, top in TARGET_LIMITS.items():
        value = changes.get(column)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise ValidationError(field=column, value=value)
        clean[column] = value
    return clean


def active_or_none(salesperson_id: int | None) -> int | None:
    """`salesperson_id` if they take new work (active), else None: new visits and feedback default to the
    customer's owner only while that owner is active. Call inside a database session."""
    if salesperson_id is None:
        return None
    active = Salesperson.select(Salesperson.active).where(Salesperson.id == salesperson_id).scalar()
    return salesperson_id if active else None


class TeamService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def salespeople(self, active_only: bool = True) -> list[SalespersonInfo]:
        """The team by name; `active_only` for choosers of new work (inactive people keep their history)."""
        query = Salesperson.select(Salesperson.id, Salesperson.name, Salesperson.code, Salesperson.color,
                                   Salesperson.email, Salesperson.active)
        if active_only:
            query = query.where(Salesperson.active)
        with self.db.session():
            return [SalespersonInfo(sid, name, code, color, email, bool(active))
                    for sid, name, code, color, email, active in query.order_by(Salesperson.name).tuples()]

    def versions(self) -> dict[int, int]:
        """Every salesperson's version: what an edit made from a list read now expects."""
        with self.db.session():
            return dict(Salesperson.select(Salesperson.id, Salesperson.version).tuples())

    def salesperson(self, salesperson_id: int) -> tuple[SalespersonInfo, int]:
        """One salesperson and their version (what a change made from this view expects)."""
        with self.db.session():
            row = current_row(Salesperson, salesperson_id)
        return (SalespersonInfo(row["id"], row["name"], row["code"], row["color"], row["email"], bool(row["active"])),
                row["version"])

    def find(self, name: str) -> int:
        """A salesperson by name: exactly, then ignoring case and width; UnknownSalespersonError otherwise."""
        with self.db.session():
            people = list(Salesperson.select(Salesperson.id, Salesperson.name).order_by(Salesperson.id).tuples())
        for sid, sname in people:
            if sname == name:
                return int(sid)
        wanted = normalize_name(name)
        for sid, sname in people:
            if normalize_name(sname) == wanted:
                return int(sid)
        raise UnknownSalespersonError(field="salesperson", value=name)

    # -- changing the team ---------------------------------------------------------------------------------
    def _check_name(self, name: str, exclude: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise RequiredFieldError(field="name")
        wanted = normalize_name(name)
        for sid, other in Salesperson.select(Salesperson.id, Salesperson.name).tuples():
            if sid != exclude and normalize_name(other) == wanted:
                raise DuplicateSalespersonError(field="name", value=name)
        return name

    def _check_code(self, code: str, exclude: int | None = None) -> str:
        code = code.strip()
        if not code:
            raise RequiredFieldError(field="code")
        if len(code) > MAX_CODE or any(ch.isspace() for ch in code):
            raise ValidationError(field="code", value=code)
        for sid, name, other in Salesperson.select(Salesperson.id, Salesperson.name, Salesperson.code).tuples():
            if sid != exclude and other.casefold() == code.casefold():
                raise DuplicateCodeError(field="code", value=code, name=name)
        return code

    @staticmethod
    def _free_code(name: str) -> str:
        base = code_from_name(name)
        taken = {code.casefold() for (code,) in Salesperson.select(Salesperson.code).tuples()}
        code, number = base, 2
        while code.casefold() in taken:
            code, number = f"{base}{number}", number + 1
        return code

    @staticmethod
    def _free_color() -> str:
        used = {color.lower() for (color,) in Salesperson.select(Salesperson.color).tuples()}
        free = [color for color in PALETTE if color not in used]
        return free[0] if free else PALETTE[Salesperson.select().count() % len(PALETTE)]

    def add(self, name: str, code: str | None = None, color: str | None = None, email: str = "") -> int:
        """A new salesperson; the code comes from the name and the colour from the palette when not given."""
        clean_email = normalize_email(email or "")
        clean_color = check_color(color) if color else None
        with self.db.write():
            clean_name = self._check_name(name)
            clean_code = self._check_code(code) if code and code.strip() else self._free_code(clean_name)
            new_id: int = Salesperson.insert(name=clean_name, code=clean_code,
                                             color=clean_color or self._free_color(), email=clean_email,
                                             updated_by=self.user).execute()
            return new_id

    def add_many(self, names: Sequence[str]) -> list[int]:
        """Several new salespeople in one transaction (the first start's list); blank lines are skipped."""
        with self.db.write():
            return [self.add(name) for name in names if name.strip()]

    def update(self, salesperson_id: int, expected_version: int, changes: Mapping[str, Any]) -> int:
        """Change name, code, colour, email or the monthly targets ("monthly_revenue_target_cents",
        "monthly_visit_target": see set_targets) as seen at `expected_version`; returns the new version."""
        unknown = set(changes) - {"name", "code", "color", "email", *TARGET_LIMITS}
        if unknown:
            raise ValueError(f"not salesperson fields: {sorted(unknown)}")
        with self.db.write():
            clean: dict[str, Any] = {}
            if "name" in changes:
                clean["name"] = self._check_name(str(changes["name"]), exclude=salesperson_id)
            if "code" in changes:
                clean["code"] = self._check_code(str(changes["code"] or ""), exclude=salesperson_id)
            if "color" in changes:
                clean["color"] = check_color(str(changes["color"] or ""))
            if "email" in changes:
                clean["email"] = normalize_email(str(changes["email"] or ""))
            clean.update(_checked_targets(changes))
            return update_checked(Salesperson, salesperson_id, expected_version, clean, self.user)

    def rename(self, salesperson_id: int, expected_version: int, name: str) -> int:
        return self.update(salesperson_id, expected_version, {"name": name})

    def set_active(self, salesperson_id: int, expected_version: int, active: bool) -> int:
        with self.db.write():
            return update_checked(Salesperson, salesperson_id, expected_version, {"active": active}, self.user)

    def targets(self, salesperson_id: int) -> tuple[int, int, int]:
        """(monthly revenue target in cents, monthly visit target, version): 0 is no target."""
        with self.db.session():
            row = current_row(Salesperson, salesperson_id)
        return int(row["monthly_revenue_target_cents"]), int(row["monthly_visit_target"]), int(row["version"])

    def set_targets(self, salesperson_id: int, expected_version: int, *, revenue_cents: int | None = None,
                    visits: int | None = None) -> int:
        """Set the monthly revenue (whole cents) and/or visit targets as seen at `expected_version` (None leaves
        one as it is; 0 is no target); ValidationError for a negative or absurd value. Returns the new version."""
        clean = _checked_targets({"monthly_revenue_target_cents": revenue_cents, "monthly_visit_target": visits})
        with self.db.write():
            if not clean:
                return int(current_row(Salesperson, salesperson_id)["version"])
            return update_checked(Salesperson, salesperson_id, expected_version, clean, self.user)

    def deactivate(self, salesperson_id: int, expected_version: int) -> int:
        """No new work for them from now on; their customers, visits and feedback stay theirs until handed over."""
        return self.set_active(salesperson_id, expected_version, False)

    def reactivate(self, salesperson_id: int, expected_version: int) -> int:
        return self.set_active(salesperson_id, expected_version, True)

    # -- handing customers over ----------------------------------------------------------------------------
    def customer_count(self, salesperson_id: int, customer_ids: Sequence[int] | None = None) -> int:
        """How many (not trashed) customers a hand-over from `salesperson_id` would move."""
        with self.db.session():
            return len(self._customers_of(salesperson_id, customer_ids))

    def matching_customers(self, flt: CustomerFilter) -> list[int]:
        """The ids of the customers the list shows for `flt` (the same search and filters as the window)."""
        where, params = where_clause(flt, engine=self.db.engine)
        with self.db.session() as pw:
            return [cid for (cid,) in pw.execute_sql(f"SELECT c.id FROM customer c WHERE {where}", params)]

    @staticmethod
    def _customers_of(from_id: int, customer_ids: Sequence[int] | None) -> list[int]:
        query = Customer.select(Customer.id).where((Customer.owner == from_id) & Customer.deleted_at.is_null())
        if customer_ids is not None:
            wanted = set(customer_ids)
            return [cid for (cid,) in query.order_by(Customer.sort_key, Customer.id).tuples() if cid in wanted]
        return [cid for (cid,) in query.order_by(Customer.sort_key, Customer.id).tuples()]

    def handover(self, from_id: int, to_ids: Sequence[int], customer_ids: Sequence[int] | None = None,
                 now: dt.datetime | None = None) -> HandoverResult:
        """Move `from_id`'s customers (all, or those of `customer_ids` they own) to the colleagues `to_ids`, spread
        evenly in name order, with those customers' future planned visits and open feedback that were the
        leaver's: one transaction, each record checked against the version read in it. Returns what undo needs."""
        moment = now or dt.datetime.now()
        with self.db.write():
            leaver = current_row(Salesperson, from_id)
            targets = [sid for sid in dict.fromkeys(to_ids) if sid != from_id]
            if not targets:
                raise HandoverTargetError(field="to", value=leaver["name"])
            rows = {row["id"]: row for row in Salesperson.select().where(Salesperson.id.in_(targets)).dicts()}
            for sid in targets:
                if sid not in rows:
                    current_row(Salesperson, sid)  # RecordNotFoundError
                if not rows[sid]["active"]:
                    raise InactiveSalespersonError(field="to", value=rows[sid]["name"])
            targets.sort(key=lambda sid: (rows[sid]["name"], sid))
            customers = self._customers_of(from_id, customer_ids)
            after: dict[str, dict[int, int]] = {table: {} for table in OWNER_COLUMNS}
            for index, cid in enumerate(customers):
                after["customer"][cid] = targets[index % len(targets)]
            moved = after["customer"]  # the leaver's visits and feedback are few: filtered here, not by IN (…)
            for vid, cid in (Visit.select(Visit.id, Visit.customer).where(
                    (Visit.salesperson == from_id) & Visit.deleted_at.is_null() & (Visit.status == "planned")
                    & (Visit.planned_start > moment)).order_by(Visit.id).tuples()):
                if cid in moved:
                    after["visit"][vid] = moved[cid]
            for fid, cid in (Feedback.select(Feedback.id, Feedback.customer).where(
                    (Feedback.owner == from_id) & Feedback.deleted_at.is_null()
                    & (Feedback.status != "closed")).order_by(Feedback.id).tuples()):
                if cid in moved:
                    after["feedback"][fid] = moved[cid]
            before: dict[str, dict[int, int | None]] = {
                table: dict.fromkeys(moves, from_id) for table, moves in after.items()}
            versions = self._move(after, None)
        return HandoverResult(from_id, before, after, versions)

    def undo_handover(self, result: HandoverResult,
                      versions: Mapping[str, Mapping[int, int]] | None = None) -> dict[str, dict[int, int]]:
        """Give every record back to its owner before the hand-over, only if each is still at the version the
        hand-over left it (or at `versions`); else ConflictError and nothing changes. Returns the new versions."""
        with self.db.write():
            return self._move(result.before, versions or result.versions)

    def redo_handover(self, result: HandoverResult,
                      versions: Mapping[str, Mapping[int, int]]) -> dict[str, dict[int, int]]:
        """The hand-over again, on records still at `versions` (the versions its undo left)."""
        with self.db.write():
            return self._move(result.after, versions)

    def _move(self, owners: Mapping[str, Mapping[int, int | None]],
              versions: Mapping[str, Mapping[int, int]] | None) -> dict[str, dict[int, int]]:
        """Set each record's owner, checked against `versions` (or the version read now); inside `db.write()`."""
        done: dict[str, dict[int, int]] = {}
        for table, moves in owners.items():
            model, column = _MODELS[table], OWNER_COLUMNS[table]
            done[table] = {}
            for record_id, owner in moves.items():
                expected = versions[table][record_id] if versions is not None else current_row(
                    model, record_id)["version"]
                done[table][record_id] = update_checked(model, record_id, expected, {column: owner}, self.user)
        return done

    def salesperson_ids(self, names: Sequence[str]) -> list[int]:
        """Salespeople by name or code, case-insensitive, in the order given; ValidationError for an unknown one."""
        ids: list[int] = []
        with self.db.session():
            for name in names:
                wanted = name.strip().casefold()
                found = Salesperson.select(Salesperson.id).where(
                    (fn.lower(Salesperson.name) == wanted) | (fn.lower(Salesperson.code) == wanted)).scalar()
                if found is None:
                    found = next((sid for sid, sname, code in Salesperson.select(
                        Salesperson.id, Salesperson.name, Salesperson.code).tuples()
                        if wanted in (sname.casefold(), code.casefold())), None)  # lower() is ASCII-only in SQLite
                if found is None:
                    raise ValidationError(field="salesperson", value=name)
                ids.append(found)
        return ids

    def tags(self) -> list[tuple[int, str]]:
        with self.db.session():
            return list(Tag.select(Tag.id, Tag.name).order_by(Tag.name).tuples())

    def cadence(self) -> dict[str, int]:
        """Follow-up intervals in days: "A", "B", "C", "new_days" (new customers) during "new_period" days."""
        with self.db.session():
            return load_cadence()

    def set_cadence(self, values: dict[str, Any]) -> None:
        rules = cadence.checked_rules({**self.cadence(), **values})
        with self.db.write():
            team_settings.write(CADENCE_KEY, rules, self.user)
