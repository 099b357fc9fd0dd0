"""Help › User guide: the short guide shipped in resources/help (Markdown, one file per language), shown in a
QTextBrowser so links open in the browser and the text can be searched and copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from keepclient import paths

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

GUIDES = {"zh": "guide_zh_CN.md"}  # by language; English for every other one
FALLBACK = "guide_en.md"


def guide_path(locale: QLocale | None = None) -> Path:
    """The guide in the user's language (the default QLocale, which the chosen UI language sets), else English."""
    language = (locale or QLocale()).name().split("_")[0]
    folder = paths.resource_dir() / "help"
    chosen = folder / GUIDES.get(language, FALLBACK)
    return chosen if chosen.is_file() else folder / FALLBACK


class GuideWindow(QDialog):
    """Not modal: the guide can stay open beside the window while the user follows it."""

    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GuideWindow", "keepclient user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.path = guide_path(locale)
        try:
            self.browser.setMarkdown(self.path.read_text(encoding="utf-8"))
        except OSError as exc:
            self.browser.setPlainText(translate("GuideWindow", "The user guide could not be read: %1").replace(
                "%1", f"{self.path} ({exc.strerror or exc})"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)
