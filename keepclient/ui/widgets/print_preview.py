"""A print preview that opens beside the window (window-modal, never a nested event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def open_print_preview(parent: QWidget, layout: QPageLayout, name: str,
                       render: Callable[[QPrinter], object]) -> QPrintPreviewDialog:
    """Open a preview of what `render(printer)` draws, on `layout`; its Print button prints the same."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(layout)
    printer.setDocName(name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(render)
    dialog.printer_ = printer  # the dialog does not own the printer: keep it alive as long as the dialog
    dialog.open()
    return dialog
