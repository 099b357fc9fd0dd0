"""The feedback report as .xlsx, read back with openpyxl: sheets, header, values and their types, formula safety,
translated labels, and a failed write that leaves the old file alone."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.errors import StorageError
from keepclient.domain.types import FeedbackReport, MonthlyFeedbackRow, OpenFeedbackRow
from keepclient.exporting.feedback_report import LABELS, translated_labels, write_feedback_report_xlsx

OPEN_HEADER = ["Owner", "Feedback ID", "Customer", "Received", "Category", "Severity", "Status", "Age (days)",
               "Overdue"]
MONTHLY_HEADER = ["Month", "Category", "Count", "Median first response (hours)", "Median resolution (days)"]


def report() -> FeedbackReport:
    return FeedbackReport(
        start=dt.date(2026, 5, 24), end=dt.date(2026, 11, 23), made_at=dt.datetime(2026, 11, 23, 10, 0),
        open_items=[
            OpenFeedbackRow("王芳", 101, "北京朝阳机械有限公司", dt.datetime(2026, 10, 30, 20, 30), "delivery",
                            "urgent", "new", 23.5625, True),
            OpenFeedbackRow("王芳", 102, '=HYPERLINK("http://evil","x")', dt.datetime(2026, 11, 2, 8, 0), "price",
                            "normal", "in_progress", 21.0833, False),
            OpenFeedbackRow("=cmd|' /C calc'!A0", 103, "+Müller GmbH", dt.datetime(2026, 11, 20, 9, 15), "trust",
                            "high", "replied", 3.03, False),
            OpenFeedbackRow("", 104, "成都武侯食品公司", dt.datetime(2026, 11, 22, 16, 0), "other", "low",
                            "resolved", 0.75, True),
        ],
        monthly=[
            MonthlyFeedbackRow("2026-10", "price", 7, 5.2, 74.4),
            MonthlyFeedbackRow("2026-10", "delivery", 3, 30.0, None),
            MonthlyFeedbackRow("2026-11", "product", 12, 2.4, 50.4),
        ],
    )


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_two_sheets_with_styled_frozen_filtered_headers(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_feedback_report_xlsx(path, report())

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Open feedback", "Monthly"]
    for name, header, count in (("Open feedback", OPEN_HEADER, 4), ("Monthly", MONTHLY_HEADER, 3)):
        sheet = book[name]
        assert list(rows(sheet)[0]) == header
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + len(header) - 1)}{count + 1}"
        assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("4E79A7") for cell in sheet[1])
        assert sheet.max_row == count + 1
    assert book["Open feedback"].column_dimensions["C"].width >= 20  # the long customer names
    assert "2026-05-24" in book.properties.title and "2026-11-23" in book.properties.title


def test_values_are_real_dates_numbers_and_labels(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_feedback_report_xlsx(path, report())

    book = openpyxl.load_workbook(path)
    sheet = book["Open feedback"]
    first = rows(sheet)[1]
    assert first == ("王芳", 101, "北京朝阳机械有限公司", dt.datetime(2026, 10, 30, 20, 30), "Delivery", "Urgent",
                     "New", 23.56, "Overdue")
    assert sheet["D2"].is_date and sheet["D2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["B2"].data_type == "n" and sheet["H2"].data_type == "n" and sheet["H2"].number_format == "0.0"
    assert sheet["I2"].font.bold  # the overdue flag stands out
    assert [row[8] for row in rows(sheet)[1:]] == ["Overdue", None, None, "Overdue"]
    assert rows(sheet)[3][6] == "Replied to customer" and rows(sheet)[4][0] == "Unassigned"

    monthly = rows(book["Monthly"])[1:]
    assert monthly == [
        (dt.datetime(2026, 10, 1), "Price", 7, 5.2, 3.1),
        (dt.datetime(2026, 10, 1), "Delivery", 3, 30.0, None),  # nothing resolved yet: an empty cell, not 0
        (dt.datetime(2026, 11, 1), "Product", 12, 2.4, 2.1),
    ]
    assert book["Monthly"]["A2"].is_date and book["Monthly"]["A2"].number_format == "yyyy-mm"
    assert isinstance(monthly[0][2], int)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_feedback_report_xlsx(path, report())

    book = openpyxl.load_workbook(path)
    sheet = book["Open feedback"]
    assert sheet["C3"].value == '=HYPERLINK("http://evil","x")' and sheet["C3"].data_type == "s"
    assert sheet["A4"].value == "=cmd|' /C calc'!A0" and sheet["A4"].data_type == "s"
    assert sheet["C4"].value == "+Müller GmbH"  # kept exactly: no apostrophe added
    with zipfile.ZipFile(path) as archive:
        xml = b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml  # no formula element anywhere


def test_labels_translate_values_captions_and_sheet_names(tmp_path: Path) -> None:
    chinese = {"Open feedback": "未结反馈", "Monthly": "按月统计", "Owner": "负责人", "Delivery": "交付",
               "Urgent": "紧急", ("New", "feedback status"): "新建", ("New", "customer stage"): "新客户",
               "Overdue": "已超期", "Month": "月份", "Price": "价格"}

    def translate(context: str, text: str, disambiguation: str | None = None) -> str:
        """A new feedback item has its own word (新建, not the customer stage's 新客户): told apart by the
        disambiguation."""
        if context != "labels":
            return "?"
        return str(chinese.get((text, disambiguation) if disambiguation else text, text))

    labels = translated_labels(translate)
    path = tmp_path / "zh.xlsx"
    write_feedback_report_xlsx(path, report(), labels=labels)

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["未结反馈", "按月统计"]
    header = rows(book["未结反馈"])[0]
    assert header[0] == "负责人" and header[2] == "Customer"  # not translated: English
    assert rows(book["未结反馈"])[1][4:7] == ("交付", "紧急", "新建") and rows(book["未结反馈"])[1][8] == "已超期"
    assert rows(book["按月统计"])[0][0] == "月份" and rows(book["按月统计"])[1][1] == "价格"


def test_a_labels_callable_that_does_not_know_a_key_falls_back_to_english(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_feedback_report_xlsx(path, report(), labels=lambda key: key.upper() if key == "trust" else key)

    sheet = openpyxl.load_workbook(path)["Open feedback"]
    assert rows(sheet)[3][4] == "TRUST" and rows(sheet)[3][5] == "High" and rows(sheet)[0][0] == "Owner"
    assert set(LABELS) >= {"product", "price", "service", "delivery", "trust", "other", "low", "normal", "high",
                           "urgent", "new", "in_progress", "resolved", "replied", "closed"}


def test_empty_report_still_has_both_sheets(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_feedback_report_xlsx(path, report()._replace(open_items=[], monthly=[]))

    book = openpyxl.load_workbook(path)
    assert [rows(book[name]) for name in book.sheetnames] == [[tuple(OPEN_HEADER)], [tuple(MONTHLY_HEADER)]]
    assert book["Monthly"].auto_filter.ref == "A1:E1"


def test_write_failure_raises_storage_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        write_feedback_report_xlsx(tmp_path / "missing" / "r.xlsx", report())
    assert "missing" in caught.value.message()

    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"the old report")
    folder_is_a_file = target / "inside.xlsx"
    with pytest.raises(StorageError):
        write_feedback_report_xlsx(folder_is_a_file, report())
    assert target.read_bytes() == b"the old report"

    if os.name == "posix" and os.geteuid() != 0:  # root ignores permissions
        target.parent.chmod(0o500)
        try:
            with pytest.raises(StorageError):
                write_feedback_report_xlsx(target, report())
        finally:
            target.parent.chmod(0o700)
        assert target.read_bytes() == b"the old report"

    write_feedback_report_xlsx(target, report())  # replaced whole, no temporary file left behind
    assert zipfile.is_zipfile(target) and sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]
