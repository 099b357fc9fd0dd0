"""Log how a planned visit went (done, cancelled, missed), or a contact that happened without one.

Marking a visit done moves the customer's last contact and next due date (the services do that); the next
follow-up is prefilled from the cadence rules and stays editable. Satisfaction is optional and can only be 1-5.
A complaint or wish heard there can be recorded at once as feedback ("Record feedback…"), linked to the visit.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from keepclient.domain.enums import OUTCOME_STATUSES, FeedbackCategory, FeedbackKind, Severity
from keepclient.domain.errors import ConflictError, KeepclientError, ValidationError
from keepclient.domain.types import VisitItem
from keepclient.ui.calendar.visit_dialog import VISIT_KINDS, error_text, fill_contacts
from keepclient.ui.labels import date_text, label, time_text
from keepclient.ui.widgets.date_field import OptionalDateEdit
from keepclient.ui.widgets.field_values import mark_invalid
from keepclient.ui.widgets.form_dialog import dialog_buttons, finish_form, ok_button

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace

FEEDBACK_KINDS = tuple(kind.value for kind in FeedbackKind)
FEEDBACK_CATEGORIES = tuple(category.value for category in FeedbackCategory)
SEVERITIES = tuple(severity.value for severity in Severity)
CHANNEL_OF_KIND = {"visit": "visit", "call": "phone", "email": "email", "message": "message"}


class OutcomeDialog(QDialog):
    """`visit`: its outcome through `log_outcome`; only `customer_id`: a contact that happened (`log_contact`).

    `saved_id` is the visit written (the planned one, or the new contact) after accept; `feedback_id` the
    feedback recorded with it, if any (linked to `visit`; a contact logged without a visit links none).
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
        self.feedback_id: int | None = None
        self._suggested: dt.date | None = None  # the follow-up date shown while the user has not changed it
        self._now = now  # a fixed "now" (tests); else the clock at the time of saving
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
        self.record_feedback = QCheckBox(self.tr("Record feedback…"))
        self.record_feedback.setObjectName("outcome_record_feedback")
        self.record_feedback.setToolTip(self.tr("A complaint, suggestion, request or praise heard here goes to "
                                                "the feedback log, with its owner and response targets"))
        form.addRow(self.record_feedback)
        self.feedback_box = self._feedback_fields()
        self.record_feedback.toggled.connect(self._feedback_toggled)
        self.record_order = QCheckBox(self.tr("Record order…"))
        self.record_order.setObjectName("outcome_record_order")
        self.record_order.setToolTip(self.tr("After saving, record what the customer ordered"))
        form.addRow(self.record_order)
        buttons = dialog_buttons(self, self.accept)
        self.ok_button = ok_button(buttons)
        self.message = finish_form(self, form, buttons, "outcome_message", extra=[self.feedback_box])
        self.fields: dict[str, QWidget] = {"notes": self.notes, "outcome": self.notes,
                                           "satisfaction": self.satisfaction, "next_follow_up": self.next_follow_up}
        for key, widget in (("status", self.status), ("kind", self.kind), ("when", self.when),
                            ("contact_id", self.contact)):
            if widget is not None:
                self.fields[key] = widget
        self.feedback_fields: dict[str, QWidget] = {
            "kind": self.feedback_kind, "category": self.feedback_category, "severity": self.feedback_severity,
            "description": self.feedback_description}
        if problem:
            self.message.setText(problem)
            self.ok_button.setEnabled(False)
        else:
            self._suggest()

    def _feedback_fields(self) -> QGroupBox:
        """Kind, category, severity and what the customer said; shown only while "Record feedback…" is ticked."""
        box = QGroupBox(self.tr("Feedback"))
        box.setObjectName("outcome_feedback_box")
        form = QFormLayout(box)
        self.feedback_kind = self._choice("feedback_kind", FEEDBACK_KINDS, "complaint")
        form.addRow(self.tr("Kind"), self.feedback_kind)
        self.feedback_category = self._choice("feedback_category", FEEDBACK_CATEGORIES, "other")
        form.addRow(self.tr("Category"), self.feedback_category)
        self.feedback_severity = self._choice("feedback_severity", SEVERITIES, "normal")
        form.addRow(self.tr("Severity"), self.feedback_severity)
        self.feedback_description = QPlainTextEdit()
        self.feedback_description.setObjectName("feedback_description")
        self.feedback_description.setTabChangesFocus(True)
        self.feedback_description.setPlaceholderText(self.tr("What the customer said"))
        form.addRow(self.tr("Description"), self.feedback_description)
        box.setVisible(False)
        return box

    @staticmethod
    def _choice(name: str, values: tuple[str, ...], chosen: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value in values:
            combo.addItem(label(value), value)
        combo.setCurrentIndex(combo.findData(chosen))
        return combo

    def _feedback_toggled(self, on: bool) -> None:
        self.feedback_box.setVisible(on)
        if on:
            self.feedback_description.setFocus()
        self.adjustSize()

    def _visit_heading(self, visit: VisitItem) -> str:
        """Customer in bold, then kind and time, contact and purpose (as rich text: names are escaped)."""
        when = f"{label(visit.kind)} · {date_text(visit.start.date())} {time_text(visit.start)}"
        lines = [f"<b>{html.escape(visit.customer)}</b>", html.escape(when)]
        lines += [html.escape(text) for text in (visit.contact, visit.purpose) if text]
        return "<br>".join(lines)

    @property
    def order_wanted(self) -> bool:
        """After the outcome was saved as done: the caller opens the order dialog for this customer."""
        done = self.status is None or self.status.currentData() == "done"
        return self.saved_id is not None and done and self.record_order.isChecked()

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
        self.record_order.setEnabled(done)  # an order comes from a visit or call that happened
        if not done:
            self.satisfaction.setValue(0)
        self._suggest()

    def accept(self) -> None:
        """Save; on a refused value the dialog stays open with the field marked.

        The outcome is saved first, then the feedback: should the feedback be refused, the dialog stays open
        with the outcome saved (and no longer editable), and OK again saves only the feedback.
        """
        self.message.clear()
        for widget in (*self.fields.values(), *self.feedback_fields.values()):
            widget.setStyleSheet("")
        recording = self.record_feedback.isChecked()
        if recording and not self.feedback_description.toPlainText().strip():  # refused before anything is saved
            text = self.tr("Write down what the customer said, or untick “Record feedback…”.")
            self.message.setText(text)
            mark_invalid(self.feedback_description, text)
            return
        if self.saved_id is None:
            if not self._save_outcome():
                return
            for widget in self.fields.values():  # saved: a second OK must not look as if it saved them again
                widget.setEnabled(False)
        if recording and self.feedback_id is None and not self._save_feedback():
            self.message.setText(self.tr("The outcome is saved, the feedback not yet: %1").replace(
                "%1", self.message.text()))
            return
        super().accept()

    def reject(self) -> None:
        """Cancel; once the outcome is saved (only the feedback failed) closing counts as done, so the views
        that opened the dialog show the saved outcome."""
        if self.saved_id is not None:
            super().accept()
        else:
            super().reject()

    def _save_outcome(self) -> bool:
        score = self.satisfaction.value() or None
        notes = self.notes.toPlainText().strip()
        try:
            if self.visit is not None:
                assert self.status is not None
                self.ws.visits.log_outcome(self.visit.id, version=self.visit.version, status=self.status.currentData(),
                                           notes=notes, satisfaction=score, next_follow_up=self.next_follow_up.value())
                self.saved_id = self.visit.id
            else:
                assert self.kind is not None and self.when is not None and self.contact is not None
                moment = self.when.dateTime()
                day, time = moment.date(), moment.time()
                self.saved_id, _dates = self.ws.activity.log_contact(
                    self.customer_id, kind=self.kind.currentData(),
                    when=dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute()),
                    outcome=notes, contact_id=self.contact.currentData(), satisfaction=score,
                    next_follow_up=self.next_follow_up.value(),
                )
        except ValidationError as exc:
            self.message.setText(error_text(exc))
            mark_invalid(self.fields.get(exc.field), error_text(exc))
            return False
        except ConflictError:
            self._colleague_changed()
            return False
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return False
        return True

    def _colleague_changed(self) -> None:
        """Someone changed the visit (perhaps logged it) after this dialog read it: nothing was overwritten; say
        what it is now, and saving again records this outcome over theirs."""
        assert self.visit is not None
        try:
            self.visit = self.ws.visits.get(self.visit.id)
        except KeepclientError as exc:  # they deleted it
            self.message.setText(error_text(exc))
            return
        self.message.setText(self.tr("Someone else changed this visit meanwhile (it is now: %1). Nothing was "
                                     "overwritten. Save again to record your outcome over theirs, or Cancel.")
                             .replace("%1", label(self.visit.status)))

    def _save_feedback(self) -> bool:
        """The feedback heard: linked to the visit whose outcome this is; heard when the contact happened."""
        if self.visit is not None:
            channel, contact_id, heard = "visit", self.visit.contact_id, self.visit.start
        else:
            assert self.kind is not None and self.contact is not None and self.when is not None
            moment = self.when.dateTime()
            day, time = moment.date(), moment.time()
            channel, contact_id = CHANNEL_OF_KIND.get(self.kind.currentData(), "other"), self.contact.currentData()
            heard = dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        try:
            self.feedback_id = self.ws.feedback.create(
                self.customer_id, description=self.feedback_description.toPlainText().strip(),
                kind=self.feedback_kind.currentData(), category=self.feedback_category.currentData(),
                severity=self.feedback_severity.currentData(), channel=channel, contact_id=contact_id,
                visit_id=self.visit.id if self.visit is not None else None,
                received_at=min(heard, self._now or dt.datetime.now().replace(second=0, microsecond=0)),
            )
        except ValidationError as exc:
            self.message.setText(error_text(exc))
            mark_invalid(self.feedback_fields.get(exc.field), error_text(exc))
            return False
        except KeepclientError as exc:
            self.message.setText(error_text(exc))
            return False
        return True
