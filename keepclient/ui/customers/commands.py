"""Undoable customer changes, also across a save (see ui/widgets/saved_command.py for how undo behaves)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from keepclient.ui.widgets.saved_command import Context, SavedCommand

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace


class ServiceCommand(SavedCommand):
    """A saved change to customers; undo and redo refresh those customers."""

    def __init__(self, context: Context, text: str, customer_ids: Iterable[int]) -> None:
        super().__init__(context, text)
        self.customer_ids = list(customer_ids)

    def _changed(self) -> None:
        self.context.changed(self.customer_ids)


class EditCustomer(ServiceCommand):
    def __init__(self, context: Context, text: str, customer_id: int, before: dict, after: dict,
                 version: int) -> None:
        super().__init__(context, text, [customer_id])
        self.customer_id, self.before, self.after, self.version = customer_id, before, after, version

    def apply(self, ws: Workspace) -> None:
        self.version = ws.editor.update(self.customer_id, self.version, self.after)

    def revert(self, ws: Workspace) -> None:
        self.version = ws.editor.update(self.customer_id, self.version, self.before)


class SetDeleted(ServiceCommand):
    """Creating (undo trashes it), trashing and restoring customers."""

    def __init__(self, context: Context, text: str, customer_ids: Iterable[int], deleted: bool) -> None:
        super().__init__(context, text, customer_ids)
        self.deleted = deleted

    def apply(self, ws: Workspace) -> None:
        ws.editor.set_deleted(self.customer_ids, self.deleted)

    def revert(self, ws: Workspace) -> None:
        ws.editor.set_deleted(self.customer_ids, not self.deleted)


class BulkUpdate(ServiceCommand):
    def __init__(self, context: Context, text: str, changes: dict, before: dict[int, dict]) -> None:
        super().__init__(context, text, before)
        self.changes, self.before = changes, before

    def apply(self, ws: Workspace) -> None:
        self.before = ws.editor.bulk_update(self.customer_ids, self.changes)

    def revert(self, ws: Workspace) -> None:
        ws.editor.restore_values(self.before)


class ChangeTags(ServiceCommand):
    def __init__(self, context: Context, text: str, before: dict[int, tuple[str, ...]], add: list[str],
                 remove: list[str]) -> None:
        super().__init__(context, text, before)
        self.before, self.add, self.remove = before, add, remove

    def apply(self, ws: Workspace) -> None:
        ws.editor.change_tags(self.customer_ids, add=self.add, remove=self.remove)

    def revert(self, ws: Workspace) -> None:
        ws.editor.restore_tag_sets(self.before)


class ContactChange(ServiceCommand):
    """A contact added (undo removes it), removed (undo restores it) or edited (undo puts the old values)."""

    def __init__(self, context: Context, text: str, customer_id: int, contact_id: int, kind: str,
                 before: dict | None = None, after: dict | None = None, version: int = 0) -> None:
        super().__init__(context, text, [customer_id])
        self.contact_id, self.kind, self.before, self.after, self.version = contact_id, kind, before, after, version

    def apply(self, ws: Workspace) -> None:
        if self.kind == "added":
            ws.contacts.restore(self.contact_id)
        elif self.kind == "removed":
            ws.contacts.remove(self.contact_id)
        else:
            self.version = ws.contacts.update(self.contact_id, self.version, self.after or {})

    def revert(self, ws: Workspace) -> None:
        if self.kind == "added":
            ws.contacts.remove(self.contact_id)
        elif self.kind == "removed":
            ws.contacts.restore(self.contact_id)
        else:
            self.version = ws.contacts.update(self.contact_id, self.version, self.before or {})


class LoggedEntry(ServiceCommand):
    """A logged call or visit, new feedback, or a scheduled follow-up; undo removes it and restores the dates."""

    def __init__(self, context: Context, text: str, customer_id: int, table: str, entry_id: int,
                 before: dict, after: dict) -> None:
        super().__init__(context, text, [customer_id])
        self.table, self.entry_id, self.before, self.after = table, entry_id, before, after

    def apply(self, ws: Workspace) -> None:
        ws.activity.set_entry_deleted(self.table, self.entry_id, False, self.after)

    def revert(self, ws: Workspace) -> None:
        ws.activity.set_entry_deleted(self.table, self.entry_id, True, self.before)


class PlannedVisits(ServiceCommand):
    """Visits planned for a customer (one, or every occurrence of a series); undo moves them to the trash and
    puts the customer's dates back. The rest of a series goes in one step ("series" scope), not one per visit."""

    def __init__(self, context: Context, text: str, customer_id: int, visit_ids: list[int], before: dict,
                 after: dict) -> None:
        super().__init__(context, text, [customer_id])
        self.visit_ids, self.before, self.after = list(visit_ids), before, after
        self._rest: list[int] = self.visit_ids[1:]

    def apply(self, ws: Workspace) -> None:
        if self._rest:
            ws.visits.restore(self._rest)
        ws.activity.set_entry_deleted("visit", self.visit_ids[0], False, self.after)

    def revert(self, ws: Workspace) -> None:
        ws.activity.set_entry_deleted("visit", self.visit_ids[0], True, self.before)
        if len(self.visit_ids) > 1:
            self._rest = ws.visits.delete(self.visit_ids[1], scope="series")
