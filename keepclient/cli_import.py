"""`keepclient import`: preview a spreadsheet (mapping, counts, every problem, every changed field), then import.

With --json the preview is printed as one JSON document (summary, mapping, changes old → new per record,
problems, new salespeople) for scripts; the texts are in the user's language either way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP

EXIT_NOTHING_IMPORTED = 10
SHOWN = 20


def run_import(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.i18n import translate
    from keepclient.importing.columns import FIELD_LABELS

    def in_language(context: str, text: str) -> str:
        return translate(out.language, context, text)

    def field_label(name: str) -> str:
        return in_language("ImportWizard", FIELD_LABELS.get(name, name))

    preview = ws.imports.preview(args.file, sheet=args.sheet, policy=args.on_duplicate, translate=in_language)
    plan = preview.plan
    summary = plan.summary()
    if args.json:
        print(json.dumps(_document(preview, field_label, in_language), ensure_ascii=False, indent=1, default=_plain))
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "{file}, sheet \"{sheet}\", header on row {row}{encoding}"),
                file=preview.path.name, sheet=preview.sheet, row=preview.numbers[0] - 1 if preview.numbers else 1,
                encoding=f" ({preview.encoding})" if preview.encoding else "")
        print("  " + ", ".join(f"{preview.headers[i]} → {field_label(f)}" for i, f in sorted(preview.mapping.items())))
        out.say(QT_TRANSLATE_NOOP("cli", "New: {new}, updated: {updated}, unchanged: {unchanged}; rows refused: "
                                         "{refused}, rows imported with problems: {with_problems} (of {rows} rows)."),
                **summary)
        if plan.new_salespeople:
            out.say(QT_TRANSLATE_NOOP("cli", "New salespeople: {names}"), names=", ".join(plan.new_salespeople))
        _print_problems(plan.problems, out, in_language)
        if args.dry_run:
            _print_changes(plan, field_label, out)
    if args.report and plan.problems:
        write_report(ws.imports, preview, args, out, in_language)
    if summary["new"] + summary["updated"] == 0:
        return nothing_to_import(args, out, bool(summary["refused"] and not summary["unchanged"]))
    stop = confirmed(args, out)
    if stop is not None:
        return stop
    result = ws.imports.run(preview)
    if result.conflicts:
        out.say(QT_TRANSLATE_NOOP("cli", "Left alone, because someone changed them after the preview: {names}"),
                names=", ".join(result.conflicts[:SHOWN]) + (" …" if len(result.conflicts) > SHOWN else ""))
    out.say(QT_TRANSLATE_NOOP("cli", "Imported as import {batch}; undo with: keepclient undo-import {batch}"),
            batch=result.batch)
    return 0


def _print_problems(problems: list, out: Any, tr: Any) -> None:
    for problem in problems[:SHOWN]:
        where = out.text(QT_TRANSLATE_NOOP("cli", "row {row}"), row=problem.row)
        cell = f", {problem.column}: {problem.value}" if problem.column else ""
        print(f"  {where}{cell} — {problem.reason_text(tr)}; {problem.action_text(tr)}")
    if len(problems) > SHOWN:
        out.say(QT_TRANSLATE_NOOP("cli", "  … {count} more problems (--report writes them all)"),
                count=len(problems) - SHOWN)


def _print_changes(plan: Any, field_label: Any, out: Any) -> None:
    """Every field the import would change, record by record (old → new)."""
    last = None
    for kind, row, name, field, old, new in plan.changed_fields():
        if (kind, row, name) != last:
            print(f"  {name} ({out.text(QT_TRANSLATE_NOOP('cli', 'row {row}'), row=row)})")
            last = (kind, row, name)
        print(f"    {field_label(field)}: {_shown(old)} → {_shown(new)}")


def _shown(value: Any) -> str:
    if value is None or value == "" or value == ():
        return "∅"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value).replace("\n", " ⏎ ")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | set):
        return list(value)
    return str(value)


def _document(preview: Any, field_label: Any, tr: Any) -> dict[str, Any]:
    plan = preview.plan
    return {
        "file": preview.path.name, "sheet": preview.sheet, "encoding": preview.encoding,
        "mapping": {str(preview.headers[i]): field for i, field in sorted(preview.mapping.items())},
        "summary": plan.summary(), "new_salespeople": plan.new_salespeople,
        "changes": [{"record": kind, "row": row, "name": name, "field": field, "field_label": field_label(field),
                     "old": old, "new": new} for kind, row, name, field, old, new in plan.changed_fields()],
        "new": [{"name": c.name, "rows": c.rows} for c in plan.customers if c.action == "new"],
        "problems": [{"row": p.row, "column": p.column, "value": p.value, "action": p.action,
                      "action_text": p.action_text(tr), "reason": p.reason, "reason_text": p.reason_text(tr)}
                     for p in plan.problems],
    }


def write_report(service: Any, preview: Any, args: argparse.Namespace, out: Any, in_language: Any) -> None:
    """--report: every problem of the preview as an .xlsx (contacts and orders imports alike)."""
    service.write_problem_report(preview, args.report, in_language)
    if not args.json:
        out.say(QT_TRANSLATE_NOOP("cli", "Problem report written to {path}"), path=args.report)


def nothing_to_import(args: argparse.Namespace, out: Any, nothing_readable: bool) -> int:
    """The exit code when a preview has nothing to write: 0 when all is there already, else EXIT_NOTHING_IMPORTED."""
    if not nothing_readable:
        return 0
    if not args.json:
        out.say(QT_TRANSLATE_NOOP("cli", "Nothing could be imported."))
    return EXIT_NOTHING_IMPORTED


def confirmed(args: argparse.Namespace, out: Any) -> int | None:
    """None when the import may go ahead; otherwise its exit code (a dry run, no --yes without a terminal, "no")."""
    if args.dry_run:
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            out.say(QT_TRANSLATE_NOOP("cli", "Add --yes to import (or --dry-run to only preview)."))
            return 2
        if input(out.text(QT_TRANSLATE_NOOP("cli", "Import now? [y/N] "))).strip().lower() not in ("y", "yes"):
            return 0
    return None
