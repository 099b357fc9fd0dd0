"""Fixtures the window tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import small_team


@pytest.fixture
def team_db(tmp_path: Path) -> tuple[Path, dict[str, int], dict[str, int]]:
    """A small team's database file (tests/small_team.py): (path, customer ids by key, salespeople by key)."""
    ws, ids, people = small_team.build(tmp_path / "team.db")
    ws.close()
    return tmp_path / "team.db", ids, people
