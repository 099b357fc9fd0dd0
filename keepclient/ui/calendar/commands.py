"""Undoable calendar changes: moves and resizes, deletes, pastes and newly planned visits (see
ui/widgets/saved_command.py for how undo behaves)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from keepclient.ui.widgets.saved_command import Context, SavedCommand

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace


class VisitCommand(SavedCommand):
    """A saved change to visits; undo and redo show the period again."""


class MoveVisit(VisitCommand):
    """A drag: new start and/or duration, for one visit or (scope "series") every planned one of its series."""

    def __init__(self, context: Context, text: str, visit_id: int, before: tuple[dt.datetime, int],
                 after: tuple[dt.datetime, int | None], scope: str) -> None:
        super().__init__(context, text)
        self.visit_id, self.before, self.after, self.scope = visit_id, before, after, scope

    def apply(self, ws: Workspace) -> None:
        ws.visits.reschedule(self.visit_id, self.after[0], self.after[1], scope=self.scope)

    def revert(self, ws: Workspace) -> None:
        minutes = self.before[1] if self.after[1] is not None else None
        ws.visits.reschedule(self.visit_id, self.before[0], minutes, scope=self.scope)


class DeleteVisits(VisitCommand):
    """Visits moved to the trash; undo brings the same ids back."""

    def __init__(self, context: Context, text: str, ids: list[int]) -> None:
        super().__init__(context, text)
        self.ids = ids

    def apply(self, ws: Workspace) -> None:
        for visit_id in self.ids:
            ws.visits.delete(visit_id)

    def revert(self, ws: Workspace) -> None:
        ws.visits.restore(self.ids)


class AddVisits(VisitCommand):
    """Visits that were created (pasted, or planned in the dialog); undo moves them to the trash."""

    def __init__(self, context: Context, text: str, ids: list[int]) -> None:
        super().__init__(context, text)
        self.ids = ids

    def apply(self, ws: Workspace) -> None:
        ws.visits.restore(self.ids)

    def revert(self, ws: Workspace) -> None:
        for visit_id in self.ids:
            ws.visits.delete(visit_id)
