"""The feedback and complaint log: every item gets an owner, a first response, a resolution, a reply to the
customer, and is closed; deadlines come from the team's response targets (working time, per severity).

Each step is a checked update (a colleague's save in between is a conflict, never overwritten), stamps its time,
goes into the change log (the item's history and the customer's timeline) and keeps the customer's count of open
feedback. The log reads pages through indexes, so 200,000 items filter and sort at once.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import statistics
from typing import Any, NamedTuple

from peewee import SqliteDatabase

from keepclient.db import team_settings
from keepclient.db.connection import Database
from keepclient.db.dialect import engine_of
from keepclient.db.models import ChangeLog, Contact, Customer, Feedback, Setting, Visit
from keepclient.db.models import now as current_time
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import response_targets
from keepclient.domain.enums import Channel, FeedbackCategory, FeedbackKind, FeedbackStatus, Severity
from keepclient.domain.errors import RecordNotFoundError, ValidationError
from keepclient.domain.types import (
    FEEDBACK_SORTS,
    FeedbackDetail,
    FeedbackEvent,
    FeedbackFilter,
    FeedbackItem,
    FeedbackReport,
    MonthlyFeedbackRow,
    OpenFeedbackRow,
    SatisfactionScore,
    as_datetime,
    as_stored_datetime,
)
from keepclient.services.activity import refresh_open_feedback
from keepclient.services.care import load_working_day
from keepclient.services.insights import customers_changed
from keepclient.services.team import active_or_none

TARGETS_KEY = "team.response_targets"
STATUSES: tuple[str, ...] = tuple(FeedbackStatus)  # in the order the workflow goes
NOT_CLOSED = tuple(s.value for s in FeedbackStatus if s is not FeedbackStatus.CLOSED)  # the report's open items
STEPS: dict[str, tuple[str, ...]] = {
    "new": ("in_progress", "resolved"),
    "in_progress": ("resolved",),
    "resolved": ("replied", "in_progress"),
    "replied": ("closed", "in_progress"),
    "closed": ("in_progress",),
}
EDITABLE = {"description": "description", "kind": "kind", "category": "category", "severity": "severity",
            "channel": "channel", "owner_id": "owner", "contact_id": "contact", "resolution": "resolution"}
ALLOWED_VALUES = {field: tuple(value.value for value in values) for field, values in (
    ("kind", FeedbackKind), ("category", FeedbackCategory), ("severity", Severity), ("channel", Channel))}

_COLUMNS = """f.id, f.customer_id, c.name, f.received_at, f.kind, f.category, f.severity, f.status,
    coalesce(s.name, ''), f.description, f.owner_id, f.channel, f.first_response_at, f.resolved_at, f.replied_at,
    f.closed_at, f.response_due, f.resolution_due, f.next_due, f.satisfaction, f.version"""
_FROM = """FROM feedback f JOIN customer c ON c.id = f.customer_id
    LEFT JOIN salesperson s ON s.id = f.owner_id"""
_ORDER = {  # every sort ends on the id, so pages never overlap
    "received_at": "f.received_at {d}, f.id {d}",
    "kind": "f.kind {d}, f.received_at {d}, f.id {d}",
    "category": "f.category {d}, f.received_at {d}, f.id {d}",
    "severity": "f.severity {d}, f.received_at {d}, f.id {d}",
    "status": "f.status {d}, f.next_due {d}, f.id {d}",
    "first_response": "f.response_hours {d}, f.id {d}",
    "resolution": "f.resolution_hours {d}, f.id {d}",
    "description": "f.description {d}, f.id {d}",
}


def allowed_steps(status: str) -> tuple[str, ...]:
    """The workflow steps open from `status` (reopening leads back to "in_progress")."""
    return STEPS.get(status, ())


def _item(row: tuple[Any, ...]) -> FeedbackItem:
    values = list(row)
    for index in (3, 12, 13, 14, 15, 16, 17, 18):
        values[index] = as_datetime(values[index])
    return FeedbackItem(*values)


def _hours(start: dt.datetime, end: dt.datetime | None) -> float | None:
    return None if end is None else round((end - start).total_seconds() / 3600, 2)


def load_targets() -> dict[str, dict[str, float]]:
    """The team's response targets (defaults completed); call inside a database session."""
    stored = team_settings.read(TARGETS_KEY)
    if stored is None:
        return response_targets.checked_targets({})
    try:
        return response_targets.checked_targets(stored)
    except (ValueError, TypeError, AttributeError, ValidationError):  # a damaged setting must not stop anyone's work
        return response_targets.checked_targets({})


class _Where:
    """A FeedbackFilter as SQL over `feedback f` alone (the customer's name is matched through a sub-select, so
    counting never joins); `statuses=False` leaves the statuses out (the status strip counts every status)."""

    def __init__(self, flt: FeedbackFilter, at: dt.datetime, statuses: bool = True, text_ids: str = "[]",
                 engine: str = "sqlite") -> None:
        parts: list[str] = ["f.deleted_at IS NULL"]
        params: list[object] = []
        for column, values in (("f.status", flt.statuses if statuses else ()), ("f.category", flt.categories),
                               ("f.severity", flt.severities), ("f.kind", flt.kinds)):
            if values:
                parts.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += list(values)
        for column, value in (("f.owner_id", flt.owner_id), ("f.customer_id", flt.customer_id)):
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        if flt.overdue:
            parts.append("f.next_due < ?")
            params.append(at)
        if flt.received_from is not None:
            parts.append("f.received_at >= ?")
            params.append(dt.datetime.combine(flt.received_from, dt.time()))
        if flt.received_to is not None:
            parts.append("f.received_at < ?")
            params.append(dt.datetime.combine(flt.received_to + dt.timedelta(days=1), dt.time()))
        found_in = ""
        if flt.text.strip() and engine != "sqlite":
            found_in = " AND f.id = ANY(?)"
            params.append(json.loads(text_ids))
        elif flt.text.strip():  # the items the text was found in, worked out once per term (see _text_ids)
            found_in = " AND {}f.id IN (SELECT value FROM json_each(?))"
            params.append(text_ids)
        self.sql, self.params = " AND ".join(parts) + found_in.format(""), params
        # Walking customers in name order, each id must be tested, not looked up per customer ("+" says so).
        self.walk_sql = " AND ".join(parts) + found_in.format("+")


class _Segment(NamedTuple):
    """A stretch of the log in one order, read by one index: pages run through the segments one after another."""

    sql: str  # added to the filter
    params: list[object]
    order: str
    source: str = "FROM feedback f"  # what the page's ids are read from
    walk: bool = False  # customers walked in name order (see _Where.walk_sql)


SPARSE = 5_000  # at most this many items: sorting them all beats walking the customers in name order


_UNCACHED = itertools.count()  # FeedbackService._changed on a team server: every call a new key


class FeedbackService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user
        self._summaries: dict[tuple[FeedbackFilter, dt.datetime, tuple[int, int]], dict[str, tuple[int, int]]] = {}
        self._texts: dict[tuple[str, tuple[int, int]], str] = {}

    @staticmethod
    def _changed(pw: SqliteDatabase) -> tuple[int, int]:
        """Changes when anybody saves (a colleague's commit, or anything on this connection). A team server's
        answers are kept for no longer than one call: it does not say cheaply whether anything was saved."""
        if engine_of(pw) != "sqlite":
            return -1, next(_UNCACHED)
        return pw.execute_sql("PRAGMA data_version").fetchone()[0], pw.connection().total_changes

    def _where(self, pw: SqliteDatabase, flt: FeedbackFilter, at: dt.datetime, statuses: bool = True) -> _Where:
        return _Where(flt, at, statuses, self._text_ids(pw, flt.text.strip()) if flt.text.strip() else "[]",
                      engine_of(pw))

    def _text_ids(self, pw: SqliteDatabase, text: str) -> str:
        """Ids (as JSON) of the items whose description, resolution or customer's name holds `text`: one scan of
        the narrow text table (db/feedback_text.py) per term, shared by the counts and every page."""
        key = (text, self._changed(pw))
        found = self._texts.get(key)
        if found is None:
            like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            found = json.dumps([fid for (fid,) in pw.execute_sql(
                "SELECT id FROM feedback_text WHERE text LIKE ? ESCAPE '\\' UNION SELECT f.id FROM feedback f "
                "WHERE f.customer_id IN (SELECT id FROM customer WHERE name LIKE ? ESCAPE '\\')", [like, like])])
            self._texts = {key: found}
        return found

    # -- the log ----------------------------------------------------------------------------------------------
    def _summary(self, pw: SqliteDatabase, flt: FeedbackFilter, at: dt.datetime) -> dict[str, tuple[int, int]]:
        """(items, of them overdue) per status under the filter without its statuses: one scan answers the
        status strip and the row count. Kept until the database changes (ours or a colleague's save)."""
        key = (flt._replace(statuses=(), sort="due", descending=False), at.replace(second=0, microsecond=0),
               self._changed(pw))
        found = self._summaries.get(key)
        if found is None:
            where = self._where(pw, flt, at, statuses=False)
            rows = pw.execute_sql(f"SELECT f.status, count(*), coalesce(sum(f.next_due < ?), 0) FROM feedback f "
                                  f"WHERE {where.sql} GROUP BY f.status", [at, *where.params]).fetchall()
            found = {status: (count, overdue) for status, count, overdue in rows}
            self._summaries = {key: found}  # one filter at a time is all the log needs
        return found

    def count(self, flt: FeedbackFilter | None = None, now: dt.datetime | None = None) -> int:
        flt = flt or FeedbackFilter()
        with self.db.session() as pw:
            summary = self._summary(pw, flt, now or current_time())
        wanted = flt.statuses or tuple(summary)
        return sum(summary.get(status, (0, 0))[1 if flt.overdue else 0] for status in wanted)

    def status_counts(self, flt: FeedbackFilter | None = None, now: dt.datetime | None = None) -> dict[str, int]:
        """Items per status under the filter's other parts, plus "overdue" and "all" (the header strip)."""
        flt = flt or FeedbackFilter()
        with self.db.session() as pw:
            summary = self._summary(pw, flt, now or current_time())
        counts = {status: summary.get(status, (0, 0))[0] for status in STATUSES}
        return {**counts, "overdue": sum(o for _c, o in summary.values()), "all": sum(c for c, _o in summary.values())}

    def rows(self, flt: FeedbackFilter | None = None, offset: int = 0, limit: int = 100,
             now: dt.datetime | None = None) -> list[FeedbackItem]:
        """A page of the log in the filter's order ("due": items with a deadline ahead first, nearest, so most
        overdue, first; then the rest newest first). Each order is read through an index, page by page."""
        flt = flt or FeedbackFilter()
        if flt.sort not in FEEDBACK_SORTS:
            raise ValidationError(field="sort", value=flt.sort)
        at = now or current_time()
        items: list[FeedbackItem] = []
        with self.db.session() as pw:
            where = self._where(pw, flt, at)
            segments = self._segments(pw, flt, at)
            for index, segment in enumerate(segments):
                sql = f"{where.walk_sql if segment.walk else where.sql}{segment.sql}"
                params = [*where.params, *segment.params]
                found = self._by_ids(pw, [fid for (fid,) in pw.execute_sql(  # ids first: a sort holds only keys
                    f"SELECT f.id {segment.source} WHERE {sql} ORDER BY {segment.order} LIMIT ? OFFSET ?",
                    [*params, limit - len(items), offset])])
                items += found
                if len(items) >= limit or index == len(segments) - 1:
                    break
                if not found:  # the page starts further on: skip this whole segment
                    size = pw.execute_sql(f"SELECT count(*) {segment.source} WHERE {sql}", params).fetchone()[0]
                    offset = max(0, offset - size)
                else:
                    offset = 0
        return items

    @staticmethod
    def _by_ids(pw: SqliteDatabase, ids: list[int]) -> list[FeedbackItem]:
        """The items of a page, in the page's order."""
        if not ids:
            return []
        rows = {row[0]: row for row in pw.execute_sql(
            f"SELECT {_COLUMNS} {_FROM} WHERE f.id IN ({', '.join('?' * len(ids))})", ids)}
        return [_item(rows[fid]) for fid in ids]

    def _segments(self, pw: SqliteDatabase, flt: FeedbackFilter, at: dt.datetime) -> list[_Segment]:
        d = "DESC" if flt.descending else "ASC"
        if flt.sort == "due":
            segments = [_Segment(" AND f.next_due IS NOT NULL", [], f"f.next_due {d}, f.received_at {d}, f.id {d}"),
                        # "+": the planner would walk every item without a deadline by the next_due index; a
                        # filter's own index (category, kind, dates...) in received order finds rare ones at once
                        _Segment(" AND +f.next_due IS NULL", [], "f.received_at DESC, f.id DESC")]
            return segments[::-1] if flt.descending else segments
        if flt.sort == "owner":  # salespeople by name, each an index range; unassigned items last
            within = "f.received_at ASC, f.id ASC" if flt.descending else "f.received_at DESC, f.id DESC"
            owners = [oid for (oid,) in pw.execute_sql(
                f"SELECT f.owner_id FROM feedback f LEFT JOIN salesperson s ON s.id = f.owner_id "
                f"WHERE f.deleted_at IS NULL GROUP BY f.owner_id, s.name ORDER BY s.name IS NULL, s.name {d}")]
            segments = [_Segment(" AND f.owner_id = ?", [oid], within) if oid is not None
                        else _Segment(" AND f.owner_id IS NULL", [], within) for oid in owners]
            return segments
        if flt.sort == "customer":
            order = f"c.sort_key {d}, f.id {d}"
            joined = "FROM feedback f JOIN customer c ON c.id = f.customer_id"
            if self.count(flt, at) <= SPARSE:
                return [_Segment("", [], order, joined)]
            walk = "FROM customer c CROSS JOIN feedback f ON f.customer_id = c.id"  # customers in name order
            segments = [_Segment(" AND c.deleted_at IS NULL", [], order, walk, walk=True),
                        _Segment(" AND c.deleted_at IS NOT NULL", [], order, joined)]
            return segments[::-1] if flt.descending else segments
        return [_Segment("", [], _ORDER[flt.sort].format(d=d))]

    def overdue_count(self, owner_id: int | None, now: dt.datetime | None = None) -> int:
        """Items past a deadline, of one owner (or everybody's): the status bar's warning."""
        return self.count(FeedbackFilter(owner_id=owner_id, overdue=True), now)

    def get(self, feedback_id: int) -> FeedbackDetail:
        with self.db.session() as pw:
            row = pw.execute_sql(f"SELECT {_COLUMNS}, f.contact_id, coalesce(k.name, ''), f.visit_id, f.resolution, "
                                 f"f.satisfaction_comment, f.deleted_at {_FROM} LEFT JOIN contact k ON k.id = "
                                 "f.contact_id WHERE f.id = ?", [feedback_id]).fetchone()
            if row is None or row[-1] is not None:
                raise RecordNotFoundError(table="feedback", record_id=feedback_id)
            changes = pw.execute_sql(
                "SELECT changed_at, changed_by, field, old_value, new_value FROM change_log "
                "WHERE table_name = 'feedback' AND record_id = ? ORDER BY changed_at, id", [feedback_id])
            history = [FeedbackEvent(as_stored_datetime(at), who, field, old, new)
                       for at, who, field, old, new in changes]
        *item, contact_id, contact, visit_id, resolution, comment, _deleted = row
        return FeedbackDetail(_item(tuple(item)), contact_id, contact, visit_id, resolution, comment, tuple(history))

    # -- writing ----------------------------------------------------------------------------------------------
    @staticmethod
    def _check(field: str, value: Any) -> Any:
        if field in ALLOWED_VALUES and value not in ALLOWED_VALUES[field]:
            raise ValidationError(field=field, value=value)
        if field == "description" and not str(value).strip():
            raise ValidationError(field="description", value="")
        return value.strip() if isinstance(value, str) else value

    def create(
        self, customer_id: int, *, description: str, kind: str = "complaint", category: str = "other",
        severity: str = "normal", channel: str = "phone", contact_id: int | None = None,
        visit_id: int | None = None, received_at: dt.datetime | None = None, owner_id: int | None = None,
    ) -> int:
        """New feedback, owned by the customer's salesperson (while active) unless `owner_id` says otherwise;
        returns its id."""
        values = {name: self._check(name, value) for name, value in (
            ("description", description), ("kind", kind), ("category", category), ("severity", severity),
            ("channel", channel))}
        received = (received_at or current_time()).replace(microsecond=0)
        with self.db.write():
            customer = current_row(Customer, customer_id)
            if visit_id is not None:
                current_row(Visit, visit_id)
            response_due, resolution_due = response_targets.deadlines(received, severity, load_targets(),
                                                                        load_working_day())
            feedback_id = Feedback.insert(
                customer=customer_id, contact=contact_id, visit=visit_id, received_at=received,
                owner=owner_id if owner_id is not None else active_or_none(customer["owner"]), status="new",
                updated_by=self.user,
                response_due=response_due, resolution_due=resolution_due, next_due=response_due, **values,
            ).execute()
            refresh_open_feedback(customer_id)
            return int(feedback_id)

    def update(self, feedback_id: int, version: int, changes: dict[str, Any]) -> int:
        """Edit fields; a new severity moves the deadlines. Returns the new version (ConflictError if stale)."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationError(field=name, value=changes[name])
        values = {EDITABLE[name]: self._check(name, value) for name, value in changes.items()}
        with self.db.write():
            row = current_row(Feedback, feedback_id)
            if "contact" in values and values["contact"] is not None:
                contact = current_row(Contact, values["contact"])
                if contact["customer"] != row["customer"]:
                    raise ValidationError(field="contact_id", value=values["contact"])
            if values.get("severity", row["severity"]) != row["severity"]:
                response_due, resolution_due = response_targets.deadlines(
                    as_stored_datetime(row["received_at"]), values["severity"], load_targets(), load_working_day())
                values.update(response_due=response_due, resolution_due=resolution_due,
                              next_due=self._ahead(row["status"], response_due, resolution_due))
            new_version = update_checked(Feedback, feedback_id, version, values, self.user)
            if "kind" in values or "satisfaction" in values:  # a complaint or a score counts towards the risk
                customers_changed([row["customer"]])
            return new_version

    @staticmethod
    def _ahead(status: str, response_due: dt.datetime | None, resolution_due: dt.datetime | None) -> Any:
        return response_due if status == "new" else resolution_due if status == "in_progress" else None

    def advance(self, feedback_id: int, version: int, status: str, *, note: str = "",
                satisfaction: int | None = None, comment: str = "", at: dt.datetime | None = None) -> int:
        """One workflow step (see allowed_steps); returns the new version.

        Leaving "new" is the first response; resolving stamps the resolution (`note` becomes its text when
        given); closing may record the customer's satisfaction; reopening starts the resolution target again.
        """
        if satisfaction is not None and not 1 <= satisfaction <= 5:
            raise ValidationError(field="satisfaction", value=satisfaction)
        when = (at or current_time()).replace(microsecond=0)
        with self.db.write():
            row = current_row(Feedback, feedback_id)
            if status not in allowed_steps(row["status"]):
                raise ValidationError(field="status", value=status)
            received = as_stored_datetime(row["received_at"])
            changes: dict[str, Any] = {"status": status}
            if row["first_response_at"] is None:
                changes.update(first_response_at=when, response_hours=_hours(received, when))
            resolution_due = as_datetime(row["resolution_due"])
            if status == "resolved":
                changes.update(resolved_at=when, resolution_hours=_hours(received, when))
                if note.strip():
                    changes["resolution"] = note.strip()
            elif status == "replied":
                changes["replied_at"] = when
            elif status == "closed":
                changes["closed_at"] = when
                if satisfaction is not None:
                    changes["satisfaction"] = satisfaction
                if comment.strip():
                    changes["satisfaction_comment"] = comment.strip()
            elif row["status"] != "new":  # reopened: the resolution target starts again
                resolution_due = response_targets.deadlines(when, row["severity"], load_targets(),
                                                            load_working_day())[1]
                changes.update(resolved_at=None, replied_at=None, closed_at=None, resolution_hours=None,
                               resolution_due=resolution_due)
            changes["next_due"] = self._ahead(status, as_datetime(row["response_due"]), resolution_due)
            new_version = update_checked(Feedback, feedback_id, version, changes, self.user)
            if note.strip() and status != "resolved":
                stamp = current_time()
                ChangeLog.insert(table_name="feedback", record_id=feedback_id, field="note", old_value=None,
                                 new_value=note.strip(), changed_at=stamp, changed_by=self.user, created_at=stamp,
                                 updated_at=stamp, updated_by=self.user).execute()
            refresh_open_feedback(row["customer"])
            return new_version

    # -- settings ---------------------------------------------------------------------------------------------
    def targets(self) -> dict[str, dict[str, float]]:
        """Per severity: "response_hours" (working hours to the first response), "resolution_days"."""
        with self.db.session():
            return load_targets()

    def set_targets(self, values: dict[str, dict[str, Any]]) -> None:
        current = self.targets()
        merged = {severity: {**current.get(severity, {}), **limits} for severity, limits in values.items()}
        targets = response_targets.checked_targets({**current, **merged})
        text = json.dumps(targets)
        with self.db.write():
            Setting.insert(key=TARGETS_KEY, value=text, updated_by=self.user).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text, Setting.updated_by: self.user}).execute()

    # -- satisfaction and the report ----------------------------------------------------------------------------
    def satisfaction(self, customer_id: int, limit: int = 10) -> list[SatisfactionScore]:
        """The customer's latest scores, newest first: given at visits and when feedback was closed."""
        with self.db.session() as pw:
            rows = pw.execute_sql(
                "SELECT * FROM (SELECT v.planned_start AS at, v.satisfaction, 'visit', v.outcome, ct.name, s.name, "
                "v.kind, v.purpose FROM visit v LEFT JOIN contact ct ON ct.id = v.contact_id "
                "LEFT JOIN salesperson s ON s.id = v.salesperson_id "
                "WHERE v.customer_id = ? AND v.satisfaction IS NOT NULL AND v.deleted_at IS NULL "
                "UNION ALL SELECT coalesce(f.closed_at, f.updated_at), f.satisfaction, 'feedback', "
                "f.satisfaction_comment, ct.name, s.name, f.kind, f.description FROM feedback f "
                "LEFT JOIN contact ct ON ct.id = f.contact_id LEFT JOIN salesperson s ON s.id = f.owner_id "
                "WHERE f.customer_id = ? AND f.satisfaction IS NOT NULL AND f.deleted_at IS NULL) AS scores "
                "ORDER BY at DESC LIMIT ?", [customer_id, customer_id, limit]).fetchall()
        return [SatisfactionScore(as_stored_datetime(at), score, source, comment or "", given_by or "",
                                  recorded_by or "", kind or "", about or "")
                for at, score, source, comment, given_by, recorded_by, kind, about in rows]

    def report(self, start: dt.date, end: dt.date, now: dt.datetime | None = None) -> FeedbackReport:
        """Open feedback by owner (age, overdue) and, for feedback received from `start` to `end`, monthly counts
        by category with median response and resolution times."""
        made = now or current_time()
        with self.db.session() as pw:
            open_rows = pw.execute_sql(
                "SELECT coalesce(s.name, ''), f.id, c.name, f.received_at, f.category, f.severity, f.status, "
                "f.next_due FROM feedback f JOIN customer c ON c.id = f.customer_id "
                "LEFT JOIN salesperson s ON s.id = f.owner_id "
                f"WHERE f.deleted_at IS NULL AND f.status IN ({', '.join('?' * len(NOT_CLOSED))}) "
                "ORDER BY coalesce(s.name, '') = '', coalesce(s.name, ''), f.received_at, f.id",
                list(NOT_CLOSED)).fetchall()
            received = pw.execute_sql(
                "SELECT substr(received_at, 1, 7), category, response_hours, resolution_hours FROM feedback "
                "WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? ORDER BY 1, 2",
                [dt.datetime.combine(start, dt.time()), dt.datetime.combine(end + dt.timedelta(days=1), dt.time())],
            ).fetchall()
        open_items = []
        for owner, fid, customer, received_at, category, severity, status, next_due in open_rows:
            at = as_stored_datetime(received_at)
            due = as_datetime(next_due)
            open_items.append(OpenFeedbackRow(owner, fid, customer, at, category, severity, status,
                                              round((made - at).total_seconds() / 86400, 1),
                                              due is not None and due < made))
        groups: dict[tuple[str, str], list[tuple[float | None, float | None]]] = {}
        for month, category, response, resolution in received:
            groups.setdefault((month, category), []).append((response, resolution))
        monthly = []
        for (month, category), times in sorted(groups.items()):
            responses = [r for r, _ in times if r is not None]
            resolutions = [r for _, r in times if r is not None]
            monthly.append(MonthlyFeedbackRow(month, category, len(times),
                                              statistics.median(responses) if responses else None,
                                              statistics.median(resolutions) if resolutions else None))
        return FeedbackReport(start, end, made, open_items, monthly)
