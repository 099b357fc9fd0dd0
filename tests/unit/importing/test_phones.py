"""Reading phone cells as people write them: several numbers, labels, extensions, old and foreign numbers, number
cells; the storage form normalize_phone gives; reading our own output again changes nothing; country columns."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import phonenumbers
import pytest

from keepclient.domain.errors import InvalidPhoneError
from keepclient.domain.validation import normalize_phone
from keepclient.importing import phones
from keepclient.importing.phones import EXT_PREFIX, PhoneNumber, read_phones, region_for_country


def texts(value: object, region: str = "CN") -> list[str]:
    return [number.text for number in read_phones(value, region)[0]]


def only(value: object, region: str = "CN") -> PhoneNumber:
    numbers, leftovers = read_phones(value, region)
    assert len(numbers) == 1 and not leftovers, (value, numbers, leftovers)
    return numbers[0]


def assert_idempotent(number: PhoneNumber, region: str) -> None:
    again = read_phones(number.text, region)
    assert again == ([number], []), (number, region, again)


# -- one number ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text", "mobile"),
    [
        ("13812345678", "138 1234 5678", True),
        ("138-1234-5678", "138 1234 5678", True),
        ("138 1234 5678", "138 1234 5678", True),
        ("+86 138 1234 5678", "138 1234 5678", True),
        ("+86 186 0000 1234", "186 0000 1234", True),
        ("0086 13812345678", "138 1234 5678", True),
        ("(+86)13812345678", "138 1234 5678", True),
        ("１３８１２３４５６７８", "138 1234 5678", True),
        ("021-55550000", "021 5555 0000", False),
        ("(021)5555 0000", "021 5555 0000", False),
        ("（０２１）５５５５－００００", "021 5555 0000", False),
        ("0571-87654321", "0571 8765 4321", False),
        ("0755 8888 9999", "0755 8888 9999", False),
        ("010-66667777", "010 6666 7777", False),
        ("+86 21 5555 0000", "021 5555 0000", False),
        ("0086-21-5555-0000", "021 5555 0000", False),
        ("400-820-8820", "400 820 8820", False),  # a shared-cost service number: no mobile
        ("+1 617-555-0142", "+1 617-555-0142", None),  # the US does not tell mobiles from fixed lines
        ("001 617 555 0142", "+1 617-555-0142", None),
        ("+49 40 1234567", "+49 40 1234567", False),
        ("+49 151 23456789", "+49 1512 3456789", True),
        ("+34 612 34 56 78", "+34 612 34 56 78", True),
        ("+852 5123 4567", "+852 5123 4567", True),
    ],
)
def test_a_number_in_a_chinese_row(value: str, text: str, mobile: bool | None):
    number = only(value)
    assert number == PhoneNumber(text, mobile, True)
    assert number.text == normalize_phone(value, "CN")
    assert_idempotent(number, "CN")


@pytest.mark.parametrize(
    ("value", "region", "text", "mobile"),
    [
        ("030 1234567", "DE", "030 1234567", False),
        ("+49 30 1234567", "DE", "030 1234567", False),
        ("0049 30 1234567", "DE", "030 1234567", False),
        ("0151 23456789", "DE", "01512 3456789", True),
        ("(617) 555-0142", "US", "(617) 555-0142", None),
        ("617.555.0142", "US", "(617) 555-0142", None),
        ("+1 617 555 0142", "US", "(617) 555-0142", None),
        ("+1 416 555 0123", "US", "+1 416-555-0123", None),  # Canada: another region of +1
        ("91 123 45 67", "ES", "911 23 45 67", False),
        ("612 34 56 78", "ES", "612 34 56 78", True),
        ("+34 612345678", "ES", "612 34 56 78", True),
        ("+86 138 1234 5678", "US", "+86 138 1234 5678", True),  # the country code wins over the row's region
        ("020 7946 0958", "GB", "020 7946 0958", False),
    ],
)
def test_a_number_in_a_foreign_row(value: str, region: str, text: str, mobile: bool | None):
    number = only(value, region)
    assert number == PhoneNumber(text, mobile, True)
    assert number.text == normalize_phone(value, region)
    assert_idempotent(number, region)


def test_00_and_a_country_code_is_international_in_every_region():
    """A Chinese user writes 0086 or 001 even in a US row, where phonenumbers only knows 011."""
    assert only("0086 138 1234 5678", "US") == PhoneNumber("+86 138 1234 5678", True, True)
    assert only("001 617 555 0142", "US") == PhoneNumber("(617) 555-0142", None, True)
    assert only("0049 30 1234567", "US") == PhoneNumber("+49 30 1234567", False, True)


def test_a_chinese_number_in_a_german_row_is_kept_as_written():
    assert only("13812345678", "DE") == PhoneNumber("13812345678", None, False)


def test_the_region_of_a_row_comes_from_its_country_column():
    for country, value, text in [
        ("United States", "(617) 555-0142", "(617) 555-0142"),
        ("USA", "617-555-0142", "(617) 555-0142"),
        ("Deutschland", "030 1234567", "030 1234567"),
        ("Germany", "040-1234567", "040 1234567"),
        ("España", "912 345 678", "912 34 56 78"),
        ("Spain", "612345678", "612 34 56 78"),
        ("中国", "021-55550000", "021 5555 0000"),
    ]:
        region = region_for_country(country)
        assert region is not None
        assert texts(value, region) == [text] == [normalize_phone(value, region)]


# -- kept although not valid ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("025-3474155", "025-3474155"),  # Nanjing before 8-digit numbers
        ("0253474155", "0253474155"),
        ("０２５－３４７４１５５", "025-3474155"),  # full-width digits and dash become ASCII
        ("  025   -   3474155 ", "025 - 3474155"),  # whitespace trimmed and collapsed
        ("0111-1234567", "0111-1234567"),  # no such area code
        ("0123-4567890", "0123-4567890"),
        ("(617) 555-0142", "(617) 555-0142"),  # a US number without +1 in a Chinese row
        ("1381234567", "1381234567"),  # a digit short
        ("138123456789", "138123456789"),  # a digit too many
        ("123456789012345", "123456789012345"),  # 15 digits: still kept
    ],
)
def test_a_number_libphonenumber_cannot_validate_is_kept_as_written(value: str, text: str):
    with pytest.raises(InvalidPhoneError):
        normalize_phone(value.strip(), "CN")
    number = only(value)
    assert number == PhoneNumber(text, None, False)
    assert_idempotent(number, "CN")


# -- extensions -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        "021-5555 0000 转 801",
        "021-55550000转801",
        "021-55550000 轉801",
        "021-55550000 分机801",
        "021-55550000分机号：801",
        "021-55550000 内线 801",
        "021-55550000(转801)",
        "021-55550000，分机801",
        "021-55550000 ext. 801",
        "021-55550000 ext 801",
        "021-55550000 EXT:801",
        "021-55550000 x801",
        "021-55550000 X 801",
        "021-55550000#801",
        "021-55550000-801",
        "+86 21 5555 0000 ext. 801",
        "021 5555 0000 ext. 801",
    ],
)
def test_extensions_of_every_style_are_kept_in_one_form(value: str):
    number = only(value)
    assert number == PhoneNumber("021 5555 0000 ext. 801", False, True)
    assert_idempotent(number, "CN")


def test_extensions_of_foreign_mobile_and_unverified_numbers():
    assert only("+1 617-555-0142 ext. 12") == PhoneNumber("+1 617-555-0142 ext. 12", None, True)
    assert only("+1 617 555 0142 x12") == PhoneNumber("+1 617-555-0142 ext. 12", None, True)
    assert only("(617) 555-0142 x12", "US") == PhoneNumber("(617) 555-0142 ext. 12", None, True)
    assert only("0571-87654321-8001") == PhoneNumber("0571 8765 4321 ext. 8001", False, True)
    assert only("13812345678 转 8") == PhoneNumber("138 1234 5678 ext. 8", True, True)
    # an unverified number keeps its extension as written
    for value, text in [("0111-1234567 转 801", "0111-1234567 转 801"), ("025-3474155分机12", "025-3474155 分机12")]:
        number = only(value)
        assert number == PhoneNumber(text, None, False)
        assert_idempotent(number, "CN")


def test_a_dash_group_is_an_extension_only_when_the_whole_is_no_number():
    assert texts("0571-8765-4321") == ["0571 8765 4321"]
    assert texts("138-1234-5678") == ["138 1234 5678"]


# -- several numbers in a cell ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        "13812345678 / 13987654321",
        "13812345678/13987654321",
        "13812345678, 13987654321",
        "13812345678，13987654321",
        "13812345678; 13987654321",
        "13812345678；13987654321",
        "13812345678、13987654321",
        "13812345678 | 13987654321",
        "13812345678\n13987654321",
        "13812345678\r\n13987654321",
        "13812345678 ::: 13987654321",
        "13812345678或13987654321",
        "13812345678 或者 13987654321",
        "13812345678 or 13987654321",
        "13812345678 OR 13987654321",
        "13812345678  13987654321",
        "13812345678\t13987654321",
        "138 1234 5678   139 8765 4321",
        "13812345678 13987654321",  # one space, but 22 digits: two valid numbers
        "13812345678-13987654321",
        "手机:13812345678 手机2:13987654321",
    ],
)
def test_two_numbers_in_a_cell(value: str):
    assert read_phones(value) == (
        [PhoneNumber("138 1234 5678", True, True), PhoneNumber("139 8765 4321", True, True)],
        [],
    )


def test_a_landline_and_a_mobile_in_a_cell():
    landline, mobile = PhoneNumber("0571 8765 4321", False, True), PhoneNumber("135 8765 4321", True, True)
    assert read_phones("0571-87654321 / 13587654321") == ([landline, mobile], [])
    assert read_phones("0571-87654321  13587654321") == ([landline, mobile], [])
    assert read_phones("手机：13587654321 座机：0571-87654321") == ([mobile, landline], [])
    assert read_phones("Tel: 0571 8765 4321, Mobile: +86 135 8765 4321") == ([landline, mobile], [])


def test_google_contacts_separates_values_with_three_colons():
    assert read_phones("+86 186 0000 1234 ::: +86 186 0000 5678") == (
        [PhoneNumber("186 0000 1234", True, True), PhoneNumber("186 0000 5678", True, True)],
        [],
    )
    assert texts("+1 617-555-0142 ::: +49 40 1234567") == ["+1 617-555-0142", "+49 40 1234567"]


def test_single_spaces_and_double_spaces_inside_one_number_do_not_split_it():
    assert texts("+86 186 0000 1234") == ["186 0000 1234"]
    assert texts("021  5555  0000") == ["021 5555 0000"]
    assert texts("0086  138  1234  5678") == ["138 1234 5678"]
    assert texts("+1  617  555  0142") == ["+1 617-555-0142"]
    assert texts("138 1234 5678  转801") == ["138 1234 5678 ext. 801"]


def test_a_bare_local_number_after_a_landline_shares_its_area_code():
    assert texts("0571-87654321/87654322") == ["0571 8765 4321", "0571 8765 4322"]
    assert texts("010-66667777、88889999") == ["010 6666 7777", "010 8888 9999"]
    assert texts("13812345678 / 87654322") == ["138 1234 5678", "87654322"]  # a mobile has no area code


def test_an_extension_in_its_own_part_belongs_to_the_number_before_it():
    assert texts("021-55550000, 分机801") == ["021 5555 0000 ext. 801"]
    assert read_phones("分机801") == ([], ["分机801"])


# -- number cells -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (13812345678.0, "138 1234 5678"),
        (8613812345678.0, "138 1234 5678"),
        (13812345678, "138 1234 5678"),
        (Decimal("13812345678"), "138 1234 5678"),
        ("13812345678.0", "138 1234 5678"),  # a number cell that became text on the way
        (2155550000.0, "021 5555 0000"),  # a Shanghai number whose 0 Excel dropped
    ],
)
def test_numbers_typed_into_number_cells(value: object, text: str):
    assert texts(value) == [text]


def test_empty_cells():
    for value in (None, "", "   ", float("nan"), math.inf, "-", "--", "/"):
        assert read_phones(value) == ([], [])


# -- leftovers --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "numbers", "leftovers"),
    [
        ("n/a", [], ["n/a"]),
        ("N/A", [], ["N/A"]),
        ("无", [], ["无"]),
        ("见备注", [], ["见备注"]),
        ("123", [], ["123"]),
        ("95588", [], ["95588"]),  # a bank's short number: fewer than 7 digits
        ("12345678901234567890", [], ["12345678901234567890"]),
        ("Tel 123", [], ["Tel 123"]),
        ("13812345678 (张总)", ["138 1234 5678"], ["(张总)"]),
        ("张总 13812345678", ["138 1234 5678"], ["张总"]),
        ("13812345678 3楼", ["138 1234 5678"], ["3楼"]),
        ("13812345678 / n/a", ["138 1234 5678"], ["n/a"]),
        ("手机：13812345678", ["138 1234 5678"], []),  # a label says what the number is: no leftover
        ("Mobile: 13812345678 (office)", ["138 1234 5678"], []),
    ],
)
def test_leftovers(value: str, numbers: list[str], leftovers: list[str]):
    found, rest = read_phones(value)
    assert [number.text for number in found] == numbers
    assert rest == leftovers


# -- storage form and idempotence -------------------------------------------------------------------------------------
def _example_numbers() -> list[tuple[str, str]]:
    """(text, region) for every region's example numbers in the ways libphonenumber writes them."""
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE,
             phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST)
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in kinds:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            for style in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                          phonenumbers.PhoneNumberFormat.E164):
                text = phonenumbers.format_number(example, style)
                found += [(text, region), (text, "CN")]
    return found


@pytest.mark.slow
def test_every_regions_example_numbers_match_normalize_phone_and_read_back_the_same():
    for text, region in _example_numbers():
        try:
            expected = normalize_phone(text, region)
        except InvalidPhoneError:
            expected = None
        numbers = read_phones(text, region)[0]
        if expected is not None and sum(char.isdigit() for char in text) >= 7:
            assert [number.text for number in numbers] == [expected], (text, region)
        for number in numbers:
            assert_idempotent(number, region)


def _random_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


_AREAS = ("010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0311", "0371", "0411", "0451",
          "0512", "0531", "0532", "0571", "0574", "0591", "0731", "0755", "0757", "0769", "0871", "0898", "0999")


def _random_body(rng: random.Random) -> tuple[str, str]:
    """A number as people write it, and the region of its row."""
    kind = rng.random()
    if kind < 0.3:  # Chinese mobiles, every prefix
        national = "1" + rng.choice("3456789") + _random_digits(rng, 9)
        body = rng.choice(["", "+86 ", "0086", "86", "+86-", "(+86) "]) + national
    elif kind < 0.6:  # Chinese landlines: real area codes, 7 and 8 digits, unknown codes
        area = rng.choice(_AREAS) if rng.random() < 0.9 else "0" + _random_digits(rng, rng.choice([2, 3]))
        local = rng.choice("23456789") + _random_digits(rng, rng.choice([6, 7]))
        body = rng.choice([f"{area}-{local}", f"({area}){local}", f"{area} {local[:4]} {local[4:]}",
                           f"+86 {area[1:]} {local}", f"0086-{area[1:]}-{local}", f"{area}{local}"])
    elif kind < 0.7:  # another country's number after 00 or +
        code = rng.choice(["1", "7", "33", "44", "49", "81", "92", "852", "886", "971"])
        body = rng.choice(["00", "+", "+ ", "(+", "0"]) + code + rng.choice(["", " ", "-", ") "])
        body += rng.choice("123456789") + _random_digits(rng, rng.randint(5, 11))
    else:  # anything: digits of random length, with a country code or not
        body = rng.choice(["", "", "+1 ", "+49 ", "+34 ", "+44 ", "+852 ", "00", "0", "1"])
        body += _random_digits(rng, rng.randint(5, 13))
    if rng.random() < 0.3:  # a space or dash between two digits
        position = rng.randint(1, len(body) - 1)
        if body[position - 1].isdigit() and body[position].isdigit():
            body = body[:position] + rng.choice([" ", "-"]) + body[position:]
    return body.strip(), rng.choice(["CN", "CN", "CN", "US", "DE", "ES", "GB", "HK"])


@pytest.mark.slow
def test_verified_numbers_are_normalize_phones_text_and_the_rest_kept():
    rng = random.Random(20261206)
    for _ in range(4000):
        body, region = _random_body(rng)
        try:
            expected = normalize_phone(body, region)
        except InvalidPhoneError:
            expected = None
        numbers, leftovers = read_phones(body, region)
        if expected is not None:
            assert [number.text for number in numbers] == [expected], (body, region)
            assert numbers[0].verified
            kind = phonenumbers.number_type(phonenumbers.parse(body, region))
            assert numbers[0].mobile == {0: False, 1: True, 2: None}.get(kind, numbers[0].mobile), (body, region)
        elif not "".join(filter(str.isdigit, body)).startswith("00"):  # international also where 011 dials out
            # an invalid number is never quietly made valid: it is kept as written, or a valid number at its start
            # is read with the rest a leftover or an extension ("0571-87654321-8001")
            silently_fixed = [number for number in numbers if number.verified and EXT_PREFIX not in number.text]
            assert not (silently_fixed and not leftovers and len(numbers) == 1), (body, region, numbers)


def _near_example(rng: random.Random, region: str) -> str:
    """A number near a real one of `region`: an example number with its last digits changed (and sometimes one
    digit more or less), written with or without country code, IDD or national prefix."""
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE,
             phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.VOIP)
    example = phonenumbers.example_number_for_type(region, rng.choice(kinds)) or phonenumbers.example_number(region)
    national = phonenumbers.national_significant_number(example)
    keep = rng.randint(0, len(national))
    national = national[:keep] + _random_digits(rng, max(0, len(national) - keep + rng.choice([0, 0, 0, -1, 1])))
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    code = str(metadata.country_code)
    return rng.choice([f"+{code} {national}", f"00{code}{national}", f"{code}{national}",
                       f"{metadata.national_prefix or ''}{national}", national])


@pytest.mark.slow
def test_the_reading_without_phonenumbers_parse_agrees_with_it_in_every_region():
    """The regions' metadata run directly (phone_metadata.Region) give what parse, is_valid_number, number_type and
    format_number give, for numbers near valid ones of every region read in rows of every region."""
    rng = random.Random(99)
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    for _ in range(3000):
        row, origin = rng.choice(regions), rng.choice(regions)
        body = _near_example(rng, origin)
        if sum(char.isdigit() for char in body) < 2:
            continue
        expected = phones._library.__wrapped__(body, row)  # phonenumbers itself, not cached
        number = phones._number(body, row)
        assert (number if number is not None and number.verified else None) == expected, (body, row)


def test_the_shortcut_for_a_chinese_number_alone_reads_as_the_general_way_does():
    """read_phones takes a shortcut for a cell that is one Chinese number (the common case); a leading space, which
    the reading trims, makes it go the general way instead: both must give the same."""
    rng = random.Random(5)
    for _ in range(4000):
        body = _random_body(rng)[0]
        for value in (body, body.replace(" ", "-"), body.replace("-", "")):
            assert read_phones(value) == read_phones(" " + value), value
        digits = "".join(filter(str.isdigit, body))
        if digits and len(digits) < 16:
            assert read_phones(float(digits)) == read_phones(" " + str(int(digits))), digits


_LABELS = ("", "", "", "手机：", "电话 ", "Tel: ", "Mobile ", "座机:", "张总 ")
_NOTES = ("", "", "", "", " (张总)", " 转801", " ext. 12", " x3", "#22", " 分机 9", "-8001", " 3楼")
_SEPARATORS = (" / ", "/", ", ", "；", "、", "\n", " ::: ", " 或 ", " or ", "  ", "\t")


def _random_cell(rng: random.Random) -> tuple[object, str]:
    """A cell as people fill it: one to three numbers with labels, notes and separators, or a number cell."""
    if rng.random() < 0.1:
        return float("1" + rng.choice("3456789") + _random_digits(rng, 9)), "CN"
    parts = []
    region = "CN"
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        body, region = _random_body(rng)
        parts.append(rng.choice(_LABELS) + body + rng.choice(_NOTES))
    separator = rng.choice(_SEPARATORS)
    cell = separator.join(parts)
    if rng.random() < 0.1:
        cell = cell.translate({ord(digit): ord(digit) - ord("0") + 0xFF10 for digit in "0123456789"})
    return cell, region


def test_reading_what_was_read_changes_nothing():
    """Re-importing our own export must change nothing: every returned number reads back as itself."""
    rng = random.Random(42)
    for _ in range(4000):
        cell, region = _random_cell(rng)
        numbers, leftovers = read_phones(cell, region)
        for number in numbers:
            assert_idempotent(number, region)
            assert number.text == number.text.strip() and "  " not in number.text
        for leftover in leftovers:
            assert leftover and leftover == leftover.strip(), (cell, leftovers)


def test_no_cell_with_digits_is_read_as_nothing():
    rng = random.Random(7)
    for _ in range(2000):
        cell, region = _random_cell(rng)
        numbers, leftovers = read_phones(cell, region)
        assert numbers or leftovers, cell


def test_common_chinese_numbers_do_not_go_through_phonenumbers_parse(monkeypatch: pytest.MonkeyPatch):
    """Speed: phonenumbers.parse costs about 50 µs a number; an import reads 100,000s of cells."""
    calls = []
    real_parse = phonenumbers.parse

    def parse(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(phonenumbers, "parse", parse)
    phones._library.cache_clear()
    rng = random.Random(3)
    cells: list[object] = []
    for _ in range(500):
        mobile = "1" + rng.choice("3589") + _random_digits(rng, 9)
        area = rng.choice(_AREAS)
        local = rng.choice("2345678") + _random_digits(rng, 7 if len(area) == 3 else 6)
        cells += [float(mobile), mobile, f"+86 {mobile}", f"{area}-{local}", f"({area}){local}", f"{area}-{local[:3]}",
                  f"{area}-{local} 转 {rng.randint(1, 999)}", f"{area}-{local} / {mobile}"]
    for cell in cells:
        read_phones(cell)
    assert calls == []


# -- country columns --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "region"),
    [
        ("United States", "US"), ("USA", "US"), ("US", "US"), ("U.S.A.", "US"), ("U.S.", "US"), ("us", "US"),
        ("United States of America", "US"), ("美国", "US"), ("美國", "US"), ("+1", "US"),
        ("Deutschland", "DE"), ("Germany", "DE"), ("德国", "DE"), ("DE", "DE"), ("DEU", "DE"), ("+49", "DE"),
        ("España", "ES"), ("Espana", "ES"), ("Spain", "ES"), ("西班牙", "ES"), ("0034", "ES"),
        ("中国", "CN"), ("中华人民共和国", "CN"), ("中國", "CN"), ("China", "CN"), ("PRC", "CN"), ("P.R. China", "CN"),
        ("People's Republic of China", "CN"), ("CN", "CN"), ("CHN", "CN"), ("+86", "CN"), ("中国大陆", "CN"),
        ("香港", "HK"), ("Hong Kong", "HK"), ("Hongkong", "HK"), ("中国香港", "HK"), ("Hong Kong SAR", "HK"),
        ("澳门", "MO"), ("Macau", "MO"), ("台湾", "TW"), ("臺灣", "TW"), ("Taiwan", "TW"),
        ("UK", "GB"), ("United Kingdom", "GB"), ("England", "GB"), ("Great Britain", "GB"), ("英国", "GB"),
        ("France", "FR"), ("法国", "FR"), ("Japan", "JP"), ("日本", "JP"), ("South Korea", "KR"), ("韩国", "KR"),
        ("Korea", "KR"), ("Russia", "RU"), ("俄罗斯", "RU"), ("Vietnam", "VN"), ("Viet Nam", "VN"), ("越南", "VN"),
        ("Singapore", "SG"), ("新加坡", "SG"), ("Australia", "AU"), ("澳大利亚", "AU"), ("澳洲", "AU"),
        ("Canada", "CA"), ("加拿大", "CA"), ("Italia", "IT"), ("Österreich", "AT"), ("Schweiz", "CH"),
        ("México", "MX"), ("Brasil", "BR"), ("UAE", "AE"), ("阿联酋", "AE"), ("Kosovo", "XK"),
        ("  germany  ", "DE"), ("ＣＨＩＮＡ", "CN"), ("Beijing, China", "CN"), ("China (中国)", "CN"),
        ("中国北京市", "CN"), ("Boston, United States", "US"), ("Hong Kong, China", "HK"),
    ],
)
def test_region_for_country(value: str, region: str):
    assert region_for_country(value) == region


@pytest.mark.parametrize("value", [None, "", "  ", "xyz", "Atlantis", "+999", "+800", 86, 1.0, "中", "in the office"])
def test_region_for_an_unknown_country_is_none(value: object):
    assert region_for_country(value) is None
