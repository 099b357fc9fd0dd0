"""Backups and health checks of a database file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from keepclient.db import migrations
from keepclient.db.connection import Database
from keepclient.db.models import ALL_MODELS, SchemaInfo
from keepclient.domain.errors import StorageError
from keepclient.domain.types import CheckReport


def default_backup_path(db_path: Path, when: dt.datetime | None = None) -> Path:
    """backups/<name>-YYYYmmdd-HHMMSS.db beside the database."""
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-{stamp}{db_path.suffix or '.db'}"


def backup(db: Database, dest: Path | None = None) -> Path:
    """A consistent copy of the live database (SQLite backup API), safe while colleagues work.

    `dest` is a file, or a folder when it is one already or has no suffix; never an existing file.
    """
    target = Path(dest) if dest else default_backup_path(db.path)
    if target.is_dir() or not target.suffix:
        target = target / default_backup_path(db.path).name
    if target.exists():
        raise StorageError(path=str(target), reason="a file with that name already exists")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        migrations.copy_database(db.path, target)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(path=str(target), reason=str(exc)) from exc
    return target


def check(db: Database) -> CheckReport:
    """Integrity check, schema version and row counts."""
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
