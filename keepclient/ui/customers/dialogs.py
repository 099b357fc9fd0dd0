"""The customer dialogs: new customer, contact, log a call or visit, feedback, bulk values.

A follow-up is planned with the calendar's visit dialog (keepclient/ui/calendar/visit_dialog.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from keepclient.domain.types import ContactInfo, SalespersonInfo
from keepclient.ui.labels import label
from keepclient.ui.widgets.form_dialog import Field, FormDialog

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _choices(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((label(v), v) for v in values)


def _contact_choices(contacts: tuple[ContactInfo, ...]) -> tuple[tuple[str, int | None], ...]:
    return ((translate("CustomerDialogs", "(none)"), None), *((c.name, c.id) for c in contacts))


def _owner_choices(people: list[SalespersonInfo]) -> tuple[tuple[str, int | None], ...]:
    return ((translate("CustomerDialogs", "(nobody)"), None), *((p.name, p.id) for p in people))


TIERS, STAGES = ("A", "B", "C"), ("prospect", "new", "active", "mature", "at_risk", "lost", "won_back")


def new_customer(parent: QWidget, people: list[SalespersonInfo], owner: int | None) -> FormDialog:
    return FormDialog(
        translate("CustomerDialogs", "New customer"),
        [
            Field("name", translate("CustomerDialogs", "Name"), "text"),
            Field("kind", translate("CustomerDialogs", "Kind"), "choice", _choices(("company", "person")), "company"),
            Field("phone", translate("CustomerDialogs", "Phone"), "text"),
            Field("city", translate("CustomerDialogs", "City"), "text"),
            Field("owner", translate("CustomerDialogs", "Owner"), "choice", _owner_choices(people), owner),
            Field("tier", translate("CustomerDialogs", "Tier"), "choice", _choices(TIERS), "C"),
            Field("stage", translate("CustomerDialogs", "Stage"), "choice", _choices(STAGES), "new"),
        ],
        parent,
    )


def contact(parent: QWidget, existing: ContactInfo | None = None) -> FormDialog:
    values = None
    if existing is not None:
        values = {
            **existing._asdict(),
            "birthday": (existing.birthday_year, existing.birthday_month, existing.birthday_day,
                         existing.birthday_lunar),
        }
    return FormDialog(
        translate("CustomerDialogs", "Edit contact") if existing else translate("CustomerDialogs", "Add contact"),
        [
            Field("name", translate("CustomerDialogs", "Name"), "text"),
            Field("title", translate("CustomerDialogs", "Title"), "text"),
            Field("mobile", translate("CustomerDialogs", "Mobile"), "text"),
            Field("phone", translate("CustomerDialogs", "Phone"), "text"),
            Field("email", translate("CustomerDialogs", "Email"), "text"),
            Field("im_id", translate("CustomerDialogs", "WeChat / IM"), "text"),
            Field("birthday", translate("CustomerDialogs", "Birthday"), "birthday"),
            Field("notes", translate("CustomerDialogs", "Notes"), "multiline"),
        ],
        parent,
        values,
    )


def contact_values(values: dict) -> dict:
    """Dialog values as ContactService fields."""
    year, month, day, *lunar = values.pop("birthday")
    return {**values, "birthday_year": year, "birthday_month": month, "birthday_day": day,
            "birthday_lunar": lunar[0] if lunar else 0}


def log_contact(parent: QWidget, contacts: tuple[ContactInfo, ...]) -> FormDialog:
    return FormDialog(
        translate("CustomerDialogs", "Log a call or visit"),
        [
            Field(
                "kind",
                translate("CustomerDialogs", "How"),
                "choice",
                _choices(("call", "visit", "email", "message")),
                "call",
            ),
            Field("when", translate("CustomerDialogs", "When"), "datetime"),
            Field("contact_id", translate("CustomerDialogs", "Contact"), "choice", _contact_choices(contacts)),
            Field("outcome", translate("CustomerDialogs", "Outcome"), "multiline"),
            Field(
                "satisfaction",
                translate("CustomerDialogs", "Satisfaction (1-5, 0 = not asked)"),
                "int",
                minimum=0,
                maximum=5,
            ),
            Field("next_follow_up", translate("CustomerDialogs", "Next follow-up"), "date"),
        ],
        parent,
    )


def _feedback_owner_choices(people: list[SalespersonInfo], owner: int | None,
                            owner_name: str) -> tuple[tuple[str, int | None], ...]:
    """Every item gets an owner: "(nobody)" only for a customer without an active one (None makes the service use
    the customer's owner while active); a deactivated owner is not offered new work."""
    choices: list[tuple[str, int | None]] = [(p.name, p.id) for p in people]
    if owner is None or all(p.id != owner for p in people):
        choices.insert(0, (translate("CustomerDialogs", "(nobody)"), None))
    return tuple(choices)


def feedback(parent: QWidget, contacts: tuple[ContactInfo, ...], people: list[SalespersonInfo],
             owner: int | None, owner_name: str = "") -> FormDialog:
    """New feedback for a customer (FeedbackService.create's fields); its owner is the customer's by default."""
    return FormDialog(
        translate("CustomerDialogs", "Add feedback"),
        [
            Field(
                "kind",
                translate("CustomerDialogs", "Kind"),
                "choice",
                _choices(("complaint", "suggestion", "request", "praise")),
                "complaint",
            ),
            Field(
                "category",
                translate("CustomerDialogs", "Category"),
                "choice",
                _choices(("product", "price", "service", "delivery", "trust", "other")),
                "other",
            ),
            Field(
                "severity",
                translate("CustomerDialogs", "Severity"),
                "choice",
                _choices(("low", "normal", "high", "urgent")),
                "normal",
            ),
            Field(
                "channel",
                translate("CustomerDialogs", "Channel"),
                "choice",
                _choices(("phone", "visit", "email", "message", "other")),
                "phone",
            ),
            Field("contact_id", translate("CustomerDialogs", "Contact"), "choice", _contact_choices(contacts)),
            Field("owner_id", translate("CustomerDialogs", "Owner"), "choice",
                  _feedback_owner_choices(people, owner, owner_name), owner),
            Field("description", translate("CustomerDialogs", "What the customer said"), "multiline"),
        ],
        parent,
    )


def choose(parent: QWidget, what: str, people: list[SalespersonInfo]) -> FormDialog:
    """One value for a bulk action: an owner, a tier, a stage or a tag."""
    titles = {
        "owner": translate("CustomerDialogs", "Assign owner"),
        "tier": translate("CustomerDialogs", "Set tier"),
        "stage": translate("CustomerDialogs", "Set stage"),
        "add_tag": translate("CustomerDialogs", "Add tag"),
        "remove_tag": translate("CustomerDialogs", "Remove tag"),
    }
    if what == "owner":
        field = Field("value", translate("CustomerDialogs", "Owner"), "choice", _owner_choices(people))
    elif what in ("tier", "stage"):
        field = Field(
            "value",
            translate("CustomerDialogs", "Tier") if what == "tier" else translate("CustomerDialogs", "Stage"),
            "choice",
            _choices(TIERS if what == "tier" else STAGES),
        )
    else:
        field = Field("value", translate("CustomerDialogs", "Tag"), "text")
    return FormDialog(titles[what], [field], parent)
