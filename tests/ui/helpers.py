"""Plain helpers of the window tests: a scripted stand-in for the Prompter (records what the window asked and
answers as told), a locale for a block of code, what the customer list shows, SQL straight on a database file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from keepclient.app import open_workspace as open_workspace  # the window's opener, as the composition root gives it

if TYPE_CHECKING:
    from keepclient.ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)


@contextmanager
def default_locale(language: QLocale.Language, country: QLocale.Country) -> Iterator[None]:
    """Dates, numbers and the first weekday as `language`/`country` write them, inside the block only."""
    before = QLocale()
    QLocale.setDefault(QLocale(language, country))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def shown(qtbot, widget: W) -> W:
    """`widget` shown as the user would see it (never exec()), and closed with the test."""
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(window: MainWindow) -> list[str]:
    """The customer names the list shows, top to bottom."""
    model = window.customers.list.model()
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def sql(db: Path, query: str, *params: Any) -> list[tuple]:
    """Rows read straight from the file, past every service (what is really saved); the file is let go at once."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


@dataclass
class ScriptedPrompter:
    yes: bool = True
    path: Path | None = None
    answer_text: str | None = None
    choice: int | None = 0  # ask_choice's answer: an index into the choices, None = cancelled
    choices: list[int | None] = field(default_factory=list)  # answers for the next ask_choice calls, then `choice`
    lines: list[str] | None = None  # ask_lines' answer
    asked: list[tuple[str, str, str]] = field(default_factory=list)

    def _record(self, kind: str, title: str, text: str) -> None:
        self.asked.append((kind, title, text))

    def ask_yes_no(self, title: str, text: str) -> bool:
        self._record("question", title, text)
        return self.yes

    def inform(self, title: str, text: str) -> None:
        self._record("info", title, text)

    def warn(self, title: str, text: str) -> None:
        self._record("warning", title, text)

    def error(self, title: str, text: str) -> None:
        self._record("error", title, text)

    def about(self, title: str, text: str) -> None:
        self._record("about", title, text)

    def ask_choice(self, title: str, text: str, choices: list[str]) -> int | None:
        self._record("choice", title, text)
        return self.choices.pop(0) if self.choices else self.choice

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self._record("text", title, label)
        return self.answer_text

    def ask_lines(self, title: str, label: str, text: str = "") -> list[str] | None:
        self._record("lines", title, label)
        return self.lines

    def open_file(self, title: str, folder: Path, filters: str = "") -> Path | None:
        self._record("open", title, str(folder))
        return self.path

    def save_file(self, title: str, suggested: Path, filters: str = "") -> Path | None:
        self._record("save", title, str(suggested))
        return self.path

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.asked]
