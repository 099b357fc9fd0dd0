"""Updates that never overwrite a colleague's save silently, and leave a field-level change log behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keepclient.db.models import BaseModel, ChangeLog, now
from keepclient.domain.errors import ConflictError, RecordNotFoundError


def as_text(value: Any) -> str | None:
    """How a field value is written into the change log."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def current_row(model: type[BaseModel], record_id: int) -> dict[str, Any]:
    row = model.select().where(model.id == record_id).dicts().get_or_none()
    if row is None:
        raise RecordNotFoundError(table=model._meta.table_name, record_id=record_id)
    return row


def update_checked(
    model: type[BaseModel], record_id: int, expected_version: int, changes: dict[str, Any], user: str,
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> int:
    """Apply `changes` if the record is still at `expected_version`; returns the new version.

    Must run inside `Database.write()`. In a file its BEGIN IMMEDIATE makes the read and the write one atomic step;
    on a team server a colleague's transaction may save between them (READ COMMITTED), and the UPDATE, which
    waits for that save and then finds the row at another version, changes nothing: that is a conflict too.
    Raises ConflictError carrying both sides when someone saved in between. `derive(new_row)` returns columns
    computed from the saved values (search keys): written along, not logged as user changes.
    """
    row = current_row(model, record_id)
    if row["version"] != expected_version:
        raise ConflictError(
            table=model._meta.table_name, record_id=record_id, yours_version=expected_version,
            theirs_version=row["version"], yours=dict(changes), theirs=row,
        )
    diffs = {name: value for name, value in changes.items() if row[name] != value}
    if not diffs:
        return expected_version
    stamp = now()
    new_version = expected_version + 1
    derived = derive({**row, **diffs}) if derive else {}
    updated = model.update(**diffs, **derived, version=new_version, updated_at=stamp, updated_by=user).where(
        (model.id == record_id) & (model.version == expected_version)
    ).execute()
    if updated != 1:  # saved by a colleague after our read (a server), or gone
        theirs = current_row(model, record_id)
        raise ConflictError(
            table=model._meta.table_name, record_id=record_id, yours_version=expected_version,
            theirs_version=theirs["version"], yours=dict(changes), theirs=theirs,
        )
    ChangeLog.insert_many([
        {
            "table_name": model._meta.table_name, "record_id": record_id, "field": name,
            "old_value": as_text(row[name]), "new_value": as_text(value), "changed_at": stamp,
            "changed_by": user, "created_at": stamp, "updated_at": stamp, "updated_by": user,
            "uuid": ChangeLog.uuid.default(),
        }
        for name, value in diffs.items()
    ]).execute()
    return new_version
