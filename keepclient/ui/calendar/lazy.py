"""The calendar's dialogs, Due panel and print dialog, imported when first used: the first paint stays cheap."""

from __future__ import annotations

import importlib
from types import ModuleType


def calendar_module(name: str) -> ModuleType:
    """keepclient.ui.calendar.`name`, imported on first use."""
    return importlib.import_module(f"keepclient.ui.calendar.{name}")
