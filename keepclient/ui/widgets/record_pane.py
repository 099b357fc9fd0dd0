"""The frame of a detail pane: a hint until a record is shown, then its title, Save and Revert, and a scrolling body.

The customer pane and the feedback editor are both this frame around their own fields; the list/detail
controller talks to either through `shown_id`, `is_dirty`, `clear` and `mark_invalid`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # explicit context: a subclass's tr() would look under its own name


class RecordPane(QStackedWidget):
    """Subclasses build their page with `start_page`, `save_revert_row` and `finish_page`, and say whether the
    shown record has unsaved edits (`is_dirty`); Save and Revert are enabled exactly then (`update_buttons`)."""

    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(hint)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)

    @property
    def shown_id(self) -> int | None:
        raise NotImplementedError

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def start_page(self, title_name: str, title_points: int) -> QVBoxLayout:
        """The page's column, headed by a large word-wrapped `self.title` (object name `title_name`)."""
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        self.title = QLabel()
        self.title.setObjectName(title_name)
        self.title.setStyleSheet(f"font-size: {title_points}pt; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        return layout

    def save_revert_row(self) -> QHBoxLayout:
        """A row starting with Save (Ctrl+S) and Revert; the caller adds its own buttons after them."""
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("RecordPane", "Save"))
        self.save_button.setToolTip(translate("RecordPane", "Save changes (Ctrl+S)"))
        self.revert_button = QPushButton(translate("RecordPane", "Revert"))
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        return row

    def finish_page(self, layout: QVBoxLayout, sections: list[QWidget]) -> None:
        """The sections, one under the other in a scroll area that takes the rest of the pane's height."""
        self.finish_page_with(layout, self.scrolling(sections))

    @staticmethod
    def scrolling(sections: list[QWidget]) -> QScrollArea:
        """The sections one under the other in a scroll area (a pane may put it in a tab of its own)."""
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for section in sections:
            body_layout.addWidget(section)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        return scroll

    def finish_page_with(self, layout: QVBoxLayout, body: QWidget) -> None:
        """`body` takes the rest of the pane's height under the title and buttons."""
        layout.addWidget(body, 1)
        self.addWidget(self.page)

    def update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
