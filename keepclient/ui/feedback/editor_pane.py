"""The editor beside the feedback log: one item's fields, deadlines, response times, workflow steps and history.

The pane only shows and collects; the log saves through the services. Workflow buttons show the steps the item's
status allows (new -> start work or resolve, resolved -> replied or reopen, ...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.enums import Channel, FeedbackCategory, FeedbackKind, FeedbackStatus, Severity
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import ContactInfo, FeedbackDetail, FeedbackEvent, SalespersonInfo
from keepclient.ui.feedback.log_model import duration_text
from keepclient.ui.labels import datetime_text, label, label_in
from keepclient.ui.widgets.field_values import mark_invalid
from keepclient.ui.widgets.flow_layout import FlowLayout
from keepclient.ui.widgets.record_pane import RecordPane
from keepclient.ui.widgets.style import OVERDUE_STYLE

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

EDITABLE = ("contact_id", "channel", "kind", "category", "severity", "owner_id", "description", "resolution")
STEP_BUTTONS = ("start", "resolve", "replied", "close", "reopen")
FIELD_NAMES = {
    "status": QT_TRANSLATE_NOOP("FeedbackEditor", "Status"),
    "owner": QT_TRANSLATE_NOOP("FeedbackEditor", "Owner"),
    "owner_id": QT_TRANSLATE_NOOP("FeedbackEditor", "Owner"),
    "contact": QT_TRANSLATE_NOOP("FeedbackEditor", "Contact"),
    "contact_id": QT_TRANSLATE_NOOP("FeedbackEditor", "Contact"),
    "channel": QT_TRANSLATE_NOOP("FeedbackEditor", "Channel"),
    "kind": QT_TRANSLATE_NOOP("FeedbackEditor", "Kind"),
    "category": QT_TRANSLATE_NOOP("FeedbackEditor", "Category"),
    "severity": QT_TRANSLATE_NOOP("FeedbackEditor", "Severity"),
    "description": QT_TRANSLATE_NOOP("FeedbackEditor", "Description"),
    "resolution": QT_TRANSLATE_NOOP("FeedbackEditor", "Resolution"),
    "satisfaction": QT_TRANSLATE_NOOP("FeedbackEditor", "Satisfaction"),
    "satisfaction_comment": QT_TRANSLATE_NOOP("FeedbackEditor", "Customer's comment"),
    "note": QT_TRANSLATE_NOOP("FeedbackEditor", "Note"),
    "received": QT_TRANSLATE_NOOP("FeedbackEditor", "Received"),
}
# Fields whose values are stored enumerations, each named as a member of its own enum: a status "new" is 新建,
# not the customer stage 新客户 a bare label("new") would say.
LABELLED: dict[str, Any] = {"status": FeedbackStatus, "channel": Channel, "kind": FeedbackKind,
                            "category": FeedbackCategory, "severity": Severity}
# Written along with a step or a new severity (times, deadlines, hours): the step itself says it all.
DERIVED = {"first_response_at", "resolved_at", "replied_at", "closed_at", "response_hours", "resolution_hours",
           "response_due", "resolution_due", "next_due"}


def field_name(field: str) -> str:
    text = FIELD_NAMES.get(field)
    return translate("FeedbackEditor", text) if text else label(field)


class ContactCombo(QComboBox):
    """The item's contact; the customer's other contacts are read only when the list is opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader: Callable[[], tuple[ContactInfo, ...]] | None = None
        self.loaded = False

    def show_contact(self, contact_id: int | None, name: str) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(translate("FeedbackEditor", "(none)"), None)
        if contact_id is not None:
            self.addItem(name or str(contact_id), contact_id)
            self.setCurrentIndex(1)
        self.loaded = False
        self.blockSignals(False)

    def load(self) -> None:
        """Offer all the customer's contacts, keeping the one chosen."""
        if self.loaded or self.loader is None:
            return
        self.loaded = True
        chosen = self.currentData()
        contacts = self.loader()
        self.blockSignals(True)
        current_text = self.currentText()
        self.clear()
        self.addItem(translate("FeedbackEditor", "(none)"), None)
        for contact in contacts:
            self.addItem(contact.name + (f" · {contact.title}" if contact.title else ""), contact.id)
        if chosen is not None and self.findData(chosen) < 0:
            self.addItem(current_text, chosen)  # removed since: keep it as it is
        self.setCurrentIndex(max(self.findData(chosen), 0) if chosen is not None else 0)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.load()
        super().showPopup()


class FeedbackEditor(RecordPane):
    step_requested = Signal(str)  # the status to move to
    plan_requested = Signal()
    open_customer = Signal(int)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Select a feedback item to see and edit it."), parent)
        self.detail: FeedbackDetail | None = None
        self.now: dt.datetime = dt.datetime.now()
        self._people: list[SalespersonInfo] = []
        self.names: dict[int, str] = {}  # every salesperson's name by id, also former ones (the history)
        self._loading = False
        self._build()

    # -- building ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.start_page("feedbackTitle", 14)
        self.customer = QLabel()
        self.customer.setWordWrap(True)  # a long customer name wraps rather than widen the window
        self.customer.setObjectName("feedbackCustomer")
        self.customer.setTextFormat(Qt.TextFormat.RichText)
        self.customer.setToolTip(self.tr("Open this customer in the Customers tab"))
        self.customer.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.customer.linkActivated.connect(self._customer_link)
        self.overdue = QLabel()
        self.overdue.setObjectName("feedbackOverdue")
        self.overdue.setStyleSheet(OVERDUE_STYLE)
        self.overdue.setWordWrap(True)
        layout.addWidget(self.customer)
        layout.addWidget(self.overdue)

        actions = self.save_revert_row()
        actions.addStretch(1)
        self.plan_button = QPushButton(self.tr("Plan follow-up visit…"))
        self.plan_button.setToolTip(self.tr("Plan a visit or call to this customer about this feedback"))
        self.plan_button.clicked.connect(self.plan_requested)
        actions.addWidget(self.plan_button)
        layout.addLayout(actions)

        steps = FlowLayout()  # wraps rather than make the window wider than a laptop screen
        self.step_buttons: dict[str, QPushButton] = {}
        for key, text, status, tip in (
            ("start", self.tr("Start work"), "in_progress", self.tr("Someone is on it: the first response is done")),
            ("resolve", self.tr("Resolve"), "resolved", self.tr("The problem is solved (write how under Resolution)")),
            ("replied", self.tr("Replied to customer"), "replied", self.tr("The customer has been told the result")),
            ("close", self.tr("Close…"), "closed", self.tr("Close, with the customer's satisfaction if known")),
            ("reopen", self.tr("Reopen"), "in_progress", self.tr("Work on it again")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"step_{key}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=status: self.step_requested.emit(s))
            steps.addWidget(button)
            self.step_buttons[key] = button
        layout.addLayout(steps)

        form = QFormLayout()
        self.received = QLabel()
        self.received.setWordWrap(True)
        self.received.setObjectName("feedbackReceived")
        form.addRow(self.tr("Received"), self.received)
        self.widgets: dict[str, QWidget] = {}
        self.contact = ContactCombo()
        self.widgets["contact_id"] = self.contact
        form.addRow(self.tr("Contact"), self.contact)
        for key, caption, values in (
            ("channel", self.tr("Channel"), Channel), ("kind", self.tr("Kind"), FeedbackKind),
            ("category", self.tr("Category"), FeedbackCategory), ("severity", self.tr("Severity"), Severity),
        ):
            combo = QComboBox()
            for value in values:
                combo.addItem(label(value), value.value)
            self.widgets[key] = combo
            form.addRow(caption, combo)
        self.owner = QComboBox()
        self.widgets["owner_id"] = self.owner
        form.addRow(self.tr("Owner"), self.owner)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(70)
        self.widgets["description"] = self.description
        form.addRow(self.tr("Description"), self.description)
        self.resolution = QPlainTextEdit()
        self.resolution.setTabChangesFocus(True)
        self.resolution.setMinimumHeight(50)
        self.resolution.setPlaceholderText(self.tr("What was done about it"))
        self.widgets["resolution"] = self.resolution
        form.addRow(self.tr("Resolution"), self.resolution)
        for key, widget in self.widgets.items():
            widget.setObjectName(f"feedback_{key}")
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._edited)
        fields_box = QGroupBox(self.tr("Feedback"))
        fields_box.setLayout(form)

        times = QFormLayout()
        self.response = QLabel()
        self.response.setObjectName("feedbackResponse")
        self.resolved = QLabel()
        self.resolved.setObjectName("feedbackResolved")
        self.replied = QLabel()
        self.replied.setObjectName("feedbackReplied")
        self.satisfaction = QLabel()
        self.satisfaction.setObjectName("feedbackSatisfaction")
        for widget in (self.response, self.resolved, self.replied, self.satisfaction):
            widget.setWordWrap(True)
        times.addRow(self.tr("First response"), self.response)
        times.addRow(self.tr("Resolution"), self.resolved)
        times.addRow(self.tr("Customer told"), self.replied)
        times.addRow(self.tr("Satisfaction"), self.satisfaction)
        times_box = QGroupBox(self.tr("Deadlines and times"))
        times_box.setLayout(times)

        self.history = QTreeWidget()
        self.history.setObjectName("feedbackHistory")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change")])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history.setColumnWidth(0, 130)
        self.history.setMinimumHeight(120)
        history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)

        self.finish_page(layout, [fields_box, times_box, history_box])

    # -- showing -------------------------------------------------------------------------------------------
    def set_salespeople(self, people: list[SalespersonInfo]) -> None:
        self._people = list(people)
        if self.detail is not None:
            self._fill_owners(self.detail.item.owner_id, self.detail.item.owner)

    def _fill_owners(self, owner_id: int | None, owner_name: str) -> None:
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("(nobody)"), None)
        for person in self._people:
            self.owner.addItem(person.name, person.id)
        if owner_id is not None and self.owner.findData(owner_id) < 0:
            self.owner.addItem(owner_name or str(owner_id), owner_id)  # no longer active: keep as it is
        self.owner.setCurrentIndex(max(self.owner.findData(owner_id), 0) if owner_id is not None else 0)
        self.owner.blockSignals(False)

    @property
    def shown_id(self) -> int | None:
        return self.detail.item.id if self.detail else None

    def show_item(self, detail: FeedbackDetail, now: dt.datetime,
                  contacts: Callable[[], tuple[ContactInfo, ...]] | None = None) -> None:
        """Show `detail` as of `now`; `contacts` reads the customer's contacts when the contact list opens."""
        self._loading = True
        self.detail, self.now = detail, now
        item = detail.item
        self.title.setText(self.tr("%1 #%2 · %3").replace("%1", label(item.kind)).replace("%2", str(item.id))
                           .replace("%3", label_in(FeedbackStatus, item.status)))
        self.customer.setText(f'<a href="customer:{item.customer_id}">{_escape(item.customer)}</a>')
        self.received.setText(self.tr("%1 by %2").replace("%1", datetime_text(item.received_at))
                              .replace("%2", label(item.channel)) if item.channel else datetime_text(item.received_at))
        self.contact.loader = contacts
        self.contact.show_contact(detail.contact_id, detail.contact)
        self._fill_owners(item.owner_id, item.owner)
        values = self.original()
        for key in ("channel", "kind", "category", "severity"):
            combo = self.widgets[key]
            assert isinstance(combo, QComboBox)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(values[key]), 0))
            combo.blockSignals(False)
        self.description.setPlainText(detail.item.description)
        self.resolution.setPlainText(detail.resolution)
        for widget in self.widgets.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._show_times()
        self._fill_history(detail.history)
        self._loading = False
        self.update_buttons()
        self.setCurrentIndex(1)

    def _show_times(self) -> None:
        assert self.detail is not None
        item, now = self.detail.item, self.now
        if item.first_response_at is not None:
            late = item.response_due is not None and item.first_response_at > item.response_due
            text = self.tr("after %1 (%2)").replace("%1", duration_text(item.response_time)).replace(
                "%2", self.tr("late") if late else self.tr("on time"))
        elif item.response_due is not None:
            text = self.tr("not yet; due %1").replace("%1", datetime_text(item.response_due))
        else:
            text = self.tr("not yet")
        self.response.setText(text)
        if item.resolved_at is not None:
            late = item.resolution_due is not None and item.resolved_at > item.resolution_due
            text = self.tr("after %1 (%2)").replace("%1", duration_text(item.resolution_time)).replace(
                "%2", self.tr("late") if late else self.tr("on time"))
        elif item.resolution_due is not None:
            text = self.tr("not yet; due %1").replace("%1", datetime_text(item.resolution_due))
        else:
            text = self.tr("not yet")
        self.resolved.setText(text)
        told = [datetime_text(item.replied_at)] if item.replied_at else []
        if item.closed_at:
            told.append(self.tr("closed %1").replace("%1", datetime_text(item.closed_at)))
        self.replied.setText(" · ".join(told) or self.tr("not yet"))
        if item.satisfaction is not None:
            text = f"{item.satisfaction}/5 " + "★" * item.satisfaction + "☆" * (5 - item.satisfaction)
            if self.detail.satisfaction_comment:
                text += f" — {self.detail.satisfaction_comment}"
        else:
            text = "—"
        self.satisfaction.setText(text)
        overdue = item.next_due is not None and item.next_due < now
        if overdue:
            assert item.next_due is not None
            which = (self.tr("Overdue: the first response was due %1 (%2 ago).") if item.first_response_at is None
                     else self.tr("Overdue: the resolution was due %1 (%2 ago)."))
            self.overdue.setText(which.replace("%1", datetime_text(item.next_due))
                                 .replace("%2", duration_text(now - item.next_due)))
        self.overdue.setVisible(overdue)

    def _fill_history(self, events: tuple[FeedbackEvent, ...]) -> None:
        """Newest first (the log lists oldest first; a step's lines share one time); the receipt comes last."""
        assert self.detail is not None
        item = self.detail.item
        contacts = {self.detail.contact_id: self.detail.contact} if self.detail.contact_id else {}
        lines = [QTreeWidgetItem([datetime_text(e.when), e.who, field_name(e.field),
                                  _change(e, self.names, contacts)])
                 for e in sorted(reversed(events), key=lambda e: e.when, reverse=True) if e.field not in DERIVED]
        lines.append(QTreeWidgetItem([datetime_text(item.received_at), "", field_name("received"),
                                      label(item.channel) if item.channel else ""]))
        self.history.clear()
        self.history.addTopLevelItems(lines)

    def show_steps(self, allowed: tuple[str, ...]) -> None:
        """Show the workflow buttons of the steps allowed from the item's status."""
        status = self.detail.item.status if self.detail else ""
        wanted = {
            "start": "in_progress" in allowed and status == "new",
            "resolve": "resolved" in allowed,
            "replied": "replied" in allowed,
            "close": "closed" in allowed,
            "reopen": "in_progress" in allowed and status != "new",
        }
        for key, button in self.step_buttons.items():
            button.setVisible(wanted[key])

    def visible_steps(self) -> list[str]:
        return [key for key, button in self.step_buttons.items() if not button.isHidden()]

    def clear(self) -> None:
        self.detail = None
        self.setCurrentIndex(0)

    # -- editing -------------------------------------------------------------------------------------------
    def original(self) -> dict[str, Any]:
        assert self.detail is not None
        item = self.detail.item
        return {"contact_id": self.detail.contact_id, "channel": item.channel, "kind": item.kind,
                "category": item.category, "severity": item.severity, "owner_id": item.owner_id,
                "description": item.description, "resolution": self.detail.resolution}

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                result[key] = widget.currentData()
            else:
                assert isinstance(widget, QPlainTextEdit)
                result[key] = widget.toPlainText()
        return result

    def changes(self) -> dict[str, Any]:
        """What the user changed, as `FeedbackService.update` changes."""
        if self.detail is None:
            return {}
        before = self.original()
        now = self.values()
        changed = {key: value for key, value in now.items() if value != before[key]}
        for key in ("description", "resolution"):  # trailing spaces alone are no change
            if key in changed and changed[key].strip() == (before[key] or "").strip():
                del changed[key]
        return changed

    def set_values(self, values: dict[str, Any]) -> None:
        """Put values (the user's edits, after a colleague's save) back into the fields."""
        for key, value in values.items():
            widget = self.widgets.get(key)
            if isinstance(widget, ContactCombo):
                widget.load()
                if widget.findData(value) < 0 and value is not None:
                    widget.addItem(str(value), value)
                widget.setCurrentIndex(max(widget.findData(value), 0) if value is not None else 0)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0) if value is not None else 0)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
        self.update_buttons()

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def _edited(self) -> None:
        if not self._loading:
            self.update_buttons()
            self.edited.emit()

    def mark_invalid(self, field: str, message: str) -> None:
        mark_invalid(self.widgets.get(field), message)

    def focus_editor(self) -> None:
        if self.detail is not None:
            self.description.setFocus(Qt.FocusReason.OtherFocusReason)

    def _customer_link(self, link: str) -> None:
        if self.detail is not None and link.startswith("customer:"):
            self.open_customer.emit(self.detail.item.customer_id)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _change(event: FeedbackEvent, people: dict[int, str], contacts: dict[int, str]) -> str:
    def show(value: str | None) -> str:
        if value is None or value == "":
            return "—"
        if event.field in LABELLED:
            return label_in(LABELLED[event.field], value)
        if event.field in ("owner", "contact") and value.isdigit():
            return (people if event.field == "owner" else contacts).get(int(value), f"#{value}")
        return value

    if event.old is None and event.new is not None and event.field not in LABELLED:
        return show(event.new)
    return f"{show(event.old)} → {show(event.new)}"
