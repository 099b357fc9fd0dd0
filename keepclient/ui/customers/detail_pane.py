"""The detail pane: a customer's profile, contacts and timeline (read-only here; editing comes next)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.types import CustomerDetail, TimelineEntry
from keepclient.ui.labels import date_text, datetime_text, label

PROFILE_FIELDS = ("kind", "tier", "stage", "owner", "industry", "phone", "email", "city", "address",
                  "last_contact", "next_follow_up", "notes")


class CustomerDetailPane(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(self.tr("Select a customer to see the details."))
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.title = QLabel()
        self.title.setObjectName("customerTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        profile_box = QGroupBox(self.tr("Profile"))
        form = QFormLayout(profile_box)
        captions = {
            "kind": self.tr("Kind"), "tier": self.tr("Tier"), "stage": self.tr("Stage"), "owner": self.tr("Owner"),
            "industry": self.tr("Industry"), "phone": self.tr("Phone"), "email": self.tr("Email"),
            "city": self.tr("City"), "address": self.tr("Address"), "last_contact": self.tr("Last contact"),
            "next_follow_up": self.tr("Next follow-up"), "notes": self.tr("Notes"),
        }
        self.values: dict[str, QLabel] = {}
        for name in PROFILE_FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"profile_{name}")
            self.values[name] = value
            form.addRow(captions[name], value)
        layout.addWidget(profile_box)

        self.contacts = QTreeWidget()
        self.contacts.setRootIsDecorated(False)
        self.contacts.setHeaderLabels([self.tr("Contact"), self.tr("Title"), self.tr("Mobile"), self.tr("Email"),
                                       self.tr("Birthday")])
        contacts_box = QGroupBox(self.tr("Contacts"))
        QVBoxLayout(contacts_box).addWidget(self.contacts)
        layout.addWidget(contacts_box, 1)

        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Status"), self.tr("Details")])
        self.timeline.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        timeline_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        layout.addWidget(timeline_box, 2)
        self.addWidget(page)
        self.shown_id: int | None = None

    def show_customer(self, detail: CustomerDetail) -> None:
        self.shown_id = detail.id
        self.title.setText(detail.name)
        v = detail.values
        texts = {
            "kind": label(v["kind"]), "tier": label(v["tier"]), "stage": label(v["stage"]),
            "owner": detail.owner_name, "industry": v["industry"], "phone": v["phone"], "email": v["email"],
            "city": v["city"], "address": v["address"], "last_contact": date_text(detail.last_contact),
            "next_follow_up": date_text(v["next_follow_up"]), "notes": v["notes"],
        }
        for name, text in texts.items():
            self.values[name].setText(text)
        self.contacts.clear()
        star = "★ "
        self.contacts.addTopLevelItems([
            QTreeWidgetItem([(star if c.is_primary else "") + c.name, c.title, c.mobile or c.phone, c.email,
                             c.birthday])
            for c in detail.contacts
        ])
        self.timeline.clear()
        self.timeline.addTopLevelItems([_timeline_item(e) for e in detail.timeline])
        self.setCurrentIndex(1)

    def clear(self) -> None:
        self.shown_id = None
        self.setCurrentIndex(0)


def _timeline_item(entry: TimelineEntry) -> QTreeWidgetItem:
    what = label(entry.kind) + (f" · {label(entry.subkind)}" if entry.subkind else "")
    text = entry.text
    if entry.amount is not None:
        text = f"{text}  {QLocale().toString(float(entry.amount), 'f', 2)}"
    when = date_text(entry.when.date()) if entry.kind == "purchase" else datetime_text(entry.when)
    return QTreeWidgetItem([when, what, label(entry.status) if entry.status else "", text])
