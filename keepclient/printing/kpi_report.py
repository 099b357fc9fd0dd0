"""The KPI report on paper or as PDF: a team summary page, then one page per salesperson.

Each page is a table of the KPIs (caption, value, how it was computed: the same sentence as the dashboard's tooltip
and the CLI's JSON, from domain/kpis `Kpi.explain`), then the months of the period with visits done and revenue
against their targets, each with a bar. Built on the schedules' layout (page frame, header row repeated, page
numbers, print date, CJK fonts) and QtGui only, so `keepclient kpi-report --pdf` needs no window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter

from keepclient.domain import kpis
from keepclient.domain.kpis import Kpi, KpiReport, MonthlyFigure, SalespersonKpis
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.printing import strings as s
from keepclient.printing.documents import Sheet, short_date
from keepclient.printing.feedback_report import month_label
from keepclient.printing.layout import MUTED, Block, Cell, Document, Row, Section, Units, column_widths
from keepclient.printing.schedules import language_for_printing, page_layout, write_pdf

REPORT_TITLE = QT_TRANSLATE_NOOP("printing", "KPI report {first} – {last}")
TEAM_TITLE = QT_TRANSLATE_NOOP("printing", "Team")
TEAM_SUBTITLE = QT_TRANSLATE_NOOP("printing", "{count} salespeople; overdue counted on {today}")
PERSON_SUBTITLE = QT_TRANSLATE_NOOP("printing", "Code {code}; monthly targets: revenue {revenue}, visits {visits}")
INACTIVE = QT_TRANSLATE_NOOP("printing", "{name} (inactive)")
KPI_HEADER = QT_TRANSLATE_NOOP("printing", "KPI")
VALUE_HEADER = QT_TRANSLATE_NOOP("printing", "Value")
HOW_HEADER = QT_TRANSLATE_NOOP("printing", "How it was counted")
AGAINST = QT_TRANSLATE_NOOP("printing", "{value} of {target} target ({share})")
MONTH_LINE = QT_TRANSLATE_NOOP("printing", "Visits done {visits}; revenue {revenue}")
MONTH_TARGETS = QT_TRANSLATE_NOOP("printing", "targets: {visits} visits, {revenue}")
SALESPERSON_LINE = QT_TRANSLATE_NOOP("printing", "Revenue {revenue}; visits done {visits}; follow-up on time {share}")
NONE = "–"

BAR = QColor("#4e79a7")
BAR_TARGET = QColor("#c9d3df")
TOTAL_FILL = QColor("#f0f0f0")


def _kpi_text(text: str) -> str:
    return QCoreApplication.translate(kpis.CONTEXT, text)


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)


def count(value: float) -> str:
    """A number of visits: whole when it is (a monthly target of 10 is "10"), else with one decimal (pro rata)."""
    return number(value, 0 if float(value).is_integer() else 1)


def money(cents: float, currency: str) -> str:
    return f"{number(cents / 100.0, 2)} {currency}".strip()


def value_text(figure: Kpi, currency: str) -> str:
    """A KPI's value as printed: 87.5 %, 20.6 h, 4.05, 1,234.50 CNY, 355; with its target when it has one."""
    if figure.value is None:
        return NONE
    kind = kpis.KIND.get(figure.key, kpis.COUNT)
    if kind == kpis.SHARE:
        return f"{number(figure.value * 100, 1)} %"
    if kind == kpis.HOURS:
        return s.tr(QT_TRANSLATE_NOOP("printing", "{value} h"), value=number(figure.value, 1))
    if kind == kpis.SCORE:
        return number(figure.value, 2)
    text = money(figure.value, currency) if kind == kpis.MONEY else number(figure.value)
    if figure.target:
        target = money(figure.target, currency) if kind == kpis.MONEY else number(figure.target, 1)
        return s.tr(AGAINST, value=text, target=target, share=f"{number((figure.attainment or 0) * 100, 0)} %")
    return text


def report_title(report: KpiReport) -> str:
    return s.tr(REPORT_TITLE, first=short_date(report.start), last=short_date(report.end))


def _kpi_rows(sheet: Sheet, row: SalespersonKpis, inner: list[float], currency: str) -> list[Row]:
    rows = []
    for key in kpis.KPI_KEYS:
        figure = row.figures[key]
        rows.append(Row([
            Cell([Block([sheet.para(_kpi_text(kpis.CAPTION[key]), 8.5, inner[0], bold=True)])]),
            Cell([Block([sheet.para(value_text(figure, currency), 8.5, inner[1])])]),
            Cell([Block([sheet.para(figure.text(QCoreApplication.translate), 8, inner[2], color=MUTED)])]),
        ], sheet.pad))
    return rows


def _bar(sheet: Sheet, value: float, top: float, width: float, color: QColor) -> Block:
    """A bar as long as `value` is of `top` across `width` (an empty block, coloured on its left edge)."""
    length = max(width * min(value / top, 1.0), sheet.units.pt(0.5)) if top and value > 0 else 0.0
    bar = Block([], bar=color if length else None, bar_width=length, gap=sheet.units.pt(1.5))
    bar.height = sheet.units.pt(3.5)
    return bar


def _month_rows(sheet: Sheet, months: list[MonthlyFigure], inner: list[float], currency: str) -> list[Row]:
    top = max([m.revenue_cents for m in months] + [m.revenue_target_cents for m in months] + [1])
    rows: list[Row] = []
    for month in months:
        line = s.tr(MONTH_LINE, visits=month.visits_done, revenue=money(month.revenue_cents, currency))
        targets = s.tr(MONTH_TARGETS, visits=count(month.visit_target),
                       revenue=money(month.revenue_target_cents, currency))
        rows.append(Row([
            Cell([Block([sheet.para(month_label(month.month), 8.5, inner[0])])]),
            Cell([Block([sheet.para(line, 8, inner[1])]),
                  _bar(sheet, month.revenue_target_cents, top, inner[1], BAR_TARGET),
                  _bar(sheet, month.revenue_cents, top, inner[1], BAR)]),
            Cell([Block([sheet.para(targets, 8, inner[2], color=MUTED)])]),
        ], sheet.pad))
    return rows


def _section(sheet: Sheet, title: str, subtitle: str, rows: list[Row]) -> Section:
    units = sheet.units
    columns = column_widths(sheet.width, [units.pt(150), None, None], [0, 1.1, 1.0])
    header = sheet.header_row([s.tr(KPI_HEADER), s.tr(VALUE_HEADER), s.tr(HOW_HEADER)], columns)
    return Section(title, subtitle, columns, header, rows)


def _inner(sheet: Sheet) -> list[float]:
    units = sheet.units
    return [width - 2 * sheet.pad for width in column_widths(sheet.width, [units.pt(150), None, None], [0, 1.1, 1.0])]


def team_section(sheet: Sheet, report: KpiReport) -> Section:
    inner = _inner(sheet)
    rows = _kpi_rows(sheet, report.total, inner, report.currency)
    for person in report.rows:
        line = s.tr(SALESPERSON_LINE, revenue=value_text(person.figures["revenue"], report.currency),
                    visits=value_text(person.figures["visits_done"], report.currency),
                    share=value_text(person.figures["follow_up_on_time"], report.currency))
        name = person.name if person.active else s.tr(INACTIVE, name=person.name)
        rows.append(Row([Cell([Block([sheet.para(name, 8.5, inner[0], bold=True)])]),
                         Cell([Block([sheet.para(line, 8, inner[1] + inner[2] + 2 * sheet.pad)])]), Cell()],
                        sheet.pad, fill=TOTAL_FILL))
    subtitle = s.tr(TEAM_SUBTITLE, count=len(report.rows), today=short_date(report.today))
    return _section(sheet, s.tr(TEAM_TITLE), subtitle, rows)


def person_section(sheet: Sheet, report: KpiReport, person: SalespersonKpis) -> Section:
    inner = _inner(sheet)
    rows = _kpi_rows(sheet, person, inner, report.currency)
    rows += _month_rows(sheet, [m for m in report.monthly if m.salesperson_id == person.salesperson_id], inner,
                        report.currency)
    months = kpis.months_in(report.start, report.end) or 1
    subtitle = s.tr(PERSON_SUBTITLE, code=person.code,
                    revenue=money(person.revenue_target_cents / float(months), report.currency),
                    visits=count(person.visit_target / float(months)))
    title = person.name if person.active else s.tr(INACTIVE, name=person.name)
    return _section(sheet, title, subtitle, rows)


def render_kpi_report(device: QPagedPaintDevice, report: KpiReport, *, language: str | None = None,
                      printed_at: dt.datetime | None = None) -> int:
    """Paint the report on `device` as it is set up; returns the page count (the team page, then each person's)."""
    with language_for_printing(language):
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot paint on the printer or PDF file")
        try:
            units = Units(device)
            moment = printed_at or dt.datetime.now()
            stamp = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
            printed = s.tr(s.PRINTED, when=QLocale().toString(stamp, QLocale.FormatType.ShortFormat))
            document = Document(units, kind_title=report_title(report), printed=printed, notes_label="",
                                page_text=lambda page, pages: s.tr(s.PAGE, page=page, pages=pages),
                                sheet_text=lambda sheet, sheets: s.tr(s.SHEET, sheet=sheet, sheets=sheets))
            sheet = Sheet(units, document.width)
            document.add(team_section(sheet, report))
            for person in report.rows:
                document.add(person_section(sheet, report, person))
            return document.paint(painter, device.newPage)
        finally:
            painter.end()


def write_kpi_report_pdf(path: Path | str, report: KpiReport, *, paper: str = "a4", landscape: bool = False,
                         language: str | None = None, printed_at: dt.datetime | None = None) -> int:
    """Write the report as a PDF (fonts embedded, written beside `path` and moved over it: never half a file);
    returns the page count. `paper` "a4" or "letter"; portrait unless `landscape`."""
    layout = page_layout(paper, landscape)
    return write_pdf(Path(path), layout, language, lambda: report_title(report),
                     lambda writer: render_kpi_report(writer, report, printed_at=printed_at))
