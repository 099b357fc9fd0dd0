"""Printed schedules written as real PDFs and read back: text (Chinese included), pages, page sizes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTranslator
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from keepclient.domain.errors import StorageError
from keepclient.domain.types import SalespersonInfo
from keepclient.printing import (
    ensure_gui_app,
    group_by_salesperson,
    page_layout,
    period,
    render_schedule,
    write_schedule_pdf,
)
from tests.printing.samples import entry, team, week_entries

MONDAY = dt.date(2026, 11, 23)
PRINTED_AT = dt.datetime(2026, 11, 22, 17, 45)
A4 = (595, 842)
LETTER = (612, 792)


def printed_text() -> str:
    moment = QDateTime(QDate(2026, 11, 22), QTime(17, 45))
    return f"Printed {QLocale().toString(moment, QLocale.FormatType.ShortFormat)}"


def day_header(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


def size(page) -> tuple[int, int]:
    return round(page.width), round(page.height)


# ---- week schedule --------------------------------------------------------------------------------------------------


def test_week_schedule_prints_one_salesperson_per_page_with_everything_about_each_visit(tmp_path: Path, pdf) -> None:
    people = team(3)
    wang, li, _zhang = people
    visits = [
        entry(wang, dt.datetime(2026, 11, 23, 9, 30), 1, purpose="介绍新产品"),
        entry(wang, dt.datetime(2026, 11, 25, 14, 0), 2, kind="call", status="done", purpose="确认订单"),
        entry(li, dt.datetime(2026, 11, 24, 10, 0), 3, minutes=90, purpose="年度回访"),
    ]
    pages = write_schedule_pdf(tmp_path / "week.pdf", "week", visits, people, MONDAY, printed_at=PRINTED_AT)

    read = pdf(tmp_path / "week.pdf")
    assert pages == len(read) == 2  # the salesperson without visits was not asked for by name: no page
    first, second = read
    assert first.has(wang.name, "Week schedule", visits[0].customer, visits[0].address, visits[0].contact,
                     visits[0].phone, "介绍新产品", "09:30–10:30", visits[1].customer, "14:00–15:00", "Call", "Done",
                     printed_text(), "Page 1 of 1")
    assert not first.has(li.name) and not first.has(visits[2].customer)
    assert second.has(li.name, visits[2].customer, visits[2].address, "年度回访", "10:00–11:30", printed_text())
    assert not second.has(visits[0].customer)
    for page in read:
        assert page.has(day_header(MONDAY), day_header(MONDAY + dt.timedelta(days=6)), "08:00", "17:00")
        assert size(page) == A4[::-1]  # landscape by default


def test_salespeople_asked_for_get_their_page_even_without_visits(tmp_path: Path, pdf) -> None:
    people = team(3)
    visits = [entry(people[0], dt.datetime(2026, 11, 23, 9, 0), 1)]
    pages = write_schedule_pdf(tmp_path / "week.pdf", "week", visits, people, MONDAY, only_busy=False)

    read = pdf(tmp_path / "week.pdf")
    assert pages == len(read) == 3
    assert [page.has(person.name) for page, person in zip(read, people, strict=True)] == [True, True, True]
    assert read[2].has("Visits: 0") and not read[2].has(visits[0].customer)


def test_cancelled_and_missed_visits_are_marked(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, 0), 1, status="cancelled"),
              entry(person, dt.datetime(2026, 11, 24, 11, 0), 2, status="missed", kind="message")]
    write_schedule_pdf(tmp_path / "week.pdf", "week", visits, [person], MONDAY)

    page = pdf(tmp_path / "week.pdf")[0]
    assert page.has("09:00–10:00 · Cancelled", "11:00–12:00 · Message · Missed")
    assert page.has(visits[0].customer, visits[1].customer)


def test_long_text_is_wrapped_and_cut_with_an_ellipsis(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    purpose = "开始" + "讨论合作细节并确认交货时间" * 20 + "结尾标记"
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, 0), 1, purpose=purpose)]
    write_schedule_pdf(tmp_path / "week.pdf", "week", visits, [person], MONDAY)
    write_schedule_pdf(tmp_path / "day.pdf", "day", visits, [person], dt.date(2026, 11, 24))

    for name, lines in (("week.pdf", 3), ("day.pdf", 4)):
        (page,) = pdf(tmp_path / name)
        start = page.text.index("开始")
        shown = page.text[start:page.text.index("…", start) + 1]
        assert shown.count("\n") == lines - 1  # wrapped, at most `lines` lines, the last one cut
        assert "结尾标记" not in page.text and page.has(visits[0].customer)


def test_week_with_an_overfull_hour_continues_on_more_pages_with_the_day_header(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    tuesday = MONDAY + dt.timedelta(days=1)
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, minute), minute) for minute in range(30)]
    pages = write_schedule_pdf(tmp_path / "week.pdf", "week", visits, [person], MONDAY)

    read = pdf(tmp_path / "week.pdf")
    assert pages == len(read) >= 3
    for number, page in enumerate(read, start=1):
        assert page.has(person.name, day_header(tuesday), f"Page {number} of {pages}", f"{number}/{pages}")
    with_visits = [page for page in read if any(page.has(visit.customer) for visit in visits)]
    assert len(with_visits) >= 2 and all(page.has("09:00") for page in with_visits)  # the hour label goes along
    found = [visit.customer for visit in visits if any(page.has(visit.customer) for page in read)]
    assert found == [visit.customer for visit in visits]  # nothing lost at the page breaks
    assert read[-1].has("17:00") and not read[0].has("17:00")  # later hours follow the cut, in order


def test_thirty_salespeople_week_schedule_is_quick(tmp_path: Path, pdf) -> None:
    people = team(30)
    visits = week_entries(people, MONDAY, 25)
    started = time.perf_counter()
    pages = write_schedule_pdf(tmp_path / "team.pdf", "week", visits, people, MONDAY)
    elapsed = time.perf_counter() - started

    read = pdf(tmp_path / "team.pdf")
    assert pages == len(read) == 30
    assert [page.has(person.name) for page, person in zip(read, people, strict=True)] == [True] * 30
    assert elapsed < 5.0


def test_visits_outside_the_week_and_other_salespeople_are_left_out(tmp_path: Path, pdf) -> None:
    wang, li = team(2)
    visits = [entry(wang, dt.datetime(2026, 11, 22, 9, 0), 1), entry(wang, dt.datetime(2026, 11, 30, 9, 0), 2),
              entry(wang, dt.datetime(2026, 11, 29, 23, 0), 3), entry(li, dt.datetime(2026, 11, 24, 9, 0), 4)]
    write_schedule_pdf(tmp_path / "week.pdf", "week", visits, [wang], MONDAY)

    (page,) = pdf(tmp_path / "week.pdf")
    assert page.has(visits[2].customer, "23:00")
    assert not any(page.has(visit.customer) for visit in (visits[0], visits[1], visits[3]))


def test_without_a_list_everyone_with_visits_prints_by_name_and_unassigned_last(tmp_path: Path, pdf) -> None:
    wang, li = team(2)
    nobody = SalespersonInfo(0, "", "", "")
    visits = [entry(wang, dt.datetime(2026, 11, 24, 9, 0), 1), entry(nobody, dt.datetime(2026, 11, 24, 9, 0), 2),
              entry(li, dt.datetime(2026, 11, 24, 10, 0), 3)]
    visits[1] = visits[1]._replace(salesperson_id=None)
    groups = group_by_salesperson(visits, None)
    assert [person.name for person, _ in groups] == [*sorted([wang.name, li.name]), "Unassigned"]

    write_schedule_pdf(tmp_path / "week.pdf", "week", visits, None, MONDAY)
    read = pdf(tmp_path / "week.pdf")
    assert len(read) == 3 and read[2].has("Unassigned", visits[1].customer)

    # the command line names the whole team: unassigned visits still come last, people not named are left out
    assert [person.name for person, _ in group_by_salesperson(visits, [li])] == [li.name, "Unassigned"]


def test_nothing_to_print_still_gives_one_page_saying_so(tmp_path: Path, pdf) -> None:
    pages = write_schedule_pdf(tmp_path / "empty.pdf", "week", [], team(2), MONDAY, printed_at=PRINTED_AT)

    (page,) = pdf(tmp_path / "empty.pdf")
    assert pages == 1 and page.has("Week schedule", "No visits in this period.", printed_text())


# ---- day route sheet ------------------------------------------------------------------------------------------------


def test_long_day_route_sheet_repeats_its_header_on_every_page(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    visits = [entry(person, dt.datetime(2026, 11, 24, 8, 0) + dt.timedelta(minutes=25 * n), n,
                    last_note=f"上次第{n}号备注：客户要求报价") for n in range(24)]
    pages = write_schedule_pdf(tmp_path / "day.pdf", "day", list(reversed(visits)), [person],
                               dt.date(2026, 11, 24), printed_at=PRINTED_AT)

    read = pdf(tmp_path / "day.pdf")
    assert pages == len(read) >= 3
    long_day = QLocale().toString(QDate(2026, 11, 24), QLocale.FormatType.LongFormat)
    for number, page in enumerate(read, start=1):
        assert page.has(person.name, "Day route sheet", long_day, "Time", "Customer / contact", "Address",
                        "Purpose / last visit", "Notes", printed_text(), f"Page {number} of {pages}")
        assert size(page) == A4  # portrait by default
    order = []
    for page in read:
        order += sorted((page.flat.index(visit.customer), visit.visit_id) for visit in visits
                        if page.has(visit.customer))
    assert [visit_id for _position, visit_id in order] == [visit.visit_id for visit in visits]  # in time order
    assert read[0].has(visits[0].phone, visits[0].address, "Last visit: 上次第0号备注：客户要求报价")


def test_route_sheet_of_an_empty_day_asked_for_has_room_to_write(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    write_schedule_pdf(tmp_path / "day.pdf", "day", [], [person], dt.date(2026, 11, 24), only_busy=False)

    (page,) = pdf(tmp_path / "day.pdf")
    assert page.has(person.name, "No visits in this period.", "Notes")


# ---- month overview -------------------------------------------------------------------------------------------------


def test_month_overview_lists_each_days_visits_per_salesperson(tmp_path: Path, pdf) -> None:
    wang, li = team(2)
    visits = [entry(wang, dt.datetime(2026, 11, 2, 9, 0), 1), entry(wang, dt.datetime(2026, 11, 30, 15, 0), 2,
                                                                     kind="call"),
              entry(wang, dt.datetime(2026, 12, 1, 9, 0), 3), entry(li, dt.datetime(2026, 11, 18, 10, 30), 4)]
    pages = write_schedule_pdf(tmp_path / "month.pdf", "month", visits, [wang, li], dt.date(2026, 11, 17))

    read = pdf(tmp_path / "month.pdf")
    assert pages == len(read) == 2
    title = QLocale().toString(QDate(2026, 11, 1), "MMMM yyyy")
    assert read[0].has(wang.name, "Month overview", title, f"09:00{visits[0].customer}",
                       f"15:00{visits[1].customer}(Call)", "Visits: 2")
    assert not read[0].has(visits[2].customer)  # December
    assert read[1].has(li.name, f"10:30{visits[3].customer}") and not read[1].has(visits[0].customer)
    assert size(read[0]) == A4[::-1]


# ---- paper, orientation, devices ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "landscape", "expected"), [
    ("a4", False, A4), ("a4", True, A4[::-1]), ("letter", False, LETTER), ("letter", True, LETTER[::-1]),
])
def test_paper_and_orientation(tmp_path: Path, pdf, paper: str, landscape: bool, expected: tuple[int, int]) -> None:
    person = team(1)[0]
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, 0), 1)]
    write_schedule_pdf(tmp_path / "out.pdf", "day", visits, [person], dt.date(2026, 11, 24), paper=paper,
                       landscape=landscape)

    (page,) = pdf(tmp_path / "out.pdf")
    assert size(page) == expected and page.has(visits[0].customer)


def test_renders_onto_a_printer_as_print_preview_does(tmp_path: Path, pdf) -> None:
    people = team(2)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout("letter", landscape=True))

    pages = render_schedule(printer, "week", week_entries(people, MONDAY, 6), people, MONDAY)

    read = pdf(tmp_path / "printer.pdf")
    assert pages == len(read) == 2 and size(read[0]) == LETTER[::-1]
    assert read[1].has(people[1].name)


def test_bad_paths_kinds_and_papers_are_errors_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        write_schedule_pdf(tmp_path / "missing-folder" / "out.pdf", "week", [], team(1), MONDAY)
    with pytest.raises(ValueError, match="year"):
        write_schedule_pdf(tmp_path / "out.pdf", "year", [], team(1), MONDAY)
    with pytest.raises(ValueError, match="a3"):
        write_schedule_pdf(tmp_path / "out.pdf", "week", [], team(1), MONDAY, paper="a3")
    assert not (tmp_path / "out.pdf").exists()


def test_page_layout_is_a4_landscape_with_margins_unless_told() -> None:
    layout = page_layout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert page_layout("LETTER", landscape=False).pageSize().id() == QPageSize.PageSizeId.Letter
    assert layout.margins().left() == 10


def test_periods() -> None:
    wednesday = dt.date(2026, 11, 25)
    assert period("week", wednesday, 1) == (MONDAY, MONDAY + dt.timedelta(days=7))
    assert period("week", wednesday, 7) == (dt.date(2026, 11, 22), dt.date(2026, 11, 29))
    assert period("week", dt.date(2026, 11, 22), 1) == (dt.date(2026, 11, 16), MONDAY)
    assert period("day", wednesday) == (wednesday, dt.date(2026, 11, 26))
    assert period("month", dt.date(2026, 12, 31)) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert period("month", dt.date(2028, 2, 29)) == (dt.date(2028, 2, 1), dt.date(2028, 3, 1))


def test_ensure_gui_app_reuses_the_running_application(qapp) -> None:
    assert ensure_gui_app() is qapp


def test_prints_from_a_shell_without_a_display(tmp_path: Path) -> None:
    """What the CLI does: no window, no DISPLAY, no platform chosen; ensure_gui_app goes offscreen by itself."""
    script = (
        "import datetime as dt, sys\n"
        "from keepclient.printing import ensure_gui_app, write_schedule_pdf\n"
        "from tests.printing.samples import team, week_entries\n"
        "ensure_gui_app()\n"
        "people = team(2)\n"
        "print(write_schedule_pdf(sys.argv[1], 'week', week_entries(people, dt.date(2026, 11, 23), 5), people,"
        " dt.date(2026, 11, 23)))\n"
    )
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cli.pdf")], env=env, capture_output=True,
                          text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2" and (tmp_path / "cli.pdf").stat().st_size > 1000


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN"><context><name>printing</name>
<message><source>Week schedule</source><translation>周计划</translation></message>
<message><source>Page {page} of {pages}</source><translation>第 {page} 页，共 {pages} 页</translation></message>
</context><context><name>labels</name>
<message><source>Call</source><translation>电话</translation></message>
<message><source>Done</source><translation>已完成</translation></message>
</context></TS>
"""


def test_words_print_in_the_installed_language(tmp_path: Path, pdf, qapp) -> None:
    """The CLI and the window install their translator in the application; printing uses the "printing" context
    (and "labels" for stored values, as the window does)."""
    (tmp_path / "zh.ts").write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(tmp_path / "zh.ts"), "-qm", str(tmp_path / "zh.qm")], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh.qm"))
    person = team(1)[0]
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, 0), 1, kind="call", status="done")]
    qapp.installTranslator(translator)
    try:
        write_schedule_pdf(tmp_path / "zh.pdf", "week", visits, [person], MONDAY)
    finally:
        qapp.removeTranslator(translator)

    (page,) = pdf(tmp_path / "zh.pdf")
    assert page.has("周计划", "第 1 页，共 1 页", "09:00–10:00 · 电话 · 已完成")
    assert not page.has("Week schedule")


def test_the_command_line_names_the_language_for_dates_and_words(tmp_path: Path, pdf) -> None:
    person = team(1)[0]
    visits = [entry(person, dt.datetime(2026, 11, 24, 9, 0), 1)]
    before = QLocale().name()

    write_schedule_pdf(tmp_path / "zh.pdf", "day", visits, [person], dt.date(2026, 11, 24), language="zh_CN")
    write_schedule_pdf(tmp_path / "en.pdf", "day", visits, [person], dt.date(2026, 11, 24), language="en")

    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(QDate(2026, 11, 24),
                                                                                 QLocale.FormatType.LongFormat)
    assert "2026年11月24日" in chinese and pdf(tmp_path / "zh.pdf")[0].has(chinese, visits[0].customer)
    assert pdf(tmp_path / "en.pdf")[0].has("Tuesday", "November", "Day route sheet")
    assert QLocale().name() == before  # the application's own language is left as it was
