"""Display names for what exporters write (stored values, captions): English by default, or the caller's.

Exporters sit below Qt. The names of stored values come from the one table in keepclient/domain/labels.py (the
window and printing read it too); an exporter keeps only its own captions, marked for translation in context
"labels" so the same words share one translation (a disambiguation where one English word means two things). A
caller passes translated names as a mapping or a callable, or a `translate(context, text, disambiguation=None)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from keepclient.domain.labels import Label, Translate, english, labels_of, translate_label

Labels = Mapping[str, str] | Callable[[str], str]


def translated(captions: Mapping[str, Label], translate: Translate,
               values: tuple[type[StrEnum], ...] = ()) -> dict[str, str]:
    """`captions` and the values of the `values` enums in the user's language, from a `translate(context, text,
    disambiguation=None)` such as QCoreApplication.translate (`english` for the source texts)."""
    return {**labels_of(values, translate), **{key: translate_label(name, translate) for key, name in captions.items()}}


def english_labels(captions: Mapping[str, Label], values: tuple[type[StrEnum], ...] = ()) -> dict[str, str]:
    """What an exporter writes when nobody passes labels: the source texts."""
    return translated(captions, english, values)


def labeller(english_texts: Mapping[str, str], labels: Labels | None) -> Callable[[str], str]:
    """A label lookup that falls back to `english_texts` for keys `labels` does not know (or returns unchanged)."""
    def text(key: str) -> str:
        if labels is None:
            found = None
        elif isinstance(labels, Mapping):
            found = labels.get(key)
        else:
            found = labels(key)
        return found if found and found != key else english_texts.get(key, key)
    return text
