"""Translations stay complete: every string in the sources is in the .ts, translated, and built into the .qm.

A message is (context, source, disambiguation): one English word with two meanings ("New" as a customer stage and
as a feedback status) is two messages, the disambiguation being the .ts <comment>. Beyond the strings lupdate
finds, the texts a user reads outside the window are listed from the code itself and must each be translated:
the exporters' headers and value names (an unmarked English header would slip past lupdate), the CLI's messages,
and the import's problem reasons, actions and notes lines.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "keepclient_zh_CN.ts"
Message = tuple[str, str, str | None]  # context, source text, disambiguation (the .ts <comment>)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found: it ships with PySide6")
    return found


def _messages(path: Path) -> dict[Message, str]:
    """Every message of a .ts with its finished translation ("" when unfinished, obsolete or missing)."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            if translation is not None and translation.get("type") in ("unfinished", "obsolete", "vanished"):
                text = ""
            found[(name, message.findtext("source") or "", message.findtext("comment"))] = text
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

    for (_context, source, _comment), text in _messages(TS).items():
        assert sorted(re.findall(r"\{\w+\}|%\d|%n", source)) == sorted(re.findall(r"\{\w+\}|%\d|%n", text)), source


def _untranslated(wanted: Iterable[Message]) -> list[Message]:
    """The messages of `wanted` the .ts lacks or leaves untranslated, in order, each once."""
    messages = _messages(TS)
    return [message for message in dict.fromkeys(wanted) if not messages.get(message, "").strip()]


def _of_values(*enums: type[StrEnum]) -> Iterator[Message]:
    from keepclient.domain.labels import VALUE_LABELS

    for enum in enums:
        yield from (tuple(name) for name in VALUE_LABELS[enum].values())


def _exporter_messages() -> Iterator[Message]:
    """Every header, sheet name, caption and value name the exporters write (the ID columns excepted: fixed)."""
    from keepclient.domain import kpis
    from keepclient.domain.enums import CustomerKind, Stage
    from keepclient.domain.labels import Label
    from keepclient.exporting import care_list, customers, feedback_report, ics
    from keepclient.exporting import kpis as kpi_sheets

    fixed = {customers.ID_HEADER, customers.CONTACT_ID_HEADER}
    for column_set in (customers.CUSTOMER_COLUMNS, customers.CONTACT_COLUMNS, customers.ORDER_COLUMNS):
        for key, header in column_set:
            assert isinstance(header, Label) or header in fixed, f"customers export: {key} has no translatable header"
            if isinstance(header, Label):
                yield tuple(header)
    yield from (tuple(name) for name in customers.LUNAR_LABELS.values())
    yield from _of_values(CustomerKind, Stage)
    for module in (feedback_report, kpi_sheets, care_list, ics):
        for key, caption in module.CAPTIONS.items():
            assert isinstance(caption, Label), f"{module.__name__}: caption {key} is not marked"
            yield tuple(caption)
    yield from _of_values(*feedback_report.VALUES, *ics.VALUES)
    yield from ((kpis.CONTEXT, text, None) for text in kpis.CAPTION.values())


def test_every_exporter_header_and_value_is_translated():
    assert _untranslated(_exporter_messages()) == []


def _marked(tree: ast.AST) -> Iterator[tuple[ast.Call, Message]]:
    """The QT_TRANSLATE_NOOP(context, text[, disambiguation]) calls of a module with literal arguments."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            assert len(texts) == len(node.args) in (2, 3), ast.dump(node)
            yield node, (texts[0], texts[1], texts[2] if len(texts) == 3 else None)


def _cli_trees() -> dict[str, ast.AST]:
    return {path.name: ast.parse(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "keepclient").glob(
        "cli*.py"))}


def test_every_cli_message_is_marked_and_translated():
    """Whatever `out.say` / `out.text` prints is a marked message (or a parameter forwarding one), and each marked
    message of the CLI is translated."""
    unmarked = []
    wanted: list[Message] = []
    for name, tree in _cli_trees().items():
        wanted += [message for _node, message in _marked(tree)]
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            parameters = {arg.arg for arg in function.args.args + function.args.kwonlyargs}
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("say", "text") and getattr(node.func.value, "id", "") == "out"):
                    continue
                first = node.args[0] if node.args else None
                marked = isinstance(first, ast.Call) and getattr(first.func, "id", "") == "QT_TRANSLATE_NOOP"
                forwarded = isinstance(first, ast.Name) and first.id in parameters and function.name != "say"
                if not (marked or forwarded) and function.name not in ("say",):
                    unmarked.append(f"{name}:{node.lineno}")
    assert unmarked == []
    assert wanted and {context for context, _text, _comment in wanted} <= {"cli", "ImportWizard", "insights"}
    assert _untranslated(wanted) == []


def test_every_import_problem_text_is_translated():
    from keepclient.importing import problems
    from keepclient.services import imports

    texts = [*problems.REASONS.values(), *problems.ACTIONS.values(), *problems.NOTE_LINES.values(),
             imports.REPORT_SHEET, *imports.REPORT_HEADERS]
    assert _untranslated((problems.CONTEXT, text, None) for text in texts) == []


def test_one_english_text_with_two_meanings_is_two_messages():
    """The feedback status "New" (新建) is not the customer stage "New" (新客户); a salesperson who is "Active" (在职)
    is not an active customer (活跃)."""
    from keepclient.domain.enums import FeedbackStatus, Stage
    from keepclient.domain.labels import VALUE_LABELS
    from keepclient.exporting import kpis as kpi_sheets

    pairs = [(VALUE_LABELS[Stage][Stage.NEW], VALUE_LABELS[FeedbackStatus][FeedbackStatus.NEW]),
             (VALUE_LABELS[Stage][Stage.ACTIVE], kpi_sheets.CAPTIONS["active"])]
    messages = _messages(TS)
    for one, other in pairs:
        assert (one.context, one.text) == (other.context, other.text) and one.disambiguation != other.disambiguation
        assert messages.get(tuple(one)) and messages.get(tuple(other)), (one, other)
        assert messages[tuple(one)] != messages[tuple(other)], (one, other)
