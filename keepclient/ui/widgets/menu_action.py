"""Menu actions whose tooltip names their shortcut, so the keyboard way is always discoverable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(parent: QWidget, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    act = QAction(text, parent)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{text.replace('&', '').rstrip('.…')} ({act.shortcut().toString()})")
    act.triggered.connect(slot)
    return act
