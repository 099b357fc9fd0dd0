"""The care calendar's team settings and holidays: which holidays the team observes, and the team's region, which
decides whether working time follows China's public holidays and make-up working days (调休).

Both are team settings in the database (Setting rows holding JSON), like the cadence and the response targets.
`days(start, end)` gives the observed holidays of a period for the calendar's Care layer and the Due panel; a year's
holidays are computed once per process (a few milliseconds each) and only filtered after that.

Saving is a change to what the user saw (`change_settings`: holidays added, holidays removed, the region), applied
to what is stored at that moment in one transaction, so a colleague's change to another holiday is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from keepclient.db import team_settings
from keepclient.db.connection import Database
from keepclient.domain import holidays as holiday_rules
from keepclient.domain import workdays
from keepclient.domain.errors import ValidationError
from keepclient.domain.holidays import Holiday
from keepclient.domain.validation import DEFAULT_REGION

OBSERVED_KEY = "care.observed_holidays"
REGION_KEY = "team.region"
_REGION = re.compile(r"^[A-Za-z]{2}$")


class CareSettings(NamedTuple):
    """The team's care settings as shown in File › Care settings…."""

    observed: tuple[str, ...]  # holiday keys, in the standard order
    region: str  # ISO country code; "CN": working time follows China's holidays and 调休


@lru_cache(maxsize=64)
def _year(year: int) -> tuple[Holiday, ...]:
    """Every holiday of a year (1950-2100), by date: computed once, then filtered by what the team observes."""
    return tuple(holiday_rules.holidays(year))


def observed_between(start: dt.date, end: dt.date, observed: Iterable[str]) -> list[Holiday]:
    """The holidays with a key in `observed` falling in [start, end), by date (years outside 1950-2100: none)."""
    keys = set(observed)
    return [h for year in range(max(start.year, holiday_rules.FIRST_YEAR), min(end.year, holiday_rules.LAST_YEAR) + 1)
            for h in _year(year) if h.key in keys and start <= h.date < end]


def load_observed() -> list[str]:
    """The holiday keys the team observes (all of them until set); call inside a database session."""
    stored = team_settings.read(OBSERVED_KEY)
    if not isinstance(stored, list):
        return list(holiday_rules.KEYS)
    return [key for key in holiday_rules.KEYS if key in stored]  # a damaged or old value: the known keys in it


def load_region() -> str:
    """The team's region, an ISO country code ("CN" until set); call inside a database session."""
    stored = team_settings.read(REGION_KEY)
    return stored.upper() if isinstance(stored, str) and _REGION.match(stored) else DEFAULT_REGION


def load_working_day() -> workdays.WorkingDay:
    """The team's working-day rule for response targets; call inside a database session."""
    return workdays.rule_for(load_region())


class CareService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # -- settings ---------------------------------------------------------------------------------------------
    def observed_holidays(self) -> list[str]:
        """The keys of the holidays the team observes, in the standard order."""
        with self.db.session():
            return load_observed()

    def set_observed_holidays(self, keys: Iterable[str]) -> list[str]:
        """Observe these holidays (ValidationError for an unknown key; nothing is changed then)."""
        checked = holiday_rules.check_keys(keys)
        with self.db.write():
            team_settings.write(OBSERVED_KEY, checked, self.user)
        return checked

    def settings(self) -> CareSettings:
        """The observed holidays and the region, read together."""
        with self.db.session():
            return CareSettings(tuple(load_observed()), load_region())

    def change_settings(self, *, observe: Iterable[str] = (), stop_observing: Iterable[str] = (),
                        region: str | None = None) -> CareSettings:
        """Apply what the user changed to what is stored now, in one transaction: holidays to observe and to stop
        observing (a colleague's change to the others is kept) and the region (None: unchanged). ValidationError
        for an unknown holiday or a malformed region; nothing is changed then. Returns the settings saved."""
        added = set(holiday_rules.check_keys(observe))
        removed = set(holiday_rules.check_keys(stop_observing))
        code = None
        if region is not None:
            if not _REGION.match(region.strip()):
                raise ValidationError(field="region", value=region)
            code = region.strip().upper()
        with self.db.write():
            current = set(load_observed())
            observed = [key for key in holiday_rules.KEYS if key in (current | added) - removed]
            if added or removed:
                team_settings.write(OBSERVED_KEY, observed, self.user)
            if code is not None and code != load_region():
                team_settings.write(REGION_KEY, code, self.user)
            return CareSettings(tuple(observed), load_region())

    def region(self) -> str:
        with self.db.session():
            return load_region()

    def set_region(self, code: str) -> str:
        """Set the team's region (two letters, ISO 3166: "CN", "DE"); "CN" counts China's holidays and 调休."""
        if not _REGION.match(code.strip()):
            raise ValidationError(field="region", value=code)
        region = code.strip().upper()
        with self.db.write():
            team_settings.write(REGION_KEY, region, self.user)
        return region

    # -- holidays ---------------------------------------------------------------------------------------------
    def holidays(self, year: int, *, everything: bool = False) -> list[Holiday]:
        """The holidays of Gregorian `year` (1950-2100) the team observes (`everything`: all of them), by date."""
        holiday_rules.check_year(year)
        return holiday_rules.holidays(year, None if everything else self.observed_holidays())

    def days(self, start: dt.date, end: dt.date) -> list[Holiday]:
        """The holidays the team observes in [start, end), by date: the calendar's Care layer."""
        with self.db.session():
            observed = load_observed()
        return observed_between(start, end, observed)

    def holidays_between(self, start: dt.date, end: dt.date) -> list[Holiday]:
        """The observed holidays in [start, end) (years outside 1950-2100 have none)."""
        return holiday_rules.holidays_between(start, end, self.observed_holidays())
