"""The feedback log's dialogs: new feedback (any customer), and closing an item with the customer's satisfaction.

Like every quick dialog here, OK emits `submitted(values)` and leaves the dialog open: the log saves, closes it on
success, or marks the offending field and keeps everything typed. Tests fill the fields and call `submit()`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from keepclient.domain.enums import Channel, FeedbackCategory, FeedbackKind, Severity
from keepclient.domain.errors import KeepclientError
from keepclient.domain.types import SalespersonInfo
from keepclient.ui.calendar.visit_dialog import CustomerPicker, error_text, fill_contacts
from keepclient.ui.labels import label
from keepclient.ui.widgets import field_values
from keepclient.ui.widgets.form_dialog import dialog_buttons, finish_form

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

SATISFACTION_SCORES = (1, 2, 3, 4, 5)


def enum_combo(values, chosen: str, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value in values:
        combo.addItem(label(value), value)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return combo


class NewFeedbackDialog(QDialog):
    """Customer (search as you type), contact, when and how it came in, what it is about, and who owns it."""

    submitted = Signal(dict)

    def __init__(self, workspace: Workspace, people: list[SalespersonInfo], *, customer_id: int | None = None,
                 now: dt.datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("New feedback"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.customer_label = QLabel()
        self.customer_label.setStyleSheet("font-weight: 600;")
        self.picker: CustomerPicker | None = None
        if customer_id is None:
            self.picker = CustomerPicker(workspace.search, self)
            self.picker.chosen.connect(self._customer_chosen)
            form.addRow(self.tr("Customer"), self.picker)
        else:
            form.addRow(self.tr("Customer"), self.customer_label)
        self.contact = QComboBox()
        self.contact.setObjectName("feedback_contact")
        fill_contacts(self.contact, (), None)
        form.addRow(self.tr("Contact"), self.contact)
        self.received = QDateTimeEdit()
        self.received.setObjectName("feedback_received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        moment = now or dt.datetime.now()
        self.received.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day),
                                            QTime(moment.hour, moment.minute)))
        form.addRow(self.tr("Received"), self.received)
        self.channel = enum_combo((c.value for c in Channel), "phone", "feedback_channel")
        form.addRow(self.tr("Channel"), self.channel)
        self.kind = enum_combo((k.value for k in FeedbackKind), "complaint", "feedback_kind")
        form.addRow(self.tr("Kind"), self.kind)
        self.category = enum_combo((c.value for c in FeedbackCategory), "other", "feedback_category")
        form.addRow(self.tr("Category"), self.category)
        self.severity = enum_combo((s.value for s in Severity), "normal", "feedback_severity")
        form.addRow(self.tr("Severity"), self.severity)
        self.owner = QComboBox()
        self.owner.setObjectName("feedback_owner")
        self.owner.addItem(self.tr("(the customer's owner)"), None)
        for person in people:
            self.owner.addItem(person.name, person.id)
        form.addRow(self.tr("Owner"), self.owner)
        self.description = QPlainTextEdit()
        self.description.setObjectName("feedback_description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What did the customer say?"))
        form.addRow(self.tr("Description"), self.description)
        self.message = finish_form(self, form, self.submit, "feedback_message")
        self.fields: dict[str, QWidget] = {
            "customer_id": self.picker.edit if self.picker else self.customer_label, "contact_id": self.contact,
            "received_at": self.received, "channel": self.channel, "kind": self.kind, "category": self.category,
            "severity": self.severity, "owner_id": self.owner, "description": self.description,
        }
        if customer_id is not None:
            self._load_customer(customer_id)

    def _customer_chosen(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self._load_customer(customer_id)
        self.fields["customer_id"].setStyleSheet("")

    def _load_customer(self, customer_id: int) -> None:
        try:
            detail = self.ws.customers.detail(customer_id)
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return
        self.customer_label.setText(detail.name)
        fill_contacts(self.contact, detail.contacts, next((c.id for c in detail.contacts if c.is_primary), None))

    def set_customer(self, customer_id: int, name: str) -> None:
        """Choose the customer as if picked from the search (tests, and callers that know it)."""
        if self.picker is not None:
            self.picker.set_customer(customer_id, name)
        self._customer_chosen(customer_id)

    def values(self) -> dict[str, Any]:
        """The form as `FeedbackService.create` arguments."""
        return {
            "customer_id": self.customer_id, "description": self.description.toPlainText().strip(),
            "kind": self.kind.currentData(), "category": self.category.currentData(),
            "severity": self.severity.currentData(), "channel": self.channel.currentData(),
            "contact_id": self.contact.currentData(), "owner_id": self.owner.currentData(),
            "received_at": field_values.value(self.received),
        }

    def submit(self) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.customer_label.setStyleSheet("font-weight: 600;")
        self.message.clear()
        values = self.values()
        if values["customer_id"] is None:
            self.mark_invalid("customer_id", self.tr("Choose the customer: type a name and pick it from the list."))
            return
        if not values["description"]:
            self.mark_invalid("description", self.tr("Describe the feedback in a few words."))
            return
        self.submitted.emit(values)

    def mark_invalid(self, field: str, message: str) -> None:
        self.message.setText(message)
        field_values.mark_invalid(self.fields.get(field), message)


class CloseDialog(QDialog):
    """Closing an item: the customer's satisfaction 1-5 (optional) and a comment."""

    submitted = Signal(dict)

    def __init__(self, customer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close feedback"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("How satisfied is %1 with how this was handled? (optional)").replace("%1", customer))
        intro.setWordWrap(True)
        self.score = QComboBox()
        self.score.setObjectName("close_satisfaction")
        self.score.addItem(self.tr("(not asked)"), None)
        names = {1: self.tr("very unhappy"), 2: self.tr("unhappy"), 3: self.tr("neutral"), 4: self.tr("happy"),
                 5: self.tr("very happy")}
        for score in SATISFACTION_SCORES:
            self.score.addItem(f"{score} – {names[score]}", score)
        self.comment = QLineEdit()
        self.comment.setObjectName("close_comment")
        self.comment.setPlaceholderText(self.tr("What the customer said (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Satisfaction"), self.score)
        form.addRow(self.tr("Comment"), self.comment)
        self.message = finish_form(self, form, dialog_buttons(self, self.submit, ok_text=self.tr("Close item")),
                                   intro=intro)

    def values(self) -> dict[str, Any]:
        return {"satisfaction": self.score.currentData(), "comment": self.comment.text().strip()}

    def set_score(self, score: int | None) -> None:
        self.score.setCurrentIndex(max(self.score.findData(score), 0))

    def submit(self) -> None:
        self.message.clear()
        self.submitted.emit(self.values())

    def mark_invalid(self, _field: str, message: str) -> None:
        self.message.setText(message)
