"""The detail pane: a customer's editable profile, tags, contacts and timeline, with quick actions.

The pane only shows and collects; the customer area saves through the services (and the undo stack).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.enums import FeedbackStatus, VisitKind, VisitStatus
from keepclient.domain.types import (
    ContactInfo,
    CustomerDetail,
    OrderItem,
    SalespersonInfo,
    SatisfactionScore,
    TimelineEntry,
)
from keepclient.ui.customers.gift_dialog import occasion_text
from keepclient.ui.customers.profile_form import ProfileForm
from keepclient.ui.customers.purchases_section import RECORD_ORDER_KEYS, PurchasesSection, figures_text
from keepclient.ui.customers.satisfaction import SatisfactionRow
from keepclient.ui.labels import birthday_label, date_text, datetime_text, day_text, label, label_in
from keepclient.ui.widgets.column_widths import SAMPLE_DAY, SAMPLE_MOMENT, SAMPLE_PERSON, SAMPLE_PHONE, fit_columns
from keepclient.ui.widgets.flow_layout import FlowLayout
from keepclient.ui.widgets.record_pane import RecordPane

TIMELINE_TAB = 1  # the pane's tabs: Details, Timeline
BIRTHDAY_COLUMN = 4  # of the contacts (shown before Email)


def timeline_widths() -> dict[int, list[str]]:
    """When and What whole ("12/28/26 12:30 PM", "Visit · Message"), Status as its longest; Details the rest."""
    whats = [f"{label('visit')} · {label(kind)}" for kind in VisitKind] + [f"{label('feedback')} · {label('praise')}"]
    return {0: [datetime_text(SAMPLE_MOMENT)], 1: whats, 2: [label(status) for status in VisitStatus]}


class CustomerDetailPane(RecordPane):
    restore_requested = Signal()
    contact_action = Signal(str, object)  # "add" | "edit" | "remove" | "primary", ContactInfo or None
    quick_action = Signal(str)  # "log" | "feedback" | "schedule"
    order_action = Signal(str, object)  # "add" | "edit" | "delete", OrderItem or None
    gift_action = Signal(str, object)  # "add" | "edit" | "remove", the gift's id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Select a customer to see the details."), parent)
        self.detail: CustomerDetail | None = None
        self._people: list[SalespersonInfo] = []
        self._built = False
        self.currency = "CNY"  # the team's currency (the area sets it per database)
        self.at_risk_threshold: int | None = None  # the team's (the area sets it per database); None: the default

    def _build(self) -> None:
        """The editor is built when the first customer is shown, so the window's first frame does not wait."""
        if self._built:
            return
        self._built = True
        layout = self.start_page("customerTitle", 16)
        self.state = QLabel()
        self.state.setWordWrap(True)  # a long owner name wraps rather than widen the window
        self.figures = QLabel()
        self.figures.setObjectName("customerFigures")
        self.figures.setWordWrap(True)
        self.satisfaction = SatisfactionRow()
        layout.addWidget(self.figures)
        layout.addWidget(self.state)
        layout.addWidget(self.satisfaction)

        actions = self.save_revert_row()
        self.restore_button = QPushButton(self.tr("Restore from trash"))
        self.log_button = QPushButton(self.tr("Log call/visit…"))
        self.log_button.setToolTip(self.tr("Log a call or visit (Ctrl+L)"))
        self.feedback_button = QPushButton(self.tr("Add feedback…"))
        self.feedback_button.setToolTip(self.tr("Record feedback or a complaint (Ctrl+K)"))
        self.schedule_button = QPushButton(self.tr("Schedule follow-up…"))
        self.schedule_button.setToolTip(self.tr("Plan the next visit or call (Ctrl+U)"))
        self.gift_button = QPushButton(self.tr("Log gift…"))
        self.gift_button.setObjectName("log_gift")
        self.gift_button.setToolTip(self.tr("Log a gift or greeting: a holiday, a birthday or an event "
                                            "(Ctrl+Shift+L)"))
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        # A row of its own that wraps onto a second line: in one line (or with Save and Revert) the pane made
        # the window too wide for a laptop screen.
        quick = FlowLayout()
        for button in (self.log_button, self.feedback_button, self.schedule_button, self.gift_button):
            quick.addWidget(button)
        layout.addLayout(quick)
        self.restore_button.clicked.connect(self.restore_requested)
        self.log_button.clicked.connect(lambda: self.quick_action.emit("log"))
        self.feedback_button.clicked.connect(lambda: self.quick_action.emit("feedback"))
        self.schedule_button.clicked.connect(lambda: self.quick_action.emit("schedule"))
        self.gift_button.clicked.connect(lambda: self.gift_action.emit("add", None))

        self.form = ProfileForm()
        self.form.set_salespeople(self._people)
        self.form.edited.connect(self.update_buttons)
        self.tags = QLineEdit()
        self.tags.setObjectName("field_tags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.textEdited.connect(self.update_buttons)
        profile = QGroupBox(self.tr("Profile"))
        profile_layout = QVBoxLayout(profile)
        profile_layout.addWidget(self.form)
        profile_layout.addWidget(QLabel(self.tr("Tags")))
        profile_layout.addWidget(self.tags)

        self.contacts = QTreeWidget()
        self.contacts.setRootIsDecorated(False)
        self.contacts.setHeaderLabels([self.tr("Contact"), self.tr("Title"), self.tr("Mobile"), self.tr("Email"),
                                       self.tr("Birthday")])
        contacts_header = self.contacts.header()
        contacts_header.moveSection(BIRTHDAY_COLUMN, 3)  # shown before Email: in the pane's width both show
        fit_columns(self.contacts, contacts_header, {0: ["★ " + SAMPLE_PERSON], 1: 72, 2: [SAMPLE_PHONE],
                                                     BIRTHDAY_COLUMN: [day_text(SAMPLE_DAY.replace(year=1980))]})
        self.contacts.itemDoubleClicked.connect(lambda *_: self._contact("edit"))
        contact_buttons = FlowLayout()  # wraps in a narrow pane
        for key, text in (("add", self.tr("Add…")), ("edit", self.tr("Edit…")), ("remove", self.tr("Remove")),
                          ("primary", self.tr("Make primary"))):
            button = QPushButton(text)
            button.setObjectName(f"contact_{key}")
            button.clicked.connect(lambda _=False, k=key: self._contact(k))
            contact_buttons.addWidget(button)
        contacts_box = QGroupBox(self.tr("Contacts"))
        contacts_layout = QVBoxLayout(contacts_box)
        contacts_layout.addWidget(self.contacts)
        contacts_layout.addLayout(contact_buttons)
        from keepclient.ui.customers.links import ProfileLinks  # tel:, mailto: and copy, built with the editor

        self.links = ProfileLinks(self.form.widgets, self.contacts)

        self.timeline_filter = QComboBox()
        for key, text in (("", self.tr("Everything")), ("visit", self.tr("Visits and calls")),
                          ("feedback", self.tr("Feedback")), ("purchase", self.tr("Purchases")),
                          ("gift", self.tr("Gifts and greetings")), ("change", self.tr("Field changes"))):
            self.timeline_filter.addItem(text, key)
        self.timeline_filter.currentIndexChanged.connect(self._fill_timeline)
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Status"), self.tr("Details")])
        self.timeline.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(self.timeline, self.timeline.header(), timeline_widths())
        self.timeline.setUniformRowHeights(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        self.timeline.itemDoubleClicked.connect(lambda item, _column: self._gift(item, "edit"))
        timeline_box = QWidget()  # a tab of its own: the whole height of the pane, not a box inside the scroll
        timeline_box.setObjectName("timelineTab")
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(self.timeline_filter)
        timeline_layout.addWidget(self.timeline, 1)

        self.purchases = PurchasesSection()
        self.purchases.set_shortcut_hint(RECORD_ORDER_KEYS)
        self.purchases.order_action.connect(self.order_action)
        from keepclient.ui.customers.value_section import ValueSection  # with the editor, after the first frame

        self.value = ValueSection()
        # Two tabs under the buttons: the profile scrolls in the first, the timeline has the second to itself
        # (as a box in the scroll it showed three rows at laptop size).
        self.sections = QTabWidget()
        self.sections.setObjectName("customerSections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(self.scrolling([self.value, profile, contacts_box, self.purchases]),
                             self.tr("Details"))
        self.sections.addTab(timeline_box, self.tr("Timeline"))
        self.finish_page_with(layout, self.sections)

    def set_salespeople(self, people: list[SalespersonInfo]) -> None:
        self._people = list(people)
        if self._built:
            self.form.set_salespeople(self._people)

    @property
    def shown_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def show_customer(self, detail: CustomerDetail, scores: Sequence[SatisfactionScore] = ()) -> None:
        """`scores`: the customer's recent satisfaction scores, newest first (FeedbackService.satisfaction)."""
        self._build()
        self.detail = detail
        self.title.setText(detail.name)
        last = date_text(detail.last_contact) or self.tr("never")
        self.state.setText(self.tr("In the trash.") if detail.deleted else
                           self.tr("Owner: %1 · last contact: %2").replace("%1", detail.owner_name or "—")
                           .replace("%2", last))
        self.form.load(detail.values)
        self.form.set_read_only(detail.deleted)
        self.tags.setText(", ".join(detail.tags))
        self.tags.setEnabled(not detail.deleted)
        self.contacts.clear()
        for contact in detail.contacts:
            birthday = birthday_label(contact.birthday_year, contact.birthday_month, contact.birthday_day,
                                      contact.birthday_lunar)
            item = QTreeWidgetItem([("★ " if contact.is_primary else "") + contact.name, contact.title,
                                    contact.mobile or contact.phone, contact.email, birthday])
            item.setToolTip(BIRTHDAY_COLUMN, birthday)
            item.setData(0, Qt.ItemDataRole.UserRole, contact)
            self.contacts.addTopLevelItem(item)
        self.satisfaction.show_scores(scores)
        self.figures.setText(figures_text(detail, self.currency))
        if self.at_risk_threshold is not None:
            self.value.threshold = self.at_risk_threshold
        self.value.show_customer(detail, self.currency)
        self._fill_timeline()
        self.restore_button.setVisible(detail.deleted)
        for button in (self.log_button, self.feedback_button, self.schedule_button, self.gift_button):
            button.setEnabled(not detail.deleted)
        self.links.refresh()
        self.update_buttons()
        self.setCurrentIndex(1)

    def show_orders(self, orders: Sequence[OrderItem]) -> None:
        """The shown customer's orders, newest first (the area reads them with the customer)."""
        self._build()
        self.purchases.show_orders(orders, self.currency, writable=self.detail is not None and not self.detail.deleted)

    def _fill_timeline(self) -> None:
        self.timeline.clear()
        if self.detail is None:
            return
        wanted = self.timeline_filter.currentData()
        self.timeline.addTopLevelItems([_timeline_item(e) for e in self.detail.timeline
                                        if not wanted or e.kind == wanted])
        self.sections.setTabText(TIMELINE_TAB, self.tr("Timeline (%1)").replace("%1", str(len(self.detail.timeline))))

    def _gift(self, item: QTreeWidgetItem | None, action: str) -> None:
        gift_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if gift_id is not None and self.detail is not None and not self.detail.deleted:
            self.gift_action.emit(action, gift_id)

    def _timeline_menu(self, position: QPoint) -> None:
        """Right-click on a gift: Edit… and Remove (other entries have their own places to change them)."""
        item = self.timeline.itemAt(position)
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) is None or self.detail is None \
                or self.detail.deleted:
            return
        menu = QMenu(self.timeline)
        menu.addAction(self.tr("Edit gift…"), lambda: self._gift(item, "edit"))
        menu.addAction(self.tr("Remove gift"), lambda: self._gift(item, "remove"))
        menu.exec(self.timeline.viewport().mapToGlobal(position))

    def tag_names(self) -> list[str]:
        return [t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()]

    def tags_changed(self) -> bool:
        return self.detail is not None and sorted(self.tag_names()) != sorted(self.detail.tags)

    def is_dirty(self) -> bool:
        return self.detail is not None and not self.detail.deleted and (bool(self.form.changes())
                                                                        or self.tags_changed())

    def mark_invalid(self, field: str, message: str) -> None:
        """A save refused this field: the form marks it (the list/detail controller asks every pane this)."""
        self.form.mark_invalid(field, message)

    def selected_contact(self) -> ContactInfo | None:
        item = self.contacts.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _contact(self, action: str) -> None:
        contact = self.selected_contact()
        if action == "add" or contact is not None:
            self.contact_action.emit(action, contact)

    def clear(self) -> None:
        self.detail = None
        self.setCurrentIndex(0)


def _timeline_item(entry: TimelineEntry) -> QTreeWidgetItem:
    if entry.kind == "gift":
        return _gift_item(entry)
    what = label(entry.kind) + (f" · {label(entry.subkind)}" if entry.subkind else "")
    text = entry.text
    if entry.amount is not None:
        text = f"{text}  {QLocale().toString(float(entry.amount), 'f', 2)}"
    when = date_text(entry.when.date()) if entry.kind == "purchase" else datetime_text(entry.when)
    status = label_in(FeedbackStatus, entry.status) if entry.kind == "feedback" else label(entry.status)
    item = QTreeWidgetItem([when, what, status if entry.status else "", text])
    if len(text) > 40:  # a long description or outcome is cut off in the column: the tooltip has it all
        item.setToolTip(3, text)
    return item


def _gift_item(entry: TimelineEntry) -> QTreeWidgetItem:
    """"Gift · 中秋" and "月饼礼盒 · 张伟  388.00"; the gift's id rides along for the context menu."""
    gift = QCoreApplication.translate("CustomerDetailPane", "Gift")
    what = f"{gift} · {occasion_text(entry.subkind)}"
    text = entry.text
    if entry.amount is not None:
        text = f"{text}  {QLocale().toString(float(entry.amount), 'f', 2)}"
    item = QTreeWidgetItem([date_text(entry.when.date()), what, "", text])
    item.setData(0, Qt.ItemDataRole.UserRole, entry.record_id)
    item.setToolTip(1, what)
    return item
