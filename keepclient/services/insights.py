"""Customer value and churn early warning (issue 15): gathering each customer's history, storing the figures the
rules in domain/insights compute, and the reviews built on them (tiers, at risk, one customer's value).

Stored on the customer row (schema 9), derived like the order figures (db/order_values): no version, no change log.
- `recompute` (all customers, or some) reads the customer rows (with the order figures db/order_values keeps
  there: 12-month and previous 12-month revenue, total, first and last order) and, with a few set-based GROUP BY
  queries on a worker thread meanwhile, missed visits, open complaints and the last three satisfaction scores;
  calls the rules and writes what changed (only over rows still as read) in one transaction. The team-relative
  figures (RFM
  quintiles, the 80/20 tiers, the retention rate behind lifetime value) need every customer: the full recompute
  stores the retention and the revenue each tier starts at (`STATS_KEY`), so that
- `refresh_customers` (the one helper every write path that changes a customer's inputs calls, inside its own
  transaction: order lines, logged contacts and visit outcomes, feedback, edits of tier/stage/cadence) updates
  risk, reasons, lifetime value and the suggested tier of a few customers in milliseconds. Their RFM scores follow
  at the next full recompute (daily, after imports).
- Version-checked writes through `update_checked` for what users decide: applying suggested tiers, pinning a tier,
  marking a customer lost with a reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import queue
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, fields
from typing import Any

from peewee import SqliteDatabase

from keepclient.db import bulk, order_values, team_settings
from keepclient.db.connection import Database
from keepclient.db.dialect import engine_of, ids_in
from keepclient.db.models import Customer, now
from keepclient.db.versioning import current_row, update_checked
from keepclient.domain import cadence
from keepclient.domain.enums import OPEN_FEEDBACK_STATUSES
from keepclient.domain.errors import CancelledError, ValidationError
from keepclient.domain.insights import (
    LOST_REASONS,
    NEXT_STEPS,
    SETTING_RANGES,
    CustomerHistory,
    InsightSettings,
    LifetimeValue,
    Reason,
    Risk,
    TierSuggestion,
    churn_risk,
    lifecycle_suggestion,
    lifetime_value,
    reasons_from_json,
    reasons_json,
    retention_rate,
    rfm_scores,
    tier_suggestions,
    value_tiers,
)
from keepclient.domain.normalize import customer_row_keys
from keepclient.importing.collector import collector_paused
from keepclient.services.team import load_cadence

SETTINGS_KEY = "insights.settings"
STATS_KEY = "insights.stats"  # from the last full recompute: {"retention", "a_from", "b_from", "as_of"}
TIERS = ("A", "B", "C")
MISSED_STATUSES = ("missed", "cancelled")
DEFAULT_RETENTION = 0.5

Progress = Callable[[int, int], None]
WRITE_CHUNK = 10_000  # changed customers per chunk the full recompute's writer thread writes while the next is computed
WRITE_BATCH = 1_000  # of a chunk, written at once (a tenth of a second on a team server: the wait of a cancel)
REFRESH_CHUNK = 2_000  # customers `refresh_customers` reads at a time (100,000 at once: 70 MB more at an import's peak)
_ABANDONED: list[tuple[int, Any]] = []  # put on the writer's queue (by identity) when the computing side stops


@dataclass(frozen=True)
class StageSuggestion:
    """A lifecycle move the rules suggest (reviewed before it is applied): `why` is a template in the insights
    translation context with its values, like a risk reason."""

    id: int
    name: str
    owner: str
    stage: str
    suggested: str
    risk: int
    last_activity: dt.date | None  # the newer of the last order and the last contact


@dataclass(frozen=True)
class AtRiskRow:
    """One line of the at-risk list (money in cents; reasons biggest first)."""

    id: int
    name: str
    owner_id: int | None
    owner: str
    risk: int
    reasons: tuple[Reason, ...]
    next_step: str  # a template (domain.insights.CONTEXT), "" when there is no reason
    last_contact: dt.date | None
    last_order: dt.date | None
    revenue_12m_cents: int
    tier: str
    stage: str


@dataclass(frozen=True)
class CustomerValue:
    """One customer's value and risk with the numbers behind them (the detail pane states the formula)."""

    customer_id: int
    name: str
    tier: str
    suggested_tier: str | None
    tier_pinned: bool
    rfm: tuple[int, int, int] | None  # recency, frequency, monetary 1..5 (as of the last full recompute)
    recency_days: int | None  # days since the last order
    orders_count: int
    revenue_12m_cents: int
    revenue_prev_12m_cents: int
    revenue_total_cents: int
    first_order: dt.date | None
    last_order: dt.date | None
    retention: float  # the team's retention rate the lifetime value uses
    ltv: LifetimeValue
    risk: Risk
    lost_reason: str
    as_of: dt.date


# -- reading the inputs ------------------------------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _day(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _day(str(value)[:10])


class _Days(dict[Any, "dt.date | None"]):
    """Stored days by their stored value, each parsed once: `days[value]` is a dict lookup after the first."""

    def __missing__(self, value: Any) -> dt.date | None:
        day = self[value] = _date(value)
        return day


@functools.lru_cache(maxsize=8192)
def _day(text: str) -> dt.date:
    """A stored day (a few thousand distinct ones among 100,000s of rows: parsed once each)."""
    return dt.date.fromisoformat(text)


def _scope(ids: Sequence[int] | None, column: str, pw: Any) -> tuple[str, list[Any]]:
    """SQL narrowing a query to some customers (one parameter: no limit on how many)."""
    if ids is None:
        return "", []
    sql, params = ids_in(column, ids, pw)
    return f" AND {sql}", params


# The computed figures on a customer row, in the order `gather` returns what is stored and `_write` writes them.
STORED_FIGURES = ("risk_score", "risk_reasons", "suggested_tier", "rfm", "ltv_cents")
Figures = tuple[Any, ...]


def _all_at_once(pw: SqliteDatabase, sql: str, params: Sequence[Any], width: int) -> list[list[Any]]:
    """The rows of `sql` (its `width` columns named c0, c1, …) read as one JSON text. A worker thread of the full
    recompute then takes Python's lock once instead of once per row, each time waiting behind the thread that
    computes meanwhile."""
    if engine_of(pw) != "sqlite":  # a server's rows arrive over the network: no lock to spare
        return [list(row) for row in pw.execute_sql(sql, params).fetchall()]
    columns = ", ".join(f"c{i}" for i in range(width))
    (text,) = pw.execute_sql(f"SELECT json_group_array(json_array({columns})) FROM ({sql})", params).fetchone()
    rows: list[list[Any]] = json.loads(text)
    return rows


@dataclass(frozen=True)
class Inputs:
    """What the rules read beside the customer rows, per customer id (absent: none)."""

    missed: dict[int, int]  # missed or cancelled visits in the last 90 days
    complaints: dict[int, tuple[int, int]]  # open complaints, of which overdue
    scores: dict[int, tuple[int, ...]]  # the last three satisfaction scores, newest first


def _moment(today: dt.date, at: dt.datetime | None = None) -> dt.datetime:
    """When complaints count as overdue: `at`, or now's time of day on `today`."""
    return (at or dt.datetime.combine(today, now().time())).replace(microsecond=0)


def activity_figures(pw: SqliteDatabase, today: dt.date, at: dt.datetime, ids: Sequence[int] | None = None,
                     ) -> tuple[dict[int, int], dict[int, tuple[int, int]], dict[int, tuple[int, ...]]]:
    """Missed visits, open complaints and the last satisfaction scores of every (or these) customers (Inputs).

    In full, "+customer_id" lets visits and feedback be found by their own indexes (date range, status) rather
    than walked by customer; open complaints are found by status ("+kind": the few open items, not every complaint
    ever, 0.04 s against 0.24 s at 200,000 feedback items)."""
    scope, params = _scope(ids, "customer_id", pw)
    group = "+customer_id" if ids is None else "customer_id"
    missed = {cid: count for cid, count in _all_at_once(
        pw, "SELECT customer_id AS c0, count(*) AS c1 FROM visit WHERE deleted_at IS NULL AND status IN (?, ?) AND "
        f"planned_start >= ? AND planned_start < ?{scope} GROUP BY {group}",
        [*MISSED_STATUSES, (today - dt.timedelta(days=90)).isoformat(),
         (today + dt.timedelta(days=1)).isoformat(), *params], 2)}
    marks = ", ".join("?" * len(OPEN_FEEDBACK_STATUSES))
    complaints = {cid: (open_count, overdue or 0) for cid, open_count, overdue in _all_at_once(
        pw, "SELECT customer_id AS c0, count(*) AS c1, sum(CASE WHEN next_due < ? THEN 1 ELSE 0 END) AS c2 FROM "
        f"feedback WHERE deleted_at IS NULL AND +kind = 'complaint' AND status IN ({marks}){scope} GROUP BY {group}",
        [str(at), *OPEN_FEEDBACK_STATUSES, *params], 3)}
    scores: dict[int, list[int]] = {}
    for cid, score, n in _all_at_once(
            pw, "SELECT customer_id AS c0, satisfaction AS c1, n AS c2 FROM (SELECT customer_id, satisfaction, "
            "row_number() OVER (PARTITION BY customer_id ORDER BY at DESC) AS n FROM ("
            "SELECT customer_id, planned_start AS at, satisfaction FROM visit WHERE satisfaction IS NOT NULL AND "
            f"deleted_at IS NULL{scope} UNION ALL SELECT customer_id, coalesce(closed_at, updated_at), satisfaction "
            f"FROM feedback WHERE satisfaction IS NOT NULL AND deleted_at IS NULL{scope}) AS scored) AS ranked "
            "WHERE n <= 3",
            [*params, *params], 3):
        found = scores.setdefault(cid, [0, 0, 0])
        found[n - 1] = score
    return missed, complaints, {cid: tuple(score for score in found if score) for cid, found in scores.items()}


def read_inputs(pw: SqliteDatabase, today: dt.date, at: dt.datetime, ids: Sequence[int] | None = None) -> Inputs:
    return Inputs(*activity_figures(pw, today, at, ids))


def gather(pw: SqliteDatabase, today: dt.date, ids: Sequence[int] | None = None, at: dt.datetime | None = None,
           inputs: Callable[[], Inputs] | None = None,
           meanwhile: Callable[[list[CustomerHistory]], None] | None = None,
           ) -> tuple[list[CustomerHistory], dict[int, Figures]]:
    """Every (or these) live customers' histories, and the figures stored on their rows now (STORED_FIGURES).

    The histories are built from the customer rows first (days parsed, each one's follow-up interval; the order
    figures are stored there by db/order_values), then completed with the visit and feedback figures (`inputs`:
    from a worker thread reading them meanwhile, the full recompute; else read here). `meanwhile(histories)` runs
    in between: the full recompute ranks RFM and tiers there while the worker still reads.
    """
    at = _moment(today, at)
    rules = load_cadence()
    scope, params = _scope(ids, "id", pw)
    histories: list[CustomerHistory] = []
    stored: dict[int, Figures] = {}
    intervals: dict[tuple[str, int | None, dt.date], int] = {}
    days = _Days()
    for (cid, created, stage, tier, cadence_days, last_contact, rev12, orders, last_order, gap, total, prev, first,
         pinned, *figures) in pw.execute_sql(
            "SELECT id, substr(created_at, 1, 10), stage, tier, cadence_days, last_contact, revenue_12m_cents, "
            "orders_count, last_order, order_gap_days, revenue_total_cents, revenue_prev_12m_cents, first_order, "
            f"tier_pinned, {', '.join(STORED_FIGURES)} FROM customer "
            f"WHERE +deleted_at IS NULL{scope}", params).fetchall():  # "+": found by id, not by an index on it
        created_day = days[created] or today
        key = (tier, cadence_days, created_day)
        interval = intervals.get(key)
        if interval is None:  # a few thousand distinct (tier, override, day entered) among 100,000 customers
            interval = intervals[key] = cadence.interval_days(tier, created=created_day, on=today,
                                                              override=cadence_days, by_tier=rules)
        histories.append(CustomerHistory(
            id=cid, created=created_day, stage=stage, cadence_days=interval, last_contact=days[last_contact],
            revenue_12m_cents=rev12 or 0, revenue_prev_12m_cents=prev or 0, revenue_total_cents=total or 0,
            orders_count=orders or 0, first_order=days[first], last_order=days[last_order], order_gap_days=gap,
            tier_pinned=bool(pinned)))
        stored[cid] = tuple(figures)
    if meanwhile is not None:
        meanwhile(histories)
    found = inputs() if inputs is not None else read_inputs(pw, today, at, ids)
    by_id = {history.id: history for history in histories}  # completed in place: built here, not yet shared
    for cid, (open_count, overdue) in found.complaints.items():
        if (history := by_id.get(cid)) is not None:
            history.open_complaints, history.overdue_complaints = open_count, overdue
    for cid, scores in found.scores.items():
        if (history := by_id.get(cid)) is not None:
            history.recent_scores = scores
    for cid, missed in found.missed.items():
        if (history := by_id.get(cid)) is not None:
            history.missed_visits_90d = missed
    return histories, stored


# -- settings and stats ------------------------------------------------------------------------------------------
def checked_settings(values: Mapping[str, Any], base: InsightSettings | None = None) -> InsightSettings:
    """`base` (the defaults) with `values` applied; ValidationError for an unknown name or a value out of range."""
    current = asdict(base or InsightSettings())
    kinds = {f.name: type(current[f.name]) for f in fields(InsightSettings)}
    for name, value in values.items():
        if name not in kinds:
            raise ValidationError(field=name, value=value)
        try:
            number = float(value) if kinds[name] is float else int(value)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(field=name, value=value) from None
        low, high = SETTING_RANGES[name]
        if isinstance(value, bool) or not low <= number <= high:  # NaN compares false: refused too
            raise ValidationError(field=name, value=value)
        current[name] = number
    result = InsightSettings(**current)
    if result.a_share > result.b_share:
        raise ValidationError(field="a_share", value=values.get("a_share", result.a_share))
    if result.ltv_floor_years > result.ltv_max_years:
        raise ValidationError(field="ltv_floor_years", value=values.get("ltv_floor_years", result.ltv_floor_years))
    return result


def load_settings() -> InsightSettings:
    """The team's insight settings (defaults completed); call inside a database session."""
    stored = team_settings.read(SETTINGS_KEY)
    if not isinstance(stored, dict):
        return InsightSettings()
    try:
        return checked_settings({k: v for k, v in stored.items() if k in InsightSettings.__dataclass_fields__})
    except ValidationError:
        return InsightSettings()


def _stats() -> dict[str, Any]:
    stored = team_settings.read(STATS_KEY)
    return stored if isinstance(stored, dict) else {}


# -- computing and writing ---------------------------------------------------------------------------------------
def _tier_from(revenue: int, stats: Mapping[str, Any]) -> str | None:
    """The suggested tier of one customer against the thresholds of the last full recompute (None: never run)."""
    a_from, b_from = stats.get("a_from"), stats.get("b_from")
    if "as_of" not in stats:
        return None
    if revenue > 0 and a_from is not None and revenue >= a_from:
        return "A"
    if revenue > 0 and b_from is not None and revenue >= b_from:
        return "B"
    return "C"


def _update_from_json(columns: Sequence[str]) -> str:
    """UPDATE of `columns` from a JSON list of [id, new values…, old values of STORED_FIGURES…] (see `_write`)."""
    width = len(columns)
    fields = ", ".join([f"json_extract(value, '$[{n}]') AS v{n}" for n in range(1 + width + len(STORED_FIGURES))])
    assignments = ", ".join(f"{column} = j.v{n}" for n, column in enumerate(columns, start=1))
    unchanged = " AND ".join(f"customer.{column} IS j.v{n}"
                             for n, column in enumerate(STORED_FIGURES, start=1 + width))
    return (f"UPDATE customer SET {assignments}, insights_as_of = coalesce(insights_as_of, ?) FROM "
            f"(SELECT {fields} FROM json_each(?)) AS j WHERE customer.id = j.v0 AND {unchanged}")


_RESCORED, _CHANGED = _update_from_json(STORED_FIGURES), _update_from_json(STORED_FIGURES[1:])


def _server_update(columns: Sequence[str]) -> str:
    """`_update_from_json`'s statement for one row on a team server (psycopg's placeholders: a raw cursor)."""
    assignments = ", ".join(f"{column} = %s" for column in columns)
    unchanged = " AND ".join(f"{column} IS NOT DISTINCT FROM %s" for column in STORED_FIGURES)
    return (f"UPDATE customer SET {assignments}, insights_as_of = coalesce(insights_as_of, %s::date) "
            f"WHERE id = %s AND {unchanged}")


def _write(pw: SqliteDatabase, rows: Iterable[tuple[int, Figures]], stored: Mapping[int, Figures],
           counted: dt.date | None = None) -> tuple[int, int]:
    """Write the computed figures (customer id, figures in STORED_FIGURES order) that differ from the stored ones;
    `counted`: the day of a full recompute, stamped on the customers it counts for the first time (`_stamp`).
    Returns how many rows were written with a new score, and how many with the same score.

    A row is written only while it still holds what was read: the full recompute reads before its write
    transaction, and a colleague's save meanwhile has already refreshed that customer from newer inputs.
    The rows go in as one JSON parameter per statement: SQLite then works through them without Python's lock,
    while the full recompute computes the next chunk (row by row, each row waited for that lock: no overlap).
    A row whose score did not change leaves the score alone, and so its index entry."""
    day = counted.isoformat() if counted is not None else None
    rescored, changed = [], []
    for cid, figures in rows:
        old = stored[cid]
        if old == figures:
            continue
        if old[0] != figures[0]:
            rescored.append([cid, *figures, *old])
        else:
            changed.append([cid, *figures[1:], *old])
    for chosen, columns, statement in ((rescored, STORED_FIGURES, _RESCORED), (changed, STORED_FIGURES[1:], _CHANGED)):
        if not chosen:
            continue
        if engine_of(pw) == "sqlite":
            pw.execute_sql(statement, [day, json.dumps(chosen, ensure_ascii=False)])
        else:  # a server takes the rows as one batch of statements
            width = len(columns)
            pw.cursor().executemany(_server_update(columns), [
                [*row[1:1 + width], day, row[0], *row[1 + width:]] for row in chosen])
    return len(rescored), len(changed)


@dataclass(frozen=True)
class Team:
    """What the full recompute read: every live customer's history and stored figures, and the team-relative
    rankings."""

    histories: list[CustomerHistory]
    stored: dict[int, Figures]
    settings: InsightSettings
    rfm: dict[int, tuple[int, int, int]]
    revenues: dict[int, int]
    tiers: dict[int, str]


def _changed_figures(team: Team, retention: float, today: dt.date) -> Iterator[list[tuple[int, Figures]]]:
    """Each customer's figures computed, those that differ from the stored ones yielded WRITE_CHUNK at a time."""
    settings, stored, tiers, rfm = team.settings, team.stored, team.tiers, team.rfm
    rows: list[tuple[int, Figures]] = []
    for history in team.histories:
        hid = history.id
        risk = churn_risk(history, today, settings)
        ltv = lifetime_value(history, retention, today, settings).cents if history.orders_count else None
        figures = (risk.score, reasons_json(risk.reasons), tiers.get(hid, "C"), _rfm_text(rfm.get(hid)), ltv)
        if figures != stored[hid]:
            rows.append((hid, figures))
            if len(rows) == WRITE_CHUNK:
                yield rows
                rows = []
    yield rows


def _stamp(pw: SqliteDatabase, today: dt.date) -> None:
    """Mark the customers a full recompute counted for the first time (those `_write` did not write). Which day the
    figures are for is the team's `as_of` (STATS_KEY), not a stamp on every row: rewriting 100,000 rows each day
    cost a tenth of the recompute."""
    pw.execute_sql("UPDATE customer SET insights_as_of = ? WHERE deleted_at IS NULL AND insights_as_of IS NULL",
                   [today.isoformat()])


def refresh_customers(pw: SqliteDatabase, customer_ids: Iterable[int], today: dt.date | None = None) -> None:
    """Recompute the risk, reasons, lifetime value and suggested tier of these customers (call inside the write
    transaction that changed their inputs; milliseconds for a few). RFM scores wait for the next full recompute:
    they rank a customer among all the others; so do the team's `as_of` and `insights_as_of` (set when a full
    recompute first counts a customer: one never counted in full is stale, and the next `ensure_current` counts
    everyone). Except for a customer without orders while the team's figures are of `today`: it takes part in no
    ranking (RFM, tiers and retention count customers with orders), so what is computed here is what a full
    recompute would store, and it is stamped as counted (`_counted_alone`). Many customers (an import's) are
    refreshed REFRESH_CHUNK at a time: an import's own memory is at its peak meanwhile."""
    ids = customer_ids if isinstance(customer_ids, range) else sorted(set(customer_ids))
    today = today or dt.date.today()
    settings = load_settings()
    stats = _stats()
    retention = float(stats.get("retention", DEFAULT_RETENTION))
    current = str(stats.get("as_of", "")) >= today.isoformat()
    for first in range(0, len(ids), REFRESH_CHUNK):
        histories, stored = gather(pw, today, ids[first:first + REFRESH_CHUNK])
        rows = []
        for history in histories:
            old = dict(zip(STORED_FIGURES, stored[history.id], strict=True))
            risk = churn_risk(history, today, settings)
            ltv = lifetime_value(history, retention, today, settings).cents if history.orders_count else None
            suggested = _tier_from(history.revenue_12m_cents, stats) if stats else old["suggested_tier"]
            rows.append((history.id, (risk.score, reasons_json(risk.reasons), suggested, old["rfm"], ltv)))
        _write(pw, rows, stored)
        if current:
            alone = [history.id for history in histories if _counted_alone(history)]
            among, params = ids_in("id", alone, pw)
            pw.execute_sql(f"UPDATE customer SET insights_as_of = ? WHERE insights_as_of IS NULL AND {among}",
                           [today.isoformat(), *params])


def refresh_if_current(pw: SqliteDatabase, customer_ids: Iterable[int], today: dt.date | None = None) -> None:
    """`refresh_customers` while the team's figures are of `today` (an import's customers); else nothing: their
    figures are stale with everyone's, and the full recompute that `ensure_current` then runs counts them."""
    today = today or dt.date.today()
    if str(_stats().get("as_of", "")) >= today.isoformat():
        refresh_customers(pw, customer_ids, today)


def _counted_alone(history: CustomerHistory) -> bool:
    """Whether a customer's figures depend on its own history only: no orders, so not among those `rfm_scores`,
    `value_tiers` and `retention_rate` rank or count."""
    return (history.orders_count == 0 and history.last_order is None and history.revenue_12m_cents <= 0
            and history.revenue_prev_12m_cents <= 0)


def customers_changed(customer_ids: Iterable[int], today: dt.date | None = None) -> None:
    """`refresh_customers` on the database the models are bound to (for write paths that hold no `pw`)."""
    database = Customer._meta.database
    if database is not None:
        refresh_customers(database, customer_ids, today)


def _rfm_text(scores: tuple[int, int, int] | None) -> str | None:
    return None if scores is None else "".join(str(s) for s in scores)


class InsightService:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # -- settings ----------------------------------------------------------------------------------------------
    def settings(self) -> InsightSettings:
        with self.db.session():
            return load_settings()

    def set_settings(self, values: InsightSettings | Mapping[str, Any]) -> InsightSettings:
        """Change some settings (the others kept); ValidationError when a value is out of range. The stored risks
        follow at the next recompute (call `recompute()`)."""
        changes = asdict(values) if isinstance(values, InsightSettings) else dict(values)
        with self.db.write():
            result = checked_settings(changes, load_settings())
            team_settings.write(SETTINGS_KEY, asdict(result), self.user)
        return result

    # -- recomputing -------------------------------------------------------------------------------------------
    def stale_count(self, today: dt.date | None = None) -> int:
        """Live customers whose figures were computed for an earlier day (all, when the last full recompute was
        before `today`) or never counted in full (entered since with orders: see `refresh_customers`)."""
        day = (today or dt.date.today()).isoformat()
        with self.db.session() as pw:
            current = str(_stats().get("as_of", "")) >= day
            count: int = pw.execute_sql(
                "SELECT count(*) FROM customer WHERE deleted_at IS NULL"
                + (" AND insights_as_of IS NULL" if current else "")).fetchone()[0]
            return count

    def ensure_current(self, today: dt.date | None = None, progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None) -> int:
        """The full recompute when any customer's figures are older than `today` (what commands run first);
        returns how many customers were recomputed (0 when all were current)."""
        if not self.stale_count(today):
            return 0
        return self.recompute(None, today, progress, cancelled)

    def recompute(self, ids: Iterable[int] | None = None, today: dt.date | None = None,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
        """Recompute every customer's (or these customers') value and risk; returns how many were counted.

        With `ids` it is `refresh_customers` in a transaction of its own. In full, the order figures are brought to
        `today` first; the customer rows are read (and RFM and tiers ranked) while a worker thread reads the visit
        and feedback figures; then each customer's risk and value are computed while a second worker writes the
        changed ones, chunk by chunk, in one transaction. `progress(done, 4)` after each step; `cancelled()` true
        stops it and nothing is written (CancelledError).
        """
        today = today or dt.date.today()
        if ids is not None:
            chosen = sorted(set(ids))
            with self.db.write() as pw:
                refresh_customers(pw, chosen, today)
            return len(chosen)
        steps = 4

        def step(done: int) -> None:
            if cancelled is not None and cancelled():
                raise CancelledError()
            if progress is not None:
                progress(done, steps)

        step(0)
        with self.db.session() as pw:
            stale = order_values.stale_count(pw, today)
        if stale:
            with self.db.write() as pw:
                order_values.refresh_stale(pw, today)
        with collector_paused():  # 100,000s of objects without cycles: the collector would walk them again and again
            team = self._read_all(today)
            step(1)
            retention = retention_rate(team.histories, today)
            revenues, tiers = team.revenues, team.tiers
            a_revenues = [revenues[cid] for cid, tier in tiers.items() if tier == "A" and revenues[cid] > 0]
            b_revenues = [revenues[cid] for cid, tier in tiers.items() if tier == "B" and revenues[cid] > 0]
            stats = {"retention": retention, "a_from": min(a_revenues) if a_revenues else None,
                     "b_from": min(b_revenues) if b_revenues else None, "as_of": today.isoformat()}
            step(2)
            chunks: queue.SimpleQueue[list[tuple[int, Figures]] | None] = queue.SimpleQueue()
            with ThreadPoolExecutor(max_workers=1) as pool:  # SQLite writes each chunk while the next is computed
                writing = pool.submit(self._write_chunks, chunks, team.stored, today, stats, cancelled)
                try:
                    for rows in _changed_figures(team, retention, today):
                        chunks.put(rows)
                        if writing.done():  # it failed (locked, disk full): its error is raised below
                            break
                        if cancelled is not None and cancelled():
                            raise CancelledError()
                    step(3)
                except BaseException:
                    chunks.put(_ABANDONED)
                    raise
                chunks.put(None)
                writing.result()
            step(4)
            return len(team.histories)

    def _read_all(self, today: dt.date) -> Team:
        """Every live customer's history and stored figures, RFM and tiers ranked while the worker reads."""
        at = _moment(today)
        with ThreadPoolExecutor(max_workers=1) as pool:  # SQLite reads visits and feedback on the other core
            counting = pool.submit(self.db.on_worker, activity_figures, today, at)
            with self.db.session() as pw:
                settings = load_settings()
                ranked: dict[str, Any] = {}

                def rank(histories: list[CustomerHistory]) -> None:  # from the rows alone
                    ranked["rfm"] = rfm_scores(histories, today)
                    ranked["revenues"] = {h.id: h.revenue_12m_cents for h in histories}
                    ranked["tiers"] = value_tiers(ranked["revenues"], settings)

                histories, stored = gather(pw, today, at=at, meanwhile=rank,
                                           inputs=lambda: Inputs(*counting.result()))
        return Team(histories, stored, settings, ranked["rfm"], ranked["revenues"], ranked["tiers"])

    def _write_chunks(self, chunks: queue.SimpleQueue[list[tuple[int, Figures]] | None],
                      stored: Mapping[int, Figures], today: dt.date, stats: Mapping[str, Any],
                      cancelled: Callable[[], bool] | None = None) -> None:
        """The full recompute's write transaction, on a worker thread: each chunk of computed rows as it comes,
        WRITE_BATCH rows at a time (asking `cancelled` before each: a background recount waits there while the
        user types), then the first-count stamps and the team figures; rolled back when the computing side gives
        up or `cancelled()` is true."""
        try:
            with self.db.write() as pw, ExitStack() as later:
                deferred = False
                while (rows := chunks.get()) is not None:
                    if rows is _ABANDONED:
                        raise CancelledError()
                    rescored = 0
                    for start in range(0, len(rows), WRITE_BATCH):
                        if cancelled is not None and cancelled():
                            raise CancelledError()
                        rescored += _write(pw, rows[start:start + WRITE_BATCH], stored, counted=today)[0]
                    if not deferred and rescored * 3 >= WRITE_CHUNK * 2:  # most scores change: a first count
                        later.enter_context(bulk.indexes_deferred(pw, ("customer",), holding=("risk_score",)))
                        deferred = True
                _stamp(pw, today)
                team_settings.write(STATS_KEY, dict(stats), self.user)
        finally:
            self.db.release_thread()

    # -- reviews -----------------------------------------------------------------------------------------------
    def tier_review(self, include_pinned: bool = False) -> list[TierSuggestion]:
        """The customers whose suggested tier (80/20 over the stored 12-month revenue) differs from their tier,
        biggest revenue first; pinned tiers left out unless `include_pinned`."""
        with self.db.session() as pw:
            settings = load_settings()
            rows = pw.execute_sql(
                "SELECT id, revenue_12m_cents, tier, tier_pinned FROM customer WHERE deleted_at IS NULL").fetchall()
        revenues = {cid: revenue for cid, revenue, _tier, _pinned in rows}
        current = {cid: tier for cid, _revenue, tier, _pinned in rows}
        pinned = {cid: bool(flag) for cid, _revenue, _tier, flag in rows}
        return tier_suggestions(revenues, current, pinned, settings, include_pinned)

    def tier_overview(self) -> list[dict[str, Any]]:
        """Every live customer with its 12-month revenue, share, tier and suggested tier, biggest revenue first
        (the Pareto list; what `keepclient tiers` prints)."""
        with self.db.session() as pw:
            settings = load_settings()
            rows = pw.execute_sql(
                "SELECT c.id, c.name, coalesce(s.name, ''), c.revenue_12m_cents, c.tier, c.tier_pinned "
                "FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id WHERE c.deleted_at IS NULL "
                "ORDER BY c.revenue_12m_cents DESC, c.sort_key, c.id").fetchall()
        tiers = value_tiers({row[0]: row[3] for row in rows}, settings)
        total = sum(max(row[3], 0) for row in rows)
        return [{"id": cid, "name": name, "owner": owner, "revenue_12m_cents": revenue,
                 "share": (max(revenue, 0) / total) if total else 0.0, "tier": tier, "pinned": bool(pinned),
                 "suggested_tier": tiers.get(cid, "C")}
                for cid, name, owner, revenue, tier, pinned in rows]

    def apply_tiers(self, changes: Mapping[int, str], versions: Mapping[int, int],
                    today: dt.date | None = None, pinned: Mapping[int, bool] | None = None) -> dict[int, int]:
        """Set these customers' tiers in one version-checked step (each at the version in `versions`: a stale one
        raises ConflictError and nothing changes); returns the new versions (undo applies the old tiers with them).

        An applied suggestion is the rule's tier, so no longer pinned (a later review may move it again); `pinned`
        gives the pins to set instead (undo puts back the tiers set by hand as they were)."""
        for cid, tier in changes.items():
            if tier not in TIERS:
                raise ValidationError(field="tier", value=tier)
            if cid not in versions:
                raise ValueError(f"no version given for customer {cid}")
        after: dict[int, int] = {}
        with self.db.write() as pw:
            for cid, tier in changes.items():
                pin = bool(pinned.get(cid, False)) if pinned is not None else False
                after[cid] = update_checked(Customer, cid, versions[cid], {"tier": tier, "tier_pinned": pin},
                                            self.user, derive=customer_row_keys)
            refresh_customers(pw, changes, today)
        return after

    def pins(self, customer_ids: Iterable[int]) -> dict[int, bool]:
        """Which of these customers' tiers are pinned now (what undoing a tier review puts back)."""
        ids = sorted(set(customer_ids))
        with self.db.session() as pw:
            scope, params = _scope(ids, "id", pw)
            return {cid: bool(flag) for cid, flag in pw.execute_sql(
                f"SELECT id, tier_pinned FROM customer WHERE 1 = 1{scope}", params)}

    def versions(self, customer_ids: Iterable[int]) -> dict[int, int]:
        """The customers' versions now (what a review applied at once checks against)."""
        ids = sorted(set(customer_ids))
        with self.db.session() as pw:
            scope, params = _scope(ids, "id", pw)
            return {cid: version for cid, version in pw.execute_sql(
                f"SELECT id, version FROM customer WHERE 1 = 1{scope}", params)}

    def pin_tier(self, customer_id: int, version: int, pinned: bool = True) -> int:
        """Pin (or unpin) the customer's tier: tier reviews leave a pinned tier alone. Returns the new version."""
        with self.db.write():
            return update_checked(Customer, customer_id, version, {"tier_pinned": bool(pinned)}, self.user)

    def mark_lost(self, customer_id: int, version: int, reason: str, today: dt.date | None = None) -> int:
        """Stage lost with a reason (one of LOST_REASONS), version-checked; returns the new version."""
        if reason not in LOST_REASONS:
            raise ValidationError(field="lost_reason", value=reason)
        with self.db.write() as pw:
            new_version = update_checked(Customer, customer_id, version, {"stage": "lost", "lost_reason": reason},
                                         self.user)
            refresh_customers(pw, [customer_id], today)
        return new_version

    def at_risk(self, owner_id: int | None = None, min_risk: int | None = None,
                limit: int | None = None) -> list[AtRiskRow]:
        """Live customers at or above `min_risk` (default: the team's threshold), highest risk first, ties by
        name; read through the (deleted_at, risk_score, sort_key) index."""
        with self.db.session() as pw:
            threshold = load_settings().at_risk_threshold if min_risk is None else min_risk
            where, params = ["c.deleted_at IS NULL", "c.risk_score >= ?"], [threshold]
            if owner_id is not None:
                where.append("c.owner_id = ?")
                params.append(owner_id)
            sql = (
                "SELECT c.id, c.name, c.owner_id, coalesce(s.name, ''), c.risk_score, c.risk_reasons, c.last_contact, "
                "c.last_order, c.revenue_12m_cents, c.tier, c.stage FROM customer c LEFT JOIN salesperson s "
                f"ON s.id = c.owner_id WHERE {' AND '.join(where)} ORDER BY c.risk_score DESC, c.sort_key, c.id")
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            rows = pw.execute_sql(sql, params).fetchall()
        result = []
        for cid, name, owner_id, owner, risk, reasons, last_contact, last_order, revenue, tier, stage in rows:
            found = reasons_from_json(reasons)
            result.append(AtRiskRow(cid, name, owner_id, owner, risk, found,
                                    NEXT_STEPS.get(found[0].key, "") if found else "", _date(last_contact),
                                    _date(last_order), revenue, tier, stage))
        return result

    def lifecycle_review(self, today: dt.date | None = None) -> list[StageSuggestion]:
        """The stage moves the rules suggest (domain.insights.lifecycle_suggestion), riskiest first: active or mature
        at risk -> at_risk, at_risk quiet for long -> lost, lost with a new order since -> won_back (the day it was
        marked lost is read from the change log)."""
        today = today or dt.date.today()
        with self.db.session() as pw:
            settings = load_settings()
            rows = pw.execute_sql(
                "SELECT c.id, c.name, coalesce(s.name, ''), c.stage, c.risk_score, c.created_at, c.last_contact, "
                "c.last_order FROM customer c LEFT JOIN salesperson s ON s.id = c.owner_id WHERE c.deleted_at IS NULL "
                "AND c.stage IN ('active', 'mature', 'at_risk', 'lost') ORDER BY c.risk_score DESC, c.sort_key, c.id"
            ).fetchall()
            lost_since = {cid: _date(day) for cid, day in pw.execute_sql(
                "SELECT record_id, max(changed_at) FROM change_log WHERE table_name = 'customer' AND field = 'stage' "
                "AND new_value IN ('lost', '\"lost\"') GROUP BY record_id")}
        found = []
        for cid, name, owner, stage, risk, created, last_contact, last_order in rows:
            contact, order = _date(last_contact), _date(last_order)
            history = CustomerHistory(id=cid, created=_date(created) or today, stage=stage, last_contact=contact,
                                      last_order=order, stage_since=lost_since.get(cid) if stage == "lost" else None)
            suggested = lifecycle_suggestion(history, Risk(int(risk or 0)), today, settings)
            if suggested is not None:
                activity = max((day for day in (contact, order) if day is not None), default=None)
                found.append(StageSuggestion(cid, name, owner, stage, suggested, int(risk or 0), activity))
        return found

    def apply_stages(self, changes: Mapping[int, str], versions: Mapping[int, int],
                     today: dt.date | None = None) -> dict[int, int]:
        """Set these customers' stages in one version-checked step (a stale version raises ConflictError and
        changes nothing); returns the new versions (undo applies the old stages with them)."""
        for cid in changes:
            if cid not in versions:
                raise ValueError(f"no version given for customer {cid}")
        after: dict[int, int] = {}
        with self.db.write() as pw:
            for cid, stage in changes.items():
                after[cid] = update_checked(Customer, cid, versions[cid], {"stage": stage}, self.user,
                                            derive=customer_row_keys)
            refresh_customers(pw, changes, today)
        return after

    def at_risk_ids(self, owner_id: int | None = None) -> set[int]:
        """The live customers at or above the team's threshold (of `owner_id` when given): what the status bar
        compares with what the user saw last time. Read through the risk index, ids only."""
        with self.db.session() as pw:
            threshold = load_settings().at_risk_threshold
            sql, params = "SELECT id FROM customer WHERE deleted_at IS NULL AND risk_score >= ?", [threshold]
            if owner_id is not None:
                sql += " AND owner_id = ?"
                params.append(owner_id)
            return {int(cid) for (cid,) in pw.execute_sql(sql, params)}

    def value(self, customer_id: int, today: dt.date | None = None) -> CustomerValue:
        """One customer's RFM, lifetime value (with the numbers of its formula) and risk, computed now from its
        history; RFM and the suggested tier as stored by the last recompute."""
        today = today or dt.date.today()
        with self.db.session() as pw:
            row = current_row(Customer, customer_id)
            settings = load_settings()
            retention = float(_stats().get("retention", DEFAULT_RETENTION))
            histories, _stored = gather(pw, today, [customer_id])
        history = histories[0] if histories else CustomerHistory(
            id=customer_id, created=_date(row["created_at"]) or today, stage=row["stage"])
        rfm = row["rfm"]
        scores = (int(rfm[0]), int(rfm[1]), int(rfm[2])) if rfm and len(rfm) == 3 and rfm.isdigit() else None
        return CustomerValue(
            customer_id=customer_id, name=row["name"], tier=row["tier"], suggested_tier=row["suggested_tier"],
            tier_pinned=bool(row["tier_pinned"]), rfm=scores,
            recency_days=(today - history.last_order).days if history.last_order else None,
            orders_count=history.orders_count, revenue_12m_cents=history.revenue_12m_cents,
            revenue_prev_12m_cents=history.revenue_prev_12m_cents, revenue_total_cents=history.revenue_total_cents,
            first_order=history.first_order, last_order=history.last_order, retention=retention,
            ltv=lifetime_value(history, retention, today, settings), risk=churn_risk(history, today, settings),
            lost_reason=row["lost_reason"], as_of=today)


__all__ = ["AtRiskRow", "CustomerValue", "InsightService", "checked_settings", "customers_changed", "gather",
           "load_settings", "reasons_from_json", "refresh_customers"]
