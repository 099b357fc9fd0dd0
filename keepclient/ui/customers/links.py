"""Clickable phone numbers, emails and addresses in the detail pane: a call button in the phone box (`tel:`), a mail
button in the email box (`mailto:`), a copy button in the address box, and the contacts' Mobile and Email cells
open the same way on a click. The system's dialer or mail program does the rest (QDesktopServices).

The boxes stay editable: the buttons sit at their right end and show only while there is something to open.
"""

from __future__ import annotations

from collections.abc import Mapping

import phonenumbers
from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from keepclient.domain.validation import DEFAULT_REGION

MOBILE_COLUMN, EMAIL_COLUMN = 2, 3  # the detail pane's contact columns
LINK_COLOR = QColor("#1a5fb4")


def tel_url(number: str, region: str = DEFAULT_REGION) -> QUrl:
    """`tel:` with the number in international form when it can be read ("138 1234 5678" → tel:+8613812345678),
    else its digits as typed."""
    try:
        parsed = phonenumbers.parse(number, region)
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        text = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return QUrl("tel:" + text)


def mailto_url(email: str) -> QUrl:
    return QUrl("mailto:" + email.strip())


def open_url(url: QUrl) -> bool:
    """Hand `url` to the system (tests replace QDesktopServices.openUrl to see it)."""
    return bool(QDesktopServices.openUrl(url))


def glyph_icon(glyph: str, size: int = 16) -> QIcon:
    """A small icon drawn from one character, so it looks the same without an icon theme (Windows, macOS)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont()
    font.setPixelSize(size - 2)
    painter.setFont(font)
    painter.setPen(LINK_COLOR)
    painter.drawText(pixmap.rect().adjusted(0, 0, -size, -size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


class ProfileLinks(QObject):
    """The pane calls `refresh()` after showing a customer; `actions` by field for tests."""

    def __init__(self, widgets: Mapping[str, QWidget], contacts: QTreeWidget) -> None:
        """`widgets`: the profile's by field; its phone, email and address boxes get the buttons."""
        super().__init__(contacts)
        self.boxes: dict[str, QLineEdit] = {}
        for field in ("phone", "email", "address"):
            box = widgets[field]
            assert isinstance(box, QLineEdit)
            self.boxes[field] = box
        self.contacts = contacts
        self.actions: dict[str, QAction] = {}
        for field, glyph, slot in (("phone", "☎", self.call), ("email", "✉", self.mail),
                                   ("address", "⧉", self.copy_address)):
            box = self.boxes[field]
            action = box.addAction(glyph_icon(glyph), QLineEdit.ActionPosition.TrailingPosition)
            action.setObjectName(f"link_{field}")
            action.triggered.connect(slot)
            box.textChanged.connect(lambda _text, f=field: self._show(f))
            self.actions[field] = action
        self._pending: tuple[str, int] | None = None
        self._click_timer = QTimer(self, singleShot=True)
        self._click_timer.timeout.connect(self._open_pending)
        contacts.itemClicked.connect(self._cell_clicked)
        contacts.itemDoubleClicked.connect(lambda *_: self._click_timer.stop())  # a double-click edits the contact
        self.refresh()

    def _text(self, field: str) -> str:
        return self.boxes[field].text().strip()

    def _show(self, field: str) -> None:
        text = self._text(field)
        action = self.actions[field]
        action.setVisible(bool(text))
        action.setToolTip({
            "phone": self.tr("Call %1"), "email": self.tr("Write to %1"), "address": self.tr("Copy the address"),
        }[field].replace("%1", text))

    def refresh(self) -> None:
        """Buttons for the values now shown (loading a customer sets the boxes with their signals blocked), and
        the contacts' numbers and emails drawn as links."""
        for field in self.actions:
            self._show(field)
        font = QFont(self.contacts.font())
        font.setUnderline(True)
        for index in range(self.contacts.topLevelItemCount()):
            item = self.contacts.topLevelItem(index)
            for column, tip in ((MOBILE_COLUMN, self.tr("Click to call")), (EMAIL_COLUMN, self.tr("Click to write"))):
                if item is not None and item.text(column):
                    item.setForeground(column, LINK_COLOR)
                    item.setFont(column, font)
                    item.setToolTip(column, tip)

    def call(self) -> None:
        if self._text("phone"):
            open_url(tel_url(self._text("phone")))

    def mail(self) -> None:
        if self._text("email"):
            open_url(mailto_url(self._text("email")))

    def copy_address(self) -> None:
        if self._text("address"):
            QGuiApplication.clipboard().setText(self._text("address"))

    def _cell_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        """A click on a number or email opens it once it is clear no double-click (edit) follows."""
        if column in (MOBILE_COLUMN, EMAIL_COLUMN) and item.text(column):
            self._pending = (item.text(column), column)  # the text: the pane may refill the list meanwhile
            self._click_timer.start(QApplication.doubleClickInterval())

    def _open_pending(self) -> None:
        if self._pending is None:
            return
        text, column = self._pending
        self._pending = None
        open_url(tel_url(text) if column == MOBILE_COLUMN else mailto_url(text))
