"""The layer rule, read from each module's imports:
domain <- db <- importing/exporting <- services <- printing <- ui/cli.

Also: nothing below ui imports QtWidgets, nothing below printing imports Qt at all, ui never imports peewee or db.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "keepclient"

LEVEL = {
    "domain": 0, "paths": 0,
    "db": 1,
    "importing": 2, "exporting": 2,
    "services": 3,
    "printing": 4,
    "i18n": 5, "ui": 5, "app": 6, "cli_import": 6, "cli_backup": 6, "cli_team": 6,
    "cli_orders": 6.5,  # prints its preview with cli_import's helpers
    "cli": 7, "__main__": 8,
}
NO_QT = {"domain", "paths", "db", "services", "importing", "exporting"}


def _group(module_path: Path) -> str:
    rel = module_path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def _imports(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if _group(p) not in ("__init__",))


def violations(source: str, group: str, label: str) -> set[str]:
    level = LEVEL[group]
    problems = set()
    for line, name in _imports(source):
        where = f"{label}:{line}"
        parts = name.split(".")
        if parts[0] == "keepclient" and len(parts) > 1:
            target = parts[1]
            if target in LEVEL and target != group and LEVEL[target] >= level and target != "__init__":
                problems.add(f"{where}: {group} may only import lower layers")
            if group == "ui" and target == "db":
                problems.add(f"{where}: ui must not reach the database directly")
        if parts[0] == "PySide6":
            if group in NO_QT:
                problems.add(f"{where}: {group} must not import Qt")
            if "QtWidgets" in parts and group not in ("ui", "app"):
                problems.add(f"{where}: only ui may import QtWidgets")
        if group == "ui" and parts[0] in ("peewee", "playhouse", "sqlite3"):
            problems.add(f"{where}: ui gets plain data from services")
    return problems


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_layers(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert violations(source, _group(path), str(path.relative_to(PACKAGE.parent))) == set()


def test_every_package_has_a_layer() -> None:
    assert {_group(p) for p in MODULES} <= set(LEVEL)


def test_checker_catches_violations() -> None:
    """The rule is not vacuous: each kind of breach is reported with its line."""
    db_source = "from keepclient.services.customers import CustomerService\nfrom PySide6 import QtWidgets\n"
    assert violations(db_source, "db", "probe.py") == {
        "probe.py:1: db may only import lower layers",
        "probe.py:2: db must not import Qt",
        "probe.py:2: only ui may import QtWidgets",
    }
    ui_source = "import peewee\nfrom keepclient.db.models import Customer\nfrom keepclient.cli import main\n"
    assert violations(ui_source, "ui", "probe.py") == {
        "probe.py:1: ui gets plain data from services",
        "probe.py:2: ui must not reach the database directly",
        "probe.py:3: ui may only import lower layers",
    }
