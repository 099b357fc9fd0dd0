"""The team and the shared vocabulary: salespeople, tags and team-wide settings such as the follow-up cadence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from peewee import fn

from keepclient.db.connection import Database
from keepclient.db.models import Salesperson, Setting, Tag
from keepclient.domain import cadence
from keepclient.domain.errors import ValidationError
from keepclient.domain.types import SalespersonInfo

CADENCE_KEY = "team.cadence"


def load_cadence() -> dict[str, int]:
    """The team's cadence rules (defaults completed); call inside a database session."""
    row = Setting.get_or_none(Setting.key == CADENCE_KEY)
    if row is None:
        return dict(cadence.DEFAULT_RULES)
    try:
        return cadence.checked_rules(json.loads(row.value))
    except (ValueError, TypeError, ValidationError):  # a damaged setting must not stop anyone's work
        return dict(cadence.DEFAULT_RULES)


class TeamService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def salespeople(self, active_only: bool = True) -> list[SalespersonInfo]:
        query = Salesperson.select(Salesperson.id, Salesperson.name, Salesperson.code, Salesperson.color)
        if active_only:
            query = query.where(Salesperson.active)
        with self.db.session():
            return [SalespersonInfo(*row) for row in query.order_by(Salesperson.name).tuples()]

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
        value = json.dumps(rules)
        with self.db.write():
            Setting.insert(key=CADENCE_KEY, value=value, updated_by=self.user).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value, Setting.updated_by: self.user}).execute()
