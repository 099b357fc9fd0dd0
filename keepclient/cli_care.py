"""`keepclient holidays`: the care calendar's holidays of a year (1950-2100), the team's observed ones unless --all;
`keepclient care-list`: the customers to greet or send a gift for an occasion, as a PDF or an .xlsx workbook;
`keepclient print-customers`: the customer list (search, owner, tiers) in chosen columns, as a PDF.

Names are in the user's language: Chinese names for zh_CN, else the translated English ones. A year outside
1950-2100 is one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parsers(sub: Any) -> None:
    """`holidays` and `care-list`, added to cli.build_parser's sub-parsers."""
    holidays = sub.add_parser("holidays", help="the holidays of a year (1950-2100): lunar festivals and public "
                                               "dates, those the team observes unless --all")
    holidays.add_argument("--year", type=int, required=True, metavar="YEAR", help="a Gregorian year, 1950-2100")
    holidays.add_argument("--json", action="store_true", help="print the list as JSON")
    holidays.add_argument("--all", dest="everything", action="store_true",
                          help="every holiday known, not only those the team observes")

    from pathlib import Path

    from keepclient.domain.gifts import BIRTHDAY
    from keepclient.domain.holidays import KEYS

    care = sub.add_parser("care-list", help="the customers to greet or send a gift for an occasion (by owner, tier "
                                            "and name, with contact, phone, address and last gift) as PDF or .xlsx")
    care.add_argument("--occasion", required=True, choices=(*KEYS, BIRTHDAY), metavar="KEY",
                      help=f"a holiday key ({', '.join(KEYS)}) or {BIRTHDAY} (with --month)")
    care.add_argument("--year", type=int, required=True, metavar="YEAR", help="a Gregorian year, 1950-2100")
    care.add_argument("--month", type=int, choices=range(1, 13), metavar="MONTH",
                      help="for --occasion birthday: the month whose birthdays to list (1-12)")
    target = care.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="OUT", help="write the list as a PDF")
    target.add_argument("--xlsx", type=Path, metavar="OUT", help="write the list as an Excel workbook")
    care.add_argument("--tier", nargs="+", default=None, metavar="TIER", help="only customers of these tiers (A B C)")
    care.add_argument("--salesperson", nargs="+", default=None, metavar="NAME",
                      help="only the customers of these salespeople (name or code; default: everyone's)")
    care.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    care.add_argument("--portrait", action="store_true", help="print the PDF upright (default: landscape)")
    add_print_customers_parser(sub)


def add_print_customers_parser(sub: Any) -> None:
    """`print-customers`: the customer list as the window's Print customer list… draws it."""
    from pathlib import Path

    from keepclient.printing.customer_list import DEFAULT_KEYS, KEYS

    printing = sub.add_parser("print-customers", help="print the customer list to a PDF: every customer the search "
                                                      "and filters find, in the chosen columns")
    printing.add_argument("--pdf", type=Path, required=True, metavar="OUT", help="write the list as a PDF")
    printing.add_argument("--search", default="", metavar="TEXT", help="as the window's search box")
    printing.add_argument("--owner", metavar="NAME", help="only this salesperson's customers (name or code)")
    printing.add_argument("--tier", nargs="+", default=None, metavar="TIER", help="only these tiers (A B C)")
    printing.add_argument("--columns", default=",".join(DEFAULT_KEYS), metavar="KEYS",
                          help=f"comma-separated, of {', '.join(KEYS)} (default: {','.join(DEFAULT_KEYS)})")
    printing.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    printing.add_argument("--landscape", action="store_true", help="across the page (default: by the columns)")


def holiday_name(language: str, name_zh: str, name_en: str) -> str:
    """A holiday's name in `language`: its Chinese name in Chinese, else the English one translated."""
    if language.startswith("zh"):
        return name_zh
    from keepclient.i18n import translate

    return translate(language, "Holidays", name_en)


def run_holidays(ws: Any, args: argparse.Namespace, out: Any) -> int:
    found = ws.care.holidays(args.year, everything=args.everything)
    rows = [{"date": h.date.isoformat(), "key": h.key, "name": holiday_name(out.language, h.name_zh, h.name_en)}
            for h in found]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row['date']}  {row['name']}  ({row['key']})")
    return 0


def run_care_list(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.domain.errors import QT_TRANSLATE_NOOP
    from keepclient.domain.gifts import BIRTHDAY

    if (args.occasion == BIRTHDAY) != (args.month is not None):
        out.say(QT_TRANSLATE_NOOP("cli", "--month goes with --occasion birthday, and only with it."))
        return 2
    tiers = [t for value in args.tier for t in value.replace(",", " ").split()] if args.tier else None
    if tiers is not None and any(t.upper() not in ("A", "B", "C") for t in tiers):
        out.say(QT_TRANSLATE_NOOP("cli", "Tiers are A, B and C."))
        return 2
    people = ws.team.salesperson_ids(args.salesperson) if args.salesperson else None
    care = ws.care_lists.care_list(args.occasion, args.year, tiers=tiers, owner_ids=people, month=args.month)
    name = holiday_name(out.language, care.name_zh, care.name_en)
    if args.pdf:
        from keepclient.printing.care_list import write_care_list_pdf

        pages = write_care_list_pdf(args.pdf, care, paper=args.paper, landscape=not args.portrait,
                                    language=out.language)
        out.say(QT_TRANSLATE_NOOP("cli", "Care list ({pages} pages) written to {path}"), pages=pages, path=args.pdf)
    else:
        from keepclient.exporting.care_list import translated_labels, write_care_list_xlsx
        from keepclient.i18n import translate_in

        write_care_list_xlsx(args.xlsx, care, occasion=name, labels=translated_labels(translate_in(out.language)))
        out.say(QT_TRANSLATE_NOOP("cli", "Care list written to {path}"), path=args.xlsx)
    when = care.date.isoformat() if care.date else f"{care.year}-{care.month:02d}" if care.month else str(care.year)
    out.say(QT_TRANSLATE_NOOP("cli", "{occasion} ({when}): {count} to greet."), occasion=name, when=when,
            count=len(care.rows))
    return 0


def run_print_customers(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.domain.errors import QT_TRANSLATE_NOOP
    from keepclient.domain.types import CustomerFilter
    from keepclient.printing.customer_list import KEYS, CustomerListing, write_customer_list_pdf

    tiers = tuple(t.upper() for value in args.tier or () for t in value.replace(",", " ").split())
    columns = [key.strip() for key in args.columns.split(",") if key.strip()]
    if any(t not in ("A", "B", "C") for t in tiers) or any(key not in KEYS for key in columns):
        out.say(QT_TRANSLATE_NOOP("cli", "Tiers are A, B and C; columns are {columns}."), columns=", ".join(KEYS))
        return 2
    owner = ws.team.salesperson_ids([args.owner])[0] if args.owner else None
    flt = CustomerFilter(text=args.search, owner_id=owner, tiers=tiers)
    rows: list[Any] = []
    while block := ws.customers.rows(len(rows), 5000, flt):
        rows.extend(block)
    described = " · ".join(part for part in (f"“{args.search}”" if args.search else "", args.owner or "",
                                             ", ".join(tiers)) if part)
    listing = CustomerListing("", described, rows, columns, ws.orders.currency())
    pages = write_customer_list_pdf(args.pdf, listing, paper=args.paper, landscape=args.landscape or None,
                                    language=out.language)
    out.say(QT_TRANSLATE_NOOP("cli", "Customer list written to {path} (customers: {count}, pages: {pages})"),
            count=len(rows), pages=pages, path=args.pdf)
    return 0
