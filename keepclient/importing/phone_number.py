"""The number every phone reader hands back, and what they all count by.

Its own module so that the readers of cells, of libphonenumber's metadata, of Chinese numbers and phonenumbers itself
share it without importing one another; keepclient.importing.phones re-exports PhoneNumber.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    text: str  # storage form: normalize_phone's for a verified number (+ " ext. N"), else as written
    mobile: bool | None  # True: a mobile; False: a fixed line (or a service number); None: can't tell
    verified: bool  # libphonenumber says it is a valid number


MIN_DIGITS, MAX_DIGITS = 7, 15  # an unverified number is kept as written only with this many digits
EXT_PREFIX = " ext. "  # how a verified number's extension is stored, however it was written
NOT_DIGIT = re.compile(r"\D+")
