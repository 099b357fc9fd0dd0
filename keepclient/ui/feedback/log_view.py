"""The Feedback tab: search, filters and counts per status above a lazily paged log, the editor pane beside it.

The list and the editor are a `ListDetailController` configuration (the same as the customers tab): a filter or
sort change reads the first 100 rows and repaints; the counts (the list's length and the status strip) follow off
the UI thread. Every change goes through the services and is announced on the workspace's change notifier; the
log hears it (and colleagues' saves) and reads the list and the editor again, keeping the scroll position and
the selection. Unsaved edits are saved before another item is shown or a workflow step is taken; a colleague's
save in between is never overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from keepclient.domain.enums import FeedbackCategory, FeedbackKind, FeedbackStatus, Severity
from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import FeedbackDetail, FeedbackFilter
from keepclient.services.changes import Change, Topic
from keepclient.ui.feedback.editor_pane import FeedbackEditor, field_name
from keepclient.ui.feedback.feedback_settings import FeedbackSettings
from keepclient.ui.feedback.filter_bar import FeedbackFilterBar, StatusStrip
from keepclient.ui.feedback.log_model import DESCRIPTION_COLUMN, SORT_KEYS, FeedbackLogModel, total_of
from keepclient.ui.labels import datetime_text, label_in
from keepclient.ui.prompts import Prompter
from keepclient.ui.tasks import TaskRunner
from keepclient.ui.widgets.column_widths import (
    SAMPLE_MOMENT,
    SAMPLE_NAMES,
    SAMPLE_PERSON,
    ColumnMemory,
    fit_columns,
)
from keepclient.ui.widgets.list_detail import ListDetailController, ListDetailOps, tr_error
from keepclient.ui.widgets.paged_table import PagedTableView
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.settings import Preferences

SAVE_LAYOUT_MS = 400  # column widths are remembered once a drag has paused


def log_widths() -> dict[int, Iterable[str] | int]:
    """The log's default widths: dates whole, the kind, category, severity and status as wide as their longest
    name (Description, the last column, takes the rest)."""
    moment = [datetime_text(SAMPLE_MOMENT)]
    return {0: moment, 1: SAMPLE_NAMES, 2: [label_in(FeedbackKind, v) for v in FeedbackKind],
            3: [label_in(FeedbackCategory, v) for v in FeedbackCategory], 4: [label_in(Severity, v) for v in Severity],
            5: [label_in(FeedbackStatus, v) for v in FeedbackStatus], 6: [SAMPLE_PERSON], 7: moment,
            8: ["99.9 h"], DESCRIPTION_COLUMN - 1: ["99.9 h"]}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class FeedbackTable(PagedTableView):
    """The log's table; Enter opens the selected item in the editor."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class FeedbackLog(QWidget):
    open_customer = Signal(int)  # show this customer in the Customers tab
    message = Signal(str)  # for the status bar

    def __init__(self, prefs: Preferences | None = None, prompter: Prompter | None = None,
                 runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = FeedbackSettings(prefs.qsettings if prefs is not None else None)
        self.prefs = prefs
        self.prompter = prompter or Prompter(self)
        self.runner = runner or TaskRunner()
        self.clock: Callable[[], dt.datetime] = _now  # fixed in tests
        self.workspace: Workspace | None = None
        self.me: int | None = None
        self.paged: FeedbackLogModel | None = None
        self.dialog: QDialog | None = None  # the open dialog (new feedback, close, follow-up visit)
        self.sort: tuple[str, bool] = ("due", False)
        self.read_only = False  # a read-only database (the window sets it; the lock holds every save control off)
        self._saved_filter: tuple[FeedbackFilter, bool] | None = None
        self._stop_hearing: Callable[[], None] | None = None
        self._own_change = False  # announcing a change made here: the editor is shown again by after_change
        self.when_shown = RefreshWhenShown(self, self._changed_elsewhere)

        self.filters = FeedbackFilterBar()
        self.strip = StatusStrip()
        self.summary = QLabel()
        self.summary.setObjectName("feedbackSummary")
        self.table = FeedbackTable()
        self.empty = QLabel()
        self.empty.setObjectName("feedbackEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.editor = FeedbackEditor()
        strip_row = QHBoxLayout()
        strip_row.addWidget(self.strip, 1)
        strip_row.addWidget(self.summary)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.filters)
        center_layout.addLayout(strip_row)
        center_layout.addWidget(self.empty)
        center_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 460])
        if self.settings.splitter is not None:
            self.splitter.restoreState(self.settings.splitter)
        self.splitter.splitterMoved.connect(lambda *_: setattr(self.settings, "splitter", self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.splitter, 1)

        self.controller = ListDetailController(self.table, self.editor, self.runner, self.report, self)
        self.controller.rows_changed.connect(self._show_empty_state)
        self.controller.counted.connect(self._counts_arrived)
        self.controller.message.connect(self.message)
        self.filters.changed.connect(self.filter_changed)
        self.filters.statuses_changed.connect(self._show_strip_state)
        self.filters.overdue.toggled.connect(lambda _on: self._show_strip_state())
        self.filters.new_button.clicked.connect(lambda: self.new_feedback())
        self.filters.report_button.clicked.connect(self.open_report)
        self.strip.statuses_chosen.connect(self.filters.set_statuses)
        self.strip.overdue_toggled.connect(self.filters.set_overdue)
        self.table.open_requested.connect(self.editor.focus_editor)
        self.table.doubleClicked.connect(lambda _index: self.editor.focus_editor())
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._layout_timer = QTimer(self, singleShot=True, interval=SAVE_LAYOUT_MS)
        self._layout_timer.timeout.connect(self._remember_layout)
        self.column_memory = ColumnMemory(header, self._remember_layout)  # also saved at once on closing
        self.editor.save_requested.connect(self.save)
        self.editor.revert_requested.connect(self.controller.revert)
        self.editor.step_requested.connect(self.step)
        self.editor.plan_requested.connect(self.plan_follow_up)
        self.editor.open_customer.connect(self.open_customer)
        self._build_shortcuts()

    def _build_shortcuts(self) -> None:
        """Keys work while the tab shows: an invisible widget's shortcuts are off, so other tabs keep theirs."""
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot, keys in (
            ("find", self.tr("Find feedback"), self.filters.focus_search, [QKeySequence.StandardKey.Find]),
            ("new", self.tr("New feedback…"), lambda: self.new_feedback(), [QKeySequence.StandardKey.New]),
            ("save", self.tr("Save feedback"), self.save, [QKeySequence.StandardKey.Save]),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action

    # -- opening -------------------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace) -> None:
        if self._stop_hearing is not None:
            self._stop_hearing()
        self.when_shown.forget()
        self.workspace = workspace
        people = workspace.team.salespeople()
        code = self.prefs.salesperson_code if self.prefs is not None else ""
        self.me = next((p.id for p in people if p.code == code), None)
        self.filters.me = self.me
        self.filters.set_people(people)
        self.editor.set_salespeople(people)
        self.editor.names = {p.id: p.name for p in workspace.team.salespeople(active_only=False)}
        self.editor.clear()
        saved, mine = self.settings.filter
        self._saved_filter = (saved._replace(text=""), mine)
        self.filters.apply(saved, mine=mine, notify=False)
        self.sort = (saved.sort, saved.descending)
        model = self.paged = FeedbackLogModel(workspace.feedback, self.clock)
        model.fetch_failed.connect(self.message)
        model.count_needed.connect(self._counting)
        service = workspace.feedback

        def counter(flt: FeedbackFilter) -> Callable[[], dict[str, int]]:
            now = model.now  # the moment the rows were read for: the counts agree with them
            return lambda: service.status_counts(flt, now=now)

        self.table.setModel(model)
        if self.settings.header is None or not self.table.horizontalHeader().restoreState(self.settings.header):
            fit_columns(self.table, self.table.horizontalHeader(), log_widths(), bold=True)  # overdue rows: bold
            self.column_memory.cancel()  # the defaults are not the user's widths
        self._show_sort_indicator()
        self.controller.attach(model, ListDetailOps(
            show=self.show_item, write=self._write, conflict=self._conflict, counter=counter,
            release_thread=workspace.release_thread, total_of=total_of,
        ), self._compose_filter())
        self._stop_hearing = workspace.changes.subscribe(self._heard)
        if model.rowCount():
            self.table.selectRow(0)

    def team_changed(self) -> None:
        """Salespeople were added, renamed or (de)activated, or customers handed over: the owner choices read the
        team again (active people offered; an item's inactive owner still shown) and the list is read again."""
        if self.workspace is None:
            return
        try:
            people = self.workspace.team.salespeople()
            names = {p.id: p.name for p in self.workspace.team.salespeople(active_only=False)}
        except KeepclientError as exc:
            self.message.emit(exc.message(QCoreApplication.translate))
            return
        self.filters.set_people(people)
        self.editor.set_salespeople(people)
        self.editor.names = names
        self.refresh()

    def _heard(self, change: Change) -> None:
        """Something was saved: here (the log is read again at once; `after_change` shows the item), or in
        another tab or by a colleague (read once the tab is on show)."""
        if self._own_change:
            self.controller.refresh(reshow=False)
        else:
            self.when_shown(change)

    def _changed_elsewhere(self, change: Change) -> None:
        """Read the log again when feedback, its customers or the team may have changed; the editor too unless
        it holds unsaved edits."""
        if change.touches(Topic.TEAM):
            self.team_changed()
        elif change.touches(Topic.FEEDBACK, Topic.CUSTOMERS):
            self.controller.refresh()

    def set_me(self, me: int | None) -> None:
        """The user said who they are (View › I am…): "Mine" now means them."""
        if self.workspace is None:
            return
        self.me = me
        self.filters.me = me
        self.filters.set_people(self.workspace.team.salespeople())
        self.filter_changed(False)

    def current_filter(self) -> FeedbackFilter:
        """The filter the log shows."""
        flt = self.controller.filter
        return flt if isinstance(flt, FeedbackFilter) else self._compose_filter()

    def _compose_filter(self) -> FeedbackFilter:
        sort, descending = self.sort
        return self.filters.current(sort=sort, descending=descending)

    # -- refreshing ----------------------------------------------------------------------------------------
    def filter_changed(self, typing: bool = False) -> None:
        """A keystroke, filter or sort: the first page at once; the counts follow off the UI thread."""
        if self.paged is None:
            return
        self.controller.set_filter(self._compose_filter(), typing=typing)
        remembered = (self.current_filter()._replace(text="", customer_id=None), self.filters.is_mine())
        if remembered != self._saved_filter:  # typing changes only the text, which is not kept
            self._saved_filter = remembered
            self.settings.set_filter(*remembered)

    def _counting(self, _generation: int, _flt: FeedbackFilter) -> None:
        known = self.paged.known_total() if self.paged is not None else None
        self.summary.setText(self.tr("Counting…") if known is None else self._summary_text(known))

    def _counts_arrived(self, counts: dict[str, int], flt: FeedbackFilter) -> None:
        self.strip.show_counts(counts)
        self.summary.setText(self._summary_text(total_of(counts, flt)))

    def _summary_text(self, total: int) -> str:
        return self.tr("%n feedback item(s)", "", total)

    def _show_empty_state(self) -> None:
        rows = self.paged.rowCount() if self.paged else 0
        if rows:
            self.empty.hide()
            return
        if self.filters.is_filtered():
            self.empty.setText(self.tr("No feedback matches. Press Esc to clear the search, or change the filters."))
        else:
            self.empty.setText(self.tr("No feedback recorded yet. Record the first with New feedback… (Ctrl+N)."))
        self.empty.show()

    def _show_strip_state(self) -> None:
        self.strip.show_state(self.filters.statuses, self.filters.overdue.isChecked())

    def reload(self) -> None:
        """Read the list again, keeping the scroll position and the selected item where they are."""
        self.controller.refresh(reshow=False)

    def refresh(self) -> None:
        """Another tab or a colleague saved: read again without touching unsaved edits."""
        self.controller.refresh()

    colleague_saved = refresh

    def after_change(self, feedback_id: int | None, customer_ids: Iterable[int] = ()) -> None:
        """Something was saved here: every part of the window hears it (this log reads itself again), and the
        editor shows the item saved."""
        workspace = self.workspace
        if workspace is None:
            return
        self._own_change = True
        try:
            workspace.changes.announce(Change.of(Topic.FEEDBACK, customer_ids=customer_ids))
        finally:
            self._own_change = False
        if feedback_id is not None:
            self.controller.select(feedback_id)

    # -- the editor ----------------------------------------------------------------------------------------
    def show_item(self, feedback_id: int) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        try:
            detail = workspace.feedback.get(feedback_id)
        except KeepclientError as exc:  # busy share, removed by a colleague: say so, keep the list
            self.editor.clear()
            self.report(exc, quiet=True)
            return
        customer_id = detail.item.customer_id
        self.editor.show_item(detail, self.clock(), lambda: _contacts(workspace, customer_id))
        self.editor.show_steps(_allowed_steps(detail.item.status))

    def save(self) -> bool:
        """Save the editor's changes (never silently over a colleague's); False when they are not saved."""
        return self.controller.save()

    def _write(self) -> None:
        detail = self.editor.detail
        assert self.workspace is not None and detail is not None
        changes = self.editor.changes()
        if not changes:
            return
        self.workspace.feedback.update(detail.item.id, detail.item.version, changes)
        self.after_change(detail.item.id, [detail.item.customer_id])
        self.message.emit(self.tr("Saved."))

    def _conflict(self, _error: ConflictError) -> None:
        """Someone saved the item after it was shown: show theirs with the user's edits on top, and say so."""
        mine = self.editor.detail
        assert mine is not None
        changes = self.editor.changes()
        item_id = mine.item.id
        self.reload()
        self.show_item(item_id)
        theirs = self.editor.detail
        if theirs is None or theirs.item.id != item_id:
            self.prompter.error(self.tr("Not saved"), self.tr(
                "Someone else changed or removed this feedback item, and it cannot be read now. Your edits were "
                "not saved."))
            return
        before = self.editor.original()
        their_fields = [k for k, v in before.items() if v != _original(mine).get(k)]
        if theirs.item.status != mine.item.status:
            their_fields.insert(0, "status")
        self.editor.set_values(changes)
        names = ", ".join(field_name(k) for k in their_fields) or self.tr("nothing you can see")
        yours = ", ".join(field_name(k) for k in changes)
        self.prompter.warn(self.tr("Changed by someone else"), self.tr(
            "%1 saved this feedback item after you opened it (they changed: %2). Nothing was overwritten.\n\n"
            "It now shows their version with your edits on top (%3). Save again to keep your edits, or Revert to "
            "take theirs.").replace("%1", _last_editor(theirs) or self.tr("Someone")).replace("%2", names)
            .replace("%3", yours))

    def revert(self) -> None:
        self.controller.revert()

    # -- workflow ------------------------------------------------------------------------------------------
    def step(self, status: str) -> None:
        """A workflow button: save pending edits first, then take the step (closing asks for satisfaction)."""
        if not self.save() or self.editor.detail is None:
            return
        if status == "closed":
            self._ask_close()
        else:
            self._advance(status)

    def _ask_close(self) -> None:
        from keepclient.ui.feedback.dialogs import CloseDialog

        assert self.editor.detail is not None
        dialog = CloseDialog(self.editor.detail.item.customer, self)

        def submitted(values: dict[str, Any]) -> None:
            if self._advance("closed", satisfaction=values["satisfaction"], comment=values["comment"],
                             dialog=dialog):
                dialog.accept()

        self._open(dialog, submitted)

    def _advance(self, status: str, *, satisfaction: int | None = None, comment: str = "",
                 dialog: Any = None) -> bool:
        detail = self.editor.detail
        if self.workspace is None or detail is None:
            return False
        item = detail.item
        try:
            self.workspace.feedback.advance(item.id, item.version, status, satisfaction=satisfaction,
                                            comment=comment)
        except ValidationError as exc:
            text = exc.message(tr_error)
            if dialog is not None:
                dialog.mark_invalid(exc.field, text)
            else:
                self.prompter.error(self.tr("Not done"), text)
            return False
        except ConflictError:
            self.after_change(item.id, [item.customer_id])
            self.prompter.warn(self.tr("Changed by someone else"), self.tr(
                "Someone else saved this feedback item a moment ago; it now shows what they saved. The step "
                "\"%1\" was not taken: take it again if it still applies.").replace(
                    "%1", label_in(FeedbackStatus, status)))
            if dialog is not None:
                dialog.reject()
            return False
        except KeepclientError as exc:
            if dialog is not None:
                dialog.mark_invalid("", exc.message(tr_error))
            else:
                self.report(exc)
            return False
        self.after_change(item.id, [item.customer_id])
        self.message.emit(self.tr("%1: %2.").replace("%1", item.customer)
                          .replace("%2", label_in(FeedbackStatus, status)))
        return True

    def _open(self, dialog: Any, on_submit: Callable[[dict[str, Any]], None]) -> None:
        """Show `dialog` without blocking; its OK runs `on_submit`, which closes it when done."""
        dialog.submitted.connect(on_submit)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    # -- new feedback, follow-up visits, the report --------------------------------------------------------
    def new_feedback(self, customer_id: int | None = None) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        from keepclient.ui.feedback.dialogs import NewFeedbackDialog

        try:
            people = workspace.team.salespeople()
        except KeepclientError as exc:
            self.report(exc)
            return
        dialog = NewFeedbackDialog(workspace, people, customer_id=customer_id, now=self.clock(), parent=self)

        def create(values: dict[str, Any]) -> None:
            values = dict(values)
            customer = values.pop("customer_id")
            try:
                new_id = workspace.feedback.create(customer, **values)
            except ValidationError as exc:
                dialog.mark_invalid(exc.field, exc.message(tr_error))
                return
            except KeepclientError as exc:
                dialog.mark_invalid("", exc.message(tr_error))
                return
            dialog.accept()
            self.after_change(new_id, [customer])
            self.message.emit(self.tr("Feedback #%1 recorded.").replace("%1", str(new_id)))

        self._open(dialog, create)

    def plan_follow_up(self) -> None:
        """The calendar's visit dialog for the item's customer, with its contact and a purpose filled in."""
        detail = self.editor.detail
        if self.workspace is None or detail is None:
            return
        from keepclient.ui.calendar.visit_dialog import VisitDialog  # the calendar's dialog, loaded when used

        dialog = VisitDialog(self.workspace, customer_id=detail.item.customer_id, prompter=self.prompter,
                             parent=self)
        summary = " ".join(detail.item.description.split())
        dialog.purpose.setText(self.tr("Follow-up on feedback #%1: %2").replace("%1", str(detail.item.id))
                               .replace("%2", summary[:60] + ("…" if len(summary) > 60 else "")))
        if detail.contact_id is not None and dialog.contact.findData(detail.contact_id) >= 0:
            dialog.contact.setCurrentIndex(dialog.contact.findData(detail.contact_id))

        def planned() -> None:
            self.message.emit(self.tr("Follow-up visit planned for %1.").replace("%1", detail.item.customer))
            if self.workspace is not None:
                self.workspace.changes.announce(Change.of(Topic.VISITS, Topic.CUSTOMERS,
                                                          customer_ids=[detail.item.customer_id]))

        dialog.accepted.connect(planned)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def open_report(self) -> None:
        if self.workspace is None:
            return
        from keepclient.ui.feedback.report_dialog import open_report  # written beside the printing code

        open_report(self, self.workspace, prompter=self.prompter)

    def show_my_overdue(self) -> None:
        """Every overdue item of mine (of the whole team while the user has not said who they are)."""
        self.filters.apply(FeedbackFilter(overdue=True), mine=self.me is not None, notify=False)
        self.filter_changed(False)

    def show_customer_feedback(self, customer_id: int, name: str) -> None:
        """Every feedback item of one customer (Customer › Show feedback log)."""
        self.filters.apply(FeedbackFilter(customer_id=customer_id), notify=False, customer_name=name)
        self.filter_changed(False)

    def focus_search(self) -> None:
        self.filters.focus_search()

    # -- sorting and layout --------------------------------------------------------------------------------
    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.paged is None or not 0 <= column < len(SORT_KEYS):
            return
        sort = (SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if sort != self.sort:
            self.sort = sort
            self.filter_changed(False)
        self._layout_timer.start()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(SORT_KEYS.index(self.sort[0]) if self.sort[0] in SORT_KEYS else 0,
                                Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _remember_layout(self) -> None:
        self.settings.header = self.table.horizontalHeader().saveState()

    # -- read-only databases ----------------------------------------------------------------------------
    def edit_controls(self) -> tuple[list[QAction], list[QWidget]]:
        """Every action and button of the log that saves something."""
        editor = self.editor
        return ([self.actions_by_name["new"], self.actions_by_name["save"]],
                [self.filters.new_button, editor.save_button, editor.revert_button, editor.plan_button,
                 *editor.step_buttons.values(), *editor.widgets.values()])

    # -- errors --------------------------------------------------------------------------------------------
    def report(self, error: KeepclientError, quiet: bool = False) -> None:
        text = error.message(tr_error)
        if quiet:
            self.message.emit(text)
        else:
            self.prompter.error(self.tr("Not saved"), text)


def _allowed_steps(status: str) -> tuple[str, ...]:
    from keepclient.services.feedback import allowed_steps

    return tuple(allowed_steps(status))


def _contacts(workspace: Workspace, customer_id: int):
    try:
        return workspace.customers.detail(customer_id).contacts
    except KeepclientError:
        return ()


def _original(detail: FeedbackDetail) -> dict[str, Any]:
    item = detail.item
    return {"contact_id": detail.contact_id, "channel": item.channel, "kind": item.kind, "category": item.category,
            "severity": item.severity, "owner_id": item.owner_id, "description": item.description,
            "resolution": detail.resolution}


def _last_editor(detail: FeedbackDetail) -> str:
    return max(detail.history, key=lambda event: event.when).who if detail.history else ""
