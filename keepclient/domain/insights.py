"""Customer value and churn risk, computed from a customer's history: the rules, with no database and no Qt.

- Value tiers by the 80/20 rule: over the last 12 months' revenue, A = the customers who together make the first
  `a_share` of revenue, B = the next ones up to `b_share`, C = the rest and every customer without revenue.
- RFM: recency, frequency and monetary scores 1..5 by quintiles over the team's customers with orders.
- Lifetime value: average yearly revenue x expected remaining years (from the team's retention rate), with a floor
  for customers with little history; the formula travels with the number so the pane can state it.
- Churn risk 0..100: points from signals keepclient keeps (no contact beyond cadence, orders stopping, revenue
  falling, open or overdue complaints, falling satisfaction, missed or cancelled visits), each with a sentence a
  salesperson understands. Sentences are (template, values) pairs: templates are marked for translation here and
  filled in the user's language by whoever shows them (`Reason.text(translate)`).

The services gather `CustomerHistory` records with a few GROUP BY queries, call these functions, and store the
results on the customer rows; everything here is pure and deterministic for a given `today`.

The formulas (every name in `InsightSettings` is a team setting; the defaults are in brackets):

Value tiers (`value_tiers`)
    Customers are sorted by 12-month revenue, highest first, equal revenue by id ascending. Walking down that list
    with T = the sum of the positive revenues and `before` = the share of T held by the customers above:
    A while `before` < a_share [0.80], B while `before` < b_share [0.95], C otherwise. So the customer that
    crosses 80% is still A ("the customers who together make the first 80%"), and a customer holding 90% alone is A
    with the next ones B until 95% is passed. Revenue <= 0 is always C; when T = 0 everyone is C. Shares are
    compared exactly (as fractions of whole cents against the setting as written), not as rounded floats.

RFM (`rfm_scores`), over the customers with orders (orders_count > 0 or a last order)
    recency R = days since the last order (fewer is better; no known date: the worst), frequency F = orders_count
    (all the customer's orders, not only the last 12 months), monetary M = 12-month revenue. Each is scored by rank:
    with the n values ordered worst to best and a tie group filling 0-based positions r0..r1,
    score = 1 + floor(5 x (r0 + r1 + 1) / (2n)), i.e. the quintile of the group's middle position. Equal values get
    equal scores; 5 customers get 1,2,3,4,5; 10 get two of each; a lone customer (or all-equal values) gets 3;
    2 customers get 2 and 4; 4 get 1, 2, 4, 5.

Retention (`retention_rate`)
    base = customers with revenue in the 12 months before the last 12 (revenue_prev_12m > 0); retained = those of
    them with revenue in the last 12 months or a last order less than 365 days before `today`.
    rate = retained / base; 0.5 when the base has fewer than RETENTION_MIN_CUSTOMERS [5] customers.

Lifetime value (`lifetime_value`)
    remaining years = min(1 / (1 - retention), ltv_max_years [10]) (retention clamped to 0..1; 1.0 gives the cap);
    years known = max(days since the first order / 365.25, ltv_floor_years [1]) (no first order: the floor);
    yearly = max(revenue_total, 0) / years known; value = yearly x remaining years; both rounded half up to cents.

Churn risk (`churn_risk`)
    Each signal that fires adds round_half_up(weight x (1 + s) / 2) points, s = its strength clamped to 0..1, so a
    signal brings between half and all of its weight; a weight of 0 switches the signal off.
    - no_contact [25]: days since the last contact (never contacted: since `created`) d > cadence c;
      s = (d - c) / (2c) (full at 3x the cadence). "no visit for 94 days, due every 30".
    - no_order [30]: with a usual gap g between orders and d days since the last order, d > no_order_factor [2] x g;
      with t = no_order_factor x g, s = (d - t) / t (full at twice the threshold). "no order for 120 days, usually
      every 35" (g rounded half up to whole days).
    - revenue_down [20]: previous 12 months p > 0, last 12 months r, drop = (p - r) / p >= revenue_drop [0.30];
      s = (drop - revenue_drop) / (1 - revenue_drop) (full when revenue stopped). "revenue −46% year on year"
      (whole percent rounded half up, written with the Unicode minus sign U+2212).
    - complaints [20]: o open complaints (at least the overdue ones), v overdue; fires when o > 0;
      s = (o + v - 1) / 2 (one open: half; two open and one overdue: full). "2 complaints open, 1 overdue".
    - satisfaction [15]: the newest three scores, oldest -> newest, fall f = oldest - newest > 0;
      s = (f - 1) / 2 (a fall of 3 or more: full). "satisfaction 5 → 2 over the last three scores".
    - missed_visits [10]: n > 0 visits missed or cancelled in 90 days; s = (n - 1) / 2. "2 visits missed or
      cancelled in 90 days".
    score = min(100, sum of the points); reasons biggest first (equal points in the order of NEXT_STEPS: complaints,
    no_contact, no_order, revenue_down, satisfaction, missed_visits); next step = NEXT_STEPS of the first reason when
    score >= at_risk_threshold [50], else "". Every stage gets a score (lost and prospect too).

Lifecycle (`lifecycle_suggestion`)
    active / mature -> at_risk when score >= at_risk_threshold; at_risk -> lost when neither an order nor a contact
    (nor, without either, the creation) is less than lost_after_days [180] old; lost -> won_back when there is an
    order after the customer was lost: after `stage_since` when it is known, otherwise an order less than
    lost_after_days old (exact for customers made lost by the rule above: at that time their newest order was at
    least that old). Anything else: None.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate, chain, compress, repeat
from operator import add, attrgetter, floordiv, itemgetter, mul, ne, sub

from keepclient.domain.enums import LostReason
from keepclient.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "insights"  # the translation context of every reason template


@dataclass(frozen=True)
class InsightSettings:
    """Team settings with sensible defaults (stored by the services; every number here is a setting)."""

    a_share: float = 0.80  # A: the customers making the first 80% of 12-month revenue
    b_share: float = 0.95  # B: up to 95%; C: the rest
    at_risk_threshold: int = 50  # risk >= this: "at risk" (the computed At risk view)
    # Points per signal (a signal's points scale from half to all of its weight with its strength).
    weight_no_contact: int = 25
    weight_no_order: int = 30
    weight_revenue_down: int = 20
    weight_complaints: int = 20
    weight_satisfaction: int = 15
    weight_missed_visits: int = 10
    no_order_factor: float = 2.0  # "no order for much longer than usual": more than this x the usual interval
    revenue_drop: float = 0.30  # revenue down by at least 30% year on year counts
    lost_after_days: int = 180  # at risk -> lost suggested after this long without an order or a contact
    ltv_floor_years: float = 1.0  # a customer with little history is valued at least this many years
    ltv_max_years: float = 10.0  # expected remaining years are capped here


# The range each setting may take (inclusive): the service refuses anything outside (and NaN), the settings dialog's
# fields and the CLI's messages use the same bounds. Shares and drops are fractions (0.8 is 80 %).
SETTING_RANGES: dict[str, tuple[float, float]] = {
    "a_share": (0.01, 1.0), "b_share": (0.01, 1.0), "at_risk_threshold": (0, 100),
    **{f"weight_{signal}": (0, 100) for signal in ("no_contact", "no_order", "revenue_down", "complaints",
                                                  "satisfaction", "missed_visits")},
    "no_order_factor": (1.0, 10.0), "revenue_drop": (0.01, 1.0), "lost_after_days": (7, 3650),
    "ltv_floor_years": (0.5, 20.0), "ltv_max_years": (1.0, 50.0),
}


@dataclass(slots=True)
class CustomerHistory:
    """What the rules read of one customer (money in whole cents; dates as of `today` passed alongside).

    Treat it as read-only; it is not frozen because a recompute builds one per customer, and a frozen dataclass's
    __init__ (object.__setattr__ per field) costs three times as much: 0.3 s of a 100,000-customer recompute."""

    id: int
    created: dt.date
    stage: str = "new"
    cadence_days: int | None = None  # the customer's follow-up interval (its own or its tier's)
    last_contact: dt.date | None = None
    revenue_12m_cents: int = 0
    revenue_prev_12m_cents: int = 0  # the 12 months before those
    revenue_total_cents: int = 0
    orders_count: int = 0
    first_order: dt.date | None = None
    last_order: dt.date | None = None
    order_gap_days: float | None = None  # the customer's usual days between orders (two orders or more)
    open_complaints: int = 0
    overdue_complaints: int = 0
    recent_scores: tuple[int, ...] = ()  # satisfaction scores 1..5, newest first
    missed_visits_90d: int = 0  # missed or cancelled visits in the last 90 days
    tier_pinned: bool = False  # the tier was set by hand: suggestions leave it unless asked
    stage_since: dt.date | None = None  # the day the customer entered its current stage, when known (lost -> won back)


@dataclass(frozen=True)
class Reason:
    """One signal's contribution: `points` and a sentence (`template` with %1, %2… filled from `values`)."""

    key: str  # "no_contact" | "no_order" | "revenue_down" | "complaints" | "satisfaction" | "missed_visits"
    points: int
    template: str
    values: tuple[str, ...] = ()

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The sentence in the user's language (`translate(context, text)`; English when None)."""
        text = translate(CONTEXT, self.template) if translate is not None else self.template
        for number, value in enumerate(self.values, start=1):
            text = text.replace(f"%{number}", value)
        return text

    @functools.cached_property
    def stored(self) -> str:
        """This reason as one item of `reasons_json` (encoded once per reason: the rules reuse equal ones)."""
        return json.dumps([self.key, self.points, self.template, list(self.values)], ensure_ascii=False)


@dataclass(frozen=True)
class Risk:
    score: int  # 0..100
    reasons: tuple[Reason, ...] = ()  # biggest contribution first
    next_step: str = ""  # a template (CONTEXT) for the suggested next step; "" when not at risk


@dataclass(frozen=True)
class LifetimeValue:
    cents: int
    yearly_cents: int  # average yearly revenue over the customer's life so far
    years_known: float  # how long the customer has been ordering (at least the floor for the average)
    remaining_years: float  # expected, from the team's retention rate (capped)


@dataclass(frozen=True)
class TierSuggestion:
    customer_id: int
    current: str
    suggested: str
    revenue_12m_cents: int
    share: float  # the customer's share of the team's 12-month revenue
    cumulative_share: float  # the running share up to and including this customer (the Pareto curve)


def reasons_json(reasons: Sequence[Reason]) -> str:
    """Reasons as stored on the customer row: [[key, points, template, [values]], ...]."""
    if not reasons:  # most customers: no JSON work on the full recompute's hot path
        return "[]"
    return "[" + ", ".join([reason.stored for reason in reasons]) + "]"  # what json.dumps of the list writes


def reasons_from_json(text: str | None) -> tuple[Reason, ...]:
    """The stored reasons back; a damaged value reads as none (the next recompute writes it again)."""
    try:
        items = json.loads(text or "[]")
        return tuple(Reason(str(key), int(points), str(template), tuple(str(v) for v in values))
                     for key, points, template, values in items)
    except (ValueError, TypeError):
        return ()


REASON_TEMPLATES = {
    "no_contact": QT_TRANSLATE_NOOP("insights", "no visit for %1 days, due every %2"),
    "no_order": QT_TRANSLATE_NOOP("insights", "no order for %1 days, usually every %2"),
    "revenue_down": QT_TRANSLATE_NOOP("insights", "revenue %1% year on year"),
    "complaints": QT_TRANSLATE_NOOP("insights", "%1 complaints open, %2 overdue"),
    "satisfaction": QT_TRANSLATE_NOOP("insights", "satisfaction %1 over the last three scores"),
    "missed_visits": QT_TRANSLATE_NOOP("insights", "%1 visits missed or cancelled in 90 days"),
}
ONE_TEMPLATES = {  # the same sentences for a count of one (English says "1 complaint", not "1 complaints")
    "complaints": QT_TRANSLATE_NOOP("insights", "1 complaint open, %2 overdue"),
    "missed_visits": QT_TRANSLATE_NOOP("insights", "1 visit missed or cancelled in 90 days"),
}
NEXT_STEPS = {
    "complaints": QT_TRANSLATE_NOOP("insights", "Resolve the open complaint first"),
    "no_contact": QT_TRANSLATE_NOOP("insights", "Plan a visit"),
    "no_order": QT_TRANSLATE_NOOP("insights", "Call about their next order"),
    "revenue_down": QT_TRANSLATE_NOOP("insights", "Visit to ask what changed"),
    "satisfaction": QT_TRANSLATE_NOOP("insights", "Call to ask how we can do better"),
    "missed_visits": QT_TRANSLATE_NOOP("insights", "Plan a visit"),
}
LOST_REASONS = tuple(reason.value for reason in LostReason)

MINUS = "\u2212"  # "revenue −46% year on year": the Unicode minus sign, not a hyphen
DAYS_PER_YEAR = 365.25  # years known = days / this
RETENTION_MIN_CUSTOMERS = 5  # fewer customers with revenue the year before: too little history, retention 0.5
RETENTION_UNKNOWN = 0.5
RETENTION_WINDOW_DAYS = 365  # "ordered in the last 12 months" by the last order's date
SATISFACTION_SCORES = 3  # "over the last three scores"


@functools.lru_cache(maxsize=64)
def _exact(value: float) -> Fraction:
    """A setting as the decimal it was written as (0.8 is 4/5, not the float nearest to it).

    Cached: parsing the text is slow and a recompute asks for the same few settings for every customer.
    """
    return Fraction(repr(float(value)))


def _round_half_up(value: float | Fraction) -> int:
    if type(value) is not float and isinstance(value, Fraction):  # the float test first: isinstance is slower
        return math.floor(value + Fraction(1, 2))
    return math.floor(value + 0.5)


def _clamp01(value: float) -> float:
    """min(1.0, max(0.0, value)) without the two calls (NaN gives 0.0 as there)."""
    return value if 0.0 < value < 1.0 else 1.0 if value >= 1.0 else 0.0


def _points(weight: int, strength: float) -> int:
    """Half the weight for a signal that barely fires, all of it at full strength (the strength clamped to 0..1 as
    `_clamp01` does, inline; the product is a float, rounded half up)."""
    strength = strength if 0.0 < strength < 1.0 else 1.0 if strength >= 1.0 else 0.0
    return math.floor(weight * (1 + strength) / 2 + 0.5)


def _ranked(revenues: Mapping[int, int]) -> list[tuple[int, int]]:
    """(id, revenue), highest revenue first, equal revenue by id.

    Two stable sorts by a C key (by id, then by revenue descending, which keeps equal revenues in id order) instead
    of one by a (-revenue, id) tuple built in Python for every customer.
    """
    ranked = sorted(revenues.items(), key=itemgetter(0))
    ranked.sort(key=itemgetter(1), reverse=True)
    return ranked


def value_tiers(revenues: Mapping[int, int], settings: InsightSettings = InsightSettings()) -> dict[int, str]:
    """A, B or C for every customer in `revenues` (id -> 12-month revenue in cents).

    Highest revenue first (equal revenue: lower id first); with T the sum of the positive revenues and `before` the
    revenue of the customers above: A while before / T < a_share, B while before / T < b_share, C otherwise; revenue
    <= 0 (or T = 0) is C. The customer crossing a_share is still A.
    """
    total = sum(revenue for revenue in revenues.values() if revenue > 0)
    tiers = dict.fromkeys(revenues, "C")
    if total <= 0:
        return tiers
    a_limit: int | Fraction = _exact(settings.a_share) * total
    b_limit: int | Fraction = _exact(settings.b_share) * total
    if type(total) is int:  # whole cents (always, from the services): before < limit <=> before < ceil(limit),
        a_limit, b_limit = math.ceil(a_limit), math.ceil(b_limit)  # so the search compares ints, not Fractions
    ids = [customer_id for customer_id, revenue in _ranked(revenues) if revenue > 0]  # those with revenue, ranked
    # before[i] = the revenue of the customers above the i-th: increasing, so the A customers are those before the
    # first before[i] >= a_limit and the B ones follow up to the first before[i] >= b_limit (found by bisection).
    before = list(accumulate((revenues[customer_id] for customer_id in ids), initial=0))
    a_count = bisect_left(before, a_limit, 0, len(ids))
    b_count = max(a_count, bisect_left(before, b_limit, 0, len(ids)))
    tiers.update(dict.fromkeys(ids[:a_count], "A"))
    tiers.update(dict.fromkeys(ids[a_count:b_count], "B"))
    return tiers


def tier_suggestions(revenues: Mapping[int, int], current: Mapping[int, str], pinned: Mapping[int, bool],
                     settings: InsightSettings = InsightSettings(), include_pinned: bool = False,
                     ) -> list[TierSuggestion]:
    """The customers whose suggested tier differs from `current`, by revenue, biggest first.

    Customers are those of `revenues` (a customer missing from `current` has tier "", so it is always suggested);
    pinned ones (`pinned[id]` true) are left out unless `include_pinned`. `share` = max(revenue, 0) / T and
    `cumulative_share` = the shares of every customer down to this one in the ranking of `value_tiers` (not only the
    suggested ones), so the suggestions read as points of the team's Pareto curve; both 0.0 when T = 0.
    """
    tiers = value_tiers(revenues, settings)
    total = sum(revenue for revenue in revenues.values() if revenue > 0)
    suggestions: list[TierSuggestion] = []
    running = 0
    for customer_id, revenue in _ranked(revenues):
        running += max(revenue, 0)
        now, suggested = current.get(customer_id, ""), tiers[customer_id]
        if now == suggested or (pinned.get(customer_id, False) and not include_pinned):
            continue
        suggestions.append(TierSuggestion(
            customer_id=customer_id, current=now, suggested=suggested, revenue_12m_cents=revenue,
            share=max(revenue, 0) / total if total > 0 else 0.0,
            cumulative_share=running / total if total > 0 else 0.0))
    return suggestions


def rank_scores(values: Mapping[int, float]) -> dict[int, int]:
    """1..5 for every key, higher values scoring higher: the quintile of each tie group's middle position.

    Ordered from the lowest value, a group of equal values filling 0-based positions r0..r1 of n scores
    1 + floor(5 x (r0 + r1 + 1) / (2n)).
    """
    # Loops in C where it can (a Python step per value took most of a recompute's RFM time): keys sorted by value
    # (stable, as sorting the items), tie groups split where a value != the one before (numbers' equality is
    # transitive, so that is where it != the group's first value), each group's score repeated over its positions.
    keys = sorted(values, key=values.__getitem__)
    ranked = list(map(values.__getitem__, keys))
    n = len(ranked)
    bounds = [0, *compress(range(1, n), map(ne, ranked[1:], ranked)), n] if n else [0]
    starts, ends = bounds[:-1], bounds[1:]  # each group at 0-based positions r0 = start .. r1 = end - 1
    # 1 + (5 x (r0 + r1 + 1)) // (2n) per group, then repeated over the group's positions
    fives = map(mul, map(add, starts, ends), repeat(5))
    group_scores = map(add, map(floordiv, fives, repeat(2 * n)), repeat(1))
    scores = chain.from_iterable(map(repeat, group_scores, map(sub, ends, starts)))
    return dict(zip(keys, scores, strict=True))


def rfm_scores(histories: Sequence[CustomerHistory], today: dt.date) -> dict[int, tuple[int, int, int]]:
    """(recency, frequency, monetary) 1..5 for every customer with orders; 5 is best.

    Recency: days since the last order, fewer is better (no date known: the worst); frequency: orders_count (every
    order, not only the last 12 months); monetary: 12-month revenue. Scores by `rank_scores`: 5 customers score
    1..5, a lone customer 3, equal values the same.
    """
    buyers = [history for history in histories if history.orders_count > 0 or history.last_order is not None]
    # Scores depend only on the order of the values and their ties, so recency ranks the last order's day itself
    # (fewer days before `today` <=> a later day; no subtraction per customer; no day known: 0, below every ordinal,
    # like -inf) and counts and cents stay ints: all-int values sort fastest.
    recency = rank_scores({h.id: h.last_order.toordinal() if h.last_order is not None else 0 for h in buyers})
    frequency = rank_scores({h.id: 1 if h.orders_count < 1 else h.orders_count for h in buyers})
    monetary = rank_scores({h.id: h.revenue_12m_cents for h in buyers})
    ids = [h.id for h in buyers]
    return dict(zip(ids, zip(map(recency.__getitem__, ids), map(frequency.__getitem__, ids),
                             map(monetary.__getitem__, ids), strict=True), strict=True))


def retention_rate(histories: Sequence[CustomerHistory], today: dt.date) -> float:
    """Of the customers who ordered in the 12 months before the last 12, the share who ordered again in the last
    12 (the team's own retention); 0.5 when there is too little history to say.

    Ordered the year before: revenue_prev_12m > 0. Ordered again: revenue_12m > 0 or a last order less than 365 days
    before `today`. Too little history: fewer than RETENTION_MIN_CUSTOMERS customers ordered the year before.
    """
    base = [history for history in histories if history.revenue_prev_12m_cents > 0]
    if len(base) < RETENTION_MIN_CUSTOMERS:
        return RETENTION_UNKNOWN
    after = today.toordinal() - RETENTION_WINDOW_DAYS  # (today - day).days < 365 <=> day's ordinal > this
    retained = sum(1 for history in base if history.revenue_12m_cents > 0 or (
        history.last_order is not None and history.last_order.toordinal() > after))
    return retained / len(base)


def remaining_years(retention: float, settings: InsightSettings = InsightSettings()) -> float:
    """Expected remaining years of a customer: 1 / (1 - retention), capped at ltv_max_years (retention 1.0: the cap)."""
    return _remaining_years(retention, settings.ltv_max_years)


@functools.lru_cache(maxsize=16, typed=True)  # typed: a cap of 10 and of 10.0 are returned as given
def _remaining_years(retention: float, ltv_max_years: float) -> float:
    """remaining_years, cached: a recompute asks it for every customer with the same team retention."""
    retention = _clamp01(retention)
    if retention >= 1.0:
        return ltv_max_years
    return min(1.0 / (1.0 - retention), ltv_max_years)


def lifetime_value(history: CustomerHistory, retention: float, today: dt.date,
                   settings: InsightSettings = InsightSettings()) -> LifetimeValue:
    """Average yearly revenue x expected remaining years.

    years known = max(days since the first order / 365.25, ltv_floor_years) (no first order: the floor);
    yearly = max(revenue_total, 0) / years known; remaining = `remaining_years(retention)`;
    cents = yearly x remaining. Cents are rounded half up (the value from the unrounded yearly figure).
    """
    first = history.first_order
    years = (today.toordinal() - first.toordinal()) / DAYS_PER_YEAR if first is not None else 0.0
    years_known = max(years, settings.ltv_floor_years)
    yearly = max(history.revenue_total_cents, 0) / years_known if years_known > 0 else 0.0
    remaining = _remaining_years(retention, settings.ltv_max_years)
    # yearly is a float (a true division), so rounding half up is floor(x + 0.5), as _round_half_up does for floats
    return LifetimeValue(math.floor(yearly * remaining + 0.5), math.floor(yearly + 0.5), years_known, remaining)


@functools.lru_cache(maxsize=65536)
def _reason(key: str, points: int, template: str, values: tuple[str, ...]) -> Reason:
    """Reason(...), cached: the same sentences (counts, days, points) recur across a team's customers, and a Reason
    is immutable, so each distinct one is built once (a cache hit costs well under half of building it)."""
    return Reason(key, points, template, values)


# The signals of `churn_risk`: each returns its Reason when it fires with points > 0 (a weight <= 0 gives none), else
# None. They run for every customer of a recompute, so they compare in ints or floats (no Fraction per customer),
# count days between ordinals (`today` is today's ordinal) and turn values into text only when firing.

def _no_contact(history: CustomerHistory, today: int, settings: InsightSettings) -> Reason | None:
    cadence = history.cadence_days
    if not cadence or cadence <= 0:
        return None
    days = today - (history.last_contact or history.created).toordinal()
    if days <= cadence:
        return None
    points = _points(settings.weight_no_contact, (days - cadence) / (2 * cadence))
    if points <= 0:
        return None
    return _reason("no_contact", points, REASON_TEMPLATES["no_contact"], (str(days), str(cadence)))


def _no_order(history: CustomerHistory, today: int, settings: InsightSettings) -> Reason | None:
    gap, last_order = history.order_gap_days, history.last_order
    if gap is None or gap <= 0 or last_order is None:
        return None
    days = today - last_order.toordinal()
    threshold = settings.no_order_factor * gap
    if days <= threshold:
        return None
    points = _points(settings.weight_no_order, (days - threshold) / threshold if threshold > 0 else 1.0)
    if points <= 0:
        return None
    return _reason("no_order", points, REASON_TEMPLATES["no_order"], (str(days), str(max(1, _round_half_up(gap)))))


def _revenue_down(history: CustomerHistory, settings: InsightSettings) -> Reason | None:
    """drop = lost / before against revenue_drop = n / d, exactly but in ints: lost / before >= n / d <=>
    lost x d >= n x before (before > 0, d > 0); the strength and percent are the same rationals, unreduced."""
    before, now = history.revenue_prev_12m_cents, history.revenue_12m_cents
    if before <= 0:
        return None
    least = _exact(settings.revenue_drop)
    n, d = least.numerator, least.denominator
    lost = before - now
    if lost <= 0 or lost * d < n * before:
        return None
    # strength = (drop - n/d) / (1 - n/d) = (lost d - n before) / (before (d - n)): int / int is correctly rounded,
    # like float() of the Fraction
    points = _points(settings.weight_revenue_down, (lost * d - n * before) / (before * (d - n)) if n < d else 1.0)
    if points <= 0:
        return None
    percent = (200 * lost + before) // (2 * before)  # round half up of 100 x lost / before
    return _reason("revenue_down", points, REASON_TEMPLATES["revenue_down"], (f"{MINUS}{percent}",))


def _complaints(history: CustomerHistory, settings: InsightSettings) -> Reason | None:
    overdue = max(history.overdue_complaints, 0)
    open_ = max(history.open_complaints, overdue)
    if open_ <= 0:
        return None
    points = _points(settings.weight_complaints, (open_ + overdue - 1) / 2)
    if points <= 0:
        return None
    template = ONE_TEMPLATES["complaints"] if open_ == 1 else REASON_TEMPLATES["complaints"]
    return _reason("complaints", points, template, (str(open_), str(overdue)))


def _satisfaction(history: CustomerHistory, settings: InsightSettings) -> Reason | None:
    scores = history.recent_scores
    if len(scores) < SATISFACTION_SCORES:
        return None
    newest, oldest = scores[0], scores[SATISFACTION_SCORES - 1]
    fall = oldest - newest
    if fall <= 0:
        return None
    points = _points(settings.weight_satisfaction, (fall - 1) / 2)
    if points <= 0:
        return None
    return _reason("satisfaction", points, REASON_TEMPLATES["satisfaction"], (f"{oldest} → {newest}",))


def _missed_visits(history: CustomerHistory, settings: InsightSettings) -> Reason | None:
    missed = history.missed_visits_90d
    if missed <= 0:
        return None
    points = _points(settings.weight_missed_visits, (missed - 1) / 2)
    if points <= 0:
        return None
    template = ONE_TEMPLATES["missed_visits"] if missed == 1 else REASON_TEMPLATES["missed_visits"]
    return _reason("missed_visits", points, template, (str(missed),))


_CALM = Risk(score=0)  # what most customers get: shared, as a Risk is immutable


def churn_risk(history: CustomerHistory, today: dt.date, settings: InsightSettings = InsightSettings(),
               ) -> Risk:
    """0..100 from the signals of the module docstring, with a reason per signal that fires (biggest first) and the
    next step of the biggest when the score reaches at_risk_threshold."""
    day = today.toordinal()
    no_contact, no_order = _no_contact(history, day, settings), _no_order(history, day, settings)
    revenue_down = _revenue_down(history, settings) if history.revenue_prev_12m_cents > 0 else None
    # the rarer signals are only asked when their input is there (most customers: no call at all)
    complaints = (_complaints(history, settings) if history.open_complaints > 0 or history.overdue_complaints > 0
                  else None)
    satisfaction = _satisfaction(history, settings) if history.recent_scores else None
    missed_visits = _missed_visits(history, settings) if history.missed_visits_90d > 0 else None
    # Listed in the order of NEXT_STEPS (equal points: complaints first, then in signal order), then a stable sort by
    # points (reverse=True keeps equal points in that order).
    reasons = [reason for reason in (complaints, no_contact, no_order, revenue_down, satisfaction, missed_visits)
               if reason is not None]
    if not reasons:
        return _CALM
    if len(reasons) > 1:
        reasons.sort(key=attrgetter("points"), reverse=True)
    score = min(100, sum([reason.points for reason in reasons]))
    next_step = NEXT_STEPS[reasons[0].key] if score >= settings.at_risk_threshold else ""
    return Risk(score, tuple(reasons), next_step)


def lifecycle_suggestion(history: CustomerHistory, risk: Risk, today: dt.date,
                         settings: InsightSettings = InsightSettings()) -> str | None:
    """The stage a customer should move to, or None: active/mature -> at_risk (risk over the threshold),
    at_risk -> lost (no order or contact for `lost_after_days`), lost -> won_back (an order after it was lost).

    "Over the threshold": score >= at_risk_threshold. "No order or contact for N days": the newest of the last order
    and the last contact (neither: the creation) is N days old or more. "An order after it was lost": a last order
    after `stage_since` when that is known, otherwise one less than lost_after_days old.
    """
    if history.stage in ("active", "mature"):
        return "at_risk" if risk.score >= settings.at_risk_threshold else None
    if history.stage == "at_risk":
        activity = [day for day in (history.last_order, history.last_contact) if day is not None]
        quiet = (today - max(activity, default=history.created)).days
        return "lost" if quiet >= settings.lost_after_days else None
    if history.stage == "lost" and history.last_order is not None:
        if history.stage_since is not None:
            return "won_back" if history.last_order > history.stage_since else None
        return "won_back" if (today - history.last_order).days < settings.lost_after_days else None
    return None


__all__ = [
    "CONTEXT", "LOST_REASONS", "NEXT_STEPS", "REASON_TEMPLATES", "SETTING_RANGES", "CustomerHistory",
    "InsightSettings",
    "LifetimeValue", "Reason", "Risk", "TierSuggestion", "churn_risk", "lifecycle_suggestion", "lifetime_value",
    "rank_scores", "reasons_from_json", "reasons_json", "remaining_years", "retention_rate", "rfm_scores",
    "tier_suggestions", "value_tiers",
]
