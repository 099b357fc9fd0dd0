"""The feedback report on paper or as PDF: open feedback by owner (age, overdue flags), then monthly counts by
category with median response and resolution times.

Built on the schedules' layout (page frame, tables whose header row repeats on every page, page numbers, the print
date, CJK fonts) and QtGui only, so `keepclient feedback-report --pdf` needs no window. Owners get a heading band
across the table rather than a page each: a team's open items usually fit on a few pages, and a heading is kept
with its first row and repeated, marked "continued", when an owner's rows run onto the next page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLineF, QLocale, QTime
from PySide6.QtGui import QColor, QPagedPaintDevice, QPen

from keepclient.domain.enums import FeedbackCategory, FeedbackStatus, Severity
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import FeedbackReport, MonthlyFeedbackRow, OpenFeedbackRow
from keepclient.printing import strings as s
from keepclient.printing.documents import Sheet, qdate, short_date
from keepclient.printing.layout import (
    GRID,
    INK,
    MUTED,
    Block,
    Canvas,
    Cell,
    Document,
    Page,
    Row,
    Section,
    Units,
    column_widths,
)
from keepclient.printing.schedules import page_layout, paint_document, write_pdf

# The categories in the order the report shows them (the enum's); their names are the window's (domain/labels.py).
CATEGORIES: tuple[FeedbackCategory, ...] = tuple(FeedbackCategory)
REPORT_TITLE = QT_TRANSLATE_NOOP("printing", "Feedback report {first} – {last}")
OPEN_TITLE = QT_TRANSLATE_NOOP("printing", "Open feedback by owner")
OPEN_SUBTITLE = QT_TRANSLATE_NOOP("printing", "Open on {when}: {count} items, {overdue} overdue")
OWNER_HEADING = QT_TRANSLATE_NOOP("printing", "{owner}: {count} open, {overdue} overdue")
OWNER_CONTINUED = QT_TRANSLATE_NOOP("printing", "{owner} (continued)")
NO_OPEN = QT_TRANSLATE_NOOP("printing", "No open feedback.")
MONTHLY_TITLE = QT_TRANSLATE_NOOP("printing", "Monthly feedback by category")
MONTHLY_SUBTITLE = QT_TRANSLATE_NOOP(
    "printing", "Received {first} – {last}: {count} items. Each cell: items, median time to first response, "
                "median time to resolution.")
NO_MONTHLY = QT_TRANSLATE_NOOP("printing", "No feedback received in this period.")
NUMBER = QT_TRANSLATE_NOOP("printing", "No.")
CUSTOMER = QT_TRANSLATE_NOOP("printing", "Customer")
RECEIVED = QT_TRANSLATE_NOOP("printing", "Received")
CATEGORY = QT_TRANSLATE_NOOP("printing", "Category")
SEVERITY = QT_TRANSLATE_NOOP("printing", "Severity")
STATUS = QT_TRANSLATE_NOOP("printing", "Status")
AGE = QT_TRANSLATE_NOOP("printing", "Age (days)")
OVERDUE_HEADER = QT_TRANSLATE_NOOP("printing", "Overdue")
OVERDUE_FLAG = QT_TRANSLATE_NOOP("printing", "OVERDUE")
MONTH = QT_TRANSLATE_NOOP("printing", "Month")
TOTAL = QT_TRANSLATE_NOOP("printing", "Total")
RESPONSE = QT_TRANSLATE_NOOP("printing", "Response {value}")
RESOLUTION = QT_TRANSLATE_NOOP("printing", "Resolution {value}")
HOURS = QT_TRANSLATE_NOOP("printing", "{value} h")
DAYS = QT_TRANSLATE_NOOP("printing", "{value} d")
NONE_YET = "–"

BAND_FILL = QColor("#dfe6ef")
OVERDUE_ROW_FILL = QColor("#fdecec")
OVERDUE_FLAG_FILL = QColor("#c62828")
OVERDUE_INK = QColor("#b71c1c")
WHITE = QColor("#ffffff")
TOTAL_FILL = QColor("#f0f0f0")


def category_label(value: str) -> str:
    return s.value_label(FeedbackCategory, value)


def severity_label(value: str) -> str:
    return s.value_label(Severity, value)


def status_label(value: str) -> str:
    return s.value_label(FeedbackStatus, value)


def report_title(report: FeedbackReport) -> str:
    """"Feedback report 23/05/2026 – 23/11/2026": the period is part of every page's title."""
    return s.tr(REPORT_TITLE, first=short_date(report.start), last=short_date(report.end))


def _number(value: float) -> str:
    return QLocale().toString(float(value), "f", 1)


def _moment(value: dt.datetime) -> str:
    moment = QDateTime(qdate(value.date()), QTime(value.hour, value.minute))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def hours_text(hours: float | None) -> str:
    return NONE_YET if hours is None else s.tr(HOURS, value=_number(hours))


def days_text(hours: float | None) -> str:
    return NONE_YET if hours is None else s.tr(DAYS, value=_number(hours / 24.0))


class Band(Row):
    """A heading across the whole table (an owner's name): painted as one cell, without the column lines."""


class ReportDocument(Document):
    """A Document whose tables may hold Band rows: one wide cell, framed left and right only."""

    def add_grouped(self, section: Section, groups: list[tuple[Band, Band, list[Row]]]) -> None:
        """Paginate groups of rows under their heading: a heading never ends a page, and a group running onto the
        next page starts there under its "continued" heading (and the table's header row)."""
        header_height = section.header.height if section.header else 0.0
        room = self.body_height - header_height
        pages = [Page(section, [], 1)]
        used = 0.0
        filled = False  # whether the page holds an ordinary row (a page never holds only headings)

        def new_page() -> None:
            nonlocal used, filled
            pages.append(Page(section, [], len(pages) + 1))
            used, filled = 0.0, False

        for heading, continued, rows in groups:
            first = rows[0].height if rows else 0.0
            if filled and used + heading.height + first > room:
                new_page()
            pages[-1].rows.append(heading)
            used += heading.height
            for row in rows:
                if filled and used + row.height > room:
                    new_page()
                    pages[-1].rows.append(continued)
                    used += continued.height
                pages[-1].rows.append(row)
                used += row.height
                filled = True
        for page in pages:
            page.count = len(pages)
        self.pages.extend(pages)

    def _paint_table(self, canvas: Canvas, page: Page) -> None:
        if not any(isinstance(row, Band) for row in page.rows):
            super()._paint_table(canvas, page)
            return
        painter = canvas.painter
        columns = page.section.columns
        right = sum(columns)
        y = self.body_top
        lines = [QLineF(0, y, right, y)]
        segment = y  # where the current run of ordinary rows (with column lines) began

        def close_segment(bottom: float) -> None:
            if bottom > segment:
                x = 0.0
                for width in [0.0, *columns]:
                    x += width
                    lines.append(QLineF(x, segment, x, bottom))

        if page.section.header is not None:
            y = self._paint_row(canvas, page.section.header, columns, y, header=True)
            lines.append(QLineF(0, y, right, y))
        for row in page.rows:
            if isinstance(row, Band):
                close_segment(y)
                bottom = self._paint_row(canvas, row, [right], y)
                lines += [QLineF(0, y, 0, bottom), QLineF(right, y, right, bottom)]
                y = segment = bottom
            else:
                y = self._paint_row(canvas, row, columns, y)
            lines.append(QLineF(0, y, right, y))
        close_segment(y)
        painter.setPen(QPen(GRID, self.units.pt(0.5)))
        painter.drawLines(lines)
        canvas.changed()


# ---- part 1: open feedback by owner ----------------------------------------------------------------------------


def _groups(items: list[OpenFeedbackRow]) -> list[tuple[str, list[OpenFeedbackRow]]]:
    """Items by owner, owners in the order they first appear (the service sorts them), unassigned last."""
    found: dict[str, list[OpenFeedbackRow]] = {}
    for item in items:
        found.setdefault(item.owner or "", []).append(item)
    return sorted(found.items(), key=lambda pair: pair[0] == "")


def open_section(sheet: Sheet, report: FeedbackReport) -> tuple[Section, list[tuple[Band, Band, list[Row]]]]:
    """The table of open items and its groups, one per owner: heading band, "continued" band, rows."""
    units = sheet.units
    columns = column_widths(sheet.width, [units.pt(34), None, units.pt(76), None, None, None, units.pt(38),
                                          units.pt(54)], [0, 2.4, 0, 0.9, 0.8, 1.4, 0, 0])
    header = sheet.header_row([s.tr(NUMBER), s.tr(CUSTOMER), s.tr(RECEIVED), s.tr(CATEGORY), s.tr(SEVERITY),
                               s.tr(STATUS), s.tr(AGE), s.tr(OVERDUE_HEADER)], columns)
    inner = [width - 2 * sheet.pad for width in columns]
    band_width = sum(columns) - 2 * sheet.pad
    groups = []
    for owner, items in _groups(report.open_items):
        name = owner or s.tr(s.UNASSIGNED)
        overdue = sum(1 for item in items if item.overdue)
        heading_text = s.tr(OWNER_HEADING, owner=name, count=len(items), overdue=overdue)
        heading = Band([Cell([Block([sheet.para(heading_text, 10, band_width, bold=True)])])], sheet.pad,
                       fill=BAND_FILL)
        continued = Band([Cell([Block([sheet.para(s.tr(OWNER_CONTINUED, owner=name), 9, band_width,
                                                  italic=True)])])], sheet.pad, fill=BAND_FILL)
        groups.append((heading, continued, [_open_row(sheet, item, inner) for item in items]))
    count = len(report.open_items)
    subtitle = s.tr(OPEN_SUBTITLE, when=_moment(report.made_at), count=count,
                    overdue=sum(1 for item in report.open_items if item.overdue))
    section = Section(s.tr(OPEN_TITLE), subtitle, columns, header, [], message="" if count else s.tr(NO_OPEN))
    return section, groups


def _open_row(sheet: Sheet, item: OpenFeedbackRow, inner: list[float]) -> Row:
    severe = item.severity in ("high", "urgent")
    severity_color = OVERDUE_INK if item.severity == "urgent" else INK
    cells = [
        Cell([Block([sheet.para(str(item.id), 8, inner[0], color=MUTED)])]),
        Cell([Block([sheet.para(item.customer, 8.5, inner[1], bold=True, max_lines=2)])]),
        Cell([Block([sheet.para(_moment(item.received_at), 8, inner[2], max_lines=2)])]),
        Cell([Block([sheet.para(category_label(item.category), 8, inner[3], max_lines=2)])]),
        Cell([Block([sheet.para(severity_label(item.severity), 8, inner[4], bold=severe, color=severity_color,
                                max_lines=2)])]),
        Cell([Block([sheet.para(status_label(item.status), 8, inner[5], max_lines=2)])]),
        Cell([Block([sheet.para(_number(item.age_days), 8, inner[6], bold=item.overdue,
                                color=OVERDUE_INK if item.overdue else INK)])]),
        Cell([Block([sheet.para(s.tr(OVERDUE_FLAG), 8, inner[7], bold=True, color=WHITE)])],
             fill=OVERDUE_FLAG_FILL) if item.overdue else Cell(),
    ]
    return Row(cells, sheet.pad, fill=OVERDUE_ROW_FILL if item.overdue else None)


# ---- part 2: monthly counts by category -----------------------------------------------------------------------


def _month_keys(report: FeedbackReport) -> list[str]:
    """Every month of the period (a month without feedback prints as zeros), plus any month the data names."""
    keys = {row.month for row in report.monthly}
    month = report.start.replace(day=1)
    while month <= report.end:
        keys.add(f"{month.year:04d}-{month.month:02d}")
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return sorted(keys)


def month_label(key: str) -> str:
    """"2026-11" -> "November 2026" in the locale's words (the key itself when it is not a month)."""
    try:
        first = dt.date(int(key[:4]), int(key[5:7]), 1)
    except ValueError:
        return key
    return QLocale().toString(QDate(first.year, first.month, 1), s.tr(s.MONTH_TITLE_FORMAT))


def monthly_section(sheet: Sheet, report: FeedbackReport) -> Section:
    """Months down, categories across, each cell the count with both medians; a total per month and overall."""
    categories: list[str] = list(CATEGORIES)
    categories += sorted({row.category for row in report.monthly} - set(categories))
    cells: dict[tuple[str, str], MonthlyFeedbackRow] = {(row.month, row.category): row for row in report.monthly}
    columns = column_widths(sheet.width, [None] * (len(categories) + 2), [1.15, *[1.0] * len(categories), 0.75])
    inner = [width - 2 * sheet.pad for width in columns]
    header = sheet.header_row([s.tr(MONTH), *(category_label(c) for c in categories), s.tr(TOTAL)], columns)
    rows: list[Row] = []
    totals = dict.fromkeys(categories, 0)
    for month in _month_keys(report) if report.monthly else []:
        line = [Cell([Block([sheet.para(month_label(month), 8.5, inner[0], bold=True)])])]
        month_total = 0
        for index, category in enumerate(categories, start=1):
            found = cells.get((month, category))
            count = found.count if found else 0
            month_total += count
            totals[category] += count
            line.append(_count_cell(sheet, found, inner[index]))
        line.append(Cell([Block([sheet.para(str(month_total), 9, inner[-1], bold=True)])], fill=TOTAL_FILL))
        rows.append(Row(line, sheet.pad))
    grand = sum(totals.values())
    last = [Cell([Block([sheet.para(s.tr(TOTAL), 8.5, inner[0], bold=True)])])]
    last += [Cell([Block([sheet.para(str(totals[c]), 9, inner[i], bold=True)])]) for i, c in
             enumerate(categories, start=1)]
    last.append(Cell([Block([sheet.para(str(grand), 9, inner[-1], bold=True)])]))
    if rows:
        rows.append(Row(last, sheet.pad, fill=TOTAL_FILL))
    subtitle = s.tr(MONTHLY_SUBTITLE, first=short_date(report.start), last=short_date(report.end), count=grand)
    return Section(s.tr(MONTHLY_TITLE), subtitle, columns, header, rows,
                   message="" if report.monthly else s.tr(NO_MONTHLY))


def _count_cell(sheet: Sheet, row: MonthlyFeedbackRow | None, width: float) -> Cell:
    if row is None or not row.count:
        return Cell([Block([sheet.para("0", 9, width, color=MUTED)])])
    return Cell([Block([
        sheet.para(str(row.count), 9, width, bold=True),
        sheet.para(s.tr(RESPONSE, value=hours_text(row.median_response_hours)), 6.5, width, color=MUTED),
        sheet.para(s.tr(RESOLUTION, value=days_text(row.median_resolution_hours)), 6.5, width, color=MUTED),
    ])])


# ---- entry points ------------------------------------------------------------------------------------------------


def report_document(units: Units, kind_title: str, printed_at: dt.datetime | None = None) -> ReportDocument:
    """An empty report with its title, the print date (default: now) and "page x of y" in the footer."""
    return ReportDocument(units, kind_title=kind_title,
                          printed=s.tr(s.PRINTED, when=_moment(printed_at or dt.datetime.now())), notes_label="",
                          page_text=lambda page, pages: s.tr(s.PAGE, page=page, pages=pages),
                          sheet_text=lambda sheet, sheets: s.tr(s.SHEET, sheet=sheet, sheets=sheets))


def render_feedback_report(device: QPagedPaintDevice, report: FeedbackReport, *, language: str | None = None,
                           printed_at: dt.datetime | None = None) -> int:
    """Paint the report on `device` as it is set up (paper, orientation, margins); returns the page count.

    Part 1 starts on the first page, part 2 on a new page; `printed_at` (default: now) is the footer's print date.
    """
    def build(units: Units) -> ReportDocument:
        document = report_document(units, report_title(report), printed_at)
        sheet = Sheet(units, document.width)
        section, groups = open_section(sheet, report)
        if groups:
            document.add_grouped(section, groups)
        else:
            document.add(section)
        document.add(monthly_section(sheet, report))
        return document

    return paint_document(device, language, build)


def write_feedback_report_pdf(path: Path | str, report: FeedbackReport, *, paper: str = "a4",
                              landscape: bool | None = None, language: str | None = None,
                              printed_at: dt.datetime | None = None) -> int:
    """Write the report as a PDF with its fonts embedded; returns the page count.

    Portrait unless `landscape`; `paper` "a4" or "letter"; `language` ("en", "zh_CN") for the command line, None
    keeps the application's. The file is written beside `path` and moved over it, so a failure never leaves half a
    PDF; StorageError when the disk refuses. Starts a QGuiApplication (offscreen without a display) if none runs.
    """
    layout = page_layout(paper, bool(landscape))
    return write_pdf(Path(path), layout, language, lambda: report_title(report),
                     lambda writer: render_feedback_report(writer, report, printed_at=printed_at))
