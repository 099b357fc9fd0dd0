"""Automatic backups with rotation, the list of backups, and restoring one. No Qt: the window and the CLI share it.

Where: a `backups` folder beside the database (for a shared database, beside it on the share, so every colleague
takes and sees the same backups). Names carry the time and the reason:
`<stem>-YYYYmmdd-HHMMSS-<reason>[-n]<suffix>`, e.g. `crm-20261123-091500-daily.db` (`-2`, `-3` when a name is
taken). The schema upgrade's copy keeps its own name beside the database (`<stem>.before-upgrade-vN-<stamp>`).

When (so a bad day costs at most a day's work, and no single action can lose more than it changed):
- the first open of a day: `daily_backup` (Workspace.daily_backup, called by the window after opening and by the
  CLI before commands that change data);
- before every import (ImportService.run) and before emptying the trash (`before("empty-trash", db)`);
- before a schema upgrade (db/migrations.backup_before_upgrade, through the same verified `copy_database`);
- before a restore replaces the database (`restore_backup` takes a final copy first);
- by hand (`keepclient backup`, File › Backup).

Rotation (after each automatic backup) keeps the newest backup of each of the newest `daily` days (default 10)
that have one, and of those older, the newest backup of each of the `weekly` (default 4) most recent ISO weeks.
Only the automatic reasons in ROTATED are ever deleted: manual backups, pre-upgrade copies and the copies taken
before a restore stay until someone deletes them. The retention is a team setting in the database.

Every copy is whole or absent: copy_database writes beside the target, checks the copy's integrity and renames it
only then. Clocks are injected (`now=`) so tests never depend on today's date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from keepclient.db import migrations, team_settings
from keepclient.db.connection import Database
from keepclient.db.files import TEMP_SUFFIX, remove_quietly, sync_folder, temp_path_for, written_atomically
from keepclient.db.models import Customer
from keepclient.domain.errors import (
    QT_TRANSLATE_NOOP,
    CopyCheckFailedError,
    DamagedBackupError,
    DatabaseBusyError,
    DatabaseMissingError,
    ForeignBackupError,
    SchemaTooNewError,
    StorageError,
    TargetExistsError,
    ValidationError,
)

FOLDER = "backups"
STAMP = "%Y%m%d-%H%M%S"
RETENTION_KEY = "backups.keep"
DAILY, MANUAL = "daily", "manual"
BEFORE_IMPORT, BEFORE_EMPTY_TRASH = "before-import", "before-empty-trash"
BEFORE_RESTORE, BEFORE_UPGRADE = "before-restore", "before-upgrade"
ROTATED = frozenset({DAILY, BEFORE_IMPORT, BEFORE_EMPTY_TRASH})  # everything else is kept until deleted by hand
BEFORE_REASONS = ("import", "empty-trash")
REASON_LABELS = {  # what the window's list and `keepclient backups` show for a reason (context "backups")
    DAILY: QT_TRANSLATE_NOOP("backups", "daily"),
    MANUAL: QT_TRANSLATE_NOOP("backups", "manual"),
    BEFORE_IMPORT: QT_TRANSLATE_NOOP("backups", "before an import"),
    BEFORE_EMPTY_TRASH: QT_TRANSLATE_NOOP("backups", "before emptying the trash"),
    BEFORE_RESTORE: QT_TRANSLATE_NOOP("backups", "before a restore"),
    BEFORE_UPGRADE: QT_TRANSLATE_NOOP("backups", "before an upgrade"),
}
STALE_TEMP_SECONDS = 24 * 3600  # a temporary copy this old was left by a killed backup: nobody is writing it
_SIDE_FILES = ("-journal", "-wal", "-shm")


@dataclass(frozen=True)
class Retention:
    """How many automatic backups rotation keeps: one per day for `daily` days, then one per ISO week."""

    daily: int = 10
    weekly: int = 4


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the window and `keepclient backups` list it."""

    path: Path
    taken_at: dt.datetime
    size: int
    customers: int | None  # customers not in the trash; None when the file cannot be read
    reason: str  # a key of REASON_LABELS (an unknown reason from a newer keepclient is shown as it is)


@dataclass(frozen=True)
class RestoreResult:
    path: Path  # the database file that now holds the backup's data
    final_backup: Path | None  # the copy of the replaced database taken first; None for `to=` or no file there
    customers: int | None
    schema_version: int


@dataclass(frozen=True)
class _Found:
    path: Path
    taken_at: dt.datetime
    reason: str
    number: int


def backups_folder(db_path: Path) -> Path:
    return Path(db_path).absolute().parent / FOLDER


def _suffix(db_path: Path) -> str:
    return db_path.suffix or ".db"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(db_path.stem)}-(?P<stamp>\d{{8}}-\d{{6}})"
                      rf"(?:-(?P<reason>[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*))?(?:-(?P<n>\d+))?"
                      rf"{re.escape(_suffix(db_path))}")


def _upgrade_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(db_path.stem)}\.before-upgrade-v\d+-(?P<stamp>\d{{8}}-\d{{6}})"
                      rf"{re.escape(_suffix(db_path))}")


def backup_name(db_path: Path, reason: str, when: dt.datetime, number: int = 1) -> str:
    tail = f"-{number}" if number > 1 else ""
    return f"{db_path.stem}-{when.strftime(STAMP)}-{reason}{tail}{_suffix(db_path)}"


def _scan(db_path: Path) -> list[_Found]:
    """The backups of the database at `db_path`, newest first, read from their names only."""
    db_path = Path(db_path).absolute()
    found: list[_Found] = []
    ours, upgrades = _pattern(db_path), _upgrade_pattern(db_path)
    for folder, ours_here in ((backups_folder(db_path), True), (db_path.parent, False)):
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
        except OSError:
            continue
        for name in names:
            match = upgrades.fullmatch(name)
            reason = BEFORE_UPGRADE
            if match is None and ours_here:
                match = ours.fullmatch(name)
                reason = (match.group("reason") or MANUAL) if match else ""
                reason = next((known for known in (BEFORE_UPGRADE, BEFORE_RESTORE) if reason.startswith(known)),
                              reason)  # "before-restore-raw": the raw copy of a damaged file
            if match is None:
                continue
            try:
                taken = dt.datetime.strptime(match.group("stamp"), STAMP)
            except ValueError:
                continue
            number = int(match.groupdict().get("n") or 1)
            found.append(_Found(folder / name, taken, reason, number))
    found.sort(key=lambda f: (f.taken_at, f.number, f.path.name), reverse=True)
    return found


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of the database at `db_path` (its backups folder and the pre-upgrade copies beside it),
    newest first. Each file is opened read-only to count its customers; None where that fails."""
    infos = []
    for found in _scan(db_path):
        try:
            size = found.path.stat().st_size
        except OSError:  # deleted meanwhile (a colleague's rotation)
            continue
        infos.append(BackupInfo(found.path, found.taken_at, size, _customers(found.path), found.reason))
    return infos


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, not even side files: backups are not written by anyone once named."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _customers(path: Path) -> int | None:
    try:
        conn = _read_only(path)
        try:
            return int(conn.execute("SELECT count(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None


def retention(db: Database) -> Retention:
    """The team's retention setting (defaults when missing or damaged: a bad setting must not stop backups)."""
    with db.session():
        values = team_settings.read(RETENTION_KEY)
    if values is None:
        return Retention()
    try:
        return _checked(int(values.get("daily", Retention.daily)), int(values.get("weekly", Retention.weekly)))
    except (ValueError, TypeError, AttributeError, ValidationError):
        return Retention()


def _checked(daily: int, weekly: int) -> Retention:
    if not 1 <= daily <= 366:
        raise ValidationError(field="daily", value=daily)
    if not 0 <= weekly <= 520:
        raise ValidationError(field="weekly", value=weekly)
    return Retention(daily, weekly)


def set_retention(db: Database, user: str, *, daily: int | None = None, weekly: int | None = None) -> Retention:
    """Change how many automatic backups are kept (daily at least 1, weekly 0 or more); applies at the next
    rotation."""
    current = retention(db)
    chosen = _checked(current.daily if daily is None else daily, current.weekly if weekly is None else weekly)
    with db.write():
        team_settings.write(RETENTION_KEY, {"daily": chosen.daily, "weekly": chosen.weekly}, user)
    return chosen


def take_backup(db_path: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """A verified copy of the database at `db_path` in its backups folder, named for `reason` and `now`."""
    db_path = Path(db_path).absolute()
    when = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backups_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(path=str(folder), reason=exc.strerror or str(exc)) from exc
    number = 1
    while (folder / backup_name(db_path, reason, when, number)).exists():
        number += 1
    target = folder / backup_name(db_path, reason, when, number)
    copy_verified(db_path, target)
    return target


def copy_verified(source: Path, target: Path) -> None:
    """copy_database with SQLite's errors typed: the disk refusing is a StorageError naming the copy, a source
    SQLite cannot read whole is a CopyCheckFailedError naming the source."""
    try:
        migrations.copy_database(source, target)
    except sqlite3.Error as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseBusyError() from exc
        if any(needle in text for needle in ("disk is full", "disk i/o error", "unable to open", "readonly")):
            raise StorageError(path=str(target), reason=str(exc)) from exc
        raise CopyCheckFailedError(source=str(source), reason=str(exc)) from exc


def rotate(db_path: Path, keep: Retention) -> list[Path]:
    """Delete the automatic backups `keep` does not cover (see the module's docstring); returns what went.
    Temporary copies left by a killed backup more than a day ago go too."""
    automatic = [found for found in _scan(db_path) if found.reason in ROTATED]
    newest_per_day: dict[dt.date, Path] = {}
    for found in automatic:  # newest first, so the first seen of a day is its newest
        newest_per_day.setdefault(found.taken_at.date(), found.path)
    days = list(newest_per_day.items())
    kept = {path for _day, path in days[:keep.daily]}
    newest_per_week: dict[tuple[int, int], Path] = {}
    for day, path in days[keep.daily:]:
        newest_per_week.setdefault(day.isocalendar()[:2], path)
    kept.update(list(newest_per_week.values())[:keep.weekly])
    gone = [found.path for found in automatic if found.path not in kept]
    remove_quietly(*gone)  # a colleague's rotation may have removed some already
    _remove_stale_temps(Path(db_path).absolute())
    return gone


def _remove_stale_temps(db_path: Path) -> None:
    folder = backups_folder(db_path)
    limit = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(f".{db_path.stem}-") and (TEMP_SUFFIX in name):
            try:
                if entry.stat().st_mtime < limit:
                    remove_quietly(Path(entry.path))
            except OSError:
                continue


def before(reason: str, db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """Back up before a risky action ("import", "empty-trash"), then rotate. Raises (StorageError,
    CopyCheckFailedError) when no backup could be taken: the caller should then not go ahead. None for a team
    server: its backups are the server's own (pg_dump), and an import there is undone from its history."""
    if reason not in BEFORE_REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if db.engine != "sqlite":
        return None
    target = take_backup(db.path, f"before-{reason}", now=now)
    rotate(db.path, retention(db))
    return target


def daily_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """The day's backup, unless one (of any reason) was already taken today or the database holds no customers
    yet; then rotation. Returns the new backup or None. Reads every page of the database once (seconds for a
    large one): the window calls it off the GUI thread (then `db.release_thread()`)."""
    if db.engine != "sqlite":  # a team server is backed up on the server (pg_dump)
        return None
    when = now or dt.datetime.now()
    if any(found.taken_at.date() == when.date() for found in _scan(db.path)):
        return None
    with db.session():
        if not Customer.select().exists():
            return None
    target = take_backup(db.path, DAILY, now=when)
    rotate(db.path, retention(db))
    return target


def verify_backup(path: Path) -> tuple[int, int | None]:
    """Check a file before restoring it: a whole, healthy keepclient database this version can open.

    Returns (schema version, customers). Raises DatabaseMissingError, DamagedBackupError (not SQLite, truncated,
    failing integrity_check), ForeignBackupError (another program's database) or SchemaTooNewError.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError as exc:
        raise DatabaseMissingError(path=str(path)) from exc
    except OSError as exc:
        raise StorageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    if size == 0:
        raise DamagedBackupError(path=str(path), reason="0 bytes")
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise DamagedBackupError(path=str(path), reason="no SQLite header")
    try:
        problems = migrations.integrity_problems(path)
        conn = _read_only(path)
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DamagedBackupError(path=str(path), reason=str(exc)) from exc
    if problems:
        raise DamagedBackupError(path=str(path), reason="; ".join(problems[:3]))
    if app_id != migrations.APPLICATION_ID or version < 1:
        raise ForeignBackupError(path=str(path))
    if version > migrations.LATEST:
        raise SchemaTooNewError(path=str(path), found=version, known=migrations.LATEST)
    return version, _customers(path)


def copy_to_new_file(source: Path, target: Path) -> None:
    """A verified copy of the database at `source` as `target`, a file that must not exist yet (its folder is
    made when missing): a backup or a restore never overwrites anything."""
    if target.exists():
        raise TargetExistsError(path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(path=str(target), reason=exc.strerror or str(exc)) from exc
    copy_verified(source, target)


def restore_backup(backup: Path, *, to: Path | None = None, current: Database | Path | None = None,
                   now: dt.datetime | None = None) -> RestoreResult:
    """Bring a backup back, after checking it (verify_backup): nothing is changed when it is refused.

    `to`: a new database file (it must not exist). `current`: the database to replace (an open Database or its
    path); a final backup of it is taken first (a raw copy when it is too damaged to copy with SQLite), the backup
    is copied to a temporary file beside it and checked, the old -wal/-shm/-journal side files are removed (they
    belong to the old file: SQLite would replay them into the restored one), and the copy is renamed over it.

    The caller closes every connection to `current` first (Workspace.close; a Database passed here has this
    thread's connection closed), and nobody else may have it open: replacing the file under an open connection
    makes that connection write into the old, unlinked file.
    """
    backup = Path(backup).expanduser().absolute()
    version, customers = verify_backup(backup)
    if to is not None:
        to = Path(to).expanduser().absolute()
        copy_to_new_file(backup, to)
        return RestoreResult(to, None, customers, version)
    if current is None:
        raise ValueError("restore_backup needs `to` or `current`")
    if isinstance(current, Database):
        current.close()
        db_path = current.path
    else:
        db_path = Path(current).expanduser().absolute()
    final = final_backup(db_path, now=now)
    staged = temp_path_for(db_path)
    try:
        copy_verified(backup, staged)
        try:
            for side in _SIDE_FILES:
                db_path.with_name(db_path.name + side).unlink(missing_ok=True)
            os.replace(staged, db_path)
        except OSError as exc:
            raise StorageError(path=str(db_path), reason=exc.strerror or str(exc)) from exc
        sync_folder(db_path.parent)
    finally:
        remove_quietly(staged)
    return RestoreResult(db_path, final, customers, version)


def final_backup(db_path: Path, *, now: dt.datetime | None = None) -> Path | None:
    """The copy of a database taken before a restore replaces it: verified when SQLite can copy it, else the raw
    bytes (with its -wal or -journal beside the copy) so even a damaged file is never lost. None when there is no
    file or an empty one."""
    try:
        if db_path.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(path=str(db_path), reason=exc.strerror or str(exc)) from exc
    try:
        return take_backup(db_path, BEFORE_RESTORE, now=now)
    except CopyCheckFailedError:
        pass  # too damaged (or not SQLite at all) for SQLite to copy whole: keep its bytes as they are
    when = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backups_folder(db_path)
    number = 1
    while (folder / backup_name(db_path, f"{BEFORE_RESTORE}-raw", when, number)).exists():
        number += 1
    target = folder / backup_name(db_path, f"{BEFORE_RESTORE}-raw", when, number)
    for side in ("-wal", "-journal"):  # side files first: the main file's name appears last, complete
        source = db_path.with_name(db_path.name + side)
        if source.exists() and source.stat().st_size > 0:
            _raw_copy(source, target.with_name(target.name + side))
    _raw_copy(db_path, target)
    return target


def _raw_copy(source: Path, target: Path) -> None:
    try:
        with source.open("rb") as src, written_atomically(target) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    except OSError as exc:
        raise StorageError(path=str(target), reason=exc.strerror or str(exc)) from exc


__all__ = ["BackupInfo", "RestoreResult", "Retention", "before", "daily_backup", "list_backups", "restore_backup",
           "retention", "rotate", "set_retention", "take_backup", "verify_backup"]
