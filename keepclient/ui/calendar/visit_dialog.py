"""Plan a visit or call, or change a planned one: customer, contact, kind, time, place, salesperson, repetition.

Everything is saved on accept through the visit services. Before saving the dialog warns when the salesperson is
busy then (the user may go on or go back), asks "this one or the whole series" for an occurrence of a series, and
keeps itself open with the offending field marked when a value is refused, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain import recurrence
from keepclient.domain.enums import VisitKind
from keepclient.domain.errors import ConflictError, KeepclientError, RequiredFieldError, ValidationError
from keepclient.domain.types import ContactInfo, Recurrence, SalespersonInfo, SearchHit, VisitItem
from keepclient.ui.labels import date_text, from_qdate, label, time_text, to_qdate
from keepclient.ui.prompts import Prompter
from keepclient.ui.reminders import default_reminder, fill_reminders
from keepclient.ui.widgets.field_values import mark_invalid
from keepclient.ui.widgets.form_dialog import dialog_buttons, finish_form

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

VISIT_KINDS = tuple(kind.value for kind in VisitKind)
EDITABLE = ("kind", "purpose", "location", "contact_id", "salesperson_id", "minutes", "start", "remind_minutes")
MAX_LISTED = 5  # overlapping visits named in the warning; the rest are counted
SEARCH_PAUSE_MS = 120
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def error_text(error: KeepclientError) -> str:
    """A typed error in the user's language."""
    return error.message(QCoreApplication.translate)


def date_edit(day: dt.date) -> QDateEdit:
    """A date editor in the locale's short format with a calendar popup."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    return edit


def fill_contacts(combo: QComboBox, contacts: tuple[ContactInfo, ...], chosen: int | None) -> None:
    """The customer's contacts (primary first) after "(none)"; `chosen` selected when it is one of them."""
    combo.clear()
    combo.addItem(translate("VisitDialog", "(none)"), None)
    for contact in contacts:
        combo.addItem(contact.name + (f" · {contact.title}" if contact.title else ""), contact.id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)


class CustomerPicker(QWidget):
    """Search as you type: a line to type in and the best matches under it; picking one chooses the customer.

    Down moves from the line into the matches; Enter (or a click) picks. Typing again forgets the choice.
    """

    chosen = Signal(int)

    def __init__(self, search: Callable[[str, int], list[SearchHit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.customer_id: int | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("visit_customer")
        self.edit.setPlaceholderText(self.tr("Type a name, pinyin or phone digits"))
        self.edit.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setObjectName("visit_customer_hits")
        self.hits.setMinimumHeight(110)
        self.hits.setMaximumHeight(160)
        self.hits.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hits)
        # Ranked search reads every match to sort them (up to ~90 ms for "有限" at 100,000 customers): search
        # once typing pauses rather than on every keystroke.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.hits.installEventFilter(self)
        self.hits.itemActivated.connect(self.pick)
        self.hits.itemClicked.connect(self.pick)

    def _typed(self) -> None:
        self.customer_id = None  # typing again forgets the choice
        self.timer.start()

    def search_now(self) -> None:
        """Show the best matches for what is typed (the list's own search, ranked)."""
        self.timer.stop()
        text = self.edit.text()
        self.hits.clear()
        found = self._search(text, 12) if text.strip() else []
        for hit in found:
            details = " · ".join(part for part in (hit.contact, hit.phone, hit.owner) if part)
            item = QListWidgetItem(f"{hit.name}  ({hit.tier})" + (f" — {details}" if details else ""))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, hit.name)
            self.hits.addItem(item)
        if found:
            self.hits.setCurrentRow(0)
        self.hits.setVisible(bool(found))

    def pick(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.hits.currentItem()
        if item is None:
            return
        self.set_customer(item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1))
        self.edit.setFocus()
        self.chosen.emit(self.customer_id)

    def set_customer(self, customer_id: int, name: str) -> None:
        self.customer_id = customer_id
        self.edit.setText(name)
        self.hits.clear()
        self.hits.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        if self.timer.isActive() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.search_now()  # no need to wait for the pause
        if not self.hits.count():
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.edit and event.key() == Qt.Key.Key_Down:
            self.hits.setFocus()
            return True
        if enter and (watched is self.hits or self.customer_id is None):
            self.pick()  # and the dialog's OK button does not see this Enter
            return True
        return super().eventFilter(watched, event)


class RepeatEditor(QGroupBox):
    """None, or every N days, weeks or months, until a date or a number of times (a Recurrence)."""

    changed = Signal()

    def __init__(self, first_day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Repeat"), parent)
        self.unit = QComboBox()
        self.unit.setObjectName("repeat_unit")
        for text, unit in ((self.tr("Does not repeat"), None), (self.tr("Every … days"), "day"),
                           (self.tr("Every … weeks"), "week"), (self.tr("Every … months"), "month")):
            self.unit.addItem(text, unit)
        self.every = QSpinBox()
        self.every.setObjectName("repeat_every")
        self.every.setRange(1, recurrence.MAX_EVERY)
        self.until_choice = QRadioButton(self.tr("until"))
        self.until = date_edit(first_day + dt.timedelta(days=90))
        self.until.setObjectName("repeat_until")
        self.count_choice = QRadioButton(self.tr("times in all"))
        self.count = QSpinBox()
        self.count.setObjectName("repeat_count")
        self.count.setRange(1, recurrence.MAX_OCCURRENCES)
        self.count.setValue(6)
        self.count_choice.setChecked(True)
        self.summary = QLabel()
        self.summary.setObjectName("repeat_summary")
        self.summary.setWordWrap(True)
        every_row = QHBoxLayout()
        every_row.addWidget(self.unit, 1)
        every_row.addWidget(QLabel(self.tr("every")))
        every_row.addWidget(self.every)
        end_row = QHBoxLayout()
        end_row.addWidget(QLabel(self.tr("Ends:")))
        end_row.addWidget(self.count)
        end_row.addWidget(self.count_choice)
        end_row.addSpacing(12)
        end_row.addWidget(self.until_choice)
        end_row.addWidget(self.until, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(every_row)
        layout.addLayout(end_row)
        layout.addWidget(self.summary)
        for signal in (self.unit.currentIndexChanged, self.every.valueChanged, self.until_choice.toggled,
                       self.until.dateChanged, self.count.valueChanged):
            signal.connect(self._changed)
        self.count.valueChanged.connect(lambda _v: self.count_choice.setChecked(True))
        self.until.dateChanged.connect(lambda _d: self.until_choice.setChecked(True))
        self._changed()

    def _changed(self) -> None:
        on = self.unit.currentData() is not None
        for widget in (self.every, self.until_choice, self.until, self.count_choice, self.count):
            widget.setEnabled(on)
        self.changed.emit()

    def value(self) -> Recurrence | None:
        unit = self.unit.currentData()
        if unit is None:
            return None
        if self.until_choice.isChecked():
            return Recurrence(self.every.value(), unit, until=from_qdate(self.until.date()))
        return Recurrence(self.every.value(), unit, count=self.count.value())

    def set_value(self, rule: Recurrence | None) -> None:
        self.unit.setCurrentIndex(max(self.unit.findData(rule.unit if rule else None), 0))
        if rule is None:
            return
        self.every.setValue(rule.every)
        if rule.until is not None:
            self.until.setDate(to_qdate(rule.until))
            self.until_choice.setChecked(True)
        else:
            self.count.setValue(rule.count or 1)
            self.count_choice.setChecked(True)

    def show_summary(self, start: dt.datetime) -> None:
        """How many visits the rule makes and when the last one is, or why it cannot be saved."""
        rule = self.value()
        if rule is None:
            self.summary.clear()
            return
        try:
            times = recurrence.occurrences(start, rule)
        except ValidationError as exc:
            self.summary.setText(error_text(exc))
            return
        self.summary.setText(self.tr("%n visit(s), the last on %1.", "", len(times))
                             .replace("%1", date_text(times[-1].date())))


class VisitDialog(QDialog):
    """New visit (`visit` None) or changes to `visit`; `saved_ids` holds the saved visits after accept."""

    def __init__(self, workspace: Workspace, *, visit: VisitItem | None = None, customer_id: int | None = None,
                 start: dt.datetime | None = None, salesperson_id: int | None = None,
                 prompter: Prompter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.visit = visit
        self.prompter = prompter or Prompter(self)
        self.saved_ids: list[int] = []
        self.opened: VisitItem | None = visit  # as first shown: what was typed is what differs from it
        self.customer_id: int | None = visit.customer_id if visit else customer_id
        self._given_salesperson = visit.salesperson_id if visit else salesperson_id
        self._location_default = ""  # what the location holds while the user has not typed one
        self.setWindowTitle(self.tr("Change visit") if visit else self.tr("Plan a visit"))
        self.setMinimumWidth(460)
        if start is None:
            start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10))
        first = visit.start if visit else start

        form = QFormLayout()
        self.customer_label = QLabel()
        self.customer_label.setObjectName("visit_customer_name")
        self.picker: CustomerPicker | None = None
        if self.customer_id is None:
            self.picker = CustomerPicker(self.ws.search, self)
            self.picker.chosen.connect(self._customer_chosen)
            form.addRow(self.tr("Customer"), self.picker)
        else:
            self.customer_label.setStyleSheet("font-weight: 600;")
            form.addRow(self.tr("Customer"), self.customer_label)
        self.contact = QComboBox()
        self.contact.setObjectName("visit_contact")
        fill_contacts(self.contact, (), None)
        form.addRow(self.tr("Contact"), self.contact)
        self.kind = QComboBox()
        self.kind.setObjectName("visit_kind")
        for kind in VISIT_KINDS:
            self.kind.addItem(label(kind), kind)
        self.kind.setCurrentIndex(max(self.kind.findData(visit.kind if visit else "visit"), 0))
        form.addRow(self.tr("Kind"), self.kind)
        self.day = date_edit(first.date())
        self.day.setObjectName("visit_day")
        self.time = QTimeEdit(QTime(first.hour, first.minute))
        self.time.setObjectName("visit_time")
        self.time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.time)
        form.addRow(self.tr("Start"), when)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("visit_minutes")
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(visit.minutes if visit else 60)
        form.addRow(self.tr("Duration"), self.minutes)
        self.purpose = QLineEdit(visit.purpose if visit else "")
        self.purpose.setObjectName("visit_purpose")
        form.addRow(self.tr("Purpose"), self.purpose)
        self.location = QLineEdit(visit.location if visit else "")
        self.location.setObjectName("visit_location")
        self.location.setPlaceholderText(self.tr("The customer's address"))
        form.addRow(self.tr("Location"), self.location)
        self.salesperson = QComboBox()
        self.salesperson.setObjectName("visit_salesperson")
        self._fill_salespeople(self.ws.team.salespeople())
        form.addRow(self.tr("Salesperson"), self.salesperson)
        self.reminder = QComboBox()  # a new visit's default is the user's (View › Default reminder)
        self.reminder.setObjectName("visit_reminder")
        fill_reminders(self.reminder, visit.remind_minutes if visit else default_reminder())
        form.addRow(self.tr("Reminder"), self.reminder)

        self.repeat: RepeatEditor | None = None
        if visit is None:
            self.repeat = RepeatEditor(first.date(), self)
            self.repeat.changed.connect(self._show_repeat_summary)
            self.day.dateChanged.connect(self._show_repeat_summary)
            self.time.timeChanged.connect(self._show_repeat_summary)
        elif visit.series_id is not None:
            form.addRow("", QLabel(self.tr("Part of a repeating series.")))

        self.buttons = dialog_buttons(self, self.accept)
        self.message = finish_form(self, form, self.buttons, "visit_message",
                                   extra=[self.repeat] if self.repeat is not None else [])
        self.fields: dict[str, QWidget] = {
            "customer_id": self.picker.edit if self.picker else self.customer_label, "contact_id": self.contact,
            "kind": self.kind, "start": self.day, "when": self.day, "minutes": self.minutes, "purpose": self.purpose,
            "location": self.location, "salesperson_id": self.salesperson, "remind_minutes": self.reminder,
        }
        if self.repeat is not None:
            self.fields.update({
                "repeat": self.repeat.unit, "repeat_unit": self.repeat.unit, "repeat_every": self.repeat.every,
                "repeat_end": self.repeat.count, "repeat_count": self.repeat.count,
                "repeat_until": self.repeat.until,
            })

        if self.customer_id is not None:
            self._load_customer(self.customer_id, keep_location=visit is not None)
            if visit is not None:
                if visit.contact_id is not None and self.contact.findData(visit.contact_id) < 0:
                    self.contact.addItem(visit.contact, visit.contact_id)  # removed since: keep it as it is
                self.contact.setCurrentIndex(max(self.contact.findData(visit.contact_id), 0))
        self._show_repeat_summary()

    # -- customer, contacts, defaults --------------------------------------------------------------------
    def _fill_salespeople(self, people: list[SalespersonInfo]) -> None:
        self.salesperson.clear()
        self.salesperson.addItem(self.tr("(nobody)"), None)
        for person in people:
            self.salesperson.addItem(person.name, person.id)
        wanted = self._given_salesperson
        if wanted is not None and self.salesperson.findData(wanted) < 0 and self.visit is not None:
            self.salesperson.addItem(self.visit.salesperson or str(wanted), wanted)  # no longer active
        self.salesperson.setCurrentIndex(max(self.salesperson.findData(wanted), 0) if wanted is not None else 0)

    def _customer_chosen(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self._load_customer(customer_id, keep_location=False)
        self.fields["customer_id"].setStyleSheet("")

    def _load_customer(self, customer_id: int, *, keep_location: bool) -> None:
        """Contacts of the customer; location and salesperson default to the customer's address and owner."""
        try:
            detail = self.ws.customers.detail(customer_id)
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return
        self.customer_label.setText(detail.name)
        primary = next((c.id for c in detail.contacts if c.is_primary), None)
        fill_contacts(self.contact, detail.contacts, primary)
        address = detail.values.get("address") or ""
        if not keep_location and self.location.text() in ("", self._location_default):
            self.location.setText(address)
        self._location_default = address
        if self._given_salesperson is None and self.visit is None:
            owner = detail.values.get("owner")
            self.salesperson.setCurrentIndex(max(self.salesperson.findData(owner), 0) if owner else 0)

    def _show_repeat_summary(self) -> None:
        if self.repeat is not None:
            self.repeat.show_summary(self.start())

    # -- values ------------------------------------------------------------------------------------------
    def start(self) -> dt.datetime:
        time = self.time.time()
        return dt.datetime.combine(from_qdate(self.day.date()), dt.time(time.hour(), time.minute()))

    def set_start(self, when: dt.datetime) -> None:
        self.day.setDate(to_qdate(when.date()))
        self.time.setTime(QTime(when.hour, when.minute))

    def values(self) -> dict[str, Any]:
        """The form as service arguments (the keys `VisitService.update` takes)."""
        return {
            "kind": self.kind.currentData(), "purpose": self.purpose.text().strip(),
            "location": self.location.text().strip(), "contact_id": self.contact.currentData(),
            "salesperson_id": self.salesperson.currentData(), "minutes": self.minutes.value(), "start": self.start(),
            "remind_minutes": self.reminder.currentData(),
        }

    # -- saving ------------------------------------------------------------------------------------------
    def accept(self) -> None:
        """Save through the services; stays open (nothing lost) when refused or when the user goes back."""
        self._clear_marks()
        try:
            saved = self._save_new() if self.visit is None else self._save_changes()
        except ValidationError as exc:
            self.mark_invalid(exc.field, error_text(exc))
            return
        except ConflictError as exc:
            self._colleague_changed(exc)
            return
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return
        if saved is None:
            return
        self.saved_ids = saved
        super().accept()

    def _colleague_changed(self, error: ConflictError) -> None:
        """Someone saved the visit after this dialog read it: nothing was overwritten; saving again expects their
        version and puts only the values typed here (those that differ from the visit as first shown) over it."""
        try:
            self.visit = self.ws.visits.get(self.visit.id) if self.visit is not None else None
        except KeepclientError as exc:  # they deleted it
            self.message.setText(error_text(exc))
            return
        self.message.setText(self.tr("Someone else changed this visit while you edited it. Nothing was "
                                     "overwritten. Save again to put your values over theirs, or Cancel."))

    def _save_new(self) -> list[int] | None:
        if self.customer_id is None:
            raise RequiredFieldError(field="customer_id")
        values = self.values()
        rule = self.repeat.value() if self.repeat else None
        starts = recurrence.occurrences(values["start"], rule) if rule else [values["start"]]
        if not self._overlaps_accepted(values["salesperson_id"], starts, values["minutes"], None):
            return None
        return self.ws.visits.plan(
            self.customer_id, start=values["start"], minutes=values["minutes"], kind=values["kind"],
            purpose=values["purpose"], location=values["location"] or None, contact_id=values["contact_id"],
            salesperson_id=values["salesperson_id"], repeat=rule, remind_minutes=values["remind_minutes"],
        )

    def _save_changes(self) -> list[int] | None:
        visit, opened = self.visit, self.opened
        assert visit is not None and opened is not None
        values = self.values()
        before = {"kind": opened.kind, "purpose": opened.purpose, "location": opened.location,
                  "contact_id": opened.contact_id, "salesperson_id": opened.salesperson_id,
                  "minutes": opened.minutes, "start": opened.start, "remind_minutes": opened.remind_minutes}
        changes = {key: value for key, value in values.items() if value != before[key]}
        if not changes:
            return [visit.id]
        scope = "this"
        if visit.series_id is not None:
            answer = self.prompter.ask_choice(
                self.tr("Repeating visit"),
                self.tr("%1 is one visit of a series. Change only this visit, or every planned visit of the "
                        "series?").replace("%1", f"{date_text(visit.start.date())} {time_text(visit.start)}"),
                [self.tr("Only this visit"), self.tr("The whole series")],
            )
            if answer is None:
                self.message.setText(self.tr("Not saved yet."))
                return None
            scope = "series" if answer == 1 else "this"
        if {"start", "minutes", "salesperson_id"} & changes.keys() and not self._overlaps_accepted(
                values["salesperson_id"], [values["start"]], values["minutes"], visit.id):
            return None
        self.ws.visits.update(visit.id, changes, scope=scope, version=visit.version)
        return [visit.id]

    def _overlaps_accepted(self, salesperson_id: int | None, starts: list[dt.datetime], minutes: int,
                           exclude: int | None) -> bool:
        """True when nothing overlaps, or when the user chose to go on despite the overlaps listed."""
        if salesperson_id is None:
            return True
        found: dict[int, VisitItem] = {}
        for when in starts:
            for other in self.ws.visits.overlapping(salesperson_id, when, minutes, exclude=exclude):
                found.setdefault(other.id, other)
        if not found:
            return True
        clashes = sorted(found.values(), key=lambda v: v.start)
        lines = [f"• {date_text(v.start.date())} {time_text(v.start)}–{time_text(v.end)}  {v.customer}"
                 + (f" ({label(v.kind)})" if v.kind != "visit" else "") for v in clashes[:MAX_LISTED]]
        if len(clashes) > MAX_LISTED:
            lines.append(self.tr("… and %n more", "", len(clashes) - MAX_LISTED))
        who = self.salesperson.currentText()
        text = self.tr("%1 already has something planned at that time:").replace("%1", who)
        go_on = self.prompter.ask_yes_no(
            self.tr("Overlapping visits"), "\n".join([text, *lines, "", self.tr("Save anyway?")]))
        if not go_on:
            self.message.setText(self.tr("Not saved: choose another time or salesperson."))
            self.day.setFocus()
        return go_on

    # -- marking -----------------------------------------------------------------------------------------
    def mark_invalid(self, field: str, message: str) -> None:
        self.message.setText(message)
        mark_invalid(self.fields.get(field), message)

    def _clear_marks(self) -> None:
        self.message.clear()
        for widget in self.fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
        self.customer_label.setStyleSheet("font-weight: 600;")
