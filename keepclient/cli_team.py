"""`keepclient team …`: the salespeople of the database, and handing a leaver's customers over to colleagues.

Salespeople are named as written in the team list: exactly, else ignoring case and width; an unknown name is
one line on stderr (exit 8). Every change is version-checked like the window's.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP, ValidationError


def add_parsers(sub: Any) -> None:
    """`team` and its sub-commands, added to cli.build_parser's sub-parsers."""
    team = sub.add_parser("team", help="the salespeople: list, add, rename, deactivate, reactivate, hand over "
                                       "customers")
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every salesperson: name, code, colour, email, active")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    add = actions.add_parser("add", help="add a salesperson (code from the name's initials unless given)")
    add.add_argument("name")
    add.add_argument("--code", help="a short unique code (default: initials, pinyin initials for Chinese)")
    add.add_argument("--email", default="", help="their email address")
    rename = actions.add_parser("rename", help="rename a salesperson (their history follows)")
    rename.add_argument("old")
    rename.add_argument("new")
    for name, text in (("deactivate", "no new work for them; their history stays"),
                       ("reactivate", "make a deactivated salesperson available again")):
        actions.add_parser(name, help=text).add_argument("name")
    handover = actions.add_parser("handover", help="move a salesperson's customers, with their future planned "
                                                   "visits and open feedback, to one or several colleagues "
                                                   "(spread evenly)")
    handover.add_argument("source", metavar="FROM")
    handover.add_argument("targets", metavar="TO", nargs="+")
    handover.add_argument("--filter", default=None, metavar="TEXT",
                          help="only their customers the list's search finds for TEXT")
    target = actions.add_parser("set-target", help="a salesperson's monthly targets for the KPIs: revenue (in the "
                                                   "team's currency) and visits done; 0 removes one")
    target.add_argument("name")
    target.add_argument("--revenue", metavar="AMOUNT", help="revenue per month, e.g. 50000 or 50000.50")
    target.add_argument("--visits", type=int, metavar="N", help="visits done per month")
    currency = actions.add_parser("currency", help="the team's currency (every amount is in it; default CNY): "
                                                   "show it, or set it (ISO code such as CNY, EUR, USD)")
    currency.add_argument("code", nargs="?")


def run(ws: Any, args: argparse.Namespace, out: Any) -> int:
    return {"list": _list, "add": _add, "rename": _rename, "deactivate": _set_active,
            "reactivate": _set_active, "handover": _handover, "currency": _currency,
            "set-target": _set_target}[args.team_command](ws, args, out)


def _set_target(ws: Any, args: argparse.Namespace, out: Any) -> int:
    """Version-checked like every salesperson edit; an unreadable amount is a ValidationError (exit 2)."""
    from keepclient.domain.money import as_decimal, parse_cents

    sid = ws.team.find(args.name)
    person = ws.team.salesperson(sid)[0]
    try:
        revenue = parse_cents(args.revenue) if args.revenue is not None else None
    except ValueError:
        raise ValidationError(field="revenue", value=args.revenue) from None
    version = ws.team.targets(sid)[2]
    ws.team.set_targets(sid, version, revenue_cents=revenue, visits=args.visits)
    revenue_cents, visits, _version = ws.team.targets(sid)
    out.say(QT_TRANSLATE_NOOP("cli", "Monthly targets of {name}: revenue {revenue} {currency}, {visits} visits."),
            name=person.name, revenue=as_decimal(revenue_cents), currency=ws.orders.currency(), visits=visits)
    return 0


def _currency(ws: Any, args: argparse.Namespace, out: Any) -> int:
    """Amounts are stored as they were entered: changing the currency relabels them, it converts nothing."""
    code = ws.orders.set_currency(args.code) if args.code else ws.orders.currency()
    out.say(QT_TRANSLATE_NOOP("cli", "The team's currency: {code}"), code=code)
    return 0


def _list(ws: Any, args: argparse.Namespace, out: Any) -> int:
    people = ws.team.salespeople(active_only=False)
    if args.json:
        print(json.dumps([person._asdict() for person in people], ensure_ascii=False, indent=2))
        return 0
    if not people:
        out.say(QT_TRANSLATE_NOOP("cli", "No salespeople yet. Add one with: keepclient team add NAME"))
        return 0
    inactive = out.text(QT_TRANSLATE_NOOP("cli", "inactive"))
    for person in people:
        print("\t".join((person.name, person.code, person.color, person.email, "" if person.active else inactive)))
    return 0


def _add(ws: Any, args: argparse.Namespace, out: Any) -> int:
    person = ws.team.salesperson(ws.team.add(args.name, code=args.code, email=args.email))[0]
    out.say(QT_TRANSLATE_NOOP("cli", "Added {name} (code {code})."), name=person.name, code=person.code)
    return 0


def _rename(ws: Any, args: argparse.Namespace, out: Any) -> int:
    sid = ws.team.find(args.old)
    person, version = ws.team.salesperson(sid)
    ws.team.rename(sid, version, args.new)
    out.say(QT_TRANSLATE_NOOP("cli", "Renamed {old} to {new}."), old=person.name,
            new=ws.team.salesperson(sid)[0].name)
    return 0


def _set_active(ws: Any, args: argparse.Namespace, out: Any) -> int:
    sid = ws.team.find(args.name)
    person, version = ws.team.salesperson(sid)
    if args.team_command == "deactivate":
        ws.team.deactivate(sid, version)
        count = ws.team.customer_count(sid)
        out.say(QT_TRANSLATE_NOOP("cli", "{name} is deactivated; {count} customers are still theirs (hand them over "
                                         "with: keepclient team handover)."), name=person.name, count=count)
    else:
        ws.team.reactivate(sid, version)
        out.say(QT_TRANSLATE_NOOP("cli", "{name} is active again."), name=person.name)
    return 0


def _handover(ws: Any, args: argparse.Namespace, out: Any) -> int:
    from keepclient.domain.types import CustomerFilter

    source = ws.team.find(args.source)
    targets = [ws.team.find(name) for name in args.targets]
    chosen = ws.team.matching_customers(CustomerFilter(text=args.filter)) if args.filter is not None else None
    result = ws.team.handover(source, targets, chosen)
    names = {person.id: person.name for person in ws.team.salespeople(active_only=False)}
    out.say(QT_TRANSLATE_NOOP("cli", "Handed over {customers} customers of {name}, with {visits} planned visits and "
                                     "{feedback} open feedback items."),
            customers=result.count("customer"), name=names[source], visits=result.count("visit"),
            feedback=result.count("feedback"))
    for target in sorted(set(targets) - {source}, key=lambda sid: names[sid]):
        count = sum(1 for owner in result.after["customer"].values() if owner == target)
        out.say(QT_TRANSLATE_NOOP("cli", "  to {name}: {count} customers"), name=names[target], count=count)
    return 0
