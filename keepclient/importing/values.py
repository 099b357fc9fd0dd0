"""Cleaning the values of a whole column as people typed them into spreadsheets.

Dates come as real date cells, Excel serial numbers, "1980年5月6日", "1980/5/6", "5/6/1980" (whose day/month
order is settled once for the whole column), Outlook's "0/0/00" (no date) and Google's "--03-14" (a birthday
without a year). Tiers come as "A类", "B级", "c"; stages and kinds by their names in either language. Phones are
read in phones.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

from keepclient.domain.validation import TIERS, normalize_email

_EXCEL_EPOCH = dt.date(1899, 12, 30)


class Birthday(NamedTuple):
    year: int | None
    month: int
    day: int


def _text(value: Any) -> str:
    """A cell as text; numbers typed into number cells lose their ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""


def clean_email(value: Any) -> str:
    """A valid address, "" for an empty cell; InvalidEmailError otherwise."""
    return normalize_email(_text(value))


def clean_tier(value: Any) -> str | None:
    """"A类", "B级", "c", "Ａ" -> "A"/"B"/"C"; None when the cell says something else."""
    text = _text(value).upper().replace("类", "").replace("级", "").replace("等", "").replace("客户", "").strip()
    return text if text in TIERS else None


_LUNAR_WORDS = {
    **dict.fromkeys(("", "no", "n", "false", "0", "否", "不是", "公历", "阳历", "新历", "gregorian", "solar"), 0),
    **dict.fromkeys(("yes", "y", "true", "1", "是", "农历", "阴历", "旧历", "lunar", "x", "✓", "√"), 1),
    **dict.fromkeys(("leap", "2", "闰", "闰月", "leap month", "yes (leap month)"), 2),
}


def clean_lunar(value: Any) -> int | None:
    """A "Lunar birthday" cell: 0 (no, empty), 1 (yes) or 2 (leap: born in a leap month); None for anything else."""
    if isinstance(value, bool):
        return int(value)
    return _LUNAR_WORDS.get(_text(value).strip().lower())


# -- dates ----------------------------------------------------------------------------------------------
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MD_ONLY = re.compile(r"^(?:--)?(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?$")
_AMBIGUOUS = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_NO_DATE = {"", "0/0/00", "0/0/0000", "00/00/0000", "0000-00-00", "--", "-"}


def _year(text: str) -> int:
    year = int(text)
    return year + (1900 if year >= 30 else 2000) if year < 100 else year


def day_first_for(values: Iterable[Any]) -> bool:
    """Settle the order of "5/6/1980"-style dates from the whole column: a first number above 12 means day
    first, a second above 12 month first; with no evidence, month first (Outlook and US exports)."""
    day_first = month_first = False
    for value in values:
        match = _AMBIGUOUS.match(_text(value)) if isinstance(value, str) else None
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    return day_first and not month_first


def clean_date(value: Any, day_first: bool = False) -> Birthday | None:
    """A date cell as (year or None, month, day); None for an empty or "0/0/00" cell.

    Raises ValueError for text that is no date at all or an impossible one (31 April).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Birthday(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise ValueError(value)
        date = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return Birthday(date.year, date.month, date.day)
    text = _text(value)
    if text in _NO_DATE:
        return None
    if match := _YMD.match(text):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif match := _AMBIGUOUS.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        day, month = (first, second) if day_first else (second, first)
    elif match := _MD_ONLY.match(text):
        year, month, day = None, int(match.group(1)), int(match.group(2))
    else:
        raise ValueError(text)
    dt.date(year or 2000, month, day)  # raises ValueError for 31 April or 29 February of a common year
    return Birthday(year, month, day)


# -- texts our own CSV export guarded, several values in one cell, and words for stored values ------------
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")
_MULTI_VALUE = " ::: "  # Google Contacts' separator between several values of one field


def unguarded(text: str) -> str:
    """A cell without the apostrophe our CSV export put before = + - @ tab or CR so Excel would not run it."""
    return _FORMULA_GUARD.sub("", text, count=1) if text[:1] == "'" else text


def split_values(value: Any) -> list[str]:
    """The values of a cell holding several (Google's " ::: "), each stripped; [] for an empty cell."""
    text = _text(value)
    if not text:
        return []
    if _MULTI_VALUE not in text and ":::" not in text:
        return [text]
    return [part.strip() for part in text.split(":::") if part.strip()]


_TAG_SPLIT = re.compile(r"\s*(?:[,;、/，；]|:::)\s*")


def split_tags(value: Any) -> list[str]:
    """Tags as people list them: "VIP, 老客户", Outlook's "VIP;Key", Google's "VIP ::: Key"; order kept, no repeats."""
    seen: dict[str, None] = {}
    for part in _TAG_SPLIT.split(_text(value)):
        if part and part.casefold() not in {t.casefold() for t in seen}:
            seen[part] = None
    return list(seen)


STAGE_WORDS: dict[str, str] = {
    "prospect": "prospect", "潜在客户": "prospect", "潜在": "prospect", "意向客户": "prospect", "意向": "prospect",
    "lead": "prospect",
    "new": "new", "新客户": "new", "新": "new", "新建": "new",
    "active": "active", "活跃": "active", "活跃客户": "active", "成交客户": "active", "成交": "active",
    "growing": "active", "active/growing": "active",
    "mature": "mature", "成熟": "mature", "成熟客户": "mature", "稳定": "mature", "稳定客户": "mature",
    "老客户": "mature",
    "at_risk": "at_risk", "at risk": "at_risk", "有流失风险": "at_risk", "流失风险": "at_risk", "预警": "at_risk",
    "lost": "lost", "已流失": "lost", "流失": "lost", "流失客户": "lost", "churned": "lost",
    "won_back": "won_back", "won back": "won_back", "已挽回": "won_back", "挽回": "won_back",
}
KIND_WORDS: dict[str, str] = {
    "company": "company", "公司": "company", "企业": "company", "单位": "company", "organization": "company",
    "person": "person", "个人": "person", "个体": "person", "individual": "person",
}


def clean_stage(value: Any) -> str | None:
    """A lifecycle stage from its stored name, its English or Chinese label, or a common synonym; None otherwise."""
    return STAGE_WORDS.get(_text(value).casefold().replace("-", " ").strip())


def clean_kind(value: Any) -> str | None:
    return KIND_WORDS.get(_text(value).casefold())


def as_day(value: Any, day_first: bool = False) -> dt.date | None:
    """A full date (last contact, next follow-up); ValueError for no date or one without a year."""
    found = clean_date(value, day_first)
    if found is None:
        return None
    if found.year is None:
        raise ValueError(value)
    return dt.date(found.year, found.month, found.day)
