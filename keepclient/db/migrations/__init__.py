"""Ordered schema steps. Each step is frozen SQL or Python of its own and never imports the live models.

The schema version lives in `PRAGMA user_version` (and in the schema_info table for people reading the file);
`PRAGMA application_id` marks the file as keepclient's. Steps are listed here explicitly, not discovered by
globbing, so packagers (PyInstaller) ship every one of them.
"""

from __future__ import annotations

import datetime as dt
import glob
import sqlite3
import uuid
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from keepclient.db.files import replaced_atomically
from keepclient.db.migrations import (
    m0001_initial,
    m0002_search_keys,
    m0003_search_index,
    m0004_contact_search_indexes,
    m0005_visit_series,
    m0006_feedback_targets,
    m0007_presence,
    m0008_orders,
    m0009_insights,
    m0010_order_totals,
    m0011_lunar_birthdays,
    m0012_targets,
    m0013_gifts,
    m0014_kpi_figures,
    m0015_visit_reminders,
    m0016_visit_figures,
)
from keepclient.domain.errors import CopyCheckFailedError, StorageError

APPLICATION_ID = 0x4B434C54  # "KCLT"
STEPS: tuple[ModuleType, ...] = (m0001_initial, m0002_search_keys, m0003_search_index,
                                 m0004_contact_search_indexes, m0005_visit_series,
                                 m0006_feedback_targets, m0007_presence, m0008_orders, m0009_insights,
                                 m0010_order_totals, m0011_lunar_birthdays,
                                 m0012_targets, m0013_gifts, m0014_kpi_figures, m0015_visit_reminders,
                                 m0016_visit_figures)
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
    """Copy the file with SQLite's backup API (consistent even while others read it) before changing it.

    An upgrade that failed (a full disk) left the file as it was and its backup beside it: a retry reuses that
    backup instead of adding one copy per attempt.
    """
    earlier = earlier_upgrade_backup(path, version)
    if earlier is not None:
        return earlier
    target = backup_path_for(path, version)
    try:
        copy_database(path, target)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(path=str(target), reason=str(exc)) from exc
    return target


# Header bytes a copy may differ in without differing in content: journal mode (18-19), change counter (24-27),
# schema cookie (40-43: the backup API bumps it; the schema itself is in page 1, compared), the counter's
# "version valid for" (92-95).
_VOLATILE_HEADER = (range(18, 20), range(24, 28), range(40, 44), range(92, 96))


def earlier_upgrade_backup(path: Path, version: int) -> Path | None:
    """A complete pre-upgrade backup of schema `version` whose pages equal the file's now, if one exists.

    Compared byte by byte (cheaper than writing a new copy); only when the file has no write-ahead log content,
    else its pages on disk are not all of it and a fresh copy is taken.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    pattern = f"{glob.escape(path.stem)}.before-upgrade-v{version}-*{glob.escape(path.suffix or '.db')}"
    for candidate in sorted(path.parent.glob(pattern), reverse=True):
        if _same_pages(path, candidate):
            return candidate
    return None


def _same_pages(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with a.open("rb") as first, b.open("rb") as second:
            head_a, head_b = bytearray(first.read(100)), bytearray(second.read(100))
            for span in _VOLATILE_HEADER:
                for i in span:
                    head_a[i] = head_b[i] = 0
            if head_a != head_b:
                return False
            while True:
                chunk = first.read(1 << 20)
                if chunk != second.read(1 << 20):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def copy_database(source: Path, target: Path) -> None:
    """A consistent, verified copy of a live database file that appears under `target` only when it is whole.

    SQLite's backup API copies the pages (consistent even while colleagues write) into a temporary file beside
    `target`; the copy is switched to a rollback journal (a backup then has no -wal/-shm side files and opens
    read-only anywhere), must pass PRAGMA integrity_check read back from the file, is synced to the disk and only
    then renamed to `target`. A kill, a crash or a full disk thus never leaves a file under `target` that is not a
    whole, healthy database. Raises CopyCheckFailedError when the copy fails the check, TargetExistsError when
    `target` exists, StorageError when the disk refuses, sqlite3.Error when SQLite cannot read or write.
    """
    with replaced_atomically(target, overwrite=False) as temp:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            dst = sqlite3.connect(str(temp), isolation_level=None)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problems = integrity_problems(temp)
        if problems:
            raise CopyCheckFailedError(source=str(source), reason="; ".join(problems[:3]))


def integrity_problems(path: Path) -> list[str]:
    """What PRAGMA integrity_check finds in a database file that nobody writes to (a backup, a copy), read
    through a fresh read-only connection; empty when the file is healthy."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(10)")]
    finally:
        conn.close()
    return [] if problems == ["ok"] else problems
