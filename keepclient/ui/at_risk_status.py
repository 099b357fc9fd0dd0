"""The status bar's "N of my customers newly at risk": customers whose churn risk reached the team's threshold
since the user last looked (opened the At risk view from here). Hidden while there are none.

What was seen is remembered per database in the user's preferences, so a new start shows only what is new; the
first look ever takes what is at risk then as seen (the At risk view lists it all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QToolButton, QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.ui.widgets.style import OVERDUE_STYLE

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.settings import Preferences


class NewlyAtRisk(QToolButton):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newlyAtRisk")
        self.setAutoRaise(True)
        self.setStyleSheet(f"QToolButton {{ {OVERDUE_STYLE} }}")
        self.setToolTip(self.tr("Show the customers at risk, riskiest first"))
        self.prefs = prefs
        self.current: set[int] = set()
        self.new: set[int] = set()
        self.hide()

    def refresh(self, workspace: Workspace | None, me: int | None) -> None:
        """Read who is at risk now (mine, or the team's while the user has not said who they are)."""
        if workspace is None:
            self.hide()
            return
        try:
            self.current = workspace.insights.at_risk_ids(me)
        except KeepclientError:
            return  # a busy share: the next change or start tells
        database = str(workspace.path)
        seen = self.prefs.at_risk_seen(database)
        if seen is None:
            self.prefs.set_at_risk_seen(database, self.current)
            seen = self.current
        self.new = self.current - seen
        if me is not None:
            self.setText(self.tr("%n of my customers newly at risk", "", len(self.new)))
        else:
            self.setText(self.tr("%n customer(s) newly at risk", "", len(self.new)))
        self.setVisible(bool(self.new))

    def mark_seen(self, workspace: Workspace | None) -> None:
        """The user looked: what is at risk now is no longer new."""
        if workspace is not None:
            self.prefs.set_at_risk_seen(str(workspace.path), self.current)
        self.new = set()
        self.hide()
