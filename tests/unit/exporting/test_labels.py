"""One vocabulary: every stored value has exactly one display name (domain/labels.py), and the window, printing and
the exporters all read it, so a status reads the same on screen, on paper and in a file."""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from keepclient.domain import enums
from keepclient.domain.labels import BY_VALUE, VALUE_LABELS, Label, english, label, label_in
from keepclient.exporting import feedback_report as feedback_xlsx
from keepclient.exporting import ics
from keepclient.printing import feedback_report as printed_feedback
from keepclient.printing import strings as printed
from keepclient.ui import labels as screen

PACKAGE = Path(__file__).resolve().parents[3] / "keepclient"
ENUMS = [value for value in vars(enums).values()
         if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum]


def test_every_value_of_every_enum_has_exactly_one_label() -> None:
    assert set(VALUE_LABELS) == set(ENUMS)
    for enum in ENUMS:
        assert list(VALUE_LABELS[enum]) == list(enum), enum.__name__  # each value once, in the enum's order
        assert all(isinstance(name, Label) and name.text for name in VALUE_LABELS[enum].values())


def test_a_value_two_enums_share_is_told_apart_by_its_enum() -> None:
    assert label("new") == label(enums.Stage.NEW) == label_in(enums.Stage, "new") == "New"
    stage, status = VALUE_LABELS[enums.Stage]["new"], VALUE_LABELS[enums.FeedbackStatus]["new"]
    assert (stage.context, stage.text) == (status.context, status.text)  # one English word, two meanings:
    assert (stage.disambiguation, status.disambiguation) == ("customer stage", "feedback status")  # two messages
    assert label_in(enums.FeedbackStatus, "new", lambda c, t, d=None: f"{t}/{d}") == "New/feedback status"
    assert label("something-newer") == "something-newer" and label_in(enums.Tier, "D") == "D"
    assert label("at_risk", lambda context, text: f"{context}:{text}") == "labels:At risk"


class Marking(QTranslator):
    """Shows which (context, text) a label was translated through."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"<{context}|{source}>"


@pytest.fixture
def marking(qapp: QCoreApplication):
    translator = Marking()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def qt(context: str, text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(context, text, disambiguation)


@pytest.mark.usefixtures("marking")
def test_screen_paper_and_files_name_each_value_alike() -> None:
    for enum in ENUMS:
        for value in enum:
            name = VALUE_LABELS[enum][value]
            assert screen.label(value) == screen.label_in(enum, value.value) == f"<{name.context}|{name.text}>"
    for status in enums.VisitStatus:
        assert printed.status_label(status.value) == screen.label(status)
    for kind in enums.VisitKind:
        assert printed.kind_label(kind.value) == screen.label(kind)
    for status in enums.FeedbackStatus:
        assert printed_feedback.status_label(status.value) == screen.label(status)
        assert feedback_xlsx.translated_labels(qt)[status.value] == screen.label(status)
    for category in enums.FeedbackCategory:
        assert printed_feedback.category_label(category.value) == screen.label(category)
        assert feedback_xlsx.translated_labels(qt)[category.value] == screen.label(category)
    for severity in enums.Severity:
        assert printed_feedback.severity_label(severity.value) == screen.label(severity)
    for value in (*enums.VisitKind, *enums.VisitStatus):
        assert ics.translated_labels(qt)[value.value] == screen.label(value)


def test_exports_without_labels_write_the_source_texts() -> None:
    assert ics.LABELS["missed"] == label(enums.VisitStatus.MISSED, english) == "Missed"
    assert feedback_xlsx.LABELS["replied"] == "Replied to customer" and feedback_xlsx.LABELS["new"] == "New"
    assert set(BY_VALUE) >= {value.value for enum in ENUMS for value in enum}


def _label_dicts(path: Path) -> list[str]:
    """Module-level dicts outside domain/labels.py that map most values of an enum to marked texts: a second copy
    of the vocabulary (a dict naming a field or two that happen to share a value's spelling is not one)."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(value, ast.Dict) or not any(
                isinstance(v, ast.Call) and getattr(v.func, "id", "") == "QT_TRANSLATE_NOOP" for v in value.values):
            continue
        keys = {k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        if any(len(keys & set(enum)) >= 2 and 2 * len(keys & set(enum)) > len(enum) for enum in ENUMS):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_no_other_module_keeps_its_own_names_for_stored_values() -> None:
    copies = [place for path in sorted(PACKAGE.rglob("*.py")) if path != PACKAGE / "domain" / "labels.py"
              for place in _label_dicts(path)]
    assert copies == []


class Disambiguating(QTranslator):
    """Shows which message (text and disambiguation) a label was translated through."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"<{source}|{disambiguation}>" if disambiguation else source


def test_a_feedback_items_history_names_its_status_as_a_feedback_status(qapp: QCoreApplication) -> None:
    """The editor's log said 新客户 for a feedback item's "new": it names the status, not the customer stage."""
    import datetime as dt

    from keepclient.domain.types import FeedbackEvent
    from keepclient.ui.feedback.editor_pane import _change

    translator = Disambiguating()
    qapp.installTranslator(translator)
    try:
        event = FeedbackEvent(dt.datetime(2026, 11, 23, 9, 0), "王芳", "status", "new", "in_progress")
        assert _change(event, {}, {}) == "<New|feedback status> → In progress"
        assert screen.label("new") == "<New|customer stage>"  # a bare "new" from the database is the stage
        assert screen.label_in(enums.FeedbackStatus, "new") == printed_feedback.status_label("new") == (
            "<New|feedback status>")
    finally:
        qapp.removeTranslator(translator)
