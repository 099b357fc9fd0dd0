"""The main window: customers, calendar and feedback over one open database, with menus and a status bar.

The window opens databases through the opener app.py gives it (the composition root builds the services). Each area
is shown the workspace when its tab is first on show and from then on follows `Workspace.changes` itself: the window
announces only what it learns itself (a colleague's save, a team change) and never routes refreshes by tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keepclient import paths
from keepclient.domain.errors import (
    CancelledError,
    DamagedDatabaseError,
    EmptyDatabaseFileError,
    KeepclientError,
    StorageError,
)
from keepclient.domain.types import DatabaseMode, DemoSummary
from keepclient.services.changes import Change, Topic
from keepclient.ui import context_menus, customer_menus
from keepclient.ui.at_risk_status import AtRiskWatch, NewlyAtRisk
from keepclient.ui.customers.area import CustomerArea
from keepclient.ui.help.menu import HelpMenu
from keepclient.ui.presence_label import PresenceLabel
from keepclient.ui.prompts import Prompter
from keepclient.ui.read_only import EditLock, ReadOnlyBanner
from keepclient.ui.reminders import ReminderScheduler, show_visit
from keepclient.ui.settings import Preferences, place_on_screen
from keepclient.ui.spreadsheet_actions import SpreadsheetActions, SpreadsheetContext
from keepclient.ui.storage_check import DamageCheck, install_error_hook
from keepclient.ui.tasks import Task, TaskRunner
from keepclient.ui.widgets.fit import ElidedLabel
from keepclient.ui.widgets.lazy_tab import LazyTab
from keepclient.ui.widgets.menu_action import make_action

if TYPE_CHECKING:
    from keepclient.domain.types import CustomerFilter
    from keepclient.services.workspace import Workspace
    from keepclient.ui.calendar.area import CalendarArea
    from keepclient.ui.dashboard.area import DashboardArea
    from keepclient.ui.dashboard.definitions import ListRequest
    from keepclient.ui.feedback.log_view import FeedbackLog

DEMO_CUSTOMERS = 500
WATCH_MS = 2000  # how often to look for colleagues' saves (PRAGMA data_version: one cheap read)
OVERDUE_MS = 60_000  # feedback becomes overdue as time passes: the status bar's count is read again this often
OVERDUE_TOPICS = (Topic.FEEDBACK, Topic.VISITS, Topic.CUSTOMERS, Topic.TEAM)  # what moves the overdue count


class Opener(Protocol):
    """Opens (creates, upgrades) the database at `path` (or the team server at that address) with the services over
    it; raises KeepclientError."""

    def __call__(self, path: Path | str, *, shared: bool | None = None, create: bool = False) -> Workspace: ...


class WorkspaceArea(Protocol):
    """A tab's area: shown the open workspace once, it follows the workspace's changes itself; on a read-only
    database it is flagged (`read_only`) and names the controls that would save (`edit_controls`)."""

    read_only: bool

    def show_workspace(self, workspace: Workspace) -> None: ...

    def edit_controls(self) -> tuple[list[QAction], list[QWidget]]: ...


def user_message(error: KeepclientError) -> str:
    return error.message(QCoreApplication.translate)


class MainWindow(QMainWindow):
    def __init__(
        self, prefs: Preferences, *, opener: Opener, prompter: Prompter | None = None,
        runner: TaskRunner | None = None, ask_team: bool | None = None,
    ) -> None:
        super().__init__()
        self.prefs = prefs
        # The first start's questions (who works with an empty database, which one you are) are for a person at
        # the window: asked by default with the real prompter, with a scripted one only when a test asks for them.
        self.ask_team = prompter is None if ask_team is None else ask_team
        self.prompter = prompter or Prompter(self)
        self.runner = runner or TaskRunner()
        self.opener = opener
        self.workspace: Workspace | None = None
        self.task: Task | None = None
        self._shown: set[QWidget] = set()  # the tabs whose area was shown the open workspace
        self._stop_listening: Callable[[], None] | None = None  # the status bar's subscription to changes

        self.setWindowTitle("keepclient")
        self.customers = CustomerArea(prefs, self.prompter, self.runner)
        self.calendar_tab = LazyTab(self._new_calendar)
        self.feedback_tab = LazyTab(self._new_feedback_log)
        self.dashboard_tab = LazyTab(self._new_dashboard)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.customers, self.tr("&Customers"))
        self.tabs.addTab(self.calendar_tab, self.tr("C&alendar"))
        self.tabs.addTab(self.feedback_tab, self.tr("Feed&back"))  # Alt+F is File
        self.tabs.addTab(self.dashboard_tab, self.tr("&Dashboard"))
        self._areas: dict[QWidget, Callable[[], WorkspaceArea]] = {
            self.customers: lambda: self.customers, self.calendar_tab: lambda: self.calendar,
            self.feedback_tab: lambda: self.feedback, self.dashboard_tab: lambda: self.dashboard}
        self.banner = ReadOnlyBanner()  # above the tabs while the database is read-only
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.edit_lock = EditLock(self)
        self.edit_lock.watch(self.customers.detail, self._apply_read_only)
        self.damage_check = DamageCheck(self, self)
        self.error_hook = install_error_hook(self)
        self.restore_dialog: QDialog | None = None  # File › Restore from backup…, while open
        self.identity_dialog: QDialog | None = None  # View › I am…, while open
        self.team_dialog: QDialog | None = None  # File › Team…, while open
        self.insight_settings_dialog: QDialog | None = None  # File › Value and risk settings…, while open
        self.care_settings_dialog: QDialog | None = None  # File › Care settings…, while open
        self.handover_dialog: QDialog | None = None  # Customer › Hand over customers…, while open
        self.customers.demo_requested.connect(self.load_demo)
        self.customers.list.read_failed.connect(self._read_failed)
        self.customers.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._pushes: Any = None  # QSocketNotifier of a team server's pushed saves (_watch_pushes)
        self.connect_box: Any = None  # File › Connect to team server…, while it is open
        self.watch = QTimer(self, interval=WATCH_MS)
        self.watch.timeout.connect(self.check_for_colleagues)
        self._data_version: int | None = None
        self.me: int | None = None  # the salesperson this user is (View › I am…), in the open database

        self.overdue_button = QToolButton()
        self.overdue_button.setObjectName("overdueFeedback")
        self.overdue_button.setAutoRaise(True)
        self.overdue_button.setToolTip(self.tr("Show these feedback items"))
        self.overdue_button.clicked.connect(self.show_my_overdue)
        self.overdue_button.hide()
        self.overdue_timer = QTimer(self, interval=OVERDUE_MS)
        self.overdue_timer.timeout.connect(self.refresh_overdue)

        self.path_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)  # a long path must not widen the window
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.presence_label = PresenceLabel()
        self.at_risk = AtRiskWatch(prefs, self)  # newly at risk: the status bar and the Due panel share it
        self.newly_at_risk = NewlyAtRisk(self.at_risk)
        self.newly_at_risk.clicked.connect(self.show_newly_at_risk)
        self.statusBar().addPermanentWidget(self.overdue_button)
        self.statusBar().addPermanentWidget(self.newly_at_risk)
        self.statusBar().addPermanentWidget(self.presence_label)
        self.statusBar().addPermanentWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.reminders = ReminderScheduler(prefs, self)  # my planned visits' reminders while the window runs
        self.reminders.open_visit.connect(self.open_visit)
        self._build_menus()
        self._restore_layout()
        self.tabs.currentChanged.connect(self._tab_changed)

    @property
    def calendar(self) -> CalendarArea:
        return self.calendar_tab.content()  # type: ignore[return-value]

    def _new_calendar(self) -> QWidget:
        from keepclient.ui.calendar.area import CalendarArea

        area = CalendarArea(self.prefs, self.prompter, runner=self.runner, at_risk=self.at_risk)
        self.undo_group.addStack(area.undo_stack)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.open_customer.connect(self.show_customer)
        area.at_risk_requested.connect(self.show_at_risk_of)
        area.care_list_requested.connect(self.open_care_list)
        return area

    def open_care_list(self, occasion: str, year: int) -> None:
        """The Due panel's coming holiday: its care list, ready to save."""
        from keepclient.ui.care_list_dialog import open_care_list  # loaded when first used

        open_care_list(self, self.workspace, prompter=self.prompter, occasion=occasion, year=year)

    @property
    def feedback(self) -> FeedbackLog:
        return self.feedback_tab.content()  # type: ignore[return-value]

    def _new_feedback_log(self) -> QWidget:
        from keepclient.ui.feedback.log_view import FeedbackLog

        log = FeedbackLog(self.prefs, self.prompter, runner=self.runner)
        log.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        log.open_customer.connect(self.show_customer)
        context_menus.install_feedback_rows(log)
        return log

    @property
    def dashboard(self) -> DashboardArea:
        return self.dashboard_tab.content()  # type: ignore[return-value]

    def _new_dashboard(self) -> QWidget:
        from keepclient.ui.dashboard.area import DashboardArea  # QtCharts loads once it has figures to draw

        area = DashboardArea(self.prefs, self.runner)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.list_requested.connect(self.show_dashboard_list)
        return area

    def show_dashboard_list(self, request: ListRequest) -> None:
        """A number double-clicked on the dashboard: the list behind it, where the app has one."""
        from keepclient.ui.dashboard.click_through import open_list

        if self.workspace is not None:
            open_list(self, request)

    def _heard(self, change: Change) -> None:
        """The status bar follows the open database's changes (the areas subscribe themselves)."""
        if change.touches(*OVERDUE_TOPICS, Topic.INSIGHTS):  # the threshold moves the newly-at-risk count
            self.refresh_counts()

    def refresh_counts(self) -> None:
        """The status bar's counts: my overdue feedback, my customers newly at risk (also the Due panel's)."""
        self.refresh_overdue()
        self.at_risk.use(self.workspace, self.me)
        self.reminders.use(self.workspace, self.me)  # visits or who I am changed: aim at the next reminder

    def show_newly_at_risk(self) -> None:
        """The status bar's count clicked: my customers at risk (the team's while the user has not said who
        they are)."""
        self.show_at_risk_of(self.me)

    def show_at_risk_of(self, owner_id: int | None) -> None:
        """The Customers tab's At risk view of `owner_id`'s customers (My customers when that is me; the team's
        for None); what is at risk there now no longer counts as new, in the status bar and the Due panel alike."""
        if self.workspace is None:
            return
        self.tabs.setCurrentWidget(self.customers)
        self.customers.show_at_risk(mine=owner_id is not None and owner_id == self.me, owner_id=owner_id)
        self.at_risk.mark_seen(owner_id)

    def refresh_overdue(self) -> None:
        """The status bar's "N of my feedback items overdue" (the team's while the user has not said who they are)."""
        if self.workspace is None:
            self.overdue_button.hide()
            return
        try:
            count = self.workspace.feedback.overdue_count(self.me)
        except KeepclientError:
            return  # a busy share: the next look will tell
        if self.me is not None:
            text = self.tr("%n of my feedback items overdue", "", count)
        else:
            text = self.tr("%n feedback item(s) overdue", "", count)
        self.overdue_button.setText(text)
        self.overdue_button.setStyleSheet("QToolButton { color: #c62828; font-weight: 600; }" if count else "")
        self.overdue_button.show()

    def show_my_overdue(self) -> None:
        """The Feedback tab, filtered to my overdue items."""
        if self.workspace is None:
            return
        self.tabs.setCurrentWidget(self.feedback_tab)
        if self.feedback_tab in self._shown:
            self.feedback.show_my_overdue()

    def show_customer_feedback(self) -> None:
        """The Feedback tab, showing the feedback of the customer shown in the Customers tab's detail pane."""
        workspace = self.workspace
        customer_id = (self.customers.detail.shown_id or self.customers.list.current_id()) if workspace else None
        if workspace is None or customer_id is None:
            self.statusBar().showMessage(self.tr("Select a customer first."), 5000)
            return
        try:
            name = workspace.customers.names([customer_id]).get(customer_id, "")
        except KeepclientError as exc:
            self.prompter.error(self.tr("keepclient"), user_message(exc))
            return
        self.tabs.setCurrentWidget(self.feedback_tab)
        if self.feedback_tab in self._shown:
            self.feedback.show_customer_feedback(customer_id, name)

    # -- menus ---------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = make_action(self, self.tr("&New database…"), self.new_database, "Ctrl+Shift+N")
        self.open_action = make_action(self, self.tr("&Open database…"), self.open_database_dialog,
                                        QKeySequence.StandardKey.Open)
        self.open_shared_action = make_action(self, self.tr("Open &shared database…"), self.open_shared_dialog,
                                               "Ctrl+Shift+O")
        self.connect_action = make_action(self, self.tr("Connect to tea&m server…"), self.connect_to_server,
                                          "Ctrl+Shift+E")
        self.recent_menu = QMenu(self.tr("Recent d&atabases"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.backup_action = make_action(self, self.tr("&Backup…"), self.backup, "Ctrl+Shift+B")
        self.restore_action = make_action(self, self.tr("&Restore from backup…"), self.restore_from_backup)
        self.demo_action = make_action(self, self.tr("Load &demo data"), self.load_demo)
        self.team_action = make_action(self, self.tr("&Team…"), self.open_team)
        self.insight_settings_action = make_action(self, self.tr("&Value and risk settings…"),
                                                   self.open_insight_settings)
        self.care_settings_action = make_action(self, self.tr("&Care settings…"), self.open_care_settings)
        quit_action = make_action(self, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.print_action = make_action(self, self.tr("&Print…"), self.print_current, QKeySequence.StandardKey.Print)
        self.spreadsheets = SpreadsheetActions(SpreadsheetContext(
            workspace=lambda: self.workspace, runner=self.runner, prompter=self.prompter,
            read_only=self.database_locked, shown_customers=self._shown_customers, written=self._imported,
            say=lambda text: self.statusBar().showMessage(text, 10000)), self)
        for action in (self.new_action, self.open_action, self.open_shared_action, self.connect_action,
                       self.recent_menu.menuAction(), None,
                       *self.spreadsheets.actions(), self.print_action, None, self.team_action,
                       self.insight_settings_action,
                       self.care_settings_action, None,
                       self.backup_action, self.restore_action, self.demo_action,
                       None, quit_action):
            file_menu.addAction(action) if action else file_menu.addSeparator()

        self.customer_actions = customer_menus.build(self, self.customers)
        self.customer_actions["feedback_log"] = make_action(self, self.tr("Show feedback l&og"),
                                                            self.show_customer_feedback, "Ctrl+Shift+K")
        feedback = self.customer_actions["feedback"]
        customer_menu = next(menu for a in self.menuBar().actions()
                             if isinstance(menu := a.menu(), QMenu) and feedback in menu.actions())
        customer_menu.insertAction(self.customer_actions["schedule"], self.customer_actions["feedback_log"])
        self.customer_actions["handover"] = make_action(self, self.tr("&Hand over customers…"),
                                                        lambda: self.hand_over_customers(), "Ctrl+Shift+H")
        customer_menu.addSeparator()
        customer_menu.addAction(self.customer_actions["handover"])
        self._share_undo()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.me_action = make_action(self, self.tr("I &am…"), self.choose_me)
        view_menu.addAction(self.me_action)
        self.overdue_action = make_action(self, self.tr("My &overdue feedback"), self.show_my_overdue)
        view_menu.addAction(self.overdue_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        for code, text in (("system", self.tr("System default")), ("en", "English"), ("zh_CN", "简体中文")):
            action = QAction(text, self, checkable=True)
            action.setChecked(self.prefs.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            language_menu.addAction(action)
            self.language_actions[code] = action
        view_menu.addMenu(self.reminders.menu(view_menu))

        self.help_menu = HelpMenu(self, self, self.menuBar().addMenu(self.tr("&Help")), lambda: [
            (self.tabs.tabText(i), self.tabs.widget(i)) for i in range(self.tabs.count())])

    def _share_undo(self) -> None:
        """Edit › Undo and Redo follow the tab on show: each area keeps its own stack in one QUndoGroup."""
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.customers.undo_stack)
        self.undo_group.setActiveStack(self.customers.undo_stack)
        undo = self.undo_group.createUndoAction(self, QCoreApplication.translate("CustomerMenus", "&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, QCoreApplication.translate("CustomerMenus", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        for name, action in (("undo", undo), ("redo", redo)):
            old = self.customer_actions[name]
            for menu in old.associatedObjects():
                if isinstance(menu, QWidget):
                    menu.insertAction(old, action)
                    menu.removeAction(old)
            self.customer_actions[name] = action

    def _route_to_tab(self, index: int) -> None:
        """Undo follows the tab; Delete trashes customers only while they are on show (the calendar deletes
        visits with the same key)."""
        area = self.tabs.widget(index)
        if area is self.customers:
            self.undo_group.setActiveStack(self.customers.undo_stack)
        elif area is self.calendar_tab and self.calendar_tab.built:
            self.undo_group.setActiveStack(self.calendar.undo_stack)
            QTimer.singleShot(0, self._focus_calendar)  # once a just-built calendar has been shown
        else:
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # Qt takes None: no stack active
        self.customer_actions["trash"].setEnabled(area is self.customers)
        for name in ("new", "find", "save"):  # the log has its own Ctrl+N, Ctrl+F and Ctrl+S while it shows
            self.customer_actions[name].setEnabled(area is not self.feedback_tab)

    def print_current(self) -> None:
        """File › Print… (Ctrl+P): what the tab on show prints: the customer list, the schedules, the feedback
        report or the KPI report."""
        if self.workspace is None:
            return
        tab = self.tabs.currentWidget()
        if tab is self.calendar_tab:
            self.calendar.print_schedule()
        elif tab is self.feedback_tab:
            self.feedback.open_report()
        elif tab is self.dashboard_tab:
            self.dashboard.print_report()
        else:
            self.customer_actions["print_list"].trigger()

    def _focus_calendar(self) -> None:
        if self.tabs.currentWidget() is self.calendar_tab:
            self.calendar.current_view().setFocus(Qt.FocusReason.TabFocusReason)

    def open_visit(self, visit_id: int) -> None:
        """A reminder clicked: the Calendar tab on the visit's day, the visit selected and its dialog open."""
        if self.workspace is not None:
            self.tabs.setCurrentWidget(self.calendar_tab)
            show_visit(self, self.calendar, visit_id)

    def show_customer(self, customer_id: int) -> None:
        """The calendar asked to open a customer (the Due panel): show it in the Customers tab."""
        self.tabs.setCurrentWidget(self.customers)
        self.customers.show_detail(customer_id)

    # -- opening databases ---------------------------------------------------------------------------------
    def open_workspace(self, path: Path | str, shared: bool | None = None, *, offer_demo: bool = True,
                       create: bool = False) -> bool:
        """Open `path`; on failure the current database stays open and the user reads why. `create`: the user
        asked for a new database (New database, --create, the first run's default file); otherwise a missing or
        empty file is reported and left as it is."""
        if self.task is not None:  # background work on the current database finishes (cancelled) first
            self.task.cancel()
            self.runner.stop()
        try:
            workspace = self.opener(path, shared=shared, create=create)
        except KeepclientError as exc:
            if isinstance(path, str) or not self._offer_restore(path, exc):
                self.prompter.error(self.tr("Cannot open the database"), user_message(exc))
            return False
        self.close_database()
        self.workspace = workspace
        TaskRunner.activity.touch()  # the day's recount waits for a pause: the user may start typing at once
        self._stop_listening = workspace.changes.subscribe(self._heard)
        self._data_version = None
        self.watch.start()
        self._watch_pushes(workspace)
        where = workspace.db.location if workspace.mode is DatabaseMode.SERVER else workspace.path
        paths.remember_database(where)
        self.prefs.add_recent(str(where))
        self._show_status()
        self._shown.clear()
        self.me = self._find_me()
        self._apply_read_only()
        self._show_workspace_in(self.tabs.currentWidget())
        self.refresh_counts()
        self.overdue_timer.start()
        self.presence_label.attach(workspace)
        self.damage_check.schedule(workspace)
        if workspace.upgrade_backup:
            self.statusBar().showMessage(
                self.tr("Database upgraded; the previous version was saved as %1").replace(
                    "%1", str(workspace.upgrade_backup)), 15000)
        if workspace.sync_warning:
            self.prompter.warn(self.tr("Database in a synced folder"), self.tr(
                "This database is in a folder synced by %1. Never open it from two computers at once: the sync "
                "service can silently keep one copy and drop the other's changes. For a team, use a shared "
                "network folder (File › Open shared database).").replace("%1", workspace.sync_warning))
        if offer_demo and self.customers.currentIndex() == 0:  # the empty state is showing
            QTimer.singleShot(0, self.offer_demo)
        return True

    def _offer_restore(self, path: Path, error: KeepclientError) -> bool:
        """A damaged or empty file that has backups: say what is wrong and offer to restore one (File › Restore
        from backup… needs the database open, which this one cannot be). False when there is nothing to offer."""
        if not isinstance(error, DamagedDatabaseError | EmptyDatabaseFileError):
            return False
        from keepclient.services.backups import list_backups

        path = Path(path).expanduser().absolute()
        try:
            found = list_backups(path)
        except (KeepclientError, OSError):
            return False
        if not found:
            return False
        damage = QCoreApplication.translate  # the damage check's words: the same question, asked before opening
        title = (damage("DamageCheck", "The database is damaged") if isinstance(error, DamagedDatabaseError)
                 else self.tr("The database file is empty"))
        text = user_message(error) + "\n\n" + self.tr("Backups of this database were found. Restore one of them?")
        if self.prompter.ask_choice(title, text, [damage("DamageCheck", "Restore from backup…")]) == 0:
            from keepclient.ui.restore_dialog import open_restore_dialog

            self.restore_dialog = open_restore_dialog(self, self, path)
        return True

    def offer_demo(self) -> None:
        """Asked once the window is up, so the question never blocks start-up. A database without customers and
        without salespeople first asks who works with it; a team set up that way gets no demo data mixed in."""
        if self.workspace is None or self.workspace.customers.count() != 0:
            return
        if (self.ask_team and not self.database_locked() and not self.workspace.team.salespeople(active_only=False)
                and self.ask_for_team()):
            return
        if self.prompter.ask_yes_no(
            self.tr("Empty database"),
            self.tr("This database has no customers yet. Load demo data (%1 customers) to look around?").replace(
                "%1", str(DEMO_CUSTOMERS)),
        ):
            self.load_demo()

    def ask_for_team(self) -> bool:
        """First start: "Who works with this database?" (names, one per line, or just me), then "Which one are
        you?". True when salespeople were added."""
        from keepclient.services.workspace import current_user

        assert self.workspace is not None
        login = current_user()
        answer = self.prompter.ask_choice(self.tr("Welcome to keepclient"), self.tr(
            "Who works with this database? Enter your team's names, or start with just yourself (more can be added "
            "later in File › Team…)."), [self.tr("Enter names…"), self.tr("Just me")])
        if answer == 0:
            names = self.prompter.ask_lines(self.tr("Who works with this database?"),
                                            self.tr("One name per line:"))
        elif answer == 1:
            names = [self.prompter.ask_text(self.tr("Just me"), self.tr("Your name:"), login) or login]
        else:
            return False
        if not names:
            return False
        try:
            ids = self.workspace.team.add_many(names)
        except KeepclientError as exc:
            self.prompter.error(self.tr("Not saved"), user_message(exc))
            return False
        people = [p for p in self.workspace.team.salespeople(active_only=False) if p.id in ids]
        people.sort(key=lambda p: ids.index(p.id))
        if len(people) == 1:
            chosen: int | None = 0
        else:
            chosen = self.prompter.ask_choice(self.tr("Which one are you?"), self.tr(
                "Choose your name: your changes are recorded under it, and \"My customers\" are yours (View › I "
                "am… changes it)."), [p.name for p in people])
        if chosen is not None and 0 <= chosen < len(people):
            self.set_me(people[chosen].code)
        self.team_changed()
        return True

    def open_team(self) -> None:
        """File › Team…: the salespeople, with Add, Edit, Deactivate/Reactivate and Hand over."""
        if self.workspace is None:
            return
        from keepclient.ui.team_dialog import TeamDialog

        dialog = TeamDialog(self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "team_dialog", None))
        self.team_dialog = dialog
        dialog.open()

    def open_insight_settings(self) -> None:
        """File › Value and risk settings…: the team's tier shares, at-risk threshold and warning-sign points
        (shown, not changeable, on a read-only database). A save is announced and everyone's value and risk are
        recomputed in the background, as after an import."""
        workspace = self.workspace
        if workspace is None:
            return
        from keepclient.ui.insight_settings_dialog import insight_settings_dialog

        try:
            settings = workspace.insights.settings()
        except KeepclientError as exc:
            self.show_error(exc)
            return

        def save(values: dict[str, object]) -> None:
            workspace.insights.set_settings(values)  # ValidationError and the like: the dialog says why
            if workspace is self.workspace:
                workspace.changes.announce(Change.of(Topic.INSIGHTS))
                self.recompute_insights()

        dialog = insight_settings_dialog(settings, None if self.database_locked() else save, self)
        dialog.finished.connect(lambda _result: setattr(self, "insight_settings_dialog", None))
        self.insight_settings_dialog = dialog
        dialog.open()

    def open_care_settings(self) -> None:
        """File › Care settings…: the holidays the team observes and its region for working time (shown, not
        changeable, on a read-only database). A save is announced (Topic.CARE): the calendar and the Due panel
        show the holidays again."""
        workspace = self.workspace
        if workspace is None:
            return
        from keepclient.ui.calendar.care_settings_dialog import care_settings_dialog

        try:
            settings = workspace.care.settings()
        except KeepclientError as exc:
            self.show_error(exc)
            return

        def save(observe: list[str], stop_observing: list[str], region: str | None) -> None:
            workspace.care.change_settings(observe=observe, stop_observing=stop_observing, region=region)
            if workspace is self.workspace:
                workspace.changes.announce(Change.of(Topic.CARE))

        dialog = care_settings_dialog(settings, None if self.database_locked() else save, self)
        dialog.finished.connect(lambda _result: setattr(self, "care_settings_dialog", None))
        self.care_settings_dialog = dialog
        dialog.open()

    def hand_over_customers(self, from_id: int | None = None, parent: QWidget | None = None) -> QDialog | None:
        """Customer › Hand over customers…: a leaver's customers (all, or the list's current filter) to colleagues;
        one step on the customers' undo stack."""
        if self.workspace is None or self.database_locked():
            return None
        from keepclient.ui.team_dialog import open_handover

        self.handover_dialog = open_handover(self, parent or self, from_id)
        return self.handover_dialog

    def team_changed(self) -> None:
        """Salespeople or owners changed here (File › Team…, a handover, the first start's team): who "me" is is
        looked up again, and the areas' choosers read the team again themselves (Topic.TEAM), each keeping its
        view, selection, unsaved edits and undo history."""
        if self.workspace is None:
            return
        self.me = self._find_me()
        self.workspace.changes.announce(Change.of(Topic.TEAM))

    def _show_status(self) -> None:
        assert self.workspace is not None
        self.path_label.setText(self.workspace.db.location)
        self.setWindowTitle(f"{self.workspace.path.name} — keepclient")
        if self.workspace.mode is DatabaseMode.SERVER:
            from keepclient.services.team_server import server_label

            self.setWindowTitle(f"{server_label(self.workspace.db.location)} — keepclient")
            self.mode_label.setText(self.tr("Team server"))
            self.mode_label.setToolTip(self.tr("A PostgreSQL team server: colleagues' saves appear as they are made."))
        elif self.workspace.mode is DatabaseMode.SHARED:
            self.mode_label.setText(self.tr("Shared database"))
            self.mode_label.setToolTip(self.tr("Opened for a network folder: rollback journal, full sync."))
        else:
            self.mode_label.setText(self.tr("Local database"))
            self.mode_label.setToolTip(self.tr("Opened as a local file (write-ahead log)."))
        if self.workspace.sync_warning:
            self.mode_label.setText(self.mode_label.text() + " ⚠ " + self.workspace.sync_warning)

    def _tab_changed(self, index: int) -> None:
        """What other tabs saved meanwhile is shown by the area itself (it heard the changes while hidden)."""
        self.prefs.current_tab = index
        self._show_workspace_in(self.tabs.widget(index))
        self._route_to_tab(index)

    def _built_areas(self) -> list[WorkspaceArea]:
        """The areas that exist so far (the calendar and the log are built when first shown)."""
        return [self._areas[tab]() for tab in (self.customers, self.calendar_tab, self.feedback_tab, self.dashboard_tab)
                if not isinstance(tab, LazyTab) or tab.built]

    def _show_workspace_in(self, tab: QWidget | None) -> None:
        """Areas are shown the workspace when first on show, so the window appears before the calendar or the log
        are read; from then on they follow its changes themselves."""
        if self.workspace is None or tab is None or tab in self._shown or tab not in self._areas:
            return
        self._shown.add(tab)
        try:
            self._areas[tab]().show_workspace(self.workspace)
        except KeepclientError as exc:
            self._shown.discard(tab)
            self.prompter.error(self.tr("Cannot read the database"), user_message(exc))
        if self.edit_lock.locked:
            self._apply_read_only()  # an area built just now locks its edits too
        if tab is self.tabs.currentWidget():
            self._route_to_tab(self.tabs.currentIndex())  # an area built just now takes over Undo

    def _watch_pushes(self, workspace: Workspace | None) -> None:
        """On a team server, a colleague's save is pushed (LISTEN/NOTIFY): look the moment it arrives."""
        if self._pushes is not None:
            self._pushes.setEnabled(False)
            self._pushes.deleteLater()
            self._pushes = None
        try:
            socket = workspace.db.change_socket() if workspace is not None else None
        except KeepclientError:
            socket = None  # the timer still looks
        if socket is not None:
            from PySide6.QtCore import QSocketNotifier

            self._pushes = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._pushes.activated.connect(self.check_for_colleagues)

    def check_for_colleagues(self) -> None:
        """Announce that something changed when another connection (a colleague) has saved since the last look:
        every part of the window that shows the database reads again what it shows."""
        if self.workspace is None or self.task is not None:
            return
        try:
            version = self.workspace.data_version()
        except KeepclientError:
            return  # a busy share: look again next time
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        if changed:
            self.workspace.changes.announce(Change.anything())

    def choose_me(self) -> None:
        """View › I am…: a small dialog listing the team (the choice is remembered in the user's settings)."""
        if self.workspace is None:
            return
        from keepclient.services.workspace import current_user
        from keepclient.ui.identity_dialog import IdentityDialog

        try:
            people = self.workspace.team.salespeople()
        except KeepclientError as exc:
            self.show_error(exc)
            return
        dialog = IdentityDialog(people, self.prefs.salesperson_code, current_user(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_me(dialog.chosen_code()))
        self.identity_dialog = dialog
        dialog.open()

    def set_me(self, code: str) -> None:
        """Which salesperson this user is: makes "My customers" mean their customers, and names the author of
        every change saved from now on (and the name colleagues see under "Also here")."""
        self.prefs.salesperson_code = code
        self.me = self._find_me()
        if self.workspace is not None and self.customers in self._shown:
            self.customers.show_workspace(self.workspace)
        if self.workspace is not None and self.feedback_tab in self._shown:
            self.feedback.set_me(self.me)
        if self.workspace is not None and self.dashboard_tab in self._shown:
            self.dashboard.set_me(self.me)
        self.refresh_counts()
        self.presence_label.beat()

    def _find_me(self) -> int | None:
        """The chosen salesperson's id; also makes their name the workspace's user (else the login name)."""
        if self.workspace is None:
            return None
        from keepclient.services.workspace import current_user

        try:
            people = self.workspace.team.salespeople(active_only=False) if self.prefs.salesperson_code else []
        except KeepclientError:
            people = []
        person = next((p for p in people if p.code == self.prefs.salesperson_code), None)
        self.workspace.set_user(person.name if person else current_user())
        return person.id if person else None

    def _apply_read_only(self) -> None:
        """A read-only database: the banner shows and every edit is off (held off while areas change them)."""
        read_only = self.database_locked()
        self.banner.setVisible(read_only)
        built = self._built_areas()
        for area in built:  # what no button covers (a drag, a double-click, a context menu) asks this flag
            area.read_only = read_only
        if read_only:
            skip = {"find", "feedback_log", "care_list", "print_list"}  # they only read
            actions = [a for name, a in self.customer_actions.items() if name not in skip]
            actions += [self.demo_action, self.spreadsheets.import_action]
            widgets: list[QWidget] = []
            for area in built:
                more_actions, more_widgets = area.edit_controls()
                actions += more_actions
                widgets += more_widgets
            self.edit_lock.lock(actions, widgets)
        elif self.edit_lock.locked:
            self.edit_lock.release()
            self._route_to_tab(self.tabs.currentIndex())

    def database_locked(self) -> bool:
        """True while the open database cannot be written (Database.read_only)."""
        return self.workspace is not None and bool(getattr(self.workspace.db, "read_only", False))

    def close_database(self) -> bool | None:
        """Close the open database (background work finishes first); returns whether it was opened shared."""
        if self.workspace is None:
            return None
        shared = self.workspace.mode is DatabaseMode.SHARED
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        self.watch.stop()
        self._watch_pushes(None)
        self.overdue_timer.stop()
        self.runner.stop()
        self.presence_label.detach()
        self.workspace.close()
        self.workspace = None
        self.at_risk.use(None, None)
        self.reminders.use(None, None)
        return shared

    def restore_from_backup(self) -> None:
        from keepclient.ui.restore_dialog import open_restore_dialog

        self.restore_dialog = open_restore_dialog(self, self)

    def show_error(self, error: KeepclientError) -> None:
        """A typed error in the user's language; the window stays as it was."""
        title = self.tr("Cannot save") if isinstance(error, StorageError) else self.tr("keepclient")
        self.prompter.error(title, user_message(error))

    def refresh(self) -> None:
        """Much changed (demo data): the area on show reads the workspace anew, the others when next shown."""
        self._shown.clear()
        self._show_workspace_in(self.tabs.currentWidget())
        self.refresh_counts()

    def _shown_customers(self) -> tuple[CustomerFilter, list[int]]:
        """What File › Export customers… writes: the list's filter, and the selected customers."""
        return self.customers.current_filter(), self.customers.list.selected_ids()

    def _imported(self, everyone: bool) -> None:
        """An import was written or undone: customers, their contacts, orders and owners may all have changed. The
        list shows them at once; value and risk are recomputed off the UI thread (the status bar says so), then
        shown too: for everyone after orders or an undo, else (a customers import refreshed the customers it
        wrote) only when some figures are of an earlier day."""
        workspace = self.workspace
        if workspace is None:
            return
        workspace.changes.announce(Change.anything(colleague=False))
        self.recompute_insights(everyone)

    def recompute_insights(self, everyone: bool = True) -> None:
        """Value and risk for everyone (else only when some are stale: `ensure_current`), off the UI thread (the
        status bar says so), then shown: after an import and after the team's value and risk settings changed."""
        workspace = self.workspace
        if workspace is None or workspace.read_only:
            return
        self.statusBar().showMessage(self.tr("Recomputing value and risk…"))
        count = workspace.insights.recompute if everyone else workspace.insights.ensure_current
        task = Task(lambda _report, cancelled: count(cancelled=cancelled), cleanup=workspace.release_thread)
        task.then(lambda _count: self._recomputed(workspace), self._recompute_failed)
        self.runner.start(task)

    def _recompute_failed(self, error: Exception) -> None:
        """A busy share or a full disk: said in the status bar (the figures stay as last computed; the next start
        or import computes them again). Anything else is a bug for the error hook."""
        if not isinstance(error, KeepclientError):
            raise error
        self.statusBar().showMessage(user_message(error), 10000)

    def _recomputed(self, workspace: Workspace) -> None:
        if workspace is self.workspace:
            self.statusBar().showMessage(self.tr("Value and risk recomputed."), 5000)
            workspace.changes.announce(Change.of(Topic.CUSTOMERS))

    def new_database(self) -> None:
        path = self.prompter.save_file(self.tr("New database"), paths.data_dir() / "keepclient.db")
        if path:
            self.open_workspace(path, create=True)

    def open_database_dialog(self) -> None:
        path = self.prompter.open_file(self.tr("Open database"), paths.data_dir())
        if path:
            self.open_workspace(path, shared=None)

    def connect_to_server(self, known: str | None = None) -> None:
        """File › Connect to team server…, or a recent server: with the password the keychain keeps for it, else
        (none kept, or the server refused it) the dialog, filled in but for the password."""
        from keepclient.services import server_passwords
        from keepclient.services.team_server import shown_url

        if known:
            address = server_passwords.with_password(known)
            if address != shown_url(address):  # a password given with the address, or kept: try it
                if self.open_workspace(address, offer_demo=False):
                    return
                if address != known:
                    server_passwords.forget(known)  # refused (or the server is away): asked for again below
            known = shown_url(known)
        self._ask_for_server(known or None)

    def _ask_for_server(self, known: str | None) -> None:
        from keepclient.services import server_passwords
        from keepclient.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self, known=known, keychain=server_passwords.keychain_available())
        self.connect_box = dialog
        dialog.accepted.connect(lambda: self._connect(dialog))
        dialog.open()

    def _connect(self, dialog: Any) -> None:
        from keepclient.services import server_passwords
        from keepclient.services.team_server import shown_url

        address = dialog.address()
        if not self.open_workspace(address, offer_demo=False):
            self._ask_for_server(shown_url(address))
            return
        if dialog.remember.isEnabled() and dialog.remember.isChecked() and not server_passwords.remember(address):
            self.statusBar().showMessage(self.tr("Connected; the password could not be kept in the keychain."), 8000)

    def _fill_recent(self) -> None:
        """File › Recent databases: files and servers, newest first; a file that is gone is left out."""
        self.recent_menu.clear()
        from keepclient.services.team_server import is_server_url, server_label

        shown = 0
        for where in self.prefs.recent_databases:
            server = is_server_url(where)
            if not server and not Path(where).exists():
                continue
            shown += 1
            label = f"{shown} {server_label(where) if server else Path(where).name}"
            action = self.recent_menu.addAction(label.replace("&", "&&"))
            action.setToolTip(where)
            action.setStatusTip(where)
            if server:
                action.triggered.connect(lambda _=False, w=where: self.connect_to_server(w))
            else:
                action.triggered.connect(lambda _=False, w=where: self.open_workspace(Path(w)))
        if not shown:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def open_shared_dialog(self) -> None:
        path = self.prompter.save_file(self.tr("Open or create a shared database"), paths.data_dir())
        if path:
            self.open_workspace(path, shared=True, create=True)

    # -- long work ----------------------------------------------------------------------------------------
    def load_demo(self) -> None:
        if self.workspace is None or self.task is not None:
            return
        workspace = self.workspace
        progress = QProgressDialog(self.tr("Generating demo data…"), self.tr("Cancel"), 0, DEMO_CUSTOMERS, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = Task(lambda report, cancelled: workspace.generate_demo(
            DEMO_CUSTOMERS, progress=report, is_cancelled=cancelled), cleanup=workspace.release_thread)
        task.signals.progress.connect(lambda done, total: progress.setValue(done))
        progress.canceled.connect(task.cancel)
        task.then(self._demo_done, self._task_failed)
        task.signals.finished.connect(progress.close)
        task.signals.finished.connect(self._task_finished)
        self.task = task
        self.runner.start(task)

    def _demo_done(self, summary: DemoSummary) -> None:
        self.statusBar().showMessage(self.tr("Demo data loaded: %1 customers.").replace(
            "%1", str(summary.customers)), 10000)
        self.refresh()

    def _task_failed(self, error: Exception) -> None:
        if isinstance(error, CancelledError):  # the user's own choice: no dialog, just say nothing was written
            self.statusBar().showMessage(user_message(error), 10000)
        elif isinstance(error, KeepclientError):
            self.prompter.error(self.tr("keepclient"), user_message(error))
        else:
            self.prompter.error(self.tr("Unexpected error"), f"{type(error).__name__}: {error}")

    def _read_failed(self, message: str) -> None:
        """Reading in the background of a view failed: a status message, never a dialog per cell."""
        self.statusBar().showMessage(message, 10000)

    def _task_finished(self) -> None:
        self.task = None

    def backup(self) -> None:
        if self.workspace is None:
            return
        try:
            target = self.workspace.backup()
        except KeepclientError as exc:
            self.prompter.error(self.tr("Backup failed"), user_message(exc))
            return
        self.statusBar().showMessage(self.tr("Backup written to %1").replace("%1", str(target)), 15000)

    # -- preferences --------------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.prefs.language = code
        for other, action in self.language_actions.items():
            action.setChecked(other == code)
        self.prompter.inform(self.tr("Language"), self.tr("The new language is used from the next start."))

    def about(self) -> None:
        self.help_menu.about()

    def _restore_layout(self) -> None:
        # Qt refuses a remembered place that does not fit this screen (a bigger monitor's): the default size then
        saved = self.prefs.window_geometry
        if saved is None or not self.restoreGeometry(saved):
            self.resize(1200, 760)
        place_on_screen(self)  # a place remembered on a bigger or unplugged screen: back onto this one
        if self.prefs.window_state is not None:
            self.restoreState(self.prefs.window_state)
        if self.prefs.customer_splitter is not None:
            self.customers.splitter.restoreState(self.prefs.customer_splitter)
        self.tabs.setCurrentIndex(min(max(self.prefs.current_tab, 0), self.tabs.count() - 1))
        self._route_to_tab(self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        feedback_lost = self.feedback_tab.built and self.feedback.editor.is_dirty() and not self.feedback.save()
        if feedback_lost and not self.prompter.ask_yes_no(self.tr("Unsaved changes"), self.tr(
                "Your changes to this feedback item could not be saved. Close anyway and lose them?")):
            event.ignore()
            return
        if self.customers.detail.is_dirty() and not self.customers.save() and not self.prompter.ask_yes_no(
            self.tr("Unsaved changes"),
            self.tr("Your changes to this customer could not be saved. Close anyway and lose them?"),
        ):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.workspace is not None and self.spreadsheets.dropped_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.spreadsheets.dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.spreadsheets.open_wizard(path)

    def shutdown(self) -> None:
        """Stop background work, remember the layout and close the database; safe to call twice."""
        self.watch.stop()
        self.overdue_timer.stop()
        if self.task is not None:
            self.task.cancel()
        self.runner.stop()  # the lists' counts read the database about to be closed
        self.prefs.window_geometry = self.saveGeometry()
        self.prefs.window_state = self.saveState()
        self.prefs.customer_splitter = self.customers.splitter.saveState()
        self.close_database()



def area_widgets(window: MainWindow) -> dict[str, QWidget]:
    """The four areas of the product, by name (tests and tooling find them here)."""
    return {"customers": window.customers.list, "detail": window.customers.detail,
            "calendar": window.calendar, "feedback": window.feedback}
