"""Gifts and greetings from the customers tab: log one (the pane's button, the Customer menu), edit or remove one
(the timeline's context menu, a double-click on it); each is one undo step, checked like orders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from keepclient.domain.errors import ConflictError, KeepclientError
from keepclient.ui.customers.actions import SaveAgain
from keepclient.ui.customers.commands import ServiceCommand
from keepclient.ui.widgets.saved_command import Context

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

if TYPE_CHECKING:
    from keepclient.domain.gifts import GiftItem
    from keepclient.domain.types import CustomerDetail, Versions
    from keepclient.services.workspace import Workspace
    from keepclient.ui.customers.actions import CustomerActions
    from keepclient.ui.customers.gift_dialog import GiftDialog


class GiftChange(ServiceCommand):
    """A gift logged (undo removes it), removed (undo restores it) or edited (undo puts the old values back)."""

    def __init__(self, context: Context, text: str, customer_id: int, gift_id: int, kind: str, version: int,
                 before: dict | None = None, after: dict | None = None) -> None:
        super().__init__(context, text, [customer_id])
        self.gift_id, self.kind, self.version, self.before, self.after = gift_id, kind, version, before, after

    def _run_step(self, ws: Workspace, forward: bool) -> None:
        gid = self.gift_id

        def change(expected: Versions) -> Versions:
            version = expected[gid]
            if self.kind == "edited":
                return {gid: ws.gifts.update(gid, version, (self.after if forward else self.before) or {}).version}
            bring_back = (self.kind == "added") == forward
            return {gid: ws.gifts.restore(gid, version) if bring_back else ws.gifts.remove(gid, version)}
        self.version = self.step("gift", {gid: self.version}, change)[gid]

    def apply(self, ws: Workspace) -> None:
        self._run_step(ws, True)

    def revert(self, ws: Workspace) -> None:
        self._run_step(ws, False)


def _dialog(actions: CustomerActions, detail: CustomerDetail, gift: GiftItem | None = None) -> GiftDialog:
    from keepclient.ui.customers.gift_dialog import GiftDialog  # loaded when first used

    ws = actions.ws
    return GiftDialog(detail.name, ws.care.observed_holidays(), detail.contacts,
                      ws.team.salespeople(active_only=False), gift=gift, owner_id=detail.values["owner"],
                      currency=actions.host.currency, parent=actions.host.parent_widget())


def log_gift(actions: CustomerActions) -> None:
    """Log gift or greeting… for the customer the pane shows (the pane's button, the Customer menu)."""
    host = actions.host
    detail = host.shown()
    if host.workspace is None or detail is None or detail.deleted:
        return
    if host.is_editing() and not host.save():
        return
    gift(actions, "add", None)


def gift(actions: CustomerActions, action: str, gift_id: int | None) -> None:
    """Log ("add"), "edit" or "remove" a gift of the shown customer; each is one undo step."""
    host = actions.host
    detail = host.shown()
    if host.workspace is None or detail is None or detail.deleted:
        return
    context = host.context
    ws = actions.ws
    if action == "add":

        def add(values: dict[str, Any]) -> None:
            item = ws.gifts.add(detail.id, **values)
            actions._push(GiftChange(context, translate("CustomerActions", "Log gift"), detail.id, item.id,
                                     "added", item.version))
            host.say(translate("CustomerActions", "Gift logged."))

        actions._open(_dialog(actions, detail), add)  # type: ignore[arg-type]
        return
    if gift_id is None:
        return
    try:
        current = ws.gifts.get(gift_id)
    except KeepclientError as exc:
        host.report(exc)
        host.after_change([detail.id])
        return
    if action == "edit":
        dialog = _dialog(actions, detail, current)

        def edit(values: dict[str, Any]) -> None:
            shown = dialog.gift
            changes = dialog.changes(values)
            if not changes:
                return
            try:
                item = ws.gifts.update(shown.id, shown.version, changes)
            except ConflictError as exc:
                dialog.gift = ws.gifts.get(shown.id)  # theirs: OK again saves yours over it
                host.after_change([detail.id])
                raise SaveAgain(exc) from exc
            context.own.wrote("gift", {shown.id: shown.version}, {shown.id: item.version})
            actions._push(GiftChange(context, translate("CustomerActions", "Edit gift"), detail.id, shown.id,
                                     "edited", item.version, {key: getattr(shown, key) for key in changes},
                                     changes))

        actions._open(dialog, edit)  # type: ignore[arg-type]
    elif action == "remove":
        try:
            version = ws.gifts.remove(current.id, current.version)
        except KeepclientError as exc:
            host.report(exc)
            host.after_change([detail.id])
            return
        context.own.wrote("gift", {current.id: current.version}, {current.id: version})
        actions._push(GiftChange(context, translate("CustomerActions", "Remove gift"), detail.id, current.id,
                                 "removed", version))
        host.say(translate("CustomerActions", "Gift removed. Undo with Ctrl+Z."))
