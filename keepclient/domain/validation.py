"""What typed values may be saved, normalized the way they are stored.

Phones go through Google's libphonenumber (the phonenumbers package, imported when first needed): numbers of the
team's home region are stored in national format ("138 1234 5678"), others internationally ("+49 40 1234567").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from keepclient.domain.enums import CustomerKind, Stage, Tier
from keepclient.domain.errors import (
    InvalidDateError,
    InvalidEmailError,
    InvalidPhoneError,
    RequiredFieldError,
    ValidationError,
)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DEFAULT_REGION = "CN"
# The values each field may be saved with, as plain strings in the enums' order (domain/enums.py).
TIERS: tuple[str, ...] = tuple(tier.value for tier in Tier)
STAGES: tuple[str, ...] = tuple(stage.value for stage in Stage)
KINDS: tuple[str, ...] = tuple(kind.value for kind in CustomerKind)


def normalize_phone(text: str, region: str = DEFAULT_REGION, field: str = "phone") -> str:
    """A valid number, formatted for storage; "" stays ""; anything else raises InvalidPhoneError."""
    text = text.strip()
    if not text:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneError(field=field, value=text) from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneError(field=field, value=text)
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def normalize_email(text: str, field: str = "email") -> str:
    text = text.strip()
    if not text:
        return ""
    if not _EMAIL.match(text):
        raise InvalidEmailError(field=field, value=text)
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def require_text(text: str, field: str) -> str:
    text = text.strip()
    if not text:
        raise RequiredFieldError(field=field)
    return text


def check_birthday(year: int | None, month: int | None, day: int | None) -> None:
    """A birthday may lack its year; 29 February needs a leap year when the year is known."""
    if month is None and day is None and year is None:
        return
    if month is None or day is None:
        raise InvalidDateError(field="birthday", value=f"{year or '--'}-{month or '?'}-{day or '?'}")
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "--02-29" is a real birthday
    except ValueError as exc:
        raise InvalidDateError(field="birthday", value=f"{year or '--'}-{month:02d}-{day:02d}") from exc


def validate_customer(changes: dict[str, Any], region: str = DEFAULT_REGION) -> dict[str, Any]:
    """Customer fields as they will be stored; raises the ValidationError of the first bad field."""
    clean = dict(changes)
    if "name" in clean:
        clean["name"] = require_text(clean["name"], "name")
    if "phone" in clean:
        clean["phone"] = normalize_phone(clean["phone"], region)
    if "email" in clean:
        clean["email"] = normalize_email(clean["email"])
    for field, allowed in (("tier", TIERS), ("stage", STAGES), ("kind", KINDS)):
        if field in clean and clean[field] not in allowed:
            raise ValidationError(field=field, value=clean[field])
    for field in ("industry", "source", "address", "city", "region", "website", "notes"):
        if field in clean:
            clean[field] = (clean[field] or "").strip()
    if clean.get("cadence_days") is not None and not 1 <= int(clean["cadence_days"]) <= 3650:
        raise ValidationError(field="cadence_days", value=clean["cadence_days"])
    return clean
