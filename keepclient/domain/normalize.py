"""Search keys derived from what users type: names without case, accents or width; phone digits; pinyin.

These keys are stored beside the original values (never instead of them) so that search can use indexes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_DIGIT = re.compile(r"\D+")
_SEPARATORS = re.compile(r"[\s()\[\]{}<>\"'`·・.,，。、;；:：_\-–—/\\|]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def phone_digits(*numbers: str | None) -> str:
    """All digits of the given phone numbers, space separated ("138-1234-5678" -> "13812345678").

    NFKC first so full-width digits (１３８) count as digits.
    """
    runs = (_NON_DIGIT.sub("", unicodedata.normalize("NFKC", n)) for n in numbers if n)
    return " ".join(r for r in runs if r)


def normalize_name(name: str | None) -> str:
    """Case-, accent-, width- and punctuation-insensitive key: "Müller (上海)" -> "muller上海"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", text.casefold())


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of the Chinese characters in `name` ("张伟" -> ("zhangwei", "zw")).

    Names without Chinese characters give ("", ""): their normalized name already serves search.
    pypinyin is imported here, not at module load, to keep start-up lean.
    """
    if not has_han(name):
        return "", ""
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.isalpha()]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials
