"""What the import tests share: an empty workspace on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from keepclient.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "import.db", user="tester")
    yield workspace
    workspace.close()
