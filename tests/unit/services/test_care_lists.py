"""Care lists on a hand-built team: 中秋 2027 (tiers, owners, last year's gift, contacts and addresses) and the
birthdays of a month with a lunar one on its Gregorian date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keepclient.domain.errors import ValidationError
from tests.unit.services.care_team import build_care_team


@pytest.fixture
def team(tmp_path: Path):
    ws, ids = build_care_team(tmp_path / "care.db")
    yield ws, ids
    ws.close()


def test_mid_autumn_2027_lists_every_customer_by_owner_tier_and_name(team):
    ws, _ids = team
    care = ws.care_lists.care_list("mid_autumn", 2027)
    assert (care.date, care.name_zh, care.name_en, care.month) == (dt.date(2027, 9, 15), "中秋",
                                                                   "Mid-Autumn Festival", None)
    assert [(r.owner, r.tier, r.customer) for r in care.rows] == [
        ("李娜", "A", "安达物流"), ("李娜", "C", "晨光文具"),
        ("张伟", "A", "华信机械"), ("张伟", "B", "博远科技"), ("", "A", "无主商贸")]
    huaxin = care.rows[2]
    assert (huaxin.contact, huaxin.title, huaxin.mobile, huaxin.reach) == ("王经理", "总经理", "138 1234 5678",
                                                                            "138 1234 5678")
    assert huaxin.address == "上海 浦东新区世纪大道100号" and huaxin.date == dt.date(2027, 9, 15)
    assert (huaxin.last_gift, huaxin.last_gift_date, huaxin.this_year) == ("月饼礼盒", dt.date(2026, 9, 20), "")
    anda = care.rows[0]
    assert (anda.contact, anda.phone, anda.last_gift) == ("刘总", "010 8888 0000", "")  # 年货 was for 春节
    nobody = care.rows[4]
    assert (nobody.contact, nobody.phone, nobody.address) == ("", "021 5555 1234", "")  # the customer's phone
    assert [[r.customer for r in rows] for _owner, rows in care.groups()] == [
        ["安达物流", "晨光文具"], ["华信机械", "博远科技"], ["无主商贸"]]


def test_filters_by_tier_and_owner_and_says_what_was_given_this_year(team):
    ws, ids = team
    ws.gifts.add(ids["华信机械"], date=dt.date(2027, 9, 10), occasion="mid_autumn", item="大闸蟹券")
    care = ws.care_lists.care_list("mid_autumn", 2027, tiers=["a"])
    assert [r.customer for r in care.rows] == ["安达物流", "华信机械", "无主商贸"] and care.tiers == ("A",)
    huaxin = care.rows[1]
    assert (huaxin.last_gift, huaxin.this_year) == ("月饼礼盒", "大闸蟹券")
    mine = ws.care_lists.care_list("mid_autumn", 2027, tiers=["A", "B"], owner_ids=[ids["张伟"]])
    assert [r.customer for r in mine.rows] == ["华信机械", "博远科技"]
    assert ws.care_lists.care_list("spring_festival", 2027).rows[0].last_gift == "年货"
    ws.editor.set_deleted([ids["博远科技"]], True)  # a customer in the trash is not listed
    assert "博远科技" not in [r.customer for r in ws.care_lists.care_list("mid_autumn", 2027).rows]


def test_birthdays_of_a_month_with_a_lunar_birthday_on_its_gregorian_day(team):
    ws, ids = team
    september = ws.care_lists.care_list("birthday", 2027, month=9)
    assert september.date is None and september.month == 9 and september.name_zh == "生日"
    assert [(r.owner, r.customer, r.contact, r.date) for r in september.rows] == [
        ("李娜", "安达物流", "刘总", dt.date(2027, 9, 15)),  # 农历八月十五
        ("张伟", "华信机械", "小赵", dt.date(2027, 9, 20))]
    # the same lunar birthday falls on 3 October in 2028 (中秋 2028)
    assert [(r.contact, r.date) for r in ws.care_lists.care_list("birthday", 2028, month=10).rows] == [
        ("刘总", dt.date(2028, 10, 3)), ("陈老师", dt.date(2028, 10, 1))]
    ws.gifts.add(ids["华信机械"], date=dt.date(2026, 9, 20), occasion="birthday", item="蛋糕",
                 contact_id=ids["小赵"])
    again = ws.care_lists.care_list("birthday", 2027, month=9, owner_ids=[ids["张伟"]])
    assert [(r.contact, r.last_gift) for r in again.rows] == [("小赵", "蛋糕")]


def test_wrong_requests_are_refused(team):
    ws, _ids = team
    with pytest.raises(ValidationError):
        ws.care_lists.care_list("开业", 2027)
    with pytest.raises(ValidationError):
        ws.care_lists.care_list("mid_autumn", 1949)
    with pytest.raises(ValidationError):
        ws.care_lists.care_list("birthday", 2027)  # which month?
    with pytest.raises(ValidationError):
        ws.care_lists.care_list("birthday", 2027, month=13)
