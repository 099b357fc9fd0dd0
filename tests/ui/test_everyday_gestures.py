"""Everyday gestures: right-click menus on customer rows, feedback rows and Due entries; the full New customer
dialog; clickable phone numbers, emails and addresses."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from keepclient.ui import context_menus
from tests.ui.helpers import ScriptedPrompter, names


def _texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _row_position(view, row: int):
    return view.visualRect(view.model().index(row, 0)).center()


def _action(menu: QMenu, start: str) -> QAction:
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(start))


# -- context menus ------------------------------------------------------------------------------------------------
def test_customer_row_menu_reuses_the_menu_actions_and_copies_and_trashes(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    area = window.customers
    row = names(window).index("曾伟")
    menu = context_menus.customer_row_menu(area, window.customer_actions, _row_position(area.list, row))
    assert menu is not None and area.detail.detail.name == "曾伟"  # the right-clicked row is shown
    assert _texts(menu) == ["Open", "Log call or visit…", "Schedule follow-up…", "Add feedback…", "Record order…",
                            "Log gift or greeting…", "Copy phone 139 0000 1111", "Copy email", "Move to trash"]
    for name in ("log", "schedule", "feedback", "record_order", "trash"):
        assert window.customer_actions[name] in menu.actions()  # the very QAction: same shortcut, same state
    assert not _action(menu, "Copy email").isEnabled()  # none to copy
    _action(menu, "Copy phone").trigger()
    assert QGuiApplication.clipboard().text() == "139 0000 1111"
    _action(menu, "Move to trash").trigger()
    assert "曾伟" not in names(window)


def test_customer_row_menu_logs_a_call_and_offers_restore_in_the_trash(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    area = window.customers
    menu = context_menus.customer_row_menu(area, window.customer_actions,
                                           _row_position(area.list, names(window).index("张伟")))
    _action(menu, "Log call or visit").trigger()
    dialog = area.operations.dialog
    assert dialog is not None and dialog.windowTitle() == "Log a call or visit"
    dialog.reject()
    window.customer_actions["trash"].trigger()
    area.sidebar.select("Trash")
    qtbot.waitUntil(lambda: names(window) == ["张伟"])
    menu = context_menus.customer_row_menu(area, window.customer_actions, _row_position(area.list, 0))
    assert _texts(menu) == ["Open", "Copy phone 138 1234 5678", "Copy email", "Restore from trash"]


def test_a_right_click_outside_the_rows_shows_no_menu(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    area = window.customers
    bottom = area.list.viewport().rect().bottomLeft()
    assert context_menus.customer_row_menu(area, window.customer_actions, bottom) is None


def test_feedback_row_menu_offers_the_editor_steps(open_window, team_db, qtbot):
    db, ids, _people = team_db
    ws = Workspace.open(db, user="tester")
    ws.feedback.create(ids["zeng"], kind="complaint", category="delivery", severity="high", channel="phone",
                       description="送货晚了三天")
    ws.close()
    window, _ = open_window(db)
    window.tabs.setCurrentWidget(window.feedback_tab)
    log = window.feedback
    qtbot.waitUntil(lambda: log.table.model() is not None and log.table.model().rowCount() > 0)
    opened: list[int] = []
    log.open_customer.connect(opened.append)
    menu = context_menus.feedback_row_menu(log, _row_position(log.table, 0))
    assert menu is not None
    texts = _texts(menu)
    assert texts[:2] == ["Open", "Show customer"] and "Start work" in texts and "Plan follow-up visit…" in texts
    assert texts[-1] == "New feedback from this customer…"
    _action(menu, "Show customer").trigger()
    assert opened == [ids["zeng"]]
    _action(menu, "Start work").trigger()
    assert ws_status(db, log.editor.detail.item.id) == "in_progress"


def ws_status(db, feedback_id: int) -> str:
    ws = Workspace.open(db, user="reader")
    try:
        return ws.feedback.get(feedback_id).item.status
    finally:
        ws.close()


def test_due_entry_menu_plans_opens_and_copies(make_area, qtbot):
    area = make_area()
    area.settings.due_panel = True
    area.show_workspace(area.workspace)
    due = area.due
    assert due is not None
    qtbot.waitUntil(lambda: bool(due.customer_ids("overdue")))
    top = due.section_item("overdue")
    child = top.child(0)
    due.tree.expandItem(top)
    position = due.tree.visualItemRect(child).center()
    menu = context_menus.due_entry_menu(due, position)
    assert menu is not None
    assert _texts(menu)[:3] == ["Open customer", "Plan…", "Log…"]
    planned: list[int] = []
    due.plan_requested.disconnect()
    due.plan_requested.connect(planned.append)
    _action(menu, "Plan").trigger()
    assert planned == [due.customer_ids("overdue")[0]]


# -- the New customer dialog --------------------------------------------------------------------------------------
def test_new_customer_dialog_creates_a_customer_with_contact_owner_tier_and_tags(open_window, team_db, qtbot):
    db, _ids, people = team_db
    window, prompter = open_window(db)
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    widgets = dialog.widgets
    widgets["name"].setText("杭州青禾茶业有限公司")
    widgets["owner"].setCurrentIndex(widgets["owner"].findData(people["li"]))
    widgets["tier"].setCurrentIndex(widgets["tier"].findData("A"))
    widgets["city"].setText("杭州")
    widgets["address"].setText("西湖区文三路 100 号")
    widgets["contact_name"].setText("陈静")
    widgets["contact_title"].setText("采购经理")
    widgets["contact_mobile"].setText("13912345678")
    widgets["contact_email"].setText("chen@qinghe.example")
    widgets["tags"].setText("VIP，华东, VIP")
    widgets["notes"].setPlainText("展会认识")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert prompter.asked == []  # nothing like it in the database
    detail = window.customers.detail.detail
    assert detail.name == "杭州青禾茶业有限公司" and "杭州青禾茶业有限公司" in names(window)
    assert (detail.values["owner"], detail.values["tier"], detail.values["city"]) == (people["li"], "A", "杭州")
    assert detail.values["address"] == "西湖区文三路 100 号" and detail.values["notes"] == "展会认识"
    assert detail.values["phone"] == "139 1234 5678"  # known by the contact's number until it has its own
    assert sorted(detail.tags) == ["VIP", "华东"]
    [contact] = detail.contacts
    assert (contact.name, contact.title, contact.mobile, contact.email, contact.is_primary) == (
        "陈静", "采购经理", "139 1234 5678", "chen@qinghe.example", True)
    window.customer_actions["undo"].trigger()
    assert "杭州青禾茶业有限公司" not in names(window)
    assert window.workspace.customers.count(CustomerFilter(trash=True)) == 1


def test_new_customer_dialog_warns_about_a_duplicate_while_typing(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0], ScriptedPrompter(yes=False))
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("另一个名字")
    dialog.widgets["contact_mobile"].setText("138 1234 5678")  # 张伟's number
    dialog.widgets["contact_name"].setText("王")
    assert [name for _id, name in dialog.check_duplicates()] == ["张伟"]
    assert dialog.duplicate_label.isVisible() and "张伟" in dialog.duplicate_label.text()
    dialog.submit()  # asked, and answered No: nothing created, the dialog stays
    assert prompter.kinds() == ["question"] and dialog.isVisible()
    assert "另一个名字" not in names(window)


def test_new_customer_dialog_refuses_a_bad_contact_email_and_creates_nothing(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("没有一半的客户")
    dialog.widgets["contact_name"].setText("李")
    dialog.widgets["contact_email"].setText("not-an-email")
    dialog.submit()
    assert dialog.isVisible() and "not a valid email" in dialog.message.text()
    assert dialog.widgets["contact_email"].styleSheet()  # marked
    assert "没有一半的客户" not in names(window)
    assert window.workspace.customers.find_duplicates("没有一半的客户") == []  # rolled back whole


def test_a_company_contact_needs_a_name(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("某公司")
    dialog.widgets["contact_mobile"].setText("13912345678")
    dialog.submit()
    assert dialog.isVisible() and "Give the contact a name" in dialog.message.text()


# -- clickable links ------------------------------------------------------------------------------------------------
def test_phone_email_and_address_are_clickable(open_window, team_db, qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url)) or True)
    window, _ = open_window(team_db[0])
    window.customers.list.selectRow(names(window).index("Müller Maschinenbau GmbH"))
    pane = window.customers.detail
    links = pane.links
    links.actions["phone"].trigger()
    links.actions["email"].trigger()
    assert [u.toString() for u in opened] == ["tel:+49401234567", "mailto:info@mueller.example"]
    pane.form.widgets["address"].setText("Hafenstraße 1, Hamburg")
    links.actions["address"].trigger()
    assert QGuiApplication.clipboard().text() == "Hafenstraße 1, Hamburg"
    window.customers.list.selectRow(names(window).index("单丽"))
    assert not links.actions["phone"].isVisible()  # no number: nothing to call


def test_contact_mobile_and_email_open_when_clicked(open_window, team_db, qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    db, ids, _ = team_db
    ws = Workspace.open(db, user="tester")
    ws.contacts.add(ids["huaxin"], name="刘洋", mobile="13712345678", email="liu@huaxin.example")
    ws.close()
    window, _ = open_window(db)
    window.customers.list.selectRow(names(window).index("上海华信贸易有限公司"))
    contacts = window.customers.detail.contacts
    item = contacts.topLevelItem(0)
    contacts.itemClicked.emit(item, 2)
    qtbot.waitUntil(lambda: len(opened) == 1)  # once no double-click followed
    contacts.itemClicked.emit(item, 3)
    qtbot.waitUntil(lambda: len(opened) == 2)
    contacts.itemClicked.emit(item, 0)  # the name: nothing opens
    contacts.itemClicked.emit(item, 2)
    contacts.itemDoubleClicked.emit(item, 2)  # a double-click edits the contact: no call
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    if window.customers.operations.dialog is not None:
        window.customers.operations.dialog.reject()
    assert opened == ["tel:+8613712345678", "mailto:liu@huaxin.example"]
