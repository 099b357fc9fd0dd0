"""What the user can do to customers from the customers tab: each action is a dialog (if any), a service call,
and an undo command. Dialogs stay open on invalid input with the field marked; `self.dialog` is the open one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import FIRST_VERSION
from keepclient.ui.customers import commands, dialogs
from keepclient.ui.customers.conflict_dialog import ConflictDialog
from keepclient.ui.labels import date_text, label
from keepclient.ui.widgets.form_dialog import FormDialog
from keepclient.ui.widgets.list_detail import tr_error

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

if TYPE_CHECKING:
    from keepclient.domain.types import ContactInfo, CustomerDetail, DatesChange, OrderItem
    from keepclient.services.insights import StageSuggestion
    from keepclient.services.workspace import Workspace
    from keepclient.ui.customers.order_dialog import OrderDialog
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.tasks import TaskRunner
    from keepclient.ui.widgets.review_dialog import ReviewDialog


class SaveAgain(KeepclientError):
    """A colleague saved the record (an order, a gift) while its dialog was open: their message, and how to go on."""

    def __init__(self, conflict: ConflictError) -> None:
        self.conflict = conflict
        super().__init__(detail=str(conflict))

    def message(self, translate_fn: Any = None) -> str:
        return self.conflict.message(translate_fn) + " " + translate(
            "CustomerActions", "Press OK again to save yours over theirs, or Cancel.")


class CustomerHost(Protocol):
    """What customer actions need of the tab they act in: the open database, the selection, the undo stack, and
    where results and messages go. The customers tab is one; actions never reach past this."""

    workspace: Workspace | None
    context: commands.Context
    undo_stack: QUndoStack
    prompter: Prompter
    runner: TaskRunner
    me: int | None
    currency: str

    def parent_widget(self) -> QWidget: ...
    def selected_ids(self) -> list[int]: ...
    def shown(self) -> CustomerDetail | None: ...
    def is_editing(self) -> bool: ...
    def save(self) -> bool: ...
    def show_detail(self, customer_id: int) -> None: ...
    def show_created(self, customer_id: int) -> None: ...
    def after_change(self, customer_ids: Iterable[int] = ...) -> None: ...
    def refresh_choices(self) -> None: ...
    def forget_history(self) -> None: ...
    def report(self, error: KeepclientError, quiet: bool = ...) -> None: ...
    def say(self, text: str) -> None: ...


class CustomerActions(QObject):
    def __init__(self, host: CustomerHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.dialog: QDialog | None = None  # a FormDialog, or the calendar's visit dialog
        self.conflict: ConflictDialog | None = None

    @property
    def ws(self) -> Workspace:
        """The open database: every operation first checks there is one (`host.workspace`)."""
        workspace = self.host.workspace
        assert workspace is not None, "no database is open"
        return workspace

    def _moved_dates(self, dates: DatesChange | None) -> None:
        """Remember that our own log or plan moved the customer's version (an earlier undo may follow it)."""
        if dates is not None and dates.before != dates.after:
            self.host.context.own.wrote("customer", {dates.customer_id: dates.version - 1},
                                        {dates.customer_id: dates.version})

    def _push(self, command: commands.ServiceCommand) -> None:
        self.host.undo_stack.push(command)
        self.host.after_change(command.customer_ids)

    def _open(self, dialog: FormDialog | OrderDialog, on_submit: Callable[[dict[str, Any]], None],
              ) -> FormDialog | OrderDialog:
        """Show `dialog` without blocking; OK runs `on_submit`, which closes it unless input was invalid."""

        def submitted(values: dict[str, Any]) -> None:
            try:
                on_submit(values)
            except ValidationError as exc:
                dialog.mark_invalid(exc.field, exc.message(tr_error))
                return
            except KeepclientError as exc:
                dialog.mark_invalid("", exc.message(tr_error))
                return
            dialog.accept()

        dialog.submitted.connect(submitted)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- customers ---------------------------------------------------------------------------------------
    def new_customer(self) -> None:
        if self.host.workspace is None:
            return

        from keepclient.services.new_customer import create_customer
        from keepclient.ui.customers.new_customer_dialog import NewCustomerDialog, NotCreated  # when first used

        def create(form: dict[str, Any]) -> None:
            values = form["customer"]
            duplicates = self.ws.customers.find_duplicates(values["name"], values["phone"])
            if duplicates and not self.host.prompter.ask_yes_no(
                translate("CustomerActions", "Possible duplicate"),
                translate("CustomerActions", "Already in the database: %1. Create another customer anyway?").replace(
                    "%1", ", ".join(name for _id, name in duplicates)
                ),
            ):
                raise NotCreated()
            customer_id = create_customer(self.ws.editor, self.ws.contacts, values, form["contact"], form["tags"])
            self._push(
                commands.SetDeleted(
                    self.host.context,
                    translate("CustomerActions", "Create %1").replace("%1", values["name"]),
                    {customer_id: FIRST_VERSION},
                    deleted=False,
                )
            )
            if form["tags"]:
                self.host.refresh_choices()
            self.host.show_created(customer_id)

        self._open(NewCustomerDialog(self.ws.team.salespeople(), self.host.me,
                                     find_duplicates=self.ws.customers.find_duplicates,
                                     parent=self.host.parent_widget()), create)  # type: ignore[arg-type]

    def selection(self) -> list[int]:
        ids = self.host.selected_ids()
        shown = self.host.shown()
        return ids if ids or shown is None else [shown.id]

    def set_deleted(self, deleted: bool) -> None:
        """Move the selected customers to the trash (Del), or restore them from it."""
        ids = self.selection()
        if self.host.workspace is None or not ids:
            return
        try:
            versions = self.ws.editor.set_deleted(ids, deleted)
            self.host.context.own.wrote("customer", {i: v - 1 for i, v in versions.items()}, versions)
        except KeepclientError as exc:
            self.host.report(exc)
            return
        text = (
            translate("CustomerActions", "Move %n customer(s) to the trash")
            if deleted
            else translate("CustomerActions", "Restore %n customer(s)")
        )
        self._push(commands.SetDeleted(self.host.context, text.replace("%n", str(len(ids))), versions, deleted))
        self.host.say(
            translate("CustomerActions", "Moved to the trash: %n. Undo with Ctrl+Z.").replace("%n", str(len(ids)))
            if deleted
            else translate("CustomerActions", "Restored: %n.").replace("%n", str(len(ids)))
        )

    def empty_trash(self) -> None:
        if self.host.workspace is None:
            return
        from keepclient.domain.types import CustomerFilter

        count = self.ws.customers.count(CustomerFilter(trash=True))
        if not count or not self.host.prompter.ask_yes_no(
            translate("CustomerActions", "Empty trash"),
            translate(
                "CustomerActions",
                "Delete %n customer(s) in the trash for good, with their contacts and history? This cannot be undone.",
            ).replace("%n", str(count)),
        ):
            return
        from keepclient.ui.tasks import Task

        workspace = self.ws  # a backup comes first (it reads the whole file), so the work runs off the UI thread
        task = Task(lambda _report, _cancelled: workspace.empty_trash(), cleanup=workspace.release_thread)
        self.host.say(translate("CustomerActions", "Backing up, then emptying the trash…"))
        task.then(lambda _count: self._trash_emptied(), self._trash_not_emptied)
        self.host.runner.start(task)

    def _trash_not_emptied(self, error: Exception) -> None:
        if not isinstance(error, KeepclientError):
            raise error  # a bug: the window's error hook shows it
        self.host.report(error)  # e.g. the backup failed (disk full): nothing was deleted

    def _trash_emptied(self) -> None:
        self.host.forget_history()  # earlier steps may refer to customers that are gone now
        self.host.after_change()

    def bulk(self, what: str) -> None:
        """Assign owner, set tier or stage, add or remove a tag on the selected customers."""
        ids = self.host.selected_ids()
        if self.host.workspace is None or not ids:
            return

        def apply(values: dict[str, Any]) -> None:
            value = values["value"]
            if what in ("add_tag", "remove_tag"):
                tags = [value] if value and value.strip() else []
                if not tags:
                    raise ValidationError(field="value", value="")
                self.change_tags(
                    ids, add=tags if what == "add_tag" else [], remove=tags if what == "remove_tag" else []
                )
                return
            before, versions = self.ws.editor.bulk_update(ids, {what: value})
            changed = {i: v - 1 for i, v in versions.items() if before[i] != {what: value}}
            self.host.context.own.wrote("customer", changed, versions)
            self._push(
                commands.BulkUpdate(
                    self.host.context,
                    translate("CustomerActions", "%1 for %n customer(s)")
                    .replace("%1", label(what))
                    .replace("%n", str(len(ids))),
                    {what: value},
                    before,
                    versions,
                )
            )

        self._open(dialogs.choose(self.host.parent_widget(), what, self.ws.team.salespeople()), apply)

    def change_tags(self, ids: list[int], add: list[str], remove: list[str]) -> None:
        before = self.ws.editor.tag_sets(ids)
        self.ws.editor.change_tags(ids, add=add, remove=remove)
        self._push(
            commands.ChangeTags(self.host.context, translate("CustomerActions", "Change tags"), before, add, remove)
        )
        self.host.refresh_choices()

    def review_tiers(self) -> None:
        """Customer › Review tiers…: the 80/20 suggestions, reviewed; the ticked ones applied as one undo step,
        each at the version the review read (a colleague's change in between is refused, never overwritten)."""
        if self.host.workspace is None:
            return
        from keepclient.ui.customers.tier_review import TierReviewDialog  # QtCharts loads with it, when used

        ws = self.ws
        seen: dict[int, int] = {}

        def overview(include_pinned: bool = False) -> list[dict[str, Any]]:
            rows = ws.insights.tier_overview()
            seen.update(ws.insights.versions(row["id"] for row in rows if row["tier"] != row["suggested_tier"]))
            return rows

        try:
            rows = overview()
        except KeepclientError as exc:
            self.host.report(exc)
            return
        dialog = TierReviewDialog(rows, self.host.currency, overview, self.host.parent_widget())

        def apply(ids: list[int]) -> None:
            before = {int(row["id"]): str(row["tier"]) for row in dialog.rows}
            if not self._apply_review(dialog, "tier", {cid: dialog.suggested[cid] for cid in ids}, before, seen,
                                      translate("CustomerActions", "Review tiers (%n)"),
                                      translate("CustomerActions", "New tiers for %n customer(s). Undo with Ctrl+Z.")):
                dialog.show_overview(overview(dialog.pinned.isChecked()))  # theirs, to review again

        self._open_review(dialog, apply)

    def review_stages(self) -> None:
        """Customer › Review stages…: the lifecycle moves the rules suggest, reviewed; the ticked ones applied as one
        undo step, each at the version the review read."""
        if self.host.workspace is None:
            return
        from keepclient.ui.customers.stage_review import StageReviewDialog

        ws = self.ws
        seen: dict[int, int] = {}

        def review() -> list[StageSuggestion]:
            suggestions = ws.insights.lifecycle_review()
            seen.update(ws.insights.versions(s.id for s in suggestions))
            return suggestions

        try:
            dialog = StageReviewDialog(review(), self.host.parent_widget())
        except KeepclientError as exc:
            self.host.report(exc)
            return

        def apply(ids: list[int]) -> None:
            before = {s.id: s.stage for s in dialog.suggestions}
            if not self._apply_review(dialog, "stage", {cid: dialog.suggested[cid] for cid in ids}, before, seen,
                                      translate("CustomerActions", "Review stages (%n)"),
                                      translate("CustomerActions",
                                                "New stages for %n customer(s). Undo with Ctrl+Z.")):
                dialog.show_suggestions(review())  # as they are now, to review again

        self._open_review(dialog, apply)

    def _apply_review(self, dialog: ReviewDialog, field: str, changes: dict[int, str], before: dict[int, str],
                      seen: dict[int, int], undo_text: str, done_text: str) -> bool:
        """Apply a review's ticked `changes` to `field` at the versions the review read (`seen`), as one undo step;
        False (the dialog says why and stays open) when a colleague changed one of them meanwhile or it failed."""
        versions = {cid: seen[cid] for cid in changes}
        apply = self.ws.insights.apply_tiers if field == "tier" else self.ws.insights.apply_stages
        try:
            pinned = self.ws.insights.pins(changes) if field == "tier" else None
            after = apply(changes, versions)
        except ConflictError:
            dialog.mark_invalid(translate("CustomerActions", "Someone changed some of these customers meanwhile. "
                                          "The list now shows them as they are; apply again."))
            return False
        except KeepclientError as exc:
            dialog.mark_invalid(exc.message(tr_error))
            return False
        self.host.context.own.wrote("customer", versions, after)
        count = str(len(changes))
        self._push(commands.ApplyReview(self.host.context, undo_text.replace("%n", count), field,
                                        {cid: before[cid] for cid in changes}, changes, after, pinned))
        self.host.say(done_text.replace("%n", count))
        dialog.accept()
        return True

    def _open_review(self, dialog: ReviewDialog, apply: Callable[[list[int]], object]) -> None:
        dialog.apply_requested.connect(apply)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    # -- contacts ----------------------------------------------------------------------------------------
    def contact(self, action: str, contact: ContactInfo | None) -> None:
        detail = self.host.shown()
        if self.host.workspace is None or detail is None:
            return
        context = self.host.context
        if action == "add":

            def add(values: dict[str, Any]) -> None:
                contact_id = self.ws.contacts.add(detail.id, **dialogs.contact_values(values))
                self._push(
                    commands.ContactChange(
                        context, translate("CustomerActions", "Add contact"), detail.id, contact_id, "added",
                        version=FIRST_VERSION,
                    )
                )

            self._open(dialogs.contact(self.host.parent_widget()), add)
        elif action == "edit" and contact is not None:

            def edit(values: dict[str, Any]) -> None:
                after = dialogs.contact_values(values)
                before = {key: getattr(contact, key) for key in after}
                changed = {key: value for key, value in after.items() if value != before[key]}
                version = self.ws.contacts.update(contact.id, contact.version, changed)
                context.own.wrote("contact", {contact.id: contact.version}, {contact.id: version})
                self._push(
                    commands.ContactChange(
                        context,
                        translate("CustomerActions", "Edit contact"),
                        detail.id,
                        contact.id,
                        "edited",
                        {k: before[k] for k in changed},
                        changed,
                        version,
                    )
                )

            self._open(dialogs.contact(self.host.parent_widget(), contact), edit)
        elif action == "remove" and contact is not None:
            version = self._remove("contact", contact, self.ws.contacts.remove, detail.id)
            if version is None:
                return
            self._push(
                commands.ContactChange(
                    context, translate("CustomerActions", "Remove contact"), detail.id, contact.id, "removed",
                    version=version,
                )
            )
        elif action == "primary" and contact is not None:
            try:
                self.ws.contacts.set_primary(contact.id, contact.version)
            except KeepclientError as exc:
                self.host.report(exc)
            self.host.after_change([detail.id])

    def _remove(self, table: str, record: ContactInfo | OrderItem, remove: Callable[[int, int], int],
                customer_id: int) -> int | None:
        """Remove a contact or an order at the version the pane showed; its new version, or None when refused
        (said, and the pane read again: a colleague changed or removed it meanwhile)."""
        try:
            version = remove(record.id, record.version)
        except KeepclientError as exc:
            self.host.report(exc)
            self.host.after_change([customer_id])
            return None
        self.host.context.own.wrote(table, {record.id: record.version}, {record.id: version})
        return version

    # -- orders ------------------------------------------------------------------------------------------
    def record_order(self) -> None:
        """Record order… for the customer the pane shows (Customer menu, the pane's button)."""
        detail = self.host.shown()
        if self.host.workspace is None or detail is None or detail.deleted:
            return
        if self.host.is_editing() and not self.host.save():
            return
        self.order("add", None)

    def _order_dialog(self, detail: CustomerDetail, order: OrderItem | None = None) -> OrderDialog:
        from keepclient.ui.customers.order_dialog import OrderDialog  # loaded when first used

        return OrderDialog(detail.name, self.ws.team.salespeople(active_only=False), order=order,
                           owner_id=detail.values["owner"], currency=self.host.currency,
                           parent=self.host.parent_widget())

    def order(self, action: str, order: OrderItem | None) -> None:
        """Record ("add"), "edit" or "delete" an order of the shown customer; each is one undo step."""
        detail = self.host.shown()
        if self.host.workspace is None or detail is None or detail.deleted:
            return
        context = self.host.context
        if action == "add":

            def add(values: dict[str, Any]) -> None:
                item = self.ws.orders.add(detail.id, **values)
                self._push(commands.OrderChange(context, translate("CustomerActions", "Record order"), detail.id,
                                                item.id, "added", item.version))
                self.host.say(translate("CustomerActions", "Order recorded."))

            self._open(self._order_dialog(detail), add)
        elif action == "edit" and order is not None:
            dialog = self._order_dialog(detail, order)

            def edit(values: dict[str, Any]) -> None:
                current = dialog.order
                assert current is not None
                changes = dialog.changes(values)
                if not changes:
                    return
                try:
                    item = self.ws.orders.update(current.id, current.version, changes)
                except ConflictError as exc:
                    dialog.order = self.ws.orders.get(current.id)  # theirs: OK again saves yours over it
                    self.host.after_change([detail.id])
                    raise SaveAgain(exc) from exc
                context.own.wrote("purchase", {current.id: current.version}, {current.id: item.version})
                self._push(commands.OrderChange(
                    context, translate("CustomerActions", "Edit order"), detail.id, current.id, "edited",
                    item.version, {key: getattr(current, key) for key in changes}, changes))

            self._open(dialog, edit)
        elif action == "delete" and order is not None:
            version = self._remove("purchase", order, self.ws.orders.delete, detail.id)
            if version is None:
                return
            self._push(commands.OrderChange(context, translate("CustomerActions", "Delete order"), detail.id,
                                            order.id, "deleted", version))
            self.host.say(translate("CustomerActions", "Order deleted. Undo with Ctrl+Z."))

    # -- quick actions -----------------------------------------------------------------------------------
    def quick(self, kind: str) -> None:
        detail = self.host.shown()
        if self.host.workspace is None or detail is None or detail.deleted:
            return
        if self.host.is_editing() and not self.host.save():
            return
        activity, context = self.ws.activity, self.host.context

        if kind == "log":

            def log(values: dict[str, Any]) -> None:
                entry, dates = activity.log_contact(
                    detail.id,
                    kind=values["kind"],
                    when=values["when"],
                    outcome=values["outcome"],
                    contact_id=values["contact_id"],
                    satisfaction=values["satisfaction"] or None,
                    next_follow_up=values["next_follow_up"],
                )
                self._moved_dates(dates)
                self._push(commands.LoggedEntry(
                    context, translate("CustomerActions", "Log %1").replace("%1", label(values["kind"])), detail.id,
                    "visit", {entry: FIRST_VERSION}, dates))

            self._open(dialogs.log_contact(self.host.parent_widget(), detail.contacts), log)
        elif kind == "feedback":

            def feedback(values: dict[str, Any]) -> None:
                entry = self.ws.feedback.create(detail.id, **values)
                self._push(commands.LoggedEntry(context, translate("CustomerActions", "Add feedback"), detail.id,
                                                "feedback", {entry: FIRST_VERSION}))

            self._open(dialogs.feedback(self.host.parent_widget(), detail.contacts, self.ws.team.salespeople(),
                                        detail.values["owner"], detail.owner_name), feedback)
        elif kind == "schedule":
            self.schedule(detail.id, detail.values["next_follow_up"])

    def schedule(self, customer_id: int, due: dt.date | None) -> None:
        """The visit dialog for this customer (recurrence, overlap warnings), on the day the follow-up is due;
        planning is one undo step, a whole series included."""
        from keepclient.ui.calendar.visit_dialog import VisitDialog  # the calendar's dialog, loaded when used

        today = dt.date.today()
        day = max(due, today) if due else today + dt.timedelta(days=1)
        dialog = VisitDialog(self.ws, customer_id=customer_id, start=dt.datetime.combine(day, dt.time(10)),
                             prompter=self.host.prompter, parent=self.host.parent_widget())
        context = self.host.context

        def planned() -> None:
            text = translate("CustomerActions", "Schedule follow-up")
            if len(dialog.saved_ids) > 1:
                text = translate("CustomerActions", "Schedule %n follow-ups").replace("%n", str(len(dialog.saved_ids)))
            self._moved_dates(getattr(dialog.saved_ids, "dates", None))
            self._push(commands.LoggedEntry(context, text, customer_id, "visit",
                                            dict.fromkeys(dialog.saved_ids, FIRST_VERSION),
                                            getattr(dialog.saved_ids, "dates", None)))

        dialog.accepted.connect(planned)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    # -- conflicts ---------------------------------------------------------------------------------------
    def resolve_conflict(self, detail: CustomerDetail, changes: dict[str, Any], error: ConflictError) -> None:
        theirs = error.theirs
        people = {p.id: p.name for p in self.ws.team.salespeople(active_only=False)}

        def show(field: str, value: Any) -> str:
            if field == "owner":
                return people.get(value, "—")
            if isinstance(value, dt.date):
                return date_text(value)
            return label(value) if field in ("kind", "tier", "stage") else ("" if value is None else str(value))

        dialog = ConflictDialog(detail.name, changes, theirs, theirs.get("updated_by", ""), label, show,
                                self.host.parent_widget())

        def resolved(mine: dict[str, Any]) -> None:
            try:
                if mine:
                    version = self.ws.editor.update(detail.id, theirs["version"], mine)
                    self.host.context.own.wrote("customer", {detail.id: theirs["version"]}, {detail.id: version})
                    before = {field: theirs[field] for field in mine}
                    self.host.undo_stack.push(
                        commands.EditCustomer(
                            self.host.context,
                            translate("CustomerActions", "Edit %1").replace("%1", detail.name),
                            detail.id,
                            before,
                            mine,
                            version,
                        )
                    )
            except ConflictError as again:  # yet another save in between: ask again with the newest values
                self.resolve_conflict(detail, mine, again)
                return
            except KeepclientError as exc:
                self.host.report(exc)
            self.host.show_detail(detail.id)
            self.host.after_change([detail.id])

        dialog.resolved.connect(resolved)
        dialog.finished.connect(lambda _result: setattr(self, "conflict", None))
        self.conflict = dialog
        dialog.open()
