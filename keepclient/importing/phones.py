"""Reading phone cells the way people write them, and the phone region a country column names.

A cell may hold several numbers ("0571-87654321 / 13587654321", Google's "a ::: b", two numbers two spaces apart),
labels ("手机：", "Tel:"), extensions ("转801", "分机801", "ext. 12", "x12", "#801", "0571-87654321-8001"), a number
typed into a number cell (13812345678.0) or full-width digits. Every number libphonenumber validates is stored
exactly as keepclient.domain.validation.normalize_phone stores it (the row's region in national format, others
international), with " ext. N" after it when it has an extension. A number libphonenumber cannot validate but that
has 7 to 15 digits (an old 7-digit landline "025-3474155", an unknown area code) is kept as written rather than
lost; what is no number at all is handed back as a leftover. Reading any returned text again gives the same number,
so re-importing an export changes nothing.

This module weighs what a cell holds; the pieces live beside it: phone_cells (the cell as text and the shapes in
it), chinese_phones (Chinese mobiles and landlines in CN rows, the hot path), phone_metadata (any other number from
libphonenumber's metadata, without phonenumbers.parse), phone_library (phonenumbers itself, cached, for the rest)
and countries (region_for_country). An import reads 100,000s of cells and phonenumbers costs about 120 µs a number;
the tests hold all of it to normalize_phone on random numbers.
"""

from __future__ import annotations

from typing import Any

from keepclient.domain.validation import DEFAULT_REGION
from keepclient.importing.chinese_phones import chinese_numbers
from keepclient.importing.countries import region_for_country
from keepclient.importing.phone_cells import (
    BODY,
    BODY_CHARS,
    DASH_EXT,
    DIGIT,
    EXT,
    EXT_ONLY,
    FLOAT_TEXT,
    LABEL_END,
    LABELS,
    NOTE_TRIM,
    NUMBERED_LABEL,
    SIMPLE,
    SOFT_SPLIT,
    cell_text,
    hard_parts,
    has_extension,
    keep_note,
    last_digit,
    with_extension,
)
from keepclient.importing.phone_library import read_with_library as _library  # the tests reach it as phones._library
from keepclient.importing.phone_metadata import INVALID, UNSURE, read_with_metadata
from keepclient.importing.phone_number import EXT_PREFIX, MAX_DIGITS, MIN_DIGITS, NOT_DIGIT, PhoneNumber

__all__ = ["PhoneNumber", "read_phones", "region_for_country"]


def read_phones(value: Any, region: str = DEFAULT_REGION) -> tuple[list[PhoneNumber], list[str]]:
    """(numbers, leftovers) from one cell. leftovers: parts that are not a number at all or have fewer than 7 or more
    than 15 digits (and are not valid), as written (the caller keeps and reports them); a note beside a number
    ("(张总)") is one too, a label ("手机：", "Tel") is dropped. Both are NFKC-normalized and trimmed.

    region: the row's region (ISO code, "CN" by default); numbers of it are stored in national format."""
    if region == "CN":  # the hot path: one Chinese mobile or landline, as a number cell or as text
        if type(value) is float or type(value) is int:
            if 1e10 <= value < 2e10 and value == int(value):
                number = chinese_numbers().mobile_text(str(int(value)))
                if number is not None:
                    return [number], []
        elif type(value) is str and (number := chinese_numbers().read_text(value)) is not None:
            return [number], []
    else:
        region = region.upper() if region else DEFAULT_REGION
    text = cell_text(value)
    if not text:
        return [], []
    numbers: list[PhoneNumber] = []
    leftovers: list[str] = []
    if _read_alone(text, region, numbers, leftovers, text != value):  # one number and nothing else
        return numbers, leftovers
    for part in hard_parts(text):
        if not DIGIT.search(part):
            if part.strip(NOTE_TRIM + " /;,|、:"):
                leftovers.append(part)
        elif part == text or not _read_alone(part, region, numbers, leftovers):
            for group in _soft_groups(part, region):
                _read_group(group, region, numbers, leftovers)
    return numbers, leftovers
def _read_alone(
    text: str, region: str, numbers: list[PhoneNumber], leftovers: list[str], shortcut: bool = True
) -> bool:
    """Read `text` when it is one run of digits and punctuation, as _read_group would but quicker; False when it
    is not that simple. shortcut: try ChineseNumbers.read_text first (read_phones did already for the cell as it
    came)."""
    if shortcut and region == "CN" and (number := chinese_numbers().read_text(text)) is not None:
        used = len(text)
    elif not (
        text.isdigit()
        or (not text.strip(BODY_CHARS) and SIMPLE.fullmatch(text) and text.count("(") == text.count(")"))
    ):
        return False
    else:
        number, used = _read_body(text, region)
    if used != len(text):
        return False
    if number is None:
        leftovers.append(text)
    else:
        if region == "CN" and numbers and not number.verified:
            number = _same_area(numbers[-1], text) or number
        numbers.append(number)
    return True


def _soft_groups(part: str, region: str) -> list[str]:
    """A part cut at runs of spaces or tabs, but only between complete numbers ("021  5555  0000" is one)."""
    if "  " not in part and "\t" not in part:
        return [part]
    pieces = SOFT_SPLIT.split(part)
    if len(pieces) == 1:
        return [part]
    whole = " ".join(part.split())
    numbers: list[PhoneNumber] = []
    leftovers: list[str] = []
    _read_group(whole, region, numbers, leftovers)
    if len(numbers) == 1 and numbers[0].verified and not leftovers:
        return [whole]
    groups: list[str] = []
    counts: list[int] = []
    for piece in pieces:
        count = _digit_count(piece)
        if groups and (count < MIN_DIGITS or counts[-1] < MIN_DIGITS or EXT_ONLY.fullmatch(piece)):
            groups[-1] += " " + piece
            counts[-1] += count
        else:
            groups.append(piece)
            counts.append(count)
    return groups


def _read_group(text: str, region: str, numbers: list[PhoneNumber], leftovers: list[str]) -> None:
    """Numbers of one group (label, number, extension, note, next number...), appended to numbers/leftovers."""
    text = " ".join(text.split())
    if numbers and (ext_only := EXT_ONLY.fullmatch(text)) and not has_extension(numbers[-1]):
        numbers[-1] = with_extension(numbers[-1], ext_only.group(1), text)
        return
    pos = 0
    while True:
        match = BODY.search(text, pos)
        if match is None:
            keep_note(text[pos:], leftovers)
            return
        body = match.group()
        body = body[: last_digit(body) + 1]
        start = match.start()
        while body.startswith("(") and body.count("(") > body.count(")"):  # "(138...": a note, not an area code
            stripped = body[1:].lstrip()
            start += len(body) - len(stripped)
            body = stripped
        number, used = _read_body(body, region)
        body = body[:used]
        end = start + used
        ext = EXT.match(text, end) if number is None or EXT_PREFIX not in number.text else None
        chunk_end = ext.end() if ext else end
        if number is None:  # no number: kept with the text up to the next number ("3楼", "123 室")
            following = BODY.search(text, chunk_end)
            chunk_end = following.start() if following else len(text)
            leftover = text[pos:chunk_end].strip()
            if not NUMBERED_LABEL.fullmatch(leftover) or leftover.rstrip(LABEL_END).casefold() not in LABELS:
                leftovers.append(leftover)
        else:
            keep_note(text[pos:start], leftovers)
            if ext:
                number = with_extension(number, ext.group(1), text[end:chunk_end].strip())
            if region == "CN" and numbers and not number.verified:
                number = _same_area(numbers[-1], body) or number
            numbers.append(number)
        pos = chunk_end


def _digit_count(text: str) -> int:
    return sum(map(str.isdigit, text))


def _same_area(previous: PhoneNumber, body: str) -> PhoneNumber | None:
    """"0571-87654321/87654322": a bare local number after a Chinese landline shares its area code."""
    digits = NOT_DIGIT.sub("", body)
    if not (previous.verified and previous.mobile is False and previous.text.startswith("0")):
        return None
    if not (7 <= len(digits) <= 8 and digits[0] in "23456789" and len(digits) == len(body.replace(" ", ""))):
        return None
    number = _number(f"{previous.text.split(' ', 1)[0]} {digits}", "CN")
    return number if number is not None and number.verified and number.mobile is False else None


def _read_body(body: str, region: str) -> tuple[PhoneNumber | None, int]:
    """The number a run of digits and punctuation starts with, and how much of the run it takes: all of it, or a
    valid number before a space or dash ("13812345678 13987654321", "13812345678 3楼"); None: no phone number."""
    number = _number(body, region)
    if number is not None and number.verified:
        return number, len(body)
    if (dash := DASH_EXT.fullmatch(body)) and _digit_count(dash.group(1)) >= MIN_DIGITS:
        head = _number(dash.group(1), region)
        if head is not None and head.verified:
            return PhoneNumber(f"{head.text}{EXT_PREFIX}{dash.group(2)}", head.mobile, True), len(body)
    index = len(body)
    while (index := max(body.rfind(" ", 0, index), body.rfind("-", 0, index))) > 0:
        # a dash splits only before another whole number: before a few digits it starts an extension or belongs
        # to the number ("+86 161-8818-1741")
        if body[index] == " " or _digit_count(body[index:]) >= MIN_DIGITS:
            prefix = body[:index].rstrip(" -(")
            if _digit_count(prefix) < MIN_DIGITS:
                break
            head = _number(prefix, region)
            if head is not None and head.verified:
                return head, len(prefix)
    return number, len(body)


def _number(body: str, region: str) -> PhoneNumber | None:
    """One number: verified (normalize_phone's text, whatever its length), unverified as written (7-15 digits), else
    None."""
    if body[-1] == "0" and "." in body and (float_text := FLOAT_TEXT.fullmatch(body)):
        body = float_text.group(1)  # as for a whole cell: a number cell that became text
    digits = body.replace("-", "").replace(" ", "")
    if not digits.isdigit():
        digits = NOT_DIGIT.sub("", body)
    if not 2 <= len(digits) <= 30:  # no phone number
        return None
    plus = body[0] == "+" or (body[0] == "(" and body.lstrip("( ").startswith("+"))
    number = chinese_numbers().read(digits, plus) if region == "CN" else None
    if number is INVALID:
        number = None
    elif number is None:
        number = read_with_metadata(digits, plus, region)
        if number is None and digits.startswith("00") and not plus:  # "0086 ..." in a region that dials 011 out
            number = read_with_metadata(digits[2:], True, region)
        if number is UNSURE:
            number = _library(body, region)
    if number is not None:
        return number
    if MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return PhoneNumber(body, None, False)
    return None
