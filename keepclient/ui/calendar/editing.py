"""Changing the calendar: plan and edit in the dialogs, drag to move or resize, copy, paste, delete, undo.

Every change goes through the visit services; moves, deletes, pastes and newly planned visits go onto the area's
undo stack. A move that overlaps another visit of the same salesperson asks first, and a visit of a recurring
series asks whether the change is for this visit or the whole series. Every change expects the visit's version as
the calendar showed it: when a colleague changed it in between, nothing is overwritten, the user is told and the
calendar shows the visit as it is now.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu

from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import FIRST_VERSION, VisitItem
from keepclient.ui.calendar import commands
from keepclient.ui.labels import date_text, time_text

if TYPE_CHECKING:
    from keepclient.ui.calendar.area import CalendarArea

MAX_LISTED = 5  # overlapping visits named in the warning


class VisitEditing(QObject):
    def __init__(self, area: CalendarArea) -> None:
        super().__init__(area)
        self.area = area
        self.clipboard: VisitItem | None = None
        self.dialog: QDialog | None = None  # the dialog opened last (tests reach it here)
        self.menu: QMenu | None = None  # the context menu shown last
        self.context = commands.Context(lambda: area.workspace, area.refresh, self.report)
        # Orders recorded after a visit: their undo names no visit, and refreshes the calendar (the Due panel too).
        self.order_context = commands.Context(lambda: area.workspace, lambda *_ids: self._changed(),
                                              lambda error: area.prompter.error(
                                                  self.tr("Not saved"), error.message(QCoreApplication.translate)))

    # -- errors ----------------------------------------------------------------------------------------------
    def error_text(self, error: KeepclientError) -> str:
        if isinstance(error, ConflictError):  # the generic text names a table and versions: say it in calendar terms
            return self.tr("Someone else changed this visit after the calendar showed it. Nothing was overwritten: "
                           "the calendar now shows the visit as it is, please check it and try again.")
        return error.message(QCoreApplication.translate)

    def report(self, error: KeepclientError, quiet: bool = False) -> None:
        """Tell the user why a change (or an undo, redo) was not saved; the calendar is reloaded by the caller."""
        if quiet:
            self.area.message.emit(self.error_text(error))
        else:
            self.area.prompter.error(self.tr("Not saved"), self.error_text(error))

    def writable(self) -> bool:
        """False while the database is read-only: every change would only fail, so none starts (a word in the
        status bar says why, never a dialog)."""
        if self.area.read_only:
            self.area.message.emit(self.tr("This database is open read-only: visits cannot be planned or changed."))
            return False
        return True

    # -- questions -------------------------------------------------------------------------------------------
    def _scope(self, visit: VisitItem, doing: str) -> str | None:
        """"this" or "series" for a visit of a series (asked), "this" otherwise; None when the user cancelled."""
        if visit.series_id is None:
            return "this"
        answer = self.area.prompter.ask_choice(
            self.tr("Repeating visit"),
            doing.replace("%1", f"{date_text(visit.start.date())} {time_text(visit.start)}"),
            [self.tr("Only this visit"), self.tr("The whole series")],
        )
        return None if answer is None else ("series" if answer == 1 else "this")

    def _overlaps_accepted(self, visit: VisitItem, start: dt.datetime, minutes: int, exclude: int | None) -> bool:
        """True when the new time is free for the salesperson, or the user keeps it despite the overlap."""
        workspace = self.area.workspace
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
        return self.area.prompter.ask_yes_no(
            self.tr("Overlapping visits"), "\n".join([text, *lines, "", self.tr("Keep the new time anyway?")]))

    # -- drag and drop ---------------------------------------------------------------------------------------
    def move(self, visit: VisitItem, start: dt.datetime, minutes: int) -> None:
        """A visit was dropped at `start` (and/or stretched to `minutes`): save it, or put it back."""
        area = self.area
        workspace = area.workspace
        if workspace is None or not self.writable():
            area.grid.clear_ghost()
            return
        resized = minutes != visit.minutes
        try:
            scope = self._scope(visit, self.tr("%1 is one visit of a series. Move only this visit, or every "
                                               "planned visit of the series?"))
            if scope is None or not self._overlaps_accepted(visit, start, minutes, visit.id):
                area.grid.clear_ghost()
                area.message.emit(self.tr("Not moved."))
                return
            versions = workspace.visits.reschedule(visit.id, start, minutes if resized else None, scope=scope,
                                                   version=visit.version)
        except KeepclientError as exc:
            area.grid.clear_ghost()
            self.report(exc)
            area.refresh()
            return
        self.context.own.wrote("visit", {visit.id: visit.version}, versions)
        text = (self.tr("Change duration of %1") if resized and start == visit.start else
                self.tr("Move %1")).replace("%1", visit.customer)
        area.undo_stack.push(commands.MoveVisit(
            self.context, text, visit.id, (visit.start, visit.minutes), (start, minutes if resized else None), scope,
            versions))
        area.selected_id = visit.id
        area.current_day = start.date()
        area.refresh()
        area.message.emit(self.tr("%1 moved to %2. Undo with Ctrl+Z.").replace("%1", visit.customer).replace(
            "%2", f"{date_text(start.date())} {time_text(start)}"))

    # -- clipboard and delete --------------------------------------------------------------------------------
    def copy(self) -> None:
        visit = self.area.selected_visit()
        if visit is None:
            return
        self.clipboard = visit
        QGuiApplication.clipboard().setText(
            f"{date_text(visit.start.date())} {time_text(visit.start)}–{time_text(visit.end)} {visit.customer}"
            + (f" ({visit.contact})" if visit.contact else ""))
        self.area.message.emit(self.tr("Copied %1. Paste it at another time with Ctrl+V.").replace(
            "%1", visit.customer))

    def paste(self, at: dt.datetime | None = None) -> None:
        """A planned copy of the copied visit at `at`: the selected free time, else its own time on the chosen day."""
        area, visit = self.area, self.clipboard
        if visit is None or area.workspace is None or not self.writable():
            return
        if at is None:
            at = (area.selected_moment() if area.view in ("day", "week")
                  else dt.datetime.combine(area.current_day, visit.start.time()))
        try:
            if not self._overlaps_accepted(visit, at, visit.minutes, None):
                area.message.emit(self.tr("Not pasted."))
                return
            new_id = area.workspace.visits.copy(visit.id, at)
        except KeepclientError as exc:
            self.report(exc)
            return
        area.undo_stack.push(commands.AddVisits(self.context, self.tr("Paste %1").replace("%1", visit.customer),
                                                {new_id: FIRST_VERSION}))
        area.current_day, area.selected_id = at.date(), new_id
        area.refresh()

    def delete(self, visit: VisitItem | None = None) -> None:
        area = self.area
        visit = visit or area.selected_visit()
        if visit is None or area.workspace is None or not self.writable():
            return
        try:
            scope = self._scope(visit, self.tr("%1 is one visit of a series. Delete only this visit, or every "
                                               "planned visit of the series?"))
            if scope is None:
                return
            versions = area.workspace.visits.delete(visit.id, scope=scope, version=visit.version)
        except KeepclientError as exc:
            self.report(exc)
            area.refresh()
            return
        self.context.own.wrote("visit", {visit.id: visit.version}, versions)
        area.undo_stack.push(commands.DeleteVisits(
            self.context, self.tr("Delete %1").replace("%1", visit.customer), versions))
        area.selected_id = None
        area.refresh()
        area.message.emit(self.tr("Deleted %1 visit(s). Undo with Ctrl+Z.").replace("%1", str(len(versions))))

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
        if self.area.workspace is None or not self.writable():
            return
        self._open(module.VisitDialog(self.area.workspace, start=start, salesperson_id=self.area.one_salesperson(),
                                      prompter=self.area.prompter, parent=self.area), self._planned)

    def plan_for_customer(self, customer_id: int) -> None:
        """The Due panel's "plan": a visit for that customer at the selected time."""
        module = self._visit_dialog()
        if self.area.workspace is None or not self.writable():
            return
        self._open(module.VisitDialog(self.area.workspace, customer_id=customer_id,
                                      start=self.area.selected_moment(), salesperson_id=self.area.one_salesperson(),
                                      prompter=self.area.prompter, parent=self.area), self._planned)

    def _planned(self, dialog: QDialog) -> None:
        area = self.area
        ids = list(getattr(dialog, "saved_ids", []) or [])
        if ids:
            area.undo_stack.push(commands.AddVisits(self.context, self.tr("Plan visit"),
                                                    dict.fromkeys(ids, FIRST_VERSION)))
            area.selected_id = ids[0]
            first = self._get(ids[0])
            if first is not None:
                area.current_day = first.start.date()
        self._changed()

    def edit(self, visit: VisitItem) -> None:
        module = self._visit_dialog()
        if self.area.workspace is None or not self.writable():
            return
        self._open(module.VisitDialog(self.area.workspace, visit=visit, prompter=self.area.prompter,
                                      parent=self.area), lambda _dialog: self._changed())

    def log_outcome(self, visit: VisitItem) -> None:
        module = self._outcome_dialog()
        if self.area.workspace is None or not self.writable():
            return
        self._open(module.OutcomeDialog(self.area.workspace, visit=visit, parent=self.area), self._logged)

    def log_for_customer(self, customer_id: int) -> None:
        module = self._outcome_dialog()
        if self.area.workspace is None or not self.writable():
            return
        self._open(module.OutcomeDialog(self.area.workspace, customer_id=customer_id, parent=self.area),
                   self._logged)

    def _logged(self, dialog: QDialog) -> None:
        """An outcome was saved; with "Record order…" ticked, the order dialog for that customer follows."""
        self._changed()
        if getattr(dialog, "order_wanted", False):
            self.record_order(dialog.customer_id)  # type: ignore[attr-defined]

    def record_order(self, customer_id: int) -> None:
        """The order dialog for a customer (after a visit that was done); the new order is one undo step here."""
        from keepclient.ui.customers.commands import OrderChange
        from keepclient.ui.customers.order_dialog import OrderDialog

        workspace = self.area.workspace
        if workspace is None or not self.writable():
            return
        try:
            detail = workspace.customers.detail(customer_id)
            people, currency = workspace.team.salespeople(active_only=False), workspace.orders.currency()
        except KeepclientError as exc:
            self.report(exc)
            return
        dialog = OrderDialog(detail.name, people, owner_id=detail.values["owner"], currency=currency,
                             parent=self.area)

        def submitted(values: dict) -> None:
            try:
                item = workspace.orders.add(customer_id, **values)
            except ValidationError as exc:
                dialog.mark_invalid(exc.field, exc.message(QCoreApplication.translate))
                return
            except KeepclientError as exc:
                dialog.mark_invalid("", exc.message(QCoreApplication.translate))
                return
            self.area.undo_stack.push(OrderChange(self.order_context, self.tr("Record order"), customer_id, item.id,
                                                  "added", item.version))
            dialog.accept()
            self.area.message.emit(self.tr("Order recorded for %1.").replace("%1", detail.name))

        dialog.submitted.connect(submitted)
        self.dialog = dialog
        dialog.open()

    def _get(self, visit_id: int) -> VisitItem | None:
        try:
            return self.area.workspace.visits.get(visit_id) if self.area.workspace else None
        except KeepclientError:
            return None

    def _changed(self) -> None:
        self.area.refresh()
        if self.area.due is not None and self.area.settings.due_panel:
            self.area.due.refresh()

    # -- the context menu ------------------------------------------------------------------------------------
    def context_actions(self, visit: VisitItem | None, moment: dt.datetime, parent: QObject) -> list[QAction]:
        """The menu's entries for a visit, or for free time at `moment` (tests trigger them directly)."""
        def action(text: str, slot, enabled: bool = True) -> QAction:
            made = QAction(text, parent)
            made.setEnabled(enabled)
            made.triggered.connect(slot)
            return made

        writable = not self.area.read_only  # a read-only database: only Copy is left on
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
        menu = QMenu(self.area)
        for entry in self.context_actions(visit, moment, menu):
            menu.addAction(entry)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
        self.menu = menu
        return menu
