"""Backups and health checks of a database file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from keepclient.db.connection import Database
from keepclient.db.models import ALL_MODELS, SchemaInfo
from keepclient.domain.errors import ServerBackupError
from keepclient.domain.types import CheckReport
from keepclient.services import backups


def default_backup_path(db_path: Path, when: dt.datetime | None = None) -> Path:
    """backups/<name>-YYYYmmdd-HHMMSS-manual.db beside the database (a free name: -2, -3 … within one second)."""
    when = (when or dt.datetime.now()).replace(microsecond=0)
    folder = backups.backups_folder(db_path)
    number = 1
    while (folder / backups.backup_name(db_path, backups.MANUAL, when, number)).exists():
        number += 1
    return folder / backups.backup_name(db_path, backups.MANUAL, when, number)


def backup(db: Database, dest: Path | None = None) -> Path:
    """A consistent, verified copy of the live database (SQLite backup API), safe while colleagues work; it
    appears under its name only when whole (see db/migrations.copy_database). Manual backups are never rotated.

    `dest` is a file, or a folder when it is one already or has no suffix; never an existing file.
    """
    if db.engine != "sqlite":
        raise ServerBackupError(server=db.location)
    target = Path(dest) if dest else default_backup_path(db.path)
    if target.is_dir() or not target.suffix:
        target = target / default_backup_path(db.path).name
    backups.copy_to_new_file(db.path, target)
    return target


def check(db: Database) -> CheckReport:
    """Integrity check, schema version and row counts (a team server checks its own pages: its counts only)."""
    if db.engine != "sqlite":
        with db.session():
            info = SchemaInfo.select().order_by(SchemaInfo.id.desc()).first()
            counts = {model._meta.table_name: model.select().count() for model in ALL_MODELS}
        return CheckReport(path=db.location, mode=str(db.mode), integrity="ok",
                           schema_version=info.schema_version % 1000 if info else 0,
                           app_version=info.app_version if info else "", counts=counts)
    with db.session() as pw:
        problems = [row[0] for row in pw.execute_sql("PRAGMA integrity_check").fetchall()]
        fk_problems = pw.execute_sql("PRAGMA foreign_key_check").fetchall()
        info = SchemaInfo.select().order_by(SchemaInfo.id.desc()).first()
        version = pw.execute_sql("PRAGMA user_version").fetchone()[0]
        counts = {model._meta.table_name: model.select().count() for model in ALL_MODELS}
    integrity = "ok" if problems == ["ok"] and not fk_problems else "; ".join(
        problems[:3] + [f"foreign key problem in {t} row {r}" for t, r, *_ in fk_problems[:3]]
    )
    return CheckReport(
        path=str(db.path), mode=str(db.mode), integrity=integrity, schema_version=version,
        app_version=info.app_version if info else "", counts=counts,
    )
