"""The one home of QMessageBox and QFileDialog: every question to the user goes through a Prompter.

Tests pass a scripted prompter with the same methods, so no dialog ever blocks a test.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

DB_FILTER = "keepclient (*.db *.sqlite *.kcdb);;*"


class Prompter:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_yes_no(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self.parent, title, text, buttons, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def ask_choice(self, title: str, text: str, choices: list[str]) -> int | None:
        """Which of several answers (buttons in this order, the first the default); None when cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def ask_lines(self, title: str, label: str, text: str = "") -> list[str] | None:
        """Several lines of text (one item each), blank lines dropped; None when cancelled or empty."""
        value, ok = QInputDialog.getMultiLineText(self.parent, title, label, text)
        lines = [line.strip() for line in value.splitlines() if line.strip()] if ok else []
        return lines or None

    def open_file(self, title: str, folder: Path, filters: str = DB_FILTER) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(folder), filters)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: Path, filters: str = DB_FILTER) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), filters)
        return Path(path) if path else None

    def about(self, title: str, text: str) -> None:
        QMessageBox.about(self.parent, title, text)
