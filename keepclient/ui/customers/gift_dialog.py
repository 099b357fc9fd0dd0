"""Log or edit a gift or greeting: date, occasion (the team's observed holidays, Birthday, or Other… in words),
contact, item, cost, given by and notes. Like the order dialog, OK emits `submitted(values)` and stays open: the
caller saves, closes it on success, or marks the refused field (`mark_invalid`) and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from keepclient.domain import gifts as rules
from keepclient.domain.money import parse_cents
from keepclient.domain.types import ContactInfo, SalespersonInfo
from keepclient.ui.widgets.form_dialog import finish_form
from keepclient.ui.widgets.money import currency_symbol, plain_amount
from keepclient.ui.widgets.record_form import RecordForm

OTHER = "\x00other"  # the occasion combo's "Other…": the words typed beside it


def occasion_text(occasion: str) -> str:
    """An occasion as the user reads it: a holiday's or Birthday's name in their language, an event as written."""
    name_zh, name_en = rules.occasion_names(occasion)
    if name_zh == name_en:  # an event in the user's words
        return occasion
    if QLocale().language() == QLocale.Language.Chinese:
        return name_zh
    return QCoreApplication.translate("Holidays", name_en)


class GiftDialog(RecordForm, QDialog):
    submitted = Signal(dict)

    def __init__(self, customer_name: str, occasions: Sequence[str], contacts: Sequence[ContactInfo],
                 people: Sequence[SalespersonInfo], *, gift: Any = None, owner_id: int | None = None,
                 currency: str = "CNY", today: dt.date | None = None, parent: QWidget | None = None) -> None:
        """`occasions`: the holiday keys to offer (the team's observed ones); `gift` a GiftItem to edit."""
        super().__init__(parent)
        self.gift = gift
        self.setWindowTitle(self.tr("Edit gift or greeting") if gift else self.tr("Log gift or greeting"))
        self.setMinimumWidth(420)
        heading = QLabel(f"<b>{html.escape(customer_name)}</b>")
        day = gift.date if gift else (today or dt.date.today())
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.occasion = QComboBox()
        for key in occasions:
            self.occasion.addItem(occasion_text(key), key)
        self.occasion.addItem(self.tr("Birthday"), rules.BIRTHDAY)
        self.occasion.addItem(self.tr("Other…"), OTHER)
        self.event_text = QLineEdit()
        self.event_text.setPlaceholderText(self.tr("the event, e.g. an opening or an anniversary"))
        current = gift.occasion if gift else ""
        index = self.occasion.findData(current) if current else 0
        if current and index < 0:
            if rules.is_care_occasion(current):  # a holiday the team no longer observes: still offered here
                self.occasion.insertItem(self.occasion.count() - 2, occasion_text(current), current)
                index = self.occasion.findData(current)
            else:
                index = self.occasion.findData(OTHER)
                self.event_text.setText(current)
        self.occasion.setCurrentIndex(max(index, 0))
        self.occasion.currentIndexChanged.connect(self._occasion_changed)
        self.contact = QComboBox()
        self.contact.addItem("—", None)
        for contact in contacts:
            self.contact.addItem(contact.name, contact.id)
        kept_contact = gift.contact_id if gift else None
        if kept_contact is not None and self.contact.findData(kept_contact) < 0:
            self.contact.addItem(gift.contact or "?", kept_contact)  # a contact removed since
        self.contact.setCurrentIndex(max(self.contact.findData(kept_contact), 0))
        self.item = QLineEdit(gift.item if gift else "")
        self.item.setPlaceholderText(self.tr("e.g. 月饼礼盒; empty for a greeting"))
        self.cost = QLineEdit(plain_amount(gift.cost_cents) if gift else "")
        self.cost.setPlaceholderText(self.tr("optional"))
        self.given_by = QComboBox()
        self.given_by.addItem("—", None)
        kept = gift.given_by_id if gift else None
        active_owner = owner_id in {p.id for p in people if p.active}
        chosen = kept if gift else (owner_id if active_owner else None)
        for person in people:
            if person.active or person.id == kept:
                self.given_by.addItem(person.name, person.id)
        self.given_by.setCurrentIndex(max(self.given_by.findData(chosen), 0))
        self.notes = QPlainTextEdit(gift.notes if gift else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.widgets: dict[str, QWidget] = {
            "date": self.date, "occasion": self.occasion, "event": self.event_text, "contact_id": self.contact,
            "item": self.item, "cost_cents": self.cost, "given_by_id": self.given_by, "notes": self.notes,
        }
        for key, widget in self.widgets.items():
            widget.setObjectName(f"gift_{key}")
        form = QFormLayout()
        form.addRow(heading)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Occasion"), self.occasion)
        form.addRow("", self.event_text)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Gift"), self.item)
        form.addRow(self.tr("Cost (%1)").replace("%1", currency_symbol(currency)), self.cost)
        form.addRow(self.tr("Given by"), self.given_by)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = finish_form(self, form, self.submit, "gift_message")
        self._occasion_changed()
        self.item.setFocus()

    def _occasion_changed(self) -> None:
        other = self.occasion.currentData() == OTHER
        self.event_text.setEnabled(other)
        if other:
            self.event_text.setFocus()

    def values(self) -> dict[str, Any]:
        """What the form says, read as the services take it; ValueError(key, message) for the first bad field."""
        qdate = self.date.date()
        occasion = self.occasion.currentData()
        if occasion == OTHER:
            occasion = " ".join(self.event_text.text().split())
            if not occasion:
                raise ValueError("event", self.tr("Say what the occasion was."))
        values: dict[str, Any] = {
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()), "occasion": occasion,
            "contact_id": self.contact.currentData(), "item": self.item.text().strip(),
            "given_by_id": self.given_by.currentData(), "notes": self.notes.toPlainText().strip(),
        }
        text = self.cost.text().strip()
        try:
            values["cost_cents"] = parse_cents(text) if text else None
        except ValueError:
            raise ValueError("cost_cents", self.tr("“%1” is not an amount (for example 1,234.50).")
                             .replace("%1", text)) from None
        if values["cost_cents"] is not None and values["cost_cents"] < 0:
            raise ValueError("cost_cents", self.tr("A cost cannot be negative."))
        return values

    @property
    def record(self) -> Any:
        return self.gift

    def field_widget(self, key: str) -> str:
        return "event" if key == "occasion" and self.occasion.currentData() == OTHER else key
