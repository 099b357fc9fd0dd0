"""Display names for what exporters write (stored values, captions): English by default, or the caller's.

Exporters sit below Qt, so they carry their English texts (marked for translation in context "labels", as
keepclient/ui/labels.py does, so the same words share one translation) and take the translated ones as a mapping
or a callable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Labels = Mapping[str, str] | Callable[[str], str]


def translated(english: Mapping[str, str], translate: Callable[[str, str], str]) -> dict[str, str]:
    """`english` in the user's language, from a `translate(context, text)` such as QCoreApplication.translate."""
    return {key: translate("labels", text) for key, text in english.items()}


def labeller(english: Mapping[str, str], labels: Labels | None) -> Callable[[str], str]:
    """A label lookup that falls back to `english` for keys `labels` does not know (or returns unchanged)."""
    def text(key: str) -> str:
        if labels is None:
            found = None
        elif isinstance(labels, Mapping):
            found = labels.get(key)
        else:
            found = labels(key)
        return found if found and found != key else english.get(key, key)
    return text
