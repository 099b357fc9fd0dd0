"""Whose visits the calendar shows: "Everyone", or any several salespeople ticked in a menu that stays open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QMouseEvent, QPixmap
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from keepclient.domain.types import SalespersonInfo


class StayOpenMenu(QMenu):
    """Ticking a salesperson leaves the menu open, so several can be chosen in one go."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action: QAction | None = self.activeAction()  # None between items, whatever the stubs say
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color) if QColor(color).isValid() else QColor("#607d8b"))
    return QIcon(pixmap)


class SalespersonFilter(QToolButton):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.menu_ = StayOpenMenu(self)
        self.setMenu(self.menu_)
        self.everyone = QAction(self.tr("Everyone"), self, checkable=True, checked=True)
        self.everyone.triggered.connect(self._everyone)
        self.people: list[SalespersonInfo] = []
        self.person_actions: dict[int, QAction] = {}
        self._show_text()

    def set_people(self, people: list[SalespersonInfo], chosen: list[int]) -> None:
        """The team to choose from, with `chosen` ticked (unknown ids are dropped; none ticked = everyone)."""
        self.people = people
        self.menu_.clear()
        self.menu_.addAction(self.everyone)
        self.menu_.addSeparator()
        self.person_actions = {}
        known = {p.id for p in people}
        ticked = [i for i in chosen if i in known]
        for person in people:
            action = QAction(swatch(person.color), person.name, self, checkable=True)
            action.setChecked(person.id in ticked)
            action.triggered.connect(self._person)
            self.menu_.addAction(action)
            self.person_actions[person.id] = action
        self.everyone.setChecked(not ticked)
        self._show_text()

    def chosen(self) -> list[int] | None:
        """The ticked salespeople's ids; None for everyone."""
        ids = [pid for pid, action in self.person_actions.items() if action.isChecked()]
        return ids or None

    def set_chosen(self, ids: list[int] | None) -> None:
        for pid, action in self.person_actions.items():
            action.setChecked(ids is not None and pid in ids)
        self.everyone.setChecked(not self.chosen())
        self._show_text()
        self.changed.emit()

    def _everyone(self) -> None:
        self.set_chosen(None)

    def _person(self) -> None:
        self.everyone.setChecked(self.chosen() is None)
        self._show_text()
        self.changed.emit()

    def _show_text(self) -> None:
        ids = self.chosen()
        if ids is None:
            self.setText(self.tr("Everyone"))
            self.setIcon(QIcon())
        elif len(ids) == 1:
            person = next(p for p in self.people if p.id == ids[0])
            self.setText(person.name)
            self.setIcon(swatch(person.color))
        else:
            self.setText(self.tr("%1 salespeople").replace("%1", str(len(ids))))
            self.setIcon(QIcon())
        self.setToolTip(self.tr("Whose visits to show"))
