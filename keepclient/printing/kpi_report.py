"""The KPI report on paper or as PDF: a team summary page, then one page per salesperson.

Each page is a table of the KPIs (caption, value, how it was computed: the same sentence as the dashboard's tooltip
and the CLI's JSON, from domain/kpis `Kpi.explain`), then charts across the table (printing/charts.py, QPainter):

- team: visits done and revenue per month, then revenue against target per salesperson (horizontal bars, highest
  attainment first, each target a dark tick), then a line per salesperson. With up to six salespeople the monthly
  charts group one bar per salesperson in their calendar colours; with more, a bar per month is the team's total
  (left scale) and lines on a scale of their own (right) follow the five salespeople with the most in the period,
  each with its own marker, so 40 salespeople stay readable (their own pages have the rest).
- salesperson: their visits done and revenue per month side by side, bars in their colour, each month's target a
  dark step across its bar; then the months as text (exact figures and targets).

Built on the schedules' layout (page frame, header row repeated, page numbers, print date, CJK fonts) and QtGui only,
so `keepclient kpi-report --pdf` needs no window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPagedPaintDevice

from keepclient.domain import kpis
from keepclient.domain.kpis import Kpi, KpiReport, MonthlyFigure, SalespersonKpis
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.printing import strings as s
from keepclient.printing.charts import TOTAL, ChartBlock, MonthPlot, Rank, RankPlot, Series, color_of
from keepclient.printing.documents import Sheet, qdate, short_date
from keepclient.printing.feedback_report import Band, ReportDocument, month_label, report_document
from keepclient.printing.layout import MUTED, Block, Canvas, Cell, Para, Row, Section, Units, column_widths
from keepclient.printing.schedules import page_layout, paint_document, write_pdf

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
VISITS_CHART = QT_TRANSLATE_NOOP("printing", "Visits done per month")
REVENUE_CHART = QT_TRANSLATE_NOOP("printing", "Revenue per month ({currency})")
RANK_CHART = QT_TRANSLATE_NOOP("printing", "Revenue against target per salesperson ({currency}), highest "
                                           "attainment first")
RANK_CHART_PLAIN = QT_TRANSLATE_NOOP("printing", "Revenue per salesperson ({currency}), highest first")
TEAM_TOTAL = QT_TRANSLATE_NOOP("printing", "Team total")
TEAM_SCALE = QT_TRANSLATE_NOOP("printing", "Team total (bars)")
TOP_SCALE = QT_TRANSLATE_NOOP("printing", "Top {count} salespeople (lines)")
TARGET_LEGEND = QT_TRANSLATE_NOOP("printing", "Target")
VISITS_LEGEND = QT_TRANSLATE_NOOP("printing", "Visits done")
REVENUE_LEGEND = QT_TRANSLATE_NOOP("printing", "Revenue")
RANK_TEXT = QT_TRANSLATE_NOOP("printing", "{value} ({share} of target)")
MONTH_NAME_FORMAT = "MMM"  # Qt date format: "Jan", "1月"
NONE = "–"

GROUPED_UP_TO = 6  # salespeople shown as grouped bars on the team's monthly charts; more: team total + top lines
TOP_LINES = 5
BESIDE_BARS = 40  # the team's two monthly charts go side by side when they have at most this many bars each
RANK_ROWS = 45  # salespeople per revenue-against-target chart (a chart never splits over two pages)
TEAM_CHART_HEIGHT = 165.0  # points
PERSON_CHART_HEIGHT = 150.0
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


class Beside(Block):
    """Paragraphs side by side, each at its offset from the block's left (a salesperson's name, then their line
    across the other columns of a Band)."""

    __slots__ = ("offsets",)

    def __init__(self, paras: list[Para], offsets: list[float]) -> None:
        super().__init__(paras)
        self.offsets = offsets
        self.height = max((para.height for para in paras), default=0.0)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        for para, offset in zip(self.paras, self.offsets, strict=True):
            Block([para]).draw(canvas, x + offset, y, width - offset)


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


def _month_rows(sheet: Sheet, months: list[MonthlyFigure], inner: list[float], currency: str) -> list[Row]:
    rows: list[Row] = []
    for month in months:
        line = s.tr(MONTH_LINE, visits=month.visits_done, revenue=money(month.revenue_cents, currency))
        targets = s.tr(MONTH_TARGETS, visits=count(month.visit_target),
                       revenue=money(month.revenue_target_cents, currency))
        rows.append(Row([
            Cell([Block([sheet.para(month_label(month.month), 8.5, inner[0])])]),
            Cell([Block([sheet.para(line, 8, inner[1])])]),
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


def month_keys(report: KpiReport) -> list[str]:
    """Every month of the period ("YYYY-MM"), plus any month the figures name."""
    keys = {figure.month for figure in report.monthly}
    month = report.start.replace(day=1)
    while month <= report.end:
        keys.add(f"{month.year:04d}-{month.month:02d}")
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return sorted(keys)


def _month_names(keys: list[str]) -> list[tuple[str, str]]:
    """Each month's short name and its year, in the locale's words ("Jan", "2027"; "1月", "2027")."""
    locale = QLocale()
    names = []
    for key in keys:
        try:
            first = dt.date(int(key[:4]), int(key[5:7]), 1)
        except ValueError:
            names.append((key, ""))
            continue
        names.append((locale.toString(qdate(first), MONTH_NAME_FORMAT), str(first.year)))
    return names


class Charts:
    """What the report's charts share: the months, each salesperson's colour and monthly figures, the formats."""

    def __init__(self, sheet: Sheet, report: KpiReport, colors: Mapping[int, str] | None) -> None:
        self.sheet = sheet
        self.report = report
        self.keys = month_keys(report)
        self.names = _month_names(self.keys)
        self.width = sheet.width - 2 * sheet.pad  # a Band's cell: the whole table
        self.spacing = sheet.units.pt(10)
        index = {key: position for position, key in enumerate(self.keys)}
        self.colors = {row.salesperson_id: color_of((colors or {}).get(row.salesperson_id or 0), number)
                       for number, row in enumerate(report.rows)}
        empty = [0.0] * len(self.keys)
        self.visits: dict[int | None, list[float]] = {}
        self.revenue: dict[int | None, list[float]] = {}
        self.visit_targets: dict[int | None, list[float]] = {}
        self.revenue_targets: dict[int | None, list[float]] = {}
        for figure in report.monthly:
            at = index[figure.month]
            for table, value in ((self.visits, figure.visits_done), (self.revenue, figure.revenue_cents),
                                 (self.visit_targets, figure.visit_target),
                                 (self.revenue_targets, figure.revenue_target_cents)):
                table.setdefault(figure.salesperson_id, list(empty))[at] += float(value)
        self.empty = empty

    def money_scale(self, cents: float) -> str:
        return number(cents / 100.0)

    def team_month_plot(self, title: str, values: dict[int | None, list[float]],
                        targets: dict[int | None, list[float]], fmt: Callable[[float], str],
                        width: float, *, whole: bool) -> MonthPlot:
        units = self.sheet.units
        rows = self.report.rows
        height = units.pt(TEAM_CHART_HEIGHT)
        target_label = s.tr(TARGET_LEGEND)
        if len(rows) <= GROUPED_UP_TO:
            bars = [Series(row.name, values.get(row.salesperson_id, self.empty), self.colors[row.salesperson_id])
                    for row in rows]
            return MonthPlot(units, width, height, title=title, months=self.keys, month_labels=self.names,
                             bars=bars, left=fmt, whole=whole, target_label=target_label)
        total = [sum(series[at] for series in values.values()) for at in range(len(self.keys))]
        target = [sum(series[at] for series in targets.values()) for at in range(len(self.keys))]
        ranked = sorted(rows, key=lambda row: -sum(values.get(row.salesperson_id, self.empty)))[:TOP_LINES]
        lines = [Series(row.name, values.get(row.salesperson_id, self.empty), self.colors[row.salesperson_id],
                        marker) for marker, row in enumerate(ranked)]
        return MonthPlot(units, width, height, title=title, months=self.keys, month_labels=self.names,
                         bars=[Series(s.tr(TEAM_TOTAL), total, TOTAL)], lines=lines, target=target,
                         target_label=target_label, left=fmt, right=fmt, left_caption=s.tr(TEAM_SCALE),
                         right_caption=s.tr(TOP_SCALE, count=len(lines)), whole=whole)

    def team_bands(self) -> list[Row]:
        if not self.report.rows:
            return []
        currency = self.report.currency
        pad = self.sheet.pad
        # side by side while they have few bars (a small team, a short period), else one above the other
        beside = len(self.report.rows) <= GROUPED_UP_TO and len(self.report.rows) * len(self.keys) <= BESIDE_BARS
        width = ChartBlock.widths(self.width, 2, self.spacing) if beside else self.width
        plots = [self.team_month_plot(s.tr(VISITS_CHART), self.visits, self.visit_targets, count, width,
                                      whole=True),
                 self.team_month_plot(s.tr(REVENUE_CHART, currency=currency), self.revenue, self.revenue_targets,
                                      self.money_scale, width, whole=False)]
        bands: list[Row] = ([Band([Cell([ChartBlock(plots, self.spacing)])], pad)] if beside else
                            [Band([Cell([ChartBlock([plot], self.spacing)])], pad) for plot in plots])
        ranks = [self._rank(row) for row in self.report.rows]
        ranks.sort(key=lambda item: (item[0] is None, -(item[0] or 0.0), -item[1].value))
        top = max([rank.value for _share, rank in ranks] + [rank.target for _share, rank in ranks] + [0.0])
        title = s.tr(RANK_CHART if any(share is not None for share, _rank in ranks) else RANK_CHART_PLAIN,
                     currency=currency)
        for first in range(0, len(ranks), RANK_ROWS):
            plot = RankPlot(self.sheet.units, self.width, title=title,
                            ranks=[rank for _share, rank in ranks[first:first + RANK_ROWS]],
                            bar_label=s.tr(REVENUE_LEGEND), target_label=s.tr(TARGET_LEGEND),
                            scale=self.money_scale, top=top)
            bands.append(Band([Cell([ChartBlock([plot], self.spacing)])], pad))
        return bands

    def _rank(self, row: SalespersonKpis) -> tuple[float | None, Rank]:
        figure = row.figures["revenue"]
        value, target = float(figure.value or 0.0), float(figure.target or 0.0)
        text = money(value, self.report.currency)
        share = value / target if target > 0 else None
        if share is not None:
            text = s.tr(RANK_TEXT, value=text, share=f"{number(share * 100, 0)} %")
        name = row.name if row.active else s.tr(INACTIVE, name=row.name)
        return share, Rank(name, value, target, text, self.colors[row.salesperson_id])

    def person_band(self, person: SalespersonKpis) -> Row:
        units = self.sheet.units
        sid = person.salesperson_id
        color = self.colors[sid]
        each = ChartBlock.widths(self.width, 2, self.spacing)
        height = units.pt(PERSON_CHART_HEIGHT)
        target_label = s.tr(TARGET_LEGEND)
        visits = MonthPlot(units, each, height, title=s.tr(VISITS_CHART), months=self.keys, month_labels=self.names,
                           bars=[Series(s.tr(VISITS_LEGEND), self.visits.get(sid, self.empty), color)],
                           target=self.visit_targets.get(sid), target_label=target_label, left=count, whole=True)
        revenue = MonthPlot(units, each, height, title=s.tr(REVENUE_CHART, currency=self.report.currency),
                            months=self.keys, month_labels=self.names,
                            bars=[Series(s.tr(REVENUE_LEGEND), self.revenue.get(sid, self.empty), color)],
                            target=self.revenue_targets.get(sid), target_label=target_label, left=self.money_scale)
        return Band([Cell([ChartBlock([visits, revenue], self.spacing)])], self.sheet.pad)


def team_section(sheet: Sheet, report: KpiReport, charts: Charts | None = None) -> Section:
    inner = _inner(sheet)
    rows = _kpi_rows(sheet, report.total, inner, report.currency)
    rows += (charts or Charts(sheet, report, None)).team_bands()
    for person in report.rows:
        line = s.tr(SALESPERSON_LINE, revenue=value_text(person.figures["revenue"], report.currency),
                    visits=value_text(person.figures["visits_done"], report.currency),
                    share=value_text(person.figures["follow_up_on_time"], report.currency))
        name = person.name if person.active else s.tr(INACTIVE, name=person.name)
        rows.append(Band([Cell([Beside([sheet.para(name, 8.5, inner[0], bold=True),
                                        sheet.para(line, 8, inner[1] + inner[2] + 2 * sheet.pad)],
                                       [0.0, inner[0] + 2 * sheet.pad])])], sheet.pad, fill=TOTAL_FILL))
    subtitle = s.tr(TEAM_SUBTITLE, count=len(report.rows), today=short_date(report.today))
    return _section(sheet, s.tr(TEAM_TITLE), subtitle, rows)


def person_section(sheet: Sheet, report: KpiReport, person: SalespersonKpis, charts: Charts | None = None) -> Section:
    inner = _inner(sheet)
    rows = _kpi_rows(sheet, person, inner, report.currency)
    rows.append((charts or Charts(sheet, report, None)).person_band(person))
    rows += _month_rows(sheet, [m for m in report.monthly if m.salesperson_id == person.salesperson_id], inner,
                        report.currency)
    months = kpis.months_in(report.start, report.end) or 1
    subtitle = s.tr(PERSON_SUBTITLE, code=person.code,
                    revenue=money(person.revenue_target_cents / float(months), report.currency),
                    visits=count(person.visit_target / float(months)))
    title = person.name if person.active else s.tr(INACTIVE, name=person.name)
    return _section(sheet, title, subtitle, rows)


def build_document(units: Units, report: KpiReport, *, colors: Mapping[int, str] | None = None,
                   printed_at: dt.datetime | None = None) -> ReportDocument:
    """The whole report laid out (team section, then each salesperson's), ready to paint."""
    document = report_document(units, report_title(report), printed_at)
    sheet = Sheet(units, document.width)
    charts = Charts(sheet, report, colors)
    document.add(team_section(sheet, report, charts))
    for person in report.rows:
        document.add(person_section(sheet, report, person, charts))
    return document


def render_kpi_report(device: QPagedPaintDevice, report: KpiReport, *, language: str | None = None,
                      printed_at: dt.datetime | None = None, colors: Mapping[int, str] | None = None) -> int:
    """Paint the report on `device` as it is set up; returns the page count (the team page, then each person's).
    `colors`: each salesperson's calendar colour by id (the team list's); missing ones get a standard palette's."""
    return paint_document(device, language,
                          lambda units: build_document(units, report, colors=colors, printed_at=printed_at))


def write_kpi_report_pdf(path: Path | str, report: KpiReport, *, paper: str = "a4", landscape: bool = False,
                         language: str | None = None, printed_at: dt.datetime | None = None,
                         colors: Mapping[int, str] | None = None) -> int:
    """Write the report as a PDF (fonts embedded, written beside `path` and moved over it: never half a file);
    returns the page count. `paper` "a4" or "letter"; portrait unless `landscape`."""
    layout = page_layout(paper, landscape)
    return write_pdf(Path(path), layout, language, lambda: report_title(report),
                     lambda writer: render_kpi_report(writer, report, printed_at=printed_at, colors=colors))
