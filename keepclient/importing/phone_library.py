"""phonenumbers itself: the slow path (about 120 µs a number) for what the readers of its metadata leave to it,
cached per text, and the formatting they ask it for when a format's layout cannot be learnt. phonenumbers is
imported only when first needed: it takes a while to load.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from keepclient.importing.phone_number import NOT_DIGIT, PhoneNumber


@lru_cache(maxsize=1 << 14)
def read_with_library(body: str, region: str) -> PhoneNumber | None:
    """A verified number through phonenumbers, as normalize_phone formats it; None when it is not valid.

    "00" then a country code is read as international in every region (a US row's "0086 ...", written by a Chinese
    user, means China even though the US dials 011)."""
    import phonenumbers

    number = _parse_valid(body, region)
    digits = NOT_DIGIT.sub("", body)
    if number is None and digits.startswith("00") and not body.lstrip("( ").startswith("+"):
        number = _parse_valid("+" + digits[2:], region)
    if number is None:
        return None
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    number.extension = None
    mobile = _mobile_flags()[phonenumbers.number_type(number)]
    return PhoneNumber(phonenumbers.format_number(number, style), mobile, True)


def _parse_valid(text: str, region: str) -> Any:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


@cache
def _mobile_flags() -> dict[int, bool | None]:
    """phonenumbers.PhoneNumberType -> PhoneNumber.mobile: toll-free, shared-cost (400...) or VoIP is no mobile."""
    from phonenumbers import PhoneNumberType as Kind

    flags: dict[int, bool | None] = dict.fromkeys(Kind.values(), False)
    flags.update({Kind.MOBILE: True, Kind.FIXED_LINE_OR_MOBILE: None, Kind.PERSONAL_NUMBER: None, Kind.PAGER: None})
    return flags


def format_with_library(country_code: int, national: str, style: int) -> str:
    """phonenumbers.format_number of a national number of `country_code` (style: a phonenumbers.PhoneNumberFormat)."""
    import phonenumbers

    number = phonenumbers.PhoneNumber(country_code=country_code, national_number=int(national))
    if len(national) > 1 and national[0] == "0":  # as phonenumbers.parse keeps an Italian number's leading zeros
        number.italian_leading_zero = True
        zeros = len(national) - len(national.lstrip("0"))
        number.number_of_leading_zeros = min(zeros, len(national) - 1)
    return phonenumbers.format_number(number, style)
