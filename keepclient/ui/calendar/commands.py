"""Undoable calendar changes: moves and resizes, deletes, pastes and newly planned visits (see
ui/widgets/saved_command.py for how undo behaves).

Each command keeps the version every visit had after its last step; undo and redo expect that version, moved on
only by the calendar's own later steps (saved_command.OwnWrites), so a colleague's change in between is refused
(ConflictError: the area says so and shows the calendar as it is now) and the command leaves the stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from keepclient.ui.widgets.saved_command import Context, SavedCommand

if TYPE_CHECKING:
    from keepclient.domain.types import Versions
    from keepclient.services.workspace import Workspace


class VisitCommand(SavedCommand):
    """A saved change to visits of `customer_ids`; undo and redo show the period again and tell the rest of the
    window (their due dates and planned visits moved too)."""

    def __init__(self, context: Context, text: str, customer_ids: Iterable[int] = ()) -> None:
        super().__init__(context, text)
        self.customer_ids = frozenset(customer_ids)

    def _changed(self) -> None:
        self.context.changed(self.customer_ids)


class MoveVisit(VisitCommand):
    """A drag: new start and/or duration, for one visit or (scope "series") every planned one of its series."""

    def __init__(self, context: Context, text: str, visit_id: int, before: tuple[dt.datetime, int],
                 after: tuple[dt.datetime, int | None], scope: str, versions: Versions,
                 customer_ids: Iterable[int] = ()) -> None:
        super().__init__(context, text, customer_ids)
        self.visit_id, self.before, self.after, self.scope = visit_id, before, after, scope
        self.versions = dict(versions)

    def apply(self, ws: Workspace) -> None:
        self.versions = self.step("visit", self.versions, lambda expected: ws.visits.reschedule(
            self.visit_id, self.after[0], self.after[1], scope=self.scope, version=expected))

    def revert(self, ws: Workspace) -> None:
        minutes = self.before[1] if self.after[1] is not None else None
        self.versions = self.step("visit", self.versions, lambda expected: ws.visits.reschedule(
            self.visit_id, self.before[0], minutes, scope=self.scope, version=expected))


class DeleteVisits(VisitCommand):
    """Visits moved to the trash; undo brings the same ids back."""

    def __init__(self, context: Context, text: str, versions: Versions, customer_ids: Iterable[int] = ()) -> None:
        super().__init__(context, text, customer_ids)
        self.versions = dict(versions)

    def apply(self, ws: Workspace) -> None:
        self.versions = self.step("visit", self.versions, ws.visits.trash)

    def revert(self, ws: Workspace) -> None:
        self.versions = self.step("visit", self.versions, ws.visits.restore)


class AddVisits(VisitCommand):
    """Visits that were created (pasted, or planned in the dialog); undo moves them to the trash."""

    def __init__(self, context: Context, text: str, versions: Versions, customer_ids: Iterable[int] = ()) -> None:
        super().__init__(context, text, customer_ids)
        self.versions = dict(versions)

    def apply(self, ws: Workspace) -> None:
        self.versions = self.step("visit", self.versions, ws.visits.restore)

    def revert(self, ws: Workspace) -> None:
        self.versions = self.step("visit", self.versions, ws.visits.trash)
