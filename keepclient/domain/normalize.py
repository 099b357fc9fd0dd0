"""Search keys derived from what users type: names without case, accents or width; phone digits; pinyin.

These keys are stored beside the original values (never instead of them) so that search can use indexes.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

_NON_DIGIT = re.compile(r"\D+")
_SEPARATORS = re.compile(r"[\s()\[\]{}<>\"'`·・.,，。、;；:：_\-–—/\\|]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# ASCII and the unified Han ideographs have no decompositions and no combining marks: a name of only these (after
# NFKC, as most Chinese names are) needs no NFKD and no walk over its characters.
_UNDECOMPOSABLE = re.compile(r"[\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]*")


def phone_digits(*numbers: str | None) -> str:
    """All digits of the given phone numbers, space separated ("138-1234-5678" -> "13812345678").

    NFKC first so full-width digits (１３８) count as digits.
    """
    runs = (_NON_DIGIT.sub("", unicodedata.normalize("NFKC", n)) for n in numbers if n)
    return " ".join(r for r in runs if r)


@lru_cache(maxsize=8192)
def normalize_name(name: str | None) -> str:
    """Case-, accent-, width- and punctuation-insensitive key: "Müller (上海)" -> "muller上海".

    A small cache for the values that repeat (cities, headers, the list's names): a name costs ~1.4 µs, and a
    cache as large as an import (100,000s of entries) held about 60 MB for little gain. Names of ASCII and Han
    only skip the decomposition (measured: half the time of a Chinese company name).
    """
    if not name:
        return ""
    if name.isascii():
        return _SEPARATORS.sub("", name.casefold())
    text = unicodedata.normalize("NFKC", name)
    if _UNDECOMPOSABLE.fullmatch(text) is None:
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", text.casefold())


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


# Surnames whose reading differs from the character's everyday reading, which pypinyin gives ("曾" is "zeng" as a
# surname, "ceng" otherwise). Two-character surnames first, so they win over their first character.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"),
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",), "查": ("zha",),
    "朴": ("piao",), "乐": ("yue",), "缪": ("miao",), "翟": ("zhai",), "盖": ("ge",), "任": ("ren",),
    "覃": ("qin",), "华": ("hua",), "纪": ("ji",), "召": ("shao",), "繁": ("po",), "员": ("yun",),
    "句": ("gou",), "秘": ("bi",), "过": ("guo",), "折": ("she",), "种": ("chong",), "重": ("chong",),
    "蔺": ("lin",), "隗": ("wei",), "阚": ("kan",), "冼": ("xian",), "柏": ("bai",), "卜": ("bu",),
}


_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


_JSON_GAP = re.compile(r"[\s,:]*")


def _json_entries(path: Path) -> dict[str, Any]:
    """A JSON object read entry by entry. One json.loads of pypinyin's 2.5 MB phrase file holds the GIL for
    100-300 ms: a frozen window while an import or a save loads it on another thread. Small decodes let the UI
    thread in between them."""
    text = path.read_text(encoding="utf-8")
    decode = json.JSONDecoder().raw_decode
    entries: dict[str, Any] = {}
    index = _after_gap(text, text.index("{") + 1)
    while text[index] != "}":
        key, index = decode(text, index)
        index = _after_gap(text, index)
        entries[key], index = decode(text, index)
        index = _after_gap(text, index)
    return entries


def _after_gap(text: str, index: int) -> int:
    """Where the blanks, commas and colons from `index` end (the pattern also matches nothing: it never fails)."""
    match = _JSON_GAP.match(text, index)
    assert match is not None
    return match.end()


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    """pypinyin's character and phrase dictionaries, read from its data files on first use (they are large;
    importing pypinyin itself would also train its word segmenter, which we do not use)."""
    spec = importlib.util.find_spec("pypinyin")
    folder = Path(next(iter(spec.submodule_search_locations or []), "")) if spec else None
    if folder is None or not (folder / "phrases_dict.json").is_file():  # a packaging without the data files
        from pypinyin.phrases_dict import phrases_dict
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict, phrases_dict
    chars = {int(code): readings for code, readings in _json_entries(folder / "pinyin_dict.json").items()}
    return chars, _json_entries(folder / "phrases_dict.json")


@lru_cache(maxsize=4096)
def _plain(reading: str) -> str:
    return reading.translate(_TONELESS)


class _Readings(NamedTuple):
    first: dict[str, str]  # each character's everyday toneless reading
    longest: dict[str, int]  # the first two characters of phrases (2-4 long) -> the longest phrase so starting
    phrases: dict[str, list[list[str]]]  # pypinyin's phrase dictionary
    plain: dict[str, list[str]]  # the phrases met so far -> their toneless syllables (filled as names are read)


@lru_cache(maxsize=1)
def _readings() -> _Readings:
    """The dictionaries shaped for the loop below, worked out once. Phrases are looked up by their first two
    characters, so a character that starts no phrase with its neighbour costs one lookup (most characters of a
    name; measured: half the time of looking up each length for every character that starts some phrase)."""
    chars, phrases = _dictionaries()
    first = {chr(code): _plain(readings.split(",", 1)[0]) for code, readings in chars.items()}
    longest: dict[str, int] = {}
    for word in phrases:
        if 2 <= len(word) <= 4 and word[0] in first:  # as pypinyin: no phrase from a character it cannot read
            longest[word[:2]] = max(longest.get(word[:2], 0), len(word))
    return _Readings(first, longest, phrases, {})


def _syllables(text: str) -> list[str]:
    """Toneless pinyin syllables of the Chinese characters in `text`, phrases read as phrases ("重庆" chong qing).

    The same dictionaries and forward longest-match (phrases of 4, 3, then 2 characters) as pypinyin's default,
    in one tight loop: imports convert hundreds of thousands of names, and pypinyin's general pipeline costs
    about thirty times as much per name.
    """
    first, longest, phrases, plain = _readings()
    syllables: list[str] = []
    i, size = 0, len(text)
    while i < size:
        most = longest.get(text[i:i + 2])
        if most:
            for end in range(min(i + most, size), i + 1, -1):
                word = text[i:end]
                found = plain.get(word)
                if found is None and word in phrases:
                    found = plain[word] = [_plain(reading[0]) for reading in phrases[word]]
                if found is not None:
                    syllables += found
                    i = end
                    break
            else:
                syllables.append(first[text[i]])
                i += 1
            continue
        reading = first.get(text[i])
        if reading is not None:
            syllables.append(reading)
        i += 1
    return syllables


@lru_cache(maxsize=8192)
def pinyin_readings(name: str, person: bool = False) -> tuple[tuple[str, str], ...]:
    """(full pinyin, initials) of the Chinese characters in `name`, the preferred reading first.

    For people's names a surname with a special reading is read as a surname ("曾伟" -> "zengwei"); the everyday
    reading ("cengwei") follows as an alternative, so either finds the person. Names without Chinese characters
    give no readings: their normalized name serves search.
    """
    if not has_han(name):
        return ()
    everyday = _syllables(name)
    readings = [everyday]
    stripped = name.strip()
    if person:  # surnames have one or two characters; two-character ones win ("单于" before "单")
        surname = next((s for s in (stripped[:2], stripped[:1]) if s in SURNAME_READINGS), None)
        if surname:
            readings.insert(0, [*SURNAME_READINGS[surname], *_syllables(stripped[len(surname):])])
    unique: list[tuple[str, str]] = []
    for syllables in readings:
        key = ("".join(syllables), "".join([s[0] for s in syllables]))
        if key not in unique:
            unique.append(key)
    return tuple(unique)


def pinyin_keys(name: str, person: bool = False) -> tuple[str, str]:
    """The preferred (full pinyin, initials) of `name`: ("张伟") -> ("zhangwei", "zw"); ("", "") without Chinese."""
    readings = pinyin_readings(name, person)
    return readings[0] if readings else ("", "")


def sort_key(name: str, pinyin: str, norm: str = "") -> str:
    """What the customer list sorts by: Chinese names by pinyin, others by their normalized name (`norm`, when the
    caller has it)."""
    return pinyin or norm or normalize_name(name)


def customer_keys(name: str, phone: str, kind: str = "company", *, norm: str = "") -> dict[str, str]:
    """The columns stored beside a customer's name and phone so that search and sort can use indexes. `norm`:
    normalize_name(name) when the caller has it already (an import works it out to match the name)."""
    full, initials = pinyin_keys(name, person=kind == "person")
    norm = norm or normalize_name(name)
    return {"name_norm": norm, "name_pinyin": full, "name_initials": initials, "phone_digits": phone_digits(phone),
            "sort_key": sort_key(name, full, norm)}


def contact_keys(name: str, *phones: str) -> dict[str, str]:
    """The columns stored beside a contact's name and phones (people's names: surname readings)."""
    full, initials = pinyin_keys(name, person=True)
    return {"name_norm": normalize_name(name), "name_pinyin": full, "name_initials": initials,
            "phone_digits": phone_digits(*phones)}


def customer_row_keys(row: Mapping[str, Any]) -> dict[str, str]:
    """customer_keys of a stored customer row: what every versioned customer update derives (`update_checked`)."""
    return customer_keys(row["name"], row["phone"], row["kind"])


def contact_row_keys(row: Mapping[str, Any]) -> dict[str, str]:
    """contact_keys of a stored contact row, likewise."""
    return contact_keys(row["name"], row["mobile"], row["phone"])


def order_key(order_no: str | None) -> str:
    """What identifies an order on re-import and counts its lines as one order: the order number ignoring case,
    width, spaces and punctuation ("SO-2024/001" is "so2024001"); "" for a line without an order number."""
    return normalize_name(order_no.strip()) if order_no else ""
