"""The Edit and Customer menus: every customer action with its shortcut, shown in the menu and its tooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from keepclient.ui import context_menus
from keepclient.ui.customers.purchases_section import RECORD_ORDER_KEYS
from keepclient.ui.widgets.menu_action import make_action

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from keepclient.ui.customers.area import CustomerArea


def build(window: QMainWindow, area: CustomerArea) -> dict[str, QAction]:
    """Adds the menus to the window's menu bar; returns the actions by name (tests trigger them)."""
    actions = area.operations
    stack = area.undo_stack
    undo = stack.createUndoAction(window, translate("CustomerMenus", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, translate("CustomerMenus", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
    made = {
        "undo": undo,
        "redo": redo,
        "find": make_action(
            window,
            translate("CustomerMenus", "&Find customer"),
            area.filters.focus_search,
            QKeySequence.StandardKey.Find,
        ),
        "new": make_action(
            window, translate("CustomerMenus", "&New customer…"), actions.new_customer, QKeySequence.StandardKey.New
        ),
        "save": make_action(
            window, translate("CustomerMenus", "&Save changes"), area.save, QKeySequence.StandardKey.Save
        ),
        "trash": make_action(
            window,
            translate("CustomerMenus", "Move to &trash"),
            lambda: actions.set_deleted(True),
            QKeySequence.StandardKey.Delete,
        ),
        "restore": make_action(
            window,
            translate("CustomerMenus", "Rest&ore from trash"),
            lambda: actions.set_deleted(False),
            "Ctrl+Shift+R",
        ),
        "empty_trash": make_action(window, translate("CustomerMenus", "&Empty trash…"), actions.empty_trash),
        "log": make_action(
            window, translate("CustomerMenus", "&Log call or visit…"), lambda: actions.quick("log"), "Ctrl+L"
        ),
        "feedback": make_action(
            window, translate("CustomerMenus", "Add &feedback…"), lambda: actions.quick("feedback"), "Ctrl+K"
        ),
        "schedule": make_action(
            window, translate("CustomerMenus", "&Schedule follow-up…"), lambda: actions.quick("schedule"), "Ctrl+U"
        ),
        "record_order": make_action(
            window, translate("CustomerMenus", "&Record order…"), actions.record_order, RECORD_ORDER_KEYS
        ),
        "owner": make_action(
            window, translate("CustomerMenus", "Assign &owner…"), lambda: actions.bulk("owner"), "Ctrl+Shift+A"
        ),
        "tier": make_action(
            window, translate("CustomerMenus", "Set t&ier…"), lambda: actions.bulk("tier"), "Ctrl+Shift+I"
        ),
        "stage": make_action(
            window, translate("CustomerMenus", "Set sta&ge…"), lambda: actions.bulk("stage"), "Ctrl+Shift+G"
        ),
        "add_tag": make_action(
            window, translate("CustomerMenus", "&Add tag…"), lambda: actions.bulk("add_tag"), "Ctrl+Shift+T"
        ),
        "remove_tag": make_action(
            window, translate("CustomerMenus", "Re&move tag…"), lambda: actions.bulk("remove_tag")
        ),
        "log_gift": make_action(window, translate("CustomerMenus", "Log &gift or greeting…"),
                                lambda: _log_gift(area), "Ctrl+Shift+L"),
        "care_list": make_action(window, translate("CustomerMenus", "&Care list…"), lambda: _care_list(window, area),
                                 "Ctrl+Shift+C"),
        "review_tiers": make_action(window, translate("CustomerMenus", "Re&view tiers…"), actions.review_tiers,
                                    "Ctrl+Shift+V"),
        "review_stages": make_action(window, translate("CustomerMenus", "Review s&tages…"), actions.review_stages,
                                     "Ctrl+Shift+J"),
        "print_list": make_action(window, translate("CustomerMenus", "&Print customer list…"),
                                  lambda: _print_list(area), "Ctrl+Shift+P"),  # Ctrl+P: File › Print…, by tab
    }
    edit: QMenu = window.menuBar().addMenu(translate("CustomerMenus", "&Edit"))
    for name in ("undo", "redo", None, "find", None, "new", "save", None, "trash", "restore", "empty_trash"):
        edit.addAction(made[name]) if name else edit.addSeparator()
    customer: QMenu = window.menuBar().addMenu(translate("CustomerMenus", "C&ustomer"))
    for name in ("log", "feedback", "schedule", "record_order", "log_gift", None):
        customer.addAction(made[name]) if name else customer.addSeparator()
    bulk = customer.addMenu(translate("CustomerMenus", "For the selected customers"))
    for name in ("owner", "tier", "stage", "add_tag", "remove_tag"):
        bulk.addAction(made[name])
    customer.addAction(made["review_tiers"])
    customer.addAction(made["review_stages"])
    customer.addSeparator()
    customer.addAction(made["care_list"])
    customer.addAction(made["print_list"])
    context_menus.install_customer_rows(area, made)
    return made


def _log_gift(area: CustomerArea) -> None:
    from keepclient.ui.customers.gift_actions import log_gift  # loaded when first used

    if not area.read_only:
        log_gift(area.operations)


def _print_list(area: CustomerArea) -> None:
    from keepclient.ui.customer_list_print_dialog import print_customer_list  # loaded when first used

    print_customer_list(area)


def _care_list(window: QMainWindow, area: CustomerArea) -> None:
    from keepclient.ui.care_list_dialog import open_care_list  # loaded when first used

    open_care_list(window, area.workspace, prompter=area.prompter)
