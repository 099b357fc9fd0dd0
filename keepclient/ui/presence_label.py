"""The status bar's "Also here: 王芳, 李强": which colleagues have the same database open right now.

The heartbeat is one tiny write on the UI thread's own connection: a write from a worker thread's connection
would look like a colleague's save to this window's PRAGMA data_version watch and refresh every tab. It never
waits for the write lock (a busy database skips one beat), so it cannot freeze the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer

from keepclient.ui.widgets.fit import ElidedLabel

if TYPE_CHECKING:
    from keepclient.services.presence import Present
    from keepclient.services.workspace import Workspace

HEARTBEAT_MS = 20_000  # three beats fit in the minute after which a window counts as gone
FIRST_BEAT_MS = 500  # the first check-in (a write, a few ms) waits until the opened database has been shown


class PresenceLabel(ElidedLabel):
    """Checks this window in on its workspace every heartbeat and shows the others; hidden when alone (elided:
    a long list of names must not widen the window)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("presenceLabel")
        self.setContentsMargins(0, 0, 12, 0)  # apart from the database path that follows it
        self.workspace: Workspace | None = None
        self.others: list[Present] = []
        self.heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self.hide()

    def attach(self, workspace: Workspace) -> None:
        """Start showing presence on `workspace` (checked in right after the window has shown it)."""
        self.detach()
        self.workspace = workspace
        self.heartbeat.start()
        QTimer.singleShot(FIRST_BEAT_MS, self, self.beat)  # after the window has painted its data

    def detach(self) -> None:
        """Check out of the current workspace (closing it, opening another)."""
        self.heartbeat.stop()
        if self.workspace is not None:
            self.workspace.presence.checkout()
        self.workspace = None
        self.show_others([])

    def beat(self) -> None:
        """Say we are still here (skipped silently when the database is busy or read-only), then look around."""
        if self.workspace is None:
            return
        self.workspace.presence.checkin(self.workspace.user)
        self.show_others(self.workspace.presence.others())

    def show_others(self, others: list[Present]) -> None:
        self.others = others
        names = list(dict.fromkeys(p.who for p in others))  # one name per person, even on two machines
        if not names:
            self.hide()
            self.clear()
            self.setToolTip("")
            return
        self.setText(self.tr("Also here: %1").replace("%1", ", ".join(names)))
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        # PySide6 converts a datetime to a QDateTime; its stubs do not list that overload
        lines = [self.tr("%1 on %2, since %3").replace("%1", p.who).replace("%2", p.machine).replace(
                 "%3", locale.toString(p.since, short)) for p in others]  # type: ignore[call-overload]
        self.setToolTip("\n".join(lines))
        self.show()
