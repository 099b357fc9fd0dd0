"""Help › Save diagnostics…: what support needs to understand a problem, and nothing a customer would mind.

Versions, the user's settings (binary values, anything password-like and free text that may hold search words
withheld), the database's schema version, mode and row counts. Never a row's content: no names, phones or notes.
The report is one UTF-8 text file written whole (under a temporary name, then renamed), so a half-written file
never reaches support. No Qt here: the window passes in Qt's versions.
"""

from __future__ import annotations

import datetime as dt
import platform
import sqlite3
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from keepclient import __version__
from keepclient.db.files import written_atomically
from keepclient.db.migrations import LATEST
from keepclient.db.models import ALL_MODELS
from keepclient.domain.errors import KeepclientError

if TYPE_CHECKING:
    from keepclient.db.connection import Database

Section = tuple[str, list[tuple[str, str]]]

SECRET_WORDS = ("password", "passwd", "secret", "token", "credential", "apikey", "api_key")
# Settings that hold what the user typed (saved views' searches, the feedback filter): they may name customers.
FREE_TEXT_KEYS = ("views", "filter", "search", "query")
LONGEST_SETTING = 200  # a longer value is withheld: it is more likely typed text than a choice


def package_version(name: str) -> str:
    """An installed distribution's version, read from its metadata without importing it."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions(qt: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """keepclient, Python, Qt and PySide6 (given by the window: no Qt below the UI), SQLite, peewee, openpyxl and
    the platform."""
    import peewee

    rows = [
        ("keepclient", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()}, {sys.executable})"),
    ]
    rows += list((qt or {"PySide6": package_version("PySide6")}).items())
    rows += [
        ("SQLite", sqlite3.sqlite_version),
        ("peewee", str(peewee.__version__)),
        ("openpyxl", package_version("openpyxl")),
        ("Platform", platform.platform()),
    ]
    return rows


def setting_value(key: str, value: str) -> str:
    """A setting as the report shows it: choices as they are, anything that may be private withheld."""
    lower = key.lower()
    if any(word in lower for word in SECRET_WORDS):
        return "<withheld>"
    if value.startswith(("@ByteArray(", "@Variant(")):
        return f"<binary, {len(value)} characters>"
    if any(word in lower.rsplit("/", 1)[-1] for word in FREE_TEXT_KEYS) or value.lstrip().startswith(("{", "[")) \
            or len(value) > LONGEST_SETTING:
        return f"<withheld, {len(value)} characters: may contain what was typed>"
    return value


def settings(path: Path | None) -> list[tuple[str, str]]:
    """The user's settings file (QSettings' INI format) as "group/key" and shown value, in the file's order."""
    if path is None or not path.is_file():
        return [("file", f"{path} (none)" if path else "(none)")]
    rows = [("file", str(path))]
    group = ""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return [*rows, ("unreadable", exc.strerror or str(exc))]
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            group = "" if line == "[General]" else line[1:-1]
        elif "=" in line and not line.startswith((";", "#")):
            key, value = (part.strip() for part in line.split("=", 1))
            key = key.replace("%2F", "/").replace("\\", "/")
            name = f"{group}/{key}" if group else key
            rows.append((name, setting_value(name, value)))
    return rows


def database(db: Database | None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The open database's facts and its tables' row counts (counts only: no row is read)."""
    if db is None:
        return [("database", "none open")], []
    facts = [("path", db.location), ("mode", str(db.mode)), ("read-only", "yes" if db.read_only else "no")]
    counts: list[tuple[str, str]] = []
    try:
        with db.session() as pw:
            if db.engine != "sqlite":  # a team server: its stamp (layout * 1000 + schema) and its version
                stamp = pw.execute_sql("SELECT max(schema_version) FROM schema_info").fetchone()[0]
                facts.append(("server layout, schema", f"{stamp // 1000}, {stamp % 1000} (this keepclient "
                                                         f"knows schema {LATEST})"))
                facts.append(("server", str(pw.execute_sql("SELECT version()").fetchone()[0])))
                for model in ALL_MODELS:
                    counts.append((model._meta.table_name, f"{model.select().count():,}"))
                return facts, counts
            version = int(pw.execute_sql("PRAGMA user_version").fetchone()[0])
            facts.append(("schema version", f"{version} (this keepclient knows {LATEST})"))
            facts.append(("journal mode", str(pw.execute_sql("PRAGMA journal_mode").fetchone()[0])))
            pages = int(pw.execute_sql("PRAGMA page_count").fetchone()[0])
            size = int(pw.execute_sql("PRAGMA page_size").fetchone()[0])
            facts.append(("size", f"{pages * size:,} bytes ({pages:,} pages)"))
            for model in ALL_MODELS:
                counts.append((model._meta.table_name, f"{model.select().count():,}"))
    except KeepclientError as exc:
        facts.append(("unreadable", exc.message()))
    return facts, counts


@dataclass
class Diagnostics:
    """The report's sections, in order; `text()` is what the file holds."""

    written: dt.datetime
    sections: list[Section] = field(default_factory=list)

    def text(self) -> str:
        lines = ["keepclient diagnostics", f"Written: {self.written.isoformat(timespec='seconds')}",
                 "No customer data: versions, settings, database facts and row counts only.", ""]
        for title, rows in self.sections:
            lines.append(f"[{title}]")
            width = max((len(name) for name, _value in rows), default=0)
            lines += [f"{name.ljust(width)}  {value}" for name, value in rows]
            lines.append("")
        return "\n".join(lines)


def collect(db: Database | None, settings_path: Path | None, *, qt: dict[str, str] | None = None,
            log_path: Path | None = None, now: dt.datetime | None = None) -> Diagnostics:
    """Everything the report says. `log_path`: the application's log, appended when there is one (keepclient
    keeps none today; a later one is included without another change here)."""
    facts, counts = database(db)
    report = Diagnostics(now or dt.datetime.now().astimezone(), [
        ("Versions", versions(qt)),
        ("Database", facts),
        ("Row counts", counts),
        ("Settings", settings(settings_path)),
    ])
    if log_path is not None and log_path.is_file():
        try:
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-2000:]
        except OSError as exc:
            tail = [f"unreadable: {exc.strerror or exc}"]
        report.sections.append(("Log", [(str(log_path), ""), *((line, "") for line in tail)]))
    else:
        report.sections.append(("Log", [("log file", "none (keepclient keeps no log file)")]))
    return report


def save(report: Diagnostics, path: Path) -> Path:
    """Write the report whole to `path` (temporary name, then renamed); raises StorageError when the disk
    refuses."""
    with written_atomically(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(report.text())
    return path
