"""The KPI report as an .xlsx workbook: a "KPIs" sheet (one row per salesperson and the team's total) and a
"Monthly" sheet (visits done and revenue per salesperson and month, with their targets), ready for charts.

Same conventions as the feedback report: styled and frozen header row, autofilter, numbers as numbers with number
formats (shares as percentages, money in the team's currency, not cents), no cell ever a live formula. KPI
captions are domain/kpis.py's (context "kpis"); the other captions are in context "labels".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keepclient.domain import kpis
from keepclient.domain.kpis import KpiReport, SalespersonKpis
from keepclient.domain.labels import QT_TRANSLATE_NOOP, Label, Translate, translate_label
from keepclient.exporting import report_sheets as sheets
from keepclient.exporting.files import save_workbook
from keepclient.exporting.labels import Labels, labeller

CAPTIONS: dict[str, Label] = {
    "salesperson": QT_TRANSLATE_NOOP("labels", "Salesperson"),
    "code": QT_TRANSLATE_NOOP("labels", "Code"),
    "active": QT_TRANSLATE_NOOP("labels", "Active", "salesperson at work"),  # 在职, not the customer stage 活跃
    "team": QT_TRANSLATE_NOOP("labels", "Team"),
    "yes": QT_TRANSLATE_NOOP("labels", "Yes"),
    "no": QT_TRANSLATE_NOOP("labels", "No"),
    "visit_target": QT_TRANSLATE_NOOP("labels", "Visit target"),
    "revenue_target": QT_TRANSLATE_NOOP("labels", "Revenue target"),
    "revenue_attainment": QT_TRANSLATE_NOOP("labels", "Revenue against target"),
    "month": QT_TRANSLATE_NOOP("labels", "Month"),
    "kpi_sheet": QT_TRANSLATE_NOOP("labels", "KPIs"),
    "monthly_sheet": QT_TRANSLATE_NOOP("labels", "Monthly"),
    "report_title": QT_TRANSLATE_NOOP("labels", "KPI report"),
}
LABELS: dict[str, str] = {**{key: name.text for key, name in CAPTIONS.items()}, **kpis.CAPTION}
# The KPI sheet's columns after salesperson, code and active: every KPI, with the targets next to theirs.
KPI_COLUMNS: tuple[str, ...] = tuple(
    column for key in kpis.KPI_KEYS for column in (
        (key, "visit_target") if key == "visits_done" else
        (key, "revenue_target", "revenue_attainment") if key == "revenue" else (key,)))
MONTHLY_COLUMNS = ("salesperson", "month", "visits_done", "visit_target", "revenue", "revenue_target")
_FORMATS = {kpis.COUNT: "0", kpis.SHARE: "0.0%", kpis.HOURS: "0.0", kpis.SCORE: "0.00", kpis.MONEY: "#,##0.00"}
COLUMN_FORMATS: dict[str, str] = {**{key: _FORMATS[kind] for key, kind, _caption in kpis.KPIS},
                                  "visit_target": "0.0", "revenue_target": "#,##0.00",
                                  "revenue_attainment": "0.0%", "month": "yyyy-mm"}


def translated_labels(translate: Translate) -> dict[str, str]:
    """LABELS in the user's language, from a `translate(context, text, disambiguation=None)` such as
    QCoreApplication.translate."""
    return {**{key: translate_label(name, translate) for key, name in CAPTIONS.items()},
            **{key: translate(kpis.CONTEXT, text) for key, text in kpis.CAPTION.items()}}


def _money(cents: float | None) -> float | None:
    return None if cents is None else round(cents / 100.0, 2)


def kpi_value(row: SalespersonKpis, column: str) -> float | None:
    """The number a KPI sheet cell holds: shares 0..1, money in the currency's units, hours, counts."""
    if column == "visit_target":
        return round(row.visit_target, 2)
    if column == "revenue_target":
        return _money(row.revenue_target_cents)
    if column == "revenue_attainment":
        return row.figures["revenue"].attainment
    figure = row.figures[column]
    if figure.value is None:
        return None
    if kpis.KIND[column] == kpis.MONEY:
        return _money(figure.value)
    if kpis.KIND[column] == kpis.COUNT:
        return int(figure.value)
    return round(figure.value, 6) if kpis.KIND[column] == kpis.SHARE else round(figure.value, 2)


def kpi_rows(report: KpiReport, text: Callable[[str], str]) -> list[dict[str, Any]]:
    rows = []
    for row in [*report.rows, report.total]:
        total = row.salesperson_id is None
        line: dict[str, Any] = {"salesperson": text("team") if total else row.name, "code": "" if total else row.code,
                                "active": "" if total else text("yes" if row.active else "no")}
        line.update({column: kpi_value(row, column) for column in KPI_COLUMNS})
        rows.append(line)
    return rows


def monthly_rows(report: KpiReport) -> list[dict[str, Any]]:
    names = {row.salesperson_id: row.name for row in report.rows}
    return [{"salesperson": names.get(m.salesperson_id, ""), "month": dt.date(int(m.month[:4]), int(m.month[5:7]), 1),
             "visits_done": m.visits_done, "visit_target": round(m.visit_target, 2),
             "revenue": _money(m.revenue_cents), "revenue_target": _money(m.revenue_target_cents)}
            for m in report.monthly]


def build_workbook(report: KpiReport, labels: Labels | None = None) -> Any:
    """The two sheets in a write-only openpyxl Workbook, not yet saved."""
    from openpyxl.styles import Font

    text = labeller(LABELS, labels)
    book = sheets.new_book(f"{text('report_title')} {report.start.isoformat()} – {report.end.isoformat()}",
                           report.made_at)
    total_font = Font(bold=True)
    money_format = f"#,##0.00 \"{report.currency}\"" if report.currency.isalpha() else "#,##0.00"
    used: set[str] = set()
    for title, columns, rows in (
            (text("kpi_sheet"), ("salesperson", "code", "active", *KPI_COLUMNS), kpi_rows(report, text)),
            (text("monthly_sheet"), MONTHLY_COLUMNS, monthly_rows(report))):
        sheet = sheets.new_sheet(book, title, used)
        headers = [text(key) for key in columns]
        sheets.fit_columns(sheet, headers, columns, rows, header_cap=24, padding=4, most=40)
        sheet.freeze_panes = "B2"
        sheets.header_row(sheet, headers)
        for number, row in enumerate(rows, start=1):
            bold = columns[0] == "salesperson" and columns[1] == "code" and number == len(rows)  # the team's total
            cells = []
            for key in columns:
                number_format = COLUMN_FORMATS.get(key)
                cell = sheets.value_cell(sheet, row[key], money_format if number_format == "#,##0.00"
                                         else number_format)
                if bold:
                    cell.font = total_font
                cells.append(cell)
            sheet.append(cells)
        sheets.add_filter(sheet, len(columns), len(rows))
    return book


def write_kpi_report_xlsx(path: str | Path, report: KpiReport, *, labels: Labels | None = None) -> None:
    """Write the report to `path` as .xlsx, whole or not at all (save_workbook); StorageError when the disk refuses.
    `labels` (translated_labels, or a callable) names columns and sheets, English by default."""
    save_workbook(build_workbook(report, labels), Path(path))
