"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the layers, no Qt below printing, no database
in the UI, no spreadsheet writing in services, no queries in exporting. Checked with the venv's `lint-imports`, as a
developer runs it; the one rule import-linter cannot say (QtWidgets only in ui and app) is tests/test_architecture.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(folder: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the package in `folder` (it puts its working directory first on the import path)."""
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo", str(folder / "pyproject.toml")],
                          cwd=folder, capture_output=True, text=True, encoding="utf-8")


def test_contracts_are_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_contracts_catch_violations(tmp_path: Path) -> None:
    """The contracts are not vacuous: a copy of the package with one breach of each (a lazy import inside a
    function too) is refused, each breach by its contract; a new top-level module without a layer too."""
    shutil.copytree(ROOT / "keepclient", tmp_path / "keepclient", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    probes = {
        "db/probe.py": "from keepclient.services import customers\n",
        "services/probe.py": "from PySide6 import QtCore\n\n\ndef write():\n    import openpyxl\n",
        "ui/probe.py": "def rows():\n    import sqlite3\n",
        "exporting/probe.py": "import peewee\n",
        "probe.py": "",
    }
    for name, source in probes.items():
        (tmp_path / "keepclient" / name).write_text(source, encoding="utf-8")
    result = _lint(tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert "Contracts: 0 kept, 5 broken." in report, report
    for expected in ("keepclient.db.probe -> keepclient.services.customers", "keepclient.probe",
                     "keepclient.services.probe -> PySide6", "keepclient.services.probe -> openpyxl",
                     "keepclient.ui.probe -> sqlite3", "keepclient.exporting.probe -> peewee"):
        assert expected in report, report
