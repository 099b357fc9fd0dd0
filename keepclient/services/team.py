"""The team and the shared vocabulary: salespeople and tags, for owners, filters and bulk actions."""

from __future__ import annotations

from keepclient.db.connection import Database
from keepclient.db.models import Salesperson, Tag
from keepclient.domain.types import SalespersonInfo


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

    def tags(self) -> list[tuple[int, str]]:
        with self.db.session():
            return list(Tag.select(Tag.id, Tag.name).order_by(Tag.name).tuples())
