"""Log how a planned visit went (done, cancelled, missed), or a contact that happened without one.

Marking a visit done moves the customer's last contact and next due date (the services do that); the next
follow-up is prefilled from the cadence rules and stays editable. Satisfaction is optional and can only be 1-5.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError, ValidationError
from keepclient.domain.types import VisitItem
from keepclient.ui.calendar.visit_dialog import VISIT_KINDS, error_text, fill_contacts
from keepclient.ui.labels import date_text, label, time_text
from keepclient.ui.widgets.date_field import OptionalDateEdit
from keepclient.ui.widgets.field_values import mark_invalid

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

OUTCOME_STATUSES = ("done", "cancelled", "missed")


class OutcomeDialog(QDialog):
    """`visit`: its outcome through `log_outcome`; only `customer_id`: a contact that happened (`log_contact`).

    `saved_id` is the visit written (the planned one, or the new contact) after accept.
    """

    def __init__(self, workspace: Workspace, *, visit: VisitItem | None = None, customer_id: int | None = None,
                 parent: QWidget | None = None, now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        if visit is None and customer_id is None:
            raise ValueError("OutcomeDialog needs a visit or a customer")
        self.ws = workspace
        self.visit = visit
        self.customer_id: int = visit.customer_id if visit else customer_id  # type: ignore[assignment]
        self.saved_id: int | None = None
        self._suggested: dt.date | None = None  # the follow-up date shown while the user has not changed it
        moment = now or dt.datetime.now().replace(second=0, microsecond=0)
        problem = ""
        self.setWindowTitle(self.tr("Log the outcome") if visit else self.tr("Log a call or visit"))
        self.setMinimumWidth(420)

        form = QFormLayout()
        self.heading = QLabel()
        self.heading.setObjectName("outcome_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.heading)
        self.status: QComboBox | None = None
        self.kind: QComboBox | None = None
        self.when: QDateTimeEdit | None = None
        self.contact: QComboBox | None = None
        if visit is not None:
            self.heading.setText(self._visit_heading(visit))
            self.status = QComboBox()
            self.status.setObjectName("outcome_status")
            for status in OUTCOME_STATUSES:
                self.status.addItem(label(status), status)
            self.status.currentIndexChanged.connect(self._status_changed)
            form.addRow(self.tr("Status"), self.status)
        else:
            try:
                detail = self.ws.customers.detail(self.customer_id)
            except KeepclientError as exc:  # deleted meanwhile: say so, save nothing
                problem = error_text(exc)
                detail = None
            self.heading.setText(f"<b>{html.escape(detail.name)}</b>" if detail else "")
            self.kind = QComboBox()
            self.kind.setObjectName("outcome_kind")
            for kind in VISIT_KINDS:
                self.kind.addItem(label(kind), kind)
            self.kind.setCurrentIndex(self.kind.findData("call"))
            form.addRow(self.tr("How"), self.kind)
            self.when = QDateTimeEdit(QDateTime(QDate(moment.year, moment.month, moment.day),
                                                QTime(moment.hour, moment.minute)))
            self.when.setObjectName("outcome_when")
            self.when.setCalendarPopup(True)
            self.when.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
            self.when.dateChanged.connect(lambda _d: self._suggest())
            form.addRow(self.tr("When"), self.when)
            self.contact = QComboBox()
            self.contact.setObjectName("outcome_contact")
            contacts = detail.contacts if detail else ()
            fill_contacts(self.contact, contacts, next((c.id for c in contacts if c.is_primary), None))
            form.addRow(self.tr("Contact"), self.contact)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("outcome_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was discussed, what was agreed"))
        form.addRow(self.tr("Notes"), self.notes)
        self.satisfaction = QSpinBox()
        self.satisfaction.setObjectName("outcome_satisfaction")
        self.satisfaction.setRange(0, 5)  # 0 shows "not asked" and is saved as no score
        self.satisfaction.setSpecialValueText(self.tr("not asked"))
        self.satisfaction.setToolTip(self.tr("1 = very unhappy … 5 = very happy"))
        form.addRow(self.tr("Satisfaction (1-5)"), self.satisfaction)
        self.next_follow_up = OptionalDateEdit()
        self.next_follow_up.setObjectName("outcome_next_follow_up")
        self.next_follow_up.setToolTip(self.tr("Suggested from the customer's follow-up interval"))
        form.addRow(self.tr("Next follow-up"), self.next_follow_up)
        self.message = QLabel()
        self.message.setObjectName("outcome_message")
        self.message.setStyleSheet("color: #b52b27;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {"notes": self.notes, "outcome": self.notes,
                                           "satisfaction": self.satisfaction, "next_follow_up": self.next_follow_up}
        for key, widget in (("status", self.status), ("kind", self.kind), ("when", self.when),
                            ("contact_id", self.contact)):
            if widget is not None:
                self.fields[key] = widget
        if problem:
            self.message.setText(problem)
            self.ok_button.setEnabled(False)
        else:
            self._suggest()

    def _visit_heading(self, visit: VisitItem) -> str:
        """Customer in bold, then kind and time, contact and purpose (as rich text: names are escaped)."""
        when = f"{label(visit.kind)} · {date_text(visit.start.date())} {time_text(visit.start)}"
        lines = [f"<b>{html.escape(visit.customer)}</b>", html.escape(when)]
        lines += [html.escape(text) for text in (visit.contact, visit.purpose) if text]
        return "<br>".join(lines)

    def contact_day(self) -> dt.date:
        """The day the contact happened (or was planned for)."""
        if self.visit is not None:
            return self.visit.start.date()
        assert self.when is not None
        day = self.when.date()
        return dt.date(day.year(), day.month(), day.day())

    def _suggest(self) -> None:
        """Prefill the next follow-up from the cadence, unless the user already chose a date."""
        if self.next_follow_up.value() != self._suggested:
            return
        if self.status is not None and self.status.currentData() != "done":
            self._suggested = None  # nobody was reached: the customer stays due as before
        else:
            try:
                self._suggested = self.ws.visits.suggested_follow_up(self.customer_id, self.contact_day())
            except KeepclientError as exc:
                self.message.setText(error_text(exc))
                self._suggested = None
        self.next_follow_up.set_value(self._suggested)

    def _status_changed(self) -> None:
        done = self.status is None or self.status.currentData() == "done"
        self.satisfaction.setEnabled(done)
        if not done:
            self.satisfaction.setValue(0)
        self._suggest()

    def accept(self) -> None:
        """Save; on a refused value the dialog stays open with the field marked."""
        self.message.clear()
        for widget in self.fields.values():
            widget.setStyleSheet("")
        score = self.satisfaction.value() or None
        notes = self.notes.toPlainText().strip()
        try:
            if self.visit is not None:
                assert self.status is not None
                self.ws.visits.log_outcome(self.visit.id, status=self.status.currentData(), notes=notes,
                                           satisfaction=score, next_follow_up=self.next_follow_up.value())
                self.saved_id = self.visit.id
            else:
                assert self.kind is not None and self.when is not None and self.contact is not None
                moment = self.when.dateTime()
                day, time = moment.date(), moment.time()
                self.saved_id = self.ws.activity.log_contact(
                    self.customer_id, kind=self.kind.currentData(),
                    when=dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute()),
                    outcome=notes, contact_id=self.contact.currentData(), satisfaction=score,
                    next_follow_up=self.next_follow_up.value(),
                )
        except ValidationError as exc:
            self.message.setText(error_text(exc))
            mark_invalid(self.fields.get(exc.field), error_text(exc))
            return
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return
        super().accept()
