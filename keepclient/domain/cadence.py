"""Follow-up intervals: how often each customer should be contacted.

Defaults follow the team practice the product is built on: tier A every 14 days, B every 30, C every 90, and new
customers weekly during their first month. The team can change them (stored as a team setting, see
services/team.py); a per-customer override wins over all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from keepclient.domain.errors import ValidationError

DEFAULT_DAYS_BY_TIER: dict[str, int] = {"A": 14, "B": 30, "C": 90}
NEW_CUSTOMER_DAYS = 7
NEW_CUSTOMER_PERIOD = dt.timedelta(days=30)
DEFAULT_RULES: dict[str, int] = {**DEFAULT_DAYS_BY_TIER, "new_days": NEW_CUSTOMER_DAYS,
                                 "new_period": NEW_CUSTOMER_PERIOD.days}
MAX_DAYS = 3650


def checked_rules(values: Mapping[str, object]) -> dict[str, int]:
    """The team's cadence rules completed with the defaults; ValidationError for a value out of range
    (every interval 1-3650 days; a new-customer period of 0 switches the weekly start-up off)."""
    rules = dict(DEFAULT_RULES)
    for key, value in values.items():
        if key not in DEFAULT_RULES:
            continue
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ValidationError(field=key, value=value) from None
        low = 0 if key == "new_period" else 1
        if not low <= number <= MAX_DAYS:
            raise ValidationError(field=key, value=value)
        rules[key] = number
    return rules


def interval_days(
    tier: str, *, created: dt.date, on: dt.date, override: int | None = None,
    by_tier: Mapping[str, int] | None = None,
) -> int:
    """Days between follow-ups for a customer of `tier` created on `created`, as of day `on`.

    `by_tier`: the team's rules (keys "A", "B", "C" and optionally "new_days", "new_period"); defaults otherwise.
    The new-customer period starts when the customer was entered: a contact dated before that (a past visit logged
    late, an imported history) belongs to a customer the team already knew, so the tier's interval applies.
    """
    if override:
        return override
    table = {**DEFAULT_RULES, **(by_tier or {})}
    if dt.timedelta(0) <= on - created < dt.timedelta(days=table["new_period"]):
        return table["new_days"]
    return table.get(tier, table["C"])


def next_follow_up(
    last_contact: dt.date | None, tier: str, *, created: dt.date, override: int | None = None,
    by_tier: Mapping[str, int] | None = None,
) -> dt.date:
    """The day the next follow-up is due: the interval after the last contact (or after creation)."""
    start = last_contact or created
    return start + dt.timedelta(days=interval_days(tier, created=created, on=start, override=override,
                                                   by_tier=by_tier))
