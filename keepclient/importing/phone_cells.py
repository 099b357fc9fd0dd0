"""What a phone cell is made of, as text: the cell as text, the parts its separators cut it into, the shapes of a
number, an extension, a label and a note. Nothing here tells whether digits make a valid number: the reading in
keepclient.importing.phones cuts the cell with these and weighs what it finds.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from keepclient.importing.phone_number import EXT_PREFIX, PhoneNumber

# Between numbers: / , ; | 、 Google's ":::", line breaks, "or", "或(者)". Two or more spaces and tabs are looked
# at later: they separate numbers only when what they separate are complete numbers.
_HARD_SPLIT = re.compile(r":::|[/;,|、\n\r\v\f]|(?<![a-z])or(?![a-z])|或者?", re.IGNORECASE)
_MAYBE_HARD = re.compile(r"[/;,|、\n\r\v\f:或oO]")  # a cheap first look for _HARD_SPLIT
BODY_CHARS = "0123456789()+.-–—‐‑− "  # what SIMPLE is made of
SOFT_SPLIT = re.compile(r"[ \t]*\t[ \t]*| {2,}")
SIMPLE = re.compile(r"[+(]?\d(?:[\d().\-–—‐‑−]| (?=[\d(]))*(?<=\d)")  # one number alone, the common case
FLOAT_TEXT = re.compile(r"(\d{7,})\.0+")  # "13812345678.0": a number cell that became text on the way
DIGIT = re.compile(r"\d")
# A number as written: its digits with the punctuation people put between them, "+" and "(" before them.
BODY = re.compile(r"(?:[+(]\s*)*\d[\d \-–—‐‑−().]*")
_EXT_MARK = r"(?:转|轉|分机号?|分機號?|内线|內線|extension|extn\.?|ext\.?|x|#)"
EXT = re.compile(r"\s*[-,]?\s*\(?\s*" + _EXT_MARK + r"\s*[:.]?\s*(\d{1,6})\s*\)?", re.IGNORECASE)
_EXT_SEARCH = re.compile(_EXT_MARK + r"\s*[:.]?\s*\d", re.IGNORECASE)
EXT_ONLY = re.compile(r"\s*\(?\s*" + _EXT_MARK + r"\s*[:.]?\s*(\d{1,6})\s*\)?\s*", re.IGNORECASE)
DASH_EXT = re.compile(r"(.*\d)\s*[-–—‐‑]\s*(\d{1,5})")  # "0571-87654321-8001": an extension after a dash
NUMBERED_LABEL = re.compile(r"\D+\d\s*[:：]")  # "手机2：", "Tel 1:"
LABEL_END = "0123456789 :："
NOTE_TRIM = " \t:-–—()[]<>{}【】《》「」'\"*·.~_=!?"
LABELS = frozenset(  # words before or after a number that only say what it is
    {
        "手机", "手机号", "手机号码", "移动电话", "移动", "电话", "电话号码", "联系电话", "联系方式", "联系", "座机",
        "固话", "固定电话", "办公", "办公室", "办公电话", "公司", "公司电话", "单位", "单位电话", "宅", "宅电", "家",
        "家庭", "家庭电话", "住宅", "住宅电话", "传真", "直线", "直拨", "总机", "热线", "手", "电", "座", "办",
        "微信", "号码", "tel", "tel.", "telephone", "phone", "ph", "mobile", "mob", "mob.", "cell", "cellphone",
        "office", "home", "work", "fax", "direct", "main", "m", "t", "h", "o", "w", "p", "c", "f", "mobile phone",
        "cell phone", "work phone", "home phone", "business", "business phone",
    }
)


def cell_text(value: Any) -> str:
    """A cell as text: number cells lose their ".0", full-width digits and spaces become ASCII (NFKC)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value.is_finite() and value == value.to_integral_value() else str(value)
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.strip()
    if match := FLOAT_TEXT.fullmatch(text):
        return match.group(1)
    return text


def hard_parts(text: str) -> list[str]:
    """The cell cut at separators that always separate; neighbouring parts without digits stay together ("n/a")."""
    if not _MAYBE_HARD.search(text):
        return [text]
    pieces = [piece.strip() for piece in _HARD_SPLIT.split(text)]
    if all(DIGIT.search(piece) for piece in pieces):  # the usual case: numbers between separators
        return pieces
    parts: list[str] = []
    start = 0
    glued: int | None = None  # where the last part, one without digits, began: a next one without digits joins it
    for end, after in [(m.start(), m.end()) for m in _HARD_SPLIT.finditer(text)] + [(len(text), len(text))]:
        piece = text[start:end].strip()
        if piece:
            if DIGIT.search(piece):
                parts.append(piece)
                glued = None
            elif glued is not None:
                parts[-1] = text[glued:end].strip()
            else:
                parts.append(piece)
                glued = start
        start = after
    return parts


def last_digit(text: str) -> int:
    index = len(text) - 1
    while not text[index].isdigit():
        index -= 1
    return index


def keep_note(text: str, leftovers: list[str]) -> None:
    """Text around numbers: a label ("手机：", "Tel") is dropped, anything else ("(张总)") is a leftover."""
    note = text.strip()
    core = note.strip(NOTE_TRIM).casefold()
    if core and core not in LABELS:
        leftovers.append(note)


def has_extension(number: PhoneNumber) -> bool:
    return EXT_PREFIX in number.text or _EXT_SEARCH.search(number.text) is not None


def with_extension(number: PhoneNumber, ext: str, written: str) -> PhoneNumber:
    """A verified number gets " ext. N" (one form for every way of writing it), an unverified one keeps its own."""
    if number.verified:
        return PhoneNumber(f"{number.text}{EXT_PREFIX}{ext}", number.mobile, True)
    return PhoneNumber(f"{number.text} {written}", number.mobile, False)
