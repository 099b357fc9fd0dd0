"""Undoable customer changes, also across a save (see ui/widgets/saved_command.py for how undo behaves).

Each command keeps the version every record had after its last step; the next undo or redo expects that version,
moved on only by this area's own later steps (saved_command.OwnWrites), so a colleague's save in between is refused
(ConflictError, reported) instead of being wiped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from keepclient.ui.widgets.saved_command import Context, SavedCommand

if TYPE_CHECKING:
    from keepclient.domain.types import DatesChange, HandoverResult, Versions
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

    def _put(self, ws: Workspace, values: dict) -> None:
        self.version = self.step("customer", {self.customer_id: self.version}, lambda expected: {
            self.customer_id: ws.editor.update(self.customer_id, expected[self.customer_id], values)})[
            self.customer_id]

    def apply(self, ws: Workspace) -> None:
        self._put(ws, self.after)

    def revert(self, ws: Workspace) -> None:
        self._put(ws, self.before)


class SetDeleted(ServiceCommand):
    """Creating (undo trashes it), trashing and restoring customers."""

    def __init__(self, context: Context, text: str, versions: Versions, deleted: bool) -> None:
        super().__init__(context, text, versions)
        self.versions, self.deleted = dict(versions), deleted

    def _set(self, ws: Workspace, deleted: bool) -> None:
        self.versions = self.step("customer", self.versions,
                                  lambda expected: ws.editor.set_deleted(self.customer_ids, deleted, expected))

    def apply(self, ws: Workspace) -> None:
        self._set(ws, self.deleted)

    def revert(self, ws: Workspace) -> None:
        self._set(ws, not self.deleted)


class BulkUpdate(ServiceCommand):
    def __init__(self, context: Context, text: str, changes: dict, before: dict[int, dict],
                 versions: Versions) -> None:
        super().__init__(context, text, before)
        self.changes, self.before, self.versions = changes, before, dict(versions)

    def apply(self, ws: Workspace) -> None:
        def change(expected: Versions) -> Versions:
            self.before, after = ws.editor.bulk_update(self.customer_ids, self.changes, expected)
            return after
        self.versions = self.step("customer", self.versions, change)

    def revert(self, ws: Workspace) -> None:
        self.versions = self.step("customer", self.versions,
                                  lambda expected: ws.editor.restore_values(self.before, expected))


class ApplyReview(ServiceCommand):
    """What a review applied (Review tiers…: "tier", Review stages…: "stage"), one value per customer: undo puts
    the old ones back, both version-checked; for tiers also the pins of those set by hand (`pinned_before`)."""

    def __init__(self, context: Context, text: str, field: str, before: dict[int, str], after: dict[int, str],
                 versions: Versions, pinned_before: dict[int, bool] | None = None) -> None:
        super().__init__(context, text, before)
        self.field, self.before, self.after, self.versions = field, dict(before), dict(after), dict(versions)
        self.pinned_before = dict(pinned_before or {})

    def _set(self, ws: Workspace, values: dict[int, str], pinned: dict[int, bool] | None) -> None:
        if self.field == "tier":
            self.versions = self.step("customer", self.versions,
                                      lambda expected: ws.insights.apply_tiers(values, expected, pinned=pinned))
        else:
            self.versions = self.step("customer", self.versions,
                                      lambda expected: ws.insights.apply_stages(values, expected))

    def apply(self, ws: Workspace) -> None:
        self._set(ws, self.after, None)

    def revert(self, ws: Workspace) -> None:
        self._set(ws, self.before, self.pinned_before)


class ChangeTags(ServiceCommand):
    def __init__(self, context: Context, text: str, before: dict[int, tuple[str, ...]], add: list[str],
                 remove: list[str]) -> None:
        super().__init__(context, text, before)
        self.before, self.add, self.remove = before, add, remove

    def apply(self, ws: Workspace) -> None:
        ws.editor.change_tags(self.customer_ids, add=self.add, remove=self.remove)

    def revert(self, ws: Workspace) -> None:
        ws.editor.restore_tag_sets(self.before, self.add, self.remove)


class ContactChange(ServiceCommand):
    """A contact added (undo removes it), removed (undo restores it) or edited (undo puts the old values)."""

    def __init__(self, context: Context, text: str, customer_id: int, contact_id: int, kind: str,
                 before: dict | None = None, after: dict | None = None, version: int = 0) -> None:
        super().__init__(context, text, [customer_id])
        self.contact_id, self.kind, self.before, self.after, self.version = contact_id, kind, before, after, version

    def _run_step(self, ws: Workspace, forward: bool) -> None:
        cid = self.contact_id

        def change(expected: Versions) -> Versions:
            version = expected[cid]
            if self.kind == "edited":
                return {cid: ws.contacts.update(cid, version, (self.after if forward else self.before) or {})}
            bring_back = (self.kind == "added") == forward
            return {cid: ws.contacts.restore(cid, version) if bring_back else ws.contacts.remove(cid, version)}
        self.version = self.step("contact", {cid: self.version}, change)[cid]

    def apply(self, ws: Workspace) -> None:
        self._run_step(ws, True)

    def revert(self, ws: Workspace) -> None:
        self._run_step(ws, False)


class LoggedEntry(ServiceCommand):
    """A logged call or visit, new feedback, or scheduled follow-ups (one visit, or every occurrence of a series:
    one undo step); undo removes them and puts the customer's dates back, only while nobody saved the customer
    or the entries since."""

    def __init__(self, context: Context, text: str, customer_id: int, table: str, versions: Versions,
                 dates: DatesChange | None = None) -> None:
        super().__init__(context, text, [customer_id])
        self.table, self.versions, self.dates = table, dict(versions), dates

    def _set(self, ws: Workspace, deleted: bool) -> None:
        own, seen = self.context.own, self.dates
        if seen is not None:  # the customer's version as our own later steps left it
            seen = seen._replace(version=own.expect("customer", {seen.customer_id: seen.version})[seen.customer_id])
        dates = seen

        def change(expected: Versions) -> Versions:
            nonlocal dates
            done, dates = ws.activity.set_entries_deleted(self.table, expected, deleted, seen)
            return done
        self.versions = self.step(self.table, self.versions, change)
        if seen is not None and dates is not None:
            own.wrote("customer", {seen.customer_id: seen.version}, {dates.customer_id: dates.version})
        self.dates = dates

    def apply(self, ws: Workspace) -> None:
        self._set(ws, False)

    def revert(self, ws: Workspace) -> None:
        self._set(ws, True)


class OrderChange(ServiceCommand):
    """An order recorded (undo deletes it), deleted (undo restores it) or edited (undo puts the old values back);
    the services recount the customer's figures with each step."""

    def __init__(self, context: Context, text: str, customer_id: int, order_id: int, kind: str, version: int,
                 before: dict | None = None, after: dict | None = None) -> None:
        super().__init__(context, text, [customer_id])
        self.order_id, self.kind, self.version, self.before, self.after = order_id, kind, version, before, after

    def _run_step(self, ws: Workspace, forward: bool) -> None:
        oid = self.order_id

        def change(expected: Versions) -> Versions:
            version = expected[oid]
            if self.kind == "edited":
                return {oid: ws.orders.update(oid, version, (self.after if forward else self.before) or {}).version}
            bring_back = (self.kind == "added") == forward
            return {oid: ws.orders.restore(oid, version) if bring_back else ws.orders.delete(oid, version)}
        self.version = self.step("purchase", {oid: self.version}, change)[oid]

    def apply(self, ws: Workspace) -> None:
        self._run_step(ws, True)

    def revert(self, ws: Workspace) -> None:
        self._run_step(ws, False)


class Handover(ServiceCommand):
    """Customers handed over to colleagues, with their planned visits and open feedback (TeamService.handover):
    undo gives every record back only while nobody saved it since, redo hands it over again the same way."""

    def __init__(self, context: Context, text: str, result: HandoverResult) -> None:
        super().__init__(context, text, result.after["customer"])
        self.result = result
        self.versions = {table: dict(versions) for table, versions in result.versions.items()}

    def _move(self, change: Callable[[dict[str, Versions]], dict[str, Versions]]) -> None:
        own = self.context.own
        expected = {table: own.expect(table, versions) for table, versions in self.versions.items()}
        after = change(expected)
        for table, versions in after.items():
            own.wrote(table, expected[table], versions)
        self.versions = after

    def apply(self, ws: Workspace) -> None:
        self._move(lambda expected: ws.team.redo_handover(self.result, expected))

    def revert(self, ws: Workspace) -> None:
        self._move(lambda expected: ws.team.undo_handover(self.result, expected))
