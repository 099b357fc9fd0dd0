"""View › I am…: which of the team's salespeople this user is.

The choice names the author of every change this window saves (the change log's "who") and the name colleagues
see under "Also here"; until it is made, the computer's login name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout, QWidget

from keepclient.ui.widgets.form_dialog import dialog_buttons

if TYPE_CHECKING:
    from keepclient.domain.types import SalespersonInfo


class IdentityDialog(QDialog):
    """A list of the team's salespeople; `chosen_code()` after accept()."""

    def __init__(self, people: list[SalespersonInfo], current_code: str, login: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Who are you?"))
        intro = QLabel(self.tr("Choose your name. Your changes are recorded under it, and colleagues see it "
                               "while you have this database open."))
        intro.setWordWrap(True)
        self.people = QComboBox()
        self.people.setObjectName("identityPeople")
        self.people.addItem(self.tr("Not chosen (my login: %1)").replace("%1", login), "")
        for person in people:
            self.people.addItem(f"{person.name} ({person.code})", person.code)
        index = self.people.findData(current_code)
        self.people.setCurrentIndex(max(index, 0))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.people)
        layout.addWidget(dialog_buttons(self, self.accept))
        self.setMinimumWidth(360)

    def chosen_code(self) -> str:
        """The chosen salesperson's code; "" for the login name."""
        return str(self.people.currentData() or "")
