"""What an import creates besides customers and contacts, and the journal that lets undo take it all back.

Owners named in the file are matched to the team's salespeople by name or code; unknown names become salespeople
(listed in the preview, removed again by undo). Tags are created as needed and linked. Every created range and every
updated record's before-image goes into the batch's ImportRecord rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from peewee import SqliteDatabase

from keepclient.db import bulk
from keepclient.db.models import new_uuid
from keepclient.domain.normalize import normalize_name
from keepclient.importing.rows import PlannedCustomer

RECORD_COLUMNS = ("uuid", "created_at", "updated_at", "updated_by", "version", "batch_id", "table_name", "record_id",
                  "action", "before")
_RECORD_SQL = f'INSERT INTO "import_record" ({", ".join(RECORD_COLUMNS)}) VALUES ({", ".join("?" * 10)})'


class Journal:
    """The ImportRecord rows of one batch, written together at the end of the run."""

    def __init__(self, batch: int, user: str, stamp: dt.datetime) -> None:
        self.batch, self.user, self.stamp = batch, user, stamp
        self.rows: list[tuple[Any, ...]] = []  # ImportRecord columns, in _RECORD_SQL order

    def created(self, table: str, first: int, last: int) -> None:
        """Rows `first`..`last` of `table` were created (consecutive ids: one record names the whole range)."""
        if last >= first:
            self._add(table, first, "created", json.dumps({"last": last}))

    def updated(self, table: str, record_id: int, version: int, before: dict[str, Any]) -> None:
        image = json.dumps({"version": version, "values": before}, default=str, ensure_ascii=False)
        self._add(table, record_id, "updated", image)

    def _add(self, table: str, record_id: int, action: str, before: str) -> None:
        self.rows.append((new_uuid(), self.stamp, self.stamp, self.user, 1, self.batch, table, record_id, action,
                          before))

    def write(self, pw: SqliteDatabase) -> None:
        bulk.execute_many(pw, _RECORD_SQL, self.rows)


def salespeople(pw: SqliteDatabase, new_names: Sequence[str], journal: Journal) -> Owners:
    """Every owner name the file may use -> salesperson id: the team's names and codes (any case or width), and
    the new names, created now with a free code each."""
    owners = Owners()
    codes: set[str] = set()
    for sid, name, code in pw.execute_sql("SELECT id, name, code FROM salesperson ORDER BY active DESC, id DESC"):
        owners[normalize_name(name)] = sid
        owners.setdefault(normalize_name(code), sid)
        codes.add(code)
    created: list[int] = []
    number = len(codes) + 1
    for name in new_names:
        if normalize_name(name) in owners:
            continue
        while f"S{number:02d}" in codes:
            number += 1
        code = f"S{number:02d}"
        codes.add(code)
        (sid,) = pw.execute_sql(
            "INSERT INTO salesperson (uuid, created_at, updated_at, updated_by, version, name, code, color, email, "
            "active) VALUES (?, ?, ?, ?, 1, ?, ?, '#4e79a7', '', TRUE) RETURNING id",
            (new_uuid(), journal.stamp, journal.stamp, journal.user, name, code)).fetchone()
        owners[normalize_name(name)] = sid
        created.append(sid)
    for sid in created:
        journal.created("salesperson", sid, sid)
    return owners


class Owners(dict[str, int]):
    """Owner name as written -> salesperson id, looked up by its normalized form."""

    def get(self, name: Any, default: Any = None) -> Any:
        return super().get(normalize_name(name) if name else "", default)


class TagSetter:
    """Links customers to tags by name, creating the tags the team does not have yet (recorded for undo)."""

    def __init__(self, pw: SqliteDatabase, journal: Journal) -> None:
        self.pw, self.journal = pw, journal
        self.ids: dict[str, int] | None = None

    def _id(self, name: str) -> int:
        if self.ids is None:
            self.ids = {normalize_name(n): i for i, n in self.pw.execute_sql("SELECT id, name FROM tag")}
        key = normalize_name(name)
        if key not in self.ids:
            (tid,) = self.pw.execute_sql(
                "INSERT INTO tag (uuid, created_at, updated_at, updated_by, version, name, color) "
                "VALUES (?, ?, ?, ?, 1, ?, '') RETURNING id", (new_uuid(), self.journal.stamp, self.journal.stamp,
                                                                self.journal.user, name)).fetchone()
            self.ids[key] = tid
            self.journal.created("tag", tid, tid)
        return self.ids[key]

    def current(self, customer_id: int) -> tuple[str, ...]:
        return tuple(name for (name,) in self.pw.execute_sql(
            "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id = ? "
            "ORDER BY t.name", (customer_id,)))

    def replace(self, customer_id: int, names: Iterable[str]) -> None:
        self.pw.execute_sql("DELETE FROM customer_tag WHERE customer_id = ?", (customer_id,))
        self._link([(customer_id, name) for name in names])

    def add_new(self, customers: Sequence[PlannedCustomer], first_id: int) -> None:
        """Tag the customers just created (ids from `first_id` in order)."""
        self._link([(first_id + index, name) for index, customer in enumerate(customers)
                    for name in customer.fields.get("tags", ())])

    def _link(self, pairs: list[tuple[int, str]]) -> None:
        stamp, user = self.journal.stamp, self.journal.user
        rows = {(cid, self._id(name)) for cid, name in pairs}
        bulk.execute_many(
            self.pw, "INSERT INTO customer_tag (uuid, created_at, updated_at, updated_by, version, customer_id, "
            "tag_id) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING",
            [(new_uuid(), stamp, stamp, user, cid, tid) for cid, tid in rows])
