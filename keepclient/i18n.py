"""Languages: Simplified Chinese and English through Qt's translation files, for the window and the CLI alike.

Follows the system locale unless the user chose a language. Only QtCore is used here, so the CLI can translate its
messages without loading any widget code.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale, QTranslator

from keepclient.domain.errors import KeepclientError
from keepclient.domain.labels import Translate
from keepclient.paths import translations_dir

LANGUAGES = ("en", "zh_CN")


def resolve_language(choice: str | None = None) -> str:
    """'en' or 'zh_CN': the user's choice if valid, else from the system locale."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


@lru_cache(maxsize=4)
def translator(language: str) -> QTranslator | None:
    """The loaded translator for `language`, or None for English (the source language)."""
    if language == "en":
        return None
    qt_translator = QTranslator()
    if qt_translator.load(f"keepclient_{language}", str(translations_dir())):
        return qt_translator
    return None


def translate(language: str, context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in `language`; `disambiguation` picks one of two messages with the same English (the .ts comment)."""
    found = translator(language)
    return (found.translate(context, text, disambiguation) or text) if found else text


def translate_in(language: str) -> Translate:
    """A `translate(context, text, disambiguation=None)` for `language`: what exporters and labels take."""
    def translated(context: str, text: str, disambiguation: str | None = None, /) -> str:
        return translate(language, context, text, disambiguation)
    return translated


def error_message(error: KeepclientError, language: str) -> str:
    return error.message(lambda context, text: translate(language, context, text))
