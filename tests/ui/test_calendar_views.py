"""The calendar's day, week, month and agenda views on the demo database: what they show, how they move."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog

from keepclient.domain.types import CareDay
from keepclient.ui.calendar import area as area_module
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.calendar.layout import lay_out_day
from keepclient.ui.calendar.periods import add_months, period, step
from tests.conftest import DEMO_TODAY
from tests.ui.calendar_helpers import activate, at, install_fake_dialogs, install_fake_printing
from tests.ui.helpers import ScriptedPrompter

MONDAY = DEMO_TODAY  # 2026-11-23
SATURDAY = dt.date(2026, 11, 28)  # the demo plans nothing at weekends


pytestmark = pytest.mark.usefixtures("british_locale")  # weeks start on Monday, dates read dd/mm/yyyy


def week_of(workspace, monday: dt.date, people=None):
    return workspace.visits.between(at(monday, 0), at(monday + dt.timedelta(days=7), 0), people)


def colours_in(area: CalendarArea, visit_id: int) -> Counter:
    """The colours painted inside a visit's block (its border left out)."""
    placed = area.grid.find_placed(visit_id)
    area.grid.ensure_visible(placed.top, placed.bottom)
    image = area.grid.viewport().grab().toImage()
    rect = area.grid.block_rect(placed).adjusted(4, 3, -3, -3).toRect()
    return Counter(image.pixelColor(x, y).name() for x in range(rect.left(), rect.right(), 2)
                   for y in range(rect.top(), rect.bottom(), 2))


# -- pure date arithmetic -----------------------------------------------------------------------------------
def test_periods_follow_the_first_day_of_the_week_and_month_ends():
    assert period("week", MONDAY, 1) == (MONDAY, MONDAY + dt.timedelta(days=7))
    assert period("week", MONDAY, 7) == (dt.date(2026, 11, 22), dt.date(2026, 11, 29))  # Sunday first
    assert period("day", MONDAY, 1) == (MONDAY, dt.date(2026, 11, 24))
    assert period("month", MONDAY, 1) == (dt.date(2026, 10, 26), dt.date(2026, 12, 7))  # six whole weeks
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert step("month", dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
    assert step("agenda", MONDAY, 1) == dt.date(2026, 11, 30)


def test_overlapping_visits_share_the_width_and_take_free_lanes(workspace):
    visits = workspace.visits.between(at(MONDAY, 0), at(MONDAY, 23, 59))
    # Before the demo's day begins, a cluster of three lanes where the last visit finds the third lane free again.
    early = [visits[0]._replace(id=-n, start=at(MONDAY, 7, minute), minutes=minutes)
             for n, (minute, minutes) in enumerate(((0, 60), (0, 30), (0, 30), (30, 30)), start=1)]
    visits = [*early, *visits]
    placed = lay_out_day(MONDAY, visits)
    assert len(placed) == len(visits)
    assert max(p.columns for p in placed) > 1  # the demo's Monday has overlapping visits
    for item in placed:
        assert 0 <= item.column < item.column + item.span <= item.columns
    for a, b in itertools.combinations(placed, 2):  # blocks overlapping in time never share a lane
        if a.top < b.bottom and b.top < a.bottom:
            assert a.column + a.span <= b.column or b.column + b.span <= a.column
    assert any(p.span > 1 for p in placed)  # a visit with free lanes beside it takes them


# -- each view on real data ---------------------------------------------------------------------------------
def test_week_view_shows_the_demo_week_coloured_by_salesperson_and_styled_by_status(make_area, workspace, qtbot):
    area = make_area()
    assert area.view == "week" and area.stack.currentWidget() is area.grid
    assert area.range == (MONDAY, MONDAY + dt.timedelta(days=7))
    expected = week_of(workspace, MONDAY)
    assert expected and [v.id for v in area.visits] == [v.id for v in expected]
    assert {p.visit.id for items in area.grid.placed.values() for p in items} == {v.id for v in expected}
    assert area.grid.days[0] == MONDAY and len(area.grid.days) == 7
    assert "23/11/2026" in area.period.text() and "Week 48" in area.period.text()
    assert area.model.rowCount() == len(expected)
    assert not area.empty.isVisible()
    bar = area.grid.verticalScrollBar()
    assert bar.value() == min(bar.maximum(), 8 * area.grid.hour_height)  # opens at 8:00

    planned = next(v for v in expected if v.status == "planned" and v.color)
    planned_colours = colours_in(area, planned.id)
    assert planned_colours.most_common(1)[0][0] != QColor(planned.color).name()  # a light fill
    assert QColor(planned_colours.most_common(1)[0][0]).lightness() > QColor(planned.color).lightness()

    area.go(-1)  # last week: done, cancelled and missed visits
    past = area.visits
    done = next(v for v in past if v.status == "done" and v.color)
    assert colours_in(area, done.id).most_common(1)[0][0] == QColor(done.color).name()  # the full colour
    cancelled = next((v for v in past if v.status == "cancelled"), None)
    if cancelled is not None:
        assert colours_in(area, cancelled.id).most_common(1)[0][0] == "#eeeeee"  # grey


def test_day_view_from_the_keyboard_and_from_the_week_header(make_area, workspace, qtbot):
    area = make_area()
    activate(qtbot, area)
    qtbot.keyClick(area.grid, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert area.view == "day" and area.grid.days == [MONDAY]
    assert area.period.text() == QLocale().toString(QDate(2026, 11, 23), QLocale.FormatType.LongFormat)
    assert {v.id for v in area.visits} == {v.id for v in workspace.visits.between(at(MONDAY, 0),
                                                                                  at(MONDAY, 23, 59))}
    qtbot.keyClick(area.grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert area.view == "week"
    wednesday = MONDAY + dt.timedelta(days=2)
    x = area.grid.gutter + 2.5 * area.grid.column_width()
    qtbot.mouseClick(area.grid.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(x), 8))
    assert area.view == "day" and area.current_day == wednesday and area.grid.days == [wednesday]


def test_month_view_lists_each_day_and_says_how_many_more(make_area, workspace, qtbot):
    area = make_area()
    area.set_view("month")
    assert area.stack.currentWidget() is area.month
    assert area.range == (dt.date(2026, 10, 26), dt.date(2026, 12, 7))
    assert area.period.text() == "November 2026"
    month = area.month
    total = len(workspace.visits.between(at(MONDAY, 0), at(MONDAY, 23, 59)))
    shown, more, _first = month.lines_of(MONDAY)
    assert total > len(shown) > 0 and more == total - len(shown)  # today is crowded
    assert [v.id for v in shown] == [v.id for v in workspace.visits.between(at(MONDAY, 0), at(MONDAY, 23, 59))
                                     ][:len(shown)]
    quiet = dt.date(2026, 11, 29)  # a Sunday: nothing planned
    assert month.lines_of(quiet)[:2] == ([], 0)
    assert not month.grab().isNull()

    qtbot.mouseClick(month, Qt.MouseButton.LeftButton, pos=month.point_for(SATURDAY, "free"))
    assert area.current_day == SATURDAY and area.view == "month"
    qtbot.mouseClick(month, Qt.MouseButton.LeftButton, pos=month.point_for(MONDAY, "more"))
    assert area.view == "day" and area.current_day == MONDAY  # "+N more" opens the day


def test_agenda_lists_the_period(make_area, workspace, qtbot, qtmodeltester, monkeypatch):
    made = install_fake_dialogs(monkeypatch)
    area = make_area()
    activate(qtbot, area)
    qtbot.keyClick(area.grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert area.view == "agenda" and area.stack.currentWidget() is area.agenda
    expected = week_of(workspace, MONDAY)
    model = area.agenda.model()
    assert model.rowCount() == len(expected)
    assert model.data(model.index(0, 3)) == expected[0].customer
    assert model.data(model.index(0, 0)).endswith("23/11/2026")
    qtmodeltester.check(model)
    area.agenda.selectRow(2)
    assert area.selected_id == expected[2].id and area.current_day == expected[2].start.date()
    qtbot.keyClick(area.agenda, Qt.Key.Key_Return)
    assert made[-1].kind == "visit" and made[-1].kwargs["visit"] == expected[2]


def test_previous_next_today_and_jump_with_one_read_each(make_area, qtbot):
    area = make_area()
    activate(qtbot, area)
    area.grid.setFocus()
    reads = area.fetches
    qtbot.keyClick(area.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert area.range[0] == dt.date(2026, 11, 30) and area.fetches == reads + 1
    qtbot.keyClick(area.grid, Qt.Key.Key_PageDown)
    assert area.range[0] == dt.date(2026, 12, 7) and area.fetches == reads + 2
    qtbot.keyClick(area.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(area.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert area.range[0] == dt.date(2026, 11, 23)
    area.go(3)
    qtbot.keyClick(area.grid, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert area.current_day == DEMO_TODAY
    area.go(3)
    qtbot.keyClick(area.grid, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert area.current_day == DEMO_TODAY

    area.set_view("month")
    qtbot.keyClick(area.month, Qt.Key.Key_PageDown)
    assert area.period.text() == "December 2026"
    assert area.previous_button.toolTip() and area.next_button.toolTip()

    reads = area.fetches
    qtbot.keyClick(area.month, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert area.jump_menu.isVisible()
    assert area.chooser.selectedDate() == QDate(2026, 12, 23)
    area.chooser.setSelectedDate(QDate(2027, 2, 10))
    assert area.chooser.isAncestorOf(QApplication.focusWidget())  # typing goes to the chooser
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # activated: go there
    assert not area.jump_menu.isVisible()
    assert area.current_day == dt.date(2027, 2, 10) and area.period.text() == "February 2027"
    assert area.fetches == reads + 1


def test_week_starts_on_the_locales_first_day(qtbot, workspace):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    area = CalendarArea(None, ScriptedPrompter(), today=DEMO_TODAY)
    qtbot.addWidget(area)
    area.show_workspace(workspace)
    assert area.range == (dt.date(2026, 11, 22), dt.date(2026, 11, 29))  # Sunday to Saturday
    assert area.grid.days[0].isoweekday() == 7
    area.set_view("month")
    assert area.range[0] == dt.date(2026, 11, 1)  # 1 November 2026 is a Sunday


def test_arrow_keys_move_the_day_and_the_visit_and_enter_opens_it(make_area, workspace, qtbot, monkeypatch):
    made = install_fake_dialogs(monkeypatch)
    area = make_area()
    area.grid.setFocus()
    qtbot.keyClick(area.grid, Qt.Key.Key_Right)
    assert area.current_day == MONDAY + dt.timedelta(days=1) and area.selected_id is None
    qtbot.keyClick(area.grid, Qt.Key.Key_Down)
    tuesday = week_of(workspace, MONDAY)
    first = min((v for v in tuesday if v.start.date() == area.current_day and v.start.hour >= 9),
                key=lambda v: (v.start, v.id))
    assert area.selected_visit() is not None and area.selected_visit().start == first.start
    qtbot.keyClick(area.grid, Qt.Key.Key_Down)
    assert area.selected_visit().start >= first.start and area.selected_id != first.id
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert made[-1].kind == "visit" and made[-1].kwargs["visit"].id == area.selected_id
    qtbot.keyClick(area.grid, Qt.Key.Key_Escape)
    assert area.selected_id is None
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert made[-1].kwargs["start"].date() == area.current_day and "visit" not in made[-1].kwargs

    for _ in range(6):  # past Sunday: the next week comes into view
        qtbot.keyClick(area.grid, Qt.Key.Key_Right)
    assert area.current_day == dt.date(2026, 11, 30) and area.range[0] == dt.date(2026, 11, 30)

    area.set_view("month")
    area.month.setFocus()
    qtbot.keyClick(area.month, Qt.Key.Key_Down)
    assert area.current_day == dt.date(2026, 12, 7)
    qtbot.keyClick(area.month, Qt.Key.Key_Return)
    assert area.view == "day" and area.current_day == dt.date(2026, 12, 7)


# -- filter, layers, remembered choices ---------------------------------------------------------------------
def test_salesperson_filter_shows_several_and_is_remembered(make_area, workspace, prefs, qtbot):
    area = make_area()
    people = workspace.team.salespeople()
    assert len(people) >= 2 and area.people.text() == "Everyone"
    first, second = people[0], people[1]
    area.people.person_actions[first.id].trigger()
    assert area.visits and {v.salesperson_id for v in area.visits} == {first.id}
    assert [v.id for v in area.visits] == [v.id for v in week_of(workspace, MONDAY, [first.id])]
    assert area.people.text() == first.name and not area.people.everyone.isChecked()
    area.people.person_actions[second.id].trigger()
    assert {v.salesperson_id for v in area.visits} == {first.id, second.id}
    assert area.people.text() == "2 salespeople"

    again = make_area()
    assert again.people.chosen() == [first.id, second.id]
    assert {v.salesperson_id for v in again.visits} == {first.id, second.id}
    again.people.everyone.trigger()
    assert again.people.chosen() is None and len(again.visits) == len(week_of(workspace, MONDAY))
    assert make_area().people.chosen() is None


def test_care_layer_shows_birthdays(make_area, workspace, qtbot):
    area = make_area()
    assert area.care_button.isChecked()  # the Care layer is on until switched off
    expected = workspace.visits.care_days(MONDAY, MONDAY + dt.timedelta(days=7))
    assert expected, "the demo week has birthdays"
    shown = [c for day in area.grid.days for c in area.grid.care.get(day, []) if isinstance(c, CareDay)]
    assert sorted(c.contact_id for c in shown) == sorted(c.contact_id for c in expected)
    header = area.grid.header
    area.care_button.click()
    assert area.grid.care == {} and area.grid.header < header  # all-day markers above the hours, now gone
    area.care_button.click()
    day = expected[0].day
    assert any(expected[0].contact in text for text, _colour in area.grid.care_lines(day))
    area.set_view("month")
    assert area.month.care.get(day)
    area.care_button.click()
    assert not make_area().care_button.isChecked()  # remembered


def test_last_view_is_remembered(make_area, qtbot):
    area = make_area()
    area.set_view("month")
    again = make_area()
    assert again.view == "month" and again.stack.currentWidget() is again.month
    assert again.view_buttons["month"].isChecked()


def test_a_crowded_period_shows_visits_per_hour_and_the_agenda_its_first_ones(make_area, workspace, qtbot,
                                                                              monkeypatch):
    monkeypatch.setattr(area_module, "GRID_LIMIT", 40)  # the 100,000-customer demo has 56,000 visits a week
    area = make_area()
    expected = week_of(workspace, MONDAY)
    assert area.visits == [] and area.total == len(expected) > 40
    assert sum(n for hours in area.grid.crowded.values() for n in hours.values()) == len(expected)
    busiest = max(expected, key=lambda v: sum(1 for w in expected if w.start.date() == v.start.date()
                                              and w.start.hour == v.start.hour))
    assert area.grid.crowded[busiest.start.date()][busiest.start.hour] == sum(
        1 for v in expected if v.start.date() == busiest.start.date() and v.start.hour == busiest.start.hour)
    assert area.empty.isVisible() and "too many to show one by one" in area.empty.text()
    assert not area.grid.grab().isNull()
    area.set_view("agenda")
    assert [v.id for v in area.visits] == [v.id for v in expected[:40]]
    assert area.empty.text().startswith("Showing the first 40 of")
    area.people.person_actions[workspace.team.salespeople()[0].id].trigger()
    if area.total <= 40:
        assert not area.empty.isVisible() and len(area.visits) == area.total


def test_empty_period_says_so(make_area, qtbot):
    area = make_area()
    area.go_to(dt.date(2028, 6, 14))
    assert area.visits == [] and area.empty.isVisible()
    assert area.empty.text().startswith("No visits this week")
    area.set_view("day")
    assert area.empty.text().startswith("No visits this day")
    area.go_today()
    assert not area.empty.isVisible()


def test_print_button_hands_over_the_day_and_the_filter(make_area, workspace, monkeypatch, qtbot):
    calls = install_fake_printing(monkeypatch)
    area = make_area()
    person = workspace.team.salespeople()[0]
    area.people.person_actions[person.id].trigger()
    area.go(1)
    area.print_button.click()
    assert calls == [{"parent": area, "workspace": workspace, "day": MONDAY + dt.timedelta(days=7),
                      "salespeople": [person.id]}]


def test_the_real_print_dialog_opens_without_blocking(make_area, qtbot):
    area = make_area()
    area.print_button.click()  # returns at once: the dialog is open, not run in a loop of its own
    (dialog,) = [d for d in area.findChildren(QDialog) if d.isVisible()]
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
