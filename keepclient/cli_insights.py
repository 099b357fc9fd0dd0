"""`keepclient tiers`, `keepclient at-risk`, `keepclient value`: customer value and churn risk for managers' scripts;
`keepclient risk-settings`: the team's settings behind them (tier shares, at-risk threshold, weights).

`tiers`, `at-risk` and `value` first bring the stored figures to today (the order figures, then value and risk) when
they were computed for an earlier day; `risk-settings` recomputes everyone after a change. Reasons are printed in the
user's language (--lang); money is in the team's currency (`keepclient team currency`), as numbers in JSON. An
unknown salesperson or customer is one line on stderr (exit 8); a refused setting too (exit 2, nothing changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from keepclient.domain.money import as_decimal


def next_steps_context() -> str:
    """The translation context of the next steps (domain.insights loads only when a command needs it: the window's
    start goes through this module too)."""
    from keepclient.domain.insights import CONTEXT

    return CONTEXT


def add_parsers(sub: Any) -> None:
    """`tiers`, `at-risk`, `value` and `risk-settings`, added to cli.build_parser's sub-parsers."""
    tiers = sub.add_parser("tiers", help="value tiers by the 80/20 rule: every customer's 12-month revenue, share, "
                                         "tier and suggested tier, biggest first")
    tiers.add_argument("--json", action="store_true", help="print the list as JSON")
    tiers.add_argument("--apply", action="store_true",
                       help="set the suggested tiers (pinned tiers are kept), version-checked")
    risk = sub.add_parser("at-risk", help="customers at risk of churning, highest risk first, with the reasons")
    risk.add_argument("--owner", metavar="NAME", help="only this salesperson's customers")
    risk.add_argument("--min", dest="min_risk", type=int, metavar="RISK",
                      help="lowest risk to list, 0-100 (default: the team's at-risk threshold)")
    risk.add_argument("--json", action="store_true", help="print the list as JSON")
    value = sub.add_parser("value", help="one customer's RFM scores, lifetime value and risk, with the numbers "
                                         "behind them")
    value.add_argument("customer_id", metavar="CUSTOMER_ID", type=int)
    value.add_argument("--json", action="store_true", help="print as JSON")
    settings = sub.add_parser("risk-settings", help="the team's value and risk settings (tier shares, at-risk "
                                                    "threshold, warning-sign weights); NAME=VALUE changes them "
                                                    "and recomputes everyone's value and risk")
    settings.add_argument("assignments", nargs="*", metavar="NAME=VALUE",
                          help="settings to change, all together or none (e.g. at_risk_threshold=40 a_share=0.75)")
    settings.add_argument("--json", action="store_true", help="print the settings as JSON")


def _money(cents: int | None) -> int | float | None:
    if cents is None:
        return None
    amount: Decimal = as_decimal(cents)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _bring_up_to_date(ws: Any) -> None:
    today = dt.date.today()
    ws.orders.refresh_stale(today)
    ws.insights.ensure_current(today)


def _in_language(out: Any) -> Any:
    from keepclient.i18n import translate

    return lambda context, text: translate(out.language, context, text)


def run_tiers(ws: Any, args: argparse.Namespace, out: Any) -> int:
    _bring_up_to_date(ws)
    applied = None
    if args.apply:
        suggestions = ws.insights.tier_review()
        changes = {s.customer_id: s.suggested for s in suggestions}
        applied = ws.insights.apply_tiers(changes, ws.insights.versions(changes)) if changes else {}
    rows = ws.insights.tier_overview()
    if args.json:
        document: dict[str, Any] = {"customers": [
            {"id": r["id"], "name": r["name"], "owner": r["owner"], "revenue_12m": _money(r["revenue_12m_cents"]),
             "share": round(r["share"], 6), "tier": r["tier"], "suggested_tier": r["suggested_tier"]}
            for r in rows]}
        if applied is not None:
            document["applied"] = len(applied)
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return 0
    cumulative = 0.0
    for r in rows:
        cumulative += r["share"]
        mark = "" if r["tier"] == r["suggested_tier"] else f" → {r['suggested_tier']}"
        pin = " *" if r["pinned"] else ""
        print(f"{r['id']:>7}  {r['tier']}{mark:<4}{pin:<2} {_money(r['revenue_12m_cents']) or 0:>14,}  "
              f"{r['share'] * 100:5.1f}%  {cumulative * 100:5.1f}%  {r['name']}  {r['owner']}")
    if applied is not None:
        out.say(QT_TRANSLATE_NOOP("cli", "Tiers changed: {count}."), count=len(applied))
    else:
        differ = sum(1 for r in rows if r["tier"] != r["suggested_tier"] and not r["pinned"])
        out.say(QT_TRANSLATE_NOOP("cli", "{count} customers have a different suggested tier (pinned ones, marked *, "
                                         "are kept); apply with: keepclient tiers --apply"), count=differ)
    return 0


def run_at_risk(ws: Any, args: argparse.Namespace, out: Any) -> int:
    if args.min_risk is not None and not 0 <= args.min_risk <= 100:
        out.say(QT_TRANSLATE_NOOP("cli", "--min must be between 0 and 100."))
        return 2
    owner_id = ws.team.find(args.owner) if args.owner else None
    _bring_up_to_date(ws)
    rows = ws.insights.at_risk(owner_id=owner_id, min_risk=args.min_risk)
    tr = _in_language(out)
    if args.json:
        print(json.dumps({"customers": [
            {"id": r.id, "name": r.name, "owner": r.owner, "risk": r.risk,
             "reasons": [reason.text(tr) for reason in r.reasons], "last_contact": _day(r.last_contact),
             "last_order": _day(r.last_order), "revenue_12m": _money(r.revenue_12m_cents)}
            for r in rows]}, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        reasons = "; ".join(reason.text(tr) for reason in r.reasons)
        print(f"{r.risk:>3}  {r.id:>7}  {r.name}  {r.owner}  {reasons}")
    out.say(QT_TRANSLATE_NOOP("cli", "{count} customers at risk."), count=len(rows))
    return 0


def run_value(ws: Any, args: argparse.Namespace, out: Any) -> int:
    _bring_up_to_date(ws)
    value = ws.insights.value(args.customer_id)
    tr = _in_language(out)
    ltv = value.ltv
    document = {
        "id": value.customer_id, "name": value.name, "tier": value.tier, "suggested_tier": value.suggested_tier,
        "tier_pinned": value.tier_pinned,
        "rfm": None if value.rfm is None else {"recency": value.rfm[0], "frequency": value.rfm[1],
                                               "monetary": value.rfm[2], "code": "".join(map(str, value.rfm))},
        "recency_days": value.recency_days, "orders_count": value.orders_count,
        "revenue_12m": _money(value.revenue_12m_cents), "revenue_prev_12m": _money(value.revenue_prev_12m_cents),
        "revenue_total": _money(value.revenue_total_cents), "first_order": _day(value.first_order),
        "last_order": _day(value.last_order),
        "lifetime_value": {"value": _money(ltv.cents), "yearly": _money(ltv.yearly_cents),
                           "years_known": round(ltv.years_known, 3), "remaining_years": round(ltv.remaining_years, 3),
                           "retention": round(value.retention, 4),
                           "formula": "revenue_total / max(years_known, floor) x min(1 / (1 - retention), cap)"},
        "risk": {"score": value.risk.score, "reasons": [r.text(tr) for r in value.risk.reasons],
                 "next_step": tr(next_steps_context(), value.risk.next_step) if value.risk.next_step else ""},
        "lost_reason": value.lost_reason, "as_of": _day(value.as_of),
    }
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return 0
    print(f"{value.name} (#{value.customer_id})")
    if value.rfm is not None:
        out.say(QT_TRANSLATE_NOOP("cli", "RFM {code}: recency {r}, frequency {f}, monetary {m} (1-5, 5 is best)"),
                code="".join(map(str, value.rfm)), r=value.rfm[0], f=value.rfm[1], m=value.rfm[2])
    out.say(QT_TRANSLATE_NOOP("cli", "Lifetime value {ltv} = {yearly} a year (revenue {total} over {years} years) x "
                                     "{remaining} expected years (retention {retention}%)"),
            ltv=f"{_money(ltv.cents):,}", yearly=f"{_money(ltv.yearly_cents):,}",
            total=f"{_money(value.revenue_total_cents):,}", years=f"{ltv.years_known:.1f}",
            remaining=f"{ltv.remaining_years:.1f}", retention=f"{value.retention * 100:.0f}")
    out.say(QT_TRANSLATE_NOOP("cli", "Risk {score}"), score=value.risk.score)
    for reason in value.risk.reasons:
        print(f"  +{reason.points}  {reason.text(tr)}")
    if value.risk.next_step:
        print(f"  → {tr('insights', value.risk.next_step)}")
    return 0


def recompute_after_import(ws: Any, args: argparse.Namespace, code: int, everyone: bool = True) -> int:
    """Value and risk after an import that wrote something. Orders (and an undo, which may take orders away)
    change the team's rankings: everyone is counted again. A customers import has refreshed the customers it
    wrote in its own transaction: what is left is counted only when some figures are of an earlier day."""
    if code == 0 and not getattr(args, "dry_run", False):
        if everyone:
            ws.insights.recompute()
        else:
            ws.insights.ensure_current()
    return code


def _refused(out: Any, name: str, value: str, template: str, **params: object) -> int:
    """One line on stderr saying which assignment was refused and why (exit 2: usage)."""
    reason = out.text(template, **params)
    print("keepclient: " + out.text(QT_TRANSLATE_NOOP("cli", "{name}={value} was refused: {reason} Nothing was "
                                                             "changed."), name=name, value=value, reason=reason),
          file=sys.stderr)
    return 2


def _settings_refusal(out: Any, error: ValidationError, given: dict[str, str], names: list[str],
                      kinds: dict[str, type]) -> int:
    name = error.field
    value = given.get(name, str(error.params.get("value", "")))
    if name not in kinds:
        return _refused(out, name, value, QT_TRANSLATE_NOOP("cli", "there is no such setting (the settings: "
                                                                   "{names})."), names=", ".join(names))
    if name == "a_share" and _within(name, value):  # in range itself: above the B share
        return _refused(out, name, value, QT_TRANSLATE_NOOP(
            "cli", "the shares of revenue need 0 < a_share <= b_share <= 1 (0.8 is 80%)."))
    if name == "ltv_floor_years" and _within(name, value):
        return _refused(out, name, value, QT_TRANSLATE_NOOP("cli", "ltv_floor_years must not be more than "
                                                                   "ltv_max_years."))
    from keepclient.domain.insights import SETTING_RANGES

    low, high = SETTING_RANGES[name]
    if kinds[name] is int:
        return _refused(out, name, value, QT_TRANSLATE_NOOP("cli", "a whole number from {low} to {high} is needed."),
                        low=int(low), high=int(high))
    return _refused(out, name, value, QT_TRANSLATE_NOOP("cli", "a number from {low} to {high} is needed."),
                    low=low, high=high)


def _within(name: str, value: str) -> bool:
    """The value itself is in its range (so what was refused is how it goes with another setting)."""
    from keepclient.domain.insights import SETTING_RANGES

    low, high = SETTING_RANGES[name]
    try:
        return low <= float(value) <= high
    except ValueError:
        return False


def run_risk_settings(ws: Any, args: argparse.Namespace, out: Any) -> int:
    """Print the team's value and risk settings; with NAME=VALUE assignments, check them all together, save them
    (all or none), recompute everyone's value and risk and print the settings as they are now."""
    from dataclasses import asdict, fields

    from keepclient.domain.insights import InsightSettings

    defaults = asdict(InsightSettings())
    names = list(defaults)
    kinds = {f.name: type(defaults[f.name]) for f in fields(InsightSettings)}
    given: dict[str, str] = {}
    for assignment in args.assignments:
        name, equals, value = assignment.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not name:
            print("keepclient: " + out.text(QT_TRANSLATE_NOOP(
                "cli", "{text} is not NAME=VALUE (for example at_risk_threshold=40). Nothing was changed."),
                text=assignment), file=sys.stderr)
            return 2
        given[name] = value
    recomputed = None
    try:
        settings = ws.insights.set_settings(given) if given else ws.insights.settings()
    except ValidationError as exc:
        return _settings_refusal(out, exc, given, names, kinds)
    if given:
        recomputed = ws.insights.recompute()
    values = asdict(settings)
    if args.json:
        document: dict[str, Any] = {"settings": values}
        if recomputed is not None:
            document["recomputed"] = recomputed
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return 0
    width = max(map(len, names))
    for name in names:
        print(f"{name:<{width}}  {values[name]:>8}  " + out.text(QT_TRANSLATE_NOOP("cli", "(default {value})"),
                                                                  value=defaults[name]))
    if recomputed is not None:
        out.say(QT_TRANSLATE_NOOP("cli", "Settings saved; value and risk recomputed for {count} customers."),
                count=recomputed)
    else:
        out.say(QT_TRANSLATE_NOOP("cli", "Change with: keepclient risk-settings NAME=VALUE ... (shares and drops "
                                         "as fractions: 0.8 is 80%)"))
    return 0


