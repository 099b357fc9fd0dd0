"""The detail pane and the lists at laptop size (issue 17, "Detail pane"): the timeline in a tab of its own shows at
least ten entries, satisfaction chips read "3/5 · Feb 7" with a tooltip that explains them, birthdays (lunar ones
too) are written in the user's locale, the lists start with sensible column widths and keep the user's, and the
import wizard's duplicates header is never cut.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeWidget

from keepclient.domain import lunar
from keepclient.domain.types import SatisfactionScore
from keepclient.ui.calendar.due_panel import PHONE as DUE_PHONE
from keepclient.ui.calendar.due_panel import TIER as DUE_TIER
from keepclient.ui.customers.detail_pane import BIRTHDAY_COLUMN, TIMELINE_TAB
from keepclient.ui.customers.list_view import HEADERS
from keepclient.ui.customers.satisfaction import SatisfactionRow
from keepclient.ui.feedback.log_view import FeedbackLog
from keepclient.ui.labels import birthday_label, day_text, lunar_date_words
from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from keepclient.ui.widgets.column_widths import SAMPLE_PHONE
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import ScriptedPrompter, default_locale

LAPTOPS = [(1366, 728), (1280, 680)]  # 1366×768 and 1280×720 screens less a taskbar
TIER, PHONE = HEADERS.index("Tier"), HEADERS.index("Phone")


def visible_rows(tree: QTreeWidget) -> int:
    """Timeline entries whose rows are whole in the height of the tree's viewport."""
    height = tree.viewport().height()
    rects = [tree.visualItemRect(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount())]
    return sum(1 for rect in rects if rect.isValid() and rect.top() >= 0 and rect.bottom() < height)


# -- the timeline -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", LAPTOPS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_timeline_has_a_tab_of_its_own_showing_ten_entries_at_laptop_size(open_window: WindowFactory,
                                                                              team_db, qtbot, size) -> None:
    db, ids, _people = team_db
    window, _ = open_window(db, size=size)
    ws = window.workspace
    for n in range(14):
        ws.visits.plan(ids["huaxin"], start=dt.datetime(2026, 10, 1, 9) + dt.timedelta(days=n), purpose=f"回访 {n}")
    window.customers.show_detail(ids["huaxin"])
    detail = window.customers.detail
    assert detail.sections.tabText(TIMELINE_TAB).startswith("Timeline (")
    detail.sections.setCurrentIndex(TIMELINE_TAB)
    qtbot.waitUntil(lambda: detail.timeline.isVisible())
    assert window.width() <= size[0]
    assert detail.timeline.topLevelItemCount() >= 14
    qtbot.wait(50)  # the tab's layout settles
    assert visible_rows(detail.timeline) >= 10, f"{visible_rows(detail.timeline)} rows at {size}, " \
        f"viewport {detail.timeline.viewport().size()}, window {window.size()}"
    # the When column shows its date and time whole
    first = detail.timeline.topLevelItem(0)
    assert detail.timeline.fontMetrics().horizontalAdvance(first.text(0)) < detail.timeline.columnWidth(0)


# -- satisfaction -------------------------------------------------------------------------------------------------
def test_a_chip_names_who_gave_the_score_and_about_which_visit(open_window: WindowFactory, team_db,
                                                               english_locale) -> None:
    db, ids, people = team_db
    window, _ = open_window(db)
    ws = window.workspace
    contact = ws.contacts.add(ids["huaxin"], name="陈经理", mobile="139 1111 2222")
    start = dt.datetime.combine(dt.date.today(), dt.time(10)) - dt.timedelta(days=1)
    (visit,) = ws.visits.plan(ids["huaxin"], start=start, kind="call", purpose="新品介绍", contact_id=contact,
                              salesperson_id=people["wang"])
    ws.visits.log_outcome(visit, version=1, status="done", notes="很满意", satisfaction=4)
    window.customers.show_detail(ids["huaxin"])
    (chip,) = window.customers.detail.satisfaction.badges
    assert chip.text() == f"4/5 · {day_text(start.date(), dt.date.today())}"
    tip = chip.toolTip()
    for words in ("Satisfaction 4 of 5", "Given by 陈经理, recorded by 王建国", "When: ", "About: Call · 新品介绍",
                  "Comment: 很满意"):
        assert words in tip


def test_six_chips_wrap_rather_than_widen_the_pane(qtbot, english_locale) -> None:
    row = SatisfactionRow()
    qtbot.addWidget(row)
    scores = [SatisfactionScore(dt.datetime(2026, 11, 20 - n, 10), 5 - n % 3, "visit", "") for n in range(6)]
    row.show_scores(scores, today=dt.date(2026, 11, 23))
    row.show()
    chips = sum(badge.sizeHint().width() for badge in row.badges)
    assert row.minimumSizeHint().width() < chips / 3
    assert row.heightForWidth(chips // 2) > row.heightForWidth(chips * 2)  # two lines when half as wide
    assert [badge.text() for badge in row.badges][-1] == "5/5 · Nov 20"


# -- birthdays ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "country", "gregorian", "no_year", "lunar_words"), [
    (QLocale.Language.English, QLocale.Country.UnitedStates, "May 12, 1980", "Mar 14", "lunar month 8, day 15"),
    (QLocale.Language.Chinese, QLocale.Country.China, "1980年5月12日", "3月14日", "农历八月十五"),
])
def test_birthdays_are_written_in_the_users_locale(open_window: WindowFactory, team_db, language, country,
                                                   gregorian, no_year, lunar_words) -> None:
    db, ids, _people = team_db
    window, _ = open_window(db)
    ws = window.workspace
    ws.contacts.add(ids["zeng"], name="曾伟", birthday_year=1980, birthday_month=5, birthday_day=12)
    ws.contacts.add(ids["zeng"], name="曾二", birthday_month=3, birthday_day=14)
    ws.contacts.add(ids["zeng"], name="曾三", birthday_month=8, birthday_day=15, birthday_lunar=lunar.LUNAR)
    with default_locale(language, country):
        window.customers.show_detail(ids["zeng"])
        contacts = window.customers.detail.contacts
        shown = {contacts.topLevelItem(i).text(0).lstrip("★ "): contacts.topLevelItem(i).text(BIRTHDAY_COLUMN)
                 for i in range(contacts.topLevelItemCount())}
        today = dt.date.today()
        this_year = [day_text(d, today) for d in lunar.birthday_in(today.year, 8, 15, lunar.LUNAR)]
    assert shown["曾伟"] == gregorian and shown["曾二"] == no_year
    assert shown["曾三"].startswith(lunar_words) and all(day in shown["曾三"] for day in this_year)
    assert "-" not in "".join(shown.values())  # no ISO date anywhere


def test_lunar_words_of_leap_months_and_late_days(english_locale) -> None:
    with default_locale(QLocale.Language.Chinese, QLocale.Country.China):
        assert lunar_date_words(4, 8, leap=True) == "农历闰四月初八"
        assert lunar_date_words(12, 23, year=1984) == "1984年农历腊月廿三"
        assert lunar_date_words(1, 30) == "农历正月三十"
        assert lunar_date_words(11, 20) == "农历冬月二十"
    assert lunar_date_words(4, 8, leap=True) == "leap lunar month 4, day 8"
    assert birthday_label(None, None, None) == ""
    assert birthday_label(None, 2, 29) == "Feb 29"  # a year-less 29 February is a date


# -- column widths --------------------------------------------------------------------------------------------------
def test_customer_list_starts_with_tier_narrow_and_phone_whole_and_keeps_the_users_widths(
        make_window: WindowFactory, open_window: WindowFactory, team_db, qtbot, english_locale) -> None:
    db, _ids, _people = team_db
    window, _ = open_window(db, size=LAPTOPS[0])
    header = window.customers.list.horizontalHeader()
    assert header.sectionSize(TIER) < 60
    phone_width = window.customers.list.fontMetrics().horizontalAdvance(SAMPLE_PHONE)
    assert header.sectionSize(PHONE) > phone_width
    assert header.sectionViewportPosition(PHONE) + header.sectionSize(PHONE) <= window.customers.list.viewport().width()

    header.resizeSection(TIER, 71)
    header.resizeSection(PHONE, 203)
    window.close()  # closing saves a change still waiting
    again, _ = open_window(db, size=LAPTOPS[0])
    header = again.customers.list.horizontalHeader()
    assert (header.sectionSize(TIER), header.sectionSize(PHONE)) == (71, 203)


def test_a_header_saved_before_the_defaults_gets_them_for_columns_never_sized(open_window: WindowFactory,
                                                                               team_db) -> None:
    db, _ids, _people = team_db
    window, _ = open_window(db, size=LAPTOPS[0])
    header = window.customers.list.horizontalHeader()
    header.resizeSection(TIER, header.defaultSectionSize())  # as every column was before there were defaults
    header.resizeSection(0, 250)
    window.close()
    header = open_window(db, size=LAPTOPS[0])[0].customers.list.horizontalHeader()
    assert header.sectionSize(TIER) < 60 and header.sectionSize(0) == 250


def test_feedback_log_widths_are_remembered(qtbot, prefs: Preferences, workspace, english_locale) -> None:
    def made() -> FeedbackLog:
        log = FeedbackLog(prefs, ScriptedPrompter(), runner=TaskRunner(inline=True))
        qtbot.addWidget(log)
        log.resize(1300, 700)
        log.show()
        log.show_workspace(workspace)
        return log

    log = made()
    header = log.table.horizontalHeader()
    received = log.table.model().index(0, 0).data()
    assert QFontMetrics(_bold(log.table.font())).horizontalAdvance(received) < header.sectionSize(0)
    header.resizeSection(2, 133)
    log.close()
    assert made().table.horizontalHeader().sectionSize(2) == 133


def test_agenda_and_due_list_widths_are_remembered(make_area, qtbot, english_locale) -> None:
    area = make_area()
    area.set_view("agenda")
    area.set_due_panel(True)
    agenda, due = area.agenda.horizontalHeader(), area.due.tree.header()
    assert due.sectionSize(DUE_TIER) < 60 and due.sectionSize(DUE_PHONE) > area.due.tree.fontMetrics() \
        .horizontalAdvance(SAMPLE_PHONE)
    time_text = area.agenda.model().index(0, 1).data()
    assert area.agenda.fontMetrics().horizontalAdvance(time_text) < agenda.sectionSize(1)
    agenda.resizeSection(3, 177)
    due.resizeSection(DUE_PHONE, 166)
    area.close()
    again = make_area()
    again.set_view("agenda")
    again.set_due_panel(True)
    assert again.agenda.horizontalHeader().sectionSize(3) == 177
    assert again.due.tree.header().sectionSize(DUE_PHONE) == 166


# -- the import wizard ----------------------------------------------------------------------------------------------
def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def assert_headers_whole(table: QTableView) -> None:
    """Every column but the stretching last one is wider than its header's text, even drawn bold."""
    header: QHeaderView = table.horizontalHeader()
    metrics = QFontMetrics(_bold(header.font()))
    for column in range(header.count() - 1):
        title = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert metrics.horizontalAdvance(title) <= header.sectionSize(column), title


def test_the_duplicates_header_is_never_cut(make_window: WindowFactory, tmp_path: Path, qtbot) -> None:
    window, _ = make_window(ScriptedPrompter(yes=True), size=LAPTOPS[1])
    window.open_workspace(tmp_path / "w.db", offer_demo=False, create=True)
    window.workspace.editor.create("Brown Foods", phone="+44 20 7946 0000")
    book = openpyxl.Workbook()
    book.active.append(["Company", "Phone"])
    book.active.append(["Brown Foods Limited", "0044 20 7946 0000"])
    book.save(tmp_path / "p.xlsx")
    window.spreadsheets.open_wizard(tmp_path / "p.xlsx")
    wizard = window.spreadsheets.wizard
    assert_headers_whole(wizard.check.duplicates)  # before any row is matched
    wizard.next()
    wizard.next()
    check = wizard.check
    assert check.tabs.tabText(2) == "Probable duplicates (1)"
    check.tabs.setCurrentIndex(2)
    assert_headers_whole(check.duplicates)
    assert isinstance(window, MainWindow)


@pytest.mark.parametrize("name", ["en_US", "en_GB", "de_DE", "es_ES", "fr_FR", "ja_JP", "ko_KR", "ru_RU", "zh_TW"])
def test_a_day_of_this_year_drops_the_year_and_the_weekday_in_any_locale(name: str) -> None:
    locale = QLocale(name)
    with default_locale(locale.language(), locale.territory()):
        this_year = day_text(dt.date(2026, 2, 7), dt.date(2026, 11, 23))
        older = day_text(dt.date(2025, 2, 7), dt.date(2026, 11, 23))
        weekday = QLocale().dayName(6, QLocale.FormatType.LongFormat)  # 7 February 2026 is a Saturday
    assert "7" in this_year and "2026" not in this_year and weekday not in this_year
    assert "2025" in older and weekday not in older
