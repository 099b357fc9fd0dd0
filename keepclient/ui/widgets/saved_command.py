"""Undo for changes that are saved at once: each undo and redo is itself a saved, checked change (QUndoStack).

A command is pushed after its first change succeeded, so its first redo() does nothing. When undoing or redoing
fails (a colleague changed or deleted the record meanwhile, the database is busy), the user is told and the
command leaves the stack instead of pretending.

Each step expects the version its record had after the command's last step, moved on only by this stack's own
later steps (edit, edit, undo, undo works): see OwnWrites. A colleague's save in between is never taken for ours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from keepclient.domain.errors import KeepclientError

if TYPE_CHECKING:
    from keepclient.domain.types import Versions
    from keepclient.services.workspace import Workspace


class OwnWrites:
    """The version steps this window's own undoable changes made, per record (table, id).

    Versions only grow, one per saved change, so each version has at most one successor. An undo that stored
    version 2 follows the steps that are ours (2 -> 3 -> 4) and expects 4; when a colleague saved in between, the
    chain stops before their step and the check refuses the undo instead of wiping their save.
    """

    def __init__(self) -> None:
        self._next: dict[tuple[str, int, int], int] = {}

    def wrote(self, table: str, before: Mapping[int, int], after: Mapping[int, int]) -> None:
        """Our change took these records from `before` to `after` (records without a `before` are left out)."""
        for record_id, new in after.items():
            old = before.get(record_id)
            if old is not None and new > old:
                self._next[(table, record_id, old)] = new

    def expect(self, table: str, versions: Mapping[int, int]) -> Versions:
        """The versions to expect now for records last seen at `versions`: moved on by our own steps only."""
        expected = {}
        for record_id, version in versions.items():
            while (table, record_id, version) in self._next:
                version = self._next[(table, record_id, version)]
            expected[record_id] = version
        return expected


class Context:
    """What commands need from their area: the open workspace, a refresh, a way to report failures, and the
    version steps of the area's own changes."""

    def __init__(self, workspace: Callable[[], Workspace | None], changed: Callable[..., None],
                 report: Callable[[KeepclientError], None]) -> None:
        self.workspace, self.changed, self.report = workspace, changed, report
        self.own = OwnWrites()


class SavedCommand(QUndoCommand):
    def __init__(self, context: Context, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._applied = True  # pushed after the change was made

    def _changed(self) -> None:
        """Tell the area what to show again (subclasses name the records)."""
        self.context.changed()

    def step(self, table: str, versions: Mapping[int, int], change: Callable[[Versions], Versions]) -> Versions:
        """Run one checked `change` on records last seen at `versions`; returns (and remembers) their new ones."""
        expected = self.context.own.expect(table, versions)
        after = change(expected)
        self.context.own.wrote(table, expected, after)
        return after

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
