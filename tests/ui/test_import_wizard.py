"""The import wizard, import history, drag and drop and export, driven in a real window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from keepclient.ui.main_window import MainWindow
from keepclient.ui.tasks import TaskRunner
from tests.ui.helpers import ScriptedPrompter
from tests.unit.importing import fixtures


def rows(table) -> int:
    return table.model().rowCount()


def cell(table, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    """What a preview table shows in a cell (its lines are made when shown)."""
    return table.model().index(row, column).data(role)


@pytest.fixture
def window(make_window, new_database) -> MainWindow:
    """A window on a new, empty database (no customer to wait for): a file, and a team server."""
    win, _prompter = make_window(ScriptedPrompter(yes=True))
    win.tabs.setCurrentIndex(0)
    win.open_workspace(new_database("w"), offer_demo=False, create=True)
    return win


def test_wizard_from_file_to_result_and_undo(window: MainWindow, tmp_path: Path, qtbot):
    path = fixtures.chinese_workbook(tmp_path / "客户.xlsx")
    window.spreadsheets.open_wizard(path)
    wizard = window.spreadsheets.wizard
    assert wizard.source.isComplete()
    assert wizard.source.sheet.currentText() == "客户名单" and wizard.source.header_row.value() == 4
    assert wizard.source.sheet.count() == 2
    wizard.next()
    columns = wizard.columns
    assert columns.table.rowCount() == 7 and columns.table.item(0, 0).text() == "客户名称"
    assert columns.mapping()[2] == "mobile"
    columns.set_field(6, "")  # leave the notes column out
    assert 6 not in wizard.preview.mapping
    wizard.next()
    check = wizard.check
    assert "New: 4" in check.counts.text() and "rows imported with problems: 2" in check.counts.text()
    assert "rows refused: 0" in check.counts.text() and not check.salespeople.isVisibleTo(check)
    assert rows(check.problems) == 2 and cell(check.problems, 0, 2) == "12345"
    assert check.tabs.tabText(0) == "Problems (2)" and check.tabs.tabText(1) == "Changes (0)"
    with qtbot.waitSignal(wizard.imported):
        wizard.next()  # leaving the preview imports
    assert wizard.result.summary.text() == ("Imported: 4 new, 0 updated; rows imported with problems: 2; "
                                            "rows refused: 0.")
    assert not wizard.result.conflicts.isVisibleTo(wizard.result)
    assert window.workspace.customers.count() == 4
    names = [window.customers.list.model().data(window.customers.list.model().index(r, 0)) for r in range(4)]
    assert "王芳" in names  # the list refreshed
    huaxin = next(r for r in window.workspace.customers.rows(0, 5) if r.name.startswith("上海华信"))
    assert window.workspace.customers.detail(huaxin.id).notes == ""  # the ignored column
    wizard.result.undo.click()
    assert window.workspace.customers.count() == 0 and "undone" in wizard.result.summary.text()


def test_choosing_another_header_row_replans(window: MainWindow, tmp_path: Path):
    window.spreadsheets.open_wizard(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    wizard = window.spreadsheets.wizard
    wizard.source.header_row.setValue(2)  # the note row under the title as header: no company column
    assert wizard.preview.headers[0] == "制表：销售部" and "company" not in wizard.preview.mapping.values()
    wizard.source.header_row.setValue(4)
    assert wizard.preview.mapping[0] == "company"


def test_a_bad_file_is_explained_in_the_wizard(window: MainWindow, tmp_path: Path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(range(256)) * 20)
    window.spreadsheets.open_wizard(bad)
    wizard = window.spreadsheets.wizard
    assert "not a spreadsheet" in wizard.source.message.text() and not wizard.source.isComplete()
    assert window.workspace.imports.history() == []


def test_dropping_a_file_on_the_window_opens_the_wizard(window: MainWindow, tmp_path: Path):
    path = fixtures.gbk_csv(tmp_path / "名单.csv")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wizard = window.spreadsheets.wizard
    assert wizard is not None and wizard.preview is not None and wizard.preview.path == path


def test_cancelled_import_writes_nothing(make_window, qtbot, tmp_path: Path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import spreadsheets

    sheet = tmp_path / "big.xlsx"
    spreadsheets.make_sheet(sheet, 4000)
    win, _ = make_window(runner=TaskRunner())
    win.open_workspace(tmp_path / "c.db", offer_demo=False, create=True)
    win.spreadsheets.open_wizard(sheet)
    wizard = win.spreadsheets.wizard
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20000)
    wizard.next()
    wizard.next()
    wizard.next()  # starts the import in the background
    wizard.result.cancel.click()
    qtbot.waitUntil(lambda: wizard.task is None, timeout=20000)
    assert "Nothing was written" in wizard.result.summary.text()
    assert win.workspace.customers.count() == 0 and win.workspace.imports.history() == []
    win.runner.wait()


def test_history_undo_and_export_from_the_window(window: MainWindow, tmp_path: Path):
    workspace = window.workspace
    workspace.imports.run(workspace.imports.preview(fixtures.google_csv(tmp_path / "g.csv")))
    window.spreadsheets.history_action.trigger()
    dialog = window.spreadsheets.history
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "g.csv"
    assert dialog.table.item(0, 2).text() == "2 new, 0 updated, rows refused: 0"
    target = tmp_path / "out.json"
    window.prompter.path = target
    window.spreadsheets.export_action.trigger()
    assert len(json.loads(target.read_text(encoding="utf-8"))["customers"]) == 2
    assert "Exported 2 customers" in window.statusBar().currentMessage()
    dialog.undo_button.click()
    assert workspace.customers.count() == 0 and dialog.table.item(0, 3).text() == "undone"


def test_replanning_runs_off_the_ui_thread_and_holds_the_wizard_until_done(make_window, qtbot, tmp_path: Path):
    win, _ = make_window(runner=TaskRunner())
    win.open_workspace(tmp_path / "r.db", offer_demo=False, create=True)
    win.spreadsheets.open_wizard(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    wizard = win.spreadsheets.wizard
    qtbot.waitUntil(lambda: wizard.preview is not None and wizard.task is None, timeout=20000)
    first = wizard.preview
    wizard.source.header_row.setValue(2)
    assert wizard.task is not None and not wizard.source.isComplete()  # matching in the background
    wizard.source.header_row.setValue(4)  # a newer replan replaces the one still running
    qtbot.waitUntil(lambda: wizard.task is None, timeout=20000)
    assert wizard.preview is not first and wizard.preview.mapping[0] == "company"
    assert wizard.source.isComplete() and wizard.columns.isComplete()
    win.runner.wait()


def _to_preview(window: MainWindow, path: Path):
    window.spreadsheets.open_wizard(path)
    wizard = window.spreadsheets.wizard
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.check
    return wizard


def test_columns_page_shows_values_as_written_and_lets_several_columns_feed_other_phones(window: MainWindow,
                                                                                         tmp_path: Path):
    window.spreadsheets.open_wizard(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    wizard = window.spreadsheets.wizard
    wizard.next()
    columns = wizard.columns
    assert columns.table.item(2, 1).text() == "13812345678"  # Excel's float 13812345678.0, as the user typed it
    assert columns.table.item(3, 1).text() == "1980-05-06"
    combo = columns.table.cellWidget(2, 2)
    assert combo.currentText() == "Mobile" and combo.findText("Other phone") > 0
    columns.set_field(2, "phone_more")
    columns.set_field(6, "phone_more")
    columns.set_field(5, "company")  # the company column comes first and keeps it
    assert columns.mapping()[2] == columns.mapping()[6] == "phone_more" and 5 not in columns.mapping()
    assert wizard.preview.mapping[6] == "phone_more"


def test_preview_shows_each_problem_with_its_column_value_and_row(window: MainWindow, tmp_path: Path):
    wizard = _to_preview(window, fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    table = wizard.check.problems
    row = next(r for r in range(rows(table)) if cell(table, r, 1) == "出生日期")
    assert [cell(table, row, c) for c in range(5)] == [
        "10", "出生日期", "1990/2/30", "field left empty, value kept in the notes", "not a date"]
    assert cell(table, row, 5) == "深圳星辰科技 · 孙悦 · 0755-8888 9999 / 13700000002 · 1990/2/30 · B"
    assert "出生日期: 1990/2/30" in cell(table, row, 5, Qt.ItemDataRole.ToolTipRole).splitlines()
    target = tmp_path / "problems.xlsx"
    window.prompter.path = target
    wizard.check.report.click()
    import openpyxl

    report = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert report[0][:5] == ("Row", "Column", "Value as written", "What was done", "Why") and len(report) == 3



def test_the_preview_tables_fit_their_columns_as_qt_would(window: MainWindow, tmp_path: Path):
    """Measured from the texts (not by Qt, which asks every role of 100 sampled cells): never narrower than Qt's
    own fit of the same lines, within each column's limit."""
    wizard = _to_preview(window, fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    table = wizard.check.problems
    assert rows(table) > 1
    for column, widest in enumerate(table.property("widest")):
        assert table.columnWidth(column) >= min(table.sizeHintForColumn(column), widest), column


def test_preview_names_the_salespeople_an_import_adds(window: MainWindow, tmp_path: Path):
    path = tmp_path / "owners.csv"
    path.write_text("客户名称,联系人,业务员\n上海华信,张伟,刘洋\n北京安达,赵磊,刘洋\n深圳星辰,孙悦,陈晨\n",
                    encoding="utf-8")
    wizard = _to_preview(window, path)
    assert wizard.check.salespeople.isVisibleTo(wizard.check)
    assert wizard.check.salespeople.text() == "New salespeople the import adds: 刘洋, 陈晨"


def _exported(window: MainWindow, tmp_path: Path) -> Path:
    workspace = window.workspace
    workspace.imports.run(workspace.imports.preview(fixtures.chinese_workbook(tmp_path / "客户.xlsx")))
    target = tmp_path / "export.xlsx"
    workspace.exports.export(target)
    return target


def test_changes_list_exactly_the_field_edited_in_an_export(window: MainWindow, tmp_path: Path, qtbot):
    import openpyxl

    path = _exported(window, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Contacts"]
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Contact")].value == "张伟")
    assert row[headers.index("Mobile")].value == "138 1234 5678"
    row[headers.index("Mobile")].value = "139 0000 9999"
    book.save(path)
    wizard = _to_preview(window, path)
    check = wizard.check
    assert "New: 0 · updated: 1 · unchanged: 4" in check.counts.text()
    assert check.tabs.tabText(1) == "Changes (1)" and rows(check.changes) == 1
    assert [cell(check.changes, 0, c) for c in range(5)] == [
        str(row[0].row), "张伟 (contact)", "Mobile", "138 1234 5678", "139 0000 9999"]
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert wizard.result.summary.text().startswith("Imported: 0 new, 1 updated;")
    huaxin = next(r for r in window.workspace.customers.rows(0, 5) if r.name.startswith("上海华信"))
    contacts = window.workspace.customers.detail(huaxin.id).contacts
    assert next(c for c in contacts if c.name == "张伟").mobile == "139 0000 9999"


def test_a_customer_changed_after_the_preview_is_left_alone_and_named(window: MainWindow, tmp_path: Path, qtbot):
    import openpyxl

    path = _exported(window, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Customers"]
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Customer name")].value == "北京安达贸易")
    row[headers.index("City")].value = "北京"
    book.save(path)
    wizard = _to_preview(window, path)
    assert cell(wizard.check.changes, 0, 1) == "北京安达贸易"
    workspace = window.workspace
    anda = next(r for r in workspace.customers.rows(0, 5) if r.name == "北京安达贸易")
    workspace.editor.update(anda.id, workspace.customers.detail(anda.id).version, {"industry": "贸易"})
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    result = wizard.result
    assert result.summary.text().startswith("Imported: 0 new, 0 updated;")
    assert result.conflicts.isVisibleTo(result)
    assert result.conflicts.text() == "Left alone because someone changed them after the preview: 北京安达贸易"
    detail = workspace.customers.detail(anda.id)
    assert detail.values["city"] == "" and detail.values["industry"] == "贸易"


def test_the_preview_and_the_kept_values_speak_chinese(window: MainWindow, tmp_path: Path, qtbot, chinese_ui):
    wizard = _to_preview(window, fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    check = wizard.check
    assert check.counts.text() == "新增：4 · 更新：0 · 未变：0 · 未导入的行：0 · 有问题但已导入的行：2"
    assert check.tabs.tabText(0) == "问题（2）"
    assert [cell(check.problems, 0, c) for c in (1, 3, 4)] == [
        "手机号码", "字段留空，原值保存在备注中", "不是电话号码（少于 7 位或多于 15 位数字）"]
    assert wizard.columns.table.cellWidget(2, 2).currentText() == "手机"
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert wizard.result.summary.text() == "已导入：新增 4 个，更新 0 个；有问题但已导入的行：2；未导入的行：0。"
    workspace = window.workspace
    anda = next(r for r in workspace.customers.rows(0, 5) if r.name == "北京安达贸易")
    zhao = next(c for c in workspace.customers.detail(anda.id).contacts if c.name == "赵磊")
    assert zhao.notes == "手机原文：12345"  # the value kept on the record, in the user's language


def test_wizard_imports_an_order_list(window: MainWindow, tmp_path: Path, qtbot):
    """An order list is recognised by its headers; the same pages preview, import and undo it."""
    import datetime as dt

    import openpyxl

    window.workspace.editor.create("北京安达贸易")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单号", "日期", "客户名称", "品名", "数量", "单价", "金额"])
    sheet.append(["SO-1", dt.date(2025, 3, 1), "北京安达贸易", "螺丝", 2, "¥12.50", None])
    sheet.append(["SO-1", dt.date(2025, 3, 1), "北京安达贸易", "螺母", 1, None, "1.234,50 €"])
    sheet.append(["SO-2", dt.date(2025, 3, 2), "新客户公司", "垫片", 1, None, 10])
    path = tmp_path / "订单.xlsx"
    book.save(path)
    window.spreadsheets.open_wizard(path)
    wizard = window.spreadsheets.wizard
    assert wizard.kind == "orders" and wizard.source.kind.currentData() == "orders"
    wizard.next()
    assert wizard.columns.mapping() == {0: "order_no", 1: "date", 2: "customer", 3: "product", 4: "quantity",
                                        5: "unit_price", 6: "amount"}
    wizard.next()
    check = wizard.check
    assert "Order lines new: 2" in check.counts.text() and "without a matching customer: 1" in check.counts.text()
    assert rows(check.problems) == 1 and check.create.isVisibleTo(check) and not check.policy.isVisibleTo(check)
    check.create.setChecked(True)  # plans again, creating 新客户公司
    assert "Order lines new: 3" in check.counts.text() and "new customers: 1" in check.counts.text()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert "3 new" in wizard.result.summary.text()
    assert window.workspace.imports.history()[0].counts["kind"] == "orders"
    assert window.workspace.customers.count() == 2
    wizard.result.undo.click()
    assert window.workspace.customers.count() == 1 and "undone" in wizard.result.summary.text()
