"""Who else has the database open: one presence row per open window, refreshed by a heartbeat.

Presence is a courtesy, never a reason to stop work: its writes take no versions and no change log, never wait
for a colleague's write lock (a busy heartbeat is skipped; the next one comes soon), and failures are swallowed.
"""

from __future__ import annotations

import datetime as dt
import platform
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from peewee import DatabaseError as PeeweeDatabaseError

from keepclient.db.connection import Database
from keepclient.db.models import Presence, new_uuid
from keepclient.db.models import now as local_now
from keepclient.domain.errors import KeepclientError

STALE_AFTER = dt.timedelta(minutes=1)  # a window that missed three heartbeats has gone (crashed, unplugged)
FORGET_AFTER = dt.timedelta(days=1)  # stale rows are deleted by the next check-in after this long


@dataclass(frozen=True)
class Present:
    """A colleague's open window."""

    who: str
    machine: str
    since: dt.datetime
    seen_at: dt.datetime


def this_machine() -> str:
    return platform.node() or "?"


class PresenceService:
    """This window's presence row (`session` is its uuid) and everyone else's."""

    def __init__(self, db: Database, clock: Callable[[], dt.datetime] = local_now) -> None:
        self.db = db
        self.clock = clock
        self.session = new_uuid()
        self._since: dt.datetime | None = None

    def checkin(self, who: str, machine: str | None = None) -> bool:
        """Say (again) that `who` has the database open on `machine`; False when skipped (busy, read-only)."""
        stamp = self.clock().replace(microsecond=0)
        since = self._since or stamp
        row = {"who": who, "machine": machine or this_machine(), "since": since, "seen_at": stamp,
               "updated_at": stamp, "updated_by": who}
        ok = self._write_quickly(lambda: (
            Presence.insert(uuid=self.session, created_at=stamp, **row).on_conflict(
                conflict_target=[Presence.uuid], update=row).execute(),
            Presence.delete().where(Presence.seen_at < stamp - FORGET_AFTER).execute(),
        ))
        if ok:
            self._since = since
        return ok

    def checkout(self) -> bool:
        """Remove this window's row (closing); a failure only means colleagues see it until it goes stale."""
        if self._since is None:
            return True
        ok = self._write_quickly(lambda: Presence.delete().where(Presence.uuid == self.session).execute())
        if ok:
            self._since = None
        return ok

    def others(self, now: dt.datetime | None = None) -> list[Present]:
        """Everyone else with a fresh heartbeat, longest there first; [] when the database cannot be read now."""
        at = now or self.clock()
        query = (Presence.select(Presence.who, Presence.machine, Presence.since, Presence.seen_at)
                 .where((Presence.seen_at >= at - STALE_AFTER) & (Presence.uuid != self.session))
                 .order_by(Presence.since, Presence.who))
        try:
            with self.db.session():
                return [Present(*row) for row in query.tuples()]
        except (KeepclientError, sqlite3.Error, PeeweeDatabaseError):
            return []

    def _write_quickly(self, work: Callable[[], object]) -> bool:
        """One short write transaction that does not wait for the lock: busy or read-only means skip."""
        try:
            with self.db.session() as pw:
                if pw.in_transaction():
                    return False  # never ride along in someone else's transaction on this thread
                if self.db.engine != "sqlite":  # a server locks rows, not the database: wait a moment at most
                    with pw.atomic():
                        pw.execute_sql("SET LOCAL lock_timeout = '200ms'")
                        work()
                    return True
                conn = pw.connection()
                waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
                conn.execute("PRAGMA busy_timeout = 0")
                try:
                    with pw.atomic():  # BEGIN IMMEDIATE (the database's lock_type): fails at once when busy
                        work()
                finally:
                    conn.execute(f"PRAGMA busy_timeout = {int(waited)}")
        except (KeepclientError, sqlite3.Error, PeeweeDatabaseError):
            return False
        return True

