"""The feedback report as an .xlsx workbook: an "Open feedback" sheet and a "Monthly" sheet, ready to filter.

Same conventions as the customer export: styled and frozen header row, autofilter, real date cells, numbers as
numbers, and no cell ever a live formula (text starting with "=" is stored as text). Display names come from a
`labels` lookup (the window and the CLI pass translated ones), English by default; no Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keepclient.domain.enums import FeedbackCategory, FeedbackStatus, Severity
from keepclient.domain.labels import QT_TRANSLATE_NOOP, Label, Translate
from keepclient.domain.types import FeedbackReport
from keepclient.exporting import report_sheets as sheets
from keepclient.exporting.files import save_workbook
from keepclient.exporting.labels import Labels, english_labels, labeller, translated

# The stored values the report names (their texts are domain/labels.py's), and its captions in context "labels",
# so the same words share one translation with the window.
VALUES = (FeedbackCategory, Severity, FeedbackStatus)
CAPTIONS: dict[str, Label] = {
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "unassigned": QT_TRANSLATE_NOOP("labels", "Unassigned"),
    "feedback_id": QT_TRANSLATE_NOOP("labels", "Feedback ID"),
    "customer": QT_TRANSLATE_NOOP("labels", "Customer"),
    "received_at": QT_TRANSLATE_NOOP("labels", "Received"),
    "category": QT_TRANSLATE_NOOP("labels", "Category"),
    "severity": QT_TRANSLATE_NOOP("labels", "Severity"),
    "status": QT_TRANSLATE_NOOP("labels", "Status"),
    "age_days": QT_TRANSLATE_NOOP("labels", "Age (days)"),
    "overdue": QT_TRANSLATE_NOOP("labels", "Overdue"),
    "month": QT_TRANSLATE_NOOP("labels", "Month"),
    "count": QT_TRANSLATE_NOOP("labels", "Count"),
    "median_response_hours": QT_TRANSLATE_NOOP("labels", "Median first response (hours)"),
    "median_resolution_days": QT_TRANSLATE_NOOP("labels", "Median resolution (days)"),
    "open_sheet": QT_TRANSLATE_NOOP("labels", "Open feedback"),
    "monthly_sheet": QT_TRANSLATE_NOOP("labels", "Monthly"),
    "report_title": QT_TRANSLATE_NOOP("labels", "Feedback report"),
}
LABELS: dict[str, str] = english_labels(CAPTIONS, VALUES)  # in English: what the workbook says without labels
OPEN_COLUMNS = ("owner", "feedback_id", "customer", "received_at", "category", "severity", "status", "age_days",
                "overdue")
MONTHLY_COLUMNS = ("month", "category", "count", "median_response_hours", "median_resolution_days")
_FORMATS = {"received_at": "yyyy-mm-dd hh:mm", "month": "yyyy-mm", "age_days": "0.0",
            "median_response_hours": "0.0", "median_resolution_days": "0.0"}


def translated_labels(translate: Translate) -> dict[str, str]:
    """LABELS in the user's language, from a `translate(context, text, disambiguation=None)` such as
    QCoreApplication.translate."""
    return translated(CAPTIONS, translate, VALUES)


def _month_date(key: str) -> dt.date | str:
    """"2026-11" as the first of that month (a real date cell shown as 2026-11); anything else stays text."""
    try:
        return dt.date(int(key[:4]), int(key[5:7]), 1)
    except ValueError:
        return key


def open_rows(report: FeedbackReport, text: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"owner": item.owner or text("unassigned"), "feedback_id": item.id, "customer": item.customer,
             "received_at": item.received_at, "category": text(item.category), "severity": text(item.severity),
             "status": text(item.status), "age_days": round(float(item.age_days), 2),
             "overdue": text("overdue") if item.overdue else None}
            for item in report.open_items]


def monthly_rows(report: FeedbackReport, text: Callable[[str], str]) -> list[dict[str, Any]]:
    def rounded(value: float | None, divisor: float = 1.0) -> float | None:
        return None if value is None else round(value / divisor, 2)

    return [{"month": _month_date(row.month), "category": text(row.category), "count": row.count,
             "median_response_hours": rounded(row.median_response_hours),
             "median_resolution_days": rounded(row.median_resolution_hours, 24.0)}
            for row in report.monthly]


def build_workbook(report: FeedbackReport, labels: Labels | None = None) -> Any:
    """The two sheets in a write-only openpyxl Workbook, not yet saved."""
    from openpyxl.styles import Font, PatternFill

    text = labeller(LABELS, labels)
    book = sheets.new_book(f"{text('report_title')} {report.start.isoformat()} – {report.end.isoformat()}",
                           report.made_at)
    flag_font, flag_fill = Font(bold=True, color="9C0006"), PatternFill("solid", fgColor="FFC7CE")
    used: set[str] = set()
    for title, columns, rows in ((text("open_sheet"), OPEN_COLUMNS, open_rows(report, text)),
                                 (text("monthly_sheet"), MONTHLY_COLUMNS, monthly_rows(report, text))):
        sheet = sheets.new_sheet(book, title, used)
        headers = [text(key) for key in columns]
        sheets.fit_columns(sheet, headers, columns, rows)
        sheet.freeze_panes = "A2"
        sheets.header_row(sheet, headers)
        for row in rows:
            cells = []
            for key in columns:
                cell = sheets.value_cell(sheet, row[key], _FORMATS.get(key))
                if key == "overdue" and row[key]:
                    cell.font, cell.fill = flag_font, flag_fill
                cells.append(cell)
            sheet.append(cells)
        sheets.add_filter(sheet, len(columns), len(rows))
    return book


def write_feedback_report_xlsx(path: str | Path, report: FeedbackReport, *, labels: Labels | None = None) -> None:
    """Write the report to `path` as .xlsx.

    `labels` maps stored values and captions to display names (translated_labels, or a callable), English by
    default. The workbook is written next to `path` and moved over it, so a failure never leaves half a file;
    raises StorageError when the disk refuses.
    """
    path = Path(path)
    save_workbook(build_workbook(report, labels), path)
