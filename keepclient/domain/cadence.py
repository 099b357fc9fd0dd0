"""Follow-up intervals: how often each customer should be contacted.

Defaults follow the team practice the product is built on: tier A every 14 days, B every 30, C every 90, and new
customers weekly during their first month. A per-customer override wins over all of them.
"""

from __future__ import annotations

import datetime as dt

DEFAULT_DAYS_BY_TIER: dict[str, int] = {"A": 14, "B": 30, "C": 90}
NEW_CUSTOMER_DAYS = 7
NEW_CUSTOMER_PERIOD = dt.timedelta(days=30)


def interval_days(
    tier: str, *, created: dt.date, on: dt.date, override: int | None = None,
    by_tier: dict[str, int] | None = None,
) -> int:
    """Days between follow-ups for a customer of `tier` created on `created`, as of day `on`."""
    if override:
        return override
    if on - created < NEW_CUSTOMER_PERIOD:
        return NEW_CUSTOMER_DAYS
    table = by_tier or DEFAULT_DAYS_BY_TIER
    return table.get(tier, table["C"])


def next_follow_up(
    last_contact: dt.date | None, tier: str, *, created: dt.date, override: int | None = None,
    by_tier: dict[str, int] | None = None,
) -> dt.date:
    """The day the next follow-up is due: the interval after the last contact (or after creation)."""
    start = last_contact or created
    return start + dt.timedelta(days=interval_days(tier, created=created, on=start, override=override,
                                                   by_tier=by_tier))
