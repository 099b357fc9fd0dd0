"""What the import tests share: an empty workspace in a real SQLite file, and on a team server (issue 19: the
same importer on both engines)."""

from __future__ import annotations

import pytest

from keepclient.services.workspace import Workspace


@pytest.fixture
def ws(new_database):
    workspace = Workspace.open(new_database("import"), user="tester")
    yield workspace
    workspace.close()
