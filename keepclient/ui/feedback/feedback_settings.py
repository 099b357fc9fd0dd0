"""The feedback log's per-user choices (filters, sort, columns, the split), over the user's QSettings.

Kept beside the log (not in ui/settings.py) so the area owns its keys; without a settings file (a bare log in a
test) the values live in memory only. The search text is not kept: a list that opens filtered by an old word
looks like lost feedback.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QByteArray

from keepclient.domain.types import FEEDBACK_SORTS, FeedbackFilter
from keepclient.ui.settings import StoredChoices

MINE = "mine"  # the owner choice meaning "the salesperson I am", kept by meaning rather than by id


class FeedbackSettings(StoredChoices):
    @property
    def header(self) -> QByteArray | None:
        """Column widths and order of the log."""
        return self._bytes("feedback/header")

    @header.setter
    def header(self, value: QByteArray) -> None:
        self._set("feedback/header", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("feedback/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._set("feedback/splitter", value)

    @property
    def filter(self) -> tuple[FeedbackFilter, bool]:
        """The last filter and sort (without search text), and whether the owner was "mine"."""
        try:
            data = json.loads(str(self._get("feedback/filter", "{}") or "{}"))
        except ValueError:
            data = {}
        return load_filter(data if isinstance(data, dict) else {})

    def set_filter(self, flt: FeedbackFilter, mine: bool) -> None:
        self._set("feedback/filter", json.dumps(dump_filter(flt, mine), ensure_ascii=False))


def dump_filter(flt: FeedbackFilter, mine: bool) -> dict[str, Any]:
    return {
        "statuses": list(flt.statuses), "categories": list(flt.categories), "severities": list(flt.severities),
        "kinds": list(flt.kinds), "owner": MINE if mine else flt.owner_id, "overdue": flt.overdue,
        "from": flt.received_from.isoformat() if flt.received_from else None,
        "to": flt.received_to.isoformat() if flt.received_to else None,
        "sort": flt.sort, "descending": flt.descending,
    }


def load_filter(data: dict[str, Any]) -> tuple[FeedbackFilter, bool]:
    """Whatever was stored, as a valid filter: unknown or damaged parts fall back to their defaults."""

    def words(key: str) -> tuple[str, ...]:
        value = data.get(key)
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    def day(key: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(data[key])) if data.get(key) else None
        except ValueError:
            return None

    owner = data.get("owner")
    sort = data.get("sort") if data.get("sort") in FEEDBACK_SORTS else "due"
    flt = FeedbackFilter(
        statuses=words("statuses"), categories=words("categories"), severities=words("severities"),
        kinds=words("kinds"), owner_id=owner if isinstance(owner, int) and not isinstance(owner, bool) else None,
        overdue=data.get("overdue") is True, received_from=day("from"), received_to=day("to"),
        sort=str(sort), descending=data.get("descending") is True,
    )
    return flt, owner == MINE
