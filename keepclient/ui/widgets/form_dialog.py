"""Small data-entry dialogs built from a list of fields, so every quick action looks and behaves alike, and the
pieces every other dialog is finished with (the error line, OK/Cancel or Close, extra buttons).

OK emits `submitted(values)` and leaves the dialog open: the caller saves, closes it on success, or marks the
offending field and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keepclient.ui.widgets import field_values
from keepclient.ui.widgets.date_field import OptionalDateEdit
from keepclient.ui.widgets.style import ERROR_STYLE


def message_label(name: str = "") -> QLabel:
    """The wrapped line, in the error colour, saying what keeps a dialog or page from going on."""
    message = QLabel()
    if name:
        message.setObjectName(name)
    message.setStyleSheet(ERROR_STYLE)
    message.setWordWrap(True)
    return message


def dialog_buttons(dialog: QDialog, accept: Callable[[], None] | None = None, *, ok_text: str = "") -> QDialogButtonBox:
    """OK (to `accept`, renamed `ok_text` when given) and Cancel; without `accept` a lone Close. Cancel, Close
    and Escape reject the dialog."""
    if accept is None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    else:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(accept)
        if ok_text:
            ok_button(buttons).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_button(buttons: QDialogButtonBox) -> QPushButton:
    """The OK button of a box from `dialog_buttons` (to rename, enable or disable it)."""
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def add_button(buttons: QDialogButtonBox, button: QPushButton | str, clicked: Callable[[], Any] | None = None, *,
               reset: bool = False) -> QPushButton:
    """One more button in the box: an action of the dialog, or (`reset`) one that puts the defaults back."""
    role = QDialogButtonBox.ButtonRole.ResetRole if reset else QDialogButtonBox.ButtonRole.ActionRole
    if isinstance(button, str):
        button = buttons.addButton(button, role)
    else:
        buttons.addButton(button, role)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def finish_form(dialog: QDialog, form: QFormLayout, submit: Callable[[], None] | QDialogButtonBox, name: str = "",
                *, intro: QWidget | None = None, extra: Sequence[QWidget] = ()) -> QLabel:
    """Lay out a form dialog the one way they all look: an optional `intro`, the form, `extra` widgets, a red
    line for what keeps it open, and the buttons. `submit` is OK's slot (OK/Cancel are made here; it closes the
    dialog only when the values are good), or a box from `dialog_buttons` for a renamed OK or more buttons.
    Returns the message line."""
    message = message_label(name)
    buttons = submit if isinstance(submit, QDialogButtonBox) else dialog_buttons(dialog, submit)
    layout = QVBoxLayout(dialog)
    if intro is not None:
        layout.addWidget(intro)
    layout.addLayout(form)
    for widget in extra:
        layout.addWidget(widget)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return message


class Field(NamedTuple):
    key: str
    caption: str
    kind: str  # text, multiline, choice, datetime, date, int, birthday
    choices: tuple[tuple[str, Any], ...] = ()
    default: Any = None
    minimum: int = 0
    maximum: int = 0


class BirthdayEdit(QWidget):
    """Month and day, and a year that may stay unknown ("--03-14"); "Lunar" makes them a lunar month and day (the
    value's fourth item: contact.birthday_lunar, 0, 1, or 2 for a leap month, which is kept while checked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month, self.day = QSpinBox(), QSpinBox(), QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("year unknown"))
        self.month.setRange(0, 12)
        self.month.setSpecialValueText("–")
        self.day.setRange(0, 31)
        self.day.setSpecialValueText("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, suffix in ((self.year, self.tr("year")), (self.month, self.tr("month")),
                               (self.day, self.tr("day"))):
            layout.addWidget(widget)
            layout.addWidget(QLabel(suffix))
        self.lunar = QCheckBox(self.tr("Lunar"))
        self.lunar.setObjectName("birthday_lunar")
        self.lunar.setToolTip(self.tr("A birthday of the Chinese lunar calendar (农历): the month and day are lunar, "
                                      "and it is shown on its Gregorian date each year"))
        layout.addWidget(self.lunar)
        self._lunar_kind = 1

    def value(self) -> tuple[int | None, int | None, int | None, int]:
        lunar = self._lunar_kind if self.lunar.isChecked() else 0
        return self.year.value() or None, self.month.value() or None, self.day.value() or None, lunar

    def set_value(self, value: tuple[int | None, ...] | None) -> None:
        year, month, day, *rest = value or (None, None, None)
        lunar = int(rest[0] or 0) if rest else 0
        self.year.setValue(year or 0)
        self.month.setValue(month or 0)
        self.day.setValue(day or 0)
        self._lunar_kind = lunar or 1  # a leap-month birthday stays one while the box stays checked
        self.lunar.setChecked(bool(lunar))


class FormDialog(QDialog):
    submitted = Signal(dict)

    def __init__(self, title: str, fields: list[Field], parent: QWidget | None = None,
                 values: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = {f.key: f for f in fields}
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for field in fields:
            widget = self._make(field)
            widget.setObjectName(f"dialog_{field.key}")
            self.widgets[field.key] = widget
            self.set_value(field.key, (values or {}).get(field.key, field.default))
            form.addRow(field.caption, widget)
        self.message = finish_form(self, form, self.submit)

    def _make(self, field: Field) -> QWidget:
        if field.kind == "multiline":
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            return widget
        if field.kind == "choice":
            combo = QComboBox()
            for text, data in field.choices:
                combo.addItem(text, data)
            return combo
        if field.kind == "datetime":
            edit = QDateTimeEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
            return edit
        if field.kind == "date":
            return OptionalDateEdit()
        if field.kind == "int":
            spin = QSpinBox()
            spin.setRange(field.minimum, field.maximum)
            return spin
        if field.kind == "birthday":
            return BirthdayEdit()
        return QLineEdit()

    def set_value(self, key: str, value: Any) -> None:
        field_values.set_value(self.widgets[key], value)

    def value(self, key: str) -> Any:
        return field_values.value(self.widgets[key])

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self.widgets}

    def submit(self) -> None:
        for widget in self.widgets.values():
            widget.setStyleSheet("")
        self.message.clear()
        self.submitted.emit(self.values())

    def mark_invalid(self, key: str, message: str) -> None:
        self.message.setText(message)
        field_values.mark_invalid(self.widgets.get(key), message)
