"""Translations stay complete: every string in the sources is in the .ts, translated, and built into the .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "keepclient_zh_CN.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found: it ships with PySide6")
    return found


def _messages(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            if translation is not None and translation.get("type") in ("unfinished", "obsolete", "vanished"):
                text = ""
            found[(name, message.findtext("source"))] = text
    return found


def test_every_string_is_translated():
    missing = [key for key, text in _messages(TS).items() if not text.strip()]
    assert missing == []


def test_ts_file_has_every_string_of_the_sources(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (ROOT / "keepclient").rglob("*.py") if "migrations" not in p.parts]
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS))


def test_qm_file_is_built_from_the_ts(tmp_path: Path):
    built = tmp_path / "built.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_placeholders_survive_translation():
    import re

    for (_context, source), text in _messages(TS).items():
        assert sorted(re.findall(r"\{\w+\}|%\d|%n", source)) == sorted(re.findall(r"\{\w+\}|%\d|%n", text)), source
