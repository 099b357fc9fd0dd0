"""File › Team…: the salespeople of the database, and handing a leaver's customers over to colleagues.

Salespeople are never deleted: one who leaves hands their customers over and is deactivated, so their history
keeps their name while no chooser offers them for new work. Every save is version-checked; a colleague's save in
between is reported and the list shows the team as it is now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.money import parse_cents
from keepclient.services.team import MAX_VISIT_TARGET, TARGET_LIMITS
from keepclient.ui.customers import commands
from keepclient.ui.widgets.form_dialog import dialog_buttons, ok_button
from keepclient.ui.widgets.money import currency_symbol, plain_amount

if TYPE_CHECKING:
    from keepclient.domain.types import HandoverResult, SalespersonInfo
    from keepclient.services.workspace import Workspace
    from keepclient.ui.customers.area import CustomerArea
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.read_only import EditLock


class TeamWindow(Protocol):
    """What the team dialogs need of the window: the open database, the customers tab (whose undo stack holds a
    hand-over), where messages go, and the window's own reactions to a team change."""

    workspace: Workspace | None
    prompter: Prompter
    edit_lock: EditLock
    customers: CustomerArea

    def statusBar(self) -> QStatusBar: ...  # Qt's name for it

    def show_error(self, error: KeepclientError) -> None: ...

    def team_changed(self) -> None: ...

    def hand_over_customers(self, from_id: int | None = None, parent: QWidget | None = None) -> QDialog | None: ...


def _message(error: KeepclientError) -> str:
    return error.message(QCoreApplication.translate)


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


TARGET_FIELDS = tuple(TARGET_LIMITS)  # monthly_revenue_target_cents, monthly_visit_target


class SalespersonDialog(QDialog):
    """Name, code, email, colour and monthly targets (revenue in the team's currency, visits done) of a new or
    existing salesperson. `save(values)` runs on OK and returns False (after saying why, `show_error`) to keep the
    dialog open, so nothing typed is lost on a refused value."""

    def __init__(self, save: Callable[[dict[str, Any]], bool], person: SalespersonInfo | None = None,
                 parent: QWidget | None = None, *, targets: tuple[int, int] = (0, 0),
                 currency: str = "CNY") -> None:
        super().__init__(parent)
        self.setObjectName("salespersonDialog")
        self.save = save
        self.person = person
        self.setWindowTitle(self.tr("Edit salesperson") if person else self.tr("Add salesperson"))
        self.name = QLineEdit(person.name if person else "")
        self.name.setObjectName("salespersonName")
        self.code = QLineEdit(person.code if person else "")
        self.code.setObjectName("salespersonCode")
        self.code.setPlaceholderText(self.tr("from the name's initials"))
        self.email = QLineEdit(person.email if person else "")
        self.email.setObjectName("salespersonEmail")
        self.color: str | None = person.color if person else None  # None: the first colour nobody uses yet
        self.color_button = QPushButton()
        self.color_button.setObjectName("salespersonColor")
        self.color_button.clicked.connect(self.choose_color)
        self._show_color()
        revenue_cents, visits = targets
        self.revenue_target = QLineEdit(plain_amount(revenue_cents) if revenue_cents else "")
        self.revenue_target.setObjectName("salespersonRevenueTarget")
        self.revenue_target.setPlaceholderText(self.tr("none"))
        self.revenue_target.setToolTip(self.tr("Revenue per month in the team's currency; empty or 0: no target. "
                                               "A period's target counts the months pro rata by day."))
        revenue_row = QHBoxLayout()
        revenue_row.addWidget(self.revenue_target, 1)
        revenue_row.addWidget(QLabel(currency_symbol(currency)))
        self.visit_target = QSpinBox()
        self.visit_target.setObjectName("salespersonVisitTarget")
        self.visit_target.setRange(0, MAX_VISIT_TARGET)
        self.visit_target.setGroupSeparatorShown(True)
        self.visit_target.setSpecialValueText(self.tr("none"))
        self.visit_target.setValue(visits)
        self.visit_target.setToolTip(self.tr("Visits done per month (0: no target)."))
        self.error = QLabel()
        self.error.setObjectName("salespersonError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.field_labels = {"name": self.tr("Name"), "code": self.tr("Code"), "email": self.tr("Email"),
                             "color": self.tr("Colour"),
                             "monthly_revenue_target_cents": self.tr("Monthly revenue target"),
                             "monthly_visit_target": self.tr("Monthly visits target")}
        self.field_widgets: dict[str, QWidget] = {
            "name": self.name, "code": self.code, "email": self.email, "color": self.color_button,
            "monthly_revenue_target_cents": self.revenue_target, "monthly_visit_target": self.visit_target}
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Colour"), self.color_button)
        form.addRow(self.field_labels["monthly_revenue_target_cents"], revenue_row)
        form.addRow(self.field_labels["monthly_visit_target"], self.visit_target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.accept))
        self.setMinimumWidth(380)

    def _show_color(self) -> None:
        if self.color:
            self.color_button.setIcon(swatch(self.color))
            self.color_button.setText(self.color)
        else:
            self.color_button.setIcon(QIcon())
            self.color_button.setText(self.tr("Automatic"))

    def set_color(self, color: str) -> None:
        self.color = color
        self._show_color()

    def choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color or "#4e79a7"), self, self.tr("Colour in the calendar"))
        if chosen.isValid():
            self.set_color(chosen.name())

    def values(self) -> dict[str, Any]:
        """What is typed; ValidationError (field monthly_revenue_target_cents) when the revenue target is not an
        amount the team service takes (negative, absurdly large)."""
        values: dict[str, Any] = {"name": self.name.text(), "code": self.code.text(), "email": self.email.text()}
        if self.color:
            values["color"] = self.color
        text, field = self.revenue_target.text().strip(), "monthly_revenue_target_cents"
        try:
            cents = parse_cents(text) if text else 0
        except ValueError:
            raise ValidationError(field=field, value=text) from None
        if not 0 <= cents <= TARGET_LIMITS[field]:  # said before anything is saved (a new salesperson too)
            raise ValidationError(field=field, value=text)
        values[field] = cents
        values["monthly_visit_target"] = self.visit_target.value()
        return values

    def show_error(self, message: str, field: str | None = None) -> None:
        """Say why in the dialog (with the field's label when it names one) and put the cursor there."""
        label = self.field_labels.get(field or "")
        self.error.setText(self.tr("%1: %2").replace("%1", label).replace("%2", message) if label else message)
        self.error.show()
        widget = self.field_widgets.get(field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def accept(self) -> None:
        try:
            values = self.values()
        except ValidationError as exc:
            self.show_error(_message(exc), exc.field)
            return
        self.error.hide()
        if self.save(values):
            super().accept()


class HandoverDialog(QDialog):
    """From whom, to whom (several: spread evenly), and which customers: all of theirs or those in the list's
    current filter. `hand_over(from_id, to_ids, only_filtered)` runs on OK; False keeps the dialog open."""

    def __init__(self, people: list[SalespersonInfo], counts: Callable[[int], tuple[int, int | None]],
                 hand_over: Callable[[int, list[int], bool], bool], from_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand over customers"))
        self.people, self.counts, self.hand_over = people, counts, hand_over
        self.source = QComboBox()
        self.source.setObjectName("handoverFrom")
        for person in people:
            text = person.name if person.active else self.tr("%1 (inactive)").replace("%1", person.name)
            self.source.addItem(text, person.id)
        if from_id is not None:
            self.source.setCurrentIndex(max(self.source.findData(from_id), 0))
        self.targets = QListWidget()
        self.targets.setObjectName("handoverTo")
        self.everything = QRadioButton()
        self.everything.setObjectName("handoverAll")
        self.everything.setChecked(True)
        self.filtered = QRadioButton()
        self.filtered.setObjectName("handoverFiltered")
        note = QLabel(self.tr("Their planned visits from now on and their open feedback items of these customers "
                              "go along. Several colleagues share the customers evenly. Edit › Undo takes it "
                              "back."))
        note.setWordWrap(True)
        self.buttons = dialog_buttons(self, self.accept, ok_text=self.tr("Hand over"))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.source)
        form.addRow(self.tr("To"), self.targets)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.everything)
        layout.addWidget(self.filtered)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.targets.itemChanged.connect(self._update_ok)
        self._source_changed()
        self.setMinimumWidth(420)

    def source_id(self) -> int | None:
        return self.source.currentData()

    def target_ids(self) -> list[int]:
        return [self.targets.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.targets.count())
                if self.targets.item(row).checkState() == Qt.CheckState.Checked]

    def check_target(self, salesperson_id: int, checked: bool = True) -> None:
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == salesperson_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _source_changed(self) -> None:
        source = self.source_id()
        self.targets.blockSignals(True)
        self.targets.clear()
        for person in self.people:
            if person.active and person.id != source:
                item = QListWidgetItem(swatch(person.color), person.name)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.targets.addItem(item)
        self.targets.blockSignals(False)
        total, filtered = self.counts(source) if source is not None else (0, None)
        self.everything.setText(self.tr("All their customers (%1)").replace("%1", str(total)))
        if filtered is None:
            self.filtered.setText(self.tr("Only their customers in the list's current filter (no filter set)"))
            self.filtered.setEnabled(False)
            self.everything.setChecked(True)
        else:
            self.filtered.setText(self.tr("Only their customers in the list's current filter (%1)")
                                  .replace("%1", str(filtered)))
            self.filtered.setEnabled(True)
        self._update_ok()

    def _update_ok(self) -> None:
        ok_button(self.buttons).setEnabled(bool(self.target_ids()))

    def accept(self) -> None:
        source, targets = self.source_id(), self.target_ids()
        if source is not None and targets and self.hand_over(source, targets, self.filtered.isChecked()):
            super().accept()


class TeamDialog(QDialog):
    """The team as a table (name, code, colour, email, active) with Add, Edit, Deactivate/Reactivate and Hand
    over. Changes save at once; the window's choosers follow."""

    COLUMNS = 5

    def __init__(self, window: TeamWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.window_ = window
        self.setWindowTitle(self.tr("Team"))
        self.people: list[SalespersonInfo] = []
        self.versions: dict[int, int] = {}
        self.editor: SalespersonDialog | None = None  # the Add / Edit dialog while open
        self.handover_dialog: QDialog | None = None
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Code"), self.tr("Colour"), self.tr("Email"),
                                              self.tr("Active")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.handover_button = QPushButton(self.tr("&Hand over customers…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.handover_button.clicked.connect(self.hand_over)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.handover_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(dialog_buttons(self))
        self.resize(640, 360)
        self.reload()

    # -- showing -------------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        ws = self.window_.workspace
        if ws is None:
            return
        select = select if select is not None else self.selected_id()
        try:
            self.people = ws.team.salespeople(active_only=False)
            self.versions = ws.team.versions()
        except KeepclientError as exc:
            self.window_.show_error(exc)
            return
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            cells = [QTableWidgetItem(person.name), QTableWidgetItem(person.code), QTableWidgetItem(person.color),
                     QTableWidgetItem(person.email),
                     QTableWidgetItem(self.tr("yes") if person.active else self.tr("no"))]
            cells[2].setIcon(swatch(person.color))
            cells[0].setData(Qt.ItemDataRole.UserRole, person.id)
            for column, cell in enumerate(cells):
                if not person.active:
                    cell.setForeground(QColor("#888888"))
                self.table.setItem(row, column, cell)
            if person.id == select:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> SalespersonInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows else None

    def selected_id(self) -> int | None:
        person = self.selected()
        return person.id if person else None

    def select(self, salesperson_id: int) -> None:
        for row, person in enumerate(self.people):
            if person.id == salesperson_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        person = self.selected()
        writable = not self.window_.edit_lock.locked
        self.add_button.setEnabled(writable)
        for button in (self.edit_button, self.active_button):
            button.setEnabled(writable and person is not None)
        self.handover_button.setEnabled(writable and len(self.people) > 1)
        self.active_button.setText(self.tr("&Reactivate") if person and not person.active
                                   else self.tr("&Deactivate"))

    # -- changes -------------------------------------------------------------------------------------------
    def _saved(self, select: int | None = None) -> None:
        self.reload(select)
        self.window_.team_changed()

    def _refused(self, error: KeepclientError, select: int | None = None) -> None:
        self.window_.prompter.error(self.tr("Not saved"), _message(error))
        self.reload(select)

    def add(self) -> None:
        ws = self.window_.workspace
        if ws is None:
            return

        def save(values: dict[str, Any]) -> bool:
            targets = {key: values[key] for key in TARGET_FIELDS if values.get(key)}
            try:
                sid = ws.team.add(values["name"], code=values["code"] or None, color=values.get("color"),
                                  email=values["email"])
            except KeepclientError as exc:
                return self._not_saved(exc)
            if targets:  # the new row's first edit (version 1); a refused target leaves them without one
                try:
                    ws.team.update(sid, ws.team.targets(sid)[2], targets)
                except KeepclientError as exc:
                    self._saved(sid)
                    return self._not_saved(exc)
            self._saved(sid)
            return True
        self._open_editor(SalespersonDialog(save, None, self, currency=self._currency()))

    def edit(self) -> None:
        ws, person = self.window_.workspace, self.selected()
        if ws is None or person is None:
            return
        version = self.versions.get(person.id, 0)
        try:
            revenue_cents, visits, _version = ws.team.targets(person.id)
        except KeepclientError as exc:
            self.window_.show_error(exc)
            return

        def save(values: dict[str, Any]) -> bool:
            try:
                ws.team.update(person.id, version, values)
            except KeepclientError as exc:
                if isinstance(exc, ConflictError):  # a colleague's save: show theirs, close this one
                    self._refused(exc, person.id)
                    return True
                return self._not_saved(exc)
            self._saved(person.id)
            return True
        self._open_editor(SalespersonDialog(save, person, self, targets=(revenue_cents, visits),
                                            currency=self._currency()))

    def _currency(self) -> str:
        ws = self.window_.workspace
        try:
            return ws.orders.currency() if ws is not None else "CNY"
        except KeepclientError:
            return "CNY"

    def _not_saved(self, error: KeepclientError) -> bool:
        """A refused value: a target is said in the open editor next to its field (which stays open), anything
        else as before; False keeps the editor open."""
        if isinstance(error, ValidationError) and error.field in TARGET_FIELDS and self.editor is not None:
            if error.field == "monthly_revenue_target_cents":  # said as typed, not in cents
                error = ValidationError(field=error.field, value=self.editor.revenue_target.text().strip())
            self.editor.show_error(_message(error), error.field)
        else:
            self.window_.prompter.error(self.tr("Not saved"), _message(error))
        return False

    def _open_editor(self, dialog: SalespersonDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = dialog
        dialog.open()

    def toggle_active(self) -> None:
        ws, person = self.window_.workspace, self.selected()
        if ws is None or person is None:
            return
        version = self.versions.get(person.id, 0)
        try:
            if person.active:
                count = ws.team.customer_count(person.id)
                if count and not self.window_.prompter.ask_yes_no(self.tr("Deactivate"), self.tr(
                        "%1 still has %2 customers. They stay %1's until handed over (Hand over customers…). "
                        "Deactivate anyway?").replace("%1", person.name).replace("%2", str(count))):
                    return
                ws.team.deactivate(person.id, version)
            else:
                ws.team.reactivate(person.id, version)
        except KeepclientError as exc:
            self._refused(exc, person.id)
            return
        self._saved(person.id)

    def hand_over(self) -> None:
        person = self.selected()
        self.handover_dialog = self.window_.hand_over_customers(person.id if person else None, self)
        if self.handover_dialog is not None:
            self.handover_dialog.finished.connect(lambda _result: self.reload())


def open_handover(window: TeamWindow, parent: QWidget, from_id: int | None = None) -> HandoverDialog | None:
    """Customer › Hand over customers… (and the Team dialog's button): the dialog, opened (not blocking)."""
    ws = window.workspace
    if ws is None:
        return None
    area = window.customers
    loaded = area.workspace is ws and area.list.paged is not None
    flt = area.current_filter() if loaded else None
    filtered = flt is not None and flt != type(flt)(sort=flt.sort, descending=flt.descending)
    try:
        people = ws.team.salespeople(active_only=False)
        matching = ws.team.matching_customers(flt) if filtered and flt is not None else None
    except KeepclientError as exc:
        window.show_error(exc)
        return None

    def counts(source: int) -> tuple[int, int | None]:
        try:
            return ws.team.customer_count(source), (
                None if matching is None else ws.team.customer_count(source, matching))
        except KeepclientError:
            return 0, None

    def hand_over(source: int, targets: list[int], only_filtered: bool) -> bool:
        return run_handover(window, source, targets, matching if only_filtered else None) is not None

    dialog = HandoverDialog(people, counts, hand_over, from_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def run_handover(window: TeamWindow, source: int, targets: list[int],
                 customer_ids: list[int] | None) -> HandoverResult | None:
    """Hand over in one transaction and push the undo step on the customers' stack; a refusal is said."""
    ws = window.workspace
    if ws is None:
        return None
    try:
        result = ws.team.handover(source, targets, customer_ids)
    except KeepclientError as exc:
        window.customers.report(exc)
        return None
    if not any(result.after.values()):  # nothing of theirs (in the filter): no empty undo step
        window.statusBar().showMessage(QCoreApplication.translate("TeamDialog", "Nothing to hand over."), 8000)
        return result
    names = {person.id: person.name for person in ws.team.salespeople(active_only=False)}
    text = QCoreApplication.translate("TeamDialog", "Hand over %n customer(s) of %1").replace(
        "%n", str(result.count("customer"))).replace("%1", names.get(source, ""))
    area = window.customers
    for table, versions in result.versions.items():  # each record moved one version on: ours, for earlier undos
        area.context.own.wrote(table, {rid: version - 1 for rid, version in versions.items()}, versions)
    area.undo_stack.push(commands.Handover(area.context, text, result))
    window.statusBar().showMessage(QCoreApplication.translate(
        "TeamDialog", "%1 customers, %2 planned visits and %3 open feedback items handed over.")
        .replace("%1", str(result.count("customer"))).replace("%2", str(result.count("visit")))
        .replace("%3", str(result.count("feedback"))), 8000)
    window.team_changed()
    return result
