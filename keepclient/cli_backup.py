"""`keepclient backups` (list) and `keepclient restore BACKUP [--to PATH]`, plus the CLI's daily backup.

Both commands work on the database *file* and never open it as a database: restoring is what a damaged, emptied
or unreadable database needs, so it must not depend on that database opening (cli.main dispatches them before
it opens the Workspace).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP, KeepclientError

WITHOUT_WORKSPACE = frozenset({"backups", "restore"})
DAILY_BACKUP_COMMANDS = frozenset({"demo", "undo-import"})  # change data; import takes its own backup first


def add_parsers(sub: Any) -> None:
    """The two sub-commands, added to cli.build_parser's sub-parsers."""
    listing = sub.add_parser("backups", help="list the database's backups (newest first): date, size, customers, "
                                             "reason")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    restore = sub.add_parser("restore", help="restore a backup into a new file (--to), or over the database after "
                                             "backing the database up")
    restore.add_argument("backup", type=Path, help="the backup file (see `keepclient backups`)")
    restore.add_argument("--to", type=Path, help="a new database file to restore into; the database stays as it is")
    restore.add_argument("--yes", action="store_true", help="replace the database without asking")
    keep = sub.add_parser("keep-backups", help="how many automatic backups are kept (a team setting): show it, or "
                                               "change it with --daily / --weekly")
    keep.add_argument("--daily", type=int, help="the newest backup of each of this many days (at least 1)")
    keep.add_argument("--weekly", type=int, help="then the newest of each of this many ISO weeks (0 or more)")


def run_on_file(db_path: Path, args: argparse.Namespace, out: Any) -> int:
    """Run `backups` or `restore` for the database at `db_path` without opening it."""
    return {"backups": _backups, "restore": _restore}[args.command](Path(db_path).expanduser().absolute(), args, out)


def daily_backup(ws: Any, out: Any) -> None:
    """The day's first backup before a command that changes data; a failure is said (one line) and the command
    goes on: the backup is a safety net, not a condition."""
    try:
        ws.daily_backup()
    except KeepclientError as exc:
        out.error(exc)


def keep_backups(ws: Any, args: argparse.Namespace, out: Any) -> int:
    """Show or change the retention of automatic backups (manual and pre-upgrade copies are always kept)."""
    from keepclient.services import backups

    if args.daily is None and args.weekly is None:
        kept = backups.retention(ws.db)
    else:
        kept = backups.set_retention(ws.db, ws.user, daily=args.daily, weekly=args.weekly)
    out.say(QT_TRANSLATE_NOOP("cli", "Automatic backups kept: the newest of each of {daily} days, then of each of "
                                     "{weekly} weeks."), daily=kept.daily, weekly=kept.weekly)
    return 0


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _backups(db_path: Path, args: argparse.Namespace, out: Any) -> int:
    from keepclient.i18n import translate
    from keepclient.services.backups import REASON_LABELS, list_backups

    found = list_backups(db_path)
    if args.json:
        print(json.dumps([{"path": str(b.path), "taken_at": b.taken_at.isoformat(), "size": b.size,
                           "customers": b.customers, "reason": b.reason} for b in found], ensure_ascii=False,
                         indent=1))
        return 0
    if not found:
        out.say(QT_TRANSLATE_NOOP("cli", "No backups of {path} yet."), path=db_path)
        return 0
    out.say(QT_TRANSLATE_NOOP("cli", "Backups of {path}, newest first:"), path=db_path)
    unreadable = out.text(QT_TRANSLATE_NOOP("cli", "unreadable"))
    for backup in found:
        customers = unreadable if backup.customers is None else out.text(
            QT_TRANSLATE_NOOP("cli", "{count} customers"), count=f"{backup.customers:,}")
        reason = translate(out.language, "backups", REASON_LABELS[backup.reason]) \
            if backup.reason in REASON_LABELS else backup.reason
        print("  ".join((backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"), f"{size_text(backup.size):>9}",
                         f"{customers:>16}", reason, str(backup.path))))
    return 0


def _restore(db_path: Path, args: argparse.Namespace, out: Any) -> int:
    from keepclient.services.backups import restore_backup

    if args.to is not None:
        result = restore_backup(args.backup, to=args.to)
        out.say(QT_TRANSLATE_NOOP("cli", "Restored {backup} to {path} ({customers} customers)."),
                backup=args.backup, path=result.path, customers=_count(result.customers))
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            out.say(QT_TRANSLATE_NOOP("cli", "Add --yes to replace {path} with the backup (or --to PATH to restore "
                                             "into a new file)."), path=db_path)
            return 2
        question = out.text(QT_TRANSLATE_NOOP("cli", "Replace {path} with {backup}? The current database is backed "
                                                     "up first. Close keepclient on every computer using it. "
                                                     "[y/N] "), path=db_path, backup=args.backup)
        if input(question).strip().lower() not in ("y", "yes"):
            return 0
    result = restore_backup(args.backup, current=db_path)
    out.say(QT_TRANSLATE_NOOP("cli", "Restored {backup} over {path} ({customers} customers)."),
            backup=args.backup, path=result.path, customers=_count(result.customers))
    if result.final_backup is not None:
        out.say(QT_TRANSLATE_NOOP("cli", "The database as it was before is kept in {path}"), path=result.final_backup)
    return 0


def _count(customers: int | None) -> str:
    return "?" if customers is None else f"{customers:,}"
