"""Right-click menus on the customer list, the feedback log and the Due panel.

They hold the very QActions of the window's menus where one exists (Log call or visit…, Add feedback…, Move to
trash…), so their shortcuts show and their enabled state (a read-only database, the tab on show) agrees with the
menu bar; what only makes sense on a row (Open, Copy phone) is made here. Each `*_menu` function builds the menu
for a position without showing it, which is what the tests call; `install` pops it up on a right-click.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QTableView

from keepclient.domain.errors import KeepclientError

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

if TYPE_CHECKING:
    from keepclient.domain.types import CustomerDetail
    from keepclient.ui.calendar.due_panel import DuePanel
    from keepclient.ui.customers.area import CustomerArea
    from keepclient.ui.feedback.log_view import FeedbackLog

MenuBuilder = Callable[[QPoint], "QMenu | None"]


def install(view: QAbstractScrollArea, build: MenuBuilder) -> None:
    """Pop up `build(position)` (viewport coordinates) where the user right-clicks in `view`."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def popup(position: QPoint) -> None:
        try:
            menu = build(position)
        except KeepclientError:  # a busy share: no menu this time rather than an error dialog
            return
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(view.viewport().mapToGlobal(position))

    view.customContextMenuRequested.connect(popup)


def _action(parent: QObject, text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
    made = QAction(text, parent)
    made.setEnabled(enabled)
    made.triggered.connect(slot)
    return made


def copy_text(text: str) -> None:
    """Put `text` on the clipboard (a phone number, an email, an address)."""
    QGuiApplication.clipboard().setText(text)


def _select_row(view: QTableView, position: QPoint) -> int | None:
    """The row under `position`, made current: a right-click outside the selection selects that row alone, one
    inside a multi-selection keeps it (Move to trash then acts on all of them)."""
    index = view.indexAt(position)
    if not index.isValid():
        return None
    selection = view.selectionModel()
    if selection.isRowSelected(index.row(), index.parent()):
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    else:  # not view.selectRow: it reads the keyboard's modifiers, and a held Ctrl would add the row instead
        flags = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    return index.row()


# -- the customer list --------------------------------------------------------------------------------------------
def customer_numbers(detail: CustomerDetail) -> tuple[str, str]:
    """The phone and email to copy: the customer's own, else its primary (or first) contact's."""
    contacts = sorted(detail.contacts, key=lambda c: not c.is_primary)
    phone = detail.values.get("phone") or next((c.mobile or c.phone for c in contacts if c.mobile or c.phone), "")
    email = detail.values.get("email") or next((c.email for c in contacts if c.email), "")
    return phone or "", email or ""


def customer_row_menu(area: CustomerArea, actions: Mapping[str, QAction], position: QPoint) -> QMenu | None:
    """Open, the quick actions, Copy phone / email, and Move to trash (Restore in the trash) for the row under
    `position`; the row is shown in the pane first (the quick actions act on the customer shown)."""
    row = _select_row(area.list, position)
    model = area.list.paged
    record = model.item(row) if model is not None and row is not None else None
    if record is None:
        return None
    if area.detail.shown_id != record.id:
        area.show_detail(record.id)
    detail = area.shown()
    if detail is None or detail.id != record.id:  # unsaved edits of another customer were not saved
        return None
    menu = QMenu(area.list)
    menu.setObjectName("customer_row_menu")
    opened = _action(menu, translate("ContextMenus", "&Open"), lambda: _open_customer(area))
    menu.addAction(opened)
    menu.setDefaultAction(opened)
    menu.addSeparator()
    if not detail.deleted:
        for name in ("log", "schedule", "feedback", "record_order", "log_gift"):
            if name in actions:
                menu.addAction(actions[name])
        menu.addSeparator()
    phone, email = customer_numbers(detail)
    menu.addAction(_action(menu, translate("ContextMenus", "Copy &phone %1").replace("%1", phone).strip(),
                           lambda: copy_text(phone), bool(phone)))
    menu.addAction(_action(menu, translate("ContextMenus", "Copy &email %1").replace("%1", email).strip(),
                           lambda: copy_text(email), bool(email)))
    menu.addSeparator()
    menu.addAction(actions["restore" if detail.deleted else "trash"])
    return menu


def _open_customer(area: CustomerArea) -> None:
    """Open: the pane shows the customer (it does already) and takes the keyboard, at its first field."""
    area.detail.setFocus(Qt.FocusReason.OtherFocusReason)
    form = getattr(area.detail, "form", None)
    if form is not None:
        form.widgets["name"].setFocus(Qt.FocusReason.OtherFocusReason)


def install_customer_rows(area: CustomerArea, actions: Mapping[str, QAction]) -> None:
    install(area.list, lambda position: customer_row_menu(area, actions, position))


# -- the feedback log ---------------------------------------------------------------------------------------------
def feedback_row_menu(log: FeedbackLog, position: QPoint) -> QMenu | None:
    """Open, Show customer, the workflow steps the editor offers now, Plan follow-up visit…, and New feedback for
    the same customer, for the row under `position` (shown in the editor first)."""
    row = _select_row(log.table, position)
    model = log.table.paged_model()
    record = model.item(row) if model is not None and row is not None else None
    editor = log.editor
    if record is None or editor.detail is None or editor.detail.item.id != record.id:
        return None
    item = editor.detail.item
    menu = QMenu(log.table)
    menu.setObjectName("feedback_row_menu")
    opened = _action(menu, translate("ContextMenus", "&Open"), editor.focus_editor)
    menu.addAction(opened)
    menu.setDefaultAction(opened)
    menu.addAction(_action(menu, translate("ContextMenus", "Show &customer"),
                           lambda: log.open_customer.emit(item.customer_id)))
    menu.addSeparator()
    for key in editor.visible_steps():  # the same steps as the editor's buttons, on or off as they are
        button = editor.step_buttons[key]
        menu.addAction(_action(menu, button.text(), button.click, button.isEnabled()))
    plan = editor.plan_button
    menu.addAction(_action(menu, plan.text(), plan.click, plan.isEnabled()))
    menu.addSeparator()
    new = log.actions_by_name["new"]
    menu.addAction(_action(menu, translate("ContextMenus", "New feedback from this customer…"),
                           lambda: log.new_feedback(item.customer_id), new.isEnabled() and not log.read_only))
    return menu


def install_feedback_rows(log: FeedbackLog) -> None:
    install(log.table, lambda position: feedback_row_menu(log, position))


# -- the Due panel ------------------------------------------------------------------------------------------------
def due_entry_menu(panel: DuePanel, position: QPoint) -> QMenu | None:
    """A customer's entry: Open customer, Plan…, Log…, Copy phone; a holiday's: Open care list."""
    from keepclient.ui.calendar.due_panel import CUSTOMER, HOLIDAY_ROLE, ID_ROLE, PHONE

    item = panel.tree.itemAt(position)
    if item is None:
        return None
    panel.tree.setCurrentItem(item)
    menu = QMenu(panel.tree)
    menu.setObjectName("due_entry_menu")
    occasion = item.data(CUSTOMER, HOLIDAY_ROLE)
    if occasion:
        menu.addAction(_action(menu, translate("ContextMenus", "Open &care list"),
                               lambda: panel.care_list_requested.emit(str(occasion[0]), int(occasion[1]))))
        return menu
    customer_id = item.data(CUSTOMER, ID_ROLE)
    if customer_id is None:
        return None
    opened = _action(menu, translate("ContextMenus", "&Open customer"), lambda: panel.open_customer.emit(customer_id))
    menu.addAction(opened)
    menu.setDefaultAction(opened)
    menu.addSeparator()
    menu.addAction(_action(menu, panel.plan_button.text(), lambda: panel.plan_requested.emit(customer_id),
                           panel.plan_button.isEnabled()))
    menu.addAction(_action(menu, panel.log_button.text(), lambda: panel.log_requested.emit(customer_id),
                           panel.log_button.isEnabled()))
    menu.addSeparator()
    phone = item.text(PHONE).strip()
    menu.addAction(_action(menu, translate("ContextMenus", "Copy &phone %1").replace("%1", phone).strip(),
                           lambda: copy_text(phone), bool(phone)))
    return menu


def install_due_entries(panel: DuePanel) -> None:
    install(panel.tree, lambda position: due_entry_menu(panel, position))
