"""Response targets for feedback: first response within so many working hours, resolution within so many working
days, per severity (team settings; defaults below).

Working time skips Saturdays and Sundays: a complaint received on Friday at 17:00 with a 24-hour target is due on
Monday at 17:00, and one received on Saturday counts from Monday 00:00. Times are the team's local wall-clock
times, as everything stored is, so a daylight-saving change never moves a deadline's hour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from keepclient.domain.enums import Severity
from keepclient.domain.errors import ValidationError

SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)  # lowest first
DEFAULT_TARGETS: dict[str, dict[str, float]] = {
    "low": {"response_hours": 48, "resolution_days": 14},
    "normal": {"response_hours": 24, "resolution_days": 7},
    "high": {"response_hours": 8, "resolution_days": 3},
    "urgent": {"response_hours": 4, "resolution_days": 1},
}
MAX_HOURS = 24 * 90
MAX_DAYS = 365


def _working_start(moment: dt.datetime) -> dt.datetime:
    """`moment`, or the Monday after it at 00:00 when it falls on a weekend."""
    if moment.weekday() < 5:
        return moment
    return dt.datetime.combine(moment.date() + dt.timedelta(days=7 - moment.weekday()), dt.time())


def add_working_hours(start: dt.datetime, hours: float) -> dt.datetime:
    """`start` plus `hours` of weekday time (weekends do not count)."""
    moment = _working_start(start)
    left = dt.timedelta(hours=hours)
    while True:
        midnight = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time())
        if moment + left <= midnight:
            return moment + left
        left -= midnight - moment
        moment = _working_start(midnight)


def add_working_days(start: dt.datetime, days: float) -> dt.datetime:
    """`start` plus `days` working days (24 weekday hours each)."""
    return add_working_hours(start, days * 24)


def checked_targets(values: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, float]]:
    """The team's targets completed with the defaults; ValidationError for a value out of range."""
    targets = {severity: dict(limits) for severity, limits in DEFAULT_TARGETS.items()}
    for severity, limits in values.items():
        if severity not in targets:
            continue
        for key, value in limits.items():
            if key not in targets[severity]:
                continue
            try:
                number = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise ValidationError(field=f"{severity}.{key}", value=value) from None
            top = MAX_HOURS if key == "response_hours" else MAX_DAYS
            if not 0 < number <= top:
                raise ValidationError(field=f"{severity}.{key}", value=value)
            targets[severity][key] = number
    return targets


def deadlines(received: dt.datetime, severity: str,
              targets: Mapping[str, Mapping[str, float]] | None = None) -> tuple[dt.datetime, dt.datetime]:
    """(first response due, resolution due) for feedback of `severity` received at `received`."""
    table = targets or DEFAULT_TARGETS
    limits = table.get(severity) or table.get("normal") or DEFAULT_TARGETS["normal"]
    return (add_working_hours(received, limits["response_hours"]).replace(microsecond=0),
            add_working_days(received, limits["resolution_days"]).replace(microsecond=0))
