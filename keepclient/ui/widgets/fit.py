"""A line of text that may be long (a path, a period, a status) shortened with "…" rather than widening the window.

With `flow_layout.FlowLayout` (rows of buttons and filters that wrap), what keeps a window narrow enough for a
laptop screen (1280×720 and up). The label still asks for its whole width when there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """One line of plain text that shortens itself with "…" to the width it is given; the whole text shows in
    the tooltip while shortened. `text()` is always the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self._mode = mode
        self.setText(text)

    def text(self) -> str:
        """The whole text, not the shortened one on show."""
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def clear(self) -> None:
        self.setText("")

    def setToolTip(self, tip: str) -> None:
        """The caller's own tooltip wins over the whole text."""
        self._tip = tip
        super().setToolTip(tip)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + margins.left() \
            + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("M…") * 3),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, self._mode, width) if width > 0 else self._full
        if shown != super().text():
            super().setText(shown)
        QLabel.setToolTip(self, self._tip or (self._full if shown != self._full else ""))
