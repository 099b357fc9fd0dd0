"""Visits for the calendar: what is planned or happened in a period."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN

from keepclient.db.connection import Database
from keepclient.db.models import Contact, Customer, Salesperson, Visit
from keepclient.domain.types import VisitItem


class VisitService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def between(self, start: dt.datetime, end: dt.datetime) -> list[VisitItem]:
        """Visits starting in [start, end), in time order, with the names the calendar shows."""
        with self.db.session():
            query = (
                Visit.select(
                    Visit.id, Visit.customer, Customer.name, Contact.name, Salesperson.name, Salesperson.color,
                    Visit.planned_start, Visit.duration_minutes, Visit.kind, Visit.status, Visit.purpose,
                    Visit.location,
                )
                .join(Customer, on=(Visit.customer == Customer.id))
                .join(Contact, JOIN.LEFT_OUTER, on=(Visit.contact == Contact.id))
                .join(Salesperson, JOIN.LEFT_OUTER, on=(Visit.salesperson == Salesperson.id))
                .where((Visit.planned_start >= start) & (Visit.planned_start < end) & Visit.deleted_at.is_null())
                .order_by(Visit.planned_start, Visit.id)
                .tuples()
            )
            return [
                VisitItem(vid, cid, customer, contact or "", sales or "", color or "", begin, minutes, kind,
                          status, purpose, location)
                for vid, cid, customer, contact, sales, color, begin, minutes, kind, status, purpose, location
                in query
            ]
