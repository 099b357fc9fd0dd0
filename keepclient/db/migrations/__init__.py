"""Ordered schema steps. Each step is frozen SQL or Python of its own and never imports the live models.

The schema version lives in `PRAGMA user_version` (and in the schema_info table for people reading the file);
`PRAGMA application_id` marks the file as keepclient's. Steps are listed here explicitly, not discovered by
globbing, so packagers (PyInstaller) ship every one of them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from keepclient.db.migrations import (
    m0001_initial,
    m0002_search_keys,
    m0003_search_index,
    m0004_contact_search_indexes,
    m0005_visit_series,
    m0006_feedback_targets,
)
from keepclient.domain.errors import StorageError

APPLICATION_ID = 0x4B434C54  # "KCLT"
STEPS: tuple[ModuleType, ...] = (m0001_initial, m0002_search_keys, m0003_search_index,
                                 m0004_contact_search_indexes, m0005_visit_series,
                                 m0006_feedback_targets)
LATEST = len(STEPS)


def upgrade(db: SqliteDatabase, current: int, app_version: str, target: int = LATEST) -> None:
    """Apply the steps after `current` up to `target`; the caller holds one write transaction around it."""
    for step in STEPS[current:target]:
        step.up(db)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute_sql(f"PRAGMA user_version = {target}")
    now = dt.datetime.now().replace(microsecond=0)
    db.execute_sql("DELETE FROM schema_info")
    db.execute_sql(
        "INSERT INTO schema_info (uuid, created_at, updated_at, updated_by, version, schema_version, "
        "app_version, migrated_at) VALUES (?, ?, ?, '', 1, ?, ?, ?)",
        (str(uuid.uuid4()), now, now, target, app_version, now),
    )


def backup_path_for(path: Path, version: int, when: dt.datetime | None = None) -> Path:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-upgrade-v{version}-{stamp}{path.suffix or '.db'}")


def backup_before_upgrade(path: Path, version: int) -> Path:
    """Copy the file with SQLite's backup API (consistent even while others read it) before changing it."""
    target = backup_path_for(path, version)
    try:
        copy_database(path, target)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(path=str(target), reason=str(exc)) from exc
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database file, via the SQLite backup API."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
