"""Customer › Print customer list…: the list as the tab shows it (view, search, columns), every row of it, to PDF
(read back with pdftotext and pdfinfo) or a preview."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QSettings

from keepclient.ui.customer_list_print_dialog import CustomerListPrintDialog, print_customer_list
from tests.ui.helpers import ScriptedPrompter, names

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
                                reason="poppler-utils (pdftotext, pdfinfo) not installed")


def _dialog(window) -> CustomerListPrintDialog:
    found = window.customers.findChildren(CustomerListPrintDialog)
    assert len(found) == 1
    return found[0]


def test_the_menu_prints_the_searched_list_in_the_shown_columns(open_window, team_db, qtbot, tmp_path):
    prompter = ScriptedPrompter(path=tmp_path / "伟.pdf")
    window, _ = open_window(team_db[0], prompter)
    area = window.customers
    area.filters.search.setText("伟")
    qtbot.waitUntil(lambda: "单丽" not in names(window))
    shown = names(window)  # 张伟, 曾伟, and Brown Foods by its contact 张伟明
    area.list.show_column(4, False)  # City hidden: not printed unless ticked
    window.customer_actions["print_list"].trigger()
    dialog = _dialog(window)
    assert "city" not in dialog.columns() and dialog.columns()[:2] == ["name", "tier"]
    dialog.set_columns(["name", "tier", "owner", "phone"])
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.save_pdf()
    assert dialog.saved == tmp_path / "伟.pdf" and dialog.last_pages == 1
    text = subprocess.run(["pdftotext", "-layout", str(dialog.saved), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert all(name in text for name in shown) and "单丽" not in text
    assert "Owner" in text and "Phone" in text and "Stage" not in text and "成都" not in text
    info = subprocess.run(["pdfinfo", str(dialog.saved)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+612 x 792 pts", info)  # Letter, upright for four columns
    dialog.reject()


def test_every_row_is_printed_not_only_the_page_read(open_window, demo_db, qtbot, tmp_path):
    window, _ = open_window(demo_db, ScriptedPrompter(path=tmp_path / "all.pdf"))
    settings = QSettings(str(tmp_path / "print.ini"), QSettings.Format.IniFormat)
    dialog = print_customer_list(window.customers, settings=settings)
    assert dialog is not None
    dialog.save_pdf()
    total = window.workspace.customers.count(window.customers.current_filter())
    assert total > 100 and len(dialog.rows) == total  # the list had read one block of 100
    assert [row.id for row in dialog.rows[:100]] == [window.customers.list.paged.item(i).id for i in range(100)]
    assert dialog.last_pages > 1
    again = CustomerListPrintDialog(window.workspace, window.customers.current_filter(), settings=settings)
    assert again.columns() == dialog.columns() and again.paper.currentData() == dialog.paper.currentData()
    dialog.reject()


def test_preview_opens_with_the_pages(open_window, team_db, qtbot, tmp_path):
    window, _ = open_window(team_db[0])
    settings = QSettings(str(tmp_path / "print.ini"), QSettings.Format.IniFormat)
    dialog = print_customer_list(window.customers, settings=settings)
    dialog.preview()
    preview = dialog.preview_dialog()
    assert preview is not None
    qtbot.waitUntil(lambda: dialog.last_pages == 1)
    preview.close()
    dialog.reject()
