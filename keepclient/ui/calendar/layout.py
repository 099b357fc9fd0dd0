"""Where each visit goes in a time grid: overlapping visits side by side, worked out once per fetch, not per paint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from keepclient.domain.types import VisitItem

MIN_MINUTES = 15  # a zero-length or very short visit still gets a block one can click
WIDEN_LIMIT = 80  # larger clusters keep one lane per visit: widening is quadratic in the cluster's size


class Placed(NamedTuple):
    """A visit in its day: lanes `column` to `column + span` of `columns` side by side; minutes since midnight."""

    visit: VisitItem
    day: dt.date
    top: int
    bottom: int
    column: int
    columns: int
    span: int = 1


def by_day(visits: Iterable[VisitItem]) -> dict[dt.date, list[VisitItem]]:
    """Visits grouped by the day they start on, each day's in the order given (time order from the service)."""
    days: dict[dt.date, list[VisitItem]] = {}
    for visit in visits:
        days.setdefault(visit.start.date(), []).append(visit)
    return days


def lay_out_day(day: dt.date, visits: list[VisitItem]) -> list[Placed]:
    """Lanes for one day's visits (sorted by start): a cluster of overlapping visits shares the width.

    Greedy lane assignment over time-sorted visits: each visit takes the first lane free at its start; a cluster
    ends when no visit reaches past the next start, and every visit of the cluster gets the cluster's lane count.
    """
    placed: list[Placed] = []
    cluster: list[tuple[VisitItem, int, int, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def close() -> None:
        lanes = len(lane_ends)
        widen = lanes > 1 and len(cluster) <= WIDEN_LIMIT
        for visit, top, bottom, lane in cluster:
            span = 1
            if widen:  # take the lanes to the right that stay free while this visit lasts
                while lane + span < lanes and not any(
                        other_lane == lane + span and other_top < bottom and other_bottom > top
                        for _v, other_top, other_bottom, other_lane in cluster):
                    span += 1
            placed.append(Placed(visit, day, top, bottom, lane, lanes, span))

    for visit in visits:
        top = visit.start.hour * 60 + visit.start.minute
        bottom = min(24 * 60, top + max(visit.minutes, MIN_MINUTES))
        if top >= cluster_end and cluster:
            close()
            cluster, lane_ends = [], []
        lane = next((i for i, end in enumerate(lane_ends) if end <= top), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(bottom)
        else:
            lane_ends[lane] = bottom
        cluster.append((visit, top, bottom, lane))
        cluster_end = max(cluster_end, bottom) if len(cluster) > 1 else bottom
    if cluster:
        close()
    return placed
