"""Response targets for feedback: first response within so many working hours, resolution within so many working
days, per severity (team settings; defaults below).

Working time skips Saturdays and Sundays: a complaint received on Friday at 17:00 with a 24-hour target is due on
Monday at 17:00, and one received on Saturday counts from Monday 00:00. A team in China counts its public holidays
as days off and its make-up working days (调休) as working days (`working_day`, domain/workdays.py). Times are the
team's local wall-clock times, as everything stored is, so a daylight-saving change never moves a deadline's hour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from keepclient.domain.enums import Severity
from keepclient.domain.errors import ValidationError
from keepclient.domain.workdays import WorkingDay, weekday

SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)  # lowest first
DEFAULT_TARGETS: dict[str, dict[str, float]] = {
    "low": {"response_hours": 48, "resolution_days": 14},
    "normal": {"response_hours": 24, "resolution_days": 7},
    "high": {"response_hours": 8, "resolution_days": 3},
    "urgent": {"response_hours": 4, "resolution_days": 1},
}
MAX_HOURS = 24 * 90
MAX_DAYS = 365
MAX_DAYS_OFF = 366  # days off in a row before a working-day rule is taken for broken


def _working_start(moment: dt.datetime, working_day: WorkingDay = weekday) -> dt.datetime:
    """`moment`, or the next working day at 00:00 when it falls on a day off."""
    if working_day(moment.date()):
        return moment
    day = moment.date() + dt.timedelta(days=1)
    for _ in range(MAX_DAYS_OFF):
        if working_day(day):
            break
        day += dt.timedelta(days=1)
    else:
        raise ValueError("a working-day rule without working days")
    return dt.datetime.combine(day, dt.time())


def add_working_hours(start: dt.datetime, hours: float, working_day: WorkingDay | None = None) -> dt.datetime:
    """`start` plus `hours` of working time (weekdays, or the days `working_day` says are working days)."""
    rule = working_day or weekday
    moment = _working_start(start, rule)
    left = dt.timedelta(hours=hours)
    while True:
        midnight = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time())
        if moment + left <= midnight:
            return moment + left
        left -= midnight - moment
        moment = _working_start(midnight, rule)


def add_working_days(start: dt.datetime, days: float, working_day: WorkingDay | None = None) -> dt.datetime:
    """`start` plus `days` working days (24 working hours each)."""
    return add_working_hours(start, days * 24, working_day)


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


def deadlines(received: dt.datetime, severity: str, targets: Mapping[str, Mapping[str, float]] | None = None,
              working_day: WorkingDay | None = None) -> tuple[dt.datetime, dt.datetime]:
    """(first response due, resolution due) for feedback of `severity` received at `received`; working time by
    `working_day` (weekdays when None)."""
    table = targets or DEFAULT_TARGETS
    limits = table.get(severity) or table.get("normal") or DEFAULT_TARGETS["normal"]
    return (add_working_hours(received, limits["response_hours"], working_day).replace(microsecond=0),
            add_working_days(received, limits["resolution_days"], working_day).replace(microsecond=0))
