"""`keepclient holidays`: the care calendar's holidays of a year (1950-2100), the team's observed ones unless --all.

Names are in the user's language: Chinese names for zh_CN, else the translated English ones. A year outside
1950-2100 is one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parsers(sub: Any) -> None:
    """`holidays`, added to cli.build_parser's sub-parsers."""
    holidays = sub.add_parser("holidays", help="the holidays of a year (1950-2100): lunar festivals and public "
                                               "dates, those the team observes unless --all")
    holidays.add_argument("--year", type=int, required=True, metavar="YEAR", help="a Gregorian year, 1950-2100")
    holidays.add_argument("--json", action="store_true", help="print the list as JSON")
    holidays.add_argument("--all", dest="everything", action="store_true",
                          help="every holiday known, not only those the team observes")


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
