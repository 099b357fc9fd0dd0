"""Reading printed PDFs back: page count, page size and each page's text (QtPdf needs a QGuiApplication)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument


@dataclass
class PdfPage:
    text: str  # as extracted, line breaks included
    width: float  # points
    height: float

    @property
    def flat(self) -> str:
        """The text without any whitespace, so words wrapped inside a table cell still match."""
        return "".join(self.text.split())

    def has(self, *needles: str) -> bool:
        return all("".join(needle.split()) in self.flat for needle in needles)


def read_pdf(path: Path) -> list[PdfPage]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_, f"{path} is not a readable PDF"
    pages = []
    for index in range(document.pageCount()):
        size = document.pagePointSize(index)
        pages.append(PdfPage(document.getAllText(index).text(), size.width(), size.height()))
    document.close()
    return pages


def colored_pixels(image: QImage, color: str, tolerance: int = 12) -> int:
    """How many pixels of `image` (halved) are `color`, give or take `tolerance` per channel: a chart's bars."""
    want = QColor(color)
    small = image.scaled(image.width() // 2, image.height() // 2)
    found = 0
    for y in range(small.height()):
        for x in range(small.width()):
            pixel = small.pixelColor(x, y)
            if (abs(pixel.red() - want.red()) <= tolerance and abs(pixel.green() - want.green()) <= tolerance
                    and abs(pixel.blue() - want.blue()) <= tolerance):
                found += 1
    return found


@pytest.fixture
def pdf(qapp):
    """`pdf(path)` -> the pages of a written PDF."""
    return read_pdf
