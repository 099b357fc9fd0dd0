from keepclient.domain.normalize import normalize_name, phone_digits, pinyin_keys


def test_phone_digits_ignore_formatting_and_full_width():
    assert phone_digits("138-1234-5678") == "13812345678"
    assert phone_digits("+86 (138) 1234 5678") == "8613812345678"
    assert phone_digits("１３８１２３４５６７８") == "13812345678"
    assert phone_digits("021-5555 1234", None, "") == "02155551234"
    assert phone_digits("138 1234 5678", "010-8888") == "13812345678 0108888"


def test_normalize_name_folds_case_accents_width_and_punctuation():
    assert normalize_name("Müller GmbH") == "mullergmbh"
    assert normalize_name("  上海华信（集团）有限公司 ") == normalize_name("上海华信(集团)有限公司")
    assert normalize_name("ＡＢＣ Trading") == "abctrading"
    assert normalize_name(None) == ""


def test_normalize_name_shortcut_for_ascii_and_han_agrees_with_the_full_folding():
    """Names of ASCII and Han skip the decomposition; on text of every script nearby the answer is the same as
    folding every name in full (NFKC, NFKD, combining marks dropped)."""
    import random
    import unicodedata

    from keepclient.domain.normalize import _SEPARATORS

    def folded(name: str) -> str:
        text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
        return _SEPARATORS.sub("", "".join(ch for ch in text if not unicodedata.combining(ch)).casefold())

    rng = random.Random(3)
    pools = ["abcXYZ 09-()", "上海华信集团有限公司张伟", "㐀㐁䶵", "丽郎凉", "ÀéüñçØ", "がぱガパ々〆", "한국어",
             "ＡＢＣ１２３（）", "ﬁ①™㈱", "\u0301\u0308\u302a", "ΆΈΉ", "Ёй", "ไทย", "𠀀𠀁"]
    names = ["".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    names += ["上海华信（集团）有限公司", "Müller (上海)", "がっこう", "株式会社ﾃｽﾄ", "豈更車"]
    for name in names:
        assert normalize_name.__wrapped__(name) == folded(name), name


def test_pinyin_keys_for_chinese_names_only():
    assert pinyin_keys("张伟") == ("zhangwei", "zw")
    assert pinyin_keys("重庆长安贸易") [0].startswith("chongqing")
    assert pinyin_keys("Smith Ltd") == ("", "")
    full, initials = pinyin_keys("ABC上海")
    assert (full, initials) == ("shanghai", "sh")


def test_fast_pinyin_reads_like_pypinyin():
    """The import-speed pinyin loop gives pypinyin's own answer on names of every shape."""
    import random

    from pypinyin import Style, lazy_pinyin

    from keepclient.domain.normalize import _syllables
    from keepclient.services import demo_vocab as vocab

    rng = random.Random(5)
    names = ["重庆长安汽车", "长沙银行", "朝阳区建国路", "上海华信（集团）有限公司", "乐清市", "单县", "ABC上海2号"]
    for _ in range(2000):
        city = rng.choice(vocab.CITIES)
        names.append(f"{city[0]}{rng.choice(vocab.BRANDS)}{rng.choice(vocab.INDUSTRIES)[0]}"
                     f"{rng.choice(vocab.COMPANY_SUFFIXES)}")
        names.append(rng.choice(vocab.SURNAMES) + rng.choice(vocab.GIVEN_CHARS) + rng.choice(vocab.GIVEN_CHARS))
        names.append(f"{city[2]}{city[3]}")
    for name in names:
        expected = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.isalpha()]
        assert _syllables(name) == expected, name


def test_dictionaries_read_entry_by_entry_equal_pypinyins(tmp_path):
    import json

    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    from keepclient.domain.normalize import _dictionaries, _json_entries

    chars, phrases = _dictionaries()
    assert chars == pinyin_dict and phrases == phrases_dict
    sample = {"a": [1, {"b": "c,d"}], "重庆": [["chóng"], ["qìng"]], "e": "}", "": None}
    for text in (json.dumps(sample), json.dumps(sample, indent=2, ensure_ascii=False), "{}", " { } "):
        (tmp_path / "d.json").write_text(text, encoding="utf-8")
        assert _json_entries(tmp_path / "d.json") == json.loads(text)
