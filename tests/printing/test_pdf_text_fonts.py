"""Printed PDFs can be searched and copied from whatever CJK font the computer has: the text layer (what pdftotext
and QtPdf read back) holds the digits and the very characters printed, never a Kangxi radical for 日 or 广.

Qt's PDF writer names each glyph by the lowest code point the font maps to it and cannot name a glyph that shaping
substituted; Noto Sans CJK maps 日 and ⽇ to one glyph and swaps its digits through `locl`. So every document prints
with the font shipped in resources/fonts, and the system's CJK font only draws what that lacks. Each font set runs
in a process of its own, with fontconfig pointed at that set only (Qt reads the font configuration once per process).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QFont, QRawFont, QTextLayout

from keepclient.paths import resource_dir
from keepclient.printing.layout import PRINT_FONT, print_font_families
from tests.printing import pdf_text_worker as docs

ROOT = Path(__file__).resolve().parents[2]
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
RARE = "喆"  # in docs.CUSTOMER; not in GB 2312, so the system's CJK font draws it


@dataclass(frozen=True)
class FontSet:
    package: str  # Debian's package, for the skip reason
    file: str  # a font file of the set; fontconfig is given its folder
    family: str  # the family Qt must then see


FONT_SETS = {
    "wenquanyi": FontSet("fonts-wqy-microhei", "wqy-microhei.ttc", "WenQuanYi Micro Hei"),
    "noto-cjk": FontSet("fonts-noto-cjk", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    "no-cjk-font": FontSet("", "", ""),  # nothing but the shipped font: Chinese still prints
}
OTHER_CJK = ("WenQuanYi Micro Hei", "Noto Sans CJK SC")


def find_font(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if folder.is_dir():
            found = next(folder.rglob(name), None)
            if found is not None:
                return found
    return None


def fonts_conf(tmp_path: Path, folder: Path) -> Path:
    """A fontconfig file that knows `folder` only; the system's caches are read when they hold it (faster)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{folder}</dir>
  <cachedir>{tmp_path / "fontcache"}</cachedir>
  <cachedir>/var/cache/fontconfig</cachedir>
</fontconfig>
""", encoding="utf-8")
    return conf


def flat(text: str) -> str:
    return "".join(text.split())


def strays(text: str) -> list[str]:
    """Characters a faithful text layer never holds here: radicals, compatibility ideographs, control characters, the
    replacement character."""
    return sorted({f"U+{ord(char):04X}" for char in text
                   if 0x2E80 <= ord(char) <= 0x2FDF or 0xF900 <= ord(char) <= 0xFAFF
                   or (ord(char) < 0x20 and char not in "\t\n\r\f") or char == "\ufffd"})


def expected(name: str) -> list[str]:
    """What each document prints from the worker's data, digits and CJK characters alike."""
    both = [docs.CUSTOMER, docs.SECOND]
    if name.startswith(("week", "day")):
        return [*both, docs.CONTACT, docs.PHONE, docs.ADDRESS, docs.PURPOSE, "0731-84560099", "09:30", "14:00",
                "张伟(S01)", "2026"]
    if name.startswith("month"):
        return [*both, "09:30", "14:00", "张伟(S01)", "2026"]
    if name.startswith("feedback"):
        return [*both, "101", "2048", "张伟", "34.0", "5.8"]
    if name.startswith("kpi"):
        return ["张伟", "137", "2026"]
    return [*both, docs.CONTACT, docs.PHONE, docs.ADDRESS, "0731-84560099", "月饼礼盒", "张伟", "2025"]


@pytest.fixture(scope="module", params=sorted(FONT_SETS))
def printed(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], dict[str, dict[str, str]]]:
    """(font set, the families Qt saw, each document's text by reader) after writing every document with fontconfig
    seeing that set only."""
    if not sys.platform.startswith("linux"):
        pytest.skip("fontconfig chooses the fonts on Linux only")
    name = request.param
    font_set = FONT_SETS[name]
    tmp_path = tmp_path_factory.mktemp(name)
    if font_set.file:
        found = find_font(font_set.file)
        if found is None:
            reason = f"{font_set.file} not found: install Debian's {font_set.package}"
            if os.environ.get("CI"):
                pytest.fail(f"{reason}; .ci/run installs it, so CI proves every font set")
            pytest.skip(reason)
        folder = found.parent
    else:
        folder = tmp_path / "no-fonts"
        folder.mkdir()
    out = tmp_path / "pdf"
    out.mkdir()
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf(tmp_path, folder)), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FONTCONFIG_PATH", None)
    done = subprocess.run([sys.executable, "-m", "tests.printing.pdf_text_worker", str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    return name, report["families"], texts(report)


def texts(report: dict) -> dict[str, dict[str, str]]:
    """Each document's text as QtPdf read it in the worker, and as pdftotext reads it where poppler is installed (in
    drawing order, so a table cell's wrapped lines stay together)."""
    pdftotext = shutil.which("pdftotext")
    found = {}
    for name, entry in report["files"].items():
        found[name] = {"qtpdf": entry["qtpdf"]}
        if pdftotext:
            done = subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", entry["path"], "-"], capture_output=True,
                                  timeout=60)
            assert done.returncode == 0, done.stderr
            found[name]["pdftotext"] = done.stdout.decode("utf-8")
    return found


def test_fontconfig_saw_only_the_chosen_font_set(printed) -> None:
    name, families_seen, _texts = printed
    families = set(families_seen)
    assert "Keepclient Print Hei" in families
    family = FONT_SETS[name].family
    if family:
        assert family in families
    assert not families & (set(OTHER_CJK) - {family})


def test_every_document_reads_back_as_printed(printed) -> None:
    name, _families, found = printed
    assert set(found) == {f"{doc}-{language}" for doc in ("week", "day", "month", "feedback", "kpi", "care")
                          for language in ("en", "zh_CN")}
    problems = []
    for document, by_reader in found.items():
        for reader, text in by_reader.items():
            if strays(text):
                problems.append(f"{document} ({reader}): {strays(text)}")
            page = flat(text)
            for needle in expected(document):
                if name == "no-cjk-font":  # nothing can draw 喆: the rest of the name is still there
                    needle = needle.replace(RARE, "")
                    page = page.replace(RARE, "")
                if flat(needle) not in page:
                    problems.append(f"{document} ({reader}): {needle!r} missing")
    assert not problems, "\n".join(problems)


def test_dates_keep_their_digits_and_characters(printed) -> None:
    """The issue's examples: "Monday, December ," without its digits, and 日 read back as the radical U+2F47."""
    _name, _families, found = printed
    long_date = QLocale("en").toString(QDate(2026, 12, 7), QLocale.FormatType.LongFormat)
    for reader, text in found["day-en"].items():
        assert flat(long_date) in flat(text), reader
    for reader, text in found["week-zh_CN"].items():
        assert "12月7日" in flat(text) and "\u2f47" not in text, reader


# ---- the shipped font itself ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def print_font(qapp) -> QRawFont:
    font = QRawFont(str(resource_dir() / "fonts" / PRINT_FONT), 12)
    assert font.isValid()
    return font


def test_every_glyph_is_named_by_its_own_character(print_font: QRawFont) -> None:
    """What Qt's PDF writer relies on: no glyph is reached from two code points (else it names the lowest)."""
    chars = "".join(chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code <= 0xDFFF)
    glyphs = print_font.glyphIndexesForString(chars)
    first: dict[int, str] = {}
    shared = []
    for char, glyph in zip(chars, glyphs, strict=True):
        if glyph == 0:
            continue
        if glyph in first:
            shared.append(f"{first[glyph]}/{char}")
        else:
            first[glyph] = char
    assert not shared
    assert not any(0x2E80 <= ord(char) <= 0x2FDF for char in first.values())  # no radicals at all
    assert len(first) > 8000  # GB 2312's 6,763 hanzi and the symbols


def test_shaping_keeps_the_glyphs_the_characters_map_to(qapp, print_font: QRawFont) -> None:
    """No substitution (as Noto CJK's `locl` does to digits): every glyph drawn is the one its character maps to."""
    text = "Monday, December 7, 2026 09:30–10:30 ¥1,234.50 张伟 日用品 广州 12月7日 ①②"
    font = QFont()
    font.setFamilies(print_font_families())
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert {run.rawFont().familyName() for run in runs} == {"Keepclient Print Hei"}
    shaped = [glyph for run in runs for glyph in run.glyphIndexes()]
    assert shaped == list(print_font.glyphIndexesForString(text))


def test_the_shipped_font_draws_every_character_the_app_prints(print_font: QRawFont) -> None:
    """Every character of the Chinese translation and of the printing code's strings comes from the shipped font."""
    sources = [*(resource_dir() / "translations").glob("*.ts"), *(ROOT / "keepclient" / "printing").glob("*.py")]
    chars = {char for path in sources for char in path.read_text(encoding="utf-8") if ord(char) > 0x20}
    missing = sorted(char for char in chars if not print_font.glyphIndexesForString(char)[0])
    assert not missing


LAZY = """
from PySide6.QtGui import QFontDatabase, QPdfWriter
import keepclient.app
from keepclient.printing import ensure_gui_app
from keepclient.printing import layout
ensure_gui_app()
before = "Keepclient Print Hei" in QFontDatabase.families()
layout.Units(QPdfWriter(__import__("sys").argv[1]))
loaded = layout._print_font_id
layout.Units(QPdfWriter(__import__("sys").argv[1]))
print(before, "Keepclient Print Hei" in QFontDatabase.families(), layout._print_font_id == loaded >= 0)
"""


def test_the_print_font_loads_on_the_first_print_not_at_start(tmp_path: Path) -> None:
    """Start-up stays lean: the 1.3 MB font is read when something is printed, and only once."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LAZY, str(tmp_path / "probe.pdf")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]


def test_the_print_font_comes_first_then_the_systems_cjk_fonts(qapp) -> None:
    families = print_font_families()
    assert families[0] == "Keepclient Print Hei"
    assert {"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"} <= set(families[1:])
