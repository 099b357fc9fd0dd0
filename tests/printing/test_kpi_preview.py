"""The KPI report's print preview, as the Dashboard opens it: the printing package's pages in a preview dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from keepclient.ui.kpi_report_preview import preview_kpi_report
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter


def test_the_preview_shows_the_team_page_and_a_page_per_chosen_salesperson(qtbot, workspace) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    people = workspace.team.salespeople()[:2]
    start = DEMO_TODAY.replace(day=1) - dt.timedelta(days=60)
    prompter = ScriptedPrompter()

    preview = preview_kpi_report(parent, workspace, start, DEMO_TODAY, [p.id for p in people], paper="a4",
                                 prompter=prompter)

    assert preview is not None and preview.isVisible() and not prompter.kinds()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 3)
    assert widget.pageCount() == 3  # the team page, then each of the two salespeople's
    with qtbot.waitSignal(preview.finished):
        preview.reject()


def test_the_dashboards_report_is_previewed_as_it_is(qtbot, workspace) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    report = workspace.kpis.report(DEMO_TODAY.replace(day=1), DEMO_TODAY, today=DEMO_TODAY)

    preview = preview_kpi_report(parent, workspace, report.start, report.end, report=report)

    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > len(report.rows))
    with qtbot.waitSignal(preview.finished):
        preview.reject()
