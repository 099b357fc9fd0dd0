"""place_from_address: the province and city of a Chinese postal address, for sheets without a city column."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from keepclient.domain._divisions import PROVINCES
from keepclient.domain.places import Place, place_from_address


@pytest.mark.parametrize(
    ("address", "province", "city"),
    [
        ("广东省深圳市南山区科技园南区", "广东省", "深圳市"),
        ("深圳市南山区粤海街道", "广东省", "深圳市"),  # province inferred from the city
        ("上海市浦东新区世纪大道100号", "上海市", "上海市"),  # a municipality is its own province and city
        ("北京朝阳区建国路88号", "北京市", "北京市"),  # no 市 suffix
        ("江苏苏州工业园区星湖街328号", "江苏省", "苏州市"),
        ("浙江省杭州市西湖区文三路", "浙江省", "杭州市"),
        ("内蒙古自治区呼和浩特市赛罕区", "内蒙古自治区", "呼和浩特市"),
        ("新疆乌鲁木齐天山区", "新疆维吾尔自治区", "乌鲁木齐市"),
        ("广西南宁青秀区", "广西壮族自治区", "南宁市"),
        ("香港九龙弥敦道", "香港特别行政区", "香港特别行政区"),
        ("重庆渝中区解放碑", "重庆市", "重庆市"),
        ("台湾台北市信义区", "台湾省", "台北市"),
    ],
)
def test_the_usual_ways_of_writing_an_address(address: str, province: str, city: str) -> None:
    assert place_from_address(address) == Place(province, city)


def test_a_district_alone_names_its_city_only_when_unambiguous() -> None:
    assert place_from_address("海淀区中关村大街1号") == Place("北京市", "北京市")
    assert place_from_address("福田区深南大道6008号") == Place("广东省", "深圳市")
    assert place_from_address("黄浦区南京东路100号") == Place("上海市", "上海市")
    assert place_from_address("南山区科技园") is None  # 深圳市南山区 or 鹤岗市南山区
    assert place_from_address("朝阳区建国路") is None  # 北京 or 长春
    assert place_from_address("北京朝阳区") == Place("北京市", "北京市")  # the province settles it
    assert place_from_address("江苏鼓楼区中山北路") == Place("江苏省", "")  # 南京 or 徐州: the province only


def test_a_county_level_city_names_its_prefecture() -> None:
    assert place_from_address("昆山市周市镇") == Place("江苏省", "苏州市")
    assert place_from_address("浙江义乌佛堂镇") == Place("浙江省", "金华市")
    assert place_from_address("浙江省温州市乐清市柳市镇") == Place("浙江省", "温州市")


def test_cities_governed_by_their_province_and_autonomous_prefectures() -> None:
    assert place_from_address("仙桃市沔阳大道") == Place("湖北省", "仙桃市")
    assert place_from_address("湖北仙桃") == Place("湖北省", "仙桃市")
    assert place_from_address("仙桃沔阳大道") is None  # a county-level short form needs its province first
    assert place_from_address("恩施州恩施市") == Place("湖北省", "恩施土家族苗族自治州")
    assert place_from_address("延边州延吉市") == Place("吉林省", "延边朝鲜族自治州")
    assert place_from_address("青海海南州共和县") == Place("青海省", "海南藏族自治州")
    assert place_from_address("海南海口美兰区") == Place("海南省", "海口市")  # the province, not 海南州


def test_the_longest_name_wins() -> None:
    assert place_from_address("吉林市船营区") == Place("吉林省", "吉林市")
    assert place_from_address("吉林省吉林市") == Place("吉林省", "吉林市")
    assert place_from_address("吉林长春朝阳区") == Place("吉林省", "长春市")
    assert place_from_address("广东中山石岐区") == Place("广东省", "中山市")


def test_street_names_do_not_count() -> None:
    assert place_from_address("南京东路100号") is None
    assert place_from_address("北京路88号") is None
    assert place_from_address("中山路1号") is None
    assert place_from_address("江苏省南京市中山路1号") == Place("江苏省", "南京市")
    assert place_from_address("浙江省杭州市上海路") == Place("浙江省", "杭州市")
    assert place_from_address("深圳市福田区北京路") == Place("广东省", "深圳市")
    assert place_from_address("江苏北京路8号") == Place("江苏省", "")


def test_a_city_that_does_not_fit_the_province_is_left_out() -> None:
    assert place_from_address("广东省苏州市") == Place("广东省", "")
    assert place_from_address("江苏省") == Place("江苏省", "")


def test_what_may_come_before_the_names() -> None:
    assert place_from_address("518057 广东省深圳市南山区") == Place("广东省", "深圳市")
    assert place_from_address("地址：浙江省宁波市鄞州区") == Place("浙江省", "宁波市")
    assert place_from_address("中国广东省广州市天河区") == Place("广东省", "广州市")
    assert place_from_address("中国·广东·深圳") == Place("广东省", "深圳市")
    assert place_from_address("Room 1205, 深圳市南山区") == Place("广东省", "深圳市")
    assert place_from_address("广东 深圳 南山区") == Place("广东省", "深圳市")


def test_a_full_province_name_further_in_counts_when_the_start_names_nothing() -> None:
    assert place_from_address("某某贸易公司（广东省深圳市南山区）") == Place("广东省", "深圳市")
    assert place_from_address("某某贸易公司 深圳南山区") is None


@pytest.mark.parametrize(
    "address", ["", "   ", "Room 5, 88 Queen's Road, Hong Kong", "12345", "！！！", "人民路100号", "中国", "abc"]
)
def test_no_place_named(address: str) -> None:
    assert place_from_address(address) is None


def test_every_city_is_found_by_its_full_name_with_or_without_its_province() -> None:
    cities = Counter(city for _, _, cs in PROVINCES for city, _, _ in cs)
    assert len(cities) > 340 and max(cities.values()) == 1
    for province, _, cs in PROVINCES:
        for city, _, _ in cs:
            assert place_from_address(province + city) == Place(province, city)
            assert place_from_address(city + "某某路1号") == Place(province, city)


def test_every_district_names_its_city_after_the_province() -> None:
    per_province = Counter(
        (province, district.partition("=")[0])
        for province, _, cs in PROVINCES
        for _, _, districts in cs
        for district in districts.split()
    )
    assert len(per_province) > 2700
    for province, _, cs in PROVINCES:
        for city, _, districts in cs:
            for district in districts.split():
                full = district.partition("=")[0]
                expected = Place(province, city if per_province[province, full] == 1 else "")
                if province == city:
                    expected = Place(province, city)
                assert place_from_address(province + full + "某某路1号") == expected, full


def test_importing_the_module_loads_no_data() -> None:
    """The division list is read on the first call, not when the importer's modules are imported at start-up."""
    code = "import sys, keepclient.domain.places; print('keepclient.domain._divisions' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
