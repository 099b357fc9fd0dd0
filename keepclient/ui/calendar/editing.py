"""Changing the calendar: plan and edit in the dialogs, drag to move or resize, copy, paste, delete, undo.

Every change goes through the visit services; moves, deletes, pastes and newly planned visits go onto the calendar's
undo stack. A move that overlaps another visit of the same salesperson asks first, and a visit of a recurring
series asks whether the change is for this visit or the whole series. Every change expects the visit's version as
the calendar showed it: when a colleague changed it in between, nothing is overwritten, the user is told and the
calendar shows the visit as it is now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import FIRST_VERSION, VisitItem
from keepclient.services.changes import Change, Topic
from keepclient.ui.calendar import commands
from keepclient.ui.labels import date_text, time_text

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter

MAX_LISTED = 5  # overlapping visits named in the warning


def visits_changed(customer_ids: Iterable[int] = ()) -> Change:
    """Visits of these customers were planned, moved, deleted or logged: their due dates and planned visits, which
    the customer list shows, moved with them."""
    return Change.of(Topic.VISITS, Topic.CUSTOMERS, customer_ids=customer_ids)


class EditedCalendar(Protocol):
    """What editing needs from the calendar it changes: the open workspace, the user's selection, and a way to show
    what was saved (and tell the rest of the window). The Calendar tab is one."""

    @property
    def workspace(self) -> Workspace | None: ...

    @property
    def prompter(self) -> Prompter: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def read_only(self) -> bool: ...

    def say(self, text: str) -> None:
        """A word in the status bar."""

    def selected_visit(self) -> VisitItem | None: ...

    def selected_moment(self) -> dt.datetime:
        """Where a planned visit goes: the selected free time."""
        ...

    def paste_moment(self, visit: VisitItem) -> dt.datetime:
        """Where a copy of `visit` goes when no time was chosen."""
        ...

    def one_salesperson(self) -> int | None:
        """Whom a new visit is for, when the calendar shows exactly one salesperson."""
        ...

    def focus_visit(self, visit_id: int | None, day: dt.date | None = None) -> None:
        """Select `visit_id` (None: nothing) on `day` (None: the day shown) once the calendar shows it again."""

    def cancel_drag(self) -> None:
        """Put a dragged visit back where it was."""

    def reload(self) -> None:
        """Show the period as it is now (a change was refused: the user sees what is really saved)."""

    def saved(self, change: Change) -> None:
        """Editing saved `change`: show it, then tell the rest of the window."""


class VisitEditing(QObject):
    """Plans, moves, copies, deletes and logs visits of `calendar`; dialogs and menus open over `parent`."""

    def __init__(self, calendar: EditedCalendar, parent: QWidget) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.parent_widget = parent
        self.clipboard: VisitItem | None = None
        self.dialog: QDialog | None = None  # the dialog opened last (tests reach it here)
        self.menu: QMenu | None = None  # the context menu shown last
        self.context = commands.Context(lambda: calendar.workspace,
                                        lambda customer_ids=(): calendar.saved(visits_changed(customer_ids)),
                                        self.report)
        # Orders recorded after a visit: their undo and redo tell the customer list (the calendar shows no orders).
        self.order_context = commands.Context(
            lambda: calendar.workspace,
            lambda customer_ids=(): calendar.saved(Change.of(Topic.PURCHASES, customer_ids=customer_ids)),
            lambda error: calendar.prompter.error(self.tr("Not saved"), error.message(QCoreApplication.translate)))

    # -- errors ----------------------------------------------------------------------------------------------
    def error_text(self, error: KeepclientError) -> str:
        if isinstance(error, ConflictError):  # the generic text names a table and versions: say it in calendar terms
            return self.tr("Someone else changed this visit after the calendar showed it. Nothing was overwritten: "
                           "the calendar now shows the visit as it is, please check it and try again.")
        return error.message(QCoreApplication.translate)

    def report(self, error: KeepclientError, quiet: bool = False) -> None:
        """Tell the user why a change (or an undo, redo) was not saved; the calendar is reloaded by the caller."""
        if quiet:
            self.calendar.say(self.error_text(error))
        else:
            self.calendar.prompter.error(self.tr("Not saved"), self.error_text(error))

    def writable(self) -> bool:
        """False while the database is read-only: every change would only fail, so none starts (a word in the
        status bar says why, never a dialog)."""
        if self.calendar.read_only:
            self.calendar.say(self.tr("This database is open read-only: visits cannot be planned or changed."))
            return False
        return True

    # -- questions -------------------------------------------------------------------------------------------
    def _scope(self, visit: VisitItem, doing: str) -> str | None:
        """"this" or "series" for a visit of a series (asked), "this" otherwise; None when the user cancelled."""
        if visit.series_id is None:
            return "this"
        answer = self.calendar.prompter.ask_choice(
            self.tr("Repeating visit"),
            doing.replace("%1", f"{date_text(visit.start.date())} {time_text(visit.start)}"),
            [self.tr("Only this visit"), self.tr("The whole series")],
        )
        return None if answer is None else ("series" if answer == 1 else "this")

    def _overlaps_accepted(self, visit: VisitItem, start: dt.datetime, minutes: int, exclude: int | None) -> bool:
        """True when the new time is free for the salesperson, or the user keeps it despite the overlap."""
        workspace = self.calendar.workspace
        if workspace is None or visit.salesperson_id is None:
            return True
        clashes = workspace.visits.overlapping(visit.salesperson_id, start, minutes, exclude=exclude)
        if not clashes:
            return True
        lines = [f"• {date_text(v.start.date())} {time_text(v.start)}–{time_text(v.end)}  {v.customer}"
                 for v in clashes[:MAX_LISTED]]
        if len(clashes) > MAX_LISTED:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(clashes) - MAX_LISTED)))
        who = visit.salesperson or self.tr("The salesperson")
        text = self.tr("%1 already has something planned at that time:").replace("%1", who)
        return self.calendar.prompter.ask_yes_no(
            self.tr("Overlapping visits"), "\n".join([text, *lines, "", self.tr("Keep the new time anyway?")]))

    # -- drag and drop ---------------------------------------------------------------------------------------
    def move(self, visit: VisitItem, start: dt.datetime, minutes: int) -> None:
        """A visit was dropped at `start` (and/or stretched to `minutes`): save it, or put it back."""
        calendar = self.calendar
        workspace = calendar.workspace
        if workspace is None or not self.writable():
            calendar.cancel_drag()
            return
        resized = minutes != visit.minutes
        try:
            scope = self._scope(visit, self.tr("%1 is one visit of a series. Move only this visit, or every "
                                               "planned visit of the series?"))
            if scope is None or not self._overlaps_accepted(visit, start, minutes, visit.id):
                calendar.cancel_drag()
                calendar.say(self.tr("Not moved."))
                return
            versions = workspace.visits.reschedule(visit.id, start, minutes if resized else None, scope=scope,
                                                   version=visit.version)
        except KeepclientError as exc:
            calendar.cancel_drag()
            self.report(exc)
            calendar.reload()
            return
        self.context.own.wrote("visit", {visit.id: visit.version}, versions)
        text = (self.tr("Change duration of %1") if resized and start == visit.start else
                self.tr("Move %1")).replace("%1", visit.customer)
        calendar.undo_stack.push(commands.MoveVisit(
            self.context, text, visit.id, (visit.start, visit.minutes), (start, minutes if resized else None), scope,
            versions, [visit.customer_id]))
        calendar.focus_visit(visit.id, start.date())
        calendar.saved(visits_changed([visit.customer_id]))
        calendar.say(self.tr("%1 moved to %2. Undo with Ctrl+Z.").replace("%1", visit.customer).replace(
            "%2", f"{date_text(start.date())} {time_text(start)}"))

    # -- clipboard and delete --------------------------------------------------------------------------------
    def copy(self) -> None:
        visit = self.calendar.selected_visit()
        if visit is None:
            return
        self.clipboard = visit
        QGuiApplication.clipboard().setText(
            f"{date_text(visit.start.date())} {time_text(visit.start)}–{time_text(visit.end)} {visit.customer}"
            + (f" ({visit.contact})" if visit.contact else ""))
        self.calendar.say(self.tr("Copied %1. Paste it at another time with Ctrl+V.").replace(
            "%1", visit.customer))

    def paste(self, at: dt.datetime | None = None) -> None:
        """A planned copy of the copied visit at `at`: the selected free time, else its own time on the chosen day."""
        calendar, visit = self.calendar, self.clipboard
        workspace = calendar.workspace
        if visit is None or workspace is None or not self.writable():
            return
        if at is None:
            at = calendar.paste_moment(visit)
        try:
            if not self._overlaps_accepted(visit, at, visit.minutes, None):
                calendar.say(self.tr("Not pasted."))
                return
            new_id = workspace.visits.copy(visit.id, at)
        except KeepclientError as exc:
            self.report(exc)
            return
        calendar.undo_stack.push(commands.AddVisits(self.context, self.tr("Paste %1").replace("%1", visit.customer),
                                                    {new_id: FIRST_VERSION}, [visit.customer_id]))
        calendar.focus_visit(new_id, at.date())
        calendar.saved(visits_changed([visit.customer_id]))

    def delete(self, visit: VisitItem | None = None) -> None:
        calendar = self.calendar
        visit = visit or calendar.selected_visit()
        workspace = calendar.workspace
        if visit is None or workspace is None or not self.writable():
            return
        try:
            scope = self._scope(visit, self.tr("%1 is one visit of a series. Delete only this visit, or every "
                                               "planned visit of the series?"))
            if scope is None:
                return
            versions = workspace.visits.delete(visit.id, scope=scope, version=visit.version)
        except KeepclientError as exc:
            self.report(exc)
            calendar.reload()
            return
        self.context.own.wrote("visit", {visit.id: visit.version}, versions)
        calendar.undo_stack.push(commands.DeleteVisits(
            self.context, self.tr("Delete %1").replace("%1", visit.customer), versions, [visit.customer_id]))
        calendar.focus_visit(None)
        calendar.saved(visits_changed([visit.customer_id]))
        calendar.say(self.tr("Deleted %1 visit(s). Undo with Ctrl+Z.").replace("%1", str(len(versions))))

    # -- dialogs -----------------------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, done) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: done(dialog))
        dialog.open()  # window-modal, never a nested event loop
        return dialog

    @staticmethod
    def _visit_dialog() -> ModuleType:
        from keepclient.ui.calendar import visit_dialog  # loaded when first used: the first paint stays cheap

        return visit_dialog

    @staticmethod
    def _outcome_dialog() -> ModuleType:
        from keepclient.ui.calendar import outcome_dialog  # loaded when first used

        return outcome_dialog

    def plan_at(self, start: dt.datetime) -> None:
        """Plan a visit at a free time (double-click, Enter, "Plan visit…")."""
        module = self._visit_dialog()
        calendar = self.calendar
        if calendar.workspace is None or not self.writable():
            return
        self._open(module.VisitDialog(calendar.workspace, start=start, salesperson_id=calendar.one_salesperson(),
                                      prompter=calendar.prompter, parent=self.parent_widget), self._planned)

    def plan_for_customer(self, customer_id: int) -> None:
        """The Due panel's "plan": a visit for that customer at the selected time."""
        module = self._visit_dialog()
        calendar = self.calendar
        if calendar.workspace is None or not self.writable():
            return
        self._open(module.VisitDialog(calendar.workspace, customer_id=customer_id,
                                      start=calendar.selected_moment(), salesperson_id=calendar.one_salesperson(),
                                      prompter=calendar.prompter, parent=self.parent_widget), self._planned)

    def _planned(self, dialog: QDialog) -> None:
        calendar = self.calendar
        ids = list(getattr(dialog, "saved_ids", []) or [])
        customer_id = getattr(dialog, "customer_id", None)
        customers = [customer_id] if customer_id is not None else []
        if ids:
            calendar.undo_stack.push(commands.AddVisits(self.context, self.tr("Plan visit"),
                                                        dict.fromkeys(ids, FIRST_VERSION), customers))
            first = self._get(ids[0])
            calendar.focus_visit(ids[0], first.start.date() if first is not None else None)
        calendar.saved(visits_changed(customers))

    def edit(self, visit: VisitItem) -> None:
        module = self._visit_dialog()
        calendar = self.calendar
        if calendar.workspace is None or not self.writable():
            return

        def edited(dialog: QDialog) -> None:  # the dialog may have given the visit to another customer
            moved_to = getattr(dialog, "customer_id", None)
            calendar.saved(visits_changed([visit.customer_id, *([moved_to] if moved_to is not None else [])]))

        self._open(module.VisitDialog(calendar.workspace, visit=visit, prompter=calendar.prompter,
                                      parent=self.parent_widget), edited)

    def log_outcome(self, visit: VisitItem) -> None:
        module = self._outcome_dialog()
        if self.calendar.workspace is None or not self.writable():
            return
        self._open(module.OutcomeDialog(self.calendar.workspace, visit=visit, parent=self.parent_widget),
                   self._logged)

    def log_for_customer(self, customer_id: int) -> None:
        module = self._outcome_dialog()
        if self.calendar.workspace is None or not self.writable():
            return
        self._open(module.OutcomeDialog(self.calendar.workspace, customer_id=customer_id, parent=self.parent_widget),
                   self._logged)

    def _logged(self, dialog: QDialog) -> None:
        """An outcome was saved (the customer's last contact and next follow-up with it, and feedback when some was
        recorded); with "Record order…" ticked, the order dialog for that customer follows."""
        customer_id = getattr(dialog, "customer_id", None)
        change = visits_changed([customer_id] if customer_id is not None else [])
        if getattr(dialog, "feedback_id", None) is not None:
            change = Change(change.topics | {Topic.FEEDBACK}, change.customer_ids)
        self.calendar.saved(change)
        if getattr(dialog, "order_wanted", False):
            self.record_order(dialog.customer_id)  # type: ignore[attr-defined]

    def record_order(self, customer_id: int) -> None:
        """The order dialog for a customer (after a visit that was done); the new order is one undo step here."""
        from keepclient.ui.customers.commands import OrderChange
        from keepclient.ui.customers.order_dialog import OrderDialog

        calendar = self.calendar
        workspace = calendar.workspace
        if workspace is None or not self.writable():
            return
        try:
            detail = workspace.customers.detail(customer_id)
            people, currency = workspace.team.salespeople(active_only=False), workspace.orders.currency()
        except KeepclientError as exc:
            self.report(exc)
            return
        dialog = OrderDialog(detail.name, people, owner_id=detail.values["owner"], currency=currency,
                             parent=self.parent_widget)

        def submitted(values: dict) -> None:
            try:
                item = workspace.orders.add(customer_id, **values)
            except ValidationError as exc:
                dialog.mark_invalid(exc.field, exc.message(QCoreApplication.translate))
                return
            except KeepclientError as exc:
                dialog.mark_invalid("", exc.message(QCoreApplication.translate))
                return
            calendar.undo_stack.push(OrderChange(self.order_context, self.tr("Record order"), customer_id, item.id,
                                                 "added", item.version))
            dialog.accept()
            calendar.saved(Change.of(Topic.PURCHASES, customer_ids=[customer_id]))
            calendar.say(self.tr("Order recorded for %1.").replace("%1", detail.name))

        dialog.submitted.connect(submitted)
        self.dialog = dialog
        dialog.open()

    def _get(self, visit_id: int) -> VisitItem | None:
        workspace = self.calendar.workspace
        try:
            return workspace.visits.get(visit_id) if workspace is not None else None
        except KeepclientError:
            return None

    # -- the context menu ------------------------------------------------------------------------------------
    def context_actions(self, visit: VisitItem | None, moment: dt.datetime, parent: QObject) -> list[QAction]:
        """The menu's entries for a visit, or for free time at `moment` (tests trigger them directly)."""
        def action(text: str, slot, enabled: bool = True) -> QAction:
            made = QAction(text, parent)
            made.setEnabled(enabled)
            made.triggered.connect(slot)
            return made

        writable = not self.calendar.read_only  # a read-only database: only Copy is left on
        if visit is not None:
            return [
                action(self.tr("Edit…"), lambda: self.edit(visit), writable),
                action(self.tr("Log outcome…"), lambda: self.log_outcome(visit), writable),
                action(self.tr("Copy"), lambda: self.copy()),
                action(self.tr("Delete"), lambda: self.delete(visit), writable),
            ]
        return [
            action(self.tr("Plan visit…"), lambda: self.plan_at(moment), writable),
            action(self.tr("Paste"), lambda: self.paste(moment), writable and self.clipboard is not None),
        ]

    def context_menu(self, visit: VisitItem | None, moment: dt.datetime, where: QPoint) -> QMenu:
        menu = QMenu(self.parent_widget)
        for entry in self.context_actions(visit, moment, menu):
            menu.addAction(entry)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
        self.menu = menu
        return menu
