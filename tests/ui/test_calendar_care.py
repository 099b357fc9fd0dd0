"""The calendar's Care layer (the holidays the team observes, with contacts' birthdays), the Due panel's coming
holidays and File › Care settings…: real windows on copies of the demo database, on fixed dates (中秋 2027 falls on
Wednesday 15 September, 教师节 on Friday 10 September)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from keepclient.domain import holidays as holiday_rules
from keepclient.domain.holidays import Holiday
from keepclient.i18n import translator
from keepclient.services.changes import Change, Topic
from keepclient.services.workspace import Workspace
from keepclient.ui.calendar.area import CalendarArea
from keepclient.ui.calendar.care_layer import HOLIDAY_COLOR
from keepclient.ui.calendar.care_settings_dialog import CareSettingsDialog
from keepclient.ui.calendar.due_panel import DuePanel
from tests.conftest import DEMO_TODAY

D = dt.date
MID_AUTUMN = D(2027, 9, 15)  # a Wednesday
TEACHERS_DAY = D(2027, 9, 10)  # the Friday before
WEEK = (D(2027, 9, 13), D(2027, 9, 20))

pytestmark = pytest.mark.usefixtures("british_locale")  # weeks start on Monday


def holidays_shown(area: CalendarArea) -> dict[dt.date, list[str]]:
    return {day: [m.key for m in marks if isinstance(m, Holiday)] for day, marks in area.care.items()
            if any(isinstance(m, Holiday) for m in marks)}


def week_of_mid_autumn(make_area) -> CalendarArea:
    area = make_area()
    area.set_view("week")
    area.go_to(MID_AUTUMN)
    assert area.range == WEEK
    return area


def holiday_pixels(area: CalendarArea, day: dt.date) -> int:
    """How many pixels of the day's column header are painted in the holiday colour."""
    grid = area.grid
    image = grid.viewport().grab().toImage()
    left = int(grid.gutter + grid.days.index(day) * grid.column_width())
    colours = Counter(image.pixelColor(x, y).name() for x in range(left, int(left + grid.column_width()), 2)
                      for y in range(0, grid.header, 2))
    return colours[HOLIDAY_COLOR.name()]


def test_mid_autumn_is_on_its_day_in_the_week_named_in_english_and_chinese(make_area, qtbot):
    area = week_of_mid_autumn(make_area)
    assert holidays_shown(area) == {MID_AUTUMN: ["mid_autumn"]}
    assert area.grid.care_lines(MID_AUTUMN)[0] == ("Mid-Autumn Festival", HOLIDAY_COLOR)
    assert holiday_pixels(area, MID_AUTUMN) > 20 and holiday_pixels(area, D(2027, 9, 14)) == 0
    zh = translator("zh_CN")
    assert zh is not None, "the Chinese translation is built"
    QCoreApplication.installTranslator(zh)
    try:
        area.refresh()
        assert area.grid.care_lines(MID_AUTUMN)[0][0] == "中秋节"
        area.set_view("month")
        assert "中秋节" in area.month.care_text(MID_AUTUMN)
    finally:
        QCoreApplication.removeTranslator(zh)
    area.refresh()
    assert area.month.care_text(MID_AUTUMN).startswith("Mid-Autumn Festival")
    area.set_view("day")
    assert holidays_shown(area) == {MID_AUTUMN: ["mid_autumn"]}
    area.set_view("agenda")
    assert area.care_line.isVisible() and "Mid-Autumn Festival" in area.care_line.text()
    assert "中秋" in area.care_line.toolTip()
    area.go(-1)  # the week before: 教师节 on Friday
    assert holidays_shown(area) == {TEACHERS_DAY: ["teachers_day"]}


def test_holidays_the_team_does_not_observe_are_not_shown(make_area, workspace, qtbot):
    area = week_of_mid_autumn(make_area)
    workspace.care.set_observed_holidays([k for k in holiday_rules.KEYS if k != "mid_autumn"])
    workspace.changes.announce(Change.of(Topic.CARE))  # as File › Care settings… does
    assert holidays_shown(area) == {}
    assert holiday_pixels(area, MID_AUTUMN) == 0
    area.set_view("month")
    assert "Mid-Autumn" not in area.month.care_text(MID_AUTUMN)
    assert holidays_shown(area)[TEACHERS_DAY] == ["teachers_day"]  # the others still are
    assert workspace.care.days(D(2027, 9, 1), D(2027, 10, 1)) == [
        Holiday(TEACHERS_DAY, "teachers_day", "教师节", "Teachers' Day")]


def test_the_care_button_hides_and_shows_the_layer_and_is_remembered(make_area, qtbot):
    area = week_of_mid_autumn(make_area)
    assert area.care_button.isChecked()
    area.care_button.click()
    assert area.care == {} and area.grid.care_lines(MID_AUTUMN) == []
    area.set_view("agenda")
    assert not area.care_line.isVisible()
    again = week_of_mid_autumn(make_area)
    assert not again.care_button.isChecked() and again.care == {}  # remembered
    again.care_button.click()
    assert holidays_shown(again) == {MID_AUTUMN: ["mid_autumn"]}
    assert week_of_mid_autumn(make_area).care_button.isChecked()


def test_the_due_panel_lists_the_holidays_of_the_next_two_weeks(qtbot, workspace, prefs):
    panel = DuePanel(prefs=prefs, today=lambda: TEACHERS_DAY)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    panel.show_workspace(workspace)
    assert panel.holiday_texts() == ["Teachers' Day today (Fri 10/09/2027) — make a care list",
                                     "Mid-Autumn Festival in 5 day(s) (Wed 15/09/2027) — make a care list"]
    assert panel.section_item("holidays").text(0) == "Coming holidays (2)"  # 国庆 is 21 days away
    assert panel.customer_ids("holidays") == []  # no customer: Plan and Log stay off
    row = panel.section_item("holidays").child(1)
    assert "中秋" in row.toolTip(0)
    requested: list[tuple[str, int]] = []
    panel.care_list_requested.connect(lambda key, year: requested.append((key, year)))
    panel._double_clicked(row, 0)
    assert requested == [("mid_autumn", 2027)]
    workspace.care.set_observed_holidays(["mid_autumn"])
    panel.refresh()
    assert panel.holiday_texts() == ["Mid-Autumn Festival in 5 day(s) (Wed 15/09/2027) — make a care list"]
    workspace.care.set_observed_holidays([])
    panel.refresh()
    assert panel.section_item("holidays") is None  # nothing coming: no empty section
    assert panel.section_item("birthdays") is not None


def test_the_due_panel_on_the_demo_today_keeps_its_birthdays(qtbot, workspace, prefs):
    panel = DuePanel(prefs=prefs, today=lambda: DEMO_TODAY)  # 23 November 2026: no holiday before 7 December
    qtbot.addWidget(panel)
    panel.show()
    panel.show_workspace(workspace)
    assert panel.section_item("holidays") is None and panel.customer_ids("birthdays")


# -- File › Care settings… ----------------------------------------------------------------------------------------
def open_settings(window) -> CareSettingsDialog:
    window.care_settings_action.trigger()
    dialog = window.care_settings_dialog
    assert isinstance(dialog, CareSettingsDialog) and dialog.isVisible()
    return dialog


def calendar_on_mid_autumn(window, qtbot) -> CalendarArea:
    window.tabs.setCurrentWidget(window.calendar_tab)
    area = window.calendar
    area.today = TEACHERS_DAY
    area.set_view("week")
    area.go_to(MID_AUTUMN)
    area.due.refresh()
    return area


def test_care_settings_save_observed_holidays_and_region_and_the_views_follow(window, demo_db, qtbot):
    area = calendar_on_mid_autumn(window, qtbot)
    assert holidays_shown(area) == {MID_AUTUMN: ["mid_autumn"]}
    assert len(area.due.holiday_texts()) == 2
    dialog = open_settings(window)
    assert all(box.isChecked() for box in dialog.boxes.values()) and dialog.china.isChecked()
    assert "Mid-Autumn Festival (中秋)" in dialog.boxes["mid_autumn"].text()
    festivals = {b.key for b in holiday_rules.KINDS if b.solar is None}
    assert {"spring_festival", "mid_autumn", "new_years_eve", "laba"} <= festivals
    assert "national_day" not in festivals
    dialog.boxes["mid_autumn"].setChecked(False)
    dialog.boxes["teachers_day"].setChecked(False)
    dialog.other.setChecked(True)
    colleague = Workspace.open(demo_db, user="colleague")  # switches Christmas off meanwhile
    colleague.care.set_observed_holidays([k for k in holiday_rules.KEYS if k != "christmas"])
    colleague.close()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    saved = window.workspace.care.settings()
    assert saved.region == "ZZ"
    assert set(holiday_rules.KEYS) - set(saved.observed) == {"mid_autumn", "teachers_day", "christmas"}  # theirs kept
    assert holidays_shown(area) == {}  # the calendar and the Due panel followed
    assert area.due.section_item("holidays") is None
    dialog = open_settings(window)
    assert dialog.other.isChecked() and not dialog.boxes["mid_autumn"].isChecked()
    dialog.china.setChecked(True)
    dialog.boxes["mid_autumn"].setChecked(True)
    dialog.submit()
    assert window.workspace.care.settings().region == "CN"
    assert holidays_shown(area) == {MID_AUTUMN: ["mid_autumn"]}
    assert area.due.holiday_texts() == ["Mid-Autumn Festival in 5 day(s) (Wed 15/09/2027) — make a care list"]


def test_care_settings_observe_all_and_cancel(window, qtbot):
    window.workspace.care.set_observed_holidays(["spring_festival"])
    dialog = open_settings(window)
    assert dialog.observed() == ["spring_festival"]
    dialog.all_button.click()
    assert dialog.observed() == list(holiday_rules.KEYS)
    dialog.reject()
    assert window.workspace.care.observed_holidays() == ["spring_festival"]  # Cancel saves nothing


def test_care_settings_on_a_read_only_database_are_shown_not_changed(make_window, demo_db, qtbot, monkeypatch):
    from keepclient.db import connection

    ws = Workspace.open(demo_db, user="tester")
    ws.care.set_observed_holidays(["mid_autumn", "spring_festival"])
    ws.close()
    monkeypatch.setattr(connection, "is_read_only", lambda _path: True)
    window, _ = make_window()
    assert window.open_workspace(demo_db, offer_demo=False)
    dialog = open_settings(window)
    assert dialog.observed() == ["spring_festival", "mid_autumn"]
    assert not any(box.isEnabled() for box in dialog.boxes.values()) and not dialog.other.isEnabled()
    assert dialog.all_button is None and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    assert "read-only" in dialog.message.text()
    dialog.submit()  # nothing to save with
    assert window.workspace.care.observed_holidays() == ["spring_festival", "mid_autumn"]
    area = calendar_on_mid_autumn(window, qtbot)  # the layer still shows what the team observes
    assert holidays_shown(area) == {MID_AUTUMN: ["mid_autumn"]}
