"""Gifts and greetings in the window: Log gift… from the pane, the timeline's gift entries, edit and remove from
them, undo and redo, a colleague's save never overwritten, and the Other… occasion (fixed dates throughout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from keepclient.domain.holidays import KEYS
from keepclient.services.workspace import Workspace
from keepclient.ui.customers.gift_dialog import OTHER, GiftDialog
from keepclient.ui.main_window import MainWindow
from tests import small_team

pytestmark = pytest.mark.usefixtures("english_locale")


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, dict[str, int], dict[str, int]]:
    ws, ids, people = small_team.build(tmp_path / "team.db")
    ws.close()
    return tmp_path / "team.db", ids, people


def select(window: MainWindow, customer_id: int) -> None:
    area = window.customers
    row = area.workspace.customers.position(customer_id, area.current_filter())
    assert row is not None
    area.list.paged.item(row)
    area.list.selectRow(row)
    assert area.detail.shown_id == customer_id


def gift_dialog(window: MainWindow) -> GiftDialog:
    dialog = window.customers.operations.dialog
    assert isinstance(dialog, GiftDialog)
    return dialog


def gift_rows(window: MainWindow) -> list[QTreeWidgetItem]:
    tree = window.customers.detail.timeline
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item for item in items if item.data(0, Qt.ItemDataRole.UserRole) is not None]


def texts(window: MainWindow) -> list[tuple[str, str]]:
    return [(item.text(1), item.text(3)) for item in gift_rows(window)]


def test_log_edit_remove_with_undo_and_redo(open_window, team, qtbot):
    db, ids, people = team
    window, prompter = open_window(db)
    select(window, ids["huaxin"])
    pane = window.customers.detail
    qtbot.mouseClick(pane.gift_button, Qt.MouseButton.LeftButton)
    dialog = gift_dialog(window)
    assert dialog.given_by.currentData() == people["wang"]  # the owner
    assert [dialog.occasion.itemData(i) for i in range(dialog.occasion.count())] == [*KEYS, "birthday", OTHER]
    dialog.date.setDate(QDate(2027, 9, 10))
    dialog.occasion.setCurrentIndex(dialog.occasion.findData("mid_autumn"))
    dialog.item.setText("月饼礼盒")
    dialog.cost.setText("388")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert texts(window) == [("Gift · Mid-Autumn Festival", "月饼礼盒 · 王建国  388.00")]
    (gift,) = window.customers.workspace.gifts.for_customer(ids["huaxin"])
    assert (gift.date, gift.occasion, gift.cost_cents) == (dt.date(2027, 9, 10), "mid_autumn", 38_800)

    pane._gift(gift_rows(window)[0], "edit")
    dialog = gift_dialog(window)
    assert (dialog.item.text(), dialog.cost.text()) == ("月饼礼盒", "388.00")
    dialog.item.setText("月饼礼盒（双黄）")
    dialog.given_by.setCurrentIndex(dialog.given_by.findData(people["li"]))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert texts(window) == [("Gift · Mid-Autumn Festival", "月饼礼盒（双黄） · 李娜  388.00")]
    stack = window.customers.undo_stack
    assert stack.undoText() == "Edit gift"
    stack.undo()
    assert texts(window)[0][1] == "月饼礼盒 · 王建国  388.00"
    stack.redo()
    assert texts(window)[0][1] == "月饼礼盒（双黄） · 李娜  388.00"

    pane._gift(gift_rows(window)[0], "remove")
    assert texts(window) == [] and stack.undoText() == "Remove gift"
    stack.undo()
    assert len(texts(window)) == 1
    stack.undo()  # the edit
    stack.undo()  # the logging itself
    assert texts(window) == []
    stack.redo()
    assert texts(window) == [("Gift · Mid-Autumn Festival", "月饼礼盒 · 王建国  388.00")]
    assert prompter.kinds() == []


def test_other_occasion_needs_words_and_a_colleagues_save_is_kept(open_window, team, qtbot):
    db, ids, _people = team
    window, prompter = open_window(db)
    select(window, ids["brown"])
    window.customer_actions["log_gift"].trigger()  # Customer › Log gift or greeting…
    dialog = gift_dialog(window)
    dialog.date.setDate(QDate(2027, 3, 8))
    dialog.occasion.setCurrentIndex(dialog.occasion.findData(OTHER))
    assert dialog.event_text.isEnabled()
    dialog.item.setText("花篮")
    dialog.submit()
    assert dialog.isVisible() and dialog.message.text() == "Say what the occasion was."
    dialog.cost.setText("lots")
    dialog.event_text.setText("开业十周年")
    dialog.submit()
    assert dialog.isVisible() and "is not an amount" in dialog.message.text()
    dialog.cost.setText("")
    dialog.contact.setCurrentIndex(dialog.contact.findText("张伟明"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert texts(window) == [("Gift · 开业十周年", "花篮 · 王建国")]

    colleague = Workspace.open(db, user="colleague")
    try:
        (mine,) = colleague.gifts.for_customer(ids["brown"])
        assert (mine.occasion, mine.contact) == ("开业十周年", "张伟明")
        colleague.gifts.update(mine.id, mine.version, {"notes": "他们的备注"})
        window.customers.undo_stack.undo()  # undo of our logging after their save: refused, theirs kept
        assert prompter.kinds()[-1] == "error"
        assert colleague.gifts.get(mine.id).notes == "他们的备注" and not colleague.gifts.get(mine.id).deleted
    finally:
        colleague.close()


def test_care_list_from_the_customer_menu_as_pdf_and_excel(open_window, team, qtbot, tmp_path: Path):
    from openpyxl import load_workbook

    from keepclient.ui.care_list_dialog import CareListDialog
    from tests.printing.conftest import read_pdf

    db, ids, people = team
    ws = Workspace.open(db, user="office")
    try:
        ws.gifts.add(ids["huaxin"], date=dt.date(2026, 9, 25), occasion="mid_autumn", item="月饼礼盒")
    finally:
        ws.close()
    window, prompter = open_window(db)
    window.customer_actions["care_list"].trigger()
    dialog = window.findChild(CareListDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.occasion.setCurrentIndex(dialog.occasion.findData("mid_autumn"))
    dialog.year.setValue(2027)
    assert not dialog.month.isEnabled()
    dialog.tiers["C"].setChecked(False)
    dialog.owner.setCurrentIndex(dialog.owner.findData(people["wang"]))
    prompter.path = tmp_path / "中秋"
    saved = dialog.save_pdf()
    assert saved == tmp_path / "中秋.pdf" and dialog.last_pages == 1
    page = read_pdf(saved)[0]
    assert page.has("上海华信贸易有限公司", "Brown Foods Ltd", "曾伟", "张伟明", "2026: 月饼礼盒")
    assert not page.has("Müller") and not page.has("单丽")  # 李娜's customers
    prompter.path = tmp_path / "care.xlsx"
    assert dialog.save_excel() == tmp_path / "care.xlsx"
    rows = list(load_workbook(tmp_path / "care.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[9]) for r in rows] == [
        ("王建国", "Brown Foods Ltd", "A", None), ("王建国", "上海华信贸易有限公司", "B", "月饼礼盒"),
        ("王建国", "曾伟", "B", None)]  # by tier, then name as the list sorts it (pinyin: shanghai… before zeng…)
    for box in dialog.tiers.values():
        box.setChecked(False)
    assert not dialog.pdf_button.isEnabled() and dialog.message.text() == "Choose at least one tier."
    dialog.occasion.setCurrentIndex(dialog.occasion.findData("birthday"))
    assert dialog.month.isEnabled()
    dialog.reject()


def test_a_coming_holiday_in_the_due_panel_opens_its_care_list(open_window, team, qtbot):
    """Double-clicking 中秋 in the Due panel's coming holidays opens the care list for it, ready to save."""
    from keepclient.ui.care_list_dialog import CareListDialog

    db, _ids, _people = team
    window, _prompter = open_window(db)
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar.care_list_requested.emit("mid_autumn", 2027)
    dialog = window.findChild(CareListDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.occasion.currentData(), dialog.year.value()) == ("mid_autumn", 2027)
    dialog.reject()
