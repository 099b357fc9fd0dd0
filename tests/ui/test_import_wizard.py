"""The import wizard, import history, drag and drop and export, driven in a real window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from keepclient.ui.main_window import MainWindow
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests.ui.helpers import ScriptedPrompter
from tests.unit.importing import fixtures


@pytest.fixture
def window(qtbot, tmp_path: Path):
    prompter = ScriptedPrompter(yes=True)
    win = MainWindow(Preferences(tmp_path / "p.ini"), prompter=prompter, runner=TaskRunner(inline=True))
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(0)
    win.open_workspace(tmp_path / "w.db", offer_demo=False)
    win.prompter_ = prompter
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
    assert "New: 3" in check.counts.text() and "problem rows: 2" in check.counts.text()
    assert check.problems.rowCount() == 2 and "12345" in check.problems.item(0, 1).text()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()  # leaving the preview imports
    assert "3 new" in wizard.result.summary.text()
    assert window.workspace.customers.count() == 3
    names = [window.customers.list.model().data(window.customers.list.model().index(r, 0)) for r in range(3)]
    assert "王芳" in names  # the list refreshed
    huaxin = next(r for r in window.workspace.customers.rows(0, 5) if r.name.startswith("上海华信"))
    assert window.workspace.customers.detail(huaxin.id).notes == ""  # the ignored column
    wizard.result.undo.click()
    assert window.workspace.customers.count() == 0 and "undone" in wizard.result.summary.text()


def test_choosing_another_header_row_replans(window: MainWindow, tmp_path: Path):
    window.spreadsheets.open_wizard(fixtures.chinese_workbook(tmp_path / "客户.xlsx"))
    wizard = window.spreadsheets.wizard
    wizard.source.header_row.setValue(2)  # the note row under the title as header: nothing maps
    assert wizard.preview.headers[0] == "制表：销售部" and wizard.preview.mapping == {}
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


def test_cancelled_import_writes_nothing(qtbot, tmp_path: Path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import spreadsheets

    sheet = tmp_path / "big.xlsx"
    spreadsheets.make_sheet(sheet, 4000)
    win = MainWindow(Preferences(tmp_path / "p.ini"), prompter=ScriptedPrompter(), runner=TaskRunner())
    qtbot.addWidget(win)
    win.show()
    win.open_workspace(tmp_path / "c.db", offer_demo=False)
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
    target = tmp_path / "out.json"
    window.prompter_.path = target
    window.spreadsheets.export_action.trigger()
    assert len(json.loads(target.read_text(encoding="utf-8"))["customers"]) == 2
    assert "Exported 2 customers" in window.statusBar().currentMessage()
    dialog.undo_button.click()
    assert workspace.customers.count() == 0 and dialog.table.item(0, 3).text() == "undone"


def test_replanning_runs_off_the_ui_thread_and_holds_the_wizard_until_done(qtbot, tmp_path: Path):
    win = MainWindow(Preferences(tmp_path / "p.ini"), prompter=ScriptedPrompter(), runner=TaskRunner())
    qtbot.addWidget(win)
    win.show()
    win.open_workspace(tmp_path / "r.db", offer_demo=False)
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
