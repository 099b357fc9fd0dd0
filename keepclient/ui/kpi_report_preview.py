"""The KPI report's print preview, for the Dashboard tab: the same pages as `keepclient kpi-report --pdf` (team page
with its charts, then a page per salesperson), shown in a preview whose Print button prints them.

The drawing is printing/kpi_report.py's; this module only reads the report (unless the caller has it already: the
Dashboard keeps the one it shows), the salespeople's calendar colours, and opens the preview beside the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from keepclient.domain.errors import KeepclientError
from keepclient.domain.kpis import KpiReport
from keepclient.printing.kpi_report import render_kpi_report
from keepclient.printing.schedules import page_layout
from keepclient.ui.prompts import Prompter
from keepclient.ui.settings import default_paper
from keepclient.ui.widgets.print_preview import open_print_preview

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

def preview_kpi_report(parent: QWidget, workspace: Workspace, start: dt.date, end: dt.date,
                       salesperson_ids: Sequence[int] | None = None, *, report: KpiReport | None = None,
                       today: dt.date | None = None, paper: str | None = None, landscape: bool = False,
                       prompter: Prompter | Any = None) -> QPrintPreviewDialog | None:
    """Open the print preview of the KPI report for `start`..`end` (both included) and the chosen salespeople
    (None: the whole team), window-modal beside `parent`; returns the dialog, or None after telling the user why
    the report could not be read. Pass `report` when it is at hand (the Dashboard's) to skip reading it again;
    `today` is the day "overdue now" is counted for. Paper: the locale's unless given ("a4" or "letter")."""
    prompter = prompter or Prompter(parent)
    title = QCoreApplication.translate("KpiReportPreview", "KPI report")
    failure: KeepclientError | None = None
    colors: dict[int, str] = {}
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if report is None:
            ids = list(salesperson_ids) if salesperson_ids is not None else None
            report = workspace.kpis.report(start, end, ids, today=today)
        colors = {person.id: person.color for person in workspace.team.salespeople(active_only=False)}
    except KeepclientError as exc:
        failure = exc
    finally:
        QGuiApplication.restoreOverrideCursor()
    if failure is not None or report is None:
        if failure is not None:
            prompter.error(title, failure.message(QCoreApplication.translate))
        return None
    shown = report

    def render(device: QPagedPaintDevice) -> int:
        return render_kpi_report(device, shown, colors=colors)

    return open_print_preview(parent, page_layout(paper or default_paper(), landscape), title, render)
