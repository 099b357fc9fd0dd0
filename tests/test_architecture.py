"""The import rule import-linter cannot check: nothing but ui and app imports QtWidgets (a forbidden contract takes
whole external packages only, PySide6 but not PySide6.QtWidgets). Read from each module's imports, those inside
functions and under TYPE_CHECKING included.

The rest are import-linter contracts in pyproject.toml ([tool.importlinter]), run by tests/test_import_contracts.py:
the layers domain|paths <- db <- importing|exporting <- services <- printing <- i18n|ui <- app|cli_import|cli_backup|
cli_team <- cli_orders <- cli <- __main__ (a module without a layer breaks it), no Qt below printing, ui never
imports peewee, playhouse, sqlite3 or keepclient.db, services write no spreadsheet themselves (exporting does) and
exporting never queries the database (services do).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "keepclient"

WIDGETS = {"ui", "app"}  # the top-level packages and modules that may import QtWidgets


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
    problems = set()
    for line, name in _imports(source):
        parts = name.split(".")
        if parts[0] == "PySide6" and "QtWidgets" in parts and group not in WIDGETS:
            problems.add(f"{label}:{line}: only ui may import QtWidgets")
    return problems


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_ui_imports_widgets(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert violations(source, _group(path), str(path.relative_to(PACKAGE.parent))) == set()


def test_checker_catches_violations() -> None:
    """The rule is not vacuous: a breach is reported with its line, one inside a function too."""
    source = "from PySide6 import QtCore, QtWidgets\n\n\ndef ask():\n    from PySide6.QtWidgets import QMessageBox\n"
    assert violations(source, "printing", "probe.py") == {
        "probe.py:1: only ui may import QtWidgets",
        "probe.py:5: only ui may import QtWidgets",
    }
    assert violations(source, "ui", "probe.py") == set()
    assert violations("from PySide6.QtCore import QObject\n", "services", "probe.py") == set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_circles(sources: dict[str, str], prefix: str) -> list[list[str]]:
    """Groups of modules under `prefix` that import one another in a circle (TYPE_CHECKING and function-level
    imports count: a back-reference for type hints is still a circle a reader must untangle)."""
    graph = {name: set() for name in sources if name.startswith(prefix)}
    for name in graph:
        for _line, target in _imports(sources[name]):
            if target in graph and target != name:
                graph[name].add(target)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        order[node] = low[node] = len(order)
        stack.append(node)
        for target in graph[node]:
            if target not in order:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], order[target])
        if low[node] == order[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return circles


def test_no_import_circles_in_ui() -> None:
    """An area's helpers (actions, editing, dialogs) take a small interface, never their owner."""
    sources = {_module_name(p): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}
    assert import_circles(sources, "keepclient.ui") == []


def test_circle_finder_finds_a_back_reference_for_type_hints() -> None:
    sources = {
        "keepclient.ui.area": "from keepclient.ui.actions import Actions\n",
        "keepclient.ui.actions": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                 "    from keepclient.ui.area import Area\n",
        "keepclient.ui.other": "from keepclient.ui.area import Area\n",
    }
    assert import_circles(sources, "keepclient.ui") == [["keepclient.ui.actions", "keepclient.ui.area"]]
