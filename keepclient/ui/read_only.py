"""A database opened read-only: a banner says so at the top of the window and every edit is switched off.

Areas enable and disable their own buttons as selections change; the lock holds its widgets and actions
disabled against that (it re-disables on every change) until it is released, so no path to a doomed save is
left open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from keepclient.ui.main_window import MainWindow


class ReadOnlyBanner(QFrame):
    """A yellow strip above the tabs; hidden while the database can be written."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
                           "#readOnlyBanner QLabel { color: #5c4400; }")
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


def edit_controls(window: MainWindow) -> tuple[list[QAction], list[QWidget]]:
    """Every action and button of the window that saves something, in the areas built so far."""
    skip = {"find", "feedback_log"}
    actions = [a for name, a in window.customer_actions.items() if name not in skip]
    actions += [window.demo_action, window.spreadsheets.import_action]
    detail = window.customers.detail
    widgets: list[QWidget] = [window.customers.demo_button]
    if hasattr(detail, "save_button"):  # the pane builds its editor when the first customer is shown
        widgets += [detail.save_button, detail.revert_button, detail.restore_button, detail.log_button,
                    detail.feedback_button, detail.schedule_button, detail.form, detail.tags]
        widgets += [b for b in detail.findChildren(QPushButton) if b.objectName().startswith(("contact_", "order_"))]
    if window.calendar_tab.built:
        calendar = window.calendar
        actions += [calendar.cadence_action, calendar.actions_by_name["paste"], calendar.actions_by_name["delete"]]
        widgets.append(calendar.plan_button)
    if window.feedback_tab.built:
        log = window.feedback
        actions += [log.actions_by_name["new"], log.actions_by_name["save"]]
        widgets += [log.filters.new_button, log.editor.save_button, log.editor.revert_button, log.editor.plan_button,
                    *log.editor.step_buttons.values(), *log.editor.widgets.values()]
    return actions, widgets


def flag_areas(window: MainWindow, read_only: bool) -> None:
    """Set `read_only` on the areas built so far: what no button or action covers (a drag, a double-click, a
    context menu) asks that flag before it starts a change."""
    window.customers.read_only = read_only
    if window.calendar_tab.built:
        window.calendar.read_only = read_only
