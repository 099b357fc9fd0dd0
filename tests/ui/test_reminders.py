"""Reminders while the window runs (issue 17): with a frozen clock moved to the reminder's minute the notification
is given once, clicking it opens the visit; reminders missed while keepclient was closed are listed once at start;
the visit dialog's Reminder choice and View › Default reminder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from keepclient import paths
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.visit_dialog import VisitDialog
from keepclient.ui.reminders import POLL_MS, BoxNotifier, Notifier, ReminderList, ReminderScheduler
from keepclient.ui.settings import Preferences
from tests.ui.helpers import ScriptedPrompter, shown

START = dt.datetime(2026, 12, 7, 10, 0)  # the visit; its reminder is 15 minutes before
DUE = START - dt.timedelta(minutes=15)


class FrozenClock:
    """A clock that stands still until the test moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def __call__(self) -> dt.datetime:
        return self.moment


class RecordingNotifier(Notifier):
    """Keeps every message instead of showing it."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.messages.append((title, text))


@pytest.fixture
def team(team_db) -> tuple[Path, dict[str, int], dict[str, int]]:
    return team_db


def plan(db: Path, customer: int, salesperson: int, start: dt.datetime = START, remind: int | None = 15) -> int:
    ws = Workspace.open(db, user="tester")
    try:
        (vid,) = ws.visits.plan(customer, start=start, salesperson_id=salesperson, purpose="报价跟进",
                                remind_minutes=remind)
    finally:
        ws.close()
    return vid


def scheduler_on(qtbot, window_widget, prefs: Preferences, clock: FrozenClock) -> tuple[ReminderScheduler,
                                                                                        RecordingNotifier]:
    notifier = RecordingNotifier()
    scheduler = ReminderScheduler(prefs, window_widget, now=clock, notifier=notifier)
    return scheduler, notifier


def test_a_reminder_fires_at_its_minute_with_a_frozen_clock_once(qtbot, team, prefs, make_window):
    db, ids, people = team
    vid = plan(db, ids["zhangwei"], people["li"])
    plan(db, ids["huaxin"], people["wang"])  # a colleague's: not mine
    window, _prompter = make_window()
    clock = FrozenClock(START - dt.timedelta(minutes=40))
    scheduler, notifier = scheduler_on(qtbot, window, prefs, clock)
    ws = Workspace.open(db, user="李娜")
    try:
        scheduler.use(ws, people["li"])
        assert notifier.messages == [] and scheduler.dialog is None  # the first run ever misses nothing
        assert scheduler.timer.isActive() and scheduler.timer.interval() == POLL_MS  # nothing due within a minute
        clock.moment = DUE - dt.timedelta(seconds=30)
        scheduler.timer.timeout.emit()  # what Qt does when the timer runs out
        assert notifier.messages == []
        assert scheduler.timer.interval() == 30_000  # aimed at the reminder's minute
        clock.moment = DUE
        with qtbot.waitSignal(scheduler.notified) as fired:
            scheduler.timer.timeout.emit()
        (reminder,) = fired.args[0]
        assert reminder.visit_id == vid and reminder.due_at == DUE
        ((title, text),) = notifier.messages
        assert "张伟" in title and "报价跟进" in text and "10:00" in text
        clock.moment = DUE + dt.timedelta(minutes=1)
        scheduler.timer.timeout.emit()
        assert len(notifier.messages) == 1  # given once
        with qtbot.waitSignal(scheduler.open_visit) as opened:
            notifier.clicked.emit()
        assert opened.args == [vid]
    finally:
        scheduler.use(None, None)
        ws.close()


def test_clicking_the_reminder_opens_the_visit_in_the_calendar(qtbot, team, make_window):
    db, ids, people = team
    vid = plan(db, ids["zhangwei"], people["li"])
    window, _prompter = make_window()
    clock = FrozenClock(DUE - dt.timedelta(minutes=5))
    notifier = RecordingNotifier()
    window.reminders.now = clock
    window.reminders._take(notifier)
    window.prefs.salesperson_code = "S01"  # View › I am… 李娜
    window.tabs.setCurrentIndex(0)
    assert window.open_workspace(db, offer_demo=False)
    assert window.me == people["li"] and notifier.messages == []
    clock.moment = DUE
    window.reminders.timer.timeout.emit()
    assert len(notifier.messages) == 1
    notifier.clicked.emit()
    assert window.tabs.currentWidget() is window.calendar_tab
    calendar = window.calendar
    assert calendar.current_day == START.date() and calendar.selected_id == vid
    dialog = calendar.editing.dialog
    assert isinstance(dialog, VisitDialog) and dialog.visit is not None and dialog.visit.id == vid
    assert dialog.isVisible() and dialog.reminder.currentData() == 15
    dialog.reject()


def test_missed_reminders_are_listed_once_at_start_not_again_after_a_restart(qtbot, team, prefs, make_window):
    db, ids, people = team
    window, _prompter = make_window()
    clock = FrozenClock(START - dt.timedelta(days=1))
    first, notifier = scheduler_on(qtbot, window, prefs, clock)
    ws = Workspace.open(db, user="李娜")
    try:
        first.use(ws, people["li"])  # keepclient ran yesterday, then was closed
        first.use(None, None)
    finally:
        ws.close()
    vid = plan(db, ids["zhangwei"], people["li"])
    plan(db, ids["muller"], people["li"], start=START + dt.timedelta(days=2))  # not yet due

    def start_again() -> ReminderScheduler:
        scheduler, _notifier = scheduler_on(qtbot, window, prefs, clock)
        workspace = Workspace.open(db, user="李娜")
        try:
            scheduler.use(workspace, people["li"])
            scheduler.use(workspace, people["li"])  # the window tells it again on every change: still once
        finally:
            scheduler.use(None, None)
            workspace.close()
        return scheduler

    clock.moment = START + dt.timedelta(hours=3)  # the next morning's start, after the visit
    again = start_again()
    dialog = again.dialog
    assert isinstance(dialog, ReminderList) and dialog.isVisible() and not dialog.isModal()
    assert dialog.list.count() == 1 and "张伟" in dialog.list.item(0).text()
    with qtbot.waitSignal(again.open_visit) as opened:
        dialog.open_button.click()
    assert opened.args == [vid]
    dialog.close()
    clock.moment += dt.timedelta(minutes=5)
    assert start_again().dialog is None  # a restart lists nothing again
    assert notifier.messages == []


def test_the_visit_dialog_offers_reminders_with_the_users_default(qtbot, team):
    db, ids, _people = team
    ws = Workspace.open(db, user="tester")
    try:
        dialog = shown(qtbot, VisitDialog(ws, customer_id=ids["zhangwei"], start=START, prompter=ScriptedPrompter()))
        choices = [dialog.reminder.itemData(i) for i in range(dialog.reminder.count())]
        assert choices == [None, 5, 15, 30, 60, 24 * 60] and dialog.reminder.currentData() == 15
        assert [dialog.reminder.itemText(i) for i in (0, 2, 4, 5)] == [
            "No reminder", "15 minutes before", "1 hour before", "1 day before"]
        dialog.reject()
        Preferences(paths.settings_file()).remind_minutes = 30  # View › Default reminder
        dialog = shown(qtbot, VisitDialog(ws, customer_id=ids["zhangwei"], start=START, prompter=ScriptedPrompter()))
        assert dialog.reminder.currentData() == 30
        with qtbot.waitSignal(dialog.finished):
            dialog.accept()
        (vid,) = dialog.saved_ids
        visit = ws.visits.get(vid)
        assert visit.remind_minutes == 30
        edit = shown(qtbot, VisitDialog(ws, visit=visit, prompter=ScriptedPrompter()))
        assert edit.reminder.currentData() == 30
        edit.reminder.setCurrentIndex(edit.reminder.findData(None))
        with qtbot.waitSignal(edit.finished):
            edit.accept()
        assert ws.visits.get(vid).remind_minutes is None and ws.visits.get(vid).version == 2
        ws.visits.update(vid, {"remind_minutes": 45}, version=2)  # one the dialog does not offer is kept as it is
        odd = shown(qtbot, VisitDialog(ws, visit=ws.visits.get(vid), prompter=ScriptedPrompter()))
        assert odd.reminder.currentData() == 45 and odd.reminder.currentText() == "45 minutes before"
        odd.reject()
    finally:
        ws.close()


def test_view_default_reminder_is_a_personal_preference(qtbot, make_window):
    window, _prompter = make_window()
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "defaultReminderMenu")
    assert menu is not None
    checked = [a.data() for a in menu.actions() if a.isChecked()]
    assert checked == [15]
    day = next(a for a in menu.actions() if a.data() == 24 * 60)
    day.trigger()
    assert window.prefs.remind_minutes == 24 * 60 and [a.data() for a in menu.actions() if a.isChecked()] == [1440]
    none = next(a for a in menu.actions() if a.data() is None)
    none.trigger()
    assert window.prefs.remind_minutes is None


def test_without_a_tray_a_box_over_the_window_says_it_and_opens_the_visit(qtbot, make_window):
    window, _prompter = make_window()
    notifier = BoxNotifier(window, window)
    notifier.notify("Visit · 张伟", "10:00–11:00 · 报价跟进")
    box = notifier.box
    assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
    assert "张伟" in window.statusBar().currentMessage()
    opener = next(b for b in box.buttons() if b.text() == "Open")
    with qtbot.waitSignal(notifier.clicked):
        opener.click()
