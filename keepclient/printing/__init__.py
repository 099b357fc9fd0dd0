"""Printed schedules for office managers: week schedule, day route sheet and month overview, on paper or as PDF.

QtGui and QtPrintSupport only (never QtWidgets), so the command line prints without a window.
"""

from keepclient.printing.schedules import (
    KINDS,
    PAPERS,
    default_landscape,
    ensure_gui_app,
    group_by_salesperson,
    page_layout,
    period,
    render_schedule,
    write_schedule_pdf,
)

__all__ = [
    "KINDS",
    "PAPERS",
    "default_landscape",
    "ensure_gui_app",
    "group_by_salesperson",
    "page_layout",
    "period",
    "render_schedule",
    "write_schedule_pdf",
]
