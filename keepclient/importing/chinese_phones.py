"""The hot path of an import: Chinese mobiles and landlines in CN rows, most of the cells there are, told valid or
not with one regular expression built from libphonenumber's CN metadata, before the general reading of
phone_metadata or phonenumbers itself is asked.
"""

from __future__ import annotations

import re
from functools import cache

from keepclient.importing.phone_metadata import INVALID, NATIONAL, region_metadata
from keepclient.importing.phone_number import PhoneNumber

# "13812345678", "138 1234 5678", "+86 138-1234-5678", "0086 13812345678"; "021-55550000", "(0571)8765 4321"
_CN_MOBILE_TEXT = re.compile(r"(\+86[ -]?|0086[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})")
_CN_LANDLINE_TEXT = re.compile(r"(\()?(0[1-9]\d{1,2})(?(1)\))[ -]?(\d{1,4})[ -]?(\d{4})")


class ChineseNumbers:
    """A Chinese mobile ("13812345678", 8613812345678.0, "+86 138...", "0086 138...") or landline
    ("021-5555 0000", "(0571)87654321") checked with one regular expression. Its answer: the number, INVALID when
    phonenumbers would not validate it, or None for anything else (then phone_metadata decides)."""

    def __init__(self) -> None:
        cn = region_metadata("CN")
        assert cn is not None and cn.idd is not None and cn.prefix is not None and not cn.transform
        self.cn, self.idd, self.prefix = cn, cn.idd, cn.prefix
        quick = cn._quick(11, "1")
        # a national number phonenumbers takes as it is: no dialing prefix it would strip, then a valid mobile
        self.mobile = None
        if quick[0] is not None:
            not_prefixes = f"(?!{cn.prefix.pattern})(?!{cn.idd.pattern})"
            self.mobile = re.compile(not_prefixes + quick[0].pattern)
        self.cut_86 = cn.length_state("8" * 13) == "too long"  # "86" + 11 digits is read as +86 only then
        self.lengths = {length for length in range(7, 12) if cn.length_state("1" * length) in ("possible", "too long")}
        self.last: tuple[tuple[str, bool], PhoneNumber | None] = (("", False), None)

    def read_text(self, text: str) -> PhoneNumber | None:
        """The number a text that is one mobile or landline written the usual ways holds, or None.

        When it is not valid and no space or dash cuts it after the prefix or area code, nothing in it could be
        read as a number on its own (what phones._read_body tries), so it is kept as written right away."""
        first = text[:1]
        if first == "1" and len(text) == 11 and (number := self.mobile_text(text)) is not None:
            return number
        landline = first == "(" or (first == "0" and text[1:4] != "086")
        if not landline and (match := _CN_MOBILE_TEXT.fullmatch(text)) is not None:
            prefix = match.group(1) or ""
            digits = prefix.rstrip(" -").lstrip("+") + match.group(2) + match.group(3) + match.group(4)
            number = self.read(digits, prefix[:1] == "+")
            whole = match.end(1) if prefix else 0
        elif landline and (match := _CN_LANDLINE_TEXT.fullmatch(text)) is not None:
            number = self._landline(match.group(2) + match.group(3) + match.group(4))
            whole = match.end(2) + (match.group(1) is not None)
        else:
            return None
        if number is INVALID:
            rest = text[whole:].lstrip(" -")
            return PhoneNumber(text, None, False) if rest.isdigit() else None
        return number if number is not None and number.verified else None

    def mobile_text(self, digits: str) -> PhoneNumber | None:
        """An 11-digit mobile ("1..."), when it is valid."""
        if self.mobile is not None and self.mobile.match(digits):
            return PhoneNumber(f"{digits[:3]} {digits[3:7]} {digits[7:]}", True, True)
        return None

    def read(self, digits: str, plus: bool) -> PhoneNumber | None:
        """Remembers its last answer: the hot path asks first, and when the number is not valid, phones._number asks
        again for the same digits."""
        key = (digits, plus)
        last = self.last
        if last[0] == key:
            return last[1]
        length = len(digits)
        if digits[0] == "0" and not plus:
            if digits.startswith("0086"):
                number = self._mobile(digits[4:]) if length == 15 and self._idd_00(digits) else None
            else:
                number = self._landline(digits)
        elif plus:
            number = self._mobile(digits[2:]) if length == 13 and digits.startswith("86") else None
        elif length == 11 and digits[0] == "1":
            number = self._mobile(digits)
        elif length == 13 and digits.startswith("86") and self.cut_86 and not self.idd.match(digits):
            number = self._mobile(digits[2:])
        else:
            number = None
        self.last = (key, number)
        return number

    def _idd_00(self, digits: str) -> bool:
        match = self.idd.match(digits)
        return match is not None and match.end() == 2

    def _mobile(self, national: str) -> PhoneNumber | None:
        if self.mobile is not None and self.mobile.match(national):
            return PhoneNumber(f"{national[:3]} {national[3:7]} {national[7:]}", True, True)
        if self.prefix.match(national) or self.idd.match(national):
            return None  # phonenumbers might read a dialing prefix
        return INVALID if self.cn.kind(national) is INVALID else None

    def _landline(self, digits: str) -> PhoneNumber | None:
        """"0" + area code + local number: phonenumbers strips the 0 (a plain national prefix, no IDD, a possible
        length after it, and the number with its 0 no number of the general pattern)."""
        match = self.prefix.match(digits)
        if match is None or match.end() != 1 or match.lastindex is not None:  # a plain "0", no carrier code
            return None
        if self.idd.match(digits):
            return None
        national = digits[1:]
        if len(national) not in self.lengths:
            # too long with or without its 0 for any CN number: no type's lengths can take it
            return INVALID if len(national) > self.cn.lengths[-1] else None
        quick = self.cn.quick.get((len(national), national[0])) or self.cn._quick(len(national), national[0])
        if quick[1] is not None and quick[1].match(national):  # valid: the 0 is stripped whatever the general pattern
            return PhoneNumber(self.cn.format(national, NATIONAL), False, True)
        general = self.cn.general_pattern
        if general is not None and general.fullmatch(digits):
            return None
        return INVALID if self.cn.kind(national) is INVALID else None


@cache
def chinese_numbers() -> ChineseNumbers:
    """The one reader (built on first use: it loads phonenumbers' CN metadata)."""
    return ChineseNumbers()
