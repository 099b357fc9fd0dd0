"""The customers tab driven as a user would: typing, filters, views, editing, conflicts, undo, trash, bulk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from keepclient.domain.types import CustomerFilter
from keepclient.services.workspace import Workspace
from keepclient.ui.main_window import MainWindow
from keepclient.ui.tasks import TaskRunner
from tests.ui.helpers import ScriptedPrompter, names


def type_into(qtbot, widget, text: str) -> None:
    """Keystrokes for Latin text; Chinese arrives as an input method's commit, as from a real IME."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_search(qtbot, window: MainWindow, text: str) -> None:
    search = window.customers.filters.search
    search.clear()
    type_into(qtbot, search, text)
    qtbot.waitUntil(lambda: window.customers.current_filter().text == text)
    qtbot.wait(5)  # the coalesced reload runs on the next turn of the event loop


@pytest.mark.parametrize(("query", "expected"), [
    ("张伟", ["Brown Foods Ltd", "张伟"]),
    ("zw", ["Brown Foods Ltd", "曾伟", "张伟"]),
    ("zhangwei", ["Brown Foods Ltd", "张伟"]),
    ("1381234", ["张伟"]),
    ("muller", ["Müller Maschinenbau GmbH"]),
    ("huaxin", ["上海华信贸易有限公司"]),
])
def test_typing_searches_as_you_type(open_window, team_db, qtbot, query, expected):
    window, _ = open_window(team_db[0])
    type_search(qtbot, window, query)
    qtbot.waitUntil(lambda: names(window) == expected)


def test_ctrl_f_focuses_search_and_escape_clears(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    window.customer_actions["find"].trigger()
    search: QLineEdit = window.customers.filters.search
    qtbot.waitUntil(search.hasFocus)
    type_into(qtbot, search, "曾")
    qtbot.waitUntil(lambda: names(window) == ["曾伟"])
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(names(window)) == 6)
    assert window.customer_actions["find"].shortcut().toString() == "Ctrl+F"


def test_filters_combine_and_an_empty_result_says_so(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    filters = window.customers.filters
    filters.tier.setCurrentIndex(filters.tier.findData("A"))
    qtbot.waitUntil(lambda: names(window) == ["Brown Foods Ltd", "张伟"])
    filters.owner.setCurrentIndex(filters.owner.findData(team_db[2]["li"]))
    qtbot.waitUntil(lambda: names(window) == ["张伟"])
    type_search(qtbot, window, "london")
    qtbot.waitUntil(lambda: names(window) == [])
    assert window.customers.no_match.isVisible() and window.customers.currentIndex() == 1


def test_header_click_sorts_in_the_database(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    header = window.customers.list.horizontalHeader()
    header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)  # city, what a header click does
    qtbot.waitUntil(lambda: window.customers.current_filter().sort == "city")
    model = window.customers.list.model()
    cities = [model.data(model.index(row, 4)) for row in range(model.rowCount())]
    assert cities == sorted(cities, reverse=True)


def test_hidden_columns_and_order_are_remembered(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    menu = window.customers.list.column_menu()
    phone = next(a for a in menu.actions() if a.text() == "Phone")
    phone.setChecked(False)
    window.customers.list.horizontalHeader().moveSection(1, 3)
    assert window.customers.list.isColumnHidden(5)
    window.close()
    again, _ = open_window(team_db[0])
    assert again.customers.list.isColumnHidden(5)
    assert again.customers.list.horizontalHeader().visualIndex(1) == 3


def test_saved_views(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0], ScriptedPrompter(answer_text="上海的A类"))
    area = window.customers
    area.filters.city.setCurrentIndex(area.filters.city.findData("上海"))
    area.filters.tier.setCurrentIndex(area.filters.tier.findData("A"))
    qtbot.waitUntil(lambda: names(window) == ["张伟"])
    area.sidebar.save_button.click()
    assert "上海的A类" in [v.name for v in area.sidebar.views()]
    area.sidebar.select("Trash")
    qtbot.waitUntil(lambda: names(window) == [])
    area.sidebar.select("上海的A类")
    qtbot.waitUntil(lambda: names(window) == ["张伟"])
    window.close()
    again, _ = open_window(team_db[0])
    assert "上海的A类" in [v.name for v in again.customers.sidebar.views()]
    again.customers.sidebar.select("上海的A类")
    again.customers.sidebar.delete_button.click()
    assert "上海的A类" not in [v.name for v in again.customers.sidebar.views()]


def log_call(window: MainWindow, qtbot) -> None:
    """Customer › Log call or visit… for the selected customer: a call on 20 Nov 2026 that wants a quote."""
    window.customer_actions["log"].trigger()
    dialog = window.customers.operations.dialog
    dialog.set_value("when", dt.datetime(2026, 11, 20, 15, 0))
    dialog.widgets["outcome"].setPlainText("Wants a quote")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()


def select(window: MainWindow, name: str) -> None:
    row = names(window).index(name)
    window.customers.list.selectRow(row)
    assert window.customers.detail.detail.name == name


def test_edit_save_undo_redo(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "单丽")
    city: QLineEdit = window.customers.detail.form.widgets["city"]
    city.clear()
    type_into(qtbot, city, "天津")
    assert window.customers.detail.save_button.isEnabled()
    window.customer_actions["save"].trigger()
    ws = window.workspace
    shan = team_db[1]["shan"]
    assert ws.customers.detail(shan).values["city"] == "天津"
    assert "天津" in [window.customers.list.model().data(window.customers.list.model().index(r, 4))
                      for r in range(6)]
    window.customer_actions["undo"].trigger()
    assert ws.customers.detail(shan).values["city"] == "北京"
    assert window.customers.detail.form.widgets["city"].text() == "北京"
    window.customer_actions["redo"].trigger()
    assert ws.customers.detail(shan).values["city"] == "天津"


def test_invalid_phone_is_marked_and_nothing_is_lost(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "单丽")
    phone: QLineEdit = window.customers.detail.form.widgets["phone"]
    qtbot.keyClicks(phone, "12345")
    window.customer_actions["save"].trigger()
    assert "not a valid phone number" in phone.toolTip() and phone.styleSheet()
    assert "not a valid phone number" in window.statusBar().currentMessage()
    window.customers.list.selectRow(names(window).index("张伟"))  # try to leave: the edit stays on screen
    assert window.customers.detail.detail.name == "单丽" and phone.text() == "12345"
    assert window.workspace.customers.detail(team_db[1]["shan"]).values["phone"] == ""


def test_leaving_a_customer_saves_its_edits(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "单丽")
    notes = window.customers.detail.form.widgets["notes"]
    notes.setPlainText("喜欢上午拜访")
    window.customers.list.selectRow(names(window).index("张伟"))
    assert window.customers.detail.detail.name == "张伟"
    assert window.workspace.customers.detail(team_db[1]["shan"]).notes == "喜欢上午拜访"


def test_conflict_dialog_keeps_both_sides(open_window, team_db, qtbot):
    db, ids, _ = team_db
    window, _ = open_window(db)
    select(window, "曾伟")
    colleague = Workspace.open(db, user="colleague")
    theirs = colleague.customers.detail(ids["zeng"])
    colleague.editor.update(ids["zeng"], theirs.version, {"notes": "他们的备注", "city": "重庆"})
    colleague.close()
    form = window.customers.detail.form
    form.widgets["notes"].setPlainText("我的备注")
    form.widgets["city"].setText("西安")
    window.customer_actions["save"].trigger()
    dialog = window.customers.operations.conflict
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.fields) == {"notes", "city"}
    assert dialog.table.item(dialog.fields.index("notes"), 1).text() == "他们的备注"
    dialog.set_ticked("city", False)  # keep their city, my notes
    with qtbot.waitSignal(dialog.finished):
        dialog.keep_chosen.click()
    values = window.workspace.customers.detail(ids["zeng"]).values
    assert (values["notes"], values["city"]) == ("我的备注", "重庆")
    assert window.customers.detail.form.widgets["city"].text() == "重庆"


def test_conflict_keep_theirs_discards_only_mine(open_window, team_db, qtbot):
    db, ids, _ = team_db
    window, _ = open_window(db)
    select(window, "曾伟")
    colleague = Workspace.open(db, user="colleague")
    colleague.editor.update(ids["zeng"], 1, {"tier": "A"})
    colleague.close()
    window.customers.detail.form.widgets["notes"].setPlainText("mine")
    window.customer_actions["save"].trigger()
    dialog = window.customers.operations.conflict
    with qtbot.waitSignal(dialog.finished):
        dialog.keep_theirs.click()
    values = window.workspace.customers.detail(ids["zeng"]).values
    assert (values["tier"], values["notes"]) == ("A", "")


def test_new_customer_warns_about_duplicates_and_undo_trashes_it(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0], ScriptedPrompter(yes=True))
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("上海华信贸易有限公司 ")
    dialog.widgets["phone"].setText("13800000000")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert prompter.kinds() == ["question"] and "上海华信贸易有限公司" in prompter.asked[0][2]
    assert names(window).count("上海华信贸易有限公司") == 2
    assert window.customers.detail.detail.values["phone"] == "138 0000 0000"
    window.customer_actions["undo"].trigger()
    assert names(window).count("上海华信贸易有限公司") == 1
    assert window.workspace.customers.count(CustomerFilter(trash=True)) == 1


def test_new_customer_with_a_bad_phone_keeps_the_dialog_open(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    window.customer_actions["new"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("新客户")
    dialog.widgets["phone"].setText("99")
    dialog.submit()
    assert dialog.isVisible() and "not a valid phone number" in dialog.message.text()
    assert "新客户" not in names(window)


def test_trash_restore_undo_and_empty(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0], ScriptedPrompter(yes=True))
    select(window, "单丽")
    window.customer_actions["trash"].trigger()
    assert "单丽" not in names(window)
    window.customer_actions["undo"].trigger()
    assert "单丽" in names(window)
    window.customer_actions["redo"].trigger()
    window.customers.sidebar.select("Trash")
    qtbot.waitUntil(lambda: names(window) == ["单丽"])
    window.customers.list.selectRow(0)
    assert window.customers.detail.restore_button.isVisible()
    window.customers.detail.restore_button.click()
    assert names(window) == []
    window.customer_actions["trash"].setEnabled(True)
    window.customers.sidebar.select("All customers")
    qtbot.waitUntil(lambda: "单丽" in names(window))
    select(window, "单丽")
    window.customer_actions["trash"].trigger()
    window.customer_actions["empty_trash"].trigger()
    assert prompter.asked[-1][0] == "question" and "cannot be undone" in prompter.asked[-1][2]
    qtbot.waitUntil(lambda: window.workspace.customers.count(CustomerFilter(trash=True)) == 0)
    qtbot.waitUntil(lambda: not window.customer_actions["undo"].isEnabled())
    backups = list((team_db[0].parent / "backups").glob("*-before-empty-trash.db"))
    assert len(backups) == 1  # what was deleted for good can still be restored


def test_bulk_tier_owner_and_tags_with_undo(open_window, team_db, qtbot):
    db, ids, people = team_db
    window, _ = open_window(db)
    view = window.customers.list
    view.clearSelection()
    for name in ("单丽", "曾伟"):
        index = view.model().index(names(window).index(name), 0)
        view.selectionModel().select(index, view.selectionModel().SelectionFlag.Select
                                     | view.selectionModel().SelectionFlag.Rows)
    assert sorted(view.selected_ids()) == sorted([ids["shan"], ids["zeng"]])
    window.customer_actions["tier"].trigger()
    dialog = window.customers.operations.dialog
    dialog.set_value("value", "A")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    ws = window.workspace
    assert {ws.customers.detail(i).values["tier"] for i in (ids["shan"], ids["zeng"])} == {"A"}
    window.customer_actions["undo"].trigger()
    assert [ws.customers.detail(i).values["tier"] for i in (ids["shan"], ids["zeng"])] == ["C", "B"]
    window.customer_actions["owner"].trigger()
    dialog = window.customers.operations.dialog
    dialog.set_value("value", people["wang"])
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert ws.customers.detail(ids["shan"]).values["owner"] == people["wang"]
    window.customer_actions["add_tag"].trigger()
    dialog = window.customers.operations.dialog
    dialog.set_value("value", "展会客户")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert ws.customers.detail(ids["zeng"]).tags == ("展会客户",)
    window.customer_actions["undo"].trigger()
    assert ws.customers.detail(ids["zeng"]).tags == ()


def test_a_colleagues_save_shows_up_keeping_scroll_and_selection(open_window, demo_db, qtbot):
    window, _ = open_window(demo_db)
    view = window.customers.list
    view.selectRow(120)
    view.scrollTo(view.model().index(120, 0))
    scroll = view.verticalScrollBar().value()
    chosen = view.current_id()
    window.check_for_colleagues()  # remember the current data version
    colleague = Workspace.open(demo_db, user="colleague")
    target = colleague.customers.rows(121, 1)[0]
    colleague.editor.update(target.id, colleague.customers.detail(target.id).version, {"city": "拉萨"})
    colleague.close()
    window.check_for_colleagues()
    model = view.model()
    assert model.data(model.index(121, 4)) == "拉萨"
    assert view.current_id() == chosen and view.verticalScrollBar().value() == scroll


def test_contacts_through_dialogs_with_undo(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "单丽")
    detail = window.customers.detail
    detail.findChild(type(detail.save_button), "contact_add").click()
    dialog = window.customers.operations.dialog
    dialog.widgets["name"].setText("单丽")
    dialog.widgets["mobile"].setText("13912345678")
    dialog.widgets["birthday"].set_value((None, 3, 14))
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    contacts = window.customers.detail.detail.contacts
    assert [(c.name, c.mobile, c.birthday, c.is_primary) for c in contacts] == [
        ("单丽", "139 1234 5678", "--03-14", True)]
    window.customers.detail.contacts.setCurrentItem(window.customers.detail.contacts.topLevelItem(0))
    detail.findChild(type(detail.save_button), "contact_edit").click()
    dialog = window.customers.operations.dialog
    dialog.widgets["title"].setText("老板")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert window.customers.detail.detail.contacts[0].title == "老板"
    window.customer_actions["undo"].trigger()
    assert window.customers.detail.detail.contacts[0].title == ""
    window.customer_actions["undo"].trigger()
    assert window.customers.detail.detail.contacts == ()


def test_quick_actions_log_feedback_and_schedule(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "Brown Foods Ltd")
    log_call(window, qtbot)
    detail = window.customers.detail.detail
    assert detail.last_contact == dt.date(2026, 11, 20)
    logged = next(e for e in detail.timeline if e.kind == "visit")  # the moved dates are field changes above it
    assert "Wants a quote" in logged.text
    window.customer_actions["feedback"].trigger()
    dialog = window.customers.operations.dialog
    dialog.widgets["description"].setPlainText("Late delivery")
    with qtbot.waitSignal(dialog.finished):
        dialog.submit()
    assert names(window).index("Brown Foods Ltd") == 0
    assert window.customers.list.model().data(window.customers.list.model().index(0, 8)) == 1
    window.customer_actions["undo"].trigger()
    assert window.customers.list.model().data(window.customers.list.model().index(0, 8)) == ""
    due_before = window.customers.detail.detail.values["next_follow_up"]
    window.customer_actions["schedule"].trigger()
    dialog = window.customers.operations.dialog  # the calendar's visit dialog, for this customer
    assert dialog.customer_label.text() == "Brown Foods Ltd" and dialog.repeat is not None
    dialog.set_start(dt.datetime(2026, 11, 25, 10, 0))  # sooner than the cadence's date: the new due date
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert due_before == dt.date(2026, 12, 4)  # tier A: 14 days after the 20th (the customer was entered later)
    assert window.customers.detail.detail.values["next_follow_up"] == dt.date(2026, 11, 25)
    assert [e.when for e in window.customers.detail.detail.timeline if e.status == "planned"] == [
        dt.datetime(2026, 11, 25, 10, 0)]
    window.customer_actions["undo"].trigger()
    assert window.customers.detail.detail.values["next_follow_up"] == due_before
    assert [e for e in window.customers.detail.detail.timeline if e.status == "planned"] == []


def test_my_customers_follows_who_i_am(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    window.set_me("S02")  # 王建国
    window.customers.sidebar.select("My customers")
    qtbot.waitUntil(lambda: names(window) == ["Brown Foods Ltd", "上海华信贸易有限公司", "曾伟"])


def test_every_customer_action_has_a_shortcut_shown(open_window, team_db):
    window, _ = open_window(team_db[0])
    for name, act in window.customer_actions.items():
        if name in ("empty_trash", "remove_tag"):
            continue
        assert act.shortcut().toString(), name
        if name not in ("undo", "redo"):
            assert act.shortcut().toString() in act.toolTip(), name


def test_timeline_filters_by_kind_and_tags_edit_in_the_pane(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "上海华信贸易有限公司")
    pane = window.customers.detail
    assert pane.tags.text() == "VIP"
    pane.tags.setText("VIP，长期客户")  # a full-width comma, as typed with a Chinese input method
    window.customer_actions["save"].trigger()
    assert window.workspace.customers.detail(team_db[1]["huaxin"]).tags == ("VIP", "长期客户")
    kinds = {pane.timeline.topLevelItem(i).text(1) for i in range(pane.timeline.topLevelItemCount())}
    assert any(kind.startswith("Change") for kind in kinds)
    pane.timeline_filter.setCurrentIndex(pane.timeline_filter.findData("visit"))
    assert pane.timeline.topLevelItemCount() == 0
    pane.timeline_filter.setCurrentIndex(pane.timeline_filter.findData("change"))
    texts = [pane.timeline.topLevelItem(i).text(3) for i in range(pane.timeline.topLevelItemCount())]
    assert any("长期客户" in text and f"({window.workspace.user})" in text for text in texts)


def test_colleagues_are_watched_while_a_database_is_open(open_window, team_db):
    window, _ = open_window(team_db[0])
    assert window.watch.isActive() and window.watch.interval() <= 5000


def test_long_results_show_a_first_page_then_the_full_count(make_window, qtbot, demo_db):
    window, _ = make_window(runner=TaskRunner())
    window.tabs.setCurrentIndex(0)
    window.open_workspace(demo_db, offer_demo=False)
    model = window.customers.list.paged
    model.block_size = 40
    expected = window.workspace.customers.count(CustomerFilter(text="有限"))
    assert expected > 40
    type_search(qtbot, window, "有限")
    qtbot.waitUntil(lambda: model.rowCount() == expected, timeout=5000)
    type_search(qtbot, window, "有限公司")  # a newer search: a late count of the old one must not apply
    qtbot.waitUntil(lambda: model.rowCount() == window.workspace.customers.count(CustomerFilter(text="有限公司")))
    window.runner.wait()


def test_the_pane_follows_the_search_once_typing_pauses(open_window, team_db, qtbot):
    window, _ = open_window(team_db[0])
    select(window, "单丽")
    type_search(qtbot, window, "muller")
    qtbot.waitUntil(lambda: window.customers.detail.shown_id == team_db[1]["muller"])
    type_search(qtbot, window, "nobody-at-all")
    qtbot.waitUntil(lambda: window.customers.detail.shown_id is None)


def test_undo_of_a_logged_call_after_a_colleagues_save_is_refused_and_keeps_their_dates(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0])
    select(window, "Brown Foods Ltd")
    log_call(window, qtbot)
    brown = team_db[1]["brown"]
    colleague = Workspace.open(team_db[0], user="colleague")
    colleague.editor.update(brown, colleague.customers.detail(brown).version, {"next_follow_up": dt.date(2027, 1, 8)})
    colleague.close()
    window.customer_actions["undo"].trigger()
    assert prompter.kinds()[-1] == "error"
    detail = window.customers.detail.detail
    assert detail.values["next_follow_up"] == dt.date(2027, 1, 8)  # their save is not wiped
    assert detail.last_contact == dt.date(2026, 11, 20)
    assert any("Wants a quote" in e.text for e in detail.timeline if e.kind == "visit")  # nor my logged call
    assert not window.customers.undo_stack.canUndo()


def test_two_own_edits_undo_one_after_the_other(open_window, team_db, qtbot):
    window, prompter = open_window(team_db[0])
    select(window, "单丽")
    for city in ("天津", "重庆"):
        widget: QLineEdit = window.customers.detail.form.widgets["city"]
        widget.clear()
        type_into(qtbot, widget, city)
        window.customer_actions["save"].trigger()
    ws, shan = window.workspace, team_db[1]["shan"]
    assert ws.customers.detail(shan).values["city"] == "重庆"
    window.customer_actions["undo"].trigger()
    window.customer_actions["undo"].trigger()
    assert ws.customers.detail(shan).values["city"] == "北京" and "error" not in prompter.kinds()
