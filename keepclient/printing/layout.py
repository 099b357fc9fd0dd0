"""Page layout for printed schedules: text wrapped once, tables paginated with their header row on every page.

Everything is measured in the paint device's own units, so a 1200 dpi PDF and a screen-resolution preview printer
lay out alike. The whole document is laid out before anything is painted: the page count is known for
"Page n of N", and painting only draws what was measured (no page is laid out twice).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from keepclient.paths import resource_dir

log = logging.getLogger(__name__)

# Every printed document uses the font shipped in resources/fonts (GB 2312, symbols, Latin): Qt's PDF writer reads a
# glyph back as the lowest code point the font maps to it, and Noto Sans CJK, the CJK font of many Linux desktops,
# maps 日 and the radical U+2F47 to one glyph and shapes digits into glyphs no code point maps to, so a PDF printed with
# it could not be searched. Characters the shipped font lacks (rare hanzi) come from the system's CJK fonts below.
PRINT_FONT = "KeepclientPrintHei.ttf"
FALLBACK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                     "WenQuanYi Micro Hei", "Noto Sans SC", "Sans Serif"]
INK = QColor("#000000")
MUTED = QColor("#777777")
GRID = QColor("#9a9a9a")
RULE = QColor("#c4c4c4")
HEADER_FILL = QColor("#e6e6e6")
LINE_SEPARATOR = "\u2028"  # QTextLayout breaks the line here; "\n" would print as a space
_WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
_ELIDE = Qt.TextElideMode.ElideRight


_print_font_id = -1  # QFontDatabase's id of the shipped print font once it is loaded


def print_font_families() -> list[str]:
    """The families every printed document asks for: the shipped print font first, then the system's CJK fonts.

    The font is registered on the first print rather than at start-up (1.3 MB read only when needed); a QGuiApplication
    must be running. Without the file (a broken install) printing still works with the system's fonts.
    """
    global _print_font_id
    families = QFontDatabase.applicationFontFamilies(_print_font_id) if _print_font_id >= 0 else []
    if not families:
        _print_font_id = QFontDatabase.addApplicationFont(str(resource_dir() / "fonts" / PRINT_FONT))
        families = QFontDatabase.applicationFontFamilies(_print_font_id) if _print_font_id >= 0 else []
        if not families:
            log.warning("The print font %s could not be loaded: printing with the system's fonts", PRINT_FONT)
    return [*families, *FALLBACK_FAMILIES]


class Units:
    """Points to device units, and fonts cached by their style."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.scale = device.logicalDpiY() / 72.0
        self._fonts: dict[tuple[float, bool, bool, bool], QFont] = {}
        self._families = print_font_families()
        self._styles: dict[tuple[float, bool, bool, bool, int], Style] = {}
        self._left = QTextOption(Qt.AlignmentFlag.AlignLeft)
        self._left.setWrapMode(_WRAP)

    def pt(self, points: float) -> float:
        return points * self.scale

    def font(self, size: float, *, bold: bool = False, italic: bool = False, strike: bool = False) -> QFont:
        key = (size, bold, italic, strike)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies(self._families)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setItalic(italic)
            font.setStrikeOut(strike)
            font.setKerning(False)  # steadier glyph runs in PDF text extraction; invisible at these sizes
            # A fallback font's localized forms (Noto CJK's digits) are glyphs the PDF's text layer cannot name.
            font.setFeature(QFont.Tag("locl"), 0)
            self._fonts[key] = font
        return font

    @cached_property
    def real_bold(self) -> bool:
        """Whether the font has a bold face; Qt fakes a missing one by drawing every glyph twice (twice the PDF)."""
        family = QFontInfo(self.font(8)).family()
        return any(QFontDatabase.weight(family, style) >= QFont.Weight.DemiBold.value
                   for style in QFontDatabase.styles(family))

    def style(self, size: float, *, bold: bool = False, italic: bool = False, strike: bool = False,
              color: QColor = INK) -> Style:
        key = (size, bold, italic, strike, id(color))
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = Style(self, self.font(size, bold=bold, italic=italic, strike=strike), color)
        return style

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def option(self) -> QTextOption:
        """Left-aligned, wrapping between words, or anywhere in a word too long for the line."""
        return self._left


def _utf16_prefix(text: str, units16: int) -> str:
    """The first `units16` UTF-16 code units of `text` (QTextLayout counts those, Python counts code points)."""
    return text.encode("utf-16-le")[: units16 * 2].decode("utf-16-le", errors="ignore")


def _tidy(text: str) -> str:
    """Runs of spaces become one, line breaks stay line breaks (most text needs no change: checked cheaply)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return LINE_SEPARATOR.join(" ".join(line.split()) for line in text.strip().splitlines())


class Para:
    """A paragraph fitted to a width, ready to draw; at most `max_lines` lines, the last one elided.

    Text that fits on one line (most of a schedule) is only measured and later drawn as it is, which costs about
    half of a full text layout; longer text is wrapped once with QTextLayout.
    """

    __slots__ = ("baseline", "color", "font", "height", "layout", "text")

    def __init__(self, style: Style, text: str, width: float, max_lines: int = 0) -> None:
        self.color = style.color
        self.font = style.font
        self.layout: QTextLayout | None = None
        text = _tidy(text)
        if LINE_SEPARATOR not in text and (len(text) * style.widest <= width  # surely fits: skip measuring
                                           or style.metrics.horizontalAdvance(text) <= width):
            self.text = text
            self.baseline = style.ascent
            self.height = style.line_height
            return
        self.text = ""
        self.baseline = 0.0
        self.layout, starts, self.height = self._lay(style, text, width, max_lines)
        if max_lines and len(starts) > max_lines:
            head = _utf16_prefix(text, starts[max_lines - 1])
            rest = text[len(head):].replace(LINE_SEPARATOR, " ")
            tail = style.metrics.elidedText(rest, _ELIDE, width)
            self.layout, starts, self.height = self._lay(style, head + tail, width, max_lines)

    def keep(self, style: Style, width: float) -> None:
        """Lay out a one-line text that is printed again and again (times, kinds, common purposes): drawing a kept
        layout is cheaper than drawing the text afresh each time."""
        if self.layout is None:
            self.layout, _starts, _height = self._lay(style, self.text, width, 1)

    @staticmethod
    def _lay(style: Style, text: str, width: float, max_lines: int) -> tuple[QTextLayout, list[int], float]:
        layout = QTextLayout(text, style.font, style.device)
        layout.setTextOption(style.option)
        layout.setCacheEnabled(True)
        starts: list[int] = []
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
            starts.append(line.textStart())
            if max_lines and len(starts) > max_lines:
                break  # one line past the limit is enough to know it must be elided
        layout.endLayout()
        return layout, starts, y


class Style:
    """A font and a colour; its paragraphs are kept by text and width, so repeated text is measured once."""

    __slots__ = ("ascent", "color", "device", "font", "line_height", "metrics", "option", "paras", "widest")

    def __init__(self, units: Units, font: QFont, color: QColor) -> None:
        self.device = units.device  # not the Units: a cycle would keep every paragraph until the collector runs
        self.option = units.option()
        self.font = font
        self.color = color
        self.metrics = units.metrics(font)
        self.ascent = self.metrics.ascent()
        self.line_height = self.metrics.ascent() + self.metrics.descent()  # what QTextLine.height() gives
        self.widest = self.metrics.maxWidth()  # the widest glyph of the font
        self.paras: dict[tuple[str, float, int], Para] = {}

    def para(self, text: str, width: float, max_lines: int = 0) -> Para:
        key = (text, width, max_lines)
        para = self.paras.get(key)
        if para is None:
            para = self.paras[key] = Para(self, text, width, max_lines)
        elif para.layout is None:
            para.keep(self, width)
        return para


class Canvas:
    """A QPainter that changes pen and font only when they differ (each change is written into the PDF)."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        self.color: QColor | None = None
        self.font: QFont | None = None

    def changed(self) -> None:
        """The painter's pen or font was set elsewhere."""
        self.color = None
        self.font = None


class Block:
    """Paragraphs stacked inside a cell: one visit card, one line of a month cell, a time label."""

    __slots__ = ("bar", "bar_width", "fill", "gap", "height", "pad", "paras")

    def __init__(self, paras: list[Para], pad: float = 0.0, fill: QColor | None = None, bar: QColor | None = None,
                 bar_width: float = 0.0, gap: float = 0.0) -> None:
        self.paras = paras
        self.pad = pad
        self.fill = fill
        self.bar = bar  # a coloured strip on the left edge
        self.bar_width = bar_width
        self.gap = gap  # space above the block when it follows another one
        height = 2 * pad
        for para in paras:
            height += para.height
        self.height = height

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        painter = canvas.painter
        if self.fill is not None:
            painter.fillRect(QRectF(x, y, width, self.height), self.fill)
        left = x + self.pad
        if self.bar is not None:
            painter.fillRect(QRectF(x, y, self.bar_width, self.height), self.bar)
            left += self.bar_width
        top = y + self.pad
        for para in self.paras:  # runs for every line of every visit: kept tight
            if para.color is not canvas.color:
                painter.setPen(para.color)
                canvas.color = para.color
            if para.layout is not None:
                para.layout.draw(painter, QPointF(left, top))
            else:
                if para.font is not canvas.font:
                    painter.setFont(para.font)
                    canvas.font = para.font
                painter.drawText(QPointF(left, top + para.baseline), para.text)
            top += para.height


@dataclass
class Cell:
    """One cell of a row: an optional head repeated when the row is split over two pages, then blocks."""

    blocks: list[Block] = field(default_factory=list)
    head: Block | None = None
    fill: QColor | None = None
    ruled: float = 0.0  # distance between ruled lines for handwriting; 0 = none

    def content_height(self) -> float:
        total = self.head.height if self.head else 0.0
        for index, block in enumerate(self.blocks):
            total += block.height + (block.gap if index or self.head else 0.0)
        return total


@dataclass
class Row:
    """A table row; its height is its tallest cell (plus padding), at least `min_height`."""

    cells: list[Cell]
    pad: float
    min_height: float = 0.0
    fill: QColor | None = None
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = max(self.min_height, max((c.content_height() for c in self.cells), default=0.0) + 2 * self.pad)

    def split(self, room: float) -> tuple[Row | None, Row]:
        """The part that fits in `room` and the rest, cutting between blocks; (None, self) when nothing fits."""
        heads: list[Cell] = []
        tails: list[Cell] = []
        moved = False
        for cell in self.cells:
            used = 2 * self.pad + (cell.head.height if cell.head else 0.0)
            taken = 0
            for index, block in enumerate(cell.blocks):
                step = block.height + (block.gap if index or cell.head else 0.0)
                if used + step > room:
                    break
                used += step
                taken += 1
            moved = moved or taken > 0
            heads.append(Cell(cell.blocks[:taken], cell.head, cell.fill, cell.ruled))
            tails.append(Cell(cell.blocks[taken:], cell.head, cell.fill, cell.ruled))
        if not moved or all(not cell.blocks for cell in tails):
            return None, self
        head_row = Row(heads, self.pad, 0.0, self.fill)
        head_row.height = room  # the cut part fills the page, so its grid lines reach the footer
        return head_row, Row(tails, self.pad, 0.0, self.fill)


@dataclass
class Section:
    """One salesperson's part of a document: a title, a table, and optional ruled space after it."""

    title: str
    subtitle: str
    columns: list[float]  # widths in device units
    header: Row | None
    rows: list[Row]
    note_area: bool = False  # fill what is left of the last page with ruled lines
    message: str = ""  # printed instead of the table when there are no rows
    stretch: bool = False  # rows share the free space when the section fits on one page (a month grid)


@dataclass
class Page:
    section: Section
    rows: list[Row]
    number: int  # within the section
    count: int = 0  # pages of the section
    note_top: float | None = None  # where ruled lines start, when the page ends with note space


def column_widths(total: float, fixed: Sequence[float | None], weights: Sequence[float]) -> list[float]:
    """Widths that fill `total`: fixed ones as given (None = flexible), flexible ones shared by `weights`."""
    free = total - sum(w for w in fixed if w is not None)
    flexible = [weight for width, weight in zip(fixed, weights, strict=True) if width is None]
    share = free / (sum(flexible) or 1.0)
    return [width if width is not None else weight * share for width, weight in zip(fixed, weights, strict=True)]


class Document:
    """Sections laid out into pages on one paged device, then painted with a header and footer on each page."""

    def __init__(self, units: Units, *, kind_title: str, printed: str, notes_label: str,
                 page_text: Callable[[int, int], str], sheet_text: Callable[[int, int], str]) -> None:
        self.units = units
        self.notes_label = notes_label
        self.kind_title = kind_title
        self.printed = printed
        self.page_text = page_text
        self.sheet_text = sheet_text
        device = units.device
        self.width = float(device.width())
        self.height = float(device.height())
        self.title_font = units.font(13, bold=True)
        self.subtitle_font = units.font(9)
        self.footer_font = units.font(7)
        self.message_font = units.font(10, italic=True)
        self.header_height = (units.metrics(self.title_font).height() + units.metrics(self.subtitle_font).height()
                              + units.pt(8))
        self.footer_height = units.metrics(self.footer_font).height() + units.pt(6)
        self.pages: list[Page] = []

    @property
    def body_top(self) -> float:
        return self.header_height

    @property
    def body_height(self) -> float:
        return self.height - self.header_height - self.footer_height

    def add(self, section: Section) -> None:
        """Paginate one section: new page for it, header row repeated, rows split between blocks if need be."""
        header_height = section.header.height if section.header else 0.0
        room = self.body_height - header_height
        page = Page(section, [], 1)
        pages = [page]
        used = 0.0
        for row in section.rows:
            pending: Row | None = row
            while pending is not None:
                if used + pending.height <= room:
                    page.rows.append(pending)
                    used += pending.height
                    pending = None
                    continue
                head, rest = pending.split(room - used)
                if head is None and not page.rows:
                    page.rows.append(pending)  # taller than a whole page and not splittable: clip it
                    used = room
                    pending = None
                    continue
                if head is not None:
                    page.rows.append(head)
                page = Page(section, [], len(pages) + 1)
                pages.append(page)
                used = 0.0
                pending = rest
        if section.stretch and len(pages) == 1 and section.rows:
            extra = (room - used) / len(section.rows)
            for row in section.rows:
                row.height += extra
            used = room
        gap = self.units.pt(14)
        top = header_height + used if section.rows else self.units.pt(24)  # below the table, or the message
        if section.note_area and room - used - gap >= self.units.pt(48):  # never a page of nothing but lines
            page.note_top = top + gap
        for each in pages:
            each.count = len(pages)
        self.pages.extend(pages)

    # ---- painting -------------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, new_page: Callable[[], bool]) -> int:
        """Paint every page (calling `new_page` between them); returns the number of pages."""
        canvas = Canvas(painter)
        total = len(self.pages)
        for index, page in enumerate(self.pages):
            if index and not new_page():
                raise OSError("the printer refused a new page")
            self._paint_frame(painter, page, index + 1, total)
            canvas.changed()
            self._paint_table(canvas, page)
        return total

    def _paint_frame(self, painter: QPainter, page: Page, sheet: int, sheets: int) -> None:
        units = self.units
        section = page.section
        width = self.width
        title_height = units.metrics(self.title_font).height()
        painter.setFont(self.title_font)
        painter.setPen(INK)
        painter.drawText(QRectF(0, 0, width * 0.62, title_height), Qt.AlignmentFlag.AlignLeft, section.title)
        painter.drawText(QRectF(width * 0.38, 0, width * 0.62, title_height), Qt.AlignmentFlag.AlignRight,
                         self.kind_title)
        painter.setFont(self.subtitle_font)
        sub_height = units.metrics(self.subtitle_font).height()
        painter.drawText(QRectF(0, title_height, width, sub_height), Qt.AlignmentFlag.AlignLeft, section.subtitle)
        rule_y = title_height + sub_height + units.pt(3)
        painter.setPen(QPen(INK, units.pt(0.8)))
        painter.drawLine(QLineF(0, rule_y, width, rule_y))

        footer_top = self.height - self.footer_height + units.pt(4)
        painter.setPen(QPen(GRID, units.pt(0.5)))
        painter.drawLine(QLineF(0, footer_top - units.pt(2), width, footer_top - units.pt(2)))
        painter.setFont(self.footer_font)
        painter.setPen(MUTED)
        line = QRectF(0, footer_top, width, self.footer_height)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft, self.printed)
        painter.drawText(line, Qt.AlignmentFlag.AlignHCenter, f"{section.title} · {self.kind_title}")
        painter.setPen(INK)
        numbers = f"{self.page_text(page.number, page.count)}  ({self.sheet_text(sheet, sheets)})"
        painter.drawText(line, Qt.AlignmentFlag.AlignRight, numbers)

    def _paint_table(self, canvas: Canvas, page: Page) -> None:
        """Cells first, then the grid in one go: all rows share the columns, so each line is drawn once."""
        painter = canvas.painter
        section = page.section
        top = y = self.body_top
        edges = [y]
        if section.header is not None and (page.rows or not section.message):
            y = self._paint_row(canvas, section.header, section.columns, y, header=True)
            edges.append(y)
        if not section.rows and section.message and page.number == 1:
            painter.setFont(self.message_font)
            painter.setPen(MUTED)
            canvas.changed()
            painter.drawText(QRectF(0, y + self.units.pt(4), self.width, self.units.pt(20)),
                             Qt.AlignmentFlag.AlignLeft, section.message)
        for row in page.rows:
            y = self._paint_row(canvas, row, section.columns, y)
            edges.append(y)
        if len(edges) > 1:
            right = sum(section.columns)
            lines = [QLineF(0, edge, right, edge) for edge in edges]
            x = 0.0
            for width in [0.0, *section.columns]:
                x += width
                lines.append(QLineF(x, top, x, y))
            painter.setPen(QPen(GRID, self.units.pt(0.5)))
            painter.drawLines(lines)
            canvas.changed()
        if page.note_top is not None:
            self._paint_notes(canvas, self.body_top + page.note_top)

    def _paint_row(self, canvas: Canvas, row: Row, columns: list[float], y: float, *, header: bool = False) -> float:
        painter = canvas.painter
        units = self.units
        x = 0.0
        if header or row.fill is not None:
            painter.fillRect(QRectF(0, y, sum(columns), row.height), HEADER_FILL if header else row.fill)
        for cell, width in zip(row.cells, columns, strict=True):
            if cell.fill is not None:
                painter.fillRect(QRectF(x, y, width, row.height), cell.fill)
            if cell.ruled:
                lines = []
                line_y = y + cell.ruled
                while line_y < y + row.height - units.pt(2):
                    lines.append(QLineF(x + units.pt(3), line_y, x + width - units.pt(3), line_y))
                    line_y += cell.ruled
                painter.setPen(QPen(RULE, units.pt(0.4)))
                painter.drawLines(lines)
                canvas.changed()
            top = y + row.pad
            left = x + row.pad
            inner = width - 2 * row.pad
            if cell.head is not None:
                cell.head.draw(canvas, left, top, inner)
                top += cell.head.height
            for index, block in enumerate(cell.blocks):
                if index or cell.head is not None:
                    top += block.gap
                block.draw(canvas, left, top, inner)
                top += block.height
            x += width
        return y + row.height

    def _paint_notes(self, canvas: Canvas, top: float) -> None:
        painter = canvas.painter
        units = self.units
        bottom = self.body_top + self.body_height - units.pt(4)
        painter.setFont(units.font(9, bold=True))
        painter.setPen(INK)
        label_height = units.metrics(units.font(9, bold=True)).height()
        painter.drawText(QRectF(0, top, self.width, label_height), Qt.AlignmentFlag.AlignLeft, self.notes_label)
        lines = []
        y = top + label_height + units.pt(18)
        while y <= bottom:
            lines.append(QLineF(0, y, self.width, y))
            y += units.pt(18)
        painter.setPen(QPen(RULE, units.pt(0.5)))
        painter.drawLines(lines)
        canvas.changed()
