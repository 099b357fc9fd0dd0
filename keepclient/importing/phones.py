"""Reading phone cells the way people write them, and the phone region a country column names.

A cell may hold several numbers ("0571-87654321 / 13587654321", Google's "a ::: b", two numbers two spaces apart),
labels ("手机：", "Tel:"), extensions ("转801", "分机801", "ext. 12", "x12", "#801", "0571-87654321-8001"), a number
typed into a number cell (13812345678.0) or full-width digits. Every number libphonenumber validates is stored
exactly as keepclient.domain.validation.normalize_phone stores it (the row's region in national format, others
international), with " ext. N" after it when it has an extension. A number libphonenumber cannot validate but that
has 7 to 15 digits (an old 7-digit landline "025-3474155", an unknown area code) is kept as written rather than
lost; what is no number at all is handed back as a leftover. Reading any returned text again gives the same number,
so re-importing an export changes nothing.

Speed: an import reads 100,000s of cells, and phonenumbers.parse, is_valid_number, number_type and format_number
together cost about 120 µs a number. For a number written as digits and punctuation they come down to a handful of
regular expressions of the region's metadata, which _Region runs directly (compiled once, cached per region);
Chinese mobiles and landlines in CN rows take a shorter path still (_China). Whatever these do not cover goes
through phonenumbers itself, cached per text. The tests hold all of it to normalize_phone on random numbers.
"""

from __future__ import annotations

import gettext
import math
import operator
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from keepclient.domain.validation import DEFAULT_REGION

__all__ = ["PhoneNumber", "read_phones", "region_for_country"]


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    text: str  # storage form: normalize_phone's for a verified number (+ " ext. N"), else as written
    mobile: bool | None  # True: a mobile; False: a fixed line (or a service number); None: can't tell
    verified: bool  # libphonenumber says it is a valid number


MIN_DIGITS, MAX_DIGITS = 7, 15
EXT_PREFIX = " ext. "

# Between numbers: / , ; | 、 Google's ":::", line breaks, "or", "或(者)". Two or more spaces and tabs are looked
# at later: they separate numbers only when what they separate are complete numbers.
_HARD_SPLIT = re.compile(r":::|[/;,|、\n\r\v\f]|(?<![a-z])or(?![a-z])|或者?", re.IGNORECASE)
_MAYBE_HARD = re.compile(r"[/;,|、\n\r\v\f:或oO]")  # a cheap first look for _HARD_SPLIT
_BODY_CHARS = "0123456789()+.-–—‐‑− "  # what _SIMPLE is made of
_SOFT_SPLIT = re.compile(r"[ \t]*\t[ \t]*| {2,}")
_SIMPLE = re.compile(r"[+(]?\d(?:[\d().\-–—‐‑−]| (?=[\d(]))*(?<=\d)")  # one number alone, the common case
_FLOAT_TEXT = re.compile(r"(\d{7,})\.0+")  # "13812345678.0": a number cell that became text on the way
_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D+")
# A number as written: its digits with the punctuation people put between them, "+" and "(" before them.
_BODY = re.compile(r"(?:[+(]\s*)*\d[\d \-–—‐‑−().]*")
_EXT_MARK = r"(?:转|轉|分机号?|分機號?|内线|內線|extension|extn\.?|ext\.?|x|#)"
_EXT = re.compile(r"\s*[-,]?\s*\(?\s*" + _EXT_MARK + r"\s*[:.]?\s*(\d{1,6})\s*\)?", re.IGNORECASE)
_EXT_SEARCH = re.compile(_EXT_MARK + r"\s*[:.]?\s*\d", re.IGNORECASE)
_EXT_ONLY = re.compile(r"\s*\(?\s*" + _EXT_MARK + r"\s*[:.]?\s*(\d{1,6})\s*\)?\s*", re.IGNORECASE)
_DASH_EXT = re.compile(r"(.*\d)\s*[-–—‐‑]\s*(\d{1,5})")  # "0571-87654321-8001": an extension after a dash
_NUMBERED_LABEL = re.compile(r"\D+\d\s*[:：]")  # "手机2：", "Tel 1:"
_LABEL_END = "0123456789 :："
_NOTE_TRIM = " \t:-–—()[]<>{}【】《》「」'\"*·.~_=!?"
_LABELS = frozenset(  # words before or after a number that only say what it is
    {
        "手机", "手机号", "手机号码", "移动电话", "移动", "电话", "电话号码", "联系电话", "联系方式", "联系", "座机",
        "固话", "固定电话", "办公", "办公室", "办公电话", "公司", "公司电话", "单位", "单位电话", "宅", "宅电", "家",
        "家庭", "家庭电话", "住宅", "住宅电话", "传真", "直线", "直拨", "总机", "热线", "手", "电", "座", "办",
        "微信", "号码", "tel", "tel.", "telephone", "phone", "ph", "mobile", "mob", "mob.", "cell", "cellphone",
        "office", "home", "work", "fax", "direct", "main", "m", "t", "h", "o", "w", "p", "c", "f", "mobile phone",
        "cell phone", "work phone", "home phone", "business", "business phone",
    }
)


def read_phones(value: Any, region: str = DEFAULT_REGION) -> tuple[list[PhoneNumber], list[str]]:
    """(numbers, leftovers) from one cell. leftovers: parts that are not a number at all or have fewer than 7 or more
    than 15 digits (and are not valid), as written (the caller keeps and reports them); a note beside a number
    ("(张总)") is one too, a label ("手机：", "Tel") is dropped. Both are NFKC-normalized and trimmed.

    region: the row's region (ISO code, "CN" by default); numbers of it are stored in national format."""
    if region == "CN":  # the hot path: one Chinese mobile or landline, as a number cell or as text
        if type(value) is float or type(value) is int:
            if 1e10 <= value < 2e10 and value == int(value):
                number = _china().mobile_text(str(int(value)))
                if number is not None:
                    return [number], []
        elif type(value) is str and (number := _china().read_text(value)) is not None:
            return [number], []
    else:
        region = region.upper() if region else DEFAULT_REGION
    text = _cell_text(value)
    if not text:
        return [], []
    numbers: list[PhoneNumber] = []
    leftovers: list[str] = []
    if _read_alone(text, region, numbers, leftovers, text != value):  # one number and nothing else
        return numbers, leftovers
    for part in _hard_parts(text):
        if not _DIGIT.search(part):
            if part.strip(_NOTE_TRIM + " /;,|、:"):
                leftovers.append(part)
        elif part == text or not _read_alone(part, region, numbers, leftovers):
            for group in _soft_groups(part, region):
                _read_group(group, region, numbers, leftovers)
    return numbers, leftovers


def _read_alone(
    text: str, region: str, numbers: list[PhoneNumber], leftovers: list[str], shortcut: bool = True
) -> bool:
    """Read `text` when it is one run of digits and punctuation, as _read_group would but quicker; False when it
    is not that simple. shortcut: try _China.read_text first (read_phones did already for the cell as it came)."""
    if shortcut and region == "CN" and (number := _china().read_text(text)) is not None:
        used = len(text)
    elif not (
        text.isdigit()
        or (not text.strip(_BODY_CHARS) and _SIMPLE.fullmatch(text) and text.count("(") == text.count(")"))
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


def _cell_text(value: Any) -> str:
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
    if match := _FLOAT_TEXT.fullmatch(text):
        return match.group(1)
    return text


def _hard_parts(text: str) -> list[str]:
    """The cell cut at separators that always separate; neighbouring parts without digits stay together ("n/a")."""
    if not _MAYBE_HARD.search(text):
        return [text]
    pieces = [piece.strip() for piece in _HARD_SPLIT.split(text)]
    if all(_DIGIT.search(piece) for piece in pieces):  # the usual case: numbers between separators
        return pieces
    parts: list[str] = []
    start = 0
    glued: int | None = None  # where the last part, one without digits, began: a next one without digits joins it
    for end, after in [(m.start(), m.end()) for m in _HARD_SPLIT.finditer(text)] + [(len(text), len(text))]:
        piece = text[start:end].strip()
        if piece:
            if _DIGIT.search(piece):
                parts.append(piece)
                glued = None
            elif glued is not None:
                parts[-1] = text[glued:end].strip()
            else:
                parts.append(piece)
                glued = start
        start = after
    return parts


def _soft_groups(part: str, region: str) -> list[str]:
    """A part cut at runs of spaces or tabs, but only between complete numbers ("021  5555  0000" is one)."""
    if "  " not in part and "\t" not in part:
        return [part]
    pieces = _SOFT_SPLIT.split(part)
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
        if groups and (count < MIN_DIGITS or counts[-1] < MIN_DIGITS or _EXT_ONLY.fullmatch(piece)):
            groups[-1] += " " + piece
            counts[-1] += count
        else:
            groups.append(piece)
            counts.append(count)
    return groups


def _read_group(text: str, region: str, numbers: list[PhoneNumber], leftovers: list[str]) -> None:
    """Numbers of one group (label, number, extension, note, next number...), appended to numbers/leftovers."""
    text = " ".join(text.split())
    if numbers and (ext_only := _EXT_ONLY.fullmatch(text)) and not _has_extension(numbers[-1]):
        numbers[-1] = _with_extension(numbers[-1], ext_only.group(1), text)
        return
    pos = 0
    while True:
        match = _BODY.search(text, pos)
        if match is None:
            _note(text[pos:], leftovers)
            return
        body = match.group()
        body = body[: _last_digit(body) + 1]
        start = match.start()
        while body.startswith("(") and body.count("(") > body.count(")"):  # "(138...": a note, not an area code
            stripped = body[1:].lstrip()
            start += len(body) - len(stripped)
            body = stripped
        number, used = _read_body(body, region)
        body = body[:used]
        end = start + used
        ext = _EXT.match(text, end) if number is None or EXT_PREFIX not in number.text else None
        chunk_end = ext.end() if ext else end
        if number is None:  # no number: kept with the text up to the next number ("3楼", "123 室")
            following = _BODY.search(text, chunk_end)
            chunk_end = following.start() if following else len(text)
            leftover = text[pos:chunk_end].strip()
            if not _NUMBERED_LABEL.fullmatch(leftover) or leftover.rstrip(_LABEL_END).casefold() not in _LABELS:
                leftovers.append(leftover)
        else:
            _note(text[pos:start], leftovers)
            if ext:
                number = _with_extension(number, ext.group(1), text[end:chunk_end].strip())
            if region == "CN" and numbers and not number.verified:
                number = _same_area(numbers[-1], body) or number
            numbers.append(number)
        pos = chunk_end


def _last_digit(text: str) -> int:
    index = len(text) - 1
    while not text[index].isdigit():
        index -= 1
    return index


def _note(text: str, leftovers: list[str]) -> None:
    """Text around numbers: a label ("手机：", "Tel") is dropped, anything else ("(张总)") is a leftover."""
    note = text.strip()
    core = note.strip(_NOTE_TRIM).casefold()
    if core and core not in _LABELS:
        leftovers.append(note)


def _digit_count(text: str) -> int:
    return sum(map(str.isdigit, text))


def _has_extension(number: PhoneNumber) -> bool:
    return EXT_PREFIX in number.text or _EXT_SEARCH.search(number.text) is not None


def _with_extension(number: PhoneNumber, ext: str, written: str) -> PhoneNumber:
    """A verified number gets " ext. N" (one form for every way of writing it), an unverified one keeps its own."""
    if number.verified:
        return PhoneNumber(f"{number.text}{EXT_PREFIX}{ext}", number.mobile, True)
    return PhoneNumber(f"{number.text} {written}", number.mobile, False)


def _same_area(previous: PhoneNumber, body: str) -> PhoneNumber | None:
    """"0571-87654321/87654322": a bare local number after a Chinese landline shares its area code."""
    digits = _NOT_DIGIT.sub("", body)
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
    if (dash := _DASH_EXT.fullmatch(body)) and _digit_count(dash.group(1)) >= MIN_DIGITS:
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
    if body[-1] == "0" and "." in body and (float_text := _FLOAT_TEXT.fullmatch(body)):
        body = float_text.group(1)  # as for a whole cell: a number cell that became text
    digits = body.replace("-", "").replace(" ", "")
    if not digits.isdigit():
        digits = _NOT_DIGIT.sub("", body)
    if not 2 <= len(digits) <= 30:  # no phone number
        return None
    plus = body[0] == "+" or (body[0] == "(" and body.lstrip("( ").startswith("+"))
    number = _china().read(digits, plus) if region == "CN" else None
    if number is _INVALID:
        number = None
    elif number is None:
        number = _fast(digits, plus, region)
        if number is None and digits.startswith("00") and not plus:  # "0086 ..." in a region that dials 011 out
            number = _fast(digits[2:], True, region)
        if number is _UNSURE:
            number = _library(body, region)
    if number is not None:
        return number
    if MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return PhoneNumber(body, None, False)
    return None


# -- libphonenumber --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1 << 14)
def _library(body: str, region: str) -> PhoneNumber | None:
    """A verified number through phonenumbers, as normalize_phone formats it; None when it is not valid.

    "00" then a country code is read as international in every region (a US row's "0086 ...", written by a Chinese
    user, means China even though the US dials 011)."""
    import phonenumbers

    number = _parse_valid(body, region)
    digits = _NOT_DIGIT.sub("", body)
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


# -- phonenumbers without parse --------------------------------------------------------------------------------
# phonenumbers.parse + is_valid_number + number_type + format_number cost about 120 µs a number, too slow for 100,000s
# of cells. For a number written as digits and punctuation, what they do comes down to a few regular expressions of
# the region's metadata; _Region runs those (compiled once, the type tests of one length merged into one regular
# expression) and leaves every case it does not cover to phonenumbers itself. The tests compare it with
# normalize_phone on random numbers of many regions.
_UNSURE = PhoneNumber("<ask phonenumbers>", None, False)  # answers compared by identity, never returned
_INVALID = PhoneNumber("<phonenumbers would not validate this>", None, False)
_NATIONAL, _INTERNATIONAL = 2, 1  # phonenumbers.PhoneNumberFormat
_FIRST_GROUP = re.compile(r"(\\\d)")  # phonenumberutil._FIRST_GROUP_PATTERN
_NO_LAYOUT = object()
_Desc = tuple[frozenset[int], re.Pattern[str]]


class _Format:
    __slots__ = ("leading", "lengths", "pattern", "rules")

    def __init__(self, fmt: Any) -> None:
        self.leading = re.compile(fmt.leading_digits_pattern[-1]) if fmt.leading_digits_pattern else None
        self.pattern = re.compile(fmt.pattern)
        self.lengths = _group_lengths(fmt.pattern)
        national = fmt.format
        if fmt.national_prefix_formatting_rule:
            national = _FIRST_GROUP.sub(fmt.national_prefix_formatting_rule, fmt.format, count=1)
        self.rules = {_NATIONAL: national, _INTERNATIONAL: fmt.format}


class _Region:
    """One region's metadata: how phonenumbers reads, types and formats a number of it."""

    def __init__(self, metadata: Any) -> None:
        import phonenumbers

        self.region: str = metadata.id
        self.country_code: int = metadata.country_code
        self.country_code_text = str(metadata.country_code)
        self.regions = tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code, ()))
        general = metadata.general_desc
        self.general_pattern = re.compile(general.national_number_pattern) if general.national_number_pattern else None
        self.general = _desc(general)
        self.lengths = tuple(general.possible_length or ())
        self.local_lengths = frozenset(general.possible_length_local_only or ())
        kinds = (
            (metadata.premium_rate, False), (metadata.toll_free, False), (metadata.shared_cost, False),
            (metadata.voip, False), (metadata.personal_number, None), (metadata.pager, None), (metadata.uan, False),
            (metadata.voicemail, False),
        )  # the order of phonenumberutil._number_type_helper
        self.others = [(desc, flag) for item, flag in kinds if (desc := _desc(item)) is not None]
        self.fixed, self.mobile = _desc(metadata.fixed_line), _desc(metadata.mobile)
        self.same_pattern = bool(metadata.same_mobile_and_fixed_line_pattern)
        self.prefix = re.compile(metadata.national_prefix_for_parsing) if metadata.national_prefix_for_parsing else None
        self.transform = bool(metadata.national_prefix_transform_rule)
        self.idd = re.compile(metadata.international_prefix) if metadata.international_prefix else None
        self.leading = re.compile(metadata.leading_digits) if metadata.leading_digits else None
        national = [_Format(fmt) for fmt in metadata.number_format]
        international = [_Format(fmt) for fmt in metadata.intl_number_format] or national
        self.formats = {_NATIONAL: national, _INTERNATIONAL: international}
        self.choosers: dict[tuple[int, int], tuple[int | None, dict[str, Any], list[int]]] = {}
        self.layouts: dict[tuple[int, int, int], tuple[str, Any] | None] = {}
        self.quick: dict[tuple[int, str], tuple[re.Pattern[str] | None, ...]] = {}

    def kind(self, national: str) -> bool | PhoneNumber | None:
        """phonenumberutil._number_type_helper as PhoneNumber.mobile: True, False, None, or _INVALID (UNKNOWN)."""
        quick = self.quick.get((len(national), national[0])) or self._quick(len(national), national[0])
        if quick[0] is not None and quick[0].match(national):
            return True
        if quick[1] is not None and quick[1].match(national):
            return False
        if quick[2] is None or not quick[2].match(national):
            return _INVALID
        if not _matches(self.general, national):
            return _INVALID
        for desc, flag in self.others:
            if _matches(desc, national):
                return flag
        if _matches(self.fixed, national):
            return None if self.same_pattern or _matches(self.mobile, national) else False
        return True if not self.same_pattern and _matches(self.mobile, national) else _INVALID

    def _quick(self, length: int, first: str) -> tuple[re.Pattern[str] | None, ...]:
        """One regular expression each for "a mobile", "a fixed line" and "any valid number" of this length and
        first digit, every test of the type helper that bears on it merged in (so each costs one match), and of
        each test only the alternatives that can start with that digit (so the match is short)."""
        key = (length, first)

        def fits(desc: _Desc | None) -> bool:
            return desc is not None and (not desc[0] or length in desc[0])

        def whole(desc: _Desc) -> str:
            return f"(?:{_starting_with(desc[1].pattern, first)})\\Z"

        if not fits(self.general):
            self.quick[key] = (None, None, None)
            return self.quick[key]
        assert self.general is not None
        others = "".join(f"(?!{whole(desc)})" for desc, _ in self.others if fits(desc))
        general = f"(?={whole(self.general)})"
        mobile = fixed = None
        if fits(self.mobile) and not self.same_pattern:
            assert self.mobile is not None
            not_fixed = f"(?!{whole(self.fixed)})" if self.fixed is not None and fits(self.fixed) else ""
            mobile = re.compile(general + others + not_fixed + whole(self.mobile))
        if fits(self.fixed) and not self.same_pattern:
            assert self.fixed is not None
            not_mobile = f"(?!{whole(self.mobile)})" if self.mobile is not None and fits(self.mobile) else ""
            fixed = re.compile(general + others + not_mobile + whole(self.fixed))
        kinds = [desc for desc, _ in self.others] + [self.fixed, self.mobile]
        valid = "|".join(whole(desc) for desc in kinds if desc is not None and fits(desc))
        self.quick[key] = (mobile, fixed, re.compile(f"{general}(?:{valid})") if valid else None)
        return self.quick[key]

    def strip_prefix(self, number: str) -> str | None:
        """The national number phonenumbers.parse keeps from `number` (national prefix such as "0" stripped when
        it applies); None for a transforming prefix, left to phonenumbers."""
        if self.prefix is None or not (match := self.prefix.match(number)):
            return number
        if self.transform and (not match.groups() or match.groups()[-1] is not None):
            return None
        stripped = number[match.end() :]
        general = self.general_pattern
        if general is not None and general.fullmatch(number) and not general.fullmatch(stripped):
            return number  # the number was viable with its first digits and is not without them
        return stripped if self.length_state(stripped) in ("possible", "too long") else number

    def length_state(self, number: str) -> str:
        """phonenumberutil._test_number_length for an unknown type."""
        length, lengths = len(number), self.lengths
        if length in self.local_lengths:
            return "local only"
        if lengths[0] == length:
            return "possible"
        if lengths[0] > length:
            return "too short"
        if lengths[-1] < length:
            return "too long"
        return "possible" if length in lengths[1:] else "invalid length"

    def format(self, national: str, style: int) -> str:
        """phonenumbers.format_number(NATIONAL or INTERNATIONAL) of a number of this country calling code."""
        key = (style, len(national))
        width, chosen, candidates = self.choosers.get(key) or self._chooser(*key)
        if width is None:
            layout = self._layout(candidates, national, style)
        elif (layout := chosen.get(national[:width], _NO_LAYOUT)) is _NO_LAYOUT:
            layout = chosen[national[:width]] = self._layout(candidates, national, style)
        if layout is None:
            return _library_format(self.country_code, national, style)
        text, getter = layout
        return text % getter(national)

    def _chooser(self, style: int, length: int) -> tuple[int | None, dict[str, Any], list[int]]:
        """The formats a number of this length may take and how many of its first digits choose among them
        (phonenumberutil._choose_formatting_pattern_for_number looks at leading digits, then at the length), or
        None when that cannot be told from the patterns."""
        formats = self.formats[style]
        candidates = [index for index, fmt in enumerate(formats) if fmt.lengths is None or length in fmt.lengths]
        width: int | None = 0
        for index in candidates:
            fmt = formats[index]
            reach = _reach(fmt.leading.pattern) if fmt.leading is not None else 0
            width = None if width is None or reach is None or fmt.lengths is None else max(width, reach)
        self.choosers[(style, length)] = (width, {}, candidates)
        return self.choosers[(style, length)]

    def _layout(self, candidates: list[int], national: str, style: int) -> tuple[str, Any] | None:
        """How format_number lays out numbers of this format and length: a %-template and the slices of the
        national number that fill it, learnt from this number and held to phonenumbers; None: ask phonenumbers."""
        formats = self.formats[style]
        for index in candidates:
            fmt = formats[index]
            if (fmt.leading is None or fmt.leading.match(national)) and fmt.pattern.fullmatch(national):
                break
        else:
            return (f"+{self.country_code} %s" if style == _INTERNATIONAL else "%s", _whole)
        key = (index, style, len(national))
        if key not in self.layouts:
            self.layouts[key] = _learn_layout(fmt, style, national, self.country_code)
        return self.layouts[key]


def _whole(national: str) -> tuple[str]:
    return (national,)


def _reach(pattern: str) -> int | None:
    """How many characters a leading-digits pattern can look at (re.match), None when unbounded or not plain."""
    if any(token in pattern for token in ("(?=", "(?!", "(?<", "$", "^", "\\b", "\\B", "\\Z", "\\A")):
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        high = _parser.parse(pattern).getwidth()[1]
    except Exception:  # a Python without re._parser: choose for every number
        return None
    return high if high < 1000 else None


def _learn_layout(fmt: _Format, style: int, national: str, country_code: int) -> tuple[str, Any] | None:
    """A %-template for a format made only of (\\d{n}) groups: the rule's text with each group reference
    replaced by the span of the national number it takes (the same for every number of that length)."""
    match = fmt.pattern.fullmatch(national)
    if fmt.lengths is None or match is None:
        return None
    pieces = re.split(r"\\(\d)", fmt.rules[style])
    groups = [int(group) for group in pieces[1::2]]
    if any(not 1 <= group <= fmt.pattern.groups for group in groups):
        return None
    text = "%s".join(piece.replace("%", "%%") for piece in pieces[0::2])
    if style == _INTERNATIONAL:
        text = f"+{country_code} {text}"
    spans = [slice(*match.span(group)) for group in groups]
    getter = operator.itemgetter(*spans) if len(spans) > 1 else (lambda number, only=spans[0]: (number[only],))
    expected = _library_format(country_code, national, style)
    return (text, getter) if len(spans) == len(groups) and text % getter(national) == expected else None


def _library_format(country_code: int, national: str, style: int) -> str:
    import phonenumbers

    number = phonenumbers.PhoneNumber(country_code=country_code, national_number=int(national))
    if len(national) > 1 and national[0] == "0":  # as phonenumbers.parse keeps an Italian number's leading zeros
        number.italian_leading_zero = True
        zeros = len(national) - len(national.lstrip("0"))
        number.number_of_leading_zeros = min(zeros, len(national) - 1)
    return phonenumbers.format_number(number, style)


@lru_cache(maxsize=4096)
def _starting_with(pattern: str, digit: str) -> str:
    """The alternatives of a pattern ("A|B|C" at its top level) that can match a number starting with `digit`:
    the same answers for such numbers, with much less to try ("(?!)" when none can)."""
    alternatives, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    alternatives.append(pattern[start:])
    kept = [alternative for alternative in alternatives if _may_start_with(alternative, digit)]
    return "|".join(kept) if kept else "(?!)"


def _may_start_with(pattern: str, digit: str) -> bool:
    """False only when no string matching `pattern` starts with `digit` (True when unsure)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        firsts = _first_characters(list(_parser.parse(pattern)), _constants)
    except Exception:  # another Python's re internals: keep every alternative
        return True
    return firsts is None or ord(digit) in firsts


def _first_characters(items: list[Any], constants: Any) -> set[int] | None:
    """The characters a parsed pattern can start with, None when it could be any or when it can be empty."""
    if not items:
        return None
    op, value = items[0]
    if op is constants.LITERAL:
        return {value}
    if op is constants.SUBPATTERN:
        return _first_characters(list(value[-1]), constants)
    if op is constants.BRANCH:
        result: set[int] = set()
        for branch in value[1]:
            firsts = _first_characters(list(branch), constants)
            if firsts is None:
                return None
            result |= firsts
        return result
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] > 0:
        return _first_characters(list(value[2]), constants)
    if op is constants.IN:
        result = set()
        for kind, item in value:
            if kind is constants.LITERAL:
                result.add(item)
            elif kind is constants.RANGE:
                result |= set(range(item[0], item[1] + 1))
            elif kind is constants.CATEGORY and item is constants.CATEGORY_DIGIT:
                result |= set(range(ord("0"), ord("9") + 1))
            else:
                return None
        return result
    return None


def _desc(desc: Any) -> _Desc | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)


def _matches(desc: _Desc | None, national: str) -> bool:
    """phonenumberutil._is_number_matching_desc."""
    if desc is None:
        return False
    lengths, pattern = desc
    return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None


def _group_lengths(pattern: str) -> frozenset[int] | None:
    """The lengths a format pattern made only of (\\d{n}) / (\\d{n,m}) groups takes; None for any other pattern."""
    groups = re.findall(r"\(\\d\{(\d+)(?:,(\d+))?\}\)", pattern)
    if not groups or "".join(f"(\\d{{{low}{',' + high if high else ''}}})" for low, high in groups) != pattern:
        return None
    return frozenset(range(sum(int(low) for low, _ in groups), sum(int(high or low) for low, high in groups) + 1))


@lru_cache(maxsize=512)
def _region(code: str) -> _Region | None:
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(code, None)
    return _Region(metadata) if metadata is not None else None


@lru_cache(maxsize=512)
def _regions_of(country_code: int) -> tuple[str, ...]:
    import phonenumbers

    return tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()))


def _fast(digits: str, plus: bool, row: str) -> PhoneNumber | None:
    """What _library would answer for a number written as `digits` (after a "+" when `plus`) in region `row`,
    without phonenumbers.parse: the number, None when not valid, or _UNSURE for the cases left to phonenumbers."""
    home = _region(row)
    if not plus:
        if home is None:
            return _UNSURE
        if home.idd is not None and (match := home.idd.match(digits)):
            rest = digits[match.end() :]
            if not rest or rest[0] != "0":
                digits, plus = rest, True
    if plus:
        if len(digits) <= 2 or digits[0] == "0":
            return _UNSURE
        for size in (1, 2, 3):
            if regions := _regions_of(int(digits[:size])):
                break
        else:
            return _UNSURE
        parser, national = _region(regions[0]), digits[size:]
    else:
        assert home is not None
        if digits.startswith(home.country_code_text):
            return _UNSURE  # phonenumbers may take these digits for the country code
        regions, parser, national = home.regions, home, digits
    # parse reads with the row's metadata (or that of the country code's main region), formats with the main
    # region's, and validates with that of the first region of the country code the number fits (+1: US, CA, ...)
    country = _region(regions[0]) if regions else None
    if parser is None or country is None or not parser.lengths or len(national) < 2:
        return _UNSURE
    stripped = parser.strip_prefix(national)
    if stripped is None or not 2 <= len(stripped) <= 17:
        return _UNSURE
    national, region, own = stripped, country.region, country
    if len(regions) > 1:  # phonenumberutil._region_code_for_number_from_list
        for code in regions:
            candidate = _region(code)
            if candidate is None:
                continue
            if candidate.leading is not None:
                if candidate.leading.match(national):
                    region, own = code, candidate
                    break
            elif candidate.kind(national) is not _INVALID:
                region, own = code, candidate
                break
        else:
            return None
    kind = own.kind(national)
    if kind is _INVALID:
        return None
    style = _NATIONAL if region == row else _INTERNATIONAL
    return PhoneNumber(country.format(national, style), kind, True)  # type: ignore[arg-type]


class _China:
    """The hot path, for CN rows: a Chinese mobile ("13812345678", 8613812345678.0, "+86 138...", "0086 138...")
    or landline ("021-5555 0000", "(0571)87654321") checked with one regular expression. Its answer: the number,
    _INVALID when phonenumbers would not validate it, or None for anything else (then _fast decides)."""

    def __init__(self) -> None:
        cn = _region("CN")
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
        read as a number on its own (what _read_body tries), so it is kept as written right away."""
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
        if number is _INVALID:
            rest = text[whole:].lstrip(" -")
            return PhoneNumber(text, None, False) if rest.isdigit() else None
        return number if number is not None and number.verified else None

    def mobile_text(self, digits: str) -> PhoneNumber | None:
        """An 11-digit mobile ("1..."), when it is valid."""
        if self.mobile is not None and self.mobile.match(digits):
            return PhoneNumber(f"{digits[:3]} {digits[3:7]} {digits[7:]}", True, True)
        return None

    def read(self, digits: str, plus: bool) -> PhoneNumber | None:
        """Remembers its last answer: the hot path asks first, and when the number is not valid, _number asks
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
        return _INVALID if self.cn.kind(national) is _INVALID else None

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
            return _INVALID if len(national) > self.cn.lengths[-1] else None
        quick = self.cn.quick.get((len(national), national[0])) or self.cn._quick(len(national), national[0])
        if quick[1] is not None and quick[1].match(national):  # valid: the 0 is stripped whatever the general pattern
            return PhoneNumber(self.cn.format(national, _NATIONAL), False, True)
        general = self.cn.general_pattern
        if general is not None and general.fullmatch(digits):
            return None
        return _INVALID if self.cn.kind(national) is _INVALID else None


# "13812345678", "138 1234 5678", "+86 138-1234-5678", "0086 13812345678"; "021-55550000", "(0571)8765 4321"
_CN_MOBILE_TEXT = re.compile(r"(\+86[ -]?|0086[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})")
_CN_LANDLINE_TEXT = re.compile(r"(\()?(0[1-9]\d{1,2})(?(1)\))[ -]?(\d{1,4})[ -]?(\d{4})")


@cache
def _china() -> _China:
    return _China()


# -- countries -------------------------------------------------------------------------------------------------
# Names people write that the ISO lists (pycountry and its translations) lack, or that would be ambiguous there.
_COUNTRY_ALIASES = {
    "CN": "中国|中国大陆|大陆|内地|中华人民共和国|中國|中國大陸|PRC|PR China|P.R.China|P.R. China|Mainland China|"
    "China Mainland|Chinese Mainland|People's Republic of China",
    "HK": "香港|中国香港|中國香港|香港特别行政区|香港特區|Hongkong|Hong Kong SAR|Hong Kong, China",
    "MO": "澳门|澳門|中国澳门|中國澳門|Macau|Macao|Macau SAR|Macao SAR",
    "TW": "台湾|臺灣|台灣|中国台湾|中國台灣|台湾省|Taiwan|ROC|Republic of China|Taiwan, China",
    "US": "美国|美國|美利坚|美利坚合众国|USA|U.S.A.|U.S.|US|America|United States of America|The United States",
    "GB": "英国|英國|英格兰|苏格兰|威尔士|北爱尔兰|UK|U.K.|England|Scotland|Wales|Northern Ireland|Great Britain|"
    "Britain|United Kingdom|The United Kingdom",
    "KR": "韩国|韓國|南韩|南韓|Korea|South Korea|Republic of Korea|S. Korea",
    "KP": "朝鲜|北韩|North Korea|DPRK",
    "RU": "俄罗斯|俄國|俄国|Russia",
    "DE": "德国|德國|Deutschland",
    "ES": "西班牙|España|Espana",
    "FR": "法国|法國",
    "JP": "日本",
    "VN": "越南|Vietnam",
    "AE": "阿联酋|阿拉伯联合酋长国|UAE|Emirates|Dubai|迪拜",
    "AU": "澳大利亚|澳洲",
    "NZ": "新西兰|紐西蘭",
    "ID": "印尼|印度尼西亚",
    "MY": "马来西亚|馬來西亞|大马",
    "SG": "新加坡|星加坡",
    "TH": "泰国|泰國",
    "PH": "菲律宾|菲律賓",
    "NL": "荷兰|Holland|The Netherlands",
    "CZ": "Czech Republic",
    "TR": "土耳其|Turkey",
    "IR": "伊朗|Iran",
    "LA": "老挝|Laos",
    "SY": "叙利亚|Syria",
    "CI": "Ivory Coast",
    "VA": "Vatican|梵蒂冈",
    "XK": "Kosovo|科索沃",
    "MM": "缅甸|Burma",
    "CV": "Cape Verde",
    "SZ": "Swaziland",
    "TL": "East Timor",
    "PS": "Palestine|巴勒斯坦",
}
_CALLING_CODE = re.compile(r"(?:\+|00)\s*(\d{1,3})")
_COUNTRY_PARTS = re.compile(r"\s*[()\[\]/,;|、，。:：\-–—]+\s*")  # "Beijing, China", "China (中国)"
_HAN = re.compile(r"[\u3400-\u9fff]")
_COUNTRY_LANGUAGES = ("zh_CN", "zh_TW", "zh_HK", "de", "es", "fr", "it", "pt", "nl", "ja", "ko", "ru")


def region_for_country(value: Any) -> str | None:
    """ISO region code from a country column's value: "United States", "USA", "US", "U.S.A.", "美国", "Deutschland",
    "Germany", "España", "中华人民共和国", "PRC", "香港", "UK", "England", "+49", ...; None when unknown/empty."""
    if not isinstance(value, str):
        return None
    return _region_for_text(value)


@lru_cache(maxsize=4096)
def _region_for_text(text: str) -> str | None:
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if match := _CALLING_CODE.fullmatch(text):
        import phonenumbers

        region = phonenumbers.region_code_for_country_code(int(match.group(1)))
        return region if region.isalpha() and region != "ZZ" else None
    index = _country_index()
    if region := index.get(_country_key(text)):
        return region
    parts = [part for part in _COUNTRY_PARTS.split(text) if part]
    words = [word for part in parts for word in part.split()] if len(text.split()) > 1 else []
    for part in (*parts, *words):  # a city or a note beside the country; a two-letter word only as a code ("CN")
        if (len(part) > 2 or part.isupper() or _HAN.match(part)) and (region := index.get(_country_key(part))):
            return region
    if _HAN.match(text):  # "中国北京市", "美国加州": the country first, then the place
        for size in range(min(len(text), 9), 1, -1):
            if region := index.get(_country_key(text[:size])):
                return region
    return None


def _country_key(text: str) -> str:
    """Case, accents, spaces and punctuation do not count: "U.S.A." = "usa", "España" = "espana"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if char.isalnum())


@cache
def _country_index() -> dict[str, str]:
    """Normalized name -> region: the aliases above, then ISO codes and names (pycountry) in the languages of the
    people who import; a name two countries share is left out."""
    import phonenumbers
    import pycountry

    index = {_country_key(name): region for region, names in _COUNTRY_ALIASES.items() for name in names.split("|")}
    claimed: dict[str, str | None] = {}

    def claim(name: str, region: str) -> None:
        key = _country_key(name)
        if len(key) >= 2 and key not in index:
            claimed[key] = region if claimed.get(key, region) == region else None

    translations = []
    for language in _COUNTRY_LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    for country in pycountry.countries:
        region = country.alpha_2
        claim(region, region)
        claim(country.alpha_3, region)
        for name in filter(None, (getattr(country, key, None) for key in ("name", "common_name", "official_name"))):
            claim(name, region)
            if ", " in name:  # "Korea, Republic of" -> "Korea", kept only if no other country claims it
                claim(name.split(", ")[0], region)
            for translation in translations:
                claim(translation.gettext(name), region)
    index.update((key, region) for key, region in claimed.items() if region is not None)
    for region in phonenumbers.SUPPORTED_REGIONS:  # codes ISO 3166 does not list ("XK")
        index.setdefault(region.casefold(), region)
    return index
