"""Reminders of planned visits and calls while keepclient runs (issue 17).

`ReminderScheduler` asks the reminder service, on a QTimer aimed at the next reminder (and at least once a minute,
so a sleeping laptop, a moved clock or a colleague's new visit are caught up), for the reminders due since it last
looked, and hands them to a notifier: the system tray's message where there is a tray, else a non-modal box over
the window. Clicking the message opens the visit in the calendar. The instant reminded up to is kept per database
in the user's preferences (each person on each computer has their own), so the reminders that came due while
keepclient was closed are listed once at the next start, and never again after that.

The clock is injected (`now`), so a test can freeze time and move it to the reminder's minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from keepclient import paths
from keepclient.domain.errors import KeepclientError
from keepclient.services.reminders import REMINDER_CHOICES, Reminder
from keepclient.ui.labels import date_text, label, time_text
from keepclient.ui.settings import Preferences

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

Clock = Callable[[], dt.datetime]
POLL_MS = 60_000  # look at least this often: the next reminder may be a colleague's new visit, or the laptop slept
MESSAGE_MS = 60_000  # how long a tray message stays (where the system lets an application say)
NAMED = 5  # reminders named in one message; the rest are counted
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def reminder_text(minutes: int | None) -> str:
    """A reminder as the dialogs and the menu offer it: "No reminder", "15 minutes before", "1 day before"."""
    if minutes is None:
        return translate("Reminders", "No reminder")
    if minutes == 0:
        return translate("Reminders", "At the start")
    if minutes == 60:
        return translate("Reminders", "1 hour before")
    if minutes == 24 * 60:
        return translate("Reminders", "1 day before")
    if minutes % (24 * 60) == 0:
        return translate("Reminders", "%1 days before").replace("%1", str(minutes // (24 * 60)))
    if minutes % 60 == 0:
        return translate("Reminders", "%1 hours before").replace("%1", str(minutes // 60))
    return translate("Reminders", "%1 minutes before").replace("%1", str(minutes))


def default_reminder() -> int | None:
    """A new visit's reminder: the user's choice under View › Default reminder (15 minutes until chosen)."""
    return Preferences(paths.settings_file()).remind_minutes


def fill_reminders(combo: QComboBox, chosen: int | None) -> None:
    """The reminders a visit can have, `chosen` selected (one not offered, set elsewhere, is added as it is)."""
    combo.clear()
    for minutes in REMINDER_CHOICES:
        combo.addItem(reminder_text(minutes), minutes)
    if combo.findData(chosen) < 0:
        combo.addItem(reminder_text(chosen), chosen)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


def when_text(reminder: Reminder, today: dt.date) -> str:
    """"10:00–11:00", or with the day when it is not today."""
    hours = f"{time_text(reminder.start)}–{time_text(reminder.end)}"
    return hours if reminder.start.date() == today else f"{date_text(reminder.start.date())} {hours}"


def title_text(reminder: Reminder) -> str:
    """"Visit · 上海华信贸易有限公司"."""
    return f"{label(reminder.kind)} · {reminder.customer}"


def body_text(reminder: Reminder, today: dt.date) -> str:
    """When, with whom and what for, and where: the lines of one reminder's message."""
    lines = [" · ".join(part for part in (when_text(reminder, today), reminder.contact, reminder.purpose) if part)]
    if reminder.location:
        lines.append(reminder.location)
    return "\n".join(lines)


def list_line(reminder: Reminder, today: dt.date) -> str:
    """One reminder in a list: when, what, whom."""
    who = f" ({reminder.salesperson})" if reminder.salesperson else ""
    return f"{when_text(reminder, today)}  {title_text(reminder)}{who}"


# -- notifiers -----------------------------------------------------------------------------------------------------
class Notifier(QObject):
    """Shows one message at a time; `clicked` when the user clicks it. Tests put a recording one in its place."""

    clicked = Signal()

    def notify(self, title: str, text: str) -> None:
        raise NotImplementedError


class TrayNotifier(Notifier):
    """The system tray's message (Windows' and macOS's notifications, a Linux desktop's tray): seen even while the
    window is behind others or minimised. The icon appears with the first reminder and stays while keepclient runs;
    clicking the icon brings the window forward."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip("keepclient")
        self.tray.messageClicked.connect(self.clicked)
        self.tray.activated.connect(lambda _reason: bring_forward(self.window))

    def notify(self, title: str, text: str) -> None:
        self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)


class BoxNotifier(Notifier):
    """Without a system tray (some Linux desktops): a non-modal box over the window with Open, and the status bar
    says it too. A newer reminder replaces the box."""

    def __init__(self, window: QMainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.box: QMessageBox | None = None

    def notify(self, title: str, text: str) -> None:
        if self.box is not None:
            self.box.close()
        box = QMessageBox(QMessageBox.Icon.Information, title, title, QMessageBox.StandardButton.Close, self.window)
        box.setInformativeText(text)  # the visit in the box itself too: a title bar may be cut short
        box.setObjectName("reminderBox")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opener = box.addButton(translate("Reminders", "Open"), QMessageBox.ButtonRole.AcceptRole)
        opener.clicked.connect(self.clicked)
        box.destroyed.connect(lambda _obj=None: setattr(self, "box", None) if self.box is box else None)
        self.box = box
        box.show()
        self.window.statusBar().showMessage(f"{title} — {text.splitlines()[0]}", MESSAGE_MS)


def default_notifier(window: QMainWindow) -> Notifier:
    """The tray's messages where the desktop has a tray, else the box over the window."""
    if QSystemTrayIcon.isSystemTrayAvailable():
        return TrayNotifier(window, window)
    return BoxNotifier(window, window)


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


# -- the list of several reminders, and of those missed -------------------------------------------------------------
class ReminderList(QDialog):
    """Several reminders at once (missed while keepclient was closed, or due together): Open visit (or a
    double-click) opens one; the list stays for the others. Non-modal."""

    open_visit = Signal(int)

    def __init__(self, reminders: Sequence[Reminder], title: str, intro: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderList")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reminders = list(reminders)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reminderItems")
        for reminder in self.reminders:
            item = QListWidgetItem(list_line(reminder, today))
            item.setData(Qt.ItemDataRole.UserRole, reminder.visit_id)
            item.setToolTip(body_text(reminder, today))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open visit"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_visit.emit(int(item.data(Qt.ItemDataRole.UserRole)))


# -- the scheduler --------------------------------------------------------------------------------------------------
class ReminderScheduler(QObject):
    """The reminders of the user's planned visits (View › I am…; the team's while not said) in the open database.

    The window calls `use(workspace, me)` whenever the database, the user or the visits change. `notified` carries
    the reminders each notification was about, `missed` those listed at start; `open_visit` asks the window to
    open a visit (a message or a list row clicked)."""

    notified = Signal(list)
    missed = Signal(list)
    open_visit = Signal(int)

    def __init__(self, prefs: Preferences, window: QMainWindow, *, now: Clock = dt.datetime.now,
                 notifier: Notifier | None = None) -> None:
        super().__init__(window)
        self.prefs = prefs
        self.window = window
        self.now = now
        self.workspace: Workspace | None = None
        self.me: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._notifier: Notifier | None = None
        if notifier is not None:
            self._take(notifier)
        self.shown: list[Reminder] = []  # what the last notification was about
        self.dialog: ReminderList | None = None  # the list shown last (missed, or several at once)

    @property
    def notifier(self) -> Notifier:
        """Made when first needed: a tray icon only once there is something to say."""
        return self._notifier if self._notifier is not None else self._take(default_notifier(self.window))

    def _take(self, notifier: Notifier) -> Notifier:
        self._notifier = notifier
        notifier.clicked.connect(self._clicked)
        return notifier

    # -- what the window tells --------------------------------------------------------------------------------
    def use(self, workspace: Workspace | None, me: int | None) -> None:
        """The open database (None: none) and who the user is; a newly opened one first lists what was missed."""
        opened = workspace is not None and workspace is not self.workspace
        self.workspace, self.me = workspace, me
        if workspace is None:
            self.timer.stop()
            return
        if opened:
            self.show_missed()
        self.check()

    def menu(self, parent: QWidget) -> QMenu:
        """View › Default reminder: what a newly planned visit's reminder is (a personal preference)."""
        menu = QMenu(self.tr("Default &reminder"), parent)
        menu.setObjectName("defaultReminderMenu")
        group = QActionGroup(menu)
        for minutes in REMINDER_CHOICES:
            action = QAction(reminder_text(minutes), menu, checkable=True)
            action.setData(minutes)
            action.setChecked(self.prefs.remind_minutes == minutes)
            action.triggered.connect(lambda _checked=False, m=minutes: setattr(self.prefs, "remind_minutes", m))
            group.addAction(action)
            menu.addAction(action)
        return menu

    # -- looking --------------------------------------------------------------------------------------------------
    def _database(self) -> str:
        assert self.workspace is not None
        return str(self.workspace.path)

    def show_missed(self) -> None:
        """Once per start: the reminders that came due since the user was last reminded (at most a week back), in
        one list. Taken as seen before they are shown, so the next start does not list them again."""
        workspace = self.workspace
        if workspace is None:
            return
        now = self.now()
        try:
            found = workspace.reminders.missed(self.prefs.reminded_up_to(self._database()), now, self.me)
        except KeepclientError:
            return  # a busy share: the next look catches up (as notifications)
        self.prefs.set_reminded_up_to(self._database(), now)
        if found:
            self.missed.emit(found)
            self.show_list(found, self.tr("Missed reminders"), self.tr(
                "These reminders came due while keepclient was closed:"))

    def check(self) -> None:
        """Notify of the reminders due since the last look, then aim the timer at the next one."""
        workspace = self.workspace
        if workspace is None:
            return
        now = self.now()
        database = self._database()
        since = self.prefs.reminded_up_to(database)
        try:
            due = workspace.reminders.due(since, now, self.me) if since is not None and since < now else []
            upcoming = workspace.reminders.due(now, now + dt.timedelta(milliseconds=POLL_MS), self.me, limit=1)
        except KeepclientError:
            self.timer.start(POLL_MS)  # a busy share: look again soon; nothing is lost meanwhile
            return
        self.prefs.set_reminded_up_to(database, now)  # before saying it: a crash never says it twice
        if due:
            self.notify(due)
        delay = POLL_MS
        if upcoming:
            delay = min(POLL_MS, max(0, int((upcoming[0].due_at - now).total_seconds() * 1000)))
        self.timer.start(delay)

    # -- saying ---------------------------------------------------------------------------------------------------
    def notify(self, reminders: list[Reminder]) -> None:
        """One message: the reminder itself, or how many with the first few named (clicking lists them all)."""
        self.shown = reminders
        today = self.now().date()
        if len(reminders) == 1:
            title, text = title_text(reminders[0]), body_text(reminders[0], today)
        else:
            title = self.tr("%n reminder(s)", "", len(reminders))
            lines = [list_line(r, today) for r in reminders[:NAMED]]
            if len(reminders) > NAMED:
                lines.append(self.tr("… and %n more", "", len(reminders) - NAMED))
            text = "\n".join(lines)
        self.notifier.notify(title, text)
        self.notified.emit(reminders)

    def _clicked(self) -> None:
        """The message was clicked: its visit, or the list of the reminders it counted."""
        bring_forward(self.window)
        if len(self.shown) == 1:
            self.open_visit.emit(self.shown[0].visit_id)
        elif self.shown:
            self.show_list(self.shown, self.tr("Reminders"), self.tr("These visits and calls are coming up:"))

    def show_list(self, reminders: list[Reminder], title: str, intro: str) -> ReminderList:
        if self.dialog is not None:
            self.dialog.close()
        dialog = ReminderList(reminders, title, intro, self.now().date(), self.window)
        dialog.open_visit.connect(self.open_visit)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "dialog", None) if self.dialog is dialog else None)
        self.dialog = dialog
        dialog.show()
        return dialog


class ShownCalendar(Protocol):
    """What opening a visit needs of the Calendar tab (its area; named here so the calendar's dialogs, which use
    this module's Reminder choice, are not imported back)."""

    workspace: Workspace | None
    editing: Any  # its VisitEditing: edit(visit) opens the visit's dialog

    def say(self, text: str) -> None: ...

    def go_to(self, day: dt.date) -> None: ...

    def focus_visit(self, visit_id: int | None, day: dt.date | None = None) -> None: ...

    def refresh(self) -> None: ...


def show_visit(window: QWidget, calendar: ShownCalendar, visit_id: int) -> None:
    """A reminder opened: the window forward, the visit selected on its day in the calendar and its dialog open
    (on a read-only database only selected). The caller has put the Calendar tab on show."""
    bring_forward(window)
    workspace = calendar.workspace
    if workspace is None:
        return
    try:
        visit = workspace.visits.get(visit_id)
    except KeepclientError as exc:  # deleted since
        calendar.say(exc.message(QCoreApplication.translate))
        return
    calendar.go_to(visit.start.date())
    calendar.focus_visit(visit.id, visit.start.date())
    calendar.refresh()
    calendar.editing.edit(visit)
