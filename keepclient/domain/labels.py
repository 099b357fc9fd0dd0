"""The display names of the values stored in the database: one table the window, printing and exports all read.

Each name is a (context, source text) pair marked for pyside6-lupdate; whoever shows it passes its own
`translate(context, text[, disambiguation])` (QCoreApplication.translate, or `english`), so this layer stays free
of Qt while the same value reads the same on screen, on paper and in a file. A value two enumerations share ("new"
is a stage and a feedback status) is told apart by passing the enum member, or the enum with `label_in`.

One English word with two meanings gets a disambiguation (Qt's third argument of translate, the <comment> of the
.ts message): "New" is ("labels", "New", "customer stage") = 新客户 and ("labels", "New", "feedback status") = 新建,
two entries a translator sees apart. `translate_label` passes it on; a `Translate` takes it as a third argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple, Protocol

from keepclient.domain.enums import (
    Channel,
    CustomerKind,
    FeedbackCategory,
    FeedbackKind,
    FeedbackStatus,
    LostReason,
    Severity,
    Stage,
    Tier,
    VisitKind,
    VisitStatus,
)

CONTEXT = "labels"


class Translate(Protocol):
    """`translate(context, text, disambiguation=None)`, as QCoreApplication.translate: the disambiguation tells
    apart one English text with two meanings in one context."""

    def __call__(self, context: str, text: str, disambiguation: str | None = None, /) -> str: ...


class Label(NamedTuple):
    """A display name before translation: what `translate(context, text, disambiguation)` takes."""

    context: str
    text: str
    disambiguation: str | None = None


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> Label:
    """Mark `text` for translation in `context` (with a disambiguation when the same English means two things) and
    keep it (pyside6-lupdate finds the call by this name, and reads a third argument as the message's comment)."""
    return Label(context, text, disambiguation)


def english(_context: str, text: str, _disambiguation: str | None = None) -> str:
    """The translate function for the source language: every text as written."""
    return text


def translate_label(name: Label, translate: Translate = english) -> str:
    """`name` through `translate`, its disambiguation included only when it has one (a plain two-argument
    translate function still works for the labels without one)."""
    if name.disambiguation is None:
        return translate(name.context, name.text)
    return translate(name.context, name.text, name.disambiguation)


VALUE_LABELS: Mapping[type[StrEnum], Mapping[str, Label]] = {
    Tier: {
        Tier.A: QT_TRANSLATE_NOOP("labels", "A (high)"),
        Tier.B: QT_TRANSLATE_NOOP("labels", "B (medium)"),
        Tier.C: QT_TRANSLATE_NOOP("labels", "C (low)"),
    },
    CustomerKind: {
        CustomerKind.COMPANY: QT_TRANSLATE_NOOP("labels", "Company"),
        CustomerKind.PERSON: QT_TRANSLATE_NOOP("labels", "Person"),
    },
    Stage: {
        Stage.PROSPECT: QT_TRANSLATE_NOOP("labels", "Prospect"),
        Stage.NEW: QT_TRANSLATE_NOOP("labels", "New", "customer stage"),  # 新客户, not a new feedback item (新建)
        Stage.ACTIVE: QT_TRANSLATE_NOOP("labels", "Active", "customer stage"),  # 活跃, not a salesperson at work
        Stage.MATURE: QT_TRANSLATE_NOOP("labels", "Mature"),
        Stage.AT_RISK: QT_TRANSLATE_NOOP("labels", "At risk"),
        Stage.LOST: QT_TRANSLATE_NOOP("labels", "Lost"),
        Stage.WON_BACK: QT_TRANSLATE_NOOP("labels", "Won back"),
    },
    VisitKind: {
        VisitKind.VISIT: QT_TRANSLATE_NOOP("labels", "Visit"),
        VisitKind.CALL: QT_TRANSLATE_NOOP("labels", "Call"),
        VisitKind.EMAIL: QT_TRANSLATE_NOOP("labels", "Email", "way of contact"),  # 邮件, not an address (邮箱)
        VisitKind.MESSAGE: QT_TRANSLATE_NOOP("labels", "Message"),
    },
    Channel: {
        Channel.VISIT: QT_TRANSLATE_NOOP("labels", "Visit"),
        Channel.PHONE: QT_TRANSLATE_NOOP("labels", "Phone"),
        Channel.EMAIL: QT_TRANSLATE_NOOP("labels", "Email", "way of contact"),
        Channel.MESSAGE: QT_TRANSLATE_NOOP("labels", "Message"),
        Channel.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    },
    VisitStatus: {
        VisitStatus.PLANNED: QT_TRANSLATE_NOOP("labels", "Planned"),
        VisitStatus.DONE: QT_TRANSLATE_NOOP("labels", "Done"),
        VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
        VisitStatus.MISSED: QT_TRANSLATE_NOOP("labels", "Missed"),
    },
    FeedbackKind: {
        FeedbackKind.COMPLAINT: QT_TRANSLATE_NOOP("labels", "Complaint"),
        FeedbackKind.SUGGESTION: QT_TRANSLATE_NOOP("labels", "Suggestion"),
        FeedbackKind.REQUEST: QT_TRANSLATE_NOOP("labels", "Request"),
        FeedbackKind.PRAISE: QT_TRANSLATE_NOOP("labels", "Praise"),
    },
    FeedbackCategory: {
        FeedbackCategory.PRODUCT: QT_TRANSLATE_NOOP("labels", "Product"),
        FeedbackCategory.PRICE: QT_TRANSLATE_NOOP("labels", "Price"),
        FeedbackCategory.SERVICE: QT_TRANSLATE_NOOP("labels", "Service"),
        FeedbackCategory.DELIVERY: QT_TRANSLATE_NOOP("labels", "Delivery"),
        FeedbackCategory.TRUST: QT_TRANSLATE_NOOP("labels", "Trust"),
        FeedbackCategory.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    },
    Severity: {
        Severity.LOW: QT_TRANSLATE_NOOP("labels", "Low"),
        Severity.NORMAL: QT_TRANSLATE_NOOP("labels", "Normal"),
        Severity.HIGH: QT_TRANSLATE_NOOP("labels", "High"),
        Severity.URGENT: QT_TRANSLATE_NOOP("labels", "Urgent"),
    },
    FeedbackStatus: {
        # in Chinese a new feedback item (新建) is not a new customer (新客户)
        FeedbackStatus.NEW: QT_TRANSLATE_NOOP("labels", "New", "feedback status"),
        FeedbackStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
        FeedbackStatus.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved"),
        FeedbackStatus.REPLIED: QT_TRANSLATE_NOOP("labels", "Replied to customer"),
        FeedbackStatus.CLOSED: QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    LostReason: {  # its own context: "closed" here is a business that closed, "price" a price lost to
        LostReason.PRICE: QT_TRANSLATE_NOOP("LostReason", "Price"),
        LostReason.COMPETITOR: QT_TRANSLATE_NOOP("LostReason", "Went to a competitor"),
        LostReason.QUALITY: QT_TRANSLATE_NOOP("LostReason", "Quality"),
        LostReason.SERVICE: QT_TRANSLATE_NOOP("LostReason", "Service"),
        LostReason.MOVED: QT_TRANSLATE_NOOP("LostReason", "Moved away"),
        LostReason.CLOSED: QT_TRANSLATE_NOOP("LostReason", "Business closed"),
        LostReason.OTHER: QT_TRANSLATE_NOOP("LostReason", "Other"),
    },
}
# Stored names that are not enumerations: the fields a change log names, the kinds of entry on a timeline.
FIELD_LABELS: Mapping[str, Label] = {
    "purchase": QT_TRANSLATE_NOOP("labels", "Purchase"),
    "change": QT_TRANSLATE_NOOP("labels", "Change"),
    "feedback": QT_TRANSLATE_NOOP("labels", "Feedback"),
    "name": QT_TRANSLATE_NOOP("labels", "Name"),
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "tier": QT_TRANSLATE_NOOP("labels", "Tier"),
    "tier_pinned": QT_TRANSLATE_NOOP("labels", "Tier set by hand"),
    "stage": QT_TRANSLATE_NOOP("labels", "Stage"),
    "kind": QT_TRANSLATE_NOOP("labels", "Kind"),
    "industry": QT_TRANSLATE_NOOP("labels", "Industry"),
    "source": QT_TRANSLATE_NOOP("labels", "Source"),
    "city": QT_TRANSLATE_NOOP("labels", "City"),
    "region": QT_TRANSLATE_NOOP("labels", "Region"),
    "address": QT_TRANSLATE_NOOP("labels", "Address"),
    "website": QT_TRANSLATE_NOOP("labels", "Website"),
    "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
    "cadence_days": QT_TRANSLATE_NOOP("labels", "Follow-up interval"),
    "next_follow_up": QT_TRANSLATE_NOOP("labels", "Next follow-up"),
    "tags": QT_TRANSLATE_NOOP("labels", "Tags"),
    "deleted_at": QT_TRANSLATE_NOOP("labels", "Moved to trash"),
}


def _by_value() -> dict[str, Label]:
    """Plain stored strings to labels: the first enumeration in VALUE_LABELS that has a value wins ("new" is the
    stage), then the field names."""
    found: dict[str, Label] = {}
    for labels in VALUE_LABELS.values():
        for value, name in labels.items():
            found.setdefault(str(value), name)
    for value, name in FIELD_LABELS.items():
        found.setdefault(value, name)
    return found


BY_VALUE: Mapping[str, Label] = _by_value()


def label_of(value: str) -> Label | None:
    """The untranslated label of a stored value: an enum member's from its own enum, a plain string's from
    BY_VALUE; None when there is none."""
    if isinstance(value, StrEnum) and type(value) in VALUE_LABELS:
        return VALUE_LABELS[type(value)].get(value)
    return BY_VALUE.get(value)


def label(value: str, translate: Translate = english) -> str:
    """The display name of a stored value through `translate` ("at_risk" -> "At risk" / "有流失风险"); a value
    without one is shown as it is."""
    found = label_of(value)
    return translate_label(found, translate) if found else str(value)


def label_in(enum: type[StrEnum], value: str, translate: Translate = english) -> str:
    """The display name of `value` read as a member of `enum` (how a plain "new" from the database is told to be a
    feedback status); a value `enum` does not have is shown as it is."""
    found = VALUE_LABELS.get(enum, {}).get(value)
    return translate_label(found, translate) if found else str(value)


def labels_of(enums: tuple[type[StrEnum], ...], translate: Translate = english) -> dict[str, str]:
    """Every value of `enums` to its display name, the earlier enum winning a value two share."""
    names: dict[str, str] = {}
    for enum in enums:
        for member in enum:
            names.setdefault(member.value, label_in(enum, member, translate))
    return names
