"""The feedback report written as real PDFs and read back: owners, Chinese names, overdue flags, monthly medians,
pages, repeated headers, paper sizes, translated words."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTranslator

from keepclient.domain.errors import StorageError
from keepclient.domain.types import FeedbackReport, MonthlyFeedbackRow, OpenFeedbackRow
from keepclient.printing.feedback_report import render_feedback_report, write_feedback_report_pdf
from keepclient.printing.schedules import page_layout

START = dt.date(2026, 5, 24)
END = dt.date(2026, 11, 23)
MADE_AT = dt.datetime(2026, 11, 23, 10, 0)
PRINTED_AT = dt.datetime(2026, 11, 23, 17, 45)
A4 = (595, 842)
LETTER = (612, 792)
CATEGORIES = ("product", "price", "service", "delivery", "trust", "other")
SEVERITIES = ("low", "normal", "high", "urgent")
STATUSES = ("new", "in_progress", "resolved", "replied")
HEADER = ("No.", "Customer", "Received", "Category", "Severity", "Status")


def item(owner: str, number: int, *, overdue: bool = False, category: str = "price", severity: str = "normal",
         status: str = "new", customer: str | None = None) -> OpenFeedbackRow:
    received = dt.datetime(2026, 10, 1, 9, 30) + dt.timedelta(hours=7 * number)
    return OpenFeedbackRow(owner, number, customer or f"上海华信{number}号贸易有限公司", received, category, severity,
                           status, (MADE_AT - received).total_seconds() / 86400, overdue)


def sample_report(open_items: list[OpenFeedbackRow] | None = None,
                  monthly: list[MonthlyFeedbackRow] | None = None) -> FeedbackReport:
    """Three owners (one unassigned), every category, severity and status; medians with and without values."""
    if open_items is None:
        open_items = [
            item("王芳", 101, overdue=True, category="delivery", severity="urgent", status="new",
                 customer="北京朝阳机械有限公司"),
            item("王芳", 102, category="product", severity="low", status="in_progress", customer="杭州西湖电子厂"),
            item("Alice Brown", 103, overdue=True, category="trust", severity="high", status="resolved",
                 customer="Müller GmbH"),
            item("", 104, category="other", severity="normal", status="replied", customer="成都武侯食品公司"),
        ]
    if monthly is None:
        monthly = [
            MonthlyFeedbackRow("2026-10", "price", 7, 5.2, 74.4),
            MonthlyFeedbackRow("2026-10", "delivery", 3, 30.0, None),
            MonthlyFeedbackRow("2026-11", "product", 12, 2.4, 50.4),
            MonthlyFeedbackRow("2026-11", "trust", 2, None, None),
        ]
    return FeedbackReport(START, END, MADE_AT, open_items, monthly)


def short(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def moment(value: dt.datetime) -> str:
    when = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def month(key: str) -> str:
    return QLocale().toString(QDate(int(key[:4]), int(key[5:]), 1), "MMMM yyyy")


def size(page) -> tuple[int, int]:
    return round(page.width), round(page.height)


def line_of(pages, needle: str) -> str:
    """The one extracted line (a table row) holding `needle`."""
    found = [line for page in pages for line in page.text.splitlines() if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def test_open_feedback_is_listed_by_owner_with_chinese_names_and_overdue_flags(tmp_path: Path, pdf) -> None:
    report = sample_report()
    pages = write_feedback_report_pdf(tmp_path / "report.pdf", report, printed_at=PRINTED_AT)

    read = pdf(tmp_path / "report.pdf")
    assert pages == len(read) == 2  # part 1 and part 2 each start on their own page
    first = read[0]
    title = f"Feedback report {short(START)} – {short(END)}"
    assert first.has("Open feedback by owner", title, f"Printed {moment(PRINTED_AT)}", "Page 1 of 1", "1/2",
                     f"Open on {moment(MADE_AT)}: 4 items, 2 overdue", *HEADER, "Age (days)", "Overdue")
    assert first.has("王芳: 2 open, 1 overdue", "Alice Brown: 1 open, 1 overdue", "Unassigned: 1 open, 0 overdue")
    text = first.text
    order = ["王芳:", "北京朝阳机械", "杭州西湖电子厂", "Alice Brown:", "Müller GmbH", "Unassigned:",
             "成都武侯食品公司"]
    positions = [text.index(needle) for needle in order]
    assert positions == sorted(positions)  # by owner as the service sorted them, unassigned last

    urgent = line_of(read, "北京朝阳机械有限公司")
    assert urgent.split() == ["101", "北京朝阳机械有限公司", *moment(report.open_items[0].received_at).split(),
                              "Delivery", "Urgent", "New", f"{report.open_items[0].age_days:.1f}", "OVERDUE"]
    assert line_of(read, "Müller GmbH").endswith("Resolved " + f"{report.open_items[2].age_days:.1f} OVERDUE")
    for quiet, words in (("杭州西湖电子厂", "Product Low In progress"),
                         ("成都武侯食品公司", "Other Normal Replied to")):
        assert words in line_of(read, quiet) and "OVERDUE" not in line_of(read, quiet)
    assert sum(page.text.count("OVERDUE") for page in read) == 2
    assert all(size(page) == A4 for page in read)  # portrait A4 by default


def test_monthly_counts_by_category_with_medians_and_totals(tmp_path: Path, pdf) -> None:
    write_feedback_report_pdf(tmp_path / "report.pdf", sample_report(), printed_at=PRINTED_AT)

    monthly = pdf(tmp_path / "report.pdf")[1]
    assert monthly.has("Monthly feedback by category", f"Feedback report {short(START)} – {short(END)}",
                       f"Received {short(START)} – {short(END)}: 24 items", "Page 1 of 1", "2/2",
                       "Month", "Product", "Price", "Service", "Delivery", "Trust", "Other", "Total")
    lines = monthly.text.splitlines()
    months = [line for line in lines if any(line.startswith(month(f"2026-{m:02d}")) for m in range(5, 12))]
    assert [line.split(" 0")[0] for line in months[:5]] == [month(f"2026-{m:02d}") for m in range(5, 10)]
    assert all(line.split()[2:] == ["0"] * 7 for line in months[:5])  # every month of the period, even empty ones
    flat = monthly.flat
    # October: price 7 (5.2 h, 74.4 h = 3.1 d), delivery 3 (30 h, not resolved yet), 10 in all
    assert "7Response5.2hResolution3.1d" in flat and "3Response30.0hResolution–" in flat
    assert "2Response–Resolution–" in flat and "12Response2.4hResolution2.1d" in flat
    october = monthly.text[monthly.text.index(month("2026-10")):monthly.text.index(month("2026-11"))]
    assert october.split()[-1] == "10"  # the month's total closes its row
    november = monthly.text[monthly.text.index(month("2026-11")):monthly.text.index("\nTotal")]
    assert november.split()[-1] == "14"
    assert line_of([monthly], "Total 12").split() == ["Total", "12", "7", "0", "3", "2", "0", "24"]


def test_long_report_continues_on_more_pages_under_the_repeated_header(tmp_path: Path, pdf) -> None:
    items = [item("李娜", number, overdue=number % 4 == 0, category=CATEGORIES[number % 6],
                  severity=SEVERITIES[number % 4], status=STATUSES[number % 4]) for number in range(1, 121)]
    items += [item("王芳", number) for number in range(121, 131)]
    pages = write_feedback_report_pdf(tmp_path / "long.pdf", sample_report(items), printed_at=PRINTED_AT)

    read = pdf(tmp_path / "long.pdf")
    part_one = read[:-1]
    assert pages == len(read) and len(part_one) >= 3
    for number, page in enumerate(part_one, start=1):
        assert page.has("Open feedback by owner", *HEADER, f"Page {number} of {len(part_one)}",
                        f"{number}/{pages}")
    assert read[0].has("李娜: 120 open, 30 overdue")
    assert read[1].has("李娜 (continued)") and not read[0].has("(continued)")
    ids = [int(line.split()[0]) for page in part_one for line in page.text.splitlines()
           if line.split()[:1] and line.split()[0].isdigit() and "号贸易有限公司" in line]
    assert ids == list(range(1, 131))  # every row once, in order, none lost at a page break
    assert sum(page.text.count("OVERDUE") for page in read) == 30
    assert read[-1].has("Monthly feedback by category", "Page 1 of 1", f"{pages}/{pages}")


@pytest.mark.parametrize(("paper", "landscape", "expected"), [
    ("a4", False, A4), ("letter", False, LETTER), ("letter", True, LETTER[::-1]), ("a4", True, A4[::-1]),
])
def test_paper_and_orientation(tmp_path: Path, pdf, paper: str, landscape: bool, expected) -> None:
    write_feedback_report_pdf(tmp_path / "r.pdf", sample_report(), paper=paper, landscape=landscape)

    read = pdf(tmp_path / "r.pdf")
    assert {size(page) for page in read} == {expected}
    assert read[0].has("北京朝阳机械有限公司", "OVERDUE") and read[1].has(month("2026-10"))


def test_a_longer_page_holds_more_rows(tmp_path: Path, pdf) -> None:
    items = [item("李娜", number) for number in range(1, 200)]
    rows_on_first_page = {}
    for name, paper, landscape in (("a4", "a4", False), ("letter", "letter", False), ("wide", "a4", True)):
        pages = write_feedback_report_pdf(tmp_path / f"{name}.pdf", sample_report(items), paper=paper,
                                          landscape=landscape)
        read = pdf(tmp_path / f"{name}.pdf")
        assert pages == len(read)
        rows_on_first_page[name] = sum(1 for line in read[0].text.splitlines() if "号贸易有限公司" in line)

    # Letter is 50 pt shorter than A4; landscape A4 is shorter still
    assert rows_on_first_page["a4"] > rows_on_first_page["letter"] > rows_on_first_page["wide"] > 10


def test_empty_report_says_so(tmp_path: Path, pdf) -> None:
    pages = write_feedback_report_pdf(tmp_path / "empty.pdf", sample_report([], []))

    read = pdf(tmp_path / "empty.pdf")
    assert pages == len(read) == 2
    assert read[0].has("Open feedback by owner", "No open feedback.") and not read[0].has("OVERDUE")
    assert read[1].has("Monthly feedback by category", "No feedback received in this period.")
    assert not read[1].has("Total")


def test_formula_like_and_long_customer_names_print_as_text(tmp_path: Path, pdf) -> None:
    long_name = "开始" + "华东区域销售与售后服务联合体" * 12 + "结尾"
    items = [item("王芳", 1, customer='=HYPERLINK("x")'), item("王芳", 2, customer=long_name)]
    write_feedback_report_pdf(tmp_path / "r.pdf", sample_report(items))

    page = pdf(tmp_path / "r.pdf")[0]
    assert page.has('=HYPERLINK("x")', "开始华东区域") and "结尾" not in page.text  # two lines at most, then "…"
    assert "…" in page.text


def test_unwritable_path_raises_storage_error_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        write_feedback_report_pdf(tmp_path / "missing" / "r.pdf", sample_report())
    assert "missing" in caught.value.message()
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old")
    write_feedback_report_pdf(target, sample_report())
    assert target.read_bytes().startswith(b"%PDF") and [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_render_on_a_printer_for_preview(tmp_path: Path, pdf) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout("letter", True))
    items = [item("李娜", number) for number in range(1, 80)]
    pages = render_feedback_report(printer, sample_report(items), printed_at=PRINTED_AT)

    read = pdf(tmp_path / "printer.pdf")
    assert pages == len(read) >= 3 and {size(page) for page in read} == {LETTER[::-1]}
    assert read[0].has(f"Printed {moment(PRINTED_AT)}", "李娜: 79 open, 0 overdue")


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN"><context><name>printing</name>
<message><source>Open feedback by owner</source><translation>按负责人列出的未结反馈</translation></message>
<message><source>OVERDUE</source><translation>已超期</translation></message>
</context><context><name>labels</name>
<message><source>Delivery</source><translation>交付</translation></message>
<message><source>Urgent</source><translation>紧急</translation></message>
<message><source>In progress</source><translation>处理中</translation></message>
</context><context><name>printing</name>
<message><source>{owner}: {count} open, {overdue} overdue</source>
<translation>{owner}：未结 {count} 条，超期 {overdue} 条</translation></message>
</context></TS>
"""


def test_words_print_in_the_installed_language(tmp_path: Path, pdf, qapp) -> None:
    (tmp_path / "zh.ts").write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(tmp_path / "zh.ts"), "-qm", str(tmp_path / "zh.qm")], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh.qm"))
    qapp.installTranslator(translator)
    try:
        write_feedback_report_pdf(tmp_path / "zh.pdf", sample_report())
    finally:
        qapp.removeTranslator(translator)

    page = pdf(tmp_path / "zh.pdf")[0]
    assert page.has("按负责人列出的未结反馈", "王芳：未结 2 条，超期 1 条", "已超期", "交付", "紧急", "处理中")
    assert "OVERDUE" not in page.text and "Open feedback by owner" not in page.text


def test_language_argument_sets_dates_for_the_run_only(tmp_path: Path, pdf) -> None:
    before = QLocale().name()
    write_feedback_report_pdf(tmp_path / "zh.pdf", sample_report(), language="zh_CN")

    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    title_dates = [chinese.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)
                   for d in (START, END)]
    assert pdf(tmp_path / "zh.pdf")[0].has(*title_dates, "北京朝阳机械有限公司")
    assert QLocale().name() == before
