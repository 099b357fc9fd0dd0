"""Rebuilds KeepclientPrintHei.ttf, the font every printed document uses, from WenQuanYi Micro Hei (Apache-2.0).

Why a font of our own: Qt's PDF writer builds a PDF's text layer (ToUnicode) by looking each glyph up in the font's
cmap and taking the lowest code point that maps to it, and leaves out glyphs that shaping substituted. With Noto Sans
CJK (the default CJK font of many Linux desktops) that turns 日 into the Kangxi radical U+2F47 and 广 into U+2F34, and
drops every digit (its `locl` feature swaps them for glyphs no code point maps to): the page looks right, but its text
cannot be searched or copied. This subset has no layout features, no radicals and exactly one code point per glyph,
so the text layer is the text, whatever fonts the computer has.

Run it with fontTools (not a dependency of keepclient): `pip install fonttools`, then
`python resources/fonts/build_print_font.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc` (Debian's
fonts-wqy-microhei 0.2.0-beta). It writes KeepclientPrintHei.ttf beside this file.
"""

from __future__ import annotations

import contextlib
import copy
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Keepclient Print Hei"
POSTSCRIPT = "KeepclientPrintHei-Regular"
OUTPUT = Path(__file__).with_name("KeepclientPrintHei.ttf")

# Latin (names like Müller, pinyin with tones), Greek, Cyrillic, punctuation, currency, arrows, maths, circled
# numbers, box drawing, shapes, symbols and dingbats (✓ ✕), CJK punctuation, kana, enclosed CJK and units (㎡ ㎏),
# vertical and full-width forms.
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1E00, 0x1EFF), (0x2000, 0x206F),
          (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
          (0x2500, 0x25FF), (0x2600, 0x27BF), (0x3000, 0x30FF), (0x3200, 0x33FF), (0xFE10, 0xFE1F),
          (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
# Never mapped: a glyph shared with a control character or a radical would come back as that in the text layer.
EXCLUDED = [(0x00, 0x1F), (0x7F, 0x9F), (0x2E80, 0x2FDF)]
# Component characters that Noto Sans CJK draws with a radical's glyph: printed from this font, they cannot fall
# back to one that reads them back as radicals.
COMPONENTS = "乚乛亀壿尣幐彑斉旡曶槩歺爫竜糹罓耂镸飠"


def gb2312() -> set[int]:
    """Every character of GB 2312: the 6,763 hanzi of everyday simplified Chinese and its symbols."""
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # a gap in the table
                found.add(ord(bytes([high, low]).decode("gb2312")))
    return found


def wanted() -> set[int]:
    codes = gb2312() | {ord(char) for char in COMPONENTS}
    codes |= {ord(unicodedata.normalize("NFKC", chr(radical))) for radical in range(0x2F00, 0x2FD6)}
    for first, last in RANGES:
        codes.update(range(first, last + 1))
    for first, last in EXCLUDED:
        codes.difference_update(range(first, last + 1))
    return codes


def add_narrow_space(font: TTFont) -> None:
    """Qt writes English times as "5:45\u202fPM" (CLDR's narrow no-break space), which WenQuanYi lacks: without it
    every English footer would take that one blank from another font. A copy of the thin space, its own glyph."""
    cmap = font.getBestCmap()
    if 0x202F in cmap:
        return
    thin = cmap.get(0x2009, cmap[0x20])
    font["glyf"].glyphs["uni202F"] = copy.deepcopy(font["glyf"][thin])
    font["hmtx"].metrics["uni202F"] = font["hmtx"].metrics[thin]
    font.setGlyphOrder([*font.getGlyphOrder(), "uni202F"])
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x202F] = "uni202F"


def shared_glyphs(font: TTFont) -> list[str]:
    """Glyphs reached from more than one code point: Qt's PDF writer would name each by the lowest of them."""
    by_glyph: dict[str, list[int]] = {}
    for code, name in font.getBestCmap().items():
        by_glyph.setdefault(name, []).append(code)
    return [" ".join(f"U+{code:04X}" for code in codes) for codes in by_glyph.values() if len(codes) > 1]


def rename(font: TTFont) -> None:
    """A modified font gets a name of its own (and says what changed), so it never passes for the original."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18):
            names.removeNames(nameID=record.nameID)
    for name_id, text in ((1, FAMILY), (2, "Regular"), (3, f"{POSTSCRIPT};keepclient"), (4, FAMILY),
                          (6, POSTSCRIPT),
                          (10, "A subset of WenQuanYi Micro Hei 0.2.0-beta made for keepclient's printed documents: "
                               "GB 2312 and common symbols, no layout features, one code point per glyph.")):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)


def build(source: Path) -> None:
    font = TTFont(str(source), fontNumber=0, recalcTimestamp=False)  # the same source gives the same file
    codes = wanted() & set(font.getBestCmap())
    options = subset.Options()
    options.layout_features = []  # no substitution: every glyph drawn is one the cmap names
    options.hinting = False  # Qt's PDF writer redraws outlines; hints only add size
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 10, 13, 14]
    options.drop_tables += ["FFTM", "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "gasp"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    add_narrow_space(font)
    shared = shared_glyphs(font)
    if shared:
        raise SystemExit(f"glyphs shared by several characters, the text layer would name one for all: {shared}")
    rename(font)
    font["post"].formatType = 3.0  # no glyph names: nothing reads them
    font.save(str(OUTPUT))
    print(f"{OUTPUT.name}: {len(codes)} characters, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
