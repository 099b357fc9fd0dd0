"""A database opened read-only: a banner says so at the top of the window and every edit is switched off.

Areas enable and disable their own buttons as selections change; the lock holds its widgets and actions
disabled against that (it re-disables on every change) until it is released, so no path to a doomed save is
left open. Each area names its own controls that save something (`edit_controls()`); the window adds its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from keepclient.ui.widgets.style import warning_strip_style


class ReadOnlyBanner(QFrame):
    """A yellow strip above the tabs; hidden while the database can be written."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(warning_strip_style("readOnlyBanner"))
        self.text = QLabel(self.tr("This database is open read-only: you can look and search, but nothing can be "
                                   "saved. Ask whoever manages the file for write access, or restore a backup "
                                   "to a new file (File › Restore from backup…)."))
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        self.hide()


class EditLock(QObject):
    """Keeps the given actions and widgets disabled while `locked`."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.locked = False
        self._actions: list[QAction] = []
        self._widgets: list[QWidget] = []
        self._containers: dict[QWidget, Callable[[], None]] = {}

    def watch(self, container: QWidget, refresh: Callable[[], None]) -> None:
        """Call `refresh` (which locks again) when `container` gets a child while locked: panes that build
        their editors on first use."""
        self._containers[container] = refresh
        container.installEventFilter(self)

    def lock(self, actions: Iterable[QAction], widgets: Iterable[QWidget]) -> None:
        """Disable these (added to what is already held) and keep them so."""
        self.locked = True
        for action in actions:
            if action not in self._actions:
                self._actions.append(action)
                action.changed.connect(lambda a=action: self._hold_action(a))
            action.setEnabled(False)
        for widget in widgets:
            if widget not in self._widgets:
                self._widgets.append(widget)
                widget.installEventFilter(self)
            widget.setEnabled(False)

    def release(self) -> None:
        """Enable everything held again (the window then re-applies its own rules) and stop holding."""
        self.locked = False
        for action in self._actions:
            action.setEnabled(True)
        for widget in self._widgets:
            widget.removeEventFilter(self)
            widget.setEnabled(True)
        self._widgets.clear()

    def _hold_action(self, action: QAction) -> None:
        if self.locked and action.isEnabled():
            action.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.locked and event.type() == QEvent.Type.ChildAdded and watched in self._containers:
            self._containers[watched]()
            return False
        if (self.locked and event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget)
                and watched.isEnabled()):
            watched.setEnabled(False)
        return False


def pane_controls(pane: QWidget) -> list[QWidget]:
    """A detail pane's contact and order buttons (built with the pane's editor, named by what they do)."""
    return [b for b in pane.findChildren(QPushButton) if b.objectName().startswith(("contact_", "order_"))]
