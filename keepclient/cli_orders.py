"""`keepclient import-orders`: preview an order list (mapping, counts, every problem), then import it.

Counts are order lines: new, already in the database (a re-import adds none), not imported because no customer
matches (unless --create-customers), rows refused. With --json the preview is one JSON document; texts are in the
user's language either way. Undo with `keepclient undo-import N`, like any import.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from keepclient.cli_import import _plain, _print_problems, confirmed, nothing_to_import, write_report
from keepclient.domain.errors import QT_TRANSLATE_NOOP


def add_parser(sub: Any) -> None:
    orders = sub.add_parser("import-orders", help="import order lines from .xlsx, .xls, .ods, .csv or .txt")
    orders.add_argument("file")
    orders.add_argument("--sheet", help="sheet name (default: the first)")
    orders.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    orders.add_argument("--report", help="write every problem (row, column, value as written, what was done, why) "
                                         "to this .xlsx")
    orders.add_argument("--create-customers", action="store_true",
                        help="create the customers no row matches (by name) instead of leaving their rows out")
    orders.add_argument("--yes", action="store_true", help="import without asking")
    orders.add_argument("--json", action="store_true", help="print the preview (counts, problems) as JSON")


def run_import_orders(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.i18n import translate
    from keepclient.importing.orders import ORDER_FIELD_LABELS

    def in_language(context: str, text: str) -> str:
        return translate(out.language, context, text)

    service = ws.order_imports
    loaded = service.imports.load(args.file, args.sheet)  # a file that cannot be read is refused before anything
    # The checks and the backup an import needs run while the rows are matched (seconds on a large database).
    backup = None if args.dry_run else service.start_backup()
    preview = service.plan(loaded, create_customers=args.create_customers, translate=in_language)
    plan = preview.plan
    summary = plan.summary()
    if args.json:
        print(json.dumps(_document(preview, in_language), ensure_ascii=False, indent=1, default=_plain))
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "{file}, sheet \"{sheet}\", header on row {row}{encoding}"),
                file=preview.path.name, sheet=preview.sheet, row=preview.numbers[0] - 1 if preview.numbers else 1,
                encoding=f" ({preview.encoding})" if preview.encoding else "")
        print("  " + ", ".join(f"{preview.headers[i]} → {in_language('ImportWizard', ORDER_FIELD_LABELS[f])}"
                               for i, f in sorted(preview.mapping.items())))
        out.say(QT_TRANSLATE_NOOP("cli", "Order lines new: {new}, already there: {present}, without a matching "
                                         "customer: {unmatched}; rows refused: {refused}, rows imported with "
                                         "problems: {with_problems} (of {rows} rows)."), **summary)
        if plan.new_customers and summary["customers"]:
            out.say(QT_TRANSLATE_NOOP("cli", "New customers: {count}"), count=summary["customers"])
        if plan.new_salespeople:
            out.say(QT_TRANSLATE_NOOP("cli", "New salespeople: {names}"), names=", ".join(plan.new_salespeople))
        _print_problems(plan.problems, out, in_language)
    if args.report and plan.problems:
        write_report(service, preview, args, out, in_language)
    if summary["new"] == 0:
        return nothing_to_import(args, out, not summary["present"])
    stop = confirmed(args, out)
    if stop is not None:
        return stop
    result = service.run(preview, backup=backup)
    out.say(QT_TRANSLATE_NOOP("cli", "Imported as import {batch}; undo with: keepclient undo-import {batch}"),
            batch=result.batch)
    return 0


def _document(preview: Any, tr: Any) -> dict[str, Any]:
    plan = preview.plan
    return {
        "file": preview.path.name, "sheet": preview.sheet, "encoding": preview.encoding,
        "mapping": {str(preview.headers[i]): field for i, field in sorted(preview.mapping.items())},
        "summary": plan.summary(), "new_salespeople": plan.new_salespeople,
        "new_customers": [{"name": c.name, "rows": c.rows} for c in plan.new_customers],
        "problems": [{"row": p.row, "column": p.column, "value": p.value, "action": p.action,
                      "action_text": p.action_text(tr), "reason": p.reason, "reason_text": p.reason_text(tr)}
                     for p in plan.problems],
    }
