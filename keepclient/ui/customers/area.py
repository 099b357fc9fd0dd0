"""The customers tab: saved views, search and filters, the list and the detail pane, wired to the services.

The list and the pane are a `ListDetailController` configuration: the area composes the filter from the filter
bar, the trash view and the header's sort and pushes it; the controller does the paging, counting, re-selecting
and save-before-switch. Every change goes through the services and onto the undo stack and is announced on the
workspace's change notifier, which this area (and the other areas) hear to refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from keepclient.domain.enums import LostReason
from keepclient.domain.errors import CancelledError, ConflictError, KeepclientError
from keepclient.domain.types import CustomerDetail, CustomerFilter
from keepclient.services.changes import Change, Topic
from keepclient.ui.customers import commands
from keepclient.ui.customers.actions import CustomerActions
from keepclient.ui.customers.detail_pane import CustomerDetailPane
from keepclient.ui.customers.filter_bar import FilterBar
from keepclient.ui.customers.list_view import CustomerListModel, CustomerListView
from keepclient.ui.customers.purchases_section import SHOWN_LIMIT as ORDERS_SHOWN
from keepclient.ui.customers.satisfaction import SHOWN as SHOWN_SCORES
from keepclient.ui.customers.views_sidebar import SavedView, ViewsSidebar, builtin_views, dump_views, load_views
from keepclient.ui.labels import label_in
from keepclient.ui.read_only import pane_controls
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.after_paint import AfterFirstPaint
from keepclient.ui.widgets.list_detail import ListDetailController, ListDetailOps, tr_error
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.settings import Preferences

EVERYTHING_ABOUT_A_CUSTOMER = (Topic.CUSTOMERS, Topic.VISITS, Topic.FEEDBACK, Topic.PURCHASES)


class CustomerArea(QStackedWidget):
    """Page 0: empty database, with "Load demo data"; page 1: views, filters, list and detail."""

    demo_requested = Signal()
    message = Signal(str)

    def __init__(self, prefs: Preferences, prompter: Prompter, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs, self.prompter, self.runner = prefs, prompter, runner
        self.workspace: Workspace | None = None
        self.currency = "CNY"  # the team's currency, read when a database opens
        self.me: int | None = None
        self.undo_stack = QUndoStack(self)
        self.context = commands.Context(lambda: self.workspace, self.after_change, self.report)
        self.operations = CustomerActions(self)  # not `actions`: that name is QWidget.actions()
        self.read_only = False  # a read-only database (the window sets it): nothing here starts a change
        self.trash = False
        self.sort: tuple[str, bool] = ("name", False)
        self._stop_hearing: Callable[[], None] | None = None
        self._own_change = False  # announcing a change made here: the pane is shown again by after_change
        self.when_shown = RefreshWhenShown(self, self._changed_elsewhere)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel(self.tr(
            "No customers yet.\nImport your contact list, or load demo data to look around first."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_label)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.clicked.connect(self.demo_requested)
        empty_layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.addWidget(empty)

        self.sidebar = ViewsSidebar()
        self.filters = FilterBar()
        self.list = CustomerListView()
        self.no_match = QLabel(self.tr("No customer matches. Press Esc to clear the search, or pick another view."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.filters)
        center_layout.addWidget(self.no_match)
        center_layout.addWidget(self.list, 1)
        self.detail = CustomerDetailPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([160, 660, 500])
        self.addWidget(self.splitter)

        self.controller = ListDetailController(self.list, self.detail, runner, self.report, self)
        self.controller.rows_changed.connect(self._show_page)
        self.controller.message.connect(self.message)
        self.filters.changed.connect(self.search_changed)
        self.list.sort_requested.connect(self._sort_requested)
        self.list.layout_changed.connect(self._remember_header)
        self.sidebar.chosen.connect(self.apply_view)
        self.sidebar.save_requested.connect(self.save_view)
        self.sidebar.delete_requested.connect(self.delete_view)
        self.detail.save_requested.connect(self.save)
        self.detail.revert_requested.connect(self.controller.revert)
        self.detail.restore_requested.connect(lambda: self.operations.set_deleted(False))
        self.detail.contact_action.connect(self._contact_action)
        self.detail.quick_action.connect(self.operations.quick)
        self.detail.order_action.connect(self._order_action)
        self.detail.gift_action.connect(self._gift_action)

    # -- opening -----------------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace) -> None:
        if self._stop_hearing is not None:
            self._stop_hearing()
        self.when_shown.forget()
        self.workspace = workspace
        self.undo_stack.clear()
        # Everyone: the owner filter finds a leaver's customers too; the detail pane offers only active people
        # (ProfileForm), and choosers of new work ask for active ones themselves.
        people = workspace.team.salespeople(active_only=False)
        self.me = next((p.id for p in people if p.code == self.prefs.salesperson_code), None)
        self.filters.me = self.me
        self.filters.set_choices(people, workspace.team.tags(), [])
        self.detail.set_salespeople(people)
        self.currency = workspace.orders.currency()
        self.detail.currency = self.currency
        at_risk = workspace.insights.settings().at_risk_threshold
        self.detail.at_risk_threshold = at_risk
        self.sidebar.set_views(builtin_views(self.me is not None, at_risk) + load_views(self.prefs.saved_views),
                               select=builtin_views(False)[0].name)
        model = CustomerListModel(workspace.customers, self.currency)
        self.list.use_model(model)
        self.list.setModel(model)  # the saved header (and with it the saved sort) applies to this model's columns
        self.list.restore_header(self.prefs.customer_header)
        self.list.size_columns()
        self.controller.attach(model, ListDetailOps(
            show=self.show_detail, write=self._write, conflict=self._conflict,
            counter=lambda flt: lambda: workspace.customers.count(flt), release_thread=workspace.release_thread,
        ), self._compose_filter())
        self.detail.clear()
        self._show_page()
        self._stop_hearing = workspace.changes.subscribe(self._heard)
        # The list paints first; the city choices and the first customer's details follow right after.
        AfterFirstPaint(self.list.viewport(), lambda: self._after_first_page(workspace))
        self.list.viewport().update()

    def _after_first_page(self, workspace: Workspace) -> None:
        if workspace is not self.workspace:
            return
        try:
            self.filters.set_choices(workspace.team.salespeople(active_only=False), workspace.team.tags(),
                                     workspace.customers.cities())
        except KeepclientError as exc:
            self.report(exc, quiet=True)
        if self.list.paged is not None and self.list.paged.rowCount() and self.detail.shown_id is None:
            self.list.selectRow(0)
        self._recount_order_figures(workspace)

    def _recount_order_figures(self, workspace: Workspace) -> None:
        """The 12-month revenue, and the value and risk built on it, move on as days pass: recount customers
        counted for an earlier day, off the UI thread, and announce the change when any moved. A background task:
        it waits while the user types a search (a team server's day's recount takes seconds)."""
        if workspace.read_only:  # nothing can be written; the figures show as last counted
            return
        today = dt.date.today()

        def recount(_report: object, cancelled: Callable[[], bool]) -> int:
            # Value and risk follow the order figures (both move on as days pass): one background task for both.
            if cancelled():
                raise CancelledError()
            return workspace.orders.refresh_stale(today) + workspace.insights.ensure_current(today,
                                                                                            cancelled=cancelled)

        task = Task(recount, cleanup=workspace.release_thread, background=True)
        task.then(lambda count: workspace.changes.announce(Change.of(Topic.CUSTOMERS, Topic.PURCHASES))
                  if count and workspace is self.workspace else None, self._recount_failed)
        self.runner.start(task)

    def _recount_failed(self, error: Exception) -> None:
        if isinstance(error, CancelledError):  # the window or its database closed: the next opening counts
            return
        if not isinstance(error, KeepclientError):
            raise error  # a bug: the window's error hook shows it
        self.report(error, quiet=True)  # a busy share: the next opening counts again

    def team_changed(self) -> None:
        """Salespeople were added, renamed or (de)activated: refresh the owner choices, keeping the view, the
        selection and the undo history."""
        if self.workspace is None:
            return
        try:
            people = self.workspace.team.salespeople(active_only=False)
            self.filters.set_choices(people, self.workspace.team.tags(), self.workspace.customers.cities())
        except KeepclientError as exc:
            self.report(exc, quiet=True)
            return
        self.detail.set_salespeople(people)
        self.controller.refresh()

    def insight_settings_changed(self) -> None:
        """The team's value and risk settings changed (here or by a colleague): the At risk view and the pane use
        the new threshold, and the list follows while it shows that view."""
        workspace = self.workspace
        if workspace is None:
            return
        try:
            at_risk = workspace.insights.settings().at_risk_threshold
        except KeepclientError as exc:
            self.report(exc, quiet=True)
            return
        before = self.detail.at_risk_threshold
        if at_risk == before:
            return
        self.detail.at_risk_threshold = at_risk
        current = self.sidebar.current()
        own = [view for view in self.sidebar.views() if not view.builtin]
        self.sidebar.set_views(builtin_views(self.me is not None, at_risk) + own,
                               select=current.name if current is not None else None)
        flt = self.current_filter()
        if current is not None and current.builtin and current.filter.min_risk is not None and flt.min_risk == before:
            self.filters.apply(flt._replace(min_risk=at_risk), my_customers=self.filters.is_my_customers())

    def _heard(self, change: Change) -> None:
        """Something was saved: here (the list is read again at once; `after_change` shows the pane again), or
        in another tab or by a colleague (read once the tab is on show)."""
        if self._own_change:
            self.controller.refresh(reshow=False)
        else:
            self.when_shown(change)

    def _changed_elsewhere(self, change: Change) -> None:
        """The list is read again, and the pane when it shows a customer the change may concern and holds no
        unsaved edits; the owner choices too when the team changed, the At risk view when its threshold did."""
        if change.touches(Topic.INSIGHTS):
            self.insight_settings_changed()
        if change.touches(Topic.TEAM):
            self.team_changed()
        else:
            self.controller.refresh(reshow=change.concerns(self.detail.shown_id))

    def _show_page(self) -> None:
        rows = self.list.paged.rowCount() if self.list.paged else 0
        flt = self.current_filter()
        filtered = flt != CustomerFilter(sort=flt.sort, descending=flt.descending)
        self.setCurrentIndex(1 if rows or filtered else 0)
        self.no_match.setVisible(rows == 0 and filtered)

    def current_filter(self) -> CustomerFilter:
        """The filter the list shows."""
        flt = self.controller.filter
        return flt if isinstance(flt, CustomerFilter) else self._compose_filter()

    def _compose_filter(self) -> CustomerFilter:
        sort, descending = self.sort
        return self.filters.current(trash=self.trash, sort=sort, descending=descending)

    # -- refreshing --------------------------------------------------------------------------------------
    def search_changed(self) -> None:
        """A keystroke, filter or view: the first page at once; the full count follows off the UI thread."""
        self.controller.set_filter(self._compose_filter(), typing=True)

    def _sort_requested(self, field: str, descending: bool) -> None:
        self.sort = (field, descending)
        if self.controller.model is not None:
            self.search_changed()

    def reload(self) -> None:
        """Read the list again, keeping the scroll position and the selected customer where they are."""
        self.controller.refresh(reshow=False)

    def after_change(self, customer_ids: Iterable[int] = (), topics: Iterable[Topic] = EVERYTHING_ABOUT_A_CUSTOMER,
                     ) -> None:
        """A change was saved here: say so to every part of the window (this list refreshes when it hears it),
        and show the changed customer again in the pane: the change was made from it."""
        if self.workspace is None:
            return
        ids = frozenset(customer_ids)
        self._own_change = True
        try:
            self.workspace.changes.announce(Change.of(*topics, customer_ids=ids))
        finally:
            self._own_change = False
        shown = self.detail.shown_id
        if shown is not None and (not ids or shown in ids):
            self.show_detail(shown)

    def colleague_saved(self) -> None:
        """Refresh without touching unsaved edits (what hearing a colleague's save does)."""
        self.controller.refresh()

    def show_detail(self, customer_id: int) -> None:
        if self.workspace is None:
            return
        try:
            detail = self.workspace.customers.detail(customer_id)
            scores = self.workspace.feedback.satisfaction(customer_id, limit=SHOWN_SCORES)
            self.detail.show_customer(detail, scores)
            self.detail.show_orders(self.workspace.orders.for_customer(customer_id, limit=ORDERS_SHOWN))
        except KeepclientError as exc:  # busy share, customer deleted by a colleague: say so, keep the list
            self.detail.clear()
            self.report(exc, quiet=True)

    # -- saving ------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the pane's edits (never silently over a colleague's); False when they are not saved yet."""
        return self.controller.save()

    def _write(self) -> None:
        """The pane's edits through the version check, as one undo step; tags are their own step."""
        detail = self.detail.detail
        assert self.workspace is not None and detail is not None
        changes = self.detail.form.changes()
        lost_reason = self._ask_lost_reason(detail) if changes.get("stage") == "lost" else None
        if changes:
            version = self.workspace.editor.update(detail.id, detail.version, changes)
            if lost_reason is not None:  # the reason rides on the same save (one more version, same undo step)
                version = self.workspace.insights.mark_lost(detail.id, version, lost_reason)
            self.context.own.wrote("customer", {detail.id: detail.version}, {detail.id: version})
            before = {field: detail.values[field] for field in changes}
            self.undo_stack.push(commands.EditCustomer(
                self.context, self.tr("Edit %1").replace("%1", detail.name), detail.id, before, changes, version))
        if self.detail.tags_changed():
            self.operations.change_tags([detail.id], add=sorted(set(self.detail.tag_names()) - set(detail.tags)),
                                     remove=sorted(set(detail.tags) - set(self.detail.tag_names())))
        self.after_change([detail.id], [Topic.CUSTOMERS])
        self.message.emit(self.tr("Saved."))

    def _ask_lost_reason(self, detail: CustomerDetail) -> str:
        """Why the customer was lost (the Win-back view and the team's reports use it); CancelledError when the
        user would rather not save yet."""
        reasons = list(LostReason)
        answer = self.prompter.ask_choice(
            self.tr("Customer lost"), self.tr("Why was %1 lost?").replace("%1", detail.name),
            [label_in(LostReason, reason) for reason in reasons])
        if answer is None:
            raise CancelledError()
        return reasons[answer].value

    def _conflict(self, error: ConflictError) -> None:
        detail = self.detail.detail
        assert detail is not None
        self.operations.resolve_conflict(detail, self.detail.form.changes(), error)

    def revert(self) -> None:
        self.controller.revert()

    def _order_action(self, action: str, order: Any) -> None:
        """The pane's order buttons and menu (locked while read-only, like the contacts)."""
        if not self.read_only:
            self.operations.order(action, order)

    def _gift_action(self, action: str, gift_id: Any) -> None:
        """The pane's Log gift… button and the timeline's gift menu (locked while read-only, like orders)."""
        if not self.read_only:
            from keepclient.ui.customers.gift_actions import gift

            gift(self.operations, action, gift_id)

    def _contact_action(self, action: str, contact: Any) -> None:
        """The contact buttons are locked while read-only; a double-click on a contact (edit) is held here."""
        if not self.read_only:
            self.operations.contact(action, contact)

    # -- what customer actions ask of the tab (CustomerHost) ---------------------------------------------
    def parent_widget(self) -> QWidget:
        return self

    def selected_ids(self) -> list[int]:
        return self.list.selected_ids()

    def shown(self) -> CustomerDetail | None:
        return self.detail.detail

    def is_editing(self) -> bool:
        return self.detail.is_dirty()

    def say(self, text: str) -> None:
        self.message.emit(text)

    def show_created(self, customer_id: int) -> None:
        """A new customer: clear the search so it is listed, select it where it is, and show it."""
        self.filters.clear_search()
        if self.workspace is not None and self.list.paged is not None:
            row = self.workspace.customers.position(customer_id, self.current_filter())
            if row is not None:
                self.list.paged.item(row)
                self.list.selectRow(row)
        self.show_detail(customer_id)

    def refresh_choices(self) -> None:
        """Tags or cities may have changed: the filter bar's choices follow."""
        if self.workspace is not None:
            ws = self.workspace
            self.filters.set_choices(ws.team.salespeople(active_only=False), ws.team.tags(), ws.customers.cities())

    def forget_history(self) -> None:
        """Customers are gone for good: earlier undo steps may refer to them."""
        self.undo_stack.clear()
        self.detail.clear()

    # -- read-only databases ----------------------------------------------------------------------------
    def edit_controls(self) -> tuple[list[QAction], list[QWidget]]:
        """Every button of this tab that saves something, as far as built (the pane builds its editor when the
        first customer is shown); the window's Customer menu holds the actions."""
        detail = self.detail
        widgets: list[QWidget] = [self.demo_button]
        if hasattr(detail, "save_button"):
            widgets += [detail.save_button, detail.revert_button, detail.restore_button, detail.log_button,
                        detail.feedback_button, detail.schedule_button, detail.gift_button, detail.form,
                        detail.tags,
                        *pane_controls(detail)]
        return [], widgets

    # -- views -------------------------------------------------------------------------------------------
    def apply_view(self, view: SavedView) -> None:
        if self.detail.is_dirty() and not self.save():
            return
        self.trash = view.filter.trash
        if view.header:
            self.list.restore_header(QByteArray.fromHex(view.header.encode()))
        self.sort = (view.filter.sort, view.filter.descending)
        self.list.show_sort(*self.sort)
        self.filters.apply(view.filter, my_customers=view.my_customers)

    def show_at_risk(self, mine: bool = False, owner_id: int | None = None) -> None:
        """The computed At risk view (the team's threshold, riskiest first), of my customers when `mine`, else of
        `owner_id`'s when given (a colleague's, from the Due panel)."""
        view = next((v for v in self.sidebar.views() if v.builtin and v.filter.min_risk is not None), None)
        if view is None:
            return
        view = view._replace(my_customers=mine and self.me is not None)
        if owner_id is not None and not view.my_customers:
            view = view._replace(filter=view.filter._replace(owner_id=owner_id))
        self.apply_view(view)

    def save_view(self) -> None:
        name = self.prompter.ask_text(self.tr("Save view"), self.tr("Name of the view:"))
        if not name:
            return
        view = SavedView(name, self.current_filter(), self.filters.is_my_customers(),
                         bytes(self.list.header_state().toHex().data()).decode())
        views = [v for v in self.sidebar.views() if v.name != name] + [view]
        self.prefs.saved_views = dump_views(views)
        self.sidebar.set_views(views, select=name)

    def delete_view(self, view: SavedView) -> None:
        views = [v for v in self.sidebar.views() if v.name != view.name]
        self.prefs.saved_views = dump_views(views)
        self.sidebar.set_views(views)

    def _remember_header(self) -> None:
        self.prefs.customer_header = self.list.header_state()

    # -- errors ------------------------------------------------------------------------------------------
    tr_error = staticmethod(tr_error)

    def report(self, error: KeepclientError, quiet: bool = False) -> None:
        text = error.message(tr_error)
        if quiet:
            self.message.emit(text)
        else:
            self.prompter.error(QCoreApplication.translate("CustomerArea", "Not saved"), text)
