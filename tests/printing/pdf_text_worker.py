"""Writes every printed document as a PDF in English and Chinese, in a process of its own, and reports as JSON what
fonts Qt saw and the text QtPdf reads back from each file.

Run by test_pdf_text_fonts.py with FONTCONFIG_FILE pointing at one font set: Qt reads the font configuration once
per process, so each set needs its own. `python -m tests.printing.pdf_text_worker OUT_DIR` from the repository root.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from keepclient.domain import kpis
from keepclient.domain.gifts import CareList, CareListRow
from keepclient.domain.kpis import Kpi, KpiReport, MonthlyFigure, SalespersonKpis
from keepclient.domain.types import FeedbackReport, MonthlyFeedbackRow, OpenFeedbackRow, SalespersonInfo, ScheduleEntry
from keepclient.printing import ensure_gui_app, write_schedule_pdf
from keepclient.printing.care_list import write_care_list_pdf
from keepclient.printing.feedback_report import write_feedback_report_pdf
from keepclient.printing.kpi_report import write_kpi_report_pdf
from tests.printing.samples import entry

DAY = dt.date(2026, 12, 7)  # a Monday
PRINTED_AT = dt.datetime(2026, 12, 6, 17, 45)
ZHANG = SalespersonInfo(1, "张伟", "S01", "#3366cc")
# Characters Noto Sans CJK draws with a radical's glyph (日 广 食 用 一 人 门 长 马 金 高 生 月 工), digits in every
# field, and 喆, a name character GB 2312 lacks: it comes from the system's CJK font.
CUSTOMER = "广州天河喆明日用品有限公司"
CONTACT = "高生经理"
PHONE = "13800138000"
ADDRESS = "广州市天河区天河北路183号金门大厦7楼"
PURPOSE = "一人上门：确认12月订单，食品样品"
SECOND = "长沙马王堆工贸有限公司"


def schedule_entries() -> list[ScheduleEntry]:
    first = entry(ZHANG, dt.datetime.combine(DAY, dt.time(9, 30)), 1, purpose=PURPOSE)
    first = first._replace(customer=CUSTOMER, contact=CONTACT, phone=PHONE, address=ADDRESS)
    second = entry(ZHANG, dt.datetime.combine(DAY, dt.time(14, 0)), 2, kind="call", status="done",
                   purpose="月度回访 2026-12")
    second = second._replace(customer=SECOND, contact="", phone="0731-8456 0099", address="")
    return [first, second]


def feedback_report() -> FeedbackReport:
    made_at = dt.datetime(2026, 12, 6, 10, 0)
    items = [OpenFeedbackRow("张伟", 101, CUSTOMER, dt.datetime(2026, 11, 2, 9, 30), "delivery", "urgent", "new",
                             34.0, True),
             OpenFeedbackRow("", 2048, SECOND, dt.datetime(2026, 11, 30, 16, 5), "price", "normal", "in_progress",
                             5.75, False)]
    monthly = [MonthlyFeedbackRow("2026-11", "delivery", 7, 5.2, 74.4),
               MonthlyFeedbackRow("2026-12", "price", 12, 2.4, 50.4)]
    return FeedbackReport(dt.date(2026, 6, 7), DAY, made_at, items, monthly)


def kpi_report() -> KpiReport:
    months = [f"2026-{month:02d}" for month in range(1, 13)]
    values = {key: Kpi(key, 0.5, 1, 2) for key in kpis.KPI_KEYS}
    values["visits_done"] = Kpi("visits_done", 137, target=120.0)
    values["revenue"] = Kpi("revenue", 123_456_789, target=100_000_000.0)
    person = SalespersonKpis(ZHANG.id, ZHANG.name, ZHANG.code, True, values, 100_000_000.0, 120.0)
    monthly = [MonthlyFigure(ZHANG.id, key, 10 + index, 9_876_500 + index * 100, 10.0, 8_333_333.0)
               for index, key in enumerate(months)]
    total = SalespersonKpis(None, "Team", "", True, values)
    return KpiReport(dt.date(2026, 1, 1), dt.date(2026, 12, 31), DAY, PRINTED_AT, [person], total, monthly, 24.0,
                     168.0, "CNY")


def care_list() -> CareList:
    rows = (CareListRow(7, CUSTOMER, "A", ZHANG.id, ZHANG.name, CONTACT, "总经理", PHONE, "", ADDRESS,
                        dt.date(2026, 9, 25), "月饼礼盒", dt.date(2025, 10, 6)),
            CareListRow(8, SECOND, "B", None, "", "", "", "", "0731-8456 0099", "", dt.date(2026, 9, 25)))
    return CareList("mid_autumn", 2026, "中秋节", "Mid-Autumn Festival", dt.date(2026, 9, 25), None, rows,
                    made_at=PRINTED_AT)


def write_all(out: Path) -> dict[str, Path]:
    """Each document in each language; names like "week-zh_CN"."""
    written = {}
    for language in ("en", "zh_CN"):
        for kind, start in (("week", DAY), ("day", DAY), ("month", DAY)):
            path = written[f"{kind}-{language}"] = out / f"{kind}-{language}.pdf"
            write_schedule_pdf(path, kind, schedule_entries(), [ZHANG], start, printed_at=PRINTED_AT,
                               language=language)
        path = written[f"feedback-{language}"] = out / f"feedback-{language}.pdf"
        write_feedback_report_pdf(path, feedback_report(), language=language, printed_at=PRINTED_AT)
        path = written[f"kpi-{language}"] = out / f"kpi-{language}.pdf"
        write_kpi_report_pdf(path, kpi_report(), language=language, printed_at=PRINTED_AT)
        path = written[f"care-{language}"] = out / f"care-{language}.pdf"
        write_care_list_pdf(path, care_list(), language=language, printed_at=PRINTED_AT)
    return written


def read_back(path: Path) -> str:
    """The text of every page as QtPdf extracts it."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    text = "\f".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def main(out: Path) -> None:
    from PySide6.QtGui import QFontDatabase

    ensure_gui_app()
    files = write_all(out)
    print(json.dumps({"families": QFontDatabase.families(),
                      "files": {name: {"path": str(path), "qtpdf": read_back(path)} for name, path in files.items()}},
                     ensure_ascii=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
