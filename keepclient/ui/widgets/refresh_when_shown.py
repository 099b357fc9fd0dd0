"""Changes heard by a view that is not on screen wait until it is shown again: one reload for many saves made in
other tabs, and none at all for a tab nobody looks at.

Use it as the listener of `Workspace.changes`: `workspace.changes.subscribe(RefreshWhenShown(area, area.heard))`.
"On screen" means shown in its window (a window not shown yet, or minimized, counts as on screen: its current tab
is what the user will see).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from keepclient.services.changes import Change


def merged(first: Change, second: Change) -> Change:
    """Both changes as one: every topic of either, and their customers (any, when either may concern any)."""
    both = first.customer_ids | second.customer_ids if first.customer_ids and second.customer_ids else frozenset()
    return Change(first.topics | second.topics, both, first.colleague or second.colleague)


class RefreshWhenShown(QObject):
    """Hands each change to `refresh` at once while `widget` is on screen; while it is hidden, collects them and
    hands over the merged change when the widget is shown again."""

    def __init__(self, widget: QWidget, refresh: Callable[[Change], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.waiting: Change | None = None  # what changed while the widget was hidden
        widget.installEventFilter(self)

    def __call__(self, change: Change) -> None:
        if self._widget.isVisibleTo(self._widget.window()):
            self._refresh(change)
        else:
            self.waiting = change if self.waiting is None else merged(self.waiting, change)

    def forget(self) -> None:
        """Drop what was collected (the widget reads everything again anyway, e.g. another database shown)."""
        self.waiting = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.waiting is not None:
            change, self.waiting = self.waiting, None
            self._refresh(change)
        return False
