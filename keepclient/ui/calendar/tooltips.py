"""What hovering a visit or a Care marker (a holiday, a birthday) tells: the details a block has no room for."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from keepclient.domain.types import CareDay, VisitItem
from keepclient.ui.calendar.care_layer import CareMark, birthdays_of, holiday_name, holidays_of
from keepclient.ui.labels import date_text, label, time_text

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def visit_tip(visit: VisitItem) -> str:
    lines = [
        f"<b>{html.escape(visit.customer)}</b>",
        f"{date_text(visit.start.date())} {time_text(visit.start)}–{time_text(visit.end)}",
        f"{label(visit.kind)} · {label(visit.status)}",
    ]
    if visit.contact:
        lines.append(translate("CalendarTips", "Contact: %1").replace("%1", html.escape(visit.contact)))
    if visit.salesperson:
        lines.append(translate("CalendarTips", "Salesperson: %1").replace("%1", html.escape(visit.salesperson)))
    if visit.purpose:
        lines.append(translate("CalendarTips", "Purpose: %1").replace("%1", html.escape(visit.purpose)))
    if visit.location:
        lines.append(translate("CalendarTips", "Where: %1").replace("%1", html.escape(visit.location)))
    if visit.outcome:
        lines.append(translate("CalendarTips", "Outcome: %1").replace("%1", html.escape(visit.outcome)))
    if visit.series_id is not None:
        lines.append(translate("CalendarTips", "Part of a recurring follow-up"))
    return "<br>".join(lines)


def birthday_tip(days: list[CareDay]) -> str:
    lines = []
    for care in days:
        text = translate("CalendarTips", "Birthday: %1 (%2)").replace("%1", html.escape(care.contact)).replace(
            "%2", html.escape(care.customer))
        if care.lunar:
            text += " · " + translate("CalendarTips", "lunar")
        if care.age is not None:
            text += " · " + translate("CalendarTips", "turns %1").replace("%1", str(care.age))
        lines.append(text)
    return "<br>".join(lines)


def care_tip(marks: list[CareMark]) -> str:
    """A day's Care layer: its holidays (with the Chinese name when the shown one differs), then its birthdays."""
    lines = []
    for holiday in holidays_of(marks):
        name = holiday_name(holiday)
        text = f"<b>{html.escape(name)}</b>"
        if holiday.name_zh not in name:
            text += f" ({html.escape(holiday.name_zh)})"
        lines.append(text + " · " + translate("CalendarTips", "a holiday the team observes"))
    birthdays = birthday_tip(birthdays_of(marks))
    return "<br>".join([*lines, birthdays] if birthdays else lines)
