"""The customers tab: saved views, search and filters, the list and the detail pane, wired to the services.

Every change goes through the services and onto the undo stack; the list and pane then refresh from the database,
keeping the scroll position and selection. Unsaved edits are saved before another customer is shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import SORTABLE_COLUMNS, CustomerFilter
from keepclient.ui.customers import commands
from keepclient.ui.customers.actions import CustomerActions
from keepclient.ui.customers.detail_pane import CustomerDetailPane
from keepclient.ui.customers.filter_bar import FilterBar
from keepclient.ui.customers.list_view import CustomerListView
from keepclient.ui.customers.purchases_section import SHOWN_LIMIT as ORDERS_SHOWN
from keepclient.ui.customers.satisfaction import SHOWN as SHOWN_SCORES
from keepclient.ui.customers.views_sidebar import SavedView, ViewsSidebar, builtin_views, dump_views, load_views
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.after_paint import AfterFirstPaint

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.settings import Preferences


COUNT_DELAY_MS = 150  # how long typing must pause before the full count of a long result is asked for


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
        self.actions = CustomerActions(self)
        self.read_only = False  # a read-only database (the window sets it): nothing here starts a change
        self._selecting = False

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

        self.filters.changed.connect(self.search_changed)
        self.list.customer_selected.connect(self._customer_selected)
        self.list.layout_changed.connect(self._remember_header)
        self.sidebar.chosen.connect(self.apply_view)
        self.sidebar.save_requested.connect(self.save_view)
        self.sidebar.delete_requested.connect(self.delete_view)
        self.detail.save_requested.connect(self.save)
        self.detail.revert_requested.connect(self.revert)
        self.detail.restore_requested.connect(lambda: self.actions.set_deleted(False))
        self.detail.contact_action.connect(self._contact_action)
        self.detail.quick_action.connect(self.actions.quick)
        self.detail.order_action.connect(self._order_action)
        self.trash = False
        self._count_request: tuple[int, CustomerFilter] | None = None
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._start_count)
        self._settle_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._settle_timer.timeout.connect(self._settle)

    # -- opening -----------------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace) -> None:
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
        self.sidebar.set_views(builtin_views(self.me is not None) + load_views(self.prefs.saved_views),
                               select=builtin_views(False)[0].name)
        self.list.show_customers(workspace.customers, self.current_filter, self.currency)
        self.list.restore_header(self.prefs.customer_header)
        self.list.paged.sort_changed.connect(self.search_changed)
        self.list.paged.count_needed.connect(self._count_in_background)
        self.detail.clear()
        self._show_page()
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
        """The 12-month revenue moves on as days pass: recount customers counted for an earlier day, off the UI
        thread, and show the list again when any changed."""
        if workspace.read_only:  # nothing can be written; the figures show as last counted
            return
        today = dt.date.today()
        task = Task(lambda _report, _cancelled: workspace.orders.refresh_stale(today),
                    cleanup=workspace.release_thread)
        task.then(lambda count: self.colleague_saved() if count and workspace is self.workspace else None,
                  self._recount_failed)
        self.runner.start(task)

    def _recount_failed(self, error: Exception) -> None:
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
        self.reload()
        shown = self.detail.shown_id
        if shown is not None and not self.detail.is_dirty():
            self.show_detail(shown)

    def _show_page(self) -> None:
        rows = self.list.paged.rowCount() if self.list.paged else 0
        flt = self.current_filter()
        filtered = flt != CustomerFilter(sort=flt.sort, descending=flt.descending)
        self.setCurrentIndex(1 if rows or filtered else 0)
        self.no_match.setVisible(rows == 0 and filtered)

    def current_filter(self) -> CustomerFilter:
        sort, descending = self.list.paged.sort_fields() if self.list.paged else ("name", False)
        return self.filters.current(trash=self.trash, sort=sort, descending=descending)

    # -- refreshing --------------------------------------------------------------------------------------
    def search_changed(self) -> None:
        """A keystroke, filter or sort: show the first page at once; the full count follows off the UI thread."""
        if self.list.paged is None:
            return
        self._selecting = True
        try:
            self.list.paged.reload(count_now=False)
        except KeepclientError as exc:
            self.report(exc, quiet=True)
        finally:
            self._selecting = False
        self.list.scrollToTop()
        self._show_page()
        self._settle_timer.start()

    def _settle(self) -> None:
        """Typing paused: if the pane shows a customer the new results no longer hold, show the first one."""
        model, shown = self.list.paged, self.detail.shown_id
        if model is None or self.detail.is_dirty() or (shown is not None and model.row_of(shown) is not None):
            return
        if model.rowCount():
            self.list.selectRow(0)
        else:
            self.detail.clear()

    def _count_in_background(self, generation: int, flt: CustomerFilter) -> None:
        """Count once typing pauses: a count per keystroke would only compete with the next keystroke's page."""
        self._count_request = (generation, flt)
        self._count_timer.start()

    def _start_count(self) -> None:
        workspace, model = self.workspace, self.list.paged
        if workspace is None or model is None or self._count_request is None:
            return
        generation, flt = self._count_request
        self._count_request = None
        task = Task(lambda _report, _cancelled: workspace.customers.count(flt), cleanup=workspace.release_thread)
        task.then(lambda total: model.set_total(generation, total))
        self.runner.start(task)

    def reload(self) -> None:
        """Read the list again, keeping the scroll position and the selected customer where they are."""
        if self.list.paged is None:
            return
        current = self.list.current_id()
        selected = self.list.selected_ids()
        scroll = self.list.verticalScrollBar().value()
        self._selecting = True
        try:
            self.list.paged.reload(count_now=True)
            self.list.verticalScrollBar().setValue(scroll)
            self.list.reselect(current, selected)
        finally:
            self._selecting = False
        self._show_page()

    def after_change(self, customer_ids: Any = ()) -> None:
        """A change was saved: refresh the list, and the pane when it shows a changed customer."""
        self.reload()
        shown = self.detail.shown_id
        if shown is not None and (not customer_ids or shown in set(customer_ids)):
            self.show_detail(shown)

    def colleague_saved(self) -> None:
        """Called when another connection committed: refresh without touching unsaved edits."""
        self.reload()
        shown = self.detail.shown_id
        if shown is not None and not self.detail.is_dirty():
            self.show_detail(shown)

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

    def _customer_selected(self, customer_id: int) -> None:
        if self._selecting or customer_id == self.detail.shown_id:
            return
        dirty_id = self.detail.shown_id if self.detail.is_dirty() else None
        if dirty_id is not None and not self.save():
            row = self.list.paged.row_of(dirty_id) if self.list.paged else None
            if row is not None:
                self._selecting = True
                self.list.selectRow(row)
                self._selecting = False
            return
        self.show_detail(customer_id)

    # -- saving ------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the pane's edits (never silently over a colleague's); False when they are not saved yet."""
        detail = self.detail.detail
        if self.workspace is None or detail is None or not self.detail.is_dirty():
            return True
        changes = self.detail.form.changes()
        try:
            if changes:
                version = self.workspace.editor.update(detail.id, detail.version, changes)
                self.context.own.wrote("customer", {detail.id: detail.version}, {detail.id: version})
                before = {field: detail.values[field] for field in changes}
                self.undo_stack.push(commands.EditCustomer(
                    self.context, self.tr("Edit %1").replace("%1", detail.name), detail.id, before, changes,
                    version))
            if self.detail.tags_changed():
                self.actions.change_tags([detail.id], add=sorted(set(self.detail.tag_names()) - set(detail.tags)),
                                         remove=sorted(set(detail.tags) - set(self.detail.tag_names())))
        except ValidationError as exc:
            text = exc.message(self.tr_error)
            self.detail.form.mark_invalid(exc.field, text)
            self.message.emit(text)
            return False
        except ConflictError as exc:
            self.actions.resolve_conflict(detail, changes, exc)
            return False
        except KeepclientError as exc:
            self.report(exc)
            return False
        self.after_change([detail.id])
        self.message.emit(self.tr("Saved."))
        return True

    def revert(self) -> None:
        if self.detail.shown_id is not None:
            self.show_detail(self.detail.shown_id)

    def _order_action(self, action: str, order: Any) -> None:
        """The pane's order buttons and menu (locked while read-only, like the contacts)."""
        if not self.read_only:
            self.actions.order(action, order)

    def _contact_action(self, action: str, contact: Any) -> None:
        """The contact buttons are locked while read-only; a double-click on a contact (edit) is held here."""
        if not self.read_only:
            self.actions.contact(action, contact)

    # -- views -------------------------------------------------------------------------------------------
    def apply_view(self, view: SavedView) -> None:
        if self.detail.is_dirty() and not self.save():
            return
        self.trash = view.filter.trash
        if view.header:
            self.list.restore_header(QByteArray.fromHex(view.header.encode()))
        if self.list.paged is not None:
            column = SORTABLE_COLUMNS.index(view.filter.sort) if view.filter.sort in SORTABLE_COLUMNS else 0
            order = Qt.SortOrder.DescendingOrder if view.filter.descending else Qt.SortOrder.AscendingOrder
            self.list.paged.blockSignals(True)
            self.list.horizontalHeader().setSortIndicator(column, order)
            self.list.paged.blockSignals(False)
        self.filters.apply(view.filter, my_customers=view.my_customers)

    def save_view(self) -> None:
        name = self.prompter.ask_text(self.tr("Save view"), self.tr("Name of the view:"))
        if not name:
            return
        view = SavedView(name, self.current_filter(), self.filters.is_my_customers(),
                         bytes(self.list.header_state().toHex()).decode())
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
    @staticmethod
    def tr_error(context: str, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(context, text)

    def report(self, error: KeepclientError, quiet: bool = False) -> None:
        text = error.message(self.tr_error)
        if quiet:
            self.message.emit(text)
        else:
            self.prompter.error(self.tr("Not saved"), text)
