"""Undo for changes that are saved at once: each undo and redo is itself a saved, checked change (QUndoStack).

A command is pushed after its first change succeeded, so its first redo() does nothing. When undoing or redoing
fails (a colleague changed or deleted the record meanwhile, the database is busy), the user is told and the
command leaves the stack instead of pretending.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from keepclient.domain.errors import KeepclientError

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace


class Context:
    """What commands need from their area: the open workspace, a refresh, and a way to report failures."""

    def __init__(self, workspace: Callable[[], Workspace | None], changed: Callable[..., None],
                 report: Callable[[KeepclientError], None]) -> None:
        self.workspace, self.changed, self.report = workspace, changed, report


class SavedCommand(QUndoCommand):
    def __init__(self, context: Context, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._applied = True  # pushed after the change was made

    def _changed(self) -> None:
        """Tell the area what to show again (subclasses name the records)."""
        self.context.changed()

    def _run(self, action: Callable[[Workspace], Any]) -> None:
        workspace = self.context.workspace()
        if workspace is None:
            self.setObsolete(True)
            return
        try:
            action(workspace)
        except KeepclientError as exc:
            self.setObsolete(True)
            self.context.report(exc)
        self._changed()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def apply(self, ws: Workspace) -> None:
        raise NotImplementedError

    def revert(self, ws: Workspace) -> None:
        raise NotImplementedError
