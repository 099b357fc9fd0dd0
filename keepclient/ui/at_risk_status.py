""""N of my customers newly at risk": customers whose churn risk reached the team's threshold since the user last
looked (opened the At risk view from the status bar or the Due panel). Hidden while there are none.

`AtRiskWatch` keeps the count and what was seen, once for the window: the status bar's `NewlyAtRisk` and the Due
panel's line both read it, so looking from either place hides both. What was seen is remembered per database in
the user's preferences, so a new start shows only what is new; the first look ever takes what is at risk then as
seen (the At risk view lists it all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.style import OVERDUE_STYLE

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.settings import Preferences


class AtRiskWatch(QObject):
    """Who is newly at risk, for whoever shows it: one seen-state per database, whatever the scope asked.

    `changed` tells the views to read again (the database changed, the user changed, or the user looked); they ask
    `newly(owner_id)` for their scope (one salesperson's customers, or the team's for None).
    """

    changed = Signal()

    def __init__(self, prefs: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.workspace: Workspace | None = None
        self.me: int | None = None  # the salesperson this user is (View › I am…), None while not said

    def use(self, workspace: Workspace | None, me: int | None) -> None:
        """The open database (None: none) and who the user is; every view of the count reads it again."""
        self.workspace = workspace
        self.me = me
        self.changed.emit()

    def newly(self, owner_id: int | None) -> set[int] | None:
        """The customers of `owner_id` (the team's for None) at risk now that were not when the user last looked;
        None when the database cannot be read now (a busy share: the next change or start tells)."""
        workspace = self.workspace
        if workspace is None:
            return set()
        try:
            return workspace.insights.at_risk_ids(owner_id) - self._seen(workspace)
        except KeepclientError:
            return None

    def mark_seen(self, owner_id: int | None) -> None:
        """The user looked at the customers at risk of `owner_id` (the team's for None): none of them is new any
        more. Those no longer at risk are forgotten, so reaching the threshold again counts as new again."""
        workspace = self.workspace
        if workspace is None:
            return
        try:
            team = workspace.insights.at_risk_ids(None)
            looked = team if owner_id is None else workspace.insights.at_risk_ids(owner_id)
            seen = self._seen(workspace)
        except KeepclientError:
            return  # a busy share: still new, the next look marks it
        self.prefs.set_at_risk_seen(str(workspace.path), (seen & team) | looked)
        self.changed.emit()

    def label(self, count: int, owner_id: int | None, owner_name: str = "") -> str:
        """"N of my customers newly at risk" for a scope: the team's (None), mine, or a colleague's (`owner_name`)."""
        if owner_id is None:
            return self.tr("%n customer(s) newly at risk", "", count)
        if owner_id == self.me:
            return self.tr("%n of my customers newly at risk", "", count)
        return self.tr("%n of %1's customers newly at risk", "", count).replace("%1", owner_name)

    def _seen(self, workspace: Workspace) -> set[int]:
        database = str(workspace.path)
        seen = self.prefs.at_risk_seen(database)
        if seen is None:  # the first look ever: what is at risk now counts as seen
            seen = workspace.insights.at_risk_ids(None)
            self.prefs.set_at_risk_seen(database, seen)
        return seen


class NewlyAtRisk(QToolButton):
    """The status bar's count: my customers (the team's while the user has not said who they are)."""

    def __init__(self, watch: AtRiskWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newlyAtRisk")
        self.setAutoRaise(True)
        self.setStyleSheet(f"QToolButton {{ {OVERDUE_STYLE} }}")
        self.setToolTip(self.tr("Show the customers at risk, riskiest first"))
        self.watch = watch
        self.new: set[int] = set()
        watch.changed.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        """Read again who is newly at risk, as the watch's database and user now are."""
        new = self.watch.newly(self.watch.me)
        if new is None:
            return
        self.new = new
        self.setText(self.watch.label(len(new), self.watch.me))
        self.setVisible(bool(new))
