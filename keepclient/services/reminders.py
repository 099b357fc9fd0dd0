"""Reminders of planned visits and calls (issue 17): which come due between two instants, for whom.

A visit's reminder is `remind_minutes` before its start (None: no reminder); it is set and changed with the visit
itself (VisitService.plan and update: one version-checked write). Times are the database's naive wall-clock times
of the office (as everywhere in keepclient; the .ics export writes them in this computer's zone), so the instants
asked about are naive local times too.

Which reminders a user has already been shown is not a fact of the database but of one person on one computer:
the window keeps "reminded up to" in the user's preferences and asks for the reminders due since then. Pure
Python: the window's scheduler (ui/reminders.py) owns the timer and the notifications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from keepclient.db.connection import Database
from keepclient.services.visits import MAX_REMIND_MINUTES

DEFAULT_REMIND_MINUTES = 15  # a new visit's reminder until the user chooses another default
REMINDER_CHOICES: tuple[int | None, ...] = (None, 5, 15, 30, 60, 24 * 60)  # what the dialogs offer
MISSED_DAYS = 7  # at start, reminders missed while keepclient was closed are listed back this far at most
LISTED = 200  # at most this many reminders are read at once (a list nobody reads further)


class Reminder(NamedTuple):
    """One reminder to show: when it is due and what the visit is (names as the calendar shows them)."""

    visit_id: int
    due_at: dt.datetime  # the visit's start minus its reminder
    start: dt.datetime
    minutes: int  # the visit's duration
    kind: str
    customer_id: int
    customer: str
    contact: str
    salesperson_id: int | None
    salesperson: str
    purpose: str
    location: str  # the visit's location, else the customer's address
    remind_minutes: int

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


_SQL = """
SELECT v.id, v.planned_start, v.duration_minutes, v.kind, v.customer_id, c.name, coalesce(k.name, ''),
       v.salesperson_id, coalesce(s.name, ''), v.purpose, coalesce(nullif(v.location, ''), c.address, ''),
       v.remind_minutes
FROM visit v
JOIN customer c ON c.id = v.customer_id
LEFT JOIN contact k ON k.id = v.contact_id
LEFT JOIN salesperson s ON s.id = v.salesperson_id
WHERE v.deleted_at IS NULL AND v.status = 'planned' AND v.remind_minutes IS NOT NULL AND c.deleted_at IS NULL
  AND v.planned_start > ? AND v.planned_start <= ?{people}
ORDER BY v.planned_start, v.id
"""


def _reminder(row: Sequence[Any]) -> Reminder:
    visit_id, start, minutes, kind, customer_id, customer, contact, sp_id, sp, purpose, location, remind = row
    start = start if isinstance(start, dt.datetime) else dt.datetime.fromisoformat(str(start))
    return Reminder(visit_id, start - dt.timedelta(minutes=int(remind)), start, int(minutes), kind, customer_id,
                    customer, contact, sp_id, sp, purpose, location or "", int(remind))


def _wall(moment: dt.datetime) -> dt.datetime:
    """A naive wall-clock time of this computer (the database's times), whole seconds."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


class ReminderService:
    """Read-only: the reminders of planned visits due in a span of time."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def due(self, after: dt.datetime, until: dt.datetime, salesperson_id: int | None,
            limit: int = LISTED) -> list[Reminder]:
        """Reminders due in (after, until] of the planned visits of `salesperson_id` (None: the whole team's, as
        the status bar counts while the user has not said who they are), earliest first, at most `limit`.

        Visits in the trash, of customers in the trash, and those done, missed or cancelled remind nobody."""
        after, until = _wall(after), _wall(until)
        if until <= after:
            return []
        people, params = ("", []) if salesperson_id is None else (" AND v.salesperson_id = ?", [salesperson_id])
        # a reminder is due at most MAX_REMIND_MINUTES before its visit: the visits starting in this span hold them
        last_start = until + dt.timedelta(minutes=MAX_REMIND_MINUTES)
        with self.db.session() as pw:
            rows = pw.execute_sql(_SQL.format(people=people), [after, last_start, *params]).fetchall()
        found = [r for r in map(_reminder, rows) if after < r.due_at <= until]
        found.sort(key=lambda r: (r.due_at, r.start, r.visit_id))
        return found[:limit]

    def missed(self, since: dt.datetime | None, now: dt.datetime, salesperson_id: int | None) -> list[Reminder]:
        """The reminders that came due while keepclient was not running: since `since` (the last instant the user
        was reminded up to; None the first time ever: nothing is missed), at most MISSED_DAYS back."""
        if since is None:
            return []
        return self.due(max(since, now - dt.timedelta(days=MISSED_DAYS)), now, salesperson_id)
