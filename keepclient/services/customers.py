"""Reading customers: the list (filtered, sorted, paged), the detail pane, duplicates, choices for filters."""

from __future__ import annotations

import datetime as dt
import time
from collections import OrderedDict
from collections.abc import Iterable
from contextlib import suppress

from peewee import JOIN, fn

from keepclient.db.connection import Database
from keepclient.db.models import (
    ChangeLog,
    Contact,
    Customer,
    CustomerTag,
    Feedback,
    Gift,
    Purchase,
    Salesperson,
    Tag,
    Visit,
)
from keepclient.db.versioning import current_row
from keepclient.domain.insights import reasons_from_json
from keepclient.domain.money import as_decimal
from keepclient.domain.types import ContactInfo, CustomerDetail, CustomerFilter, CustomerRow, TimelineEntry, as_date
from keepclient.services.customer_query import order_clause, where_clause

EDITABLE_FIELDS = (
    "name", "kind", "owner", "tier", "stage", "industry", "source", "address", "city", "region", "phone", "email",
    "website", "notes", "cadence_days", "next_follow_up",
)
FEEDBACK_STEPS = ("status", "owner", "severity", "category", "note")  # on the timeline
TIMELINE_LIMIT = 200
PROBES_KEPT, PROBE_KEEP_S = 1000, 600.0
ALL = CustomerFilter()

_ROWS_SQL = """
SELECT c.id, c.name, c.tier, c.stage, coalesce(s.name, ''), c.city, c.phone, c.last_contact, c.next_follow_up,
       c.open_feedback, c.revenue_12m_cents, c.last_order, c.risk_score, c.risk_reasons
  FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id
 WHERE c.id IN ({ids})
"""


def contact_info(c: Contact) -> ContactInfo:
    return ContactInfo(c.id, c.version, c.name, c.title, c.mobile, c.phone, c.email, c.im_id, bool(c.is_primary),
                       c.birthday_year, c.birthday_month, c.birthday_day, c.notes, c.birthday_lunar)


class CustomerService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user
        self._probes: OrderedDict[tuple[object, ...], tuple[int, float]] = OrderedDict()

    def _probe(self, sql: str, params: list[object]) -> int:
        """A search term's count that chooses its plan (customer_query, server_search), kept for PROBE_KEEP_S: the
        same first letters are typed again and again, and a count a little out of date only costs speed. A server's
        `EXPLAIN (FORMAT JSON)` counts by its planner's estimate (server_search.term_condition)."""
        key = (sql, *params)
        now = time.monotonic()
        kept = self._probes.get(key)
        if kept is not None and now - kept[1] < PROBE_KEEP_S:
            self._probes.move_to_end(key)
            return kept[0]
        with self.db.session() as pw:
            value = pw.execute_sql(sql, params).fetchone()[0]
        count = int(value[0]["Plan"]["Plan Rows"] if sql.startswith("EXPLAIN") else value)
        self._probes[key] = (count, now)
        if len(self._probes) > PROBES_KEPT:
            self._probes.popitem(last=False)
        return count

    def count(self, flt: CustomerFilter = ALL) -> int:
        """How many customers the list shows for `flt`."""
        where, params = where_clause(flt, engine=self.db.engine)
        with self.db.session() as pw:
            return int(pw.execute_sql(f"SELECT count(*) FROM customer c WHERE {where}", params).fetchone()[0])

    def rows(self, offset: int, limit: int, flt: CustomerFilter = ALL) -> list[CustomerRow]:
        """One page of the list for `flt`: ids through an index first, then only those rows in full."""
        where, params = where_clause(flt, probe=self._probe, engine=self.db.engine)
        with self.db.session() as pw:
            ids = [row[0] for row in pw.execute_sql(
                f"SELECT c.id FROM customer c WHERE {where} ORDER BY {order_clause(flt)} LIMIT ? OFFSET ?",
                [*params, limit, offset])]
            if not ids:
                return []
            found = {
                rid: CustomerRow(rid, name, tier, stage, owner, city, phone, as_date(last), as_date(nxt), open_fb,
                                 revenue or 0, as_date(last_order), risk or 0, reasons_from_json(reasons))
                for rid, name, tier, stage, owner, city, phone, last, nxt, open_fb, revenue, last_order, risk, reasons
                in pw.execute_sql(_ROWS_SQL.format(ids=", ".join("?" * len(ids))), ids)
            }
            return [found[rid] for rid in ids if rid in found]

    def position(self, customer_id: int, flt: CustomerFilter = ALL) -> int | None:
        """Row of `customer_id` in the list for `flt`, or None when the filter hides it."""
        where, params = where_clause(flt, engine=self.db.engine)
        with self.db.session() as pw:
            ids = [row[0] for row in pw.execute_sql(
                f"SELECT c.id FROM customer c WHERE {where} ORDER BY {order_clause(flt)}", params)]
        try:
            return ids.index(customer_id)
        except ValueError:
            return None

    def detail(self, customer_id: int) -> CustomerDetail:
        """Everything the detail pane shows and edits, newest history first."""
        with self.db.session():
            row = current_row(Customer, customer_id)
            owner = Salesperson.get_or_none(Salesperson.id == row["owner"]) if row["owner"] else None
            contacts = tuple(
                contact_info(c)
                for c in Contact.select().where((Contact.customer == customer_id) & Contact.deleted_at.is_null())
                .order_by(Contact.is_primary.desc(), Contact.name)
            )
            tags = tuple(t for (t,) in Tag.select(Tag.name).join(CustomerTag).where(
                CustomerTag.customer == customer_id).order_by(Tag.name).tuples())
            return CustomerDetail(
                id=row["id"], uuid=row["uuid"], version=row["version"],
                values={field: row[field] for field in EDITABLE_FIELDS}, owner_name=owner.name if owner else "",
                last_contact=row["last_contact"], deleted=row["deleted_at"] is not None, tags=tags,
                contacts=contacts, timeline=self._timeline(customer_id),
                revenue_12m_cents=row["revenue_12m_cents"], orders_count=row["orders_count"],
                last_order=as_date(row["last_order"]), order_gap_days=row["order_gap_days"],
                risk=row["risk_score"] or 0, risk_reasons=reasons_from_json(row["risk_reasons"]), rfm=row["rfm"],
                ltv_cents=row["ltv_cents"], suggested_tier=row["suggested_tier"],
                tier_pinned=bool(row["tier_pinned"]), lost_reason=row["lost_reason"] or "",
            )

    def _timeline(self, customer_id: int) -> tuple[TimelineEntry, ...]:
        visits = (
            Visit.select(Visit.planned_start, Visit.kind, Visit.status, Visit.purpose, Visit.outcome)
            .where((Visit.customer == customer_id) & Visit.deleted_at.is_null())
            .order_by(Visit.planned_start.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        # ifnull(): SQLite then takes the customer's own index, not a walk of every item by date (218k in the demo);
        # a server's planner needs no such help (and '' is no moment there)
        live = (fn.ifnull(Feedback.deleted_at, "") == "") if self.db.engine == "sqlite" else \
            Feedback.deleted_at.is_null()
        feedback = (
            Feedback.select(Feedback.received_at, Feedback.category, Feedback.status, Feedback.description)
            .where((Feedback.customer == customer_id) & live)
            .order_by(Feedback.received_at.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        purchases = (
            Purchase.select(Purchase.date, Purchase.product, Purchase.amount_cents, Purchase.quantity)
            .where((Purchase.customer == customer_id) & Purchase.deleted_at.is_null())
            .order_by(Purchase.date.desc(), Purchase.id.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        changes = (
            ChangeLog.select(ChangeLog.changed_at, ChangeLog.field, ChangeLog.old_value, ChangeLog.new_value,
                             ChangeLog.changed_by)
            .where((ChangeLog.table_name == "customer") & (ChangeLog.record_id == customer_id))
            .order_by(ChangeLog.changed_at.desc(), ChangeLog.id.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        entries = [
            TimelineEntry(start, "visit", kind, status, f"{purpose} — {outcome}" if outcome else purpose)
            for start, kind, status, purpose, outcome in visits
        ]
        # Received as "new"; each later step is an entry of its own (below), so the day it came in reads right.
        entries += [TimelineEntry(at, "feedback", cat, "new", desc) for at, cat, _status, desc in feedback]
        steps = (  # each step and change of the customer's feedback (the change log keeps them)
            ChangeLog.select(ChangeLog.changed_at, ChangeLog.field, ChangeLog.old_value, ChangeLog.new_value,
                             ChangeLog.changed_by, Feedback.category, Feedback.description)
            .join(Feedback, on=(ChangeLog.record_id == Feedback.id))
            .where((ChangeLog.table_name == "feedback") & ChangeLog.field.in_(FEEDBACK_STEPS)
                   & (Feedback.customer == customer_id) & Feedback.deleted_at.is_null())
            .order_by(ChangeLog.changed_at.desc(), ChangeLog.id.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        people = {str(sid): name for sid, name in Salesperson.select(Salesperson.id, Salesperson.name).tuples()}
        for at, field, old, new, who, cat, desc in steps:
            if field == "status":
                entries.append(TimelineEntry(at, "feedback", cat, new, f"{desc} ({who})"))
            else:  # an owner, severity or category changed, or a note written at a step
                if field == "owner":
                    old, new = people.get(old or "", old), people.get(new or "", new)
                change = new if field == "note" else f"{old or '∅'} → {new or '∅'}"
                entries.append(TimelineEntry(at, "feedback", cat, "", f"{desc} · {field}: {change} ({who})"))
        entries += [
            TimelineEntry(dt.datetime.combine(day, dt.time()), "purchase", "", "", f"{product} × {qty.normalize():f}",
                          as_decimal(amount_cents))
            for day, product, amount_cents, qty in purchases
        ]
        entries += [
            TimelineEntry(at, "change", field, "", f"{old or '∅'} → {new or '∅'} ({who})")
            for at, field, old, new, who in changes
        ]
        gifts = (  # "月饼礼盒 · 张伟": the item and who gave it; the occasion is the subkind, the cost the amount
            Gift.select(Gift.id, Gift.date, Gift.occasion, Gift.item, Gift.cost_cents, Salesperson.name)
            .join(Salesperson, join_type=JOIN.LEFT_OUTER, on=(Gift.given_by == Salesperson.id))
            .where((Gift.customer == customer_id) & Gift.deleted_at.is_null())
            .order_by(Gift.date.desc(), Gift.id.desc()).limit(TIMELINE_LIMIT).tuples()
        )
        entries += [
            TimelineEntry(dt.datetime.combine(day, dt.time()), "gift", occasion, "",
                          f"{item} · {giver}" if giver else item, None if cost is None else as_decimal(cost), gid)
            for gid, day, occasion, item, cost, giver in gifts
        ]
        entries.sort(key=lambda e: e.when, reverse=True)
        return tuple(entries[:TIMELINE_LIMIT])

    def find_duplicates(self, name: str, phone: str = "", exclude: int | None = None) -> list[tuple[int, str]]:
        """Customers whose normalized name or phone digits equal these: asked before creating a new one."""
        from keepclient.domain.errors import InvalidPhoneError
        from keepclient.domain.normalize import normalize_name, phone_digits
        from keepclient.domain.validation import normalize_phone

        with suppress(InvalidPhoneError):  # compare numbers as stored: "+86 21 5555 1234" is "021 5555 1234"
            phone = normalize_phone(phone)
        norm, digits = normalize_name(name), phone_digits(phone)
        condition = Customer.name_norm == norm
        if digits:
            condition |= Customer.phone_digits == digits
        query = Customer.select(Customer.id, Customer.name).where(condition & Customer.deleted_at.is_null())
        if exclude is not None:
            query = query.where(Customer.id != exclude)
        with self.db.session():
            return list(query.order_by(Customer.id).limit(10).tuples())

    def names(self, ids: Iterable[int | None]) -> dict[int, str]:
        """Names of these customers, in one query (the import preview lists the ones a file matched)."""
        wanted = sorted({i for i in ids if i is not None})[:5000]
        if not wanted:
            return {}
        with self.db.session() as pw:
            return dict(pw.execute_sql(f"SELECT id, name FROM customer WHERE id IN ({', '.join('?' * len(wanted))})",
                                       wanted))

    def cities(self) -> list[str]:
        """Cities in use, for the filter's choices."""
        with self.db.session() as pw:
            return [c for (c,) in pw.execute_sql(
                "SELECT DISTINCT city FROM customer WHERE deleted_at IS NULL AND city != '' ORDER BY city")]
