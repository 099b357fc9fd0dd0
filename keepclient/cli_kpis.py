"""`keepclient kpi-report`: the team's KPIs for a period as a PDF (team page, then a page per salesperson) or an
.xlsx workbook (KPIs per salesperson, monthly figures), or as JSON for scripts.

The numbers are services/kpis.py's, the same the dashboard shows; definitions in domain/kpis.py and the README
("KPIs"). Salespeople are named as in the team list (name or code); an unknown one is one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP


def add_parsers(sub: Any) -> None:
    """`kpi-report`, added to cli.build_parser's sub-parsers."""
    from pathlib import Path

    report = sub.add_parser("kpi-report", help="the team's KPIs for a period (visits, follow-up on time, feedback "
                                               "response, satisfaction, retention, revenue against target) as PDF, "
                                               ".xlsx or JSON")
    report.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day, included (YYYY-MM-DD)")
    target = report.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="OUT", help="write the report as a PDF")
    target.add_argument("--xlsx", type=Path, metavar="OUT", help="write the report as an Excel workbook")
    target.add_argument("--json", action="store_true", help="print the figures as JSON")
    report.add_argument("--salesperson", nargs="+", default=None, metavar="NAME",
                        help="only these salespeople (name or code; default: the whole team)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    report.add_argument("--today", metavar="DATE", help=argparse.SUPPRESS)  # "overdue now" on another day: tests


def run_kpi_report(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.domain import periods

    first, last = periods.day(args.start)[0], periods.day(args.end)[0]
    if last < first:
        out.say(QT_TRANSLATE_NOOP("cli", "--to must not be before --from."))
        return 2
    people = ws.team.salesperson_ids(args.salesperson) if args.salesperson else None
    today = periods.day(args.today)[0] if args.today else None
    report = ws.kpis.report(first, last, people, today=today)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if args.pdf:
        from keepclient.printing.kpi_report import write_kpi_report_pdf

        colors = {person.id: person.color for person in ws.team.salespeople(active_only=False)}
        pages = write_kpi_report_pdf(args.pdf, report, paper=args.paper, language=out.language, colors=colors)
        out.say(QT_TRANSLATE_NOOP("cli", "KPI report ({pages} pages) written to {path}"), pages=pages, path=args.pdf)
    else:
        from keepclient.exporting.kpis import translated_labels, write_kpi_report_xlsx
        from keepclient.i18n import translate_in

        write_kpi_report_xlsx(args.xlsx, report, labels=translated_labels(translate_in(out.language)))
        out.say(QT_TRANSLATE_NOOP("cli", "KPI report written to {path}"), path=args.xlsx)
    out.say(QT_TRANSLATE_NOOP("cli", "{count} salespeople, {first} to {last}."), count=len(report.rows),
            first=first.isoformat(), last=last.isoformat())
    return 0
