"""A print preview that opens beside the window (window-modal, never a nested event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


class _PrintPreviewDialog(QPrintPreviewDialog):
    """A preview dialog that holds on to its printer: the dialog does not own the printer, so it is kept alive as
    long as the dialog."""

    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self.printer_ = printer


def open_print_preview(parent: QWidget, layout: QPageLayout, name: str,
                       render: Callable[[QPrinter], object]) -> QPrintPreviewDialog:
    """Open a preview of what `render(printer)` draws, on `layout`; its Print button prints the same."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(layout)
    printer.setDocName(name)
    dialog = _PrintPreviewDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(render)
    dialog.open()
    return dialog
