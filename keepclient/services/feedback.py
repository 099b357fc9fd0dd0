"""The feedback and complaint log: newest first, one page at a time."""

from __future__ import annotations

from peewee import JOIN

from keepclient.db.connection import Database
from keepclient.db.models import Customer, Feedback, Salesperson
from keepclient.domain.types import FeedbackItem


class FeedbackService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def count(self) -> int:
        with self.db.session():
            return Feedback.select().where(Feedback.deleted_at.is_null()).count()

    def rows(self, offset: int, limit: int) -> list[FeedbackItem]:
        with self.db.session():
            query = (
                Feedback.select(
                    Feedback.id, Feedback.customer, Customer.name, Feedback.received_at, Feedback.kind,
                    Feedback.category, Feedback.severity, Feedback.status, Salesperson.name, Feedback.description,
                )
                .join(Customer, on=(Feedback.customer == Customer.id))
                .join(Salesperson, JOIN.LEFT_OUTER, on=(Feedback.owner == Salesperson.id))
                .where(Feedback.deleted_at.is_null())
                .order_by(Feedback.received_at.desc(), Feedback.id.desc())
                .limit(limit).offset(offset)
                .tuples()
            )
            return [
                FeedbackItem(fid, cid, customer, received, kind, category, severity, status, owner or "", text)
                for fid, cid, customer, received, kind, category, severity, status, owner, text in query
            ]
