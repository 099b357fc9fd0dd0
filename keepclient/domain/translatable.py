"""A typed, Qt-free marker for text to be translated later.

PySide6's stubs type `PySide6.QtCore.QT_TRANSLATE_NOOP` as returning `object`, so its results cannot be passed to
`tr()` / `QCoreApplication.translate()` without a cast. This marker returns the text as a `str` instead.
`pyside6-lupdate` finds the calls by the name `QT_TRANSLATE_NOOP(context, text)` in the source, whatever module the
function comes from, so extraction into the translation files is unchanged. Import it from here in any layer, Qt or
not. (domain/labels.py keeps its own marker of the same name, which returns a (context, text) `Label`.)
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` and return it untranslated."""
    return text
