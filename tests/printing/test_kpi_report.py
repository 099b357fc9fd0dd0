"""The KPI report's charts (printing/charts.py through printing/kpi_report.py), on reports built in code: the team
page's monthly charts (grouped bars for a small team; team total plus the top five as lines for a big one), revenue
against target per salesperson, each salesperson's bars with target steps; the PDF reads back and is not blank
where the charts are; 40 salespeople stay quick."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QPdfWriter
from PySide6.QtPdf import QPdfDocument

from keepclient.domain import kpis
from keepclient.domain.kpis import Kpi, KpiReport, MonthlyFigure, SalespersonKpis
from keepclient.printing.charts import MonthPlot, RankPlot, nice_scale
from keepclient.printing.kpi_report import build_document, write_kpi_report_pdf
from keepclient.printing.layout import Units
from keepclient.printing.schedules import language_for_printing, page_layout
from tests.printing.conftest import colored_pixels
from tests.printing.samples import team

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
MONTHS = [f"2026-{month:02d}" for month in range(1, 13)]


def figures(visits: int, revenue: int, visit_target: float, revenue_target: float) -> dict[str, Kpi]:
    values: dict[str, Kpi] = {key: Kpi(key, 0.5, 1, 2) for key in kpis.KPI_KEYS}
    values["visits_done"] = Kpi("visits_done", visits, target=visit_target)
    values["revenue"] = Kpi("revenue", revenue, target=revenue_target)
    return values


def report_of(people: int, *, targets: bool = True) -> tuple[KpiReport, dict[int, str]]:
    """`people` salespeople over 2026, each month different; targets 10 visits and 10,000.00 a month."""
    rows, monthly = [], []
    for person in team(people):
        visits = [(person.id * 7 + month * 3) % 25 for month in range(12)]
        revenue = [((person.id * 37 + month * 11) % 50) * 50_000 for month in range(12)]
        target_visits, target_revenue = (10.0, 1_000_000.0) if targets else (0.0, 0.0)
        monthly += [MonthlyFigure(person.id, key, visits[i], revenue[i], target_visits, target_revenue)
                    for i, key in enumerate(MONTHS)]
        rows.append(SalespersonKpis(person.id, person.name, person.code, person.id % 9 != 0,
                                    figures(sum(visits), sum(revenue), target_visits * 12, target_revenue * 12),
                                    target_revenue * 12, target_visits * 12))
    total = SalespersonKpis(None, "Team", "", True, figures(1, 1, 0, 0))
    report = KpiReport(START, END, END, dt.datetime(2027, 1, 2, 9, 0), rows, total, monthly, 24.0, 168.0, "CNY")
    return report, {person.id: person.color for person in team(people)}


def laid_out(tmp_path: Path, report: KpiReport, colors: dict[int, str], language: str = "en"):
    """The report laid out and painted on a PDF writer; returns the document (its pages hold the charts)."""
    writer = QPdfWriter(str(tmp_path / "laid-out.pdf"))
    writer.setPageLayout(page_layout("a4", False))
    from PySide6.QtGui import QPainter

    with language_for_printing(language):
        painter = QPainter(writer)
        try:
            document = build_document(Units(writer), report, colors=colors)
            document.paint(painter, writer.newPage)
        finally:
            painter.end()
    return document


def plots_by_page(document) -> list[list[object]]:
    found = []
    for page in document.pages:
        plots = []
        for row in page.rows:
            for cell in row.cells:
                for block in cell.blocks:
                    plots += getattr(block, "plots", [])
        found.append(plots)
    return found


def test_nice_scale_leaves_headroom_and_whole_steps_for_counts():
    assert nice_scale(10, whole=True) == (15.0, 5.0)
    assert nice_scale(0.5, whole=True)[1] >= 1.0
    top, step = nice_scale(87_654_321)
    assert top > 87_654_321 and step in (2.5e7, 2e7, 5e7)
    assert nice_scale(0) == (1.0, 0.25)


def test_a_small_team_gets_grouped_bars_and_every_page_its_charts(qapp, tmp_path):
    report, colors = report_of(3)
    document = laid_out(tmp_path, report, colors)
    pages = plots_by_page(document)
    team_plots = [plot for plot in pages[0] if isinstance(plot, MonthPlot)]
    assert len(team_plots) == 2
    visits, revenue = team_plots
    assert [series.color.name() for series in visits.bars] == [colors[1], colors[2], colors[3]]
    assert not visits.lines
    assert visits.marks == sum(1 for m in report.monthly if m.visits_done > 0)
    assert revenue.marks == sum(1 for m in report.monthly if m.revenue_cents > 0)
    rank = next(plot for plot in pages[0] if isinstance(plot, RankPlot))
    assert rank.marks == 3 + 3  # three bars and three target ticks
    shares = [rank_.value / rank_.target for rank_ in rank.ranks]
    assert shares == sorted(shares, reverse=True)  # highest attainment first
    for page, person in zip(pages[1:], report.rows, strict=True):  # one page each
        visits_plot, revenue_plot = page
        assert isinstance(visits_plot, MonthPlot) and isinstance(revenue_plot, MonthPlot)
        assert visits_plot.bars[0].color.name() == colors[person.salesperson_id]
        bars = sum(1 for m in report.monthly if m.salesperson_id == person.salesperson_id and m.visits_done > 0)
        assert visits_plot.marks == bars + 12  # its bars, and a target step in every month
        assert revenue_plot.target == [1_000_000.0] * 12


def test_forty_salespeople_get_the_team_total_and_the_top_five_as_lines(qapp, tmp_path):
    report, colors = report_of(40)
    document = laid_out(tmp_path, report, colors)
    team_pages = [plots for plots, page in zip(plots_by_page(document), document.pages, strict=True)
                  if page.section.title == "Team"]
    plots = [plot for page in team_pages for plot in page]
    visits, revenue = (plot for plot in plots if isinstance(plot, MonthPlot))
    for plot, key in ((visits, "visits_done"), (revenue, "revenue_cents")):
        assert len(plot.bars) == 1 and len(plot.lines) == 5
        assert plot.bars[0].values == [float(sum(getattr(m, key) for m in report.monthly if m.month == month))
                                       for month in MONTHS]
        totals = {row.salesperson_id: sum(getattr(m, key) for m in report.monthly
                                          if m.salesperson_id == row.salesperson_id) for row in report.rows}
        assert sorted((sum(series.values) for series in plot.lines), reverse=True) == sorted(
            totals.values(), reverse=True)[:5]
        assert len({series.marker for series in plot.lines}) == 5  # told apart by their markers too
        assert plot.right_ticks  # the lines have a scale of their own
        assert plot.marks == 12 + 5 + 12  # the team's bars, five lines, the team's monthly target
    ranks = [plot for plot in plots if isinstance(plot, RankPlot)]
    assert sum(len(plot.ranks) for plot in ranks) == 40
    assert sum(plot.marks for plot in ranks) == 80
    assert sum(1 for page in document.pages if page.section.title != "Team") == 40


def test_without_targets_the_ranking_is_by_revenue_and_draws_no_target(qapp, tmp_path):
    report, colors = report_of(8, targets=False)
    document = laid_out(tmp_path, report, colors)
    rank = next(plot for plots in plots_by_page(document) for plot in plots if isinstance(plot, RankPlot))
    values = [item.value for item in rank.ranks]
    assert values == sorted(values, reverse=True) and rank.marks == 8
    assert len(rank.legend.entries) == 1  # no "Target" in the legend


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_pdf_reads_back_with_its_charts_drawn(qapp, tmp_path, pdf, language):
    report, colors = report_of(3)
    target = tmp_path / "kpi.pdf"
    pages = write_kpi_report_pdf(target, report, language=language, colors=colors)
    read = pdf(target)
    assert pages == len(read) == 4
    assert read[0].has(report.rows[0].name, report.rows[2].name)
    if language == "en":
        assert read[0].has("Visits done per month", "Revenue per month (CNY)", "Revenue against target")
        assert read[0].has("Jan", "Dec", "2026")
    else:
        assert read[0].has("1月", "12月", "2026")
    for page, person in zip(read[1:], report.rows, strict=True):
        assert page.has(person.name)
    document = QPdfDocument()
    document.load(str(target))
    image = document.render(0, QSize(595, 842))
    document.close()
    for person in report.rows[:2]:  # each salesperson's bars in their calendar colour
        assert colored_pixels(image, colors[person.salesperson_id]) > 30, person.name


def test_forty_salespeople_print_quickly(qapp, tmp_path, pdf):
    report, colors = report_of(40)
    target = tmp_path / "kpi40.pdf"
    began = time.perf_counter()
    pages = write_kpi_report_pdf(target, report, language="zh_CN", colors=colors)
    took = time.perf_counter() - began
    read = pdf(target)
    assert pages == len(read) >= 42
    assert read[-1].has(report.rows[-1].name)
    assert took < 3.0, f"{took:.2f} s"  # the whole `kpi-report --pdf` process must stay <= 5 s
