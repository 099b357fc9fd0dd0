"""The Calendar tab: day, week, month and agenda views over one period's visits, with the Due panel beside them.

The Care layer (the holidays the team observes and contacts' birthdays, care_layer.py) lies over every view while
the Care button is on: all-day markers in the day and week, a line per day in the month, a line above the agenda.

Each period change reads the database once (the visits of the period; the month view asks for each day's first
lines and counts instead, so a crowded month costs the same as a quiet one) and hands the result to the views,
which lay it out once and then only paint. Editing (dialogs, drag and drop, copy, paste, delete, undo) lives in
editing.py, which knows the area only as an EditedCalendar; the dialogs, the Due panel and printing are loaded when
first used. What the calendar saves is announced on the workspace's change notifier, and what others announce is
shown here (at once while the tab shows, else when it is shown again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.types import VisitItem
from keepclient.services.changes import Change, Topic
from keepclient.ui.calendar import care_layer, periods
from keepclient.ui.calendar.agenda import AgendaView
from keepclient.ui.calendar.calendar_settings import CalendarSettings
from keepclient.ui.calendar.editing import VisitEditing
from keepclient.ui.calendar.layout import by_day
from keepclient.ui.calendar.month_view import MonthGrid
from keepclient.ui.calendar.salesperson_filter import SalespersonFilter
from keepclient.ui.calendar.time_grid import TimeGrid
from keepclient.ui.calendar.tooltips import care_tip
from keepclient.ui.labels import date_text
from keepclient.ui.prompts import Prompter
from keepclient.ui.tasks import TaskRunner
from keepclient.ui.widgets.column_widths import remember_columns
from keepclient.ui.widgets.fit import ElidedLabel
from keepclient.ui.widgets.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.at_risk_status import AtRiskWatch
    from keepclient.ui.settings import Preferences

SHOWN_HERE = (Topic.VISITS, Topic.CUSTOMERS, Topic.TEAM, Topic.CARE)  # visits, their customers' names and dates,
# salespeople, the holidays the team observes
AGENDA_BIRTHDAYS_NAMED = 3  # birthdays named in the line above the agenda; more are counted
AGENDA_CARE_TIPS = 14  # days listed in that line's tooltip
MONTH_LINES = 12  # visits read per day for the month view: more than a cell shows on a large screen
GRID_LIMIT = 1500  # more visits than this in a day or week are shown as counts per hour (read, laid out and
# painted one by one they would take longer than the 100 ms a period change may take); the agenda lists this many


class CalendarArea(QWidget):
    open_customer = Signal(int)  # show this customer in the Customers tab
    at_risk_requested = Signal(object)  # the Due panel's "newly at risk": a salesperson's id, or None (the team)
    message = Signal(str)  # for the status bar
    care_list_requested = Signal(str, int)  # the Due panel's coming holiday double-clicked: occasion key, year

    def __init__(self, prefs: Preferences | None = None, prompter: Prompter | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None,
                 runner: TaskRunner | None = None, at_risk: AtRiskWatch | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.at_risk = at_risk  # the window's count of customers newly at risk, for the Due panel
        self.runner = runner or TaskRunner()  # long work (an .ics of a team's year) runs off the UI thread
        self.settings = CalendarSettings(prefs.qsettings if prefs is not None else None)
        self.prompter = prompter or Prompter(self)
        self.workspace: Workspace | None = None
        self._today = today  # fixed in tests; otherwise the real today, also after midnight
        self.first_weekday = int(QLocale().firstDayOfWeek().value)
        self.view = self.settings.view
        self.current_day = self.today
        self.selected_id: int | None = None
        self.range = periods.period(self.view, self.current_day, self.first_weekday)
        self.span: tuple[dt.date, dt.date] | None = None  # days [start, end) the agenda lists instead of a week
        self.visits: list[VisitItem] = []
        self.by_day: dict[dt.date, list[VisitItem]] = {}
        self.counts: dict[dt.date, int] = {}
        self.care: dict[dt.date, list[care_layer.CareMark]] = {}  # the Care layer, when shown
        self.crowded: dict[dt.date, dict[int, int]] = {}  # visits per day and hour, when too many to show each
        self.total = 0  # visits in the period, also those not read one by one
        self.fetches = 0  # database reads of a period so far (tests check one per change)
        self.undo_stack = QUndoStack(self)
        self.due = None  # the Due panel, once the workspace is shown and the panel exists
        self.editing = VisitEditing(self, self)
        self.when_shown = RefreshWhenShown(self, self._changed_elsewhere)
        self._stop_listening: Callable[[], None] | None = None
        self._announcing = False  # our own announcement: shown already, not read again

        self._build_bar()
        self.grid = TimeGrid()
        self.month = MonthGrid()
        self.agenda = AgendaView()
        remember_columns(self.agenda.horizontalHeader(), self.settings, "calendar/agenda_header")
        self.model = self.agenda.agenda
        self.stack = QStackedWidget()
        for view in (self.grid, self.month, self.agenda):
            self.stack.addWidget(view)
        self.empty = QLabel()
        self.empty.setObjectName("calendarEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setMargin(4)
        self.empty.hide()
        self.care_line = QLabel()  # the agenda's Care layer: the period's holidays and birthdays
        self.care_line.setObjectName("calendarCare")
        self.care_line.setWordWrap(True)
        self.care_line.setMargin(4)
        self.care_line.setStyleSheet(f"QLabel {{ background: {care_layer.HOLIDAY_COLOR.name()}; color: black; }}")
        self.care_line.hide()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.empty)
        center_layout.addWidget(self.care_line)
        center_layout.addWidget(self.stack, 1)
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([860, 380])
        if self.settings.splitter is not None:
            self.splitter.restoreState(self.settings.splitter)
        self.splitter.splitterMoved.connect(lambda *_: setattr(self.settings, "splitter", self.splitter.saveState()))
        self.side.setVisible(self.settings.due_panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.splitter, 1)
        self._build_shortcuts()
        self._connect_views()
        self._show_view_button()
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @today.setter
    def today(self, day: dt.date | None) -> None:
        self._today = day

    @property
    def read_only(self) -> bool:
        """True while the database is read-only (the window sets it): visits can be looked at, never changed."""
        return self.grid.read_only

    @read_only.setter
    def read_only(self, read_only: bool) -> None:
        self.grid.read_only = read_only  # no drag starts on the time grid
        if read_only:
            self.grid.clear_ghost()

    # -- building --------------------------------------------------------------------------------------------
    def _tool(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setAutoRaise(False)
        return button

    def _build_bar(self) -> None:
        self.bar = QHBoxLayout()
        self.today_button = self._tool(self.tr("Today"), self.tr("Today (Ctrl+T, Alt+Home)"))
        self.previous_button = self._tool("◀", self.tr("Previous (Alt+Left, Page Up)"))
        self.next_button = self._tool("▶", self.tr("Next (Alt+Right, Page Down)"))
        self.jump_button = self._tool(self.tr("Go to date…"), self.tr("Go to a date (Ctrl+G)"))
        self.jump_menu = QMenu(self)
        self.chooser = QCalendarWidget()
        self.chooser.setFirstDayOfWeek(QLocale().firstDayOfWeek())
        self.chooser.setGridVisible(True)
        chooser_action = QWidgetAction(self.jump_menu)
        chooser_action.setDefaultWidget(self.chooser)
        self.jump_menu.addAction(chooser_action)
        self.jump_button.clicked.connect(self.choose_date)
        self.chooser.clicked.connect(self._date_chosen)
        self.chooser.activated.connect(self._date_chosen)
        self.period = ElidedLabel()  # shortened rather than widen the window on a laptop screen
        self.period.setObjectName("calendarPeriod")
        self.period.setStyleSheet("font-weight: 600;")
        self.period.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.view_buttons: dict[str, QToolButton] = {}
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        names = {"day": self.tr("Day"), "week": self.tr("Week"), "month": self.tr("Month"),
                 "agenda": self.tr("Agenda")}
        for number, view in enumerate(periods.VIEWS, start=1):
            button = self._tool(names[view], f"{names[view]} (Ctrl+{number})", checkable=True)
            button.setObjectName(f"view_{view}")
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            button.clicked.connect(lambda _checked=False, v=view: self.set_view(v))

        self.people = SalespersonFilter()
        self.people.changed.connect(self._people_changed)
        self.care_button = self._tool(self.tr("Care"), self.tr(
            "Show the holidays the team observes and contacts' birthdays (File › Care settings… chooses the "
            "holidays)"), True)
        self.care_button.setObjectName("calendarCareButton")
        self.care_button.setChecked(self.settings.care)
        self.care_button.toggled.connect(self.set_care)
        self.plan_button = self._tool(self.tr("Plan visit…"), self.tr("Plan a visit at the selected time (Enter)"))
        self.plan_button.clicked.connect(lambda: self.editing.plan_at(self.selected_moment()))
        self.due_button = self._tool(self.tr("Due"), self.tr("Show the customers due for follow-up"), True)
        self.due_button.setChecked(self.settings.due_panel)
        self.due_button.toggled.connect(self.set_due_panel)
        self.print_button = self._tool(self.tr("Print…"), self.tr("Print schedules, route sheets and the month"))
        self.print_button.clicked.connect(self.print_schedule)
        self.more_button = self._tool(self.tr("More"), self.tr("Export visits, team settings"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.ics_action = more.addAction(self.tr("Export visits as .ics…"), self.export_ics)
        self.cadence_action = more.addAction(self.tr("Follow-up cadence…"), self.edit_cadence)
        self.more_button.setMenu(more)

        for widget in (self.today_button, self.previous_button, self.next_button, self.jump_button):
            self.bar.addWidget(widget)
        self.bar.addSpacing(8)
        self.bar.addWidget(self.period, 1)
        for view in periods.VIEWS:
            self.bar.addWidget(self.view_buttons[view])
        self.bar.addSpacing(8)
        for widget in (self.people, self.care_button, self.plan_button, self.due_button, self.print_button,
                       self.more_button):
            self.bar.addWidget(widget)
        self.today_button.clicked.connect(self.go_today)
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))

    def _action(self, text: str, slot, shortcuts: list, owner: QWidget,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
        action = QAction(text, owner)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    def _build_shortcuts(self) -> None:
        """Navigation works while the tab shows (an invisible area's shortcuts are off, so the other tabs keep
        theirs); editing keys only while a view has the focus, so text fields keep Ctrl+C and Delete."""
        views = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.actions_by_name = {
            "today": self._action(self.tr("Today"), self.go_today, ["Ctrl+T", "Alt+Home"], self),
            "previous": self._action(self.tr("Previous"), lambda: self.go(-1), ["Alt+Left"], self),
            "next": self._action(self.tr("Next"), lambda: self.go(1), ["Alt+Right"], self),
            "page_previous": self._action(self.tr("Previous"), lambda: self.go(-1), [Qt.Key.Key_PageUp],
                                          self.stack, views),
            "page_next": self._action(self.tr("Next"), lambda: self.go(1), [Qt.Key.Key_PageDown], self.stack,
                                      views),
            "jump": self._action(self.tr("Go to date…"), self.choose_date, ["Ctrl+G"], self),
            "copy": self._action(self.tr("Copy"), lambda: self.editing.copy(), [QKeySequence.StandardKey.Copy],
                                 self.stack, views),
            "paste": self._action(self.tr("Paste"), lambda: self.editing.paste(), [QKeySequence.StandardKey.Paste],
                                  self.stack, views),
            "delete": self._action(self.tr("Delete"), lambda: self.editing.delete(),
                                   [QKeySequence.StandardKey.Delete], self.stack, views),
        }
        for number, view in enumerate(periods.VIEWS, start=1):
            self.actions_by_name[view] = self._action(
                self.view_buttons[view].text(), lambda _c=False, v=view: self.set_view(v), [f"Ctrl+{number}"], self)

    def _connect_views(self) -> None:
        for view in (self.grid, self.month, self.agenda):
            view.selected.connect(self.select)
            view.context_requested.connect(self.editing.context_menu)
        self.grid.activated.connect(self.editing.edit)
        self.month.activated.connect(self.editing.edit)
        self.agenda.activated_visit.connect(self.editing.edit)
        self.grid.slot_activated.connect(self.editing.plan_at)
        self.grid.move_requested.connect(self.editing.move)
        self.grid.day_opened.connect(self.open_day)
        self.month.day_opened.connect(self.open_day)

    # -- the workspace -------------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace) -> None:
        if self._stop_listening is not None:
            self._stop_listening()
        self.when_shown.forget()
        self.workspace = workspace
        self._stop_listening = workspace.changes.subscribe(self._heard)
        self.undo_stack.clear()
        self.selected_id = None
        try:
            people = workspace.team.salespeople()
        except KeepclientError as exc:
            self.editing.report(exc, quiet=True)
            people = []
        self.people.blockSignals(True)
        self.people.set_people(people, self.settings.salespeople)
        self.people.blockSignals(False)
        self._show_due_panel(workspace)
        self.refresh()

    def _show_due_panel(self, workspace: Workspace) -> None:
        if self.due is None:
            from keepclient.ui.calendar.due_panel import DuePanel  # loaded when first shown

            self.due = DuePanel(prefs=self.prefs, today=lambda: self.today, at_risk=self.at_risk)
            self.due.plan_requested.connect(self.editing.plan_for_customer)
            self.due.log_requested.connect(self.editing.log_for_customer)
            self.due.open_customer.connect(self.open_customer)
            self.due.at_risk_requested.connect(self.at_risk_requested)
            self.due.care_list_requested.connect(self.care_list_requested)
            from keepclient.ui.context_menus import install_due_entries

            install_due_entries(self.due)
            self.side_layout.addWidget(self.due)
            self.due.show()
        if self.settings.due_panel:
            self.due.show_workspace(workspace)

    def team_changed(self) -> None:
        """Salespeople were added, renamed or (de)activated, or customers handed over: the salesperson filter
        reads the team again (keeping the choice and the undo history) and the period is shown again."""
        if self.workspace is None:
            return
        try:
            people = self.workspace.team.salespeople()
        except KeepclientError as exc:
            self.editing.report(exc, quiet=True)
            return
        self.people.blockSignals(True)
        self.people.set_people(people, self.settings.salespeople)
        self.people.blockSignals(False)
        self.colleague_saved()

    def colleague_saved(self) -> None:
        """Another connection committed: show the period again, unless the user is in the middle of a drag."""
        if self.grid.ghost is None:
            self._show_again()

    def _show_again(self) -> None:
        self.refresh()
        if self.due is not None and self.settings.due_panel:
            self.due.refresh()

    # -- read-only databases ----------------------------------------------------------------------------
    def edit_controls(self) -> tuple[list[QAction], list[QWidget]]:
        """Every action and button of the calendar that saves something (a drag asks `read_only` itself)."""
        return ([self.cadence_action, self.actions_by_name["paste"], self.actions_by_name["delete"]],
                [self.plan_button])

    # -- changes -------------------------------------------------------------------------------------------
    def _heard(self, change: Change) -> None:
        if not self._announcing:
            self.when_shown(change)

    def _changed_elsewhere(self, change: Change) -> None:
        """Another tab, the window or a colleague saved `change` (handed over once the calendar is on show): the
        team is read again when it may have changed (not while its menu is open: a colleague's save must not close
        it), and the period and the Due panel when visits, customers or salespeople changed."""
        if change.touches(Topic.TEAM) and not self.people.menu_.isVisible():
            self.team_changed()
        elif change.touches(*SHOWN_HERE):
            self.colleague_saved()

    def saved(self, change: Change) -> None:
        """The calendar saved `change` (EditedCalendar): show it here, then tell the rest of the window."""
        if change.touches(*SHOWN_HERE):
            self._show_again()
        if self.workspace is None:
            return
        self._announcing = True
        try:
            self.workspace.changes.announce(change)
        finally:
            self._announcing = False

    # -- what editing asks (EditedCalendar) ----------------------------------------------------------------
    def say(self, text: str) -> None:
        self.message.emit(text)

    def focus_visit(self, visit_id: int | None, day: dt.date | None = None) -> None:
        self.selected_id = visit_id
        if day is not None:
            self.current_day = day

    def cancel_drag(self) -> None:
        self.grid.clear_ghost()

    def reload(self) -> None:
        self.refresh()

    def paste_moment(self, visit: VisitItem) -> dt.datetime:
        """The grid's selected free time; in the month and the agenda, the visit's own time on the chosen day."""
        if self.view in ("day", "week"):
            return self.selected_moment()
        return dt.datetime.combine(self.current_day, visit.start.time())

    # -- navigation ----------------------------------------------------------------------------------------
    def set_view(self, view: str) -> None:
        self.span = None
        self.view = view
        self.settings.view = view
        self.refresh()
        self._show_view_button()
        self.current_view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_view_button(self) -> None:
        self.view_buttons[self.view].setChecked(True)
        self.stack.setCurrentWidget(self.current_view())

    def current_view(self) -> QWidget:
        return {"day": self.grid, "week": self.grid, "month": self.month, "agenda": self.agenda}[self.view]

    def go(self, direction: int) -> None:
        """Previous (-1) or next (+1) day, week or month."""
        self.current_day = periods.step(self.view, self.current_day, direction)
        self.span = None
        self.selected_id = None
        self.refresh()

    def go_today(self) -> None:
        self.go_to(self.today)

    def go_to(self, day: dt.date) -> None:
        self.current_day = day
        self.span = None
        self.selected_id = None
        self.refresh()

    def show_agenda(self, salesperson_ids: list[int] | None, start: dt.date, end: dt.date) -> bool:
        """The agenda of these salespeople (None: everyone) from `start` to `end` (days included), each visit with
        its status: what a dashboard figure counted. Moving on or another view goes back to whole weeks. False
        (nothing changed) when one of them is not offered by the salesperson filter (deactivated)."""
        if salesperson_ids is not None and not set(salesperson_ids) <= set(self.people.person_actions):
            return False
        self.view = self.settings.view = "agenda"
        self.span = (start, end + dt.timedelta(days=1))
        self.current_day, self.selected_id = start, None
        self.people.set_chosen(salesperson_ids)  # shows the span (_people_changed)
        self._show_view_button()
        self.current_view().setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_day(self, day: dt.date) -> None:
        """A day's number in the month, or its name in the week, was clicked: show that day alone."""
        self.current_day = day
        self.selected_id = None
        self.set_view("day")

    def choose_date(self) -> None:
        """Ctrl+G: a month calendar under the button; picking a day goes there."""
        self.chooser.setSelectedDate(QDate(self.current_day.year, self.current_day.month, self.current_day.day))
        self.jump_menu.popup(self.jump_button.mapToGlobal(self.jump_button.rect().bottomLeft()))
        self.chooser.setFocus(Qt.FocusReason.PopupFocusReason)

    def _date_chosen(self, date: QDate) -> None:
        self.jump_menu.hide()
        self.go_to(dt.date(date.year(), date.month(), date.day()))
        self.current_view().setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, day: dt.date, visit_id: int | None) -> None:
        """A view's selection moved (mouse or keys); leaving the period shows the next one."""
        self.current_day, self.selected_id = day, visit_id
        if (self.span or periods.period(self.view, day, self.first_weekday)) != self.range:
            self.refresh()

    def selected_visit(self) -> VisitItem | None:
        return next((v for v in self.visits if v.id == self.selected_id), None) if self.selected_id else None

    def selected_moment(self) -> dt.datetime:
        """Where "Plan visit…" and Paste go: the grid's free-time cursor, else 9:00 on the selected day."""
        minutes = self.grid.slot if self.view in ("day", "week") else 9 * 60
        return dt.datetime.combine(self.current_day, dt.time()) + dt.timedelta(minutes=minutes)

    def one_salesperson(self) -> int | None:
        """The salesperson a new visit is for: the one shown when the filter shows exactly one."""
        chosen = self.people.chosen()
        return chosen[0] if chosen and len(chosen) == 1 else None

    # -- layers and filters -------------------------------------------------------------------------------
    def _people_changed(self) -> None:
        self.settings.salespeople = self.people.chosen() or []
        if self.due is not None:
            self.due.set_salesperson(self.one_salesperson())
        self.refresh()

    def set_care(self, shown: bool) -> None:
        """Show or hide the Care layer (holidays and birthdays), remembered."""
        self.settings.care = shown
        if self.care_button.isChecked() != shown:
            self.care_button.setChecked(shown)
        self.refresh()

    def set_due_panel(self, shown: bool) -> None:
        self.settings.due_panel = shown
        self.side.setVisible(shown)
        if self.due_button.isChecked() != shown:
            self.due_button.setChecked(shown)
        if shown and self.due is not None and self.workspace is not None:
            self.due.show_workspace(self.workspace)

    def print_schedule(self) -> None:
        if self.workspace is None:
            return
        from keepclient.ui.calendar.print_dialog import open_print  # loaded when first used

        open_print(self, self.workspace, day=self.current_day,
                                                   salespeople=self.people.chosen())

    def export_ics(self) -> None:
        """Export visits as .ics: the period on show and the salespeople of the filter, both changeable."""
        if self.workspace is None:
            return
        start, end = self.range
        from keepclient.ui.calendar.ics_export import IcsExport  # loaded when first used

        self.ics_export = IcsExport(self, self.workspace, self.prompter, self.runner,
                                                                  self.message.emit)
        self.ics_export.start(start, end - dt.timedelta(days=1), self.people.chosen(), self.people.text())

    def edit_cadence(self) -> None:
        """The team's follow-up intervals; saving refreshes the Due panel (due dates follow from them)."""
        if self.workspace is None:
            return
        from keepclient.ui.calendar.cadence_dialog import CadenceDialog  # loaded when first used

        dialog = CadenceDialog(self.workspace, self)
        dialog.accepted.connect(lambda: self.saved(Change.of(Topic.CUSTOMERS)))  # every customer's due date
        dialog.open()
        self.cadence_dialog = dialog

    # -- reading and showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the period around the current day once and show it in the current view."""
        self.range = start, end = self.span or periods.period(self.view, self.current_day, self.first_weekday)
        self.period.setText(self._period_text())
        self.visits, self.by_day, self.counts, self.care, self.crowded, self.total = [], {}, {}, {}, {}, 0
        failed = None
        if self.workspace is not None:
            try:
                self._read(start, end)
            except KeepclientError as exc:
                failed = exc
        if self.selected_id is not None and not any(v.id == self.selected_id for v in self.visits):
            self.selected_id = None
        self._show()
        if failed is not None:
            self.editing.report(failed, quiet=True)
            self.empty.setText(self.editing.error_text(failed))
            self.empty.show()

    def _read(self, start: dt.date, end: dt.date) -> None:
        assert self.workspace is not None
        visits = self.workspace.visits
        people = self.people.chosen()
        self.fetches += 1
        if self.view == "month":
            summaries = visits.day_summaries(start, end - dt.timedelta(days=1), people, per_day=MONTH_LINES)
            self.by_day = {day: shown for day, (shown, _count) in summaries.items()}
            self.counts = {day: count for day, (_shown, count) in summaries.items()}
            self.visits = [visit for day in sorted(self.by_day) for visit in self.by_day[day]]
            self.total = sum(self.counts.values())
        else:
            first, last = dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time())
            self.visits = visits.between(first, last, people, limit=GRID_LIMIT + 1)
            self.total = len(self.visits)
            if self.total > GRID_LIMIT:
                self.total = visits.count_between(first, last, people)
                self.visits = self.visits[:GRID_LIMIT] if self.view == "agenda" else []
                if self.view != "agenda":
                    self.crowded = self._per_hour(first, last, people)
            self.by_day = by_day(self.visits)
            self.counts = {day: len(items) for day, items in self.by_day.items()}
        if self.care_button.isChecked():
            assert self.workspace is not None
            self.care = care_layer.by_day(self.workspace.care.days(start, end), visits.care_days(start, end, people))

    def _per_hour(self, first: dt.datetime, last: dt.datetime, people: list[int] | None) -> dict[dt.date,
                                                                                                 dict[int, int]]:
        """How many visits start in each hour (index-only counts: a few milliseconds for a week)."""
        assert self.workspace is not None
        hours: dict[dt.date, dict[int, int]] = {}
        hour = first
        while hour < last:
            following = hour + dt.timedelta(hours=1)
            count = self.workspace.visits.count_between(hour, following, people)
            if count:
                hours.setdefault(hour.date(), {})[hour.hour] = count
            hour = following
        return hours

    def _show(self) -> None:
        start, end = self.range
        days = [start + dt.timedelta(days=n) for n in range((end - start).days)]
        if self.view in ("day", "week"):
            self.grid.today = self.today
            self.grid.set_period(days, self.by_day, self.care, self.crowded)
            self.grid.set_selection(self.current_day, self.selected_id)
        elif self.view == "month":
            self.month.today = self.today
            self.month.set_period(start, (self.current_day.year, self.current_day.month), self.by_day,
                                  self.counts, self.care)
            self.month.set_selection(self.current_day, self.selected_id)
        self.agenda.set_visits(self.visits)
        if self.view == "agenda":
            self.agenda.set_selection(self.current_day, self.selected_id)
        self._show_agenda_care()
        self._show_empty_state()

    def _show_agenda_care(self) -> None:
        """The agenda's Care layer: one line above the list with the period's holidays by day and its birthdays
        (named when a few, else counted); the tooltip lists them all by day."""
        holidays: list[str] = []
        birthdays: list[str] = []
        tips: list[str] = []
        if self.view == "agenda":
            for day in sorted(self.care):
                marks = self.care[day]
                when = f"{QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {date_text(day)}"
                holidays += [f"{when} {care_layer.holiday_name(h)}" for h in care_layer.holidays_of(marks)]
                birthdays += [self.tr("Birthday: %1 (%2)").replace("%1", b.contact).replace("%2", b.customer)
                              for b in care_layer.birthdays_of(marks)]
                if len(tips) < AGENDA_CARE_TIPS:
                    tips.append(f"<b>{when}</b><br>{care_tip(marks)}")
        parts = holidays + (birthdays if len(birthdays) <= AGENDA_BIRTHDAYS_NAMED else
                            [self.tr("%1 birthdays").replace("%1", str(len(birthdays)))])
        self.care_line.setText(" · ".join(parts))
        self.care_line.setToolTip("<br>".join(tips))
        self.care_line.setVisible(bool(parts))

    def visit_count(self) -> int:
        """Visits in the period the view is about (for the month: in the month itself, not the days around it)."""
        if self.view != "month":
            return self.total
        month = (self.current_day.year, self.current_day.month)
        return sum(count for day, count in self.counts.items() if (day.year, day.month) == month)

    def _show_empty_state(self) -> None:
        """Say when there is nothing to show, or when there is too much to show visit by visit."""
        if self.workspace is not None and self.total > GRID_LIMIT and self.view != "month":
            count = QLocale().toString(self.total)
            text = (self.tr("Showing the first %1 of %2 visits.").replace("%1", QLocale().toString(GRID_LIMIT))
                    if self.view == "agenda" else self.tr("%1 visits: too many to show one by one, so each hour "
                                                          "shows how many.").replace("%1", count))
            self.empty.setText(text + " " + self.tr("Choose salespeople to see their visits."))
            self.empty.show()
            return
        if self.workspace is None or self.visit_count():
            self.empty.hide()
            return
        texts = {
            "day": self.tr("No visits this day. Double-click a free time to plan one."),
            "week": self.tr("No visits this week. Double-click a free time to plan one."),
            "month": self.tr("No visits this month."),
            "agenda": self.tr("No visits this week.") if self.span is None else self.tr("No visits in this period."),
        }
        text = texts[self.view]
        if self.people.chosen() is not None:
            text += " " + self.tr("Only the chosen salespeople are shown.")
        self.empty.setText(text)
        self.empty.show()

    def _period_text(self) -> str:
        start, end = self.range
        locale = QLocale()
        day = self.current_day
        if self.view == "day":
            return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        if self.view == "month":
            return f"{locale.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)} {day.year}"
        last = end - dt.timedelta(days=1)
        if self.span is not None:
            return f"{date_text(start)} – {date_text(last)}"
        middle = start + dt.timedelta(days=3)  # the ISO week most of the shown days belong to
        week = QDate(middle.year, middle.month, middle.day).weekNumber()[0]
        return f"{date_text(start)} – {date_text(last)}  ·  " + self.tr("Week %1").replace("%1", str(week))
