"""Team-wide settings stored as JSON in the `setting` table (one row per key): what every service that keeps a
team setting reads and writes through, inside its own session or write transaction."""

from __future__ import annotations

import json
from typing import Any

from keepclient.db.models import Setting, now


def read(key: str) -> Any:
    """The stored value of `key`, None when never set or unreadable (a damaged value reads as the default)."""
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


def write(key: str, value: Any, user: str) -> None:
    """Store `value` (JSON) under `key`, by `user`."""
    text = json.dumps(value)
    Setting.insert(key=key, value=text, updated_by=user).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: text, Setting.updated_by: user,
                                               Setting.updated_at: now()}).execute()
