"""Undoable customer changes (QUndoStack), also across a save: each undo is itself a saved, checked change.

A command is pushed after its first change succeeded, so its first redo() does nothing. When undoing or redoing
fails (a colleague changed the record meanwhile, the database is busy), the user is told and the command leaves
the stack instead of pretending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from keepclient.domain.errors import KeepclientError

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace


class Context:
    """What commands need from the window: the open workspace, a refresh, and a way to report failures."""

    def __init__(self, workspace: Callable[[], Workspace | None], changed: Callable[[Iterable[int]], None],
                 report: Callable[[KeepclientError], None]) -> None:
        self.workspace, self.changed, self.report = workspace, changed, report


class ServiceCommand(QUndoCommand):
    def __init__(self, context: Context, text: str, customer_ids: Iterable[int]) -> None:
        super().__init__(text)
        self.context = context
        self.customer_ids = list(customer_ids)
        self._applied = True  # pushed after the change was made

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
        self.context.changed(self.customer_ids)

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
