"""`keepclient`: with no sub-command it opens the window; sub-commands run the same services from a shell.

Errors are one clear line in the user's language (no traceback) and a stable exit code:
0 ok, 1 other error, 2 usage (also a NUL or undecodable bytes in an argument), 3 database busy, 4 schema too new,
5 not a keepclient database (or an empty file), 6 disk or folder problem (full, read-only, moved away),
7 conflict, 8 record not found, 9 integrity check failed or a damaged file, 11 a team server could not be
used (unreachable, login refused), 130 cancelled.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from keepclient import __version__
from keepclient.cli_backup import DAILY_BACKUP_COMMANDS, WITHOUT_WORKSPACE, daily_backup, keep_backups
from keepclient.cli_backup import add_parsers as add_backup_parsers
from keepclient.cli_care import add_parsers as add_care_parsers
from keepclient.cli_care import run_care_list, run_holidays, run_print_customers
from keepclient.cli_insights import add_parsers as add_insights_parsers
from keepclient.cli_insights import recompute_after_import, run_at_risk, run_risk_settings, run_tiers, run_value
from keepclient.cli_kpis import add_parsers as add_kpi_parsers
from keepclient.cli_kpis import run_kpi_report
from keepclient.cli_orders import add_parser as add_orders_parser
from keepclient.cli_orders import run_import_orders
from keepclient.cli_server import COMMANDS as SERVER_COMMANDS
from keepclient.cli_server import add_parsers as add_server_parsers
from keepclient.cli_server import run as run_server
from keepclient.cli_team import add_parsers as add_team_parsers
from keepclient.cli_team import run as run_team
from keepclient.domain.errors import QT_TRANSLATE_NOOP, KeepclientError, ServerBackupError, UnreadableArgumentError

EXIT_INTEGRITY = 9
EXIT_INTERRUPTED = 130


class Output:
    """Prints translated lines; the translation machinery (QtCore) loads only when a line is printed."""

    def __init__(self, language_choice: str | None) -> None:
        self._choice = language_choice
        self._language: str | None = None

    @property
    def language(self) -> str:
        if self._language is None:
            from keepclient.i18n import resolve_language

            self._language = resolve_language(self._choice)
        return self._language

    def text(self, template: str, **params: object) -> str:
        from keepclient.i18n import translate

        return translate(self.language, "cli", template).format(**params)

    def say(self, template: str, **params: object) -> None:
        print(self.text(template, **params))

    def error(self, exc: KeepclientError) -> None:
        from keepclient.i18n import error_message

        print(f"keepclient: {error_message(exc, self.language)}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keepclient", description="Desktop CRM for small sales teams.")
    parser.add_argument("--version", action="version", version=f"keepclient {__version__}")
    parser.add_argument("--db", type=_database, help="database file (default: the last used, else keepclient.db "
                                                     "in your data folder), or a team server's postgresql://user@"
                                                     "host/dbname")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--shared", dest="shared", action="store_true", default=None,
                      help="open as a shared-folder database (rollback journal, safe on network shares)")
    mode.add_argument("--local", dest="shared", action="store_false",
                      help="open as a local database even if it looks like a network location")
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="language of messages (default: system)")
    parser.add_argument("--create", action="store_true",
                        help="make a new database when the file is missing or empty (0 bytes); without it only "
                             "demo and import create a missing file")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--customers", type=int, default=500, help="how many customers (default 500)")
    demo.add_argument("--append", action="store_true", help="add demo data even if the database has customers")
    demo.add_argument("--seed", type=int, default=7, help="random seed, for repeatable data")

    backup = sub.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("dest", nargs="?", type=Path, help="file or folder (default: backups/ beside the database)")

    search = sub.add_parser("search", help="find customers as the window's search does, best matches first")
    search.add_argument("query", help="text, pinyin, initials or any run of phone digits")
    search.add_argument("--limit", type=int, default=20, help="how many results at most (default 20)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")

    imp = sub.add_parser("import", help="import customers and contacts from .xlsx, .xls, .ods, .csv, .txt or "
                                        "keepclient's .json export")
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="sheet name (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    imp.add_argument("--on-duplicate", choices=("skip", "fill", "overwrite", "new"), default="fill",
                     help="customers already in the database: skip them, fill their empty fields (default), "
                          "overwrite with the file's values, or import as new")
    imp.add_argument("--report", type=Path, help="write every problem (row, column, value as written, what was "
                                                 "done, why) to this .xlsx")
    imp.add_argument("--yes", action="store_true", help="import without asking")
    imp.add_argument("--json", action="store_true", help="print the preview (counts, changes old → new, problems) "
                                                         "as JSON")

    exp = sub.add_parser("export", help="export customers to .xlsx, .csv or .json")
    exp.add_argument("file", type=Path, help="OUT.xlsx, OUT.csv or OUT.json")
    exp.add_argument("--search", default="", help="only customers matching this search")

    undo = sub.add_parser("undo-import", help="undo an import (see `imports`)")
    undo.add_argument("batch", type=int)
    undo.add_argument("--force", action="store_true", help="also when imported records were edited since")

    sub.add_parser("imports", help="list past imports")

    check = sub.add_parser("check", help="integrity check, schema version and record counts")
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    schedule = sub.add_parser("print-schedule", help="print visit schedules to a PDF: a week per salesperson, "
                                                     "a day's route sheets or a month overview")
    period = schedule.add_mutually_exclusive_group(required=True)
    period.add_argument("--week", help="ISO week, e.g. 2026-W48: one page per salesperson")
    period.add_argument("--day", help="a day, e.g. 2026-11-23: a route sheet per salesperson")
    period.add_argument("--month", help="a month, e.g. 2026-11: the month's overview")
    schedule.add_argument("--salesperson", nargs="+", default=None, metavar="NAME",
                          help="only these salespeople (name or code; default: everyone with visits)")
    schedule.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    orientation = schedule.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", dest="landscape", action="store_true", default=None,
                             help="landscape pages (default: landscape for weeks and months)")
    orientation.add_argument("--portrait", dest="landscape", action="store_false", help="portrait pages")
    schedule.add_argument("--pdf", type=Path, required=True, help="the PDF file to write")

    ics = sub.add_parser("export-ics", help="export visits as an .ics calendar (Outlook, Apple, Google)")
    ics.add_argument("file", type=Path, help="OUT.ics")
    ics.add_argument("--from", dest="start", help="first day (default: today)")
    ics.add_argument("--to", dest="end", help="last day (default: 90 days after the first)")
    ics.add_argument("--salesperson", nargs="+", default=None, metavar="NAME",
                     help="only these salespeople (name or code; default: everyone)")

    report = sub.add_parser("feedback-report", help="open feedback by owner, and monthly counts by category with "
                                                    "median response and resolution times, as PDF or .xlsx")
    target = report.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, help="write the report as a PDF")
    target.add_argument("--xlsx", type=Path, help="write the report as an Excel workbook")
    report.add_argument("--from", dest="start", help="first day of the monthly part (default: six months ago)")
    report.add_argument("--to", dest="end", help="last day of the monthly part (default: today)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    add_backup_parsers(sub)  # backups, restore
    add_orders_parser(sub)  # import-orders
    add_team_parsers(sub)  # team list, add, rename, deactivate, reactivate, handover, set-target
    add_server_parsers(sub)  # server init, move-to-server
    add_kpi_parsers(sub)  # kpi-report
    add_insights_parsers(sub)  # tiers, at-risk, value, risk-settings
    add_care_parsers(sub)  # holidays, care-list
    return parser


def _database(text: str) -> Path | str:
    """A file's path, or a team server's address kept as written (a Path would fold its //)."""
    from keepclient.db.server import is_server_url

    return text if is_server_url(text) else Path(text)


def unreadable_argument(arguments: Sequence[str]) -> str | None:
    """The first argument SQLite and the terminal cannot take as text: a NUL character, or bytes that are not
    text in this locale (Python keeps them as lone surrogates), shown with escapes."""
    for argument in arguments:
        if "\x00" in argument or any("\ud800" <= ch <= "\udfff" for ch in argument):
            return argument.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """The `keepclient` command; a reader that stops early (`keepclient at-risk --json | head`) ends it quietly."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # Nothing more can be said on stdout: point it at nothing, so the exit's own flush stays silent too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    out = Output(args.lang)
    unreadable = unreadable_argument(sys.argv[1:] if argv is None else argv)
    if unreadable is not None:
        error = UnreadableArgumentError(value=unreadable)
        out.error(error)
        return error.exit_code
    if args.command is None:
        from keepclient.app import run_app

        return run_app(db_path=args.db, shared=args.shared, language=args.lang, create=args.create)
    if args.command in SERVER_COMMANDS:  # a server address (and a file only read), not the workspace
        try:
            return run_server(args, out, __version__)
        except KeepclientError as exc:
            out.error(exc)
            return exc.exit_code
    from keepclient.db.server import shown_url
    from keepclient.paths import is_default_database, startup_database
    from keepclient.services.workspace import Workspace

    target = args.db or startup_database()
    if args.command in WITHOUT_WORKSPACE and isinstance(target, str):  # backups, restore: of files only
        refused = ServerBackupError(server=shown_url(target))
        out.error(refused)
        return refused.exit_code
    if args.command in WITHOUT_WORKSPACE and isinstance(target, Path):  # restore must work on a damaged or empty
        from keepclient.cli_backup import run_on_file  # database: never open it

        try:
            return run_on_file(target, args, out)
        except KeepclientError as exc:
            out.error(exc)
            return exc.exit_code
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
    try:
        # A missing file becomes a database for the commands that fill one (as does the first run's default
        # file when empty); a file the user named that is empty only with --create.
        create = isinstance(target, Path) and (args.create or (
            args.command in CREATES_DATABASE and (not target.exists() or is_default_database(target))))
        workspace = Workspace.open(target, shared=args.shared, create=create)
        try:
            if args.command in DAILY_BACKUP_COMMANDS:
                daily_backup(workspace, out)
            return COMMANDS[args.command](workspace, args, out)
        finally:
            workspace.close()
    except KeepclientError as exc:
        out.error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _demo(ws, args: argparse.Namespace, out: Output) -> int:
    if args.customers < 1:
        out.say(QT_TRANSLATE_NOOP("cli", "--customers must be at least 1."))
        return 2
    tty = sys.stderr.isatty()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total
        if tty or percent // 10 != shown[0] // 10 or done == total:
            line = out.text(QT_TRANSLATE_NOOP("cli", "Generating demo data: {done} / {total} customers ({percent}%)"),
                            done=f"{done:,}", total=f"{total:,}", percent=percent)
            print(("\r" if tty else "") + line, end="" if tty else "\n", file=sys.stderr, flush=True)
            shown[0] = percent

    summary = ws.generate_demo(args.customers, append=args.append, progress=progress)
    if tty:
        print(file=sys.stderr)
    out.say(
        QT_TRANSLATE_NOOP("cli", "Demo data in {path}: {customers} customers, {contacts} contacts, {visits} visits, "
                          "{feedback} feedback items, {purchases} purchases, {salespeople} salespeople."),
        path=ws.db.location, customers=summary.customers, contacts=summary.contacts, visits=summary.visits,
        feedback=summary.feedback, purchases=summary.purchases, salespeople=summary.salespeople,
    )
    return 0


def _backup(ws, args: argparse.Namespace, out: Output) -> int:
    target = ws.backup(args.dest)
    out.say(QT_TRANSLATE_NOOP("cli", "Backup written to {path}"), path=target)
    return 0


def _check(ws, args: argparse.Namespace, out: Output) -> int:
    report = ws.check()
    if args.json:
        print(json.dumps({
            "path": report.path, "mode": report.mode, "integrity": report.integrity,
            "schema_version": report.schema_version, "app_version": report.app_version, "counts": report.counts,
        }, ensure_ascii=False, indent=2))
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "Database: {path} ({mode})"), path=report.path, mode=report.mode)
        out.say(QT_TRANSLATE_NOOP("cli", "Integrity: {result}"), result=report.integrity)
        out.say(QT_TRANSLATE_NOOP("cli", "Schema version: {version} (last upgraded by keepclient {app})"),
                version=report.schema_version, app=report.app_version or "?")
        for table, count in report.counts.items():
            print(f"  {table:<14} {count:>10,}")
    if not report.ok:
        print(out.text(QT_TRANSLATE_NOOP(
            "cli", "The database is damaged. Keep this file as it is, and restore the last good backup "
                   "(keepclient restore).")), file=sys.stderr)
    return 0 if report.ok else EXIT_INTEGRITY


def _search(ws, args: argparse.Namespace, out: Output) -> int:
    if args.limit < 1:
        out.say(QT_TRANSLATE_NOOP("cli", "--limit must be at least 1."))
        return 2
    hits = ws.search(args.query, args.limit)
    if args.json:
        print(json.dumps([hit._asdict() for hit in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        out.say(QT_TRANSLATE_NOOP("cli", "No customer matches \"{query}\"."), query=args.query)
        return 0
    for hit in hits:
        print("\t".join((str(hit.id), hit.name, hit.tier, hit.owner, hit.phone, hit.contact)))
    return 0


def _import(ws, args: argparse.Namespace, out: Output) -> int:
    from keepclient.cli_import import run_import

    return run_import(ws, args, out)


def _export(ws, args: argparse.Namespace, out: Output) -> int:
    from keepclient.domain.types import CustomerFilter

    if args.file.suffix.lower() not in (".xlsx", ".csv", ".json"):
        out.say(QT_TRANSLATE_NOOP("cli", "Export to a file ending in .xlsx, .csv or .json."))
        return 2
    from keepclient.i18n import translate_in

    count = ws.exports.export(args.file, CustomerFilter(text=args.search), translate=translate_in(out.language))
    out.say(QT_TRANSLATE_NOOP("cli", "Exported {count} customers to {path}"), count=count, path=args.file)
    return 0


def _undo_import(ws, args: argparse.Namespace, out: Output) -> int:
    ws.imports.undo(args.batch, force=args.force)
    out.say(QT_TRANSLATE_NOOP("cli", "Import {batch} undone."), batch=args.batch)
    return 0


def _imports(ws, args: argparse.Namespace, out: Output) -> int:
    for entry in ws.imports.history():
        counts = ", ".join(f"{k} {v}" for k, v in entry.counts.items())
        fields = [str(entry.id), str(entry.started_at), entry.file_name, counts, "(undone)" if entry.undone else ""]
        print("\t".join(fields).rstrip())
    return 0


def _print_schedule(ws, args: argparse.Namespace, out: Output) -> int:
    import datetime as dt
    from concurrent.futures import ThreadPoolExecutor

    from keepclient.domain import periods

    if args.week:
        kind, (first, end) = "week", periods.iso_week(args.week)
    elif args.day:
        kind, (first, end) = "day", periods.day(args.day)
    else:
        kind, (first, end) = "month", periods.month(args.month)
    chosen = ws.team.salesperson_ids(args.salesperson) if args.salesperson else None

    def read() -> list:
        try:
            return ws.visits.schedule(dt.datetime.combine(first, dt.time()), dt.datetime.combine(end, dt.time()),
                                      chosen, last_notes=kind == "day")
        finally:
            ws.db.release_thread()

    with ThreadPoolExecutor(max_workers=1) as pool:  # SQLite reads while Qt and its fonts load (a busy week: 1 s)
        reading = pool.submit(read)
        from keepclient.printing.schedules import ensure_gui_app, write_schedule_pdf

        ensure_gui_app()
        entries = reading.result()
    people = ws.team.salespeople(active_only=False)
    if chosen is not None:
        people = sorted((p for p in people if p.id in chosen), key=lambda p: chosen.index(p.id))
    pages = write_schedule_pdf(args.pdf, kind, entries, people, first, paper=args.paper, landscape=args.landscape,
                               only_busy=chosen is None, language=out.language)
    out.say(QT_TRANSLATE_NOOP("cli", "{pages} pages with {visits} visits written to {path}"), pages=pages,
            visits=len(entries), path=args.pdf)
    return 0


def _export_ics(ws, args: argparse.Namespace, out: Output) -> int:
    import datetime as dt

    from keepclient.domain import periods
    from keepclient.exporting.ics import local_zone_name, translated_labels, write_ics

    first = periods.day(args.start)[0] if args.start else dt.date.today()
    last = periods.day(args.end)[0] if args.end else first + dt.timedelta(days=90)
    if last < first:
        out.say(QT_TRANSLATE_NOOP("cli", "--to must not be before --from."))
        return 2
    chosen = ws.team.salesperson_ids(args.salesperson) if args.salesperson else None
    entries = ws.visits.schedule(dt.datetime.combine(first, dt.time()),
                                 dt.datetime.combine(last + dt.timedelta(days=1), dt.time()), chosen,
                                 last_notes=False)
    from keepclient.i18n import translate_in

    labels = translated_labels(translate_in(out.language))
    count = write_ics(args.file, entries, tz=local_zone_name(), calendar_name=f"keepclient · {ws.db.name}",
                      labels=labels)
    out.say(QT_TRANSLATE_NOOP("cli", "Exported {count} visits to {path}"), count=count, path=args.file)
    return 0


def _feedback_report(ws, args: argparse.Namespace, out: Output) -> int:
    import datetime as dt

    from keepclient.domain import periods

    last = periods.day(args.end)[0] if args.end else dt.date.today()
    first = periods.day(args.start)[0] if args.start else periods.months_before(last, 6)
    if last < first:
        out.say(QT_TRANSLATE_NOOP("cli", "--to must not be before --from."))
        return 2
    report = ws.feedback.report(first, last)
    if args.pdf:
        from keepclient.printing.feedback_report import write_feedback_report_pdf

        pages = write_feedback_report_pdf(args.pdf, report, paper=args.paper, language=out.language)
        out.say(QT_TRANSLATE_NOOP("cli", "Feedback report ({pages} pages) written to {path}"), pages=pages,
                path=args.pdf)
    else:
        from keepclient.exporting.feedback_report import translated_labels, write_feedback_report_xlsx
        from keepclient.i18n import translate_in

        write_feedback_report_xlsx(args.xlsx, report, labels=translated_labels(translate_in(out.language)))
        out.say(QT_TRANSLATE_NOOP("cli", "Feedback report written to {path}"), path=args.xlsx)
    out.say(QT_TRANSLATE_NOOP("cli", "{open} open items ({overdue} overdue); {received} received from {first} to "
                                     "{last}."), open=len(report.open_items),
            overdue=sum(r.overdue for r in report.open_items), received=sum(r.count for r in report.monthly),
            first=first.isoformat(), last=last.isoformat())
    return 0


CREATES_DATABASE = frozenset({"demo", "import"})
COMMANDS = {"demo": _demo, "backup": _backup, "check": _check, "search": _search, "import": _import,
            "export": _export, "undo-import": _undo_import, "imports": _imports, "print-schedule": _print_schedule,
            "export-ics": _export_ics, "feedback-report": _feedback_report, "keep-backups": keep_backups,
            "import-orders": run_import_orders, "kpi-report": run_kpi_report,
            "team": run_team, "tiers": run_tiers, "at-risk": run_at_risk, "value": run_value,
            "risk-settings": run_risk_settings, "holidays": run_holidays,
            "care-list": run_care_list, "print-customers": run_print_customers}
# After an import (or its undo) of customers or orders, value and risk are brought up to date (cli_insights).
for _name in ("import", "import-orders", "undo-import"):
    COMMANDS[_name] = (lambda run, everyone: lambda ws, args, out: recompute_after_import(
        ws, args, run(ws, args, out), everyone))(COMMANDS[_name], _name != "import")
