"""phonenumbers without parse: what parse, is_valid_number, number_type and format_number answer, from the region's
metadata directly.

Those four cost about 120 µs a number, too slow for the 100,000s of cells of an import. For a number written as digits
and punctuation, what they do comes down to a few regular expressions of the region's metadata; Region runs those
(compiled once, the type tests of one length merged into one regular expression) and leaves every case it does not
cover to phonenumbers itself (UNSURE). The tests compare it with normalize_phone on random numbers of many regions.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import Any

from keepclient.importing.phone_library import format_with_library
from keepclient.importing.phone_number import PhoneNumber
from keepclient.importing.phone_patterns import group_lengths, reach, starting_with

UNSURE = PhoneNumber("<ask phonenumbers>", None, False)  # answers compared by identity, never returned
INVALID = PhoneNumber("<phonenumbers would not validate this>", None, False)
NATIONAL, INTERNATIONAL = 2, 1  # phonenumbers.PhoneNumberFormat
_FIRST_GROUP = re.compile(r"(\\\d)")  # phonenumberutil._FIRST_GROUP_PATTERN
_NO_LAYOUT = object()
_Desc = tuple[frozenset[int], re.Pattern[str]]


class _Format:
    __slots__ = ("leading", "lengths", "pattern", "rules")

    def __init__(self, fmt: Any) -> None:
        self.leading = re.compile(fmt.leading_digits_pattern[-1]) if fmt.leading_digits_pattern else None
        self.pattern = re.compile(fmt.pattern)
        self.lengths = group_lengths(fmt.pattern)
        national = fmt.format
        if fmt.national_prefix_formatting_rule:
            national = _FIRST_GROUP.sub(fmt.national_prefix_formatting_rule, fmt.format, count=1)
        self.rules = {NATIONAL: national, INTERNATIONAL: fmt.format}


class Region:
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
        self.formats = {NATIONAL: national, INTERNATIONAL: international}
        self.choosers: dict[tuple[int, int], tuple[int | None, dict[str, Any], list[int]]] = {}
        self.layouts: dict[tuple[int, int, int], tuple[str, Any] | None] = {}
        self.quick: dict[tuple[int, str], tuple[re.Pattern[str] | None, ...]] = {}

    def kind(self, national: str) -> bool | PhoneNumber | None:
        """phonenumberutil._number_type_helper as PhoneNumber.mobile: True, False, None, or INVALID (UNKNOWN)."""
        quick = self.quick.get((len(national), national[0])) or self._quick(len(national), national[0])
        if quick[0] is not None and quick[0].match(national):
            return True
        if quick[1] is not None and quick[1].match(national):
            return False
        if quick[2] is None or not quick[2].match(national):
            return INVALID
        if not _matches(self.general, national):
            return INVALID
        for desc, flag in self.others:
            if _matches(desc, national):
                return flag
        if _matches(self.fixed, national):
            return None if self.same_pattern or _matches(self.mobile, national) else False
        return True if not self.same_pattern and _matches(self.mobile, national) else INVALID

    def _quick(self, length: int, first: str) -> tuple[re.Pattern[str] | None, ...]:
        """One regular expression each for "a mobile", "a fixed line" and "any valid number" of this length and
        first digit, every test of the type helper that bears on it merged in (so each costs one match), and of
        each test only the alternatives that can start with that digit (so the match is short)."""
        key = (length, first)

        def fits(desc: _Desc | None) -> bool:
            return desc is not None and (not desc[0] or length in desc[0])

        def whole(desc: _Desc) -> str:
            return f"(?:{starting_with(desc[1].pattern, first)})\\Z"

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
            return format_with_library(self.country_code, national, style)
        text: str  # `chosen` holds (template, getter) pairs: a %-template and the slices that fill it
        parts: tuple[str, ...]
        text, getter = layout
        parts = getter(national)
        return text % parts

    def _chooser(self, style: int, length: int) -> tuple[int | None, dict[str, Any], list[int]]:
        """The formats a number of this length may take and how many of its first digits choose among them
        (phonenumberutil._choose_formatting_pattern_for_number looks at leading digits, then at the length), or
        None when that cannot be told from the patterns."""
        formats = self.formats[style]
        candidates = [index for index, fmt in enumerate(formats) if fmt.lengths is None or length in fmt.lengths]
        width: int | None = 0
        for index in candidates:
            fmt = formats[index]
            looks = reach(fmt.leading.pattern) if fmt.leading is not None else 0
            width = None if width is None or looks is None or fmt.lengths is None else max(width, looks)
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
            return (f"+{self.country_code} %s" if style == INTERNATIONAL else "%s", _whole)
        key = (index, style, len(national))
        if key not in self.layouts:
            self.layouts[key] = _learn_layout(fmt, style, national, self.country_code)
        return self.layouts[key]


def _whole(national: str) -> tuple[str]:
    return (national,)


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
    if style == INTERNATIONAL:
        text = f"+{country_code} {text}"
    spans = [slice(*match.span(group)) for group in groups]
    getter = operator.itemgetter(*spans) if len(spans) > 1 else (lambda number, only=spans[0]: (number[only],))
    expected = format_with_library(country_code, national, style)
    return (text, getter) if len(spans) == len(groups) and text % getter(national) == expected else None


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


@lru_cache(maxsize=512)
def region_metadata(code: str) -> Region | None:
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(code, None)
    return Region(metadata) if metadata is not None else None


@lru_cache(maxsize=512)
def _regions_of(country_code: int) -> tuple[str, ...]:
    import phonenumbers

    return tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()))


def read_with_metadata(digits: str, plus: bool, row: str) -> PhoneNumber | None:
    """What phone_library.read_with_library would answer for a number written as `digits` (after a "+" when `plus`)
    in region `row`, without phonenumbers.parse: the number, None when not valid, or UNSURE for the cases left to
    phonenumbers."""
    home = region_metadata(row)
    if not plus:
        if home is None:
            return UNSURE
        if home.idd is not None and (match := home.idd.match(digits)):
            rest = digits[match.end() :]
            if not rest or rest[0] != "0":
                digits, plus = rest, True
    if plus:
        if len(digits) <= 2 or digits[0] == "0":
            return UNSURE
        for size in (1, 2, 3):
            if regions := _regions_of(int(digits[:size])):
                break
        else:
            return UNSURE
        parser, national = region_metadata(regions[0]), digits[size:]
    else:
        assert home is not None
        if digits.startswith(home.country_code_text):
            return UNSURE  # phonenumbers may take these digits for the country code
        regions, parser, national = home.regions, home, digits
    # parse reads with the row's metadata (or that of the country code's main region), formats with the main
    # region's, and validates with that of the first region of the country code the number fits (+1: US, CA, ...)
    country = region_metadata(regions[0]) if regions else None
    if parser is None or country is None or not parser.lengths or len(national) < 2:
        return UNSURE
    stripped = parser.strip_prefix(national)
    if stripped is None or not 2 <= len(stripped) <= 17:
        return UNSURE
    national, region, own = stripped, country.region, country
    if len(regions) > 1:  # phonenumberutil._region_code_for_number_from_list
        for code in regions:
            candidate = region_metadata(code)
            if candidate is None:
                continue
            if candidate.leading is not None:
                if candidate.leading.match(national):
                    region, own = code, candidate
                    break
            elif candidate.kind(national) is not INVALID:
                region, own = code, candidate
                break
        else:
            return None
    kind = own.kind(national)
    if kind is INVALID:
        return None
    style = NATIONAL if region == row else INTERNATIONAL
    return PhoneNumber(country.format(national, style), kind, True)  # type: ignore[arg-type]
