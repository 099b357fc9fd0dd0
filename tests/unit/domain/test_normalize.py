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
