"""The phone region a country column names: a row's numbers are read, and stored in national format, for its
country, which people write as a name in any of the importers' languages, an ISO code or a calling code.

The ISO names come from pycountry and its translations, loaded on first use (they take a while); the table below
adds what people write that those lists lack or would leave ambiguous.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

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

        code = phonenumbers.region_code_for_country_code(int(match.group(1)))
        return code if code.isalpha() and code != "ZZ" else None
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
