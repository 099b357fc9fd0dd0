"""The colours that say "something is wrong" or "look here", once, so every dialog, list and banner agrees.

The calendar's own drawing colours (salespeople, birthdays, missed visits) live in `ui.calendar.style`.
"""

from __future__ import annotations

ERROR_COLOR = "#b52b27"  # a form's line saying what keeps it open
OVERDUE_COLOR = "#c62828"  # a due date that has passed
INVALID_BORDER, INVALID_BACKGROUND = "#d9534f", "#fdecea"  # the field a refused value came from
WARNING_BACKGROUND, WARNING_BORDER, WARNING_TEXT = "#fff4ce", "#e0c060", "#5c4400"  # a strip the user should read

ERROR_STYLE = f"color: {ERROR_COLOR};"
OVERDUE_STYLE = f"color: {OVERDUE_COLOR}; font-weight: 600;"
INVALID_STYLE = f"border: 1px solid {INVALID_BORDER}; background: {INVALID_BACKGROUND};"


def warning_strip_style(name: str) -> str:
    """The style sheet of a yellow strip (the frame called `name` and its labels)."""
    return (f"#{name} {{ background: {WARNING_BACKGROUND}; border-bottom: 1px solid {WARNING_BORDER}; }}"
            f"#{name} QLabel {{ color: {WARNING_TEXT}; }}")
