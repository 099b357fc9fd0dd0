"""Team KPIs (issue 16): the small pure rules behind every number of the manager's view.

Each KPI is a `Kpi`: its value and how it was computed (numerator and denominator of a share or an average, the
sample size of a median, the target it is held against), so the dashboard's tooltip, the CLI's JSON and the
report say the same thing (`Kpi.explain()`: a template in the "kpis" translation context with its values).
services/kpis.py counts the inputs with set-based SQL; the definitions (also in the README, "KPIs") are:

- period: `start`..`end`, both days included. The previous period has the same number of days and ends the day
  before `start`.
- visits planned / done / missed / cancelled: the salesperson's visits (any kind) whose planned start falls in
  the period: planned counts all of them whatever their status now, the others those with that status.
- follow-up on time: of the customers they own now (not in the trash, added on or before `end`), the share whose
  next follow-up, as of `end`, was not yet past: `end` <= last contact on or before `end` (the latest done visit
  then, or the customer's last contact when it is not after `end`; the day it was added when none) + the
  customer's cadence interval (domain/cadence: its own, else the new-customer interval when that last contact
  falls in its first days, else the tier's).
- overdue now: of the customers they own now, those whose next follow-up is before `today` (the Due panel's count).
- coverage of A customers: of their tier-A customers (added on or before `end`), the share with a done visit (by
  anyone) in the period.
- first response / resolution: medians in hours (wall-clock, as the feedback log shows them) over the feedback
  items they own that were received in the period and answered / resolved; held against the team's target for
  normal severity; "on time": the share of those answered / resolved by their deadline (per severity, working
  time).
- satisfaction: the average of the scores (1-5) given in their done visits in the period and on the feedback items
  they own received in the period.
- retention: of the customers they own that ordered in the previous period, the share that ordered again in this one.
- new customers: customers they own that were added in the period; lost: customers they own whose stage was set
  to lost in the period (the change log).
- revenue: order lines dated in the period, counted for the line's salesperson, else the customer's owner;
  against the period's target (`period_target`). Average order value: that revenue over its orders (lines sharing
  an order number are one order, lines without one one order per customer and day: db/order_values; orders are
  counted per month, so the rare order whose lines fall in two months counts in each).
- targets: a monthly target times the months of the period the salesperson was on the team: each calendar month
  counts by the share of its days in the period, from the day they were added, to the day they were deactivated.
"""

from __future__ import annotations

import calendar
import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, NamedTuple

from keepclient.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "kpis"

# The kinds of figure, which say how a value is shown (count, share as %, hours, score, money in cents).
COUNT, SHARE, HOURS, SCORE, MONEY = "count", "share", "hours", "score", "money"

# Every KPI in report order: key, kind, caption (context "kpis").
KPIS: tuple[tuple[str, str, str], ...] = (
    ("visits_planned", COUNT, QT_TRANSLATE_NOOP("kpis", "Visits planned")),
    ("visits_done", COUNT, QT_TRANSLATE_NOOP("kpis", "Visits done")),
    ("visits_missed", COUNT, QT_TRANSLATE_NOOP("kpis", "Visits missed")),
    ("visits_cancelled", COUNT, QT_TRANSLATE_NOOP("kpis", "Visits cancelled")),
    ("follow_up_on_time", SHARE, QT_TRANSLATE_NOOP("kpis", "Follow-up on time")),
    ("overdue_now", COUNT, QT_TRANSLATE_NOOP("kpis", "Overdue now")),
    ("a_coverage", SHARE, QT_TRANSLATE_NOOP("kpis", "Coverage of A customers")),
    ("response_median", HOURS, QT_TRANSLATE_NOOP("kpis", "First response (median hours)")),
    ("response_on_time", SHARE, QT_TRANSLATE_NOOP("kpis", "First response on time")),
    ("resolution_median", HOURS, QT_TRANSLATE_NOOP("kpis", "Resolution (median hours)")),
    ("resolution_on_time", SHARE, QT_TRANSLATE_NOOP("kpis", "Resolution on time")),
    ("satisfaction", SCORE, QT_TRANSLATE_NOOP("kpis", "Average satisfaction")),
    ("retention", SHARE, QT_TRANSLATE_NOOP("kpis", "Retention")),
    ("new_customers", COUNT, QT_TRANSLATE_NOOP("kpis", "New customers")),
    ("lost_customers", COUNT, QT_TRANSLATE_NOOP("kpis", "Lost customers")),
    ("revenue", MONEY, QT_TRANSLATE_NOOP("kpis", "Revenue")),
    ("average_order_value", MONEY, QT_TRANSLATE_NOOP("kpis", "Average order value")),
)
KPI_KEYS: tuple[str, ...] = tuple(key for key, _kind, _caption in KPIS)
KIND: dict[str, str] = {key: kind for key, kind, _caption in KPIS}
CAPTION: dict[str, str] = {key: caption for key, _kind, caption in KPIS}

EXPLAIN_COUNT = "%1"  # the number alone: nothing to translate
EXPLAIN_COUNT_OF = QT_TRANSLATE_NOOP("kpis", "%1 of %2")
EXPLAIN_COUNT_TARGET = QT_TRANSLATE_NOOP("kpis", "%1 against a target of %2")
EXPLAIN_SHARE = QT_TRANSLATE_NOOP("kpis", "%1 of %2")
EXPLAIN_MEDIAN = QT_TRANSLATE_NOOP("kpis", "median of %1 items, target %2 h")
EXPLAIN_AVERAGE = QT_TRANSLATE_NOOP("kpis", "%1 over %2")
EXPLAIN_NONE = QT_TRANSLATE_NOOP("kpis", "nothing to count")


@dataclass(frozen=True)
class Kpi:
    """One figure: `value` (None when there is nothing to count: a share of nobody, a median of no items) and the
    numbers it came from. Shares are 0..1; money is whole cents; hours and scores are floats."""

    key: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    sample: int | None = None  # a median's number of items
    target: float | None = None  # what the value is held against (period target, hours)

    @property
    def attainment(self) -> float | None:
        """value / target (revenue and visits against their target); None without a target."""
        if self.target is None or not self.target or self.value is None:
            return None
        return self.value / self.target

    def explain(self) -> tuple[str, tuple[str, ...]]:
        """How it was computed: a template (context "kpis", %1, %2…) and its values as text."""
        kind = KIND.get(self.key, COUNT)
        if kind == MONEY and self.value is not None:  # amounts in the currency's units, not cents
            if self.key == "average_order_value":
                return EXPLAIN_AVERAGE, (_amount(self.numerator), _plain(self.denominator))
            if self.target is not None:
                return EXPLAIN_COUNT_TARGET, (_amount(self.value), _amount(self.target))
            return EXPLAIN_COUNT, (_amount(self.value),)
        if kind == HOURS:
            return EXPLAIN_MEDIAN, (str(self.sample or 0), _plain(self.target))
        if self.value is None:
            return EXPLAIN_NONE, ()
        if kind == SHARE:
            return EXPLAIN_SHARE, (_plain(self.numerator), _plain(self.denominator))
        if self.key == "average_order_value" or kind == SCORE:
            return EXPLAIN_AVERAGE, (_plain(self.numerator), _plain(self.denominator))
        if self.target is not None:
            return EXPLAIN_COUNT_TARGET, (_plain(self.value), _plain(self.target))
        if self.denominator is not None:
            return EXPLAIN_COUNT_OF, (_plain(self.numerator), _plain(self.denominator))
        return EXPLAIN_COUNT, (_plain(self.value),)

    def text(self, translate: Any = None) -> str:
        """explain() as a sentence (`translate(context, text)`; English when None)."""
        template, values = self.explain()
        text = translate(CONTEXT, template) if translate is not None else template
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", value)
        return text

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "numerator": self.numerator, "denominator": self.denominator,
                "sample": self.sample, "target": self.target, "attainment": self.attainment}


def _amount(cents: float | None) -> str:
    return "–" if cents is None else f"{cents / 100:.2f}"


def _plain(number: float | None) -> str:
    if number is None:
        return "–"
    if float(number).is_integer():
        return str(int(number))
    return f"{number:.2f}"


# ---- the rules -------------------------------------------------------------------------------------------------


def count(key: str, value: int, *, of: int | None = None, target: float | None = None) -> Kpi:
    """A plain count (visits done, overdue customers…); `of` what it is counted among, `target` to hold it to."""
    return Kpi(key, float(value), numerator=float(value), denominator=None if of is None else float(of),
               target=target)


def share(key: str, part: int, whole: int) -> Kpi:
    """part / whole (0..1); None when whole is 0 (a share of nobody is not 0 %)."""
    return Kpi(key, part / whole if whole else None, numerator=float(part), denominator=float(whole))


def median(key: str, values: Iterable[float], target: float | None = None) -> Kpi:
    """The median of `values` (the middle one, or the mean of the middle two); None without any. Sorted as given
    (numbers): values already in order, or in a few sorted runs (a team's, from its salespeople's), sort in one
    pass instead of being converted and sorted anew (a year's 100,000 response times: 0.1 s less)."""
    items = sorted(values)
    return Kpi(key, float(statistics.median(items)) if items else None, sample=len(items), target=target)


def average(key: str, total: float, number: int) -> Kpi:
    """total / number (satisfaction, average order value); None when number is 0."""
    return Kpi(key, total / number if number else None, numerator=float(total), denominator=float(number))


def money(key: str, cents: int, target_cents: float | None = None) -> Kpi:
    """An amount in cents against an optional target in cents."""
    return Kpi(key, float(cents), numerator=float(cents), target=target_cents)


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same number of days that ends the day before `start`."""
    days = (end - start).days + 1
    return start - dt.timedelta(days=days), start - dt.timedelta(days=1)


def months_in(start: dt.date, end: dt.date) -> Fraction:
    """How many months `start`..`end` (both included) spans: each calendar month counts by the share of its days
    in the range (1-31 January = 1; 16-31 January = 16/31; 1 January - 15 February 2027 = 1 + 15/28); 0 when
    `end` is before `start`."""
    total = Fraction(0)
    month = start.replace(day=1)
    while month <= end:
        length = calendar.monthrange(month.year, month.month)[1]
        last = month.replace(day=length)
        first_day, last_day = max(start, month), min(end, last)
        if first_day <= last_day:
            total += Fraction((last_day - first_day).days + 1, length)
        month = last + dt.timedelta(days=1)
    return total


def period_target(monthly: float, start: dt.date, end: dt.date, *, joined: dt.date | None = None,
                  left: dt.date | None = None) -> float:
    """A monthly target over `start`..`end`, pro rata by day within each month (`months_in`), counted only while
    the salesperson was on the team: from `joined` (the day they were added) to `left` (deactivated)."""
    first = max(start, joined) if joined else start
    last = min(end, left) if left else end
    return float(monthly * months_in(first, last))


def month_keys(start: dt.date, end: dt.date) -> list[str]:
    """"YYYY-MM" of every month the period touches, in order."""
    keys: list[str] = []
    month = start.replace(day=1)
    while month <= end:
        keys.append(f"{month.year:04d}-{month.month:02d}")
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return keys


# ---- what the service hands out -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalespersonKpis:
    """One row of the table: a salesperson (salesperson_id None: the team total) and their figures by KPI key."""

    salesperson_id: int | None
    name: str
    code: str
    active: bool
    figures: Mapping[str, Kpi]
    revenue_target_cents: float = 0.0
    visit_target: float = 0.0

    def __getitem__(self, key: str) -> Kpi:
        return self.figures[key]


class MonthScores(NamedTuple):
    """The satisfaction scores behind "Average satisfaction" of one salesperson (0: of no one) in one month
    ("YYYY-MM"): their done visits' (by planned month) and their feedback's (by month received)."""

    salesperson_id: int
    month: str
    total: float
    scores: int  # how many

    @property
    def average(self) -> float:
        return self.total / self.scores if self.scores else 0.0


@dataclass(frozen=True)
class MonthlyFigure:
    """A salesperson's month (for the charts): visits done and revenue, with that month's pro-rata targets."""

    salesperson_id: int | None
    month: str  # "YYYY-MM"
    visits_done: int
    revenue_cents: int
    visit_target: float = 0.0
    revenue_target_cents: float = 0.0


@dataclass(frozen=True)
class KpiReport:
    start: dt.date
    end: dt.date
    today: dt.date  # what "overdue now" was counted for
    made_at: dt.datetime
    rows: list[SalespersonKpis]
    total: SalespersonKpis
    monthly: list[MonthlyFigure] = field(default_factory=list)
    response_target_hours: float = 0.0  # the team's normal-severity targets the medians are held against
    resolution_target_hours: float = 0.0
    currency: str = ""
    scores: list[MonthScores] = field(default_factory=list)  # by salesperson and month; months without one left out

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (the CLI's --json and tests)."""
        def row(r: SalespersonKpis) -> dict[str, Any]:
            return {"salesperson_id": r.salesperson_id, "name": r.name, "code": r.code, "active": r.active,
                    "revenue_target_cents": r.revenue_target_cents, "visit_target": r.visit_target,
                    "kpis": {key: r.figures[key].as_dict() for key in KPI_KEYS if key in r.figures}}

        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "today": self.today.isoformat(),
                "currency": self.currency, "response_target_hours": self.response_target_hours,
                "resolution_target_hours": self.resolution_target_hours,
                "salespeople": [row(r) for r in self.rows], "total": row(self.total),
                "monthly": [{"salesperson_id": m.salesperson_id, "month": m.month, "visits_done": m.visits_done,
                             "revenue_cents": m.revenue_cents, "visit_target": m.visit_target,
                             "revenue_target_cents": m.revenue_target_cents} for m in self.monthly]}
