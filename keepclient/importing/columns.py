"""Which column holds what: the header row among title rows and notes, and each header's field.

Headers are matched against a synonym table in Chinese and English (including the column sets of Outlook and
Google Contacts exports), then loosely (containment, close spelling) when nothing matches exactly.
"""

from __future__ import annotations

import difflib
from typing import Any

from keepclient.domain.errors import QT_TRANSLATE_NOOP
from keepclient.domain.normalize import normalize_name

SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("keepclient id", "keepclientid", "客户编号id", "keepclient 编号"),
    "contact_id": ("contact id", "联系人 id", "联系人编号id", "keepclient contact id"),
    "company": ("客户名称", "公司名称", "公司", "单位", "单位名称", "企业名称", "客户", "客户全称", "公司全称",
                "company", "company name", "organization", "organisation", "organization name",
                "organization 1 - name", "account", "account name", "customer", "customer name"),
    "contact": ("联系人", "姓名", "名字", "联系人姓名", "客户姓名", "name", "full name", "contact", "contact name",
                "display name", "contact person"),
    "first_name": ("first name", "given name", "名"),
    "middle_name": ("middle name", "additional name"),
    "last_name": ("last name", "family name", "surname", "姓"),
    "kind": ("kind", "customer kind", "客户性质"),
    "title": ("职务", "职位", "头衔", "岗位", "job title", "position", "organization 1 - title", "organization title",
              "role"),
    "mobile": ("手机", "手机号", "手机号码", "移动电话", "联系手机", "mobile", "mobile phone", "cell", "cell phone",
               "cellphone", "phone 1 - value"),
    "phone": ("电话", "座机", "固话", "固定电话", "办公电话", "联系电话", "电话号码", "phone", "telephone", "tel",
              "business phone", "work phone", "primary phone", "company main phone"),
    "phone_more": ("phone 2 - value", "phone 3 - value", "phone 4 - value", "home phone", "home phone 2",
                   "other phone", "business phone 2", "car phone", "pager", "assistant's phone", "callback",
                   "radio phone", "telex", "tty/tdd phone", "isdn", "other fax", "business fax", "home fax",
                   "备用电话", "其他电话", "电话2", "手机2", "家庭电话", "传真"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "email address", "e-mail address",
              "e-mail 1 - value", "mail"),
    "email_more": ("e-mail 2 address", "e-mail 3 address", "e-mail 2 - value", "e-mail 3 - value", "email 2",
                   "email 3", "邮箱2", "备用邮箱"),
    "address": ("地址", "联系地址", "详细地址", "公司地址", "通讯地址", "address", "business street", "street",
                "address 1 - formatted", "address 1 - street", "business address"),
    "city": ("城市", "所在城市", "市", "city", "business city", "address 1 - city", "town"),
    "region": ("省份", "省", "省市", "地区", "区域", "所在地区", "region", "state", "province", "business state",
               "address 1 - region"),
    "country": ("国家", "国家/地区", "国家地区", "country", "country/region", "business country/region",
                "address 1 - country", "home country/region", "other country/region"),
    "birthday": ("生日", "出生日期", "出生年月", "生日日期", "birthday", "date of birth", "birth date", "dob"),
    # whether the birthday is a lunar one ("yes", "no", "leap": our export); "农历生日" stays a birthday column
    "birthday_lunar": ("lunar birthday", "lunar", "农历", "是否农历", "农历标记"),
    "tier": ("客户等级", "等级", "级别", "客户级别", "客户类别", "tier", "level", "grade", "rating", "class"),
    "stage": ("阶段", "客户状态", "客户阶段", "状态", "stage", "lifecycle stage", "status"),
    "owner": ("业务员", "负责人", "跟进人", "销售", "客户经理", "销售员", "所属销售", "owner", "account manager",
              "sales rep", "salesperson", "sales representative", "account owner"),
    "tags": ("标签", "分类", "客户分类", "tags", "tag", "categories", "labels", "group membership"),
    "last_contact": ("最近拜访", "上次联系", "最后跟进", "最近联系", "上次拜访", "最后联系时间", "last contact",
                     "last contacted", "last visit"),
    "next_follow_up": ("下次跟进", "下次联系", "下次拜访", "跟进日期", "next follow-up", "next follow up",
                       "next contact", "follow-up date", "follow up date"),
    "notes": ("备注", "说明", "备注信息", "notes", "note", "comments", "comment", "remark", "remarks"),
    "im_id": ("微信", "微信号", "wechat", "weixin", "qq", "qq号", "im", "im address"),
    "industry": ("行业", "所属行业", "industry", "sector"),
    "source": ("来源", "客户来源", "渠道", "source", "lead source"),
    "website": ("网站", "网址", "公司网站", "website", "web page", "web site", "homepage", "url"),
}
# Words too short or too common to count when found inside a longer header ("制表：销售部" names no owner column).
EXACT_ONLY = frozenset({"销售", "状态", "阶段", "分类", "标签", "名", "姓", "市", "省", "农历", "是否农历", "农历标记"})
REPEATABLE = frozenset({"phone_more", "email_more"})  # several columns may feed these (Phone 2, Phone 3, ...)
FIELDS = tuple(SYNONYMS)
# What each field is called in the wizard and the CLI (context "ImportWizard"; the wizard translates them).
FIELD_LABELS: dict[str, str] = {
    "id": "keepclient ID", "contact_id": QT_TRANSLATE_NOOP("ImportWizard", "Contact ID"),
    "company": QT_TRANSLATE_NOOP("ImportWizard", "Company"),
    "contact": QT_TRANSLATE_NOOP("ImportWizard", "Contact name"),
    "first_name": QT_TRANSLATE_NOOP("ImportWizard", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("ImportWizard", "Middle name"),
    "last_name": QT_TRANSLATE_NOOP("ImportWizard", "Last name"), "kind": QT_TRANSLATE_NOOP("ImportWizard", "Kind"),
    "title": QT_TRANSLATE_NOOP("ImportWizard", "Job title"), "mobile": QT_TRANSLATE_NOOP("ImportWizard", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone"),
    "phone_more": QT_TRANSLATE_NOOP("ImportWizard", "Other phone"),
    "email": QT_TRANSLATE_NOOP("ImportWizard", "Email"),
    "email_more": QT_TRANSLATE_NOOP("ImportWizard", "Other email"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "Address"), "city": QT_TRANSLATE_NOOP("ImportWizard", "City"),
    "region": QT_TRANSLATE_NOOP("ImportWizard", "Region"),
    "country": QT_TRANSLATE_NOOP("ImportWizard", "Country"),
    "birthday": QT_TRANSLATE_NOOP("ImportWizard", "Birthday"), "tier": QT_TRANSLATE_NOOP("ImportWizard", "Tier"),
    "birthday_lunar": QT_TRANSLATE_NOOP("ImportWizard", "Lunar birthday"),
    "stage": QT_TRANSLATE_NOOP("ImportWizard", "Stage"), "owner": QT_TRANSLATE_NOOP("ImportWizard", "Owner"),
    "tags": QT_TRANSLATE_NOOP("ImportWizard", "Tags"),
    "last_contact": QT_TRANSLATE_NOOP("ImportWizard", "Last contact"),
    "next_follow_up": QT_TRANSLATE_NOOP("ImportWizard", "Next follow-up"),
    "notes": QT_TRANSLATE_NOOP("ImportWizard", "Notes"), "im_id": QT_TRANSLATE_NOOP("ImportWizard", "WeChat / IM"),
    "industry": QT_TRANSLATE_NOOP("ImportWizard", "Industry"), "source": QT_TRANSLATE_NOOP("ImportWizard", "Source"),
    "website": QT_TRANSLATE_NOOP("ImportWizard", "Website"),
    "name": QT_TRANSLATE_NOOP("ImportWizard", "Name"),
}
FOOTER_WORDS = ("合计", "总计", "小计", "total", "totals", "sum", "grand total")
_FOOTER_KEYS = frozenset(normalize_name(word) for word in FOOTER_WORDS)


def header_key(value: Any) -> str:
    return normalize_name(str(value)) if value not in (None, "") else ""


class Vocabulary:
    """Headers -> fields for one kind of list (customers and contacts, or orders: importing/orders.py), so that
    every import detects its header row and maps its columns the same way."""

    def __init__(self, synonyms: dict[str, tuple[str, ...]], exact_only: frozenset[str],
                 repeatable: frozenset[str] = frozenset()) -> None:
        self.keys = {normalize_name(s): f for f, names in synonyms.items() for s in names}
        self.contained = {key: field for key, field in sorted(self.keys.items(), key=lambda item: -len(item[0]))
                          if len(key) >= 2 and not key.isascii() and key not in exact_only}
        self.repeatable = repeatable

    def field_for(self, header: Any) -> str | None:
        """The field a header names, or None: exact synonyms first, then containment, then close spelling."""
        key = header_key(header)
        if not key:
            return None
        if key in self.keys:
            return self.keys[key]
        for synonym, field in self.contained.items():
            if synonym in key:
                return field  # "客户名称（全称）" holds "客户名称"
        close = difflib.get_close_matches(key, list(self.keys), n=1, cutoff=0.86)
        return self.keys[close[0]] if close else None


CONTACTS = Vocabulary(SYNONYMS, EXACT_ONLY, REPEATABLE)
field_for = CONTACTS.field_for


def map_columns(headers: list[Any], vocabulary: Vocabulary = CONTACTS) -> dict[int, str]:
    """Column index -> field; each field at most once (the first column that names it), except the extra phone and
    email columns of Outlook and Google exports, which all feed one list."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    keys = [header_key(h) for h in headers]
    for index, header in enumerate(headers):
        field = vocabulary.field_for(header)
        # Outlook's plain "Title" is Mr./Ms. when a "Job Title" column exists too.
        if keys[index] == "title" and "jobtitle" in keys:
            continue
        if field and (field not in taken or field in vocabulary.repeatable):
            mapping[index] = field
            taken.add(field)
    return mapping


def find_header_row(rows: list[list[Any]], look_at: int = 30, vocabulary: Vocabulary = CONTACTS) -> int:
    """Index of the header row: the row among the first ones naming most known fields (title rows above it hold
    one merged cell, notes or blanks). Without any known header, the first row with several text cells."""
    best, best_score = 0, -1
    for index, row in enumerate(rows[:look_at]):
        filled = [v for v in row if v not in (None, "")]
        if len(filled) < 2:
            continue
        known = sum(1 for v in filled if isinstance(v, str) and vocabulary.field_for(v))
        texts = sum(1 for v in filled if isinstance(v, str))
        score = known * 10 + texts
        if score > best_score:
            best, best_score = index, score
    return best


def is_footer(row: list[Any]) -> bool:
    """Totals rows ("合计", "Total") close a list; they are not data."""
    first = next((v for v in row if v is not None and v != ""), None)
    return isinstance(first, str) and len(first) <= 20 and normalize_name(first) in _FOOTER_KEYS
