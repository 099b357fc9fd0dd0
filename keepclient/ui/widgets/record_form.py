"""What the dialogs that edit one record share (an order line, a gift): the fields a submit changes, checked values
submitted, a refused field marked. The dialog supplies `values()` (raising ValueError(field, message)), `record`
(the edited record, None for a new one), `widgets` by field, a `message` label and a `submitted` signal."""

from __future__ import annotations

from typing import Any

from keepclient.ui.widgets.field_values import INVALID_STYLE


class RecordForm:
    record: Any
    widgets: dict[str, Any]
    message: Any
    submitted: Any

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def field_widget(self, key: str) -> str:
        """The widget that shows field `key` (the same name unless the dialog says otherwise)."""
        return key

    def changes(self, values: dict[str, Any]) -> dict[str, Any]:
        """The fields `values` changes on the edited record (all of them for a new one)."""
        if self.record is None:
            return dict(values)
        return {key: value for key, value in values.items() if getattr(self.record, key) != value}

    def submit(self) -> None:
        for widget in self.widgets.values():
            widget.setStyleSheet("")
        self.message.clear()
        try:
            values = self.values()
        except ValueError as exc:
            key, text = exc.args
            self.mark_invalid(key, text)
            return
        self.submitted.emit(values)

    def mark_invalid(self, key: str, message: str) -> None:
        self.message.setText(message)
        widget = self.widgets.get(self.field_widget(key))
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setToolTip(message)
            widget.setFocus()
