"""The package type-checks: mypy with the configuration in pyproject.toml ([tool.mypy]: strict for domain, importing,
exporting and services; default checking in ui, printing, db and the command line), run with the rest of the suite.
A failure shows mypy's report."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # 11-16 s without .mypy_cache (a fresh clone, CI), 1-5 s with it
def test_mypy_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the files, and the cache, as `mypy` run from the repository sees them
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert status == 0, report + errors
