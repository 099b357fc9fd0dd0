"""Visits for the calendar: planning (single or recurring), moving, copying, deleting, logging the outcome.

Logging a visit as done moves the customer's last-contact date and next due date (the team's cadence unless the
user chose a date), so the Due panel and the customer list stay in step. Every change bumps the visit's version,
which an exported calendar uses to update events it already has.

Every change is checked (db/versioning.update_checked): a visit changes only while it is at the version the caller
read, and the customer's dates move as a side effect through the same check with the version read in the same
transaction, so the customer's version rises and a colleague's save based on the older version is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from keepclient.db.connection import Database
from keepclient.db.models import Customer, Visit, VisitSeries, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import cadence, recurrence
from keepclient.domain.enums import OUTCOME_STATUSES
from keepclient.domain.errors import RecordNotFoundError, ValidationError
from keepclient.domain.types import (
    CareDay,
    DatesChange,
    DueList,
    PlannedIds,
    Recurrence,
    ScheduleEntry,
    Versions,
    VisitItem,
    as_date,
    as_datetime,
)
from keepclient.services import due as due_lists
from keepclient.services.activity import VISIT_KINDS, move_dates
from keepclient.services.insights import customers_changed
from keepclient.services.team import active_or_none, load_cadence

OUTCOMES: tuple[str, ...] = tuple(status.value for status in OUTCOME_STATUSES)
MAX_MINUTES = 24 * 60
MAX_REMIND_MINUTES = 7 * 24 * 60  # a reminder at most a week ahead
EDITABLE = ("kind", "purpose", "location", "contact_id", "salesperson_id", "minutes", "start", "remind_minutes")

_ITEM_SQL = """
SELECT v.id, v.customer_id, c.name, coalesce(k.name, ''), coalesce(s.name, ''), coalesce(s.color, ''),
       v.planned_start, v.duration_minutes, v.kind, v.status, v.purpose, v.location, v.salesperson_id,
       v.contact_id, v.series_id, v.outcome, v.satisfaction, v.version, v.remind_minutes
FROM visit v
JOIN customer c ON c.id = v.customer_id
LEFT JOIN contact k ON k.id = v.contact_id
LEFT JOIN salesperson s ON s.id = v.salesperson_id
"""


def _item(row: Sequence[Any]) -> VisitItem:
    values = list(row)
    values[6] = as_datetime(values[6])
    return VisitItem(*values)


def _stamp(value: Any) -> dt.datetime:
    """A NOT NULL date-time column (planned_start, created_at, updated_at) as a datetime."""
    stamp = as_datetime(value)
    assert stamp is not None, "a NOT NULL column"
    return stamp


def _people(salespeople: Sequence[int] | None) -> tuple[str, list[int]]:
    """SQL condition and parameters for "visits of these salespeople" (None: everyone)."""
    if salespeople is None:
        return "", []
    return f" AND v.salesperson_id IN ({', '.join('?' * len(salespeople))})", list(salespeople)


def _expected(version: int | Mapping[int, int], visit_id: int, target: dict[str, Any]) -> int:
    """The version a change expects of `target`: the one the caller read for it; the other planned occurrences of
    a series (changed along, never seen one by one) are taken as read in the same transaction."""
    if isinstance(version, Mapping):
        return version.get(target["id"], target["version"])
    return version if target["id"] == visit_id else target["version"]


def _check_minutes(minutes: int) -> int:
    if not 1 <= int(minutes) <= MAX_MINUTES:
        raise ValidationError(field="minutes", value=minutes)
    return int(minutes)


def _check_reminder(minutes: int | None) -> int | None:
    """A reminder's minutes before the start (0 to a week), or None for no reminder."""
    if minutes is None:
        return None
    try:
        value = int(minutes)
    except (TypeError, ValueError):
        value = -1
    if isinstance(minutes, bool) or not 0 <= value <= MAX_REMIND_MINUTES:
        raise ValidationError(field="remind_minutes", value=minutes)
    return value


class VisitService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # -- reading -------------------------------------------------------------------------------------------
    def between(self, start: dt.datetime, end: dt.datetime, salespeople: Sequence[int] | None = None,
                limit: int | None = None) -> list[VisitItem]:
        """Visits starting in [start, end), in time order, with the names the calendar shows; at most `limit`."""
        people, params = _people(salespeople)
        sql = (f"{_ITEM_SQL} WHERE v.deleted_at IS NULL AND v.planned_start >= ? AND v.planned_start < ?{people} "
               "ORDER BY v.planned_start, v.salesperson_id, v.id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self.db.session() as pw:
            return [_item(row) for row in pw.execute_sql(sql, [start, end, *params])]

    def count_between(self, start: dt.datetime, end: dt.datetime, salespeople: Sequence[int] | None = None) -> int:
        """How many visits start in [start, end): answered from an index, without reading the visits."""
        people, params = _people(salespeople)
        with self.db.session() as pw:
            return int(pw.execute_sql(
                f"SELECT count(*) FROM visit v WHERE v.deleted_at IS NULL AND v.planned_start >= ? "
                f"AND v.planned_start < ?{people}", [start, end, *params]).fetchone()[0])

    def day_summaries(self, first: dt.date, last: dt.date, salespeople: Sequence[int] | None = None,
                      per_day: int = 4) -> dict[dt.date, tuple[list[VisitItem], int]]:
        """For each day in [first, last]: its first `per_day` visits and how many it has (the month view)."""
        people, params = _people(salespeople)
        days: dict[dt.date, tuple[list[VisitItem], int]] = {}
        count_sql = (f"SELECT count(*) FROM visit v WHERE v.deleted_at IS NULL AND v.planned_start >= ? "
                     f"AND v.planned_start < ?{people}")
        page_sql = (f"{_ITEM_SQL} WHERE v.deleted_at IS NULL AND v.planned_start >= ? AND v.planned_start < ?"
                    f"{people} ORDER BY v.planned_start, v.salesperson_id, v.id LIMIT {int(per_day)}")
        with self.db.session() as pw:
            day = first
            while day <= last:  # a range count per day reads only the index; one GROUP BY sorted them all
                following = day + dt.timedelta(days=1)
                count = pw.execute_sql(count_sql, [day, following, *params]).fetchone()[0]
                if count:
                    days[day] = ([_item(row) for row in pw.execute_sql(page_sql, [day, following, *params])],
                                 count)
                day = following
        return days

    def get(self, visit_id: int) -> VisitItem:
        with self.db.session() as pw:
            row = pw.execute_sql(f"{_ITEM_SQL} WHERE v.id = ? AND v.deleted_at IS NULL", [visit_id]).fetchone()
        if row is None:
            raise RecordNotFoundError(table="visit", record_id=visit_id)
        return _item(row)

    def overlapping(self, salesperson_id: int | None, start: dt.datetime, minutes: int,
                    exclude: int | None = None) -> list[VisitItem]:
        """Planned or done visits of this salesperson that overlap [start, start + minutes)."""
        if salesperson_id is None:
            return []
        end = start + dt.timedelta(minutes=minutes)
        candidates = self.between(start - dt.timedelta(minutes=MAX_MINUTES), end, [salesperson_id])
        return [v for v in candidates if v.id != exclude and v.status in ("planned", "done")
                and v.start < end and v.end > start]

    def schedule(self, start: dt.datetime, end: dt.datetime, salespeople: Sequence[int] | None = None, *,
                 last_notes: bool = True) -> list[ScheduleEntry]:
        """Visits in [start, end) with what printed schedules and calendar files need, by salesperson then time.

        `last_notes`: look up each visit's previous note (route sheets show it; it is a third of the cost for a
        team's busy week, so week and month documents go without)."""
        people, params = _people(salespeople)
        note = """coalesce((SELECT p.outcome FROM visit p WHERE p.customer_id = v.customer_id
                             AND p.planned_start < v.planned_start AND p.status = 'done' AND p.outcome != ''
                             AND p.deleted_at IS NULL ORDER BY p.planned_start DESC LIMIT 1), '')""" \
            if last_notes else "''"
        sql = f"""
            SELECT v.id, v.uuid, v.version, v.updated_at, v.planned_start, v.duration_minutes, v.kind, v.status,
                   v.salesperson_id, coalesce(s.name, ''), v.customer_id, c.name, coalesce(k.name, ''),
                   coalesce(nullif(k.mobile, ''), nullif(k.phone, ''), c.phone),
                   coalesce(nullif(v.location, ''), c.address), v.purpose, v.outcome, {note}, v.remind_minutes
            FROM visit v
            JOIN customer c ON c.id = v.customer_id
            LEFT JOIN contact k ON k.id = v.contact_id
            LEFT JOIN salesperson s ON s.id = v.salesperson_id
            WHERE v.deleted_at IS NULL AND v.planned_start >= ? AND v.planned_start < ?{people}
            ORDER BY coalesce(s.name, ''), v.salesperson_id, v.planned_start, v.id"""
        with self.db.session() as pw:
            rows = pw.execute_sql(sql, [start, end, *params]).fetchall()
        return [ScheduleEntry(vid, uid, version, _stamp(updated), _stamp(begin), *rest)
                for vid, uid, version, updated, begin, *rest in rows]

    # -- planning and editing --------------------------------------------------------------------------------
    def plan(
        self, customer_id: int, *, start: dt.datetime, minutes: int = 60, kind: str = "visit", purpose: str = "",
        location: str | None = None, contact_id: int | None = None, salesperson_id: int | None = None,
        repeat: Recurrence | None = None, remind_minutes: int | None = None,
    ) -> PlannedIds:
        """Plan a visit, or every occurrence of a recurring follow-up; returns the new visit ids.

        The (first) planned visit becomes the customer's next due date: the follow-up is taken care of. The ids
        carry in `dates` what that did to the customer, for undo.
        """
        if kind not in VISIT_KINDS:
            raise ValidationError(field="kind", value=kind)
        minutes = _check_minutes(minutes)
        remind_minutes = _check_reminder(remind_minutes)
        start = start.replace(second=0, microsecond=0)
        times = recurrence.occurrences(start, repeat) if repeat else [start]
        with self.db.write():
            row = current_row(Customer, customer_id)
            series = None
            if repeat:
                series = VisitSeries.insert(every=repeat.every, unit=repeat.unit, until=repeat.until,
                                            count=repeat.count, updated_by=self.user).execute()
            stamp = now()
            values = dict(customer=customer_id, contact=contact_id,
                          salesperson=salesperson_id or active_or_none(row["owner"]), duration_minutes=minutes,
                          kind=kind, status="planned", purpose=purpose.strip(),
                          location=row["address"] if location is None else location.strip(), series=series,
                          remind_minutes=remind_minutes, created_at=stamp, updated_at=stamp, updated_by=self.user)
            ids = PlannedIds(Visit.insert(planned_start=when, **values).execute() for when in times)
            ids.dates = move_dates(customer_id, {"next_follow_up": start.date()}, self.user)
            return ids

    def _targets(self, visit_id: int, scope: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The visit and the visits a change applies to: itself, or every planned occurrence of its series."""
        if scope not in ("this", "series"):
            raise ValueError(scope)
        row = current_row(Visit, visit_id)
        if row["deleted_at"] is not None:
            raise RecordNotFoundError(table="visit", record_id=visit_id)
        if scope == "this" or row["series"] is None:
            return row, [row]
        rows = list(Visit.select().where((Visit.series == row["series"]) & Visit.deleted_at.is_null()
                                         & (Visit.status == "planned")).order_by(Visit.planned_start).dicts())
        return row, rows if any(r["id"] == visit_id for r in rows) else [row, *rows]

    def _write(self, visit_id: int, expected_version: int, values: dict[str, Any]) -> int:
        """One checked change of a visit (ConflictError when it is no longer at `expected_version`)."""
        return update_checked(Visit, visit_id, expected_version, values, self.user)

    def reschedule(self, visit_id: int, start: dt.datetime, minutes: int | None = None, scope: str = "this", *,
                   version: int | Mapping[int, int]) -> Versions:
        """Move a visit (and change its duration); "series" moves every planned occurrence by the same amount."""
        return self.update(visit_id, {"start": start, **({"minutes": minutes} if minutes is not None else {})},
                           scope, version=version)

    def update(self, visit_id: int, changes: dict[str, Any], scope: str = "this", *,
               version: int | Mapping[int, int]) -> Versions:
        """Change a visit's kind, purpose, location, contact, salesperson, duration, start or reminder.

        `version`: the visit's version the user saw (or, for undo, each visit's version as the change left it);
        returns every changed visit's new version, which undoing expects."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValidationError(field=sorted(unknown)[0], value=changes[sorted(unknown)[0]])
        if "kind" in changes and changes["kind"] not in VISIT_KINDS:
            raise ValidationError(field="kind", value=changes["kind"])
        columns = {"kind": "kind", "purpose": "purpose", "location": "location", "contact_id": "contact",
                   "salesperson_id": "salesperson", "minutes": "duration_minutes", "remind_minutes": "remind_minutes"}
        values: dict[str, Any] = {columns[k]: (v.strip() if isinstance(v, str) else v)
                                  for k, v in changes.items() if k in columns}
        if "duration_minutes" in values:
            values["duration_minutes"] = _check_minutes(values["duration_minutes"])
        if "remind_minutes" in values:
            values["remind_minutes"] = _check_reminder(values["remind_minutes"])
        with self.db.write():
            row, targets = self._targets(visit_id, scope)
            shift = None
            if "start" in changes:
                shift = changes["start"].replace(second=0, microsecond=0) - as_datetime(row["planned_start"])
            done: Versions = {}
            for target in targets:
                own = dict(values)
                if shift:
                    own["planned_start"] = as_datetime(target["planned_start"]) + shift
                done[target["id"]] = self._write(target["id"], _expected(version, visit_id, target), own)
            return done

    def copy(self, visit_id: int, start: dt.datetime) -> int:
        """A planned copy of a visit at another time (paste); never part of a series."""
        with self.db.write():
            row = current_row(Visit, visit_id)
            stamp = now()
            new_id: int = Visit.insert(
                customer=row["customer"], contact=row["contact"], salesperson=row["salesperson"],
                planned_start=start.replace(second=0, microsecond=0), duration_minutes=row["duration_minutes"],
                kind=row["kind"], status="planned", purpose=row["purpose"], location=row["location"],
                remind_minutes=row["remind_minutes"], created_at=stamp, updated_at=stamp, updated_by=self.user,
            ).execute()
            return new_id

    def delete(self, visit_id: int, scope: str = "this", *, version: int | Mapping[int, int]) -> Versions:
        """Move a visit (or every planned occurrence of its series) to the trash; returns the trashed visits with
        their new versions, for undo."""
        with self.db.write():
            _row, targets = self._targets(visit_id, scope)
            stamp = now()
            return {target["id"]: self._write(target["id"], _expected(version, visit_id, target), {"deleted_at": stamp})
                    for target in targets}

    def trash(self, versions: Mapping[int, int]) -> Versions:
        """Move these visits to the trash (undo of plan and paste, redo of delete): all of them, each only while
        at its version, or none."""
        with self.db.write():
            return {visit_id: self._write(visit_id, expected, {"deleted_at": now()})
                    for visit_id, expected in versions.items()}

    def restore(self, versions: Mapping[int, int]) -> Versions:
        """Bring trashed visits back (undo of delete, redo of plan and paste), each only while at its version."""
        with self.db.write():
            return {visit_id: self._write(visit_id, expected, {"deleted_at": None})
                    for visit_id, expected in versions.items()}

    # -- outcomes and cadence --------------------------------------------------------------------------------
    def suggested_follow_up(self, customer_id: int, on: dt.date) -> dt.date:
        """When to follow up next after a contact on `on`, from the customer's tier and the team's cadence."""
        with self.db.session():
            row = current_row(Customer, customer_id)
            rules = load_cadence()
        return cadence.next_follow_up(on, row["tier"], created=_stamp(row["created_at"]).date(),
                                      override=row["cadence_days"], by_tier=rules)

    def log_outcome(self, visit_id: int, *, version: int, status: str, notes: str = "",
                    satisfaction: int | None = None, next_follow_up: dt.date | None = None) -> DatesChange | None:
        """Done, cancelled or missed, on the visit as the user saw it (`version`). Done moves the customer's last
        contact to the visit's day and the next due date to `next_follow_up` (or the cadence's suggestion) and
        returns what that did to the customer; cancelled and missed leave the customer due."""
        if status not in OUTCOMES:
            raise ValidationError(field="status", value=status)
        if satisfaction is not None and not 1 <= satisfaction <= 5:
            raise ValidationError(field="satisfaction", value=satisfaction)
        with self.db.write():
            row = current_row(Visit, visit_id)
            if row["deleted_at"] is not None:
                raise RecordNotFoundError(table="visit", record_id=visit_id)
            day = _stamp(row["planned_start"]).date()
            self._write(visit_id, version, {"status": status, "outcome": notes.strip(), "satisfaction": satisfaction,
                                            "next_follow_up": next_follow_up})
            if status != "done":
                customers_changed([row["customer"]])  # missed and cancelled visits count towards its risk
                return None
            customer = current_row(Customer, row["customer"])
            last = max(filter(None, (as_date(customer["last_contact"]), day)))
            due = next_follow_up or cadence.next_follow_up(
                last, customer["tier"], created=_stamp(customer["created_at"]).date(),
                override=customer["cadence_days"], by_tier=load_cadence())
            return move_dates(row["customer"], {"last_contact": last, "next_follow_up": due}, self.user)

    # -- the Due panel -----------------------------------------------------------------------------------------
    def due(self, *, salesperson_id: int | None, today: dt.date, limit: int = 200) -> DueList:
        """Customers overdue, due today and due later this week (for one salesperson or the team) and the
        week's birthdays; the lists hold at most `limit` each, `counts` the full numbers."""
        with self.db.session() as pw:
            return due_lists.due_list(pw, salesperson_id=salesperson_id, today=today, limit=limit)

    def care_days(self, start: dt.date, end: dt.date, salespeople: Sequence[int] | None = None,
                  limit: int = 2000) -> list[CareDay]:
        """Contacts' birthdays in [start, end) of these salespeople's customers (None: everyone's)."""
        with self.db.session() as pw:
            return due_lists.care_days(pw, start, end, salespeople, limit)
