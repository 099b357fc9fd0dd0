"""New customer: name, kind, owner, tier, phone, city and address; the first contact (name, title, mobile, phone,
email); tags and notes. A customer that may already exist (same name or phone) is named under the form while
typing, so nobody creates it twice by accident; OK still asks when it does.

Like the order dialog, OK emits `submitted(values)` and stays open: the caller saves, closes it on success, or marks
the refused field (`mark_invalid`, a contact's field as "contact_<field>") and keeps everything typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from keepclient.domain.enums import CustomerKind, Tier
from keepclient.domain.errors import KeepclientError
from keepclient.domain.types import SalespersonInfo
from keepclient.ui.labels import label
from keepclient.ui.widgets.form_dialog import finish_form
from keepclient.ui.widgets.record_form import RecordForm
from keepclient.ui.widgets.style import ERROR_STYLE

DuplicateFinder = Callable[[str, str], list[tuple[int, str]]]  # (name, phone) -> [(id, name)]
CHECK_DELAY_MS = 300  # the duplicate check waits for a pause in typing
TAG_SEPARATORS = re.compile(r"[,，、;；]")  # "VIP, 华东" and "VIP，华东" alike
CONTACT_FIELDS = ("name", "title", "mobile", "phone", "email")


class NotCreated(KeepclientError):
    """The user would rather not create a possible duplicate: the dialog stays open, saying so."""

    def __init__(self) -> None:
        super().__init__(detail="not created: a possible duplicate")

    def message(self, translate_fn: Any = None) -> str:
        return QCoreApplication.translate("NewCustomerDialog",
                                          "Not created. Change the name or phone, or press Cancel.")


def split_tags(text: str) -> list[str]:
    """Tags as typed on one line, in order, without blanks or repeats."""
    seen: list[str] = []
    for part in TAG_SEPARATORS.split(text):
        tag = part.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


class NewCustomerDialog(RecordForm, QDialog):
    """`values()` gives `{"customer": EditableFields, "contact": ContactService fields or None, "tags": [...]}`."""

    submitted = Signal(dict)

    def __init__(self, people: Sequence[SalespersonInfo], owner: int | None = None, *,
                 find_duplicates: DuplicateFinder | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_duplicates = find_duplicates
        self.duplicates: list[tuple[int, str]] = []
        self.setWindowTitle(self.tr("New customer"))
        self.setObjectName("new_customer_dialog")
        self.setMinimumWidth(640)  # room for a full company name; fits a 1280 px screen with room to spare
        self.widgets: dict[str, QWidget] = {}

        def line(key: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.widgets[key] = edit
            return edit

        name = line("name", self.tr("company or person, e.g. 上海华信贸易有限公司"))
        self.kind = QComboBox()
        for kind in CustomerKind:
            self.kind.addItem(label(kind), kind.value)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("(nobody)"), None)
        for person in people:
            if person.active:
                self.owner.addItem(person.name, person.id)
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))
        self.tier = QComboBox()
        for tier in Tier:
            self.tier.addItem(label(tier), tier.value)
        self.tier.setCurrentIndex(max(self.tier.findData("C"), 0))
        self.widgets.update(kind=self.kind, owner=self.owner, tier=self.tier)
        customer = QGroupBox(self.tr("Customer"))
        customer_form = QFormLayout(customer)
        customer_form.addRow(self.tr("Name"), name)
        customer_form.addRow(self.tr("Kind"), self.kind)
        customer_form.addRow(self.tr("Owner"), self.owner)
        customer_form.addRow(self.tr("Tier"), self.tier)
        customer_form.addRow(self.tr("Phone"), line("phone", self.tr("switchboard or landline")))
        customer_form.addRow(self.tr("City"), line("city"))
        customer_form.addRow(self.tr("Address"), line("address"))

        contact = QGroupBox(self.tr("First contact"))
        contact_form = QFormLayout(contact)
        contact_form.addRow(self.tr("Name"), line("contact_name", self.tr("e.g. 张伟")))
        contact_form.addRow(self.tr("Title"), line("contact_title", self.tr("e.g. 采购经理")))
        contact_form.addRow(self.tr("Mobile"), line("contact_mobile"))
        contact_form.addRow(self.tr("Phone"), line("contact_phone"))
        contact_form.addRow(self.tr("Email"), line("contact_email"))
        hint = QLabel(self.tr("Optional. More contacts can be added in the customer's details."))
        hint.setWordWrap(True)
        hint.setEnabled(False)  # a quiet hint
        contact_form.addRow(hint)

        columns = QHBoxLayout()
        columns.addWidget(customer, 1)
        columns.addWidget(contact, 1)
        self.tags = line("tags", self.tr("separated by commas, e.g. VIP, 华东"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.widgets["notes"] = self.notes
        for key, widget in self.widgets.items():
            widget.setObjectName(f"new_customer_{key}")
        form = QFormLayout()
        form.addRow(columns)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        self.duplicate_label = QLabel()
        self.duplicate_label.setObjectName("new_customer_duplicates")
        self.duplicate_label.setStyleSheet(ERROR_STYLE)
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicate_label.hide()
        self.message = finish_form(self, form, self.submit, "new_customer_message", extra=[self.duplicate_label])
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_duplicates)
        for key in ("name", "phone", "contact_mobile", "contact_phone"):
            self.widgets[key].textEdited.connect(lambda _text: self._check_timer.start())  # type: ignore[attr-defined]
        self.kind.currentIndexChanged.connect(self._kind_changed)
        name.setFocus()

    def _text(self, key: str) -> str:
        widget = self.widgets[key]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]

    def _kind_changed(self) -> None:
        """A person is their own first contact: the contact's name follows theirs unless typed."""
        person = self.kind.currentData() == CustomerKind.PERSON.value
        self.widgets["contact_name"].setPlaceholderText(  # type: ignore[attr-defined]
            self.tr("the customer's name") if person else self.tr("e.g. 张伟"))

    def phone_for_checks(self) -> str:
        """The number the customer is known by: its own, else the contact's phone or mobile."""
        return next((text for text in (self._text(k).strip() for k in ("phone", "contact_phone", "contact_mobile"))
                     if text), "")

    def check_duplicates(self) -> list[tuple[int, str]]:
        """Name the customers that may be this one (same name or phone), under the form."""
        name = self._text("name").strip()
        found: list[tuple[int, str]] = []
        if self.find_duplicates is not None and (name or self.phone_for_checks()):
            try:
                found = self.find_duplicates(name, self.phone_for_checks())
            except KeepclientError:
                found = []  # a busy share: OK asks again
        self.duplicates = found
        self.duplicate_label.setText(self.tr("Possibly already in the database: %1").replace(
            "%1", ", ".join(found_name for _id, found_name in found)))
        self.duplicate_label.setVisible(bool(found))
        return found

    def values(self) -> dict[str, Any]:
        """What the form says, as the services take it; ValueError(key, message) for the first bad field."""
        name = self._text("name").strip()
        if not name:
            raise ValueError("name", self.tr("Give the customer a name."))
        person = self.kind.currentData() == CustomerKind.PERSON.value
        contact = {field: self._text(f"contact_{field}").strip() for field in CONTACT_FIELDS}
        if any(contact.values()) and not contact["name"]:
            if not person:
                raise ValueError("contact_name", self.tr("Give the contact a name, or leave the contact empty."))
            contact["name"] = name
        customer = {
            "name": name, "kind": self.kind.currentData(), "owner": self.owner.currentData(),
            "tier": self.tier.currentData(), "phone": self.phone_for_checks(), "city": self._text("city").strip(),
            "address": self._text("address").strip(), "email": contact["email"], "notes": self._text("notes").strip(),
        }
        return {"customer": customer, "contact": contact if contact["name"] else None,
                "tags": split_tags(self._text("tags"))}

    @property
    def record(self) -> Any:
        return None

    def field_widget(self, key: str) -> str:
        """The customer's phone may have come from the contact's number: point at the box it was typed in."""
        if key == "email":  # the customer's email is the contact's
            return "contact_email"
        if key == "phone" and not self._text("phone").strip():
            return next((k for k in ("contact_phone", "contact_mobile") if self._text(k).strip()), key)
        return key
