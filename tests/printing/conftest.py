"""Reading printed PDFs back: page count, page size and each page's text (QtPdf needs a QGuiApplication)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
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


@pytest.fixture
def pdf(qapp):
    """`pdf(path)` -> the pages of a written PDF."""
    return read_pdf
