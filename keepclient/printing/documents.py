"""The three printed documents, each as one Section per salesperson: week schedule, day route sheet, month overview.

Input is plain data (ScheduleEntry, SalespersonInfo); dates and day names follow the default QLocale, words go
through the "printing" translation context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor

from keepclient.domain.types import SalespersonInfo, ScheduleEntry
from keepclient.printing import strings as s
from keepclient.printing.layout import INK, MUTED, RULE, Block, Cell, Para, Row, Section, Units, column_widths

DONE_FILL = QColor("#efefef")
OUTSIDE_FILL = QColor("#f3f3f3")
WORK_HOURS = (8, 17)  # always shown on a week schedule, so free slots can be filled in by hand


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_date(day: dt.date) -> str:
    return QLocale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def hhmm(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def person_title(person: SalespersonInfo) -> str:
    return f"{person.name} ({person.code})" if person.code and person.code != person.name else person.name


def _color(value: str) -> QColor:
    color = QColor(value) if value else QColor()
    return color if color.isValid() else QColor("#888888")


class Sheet:
    """What every document builder needs: units, fonts and the width of the printable area."""

    def __init__(self, units: Units, width: float) -> None:
        self.units = units
        self.width = width
        self.pad = units.pt(2.5)

    def para(self, text: str, size: float, width: float, *, bold: bool = False, strong: bool = False,
             italic: bool = False, strike: bool = False, max_lines: int = 0, color: QColor = INK) -> Para:
        """A laid-out paragraph; the same text in the same style is laid out once and drawn wherever it appears.

        `strong` is bold only where the font has a real bold face: it is for text printed thousands of times.
        """
        style = self.units.style(size, bold=bold or (strong and self.units.real_bold), italic=italic, strike=strike,
                                 color=color)
        return style.para(text, width, max_lines)

    def header_row(self, texts: Sequence[str], columns: Sequence[float], size: float = 8) -> Row:
        cells = [Cell([Block([self.para(text, size, width - 2 * self.pad, bold=True)])]) if text else Cell()
                 for text, width in zip(texts, columns, strict=True)]
        return Row(cells, self.pad)


def _tags(entry: ScheduleEntry) -> str:
    """Kind and status when they are not the usual visit and planned (kept short: a busy week has thousands)."""
    tags = [s.kind_label(entry.kind)] if entry.kind != "visit" else []
    if entry.status != "planned":
        tags.append(s.status_label(entry.status))
    return " · ".join(tags)


def _reach(entry: ScheduleEntry) -> str:
    """Contact and phone; a private customer is often their own contact, so the name is not printed twice."""
    contact, phone = entry.contact, entry.phone
    if not contact or contact == entry.customer:
        return phone
    return f"{contact} · {phone}" if phone else contact


# ---- (a) week schedule: days across, hours down, one card per visit ---------------------------------------------


def week_section(sheet: Sheet, person: SalespersonInfo, entries: list[ScheduleEntry], first: dt.date,
                 days: int = 7) -> Section:
    """One salesperson's week: a row per hour (working hours always), a column per day, a card per visit."""
    units = sheet.units
    dates = [first + dt.timedelta(days=offset) for offset in range(days)]
    by_day: dict[dt.date, list[ScheduleEntry]] = {day: [] for day in dates}
    for entry in entries:
        by_day.setdefault(entry.start.date(), []).append(entry)
    weights = [1.0 if by_day[day] or day.isoweekday() < 6 else 0.45 for day in dates]
    columns = column_widths(sheet.width, [units.pt(30), *[None] * days], [0.0, *weights])
    locale = QLocale()
    day_format = s.tr(s.DAY_HEADER_FORMAT)
    header_cells = [Cell()]
    for day, width in zip(dates, columns[1:], strict=True):
        paras = [sheet.para(locale.toString(qdate(day), day_format), 8, width - 2 * sheet.pad, bold=True)]
        if by_day[day]:
            paras.append(sheet.para(s.tr(s.VISITS, count=len(by_day[day])), 6.5, width - 2 * sheet.pad,
                                    color=MUTED))
        header_cells.append(Cell([Block(paras)]))
    header = Row(header_cells, sheet.pad)

    hours = [entry.start.hour for entry in entries]
    low, high = min([WORK_HOURS[0], *hours]), max([WORK_HOURS[1], *hours])
    bar = _color(person.color)
    live, struck = CardStyles(sheet, cancelled=False), CardStyles(sheet, cancelled=True)
    widths = {day: width - 2 * sheet.pad for day, width in zip(dates, columns[1:], strict=True)}
    cards: dict[tuple[dt.date, int], list[Block]] = {}
    for entry in entries:
        day = entry.start.date()
        if day not in widths:
            continue  # not in this week
        card = _card(sheet, struck if entry.status == "cancelled" else live, entry, widths[day], bar)
        cards.setdefault((day, entry.start.hour), []).append(card)
    rows = []
    for hour in range(low, high + 1):
        time_label = Block([sheet.para(f"{hour:02d}:00", 7, columns[0] - 2 * sheet.pad, bold=True)])
        cells = [Cell(head=time_label)]
        cells += [Cell(cards.get((day, hour), [])) for day in dates]
        rows.append(Row(cells, sheet.pad, units.pt(15)))
    week = (first + dt.timedelta(days=3)).isocalendar().week  # the ISO week most of these days belong to
    period = s.tr(s.WEEK, week=week, first=short_date(dates[0]), last=short_date(dates[-1]))
    subtitle = f"{period} · {s.tr(s.VISITS, count=len(entries))}"
    return Section(person_title(person), subtitle, columns, header, rows)


class CardStyles:
    """The text styles of a visit card, made once per document: one set for live visits, one struck through."""

    def __init__(self, sheet: Sheet, cancelled: bool) -> None:
        units = sheet.units
        color = MUTED if cancelled else INK
        self.time = units.style(6.5, bold=units.real_bold, strike=cancelled, color=color)
        self.customer = units.style(7.5, bold=units.real_bold, strike=cancelled, color=color)
        self.text = units.style(6.5, color=color)
        self.purpose = units.style(6.5, italic=True, color=color)
        self.pad = units.pt(1.5)
        self.bar_width = units.pt(1.5)
        self.gap = units.pt(2.5)
        self.times: dict[tuple[int, int, int, str, str], str] = {}  # "09:00–10:00 · Call", made once each


def _card(sheet: Sheet, styles: CardStyles, entry: ScheduleEntry, width: float, bar: QColor) -> Block:
    """One visit on the week schedule: time, kind and status; customer; contact and phone; address; purpose."""
    inner = width - styles.bar_width - 2 * styles.pad
    start = entry.start
    key = (start.hour, start.minute, entry.minutes, entry.kind, entry.status)
    when = styles.times.get(key)
    if when is None:
        tags = _tags(entry)
        when = f"{hhmm(start)}–{hhmm(entry.end)}"
        when = styles.times[key] = f"{when} · {tags}" if tags else when
    paras = [styles.time.para(when, inner, 2),
             styles.customer.para(entry.customer, inner, 2)]
    reach = _reach(entry)
    if reach:
        paras.append(styles.text.para(reach, inner, 2))
    if entry.address:
        paras.append(styles.text.para(entry.address, inner, 3))
    if entry.purpose:
        paras.append(styles.purpose.para(entry.purpose, inner, 3))
    cancelled = entry.status == "cancelled"
    return Block(paras, styles.pad, DONE_FILL if entry.status == "done" else None, RULE if cancelled else bar,
                 styles.bar_width, styles.gap)


# ---- (b) day route sheet: visits in time order, room to write ------------------------------------------------------


def day_section(sheet: Sheet, person: SalespersonInfo, entries: list[ScheduleEntry], day: dt.date) -> Section:
    """One salesperson's day: a row per visit with address, phone, last visit's note and ruled note space."""
    units = sheet.units
    columns = column_widths(sheet.width, [units.pt(16), units.pt(46), None, None, None, None],
                            [0, 0, 1.25, 1.05, 1.25, 1.2])
    header = sheet.header_row(["#", s.tr(s.TIME), s.tr(s.CUSTOMER), s.tr(s.ADDRESS), s.tr(s.PURPOSE),
                               s.tr(s.NOTES)], columns)
    inner = [width - 2 * sheet.pad for width in columns]
    rows = []
    for number, entry in enumerate(entries, start=1):
        cancelled = entry.status == "cancelled"
        color = MUTED if cancelled else INK
        kind = s.kind_label(entry.kind)
        when = [sheet.para(hhmm(entry.start), 9, inner[1], bold=True, strike=cancelled, color=color),
                sheet.para(f"–{hhmm(entry.end)}", 7, inner[1], color=color),
                sheet.para(f"{kind} · {s.status_label(entry.status)}" if entry.status != "planned" else kind,
                           7, inner[1], italic=True, color=color, max_lines=3)]
        who = [sheet.para(entry.customer, 9, inner[2], bold=True, strike=cancelled, color=color, max_lines=3)]
        who += [sheet.para(text, 8, inner[2], color=color, max_lines=2)
                for text in (entry.contact if entry.contact != entry.customer else "", entry.phone) if text]
        why = [sheet.para(entry.purpose, 8, inner[4], color=color, max_lines=4)] if entry.purpose else []
        if entry.last_note:
            why.append(sheet.para(s.tr(s.LAST_VISIT, note=entry.last_note), 7, inner[4], italic=True, color=MUTED,
                                  max_lines=5))
        cells = [
            Cell([Block([sheet.para(str(number), 8, inner[0], color=color)])]),
            Cell([Block(when)]),
            Cell([Block(who)]),
            Cell([Block([sheet.para(entry.address, 8, inner[3], color=color, max_lines=5)])] if entry.address
                 else []),
            Cell([Block(why, gap=units.pt(2))] if why else []),
            Cell(ruled=units.pt(16)),
        ]
        rows.append(Row(cells, sheet.pad, units.pt(66), fill=DONE_FILL if entry.status == "done" else None))
    long_day = QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
    subtitle = f"{long_day} · {s.tr(s.VISITS, count=len(entries))}"
    return Section(person_title(person), subtitle, columns, header, rows, note_area=True,
                   message="" if entries else s.tr(s.NO_VISITS))


# ---- (c) month overview: a calendar grid, one line per visit --------------------------------------------------------


def month_grid(first_of_month: dt.date, first_weekday: int) -> list[list[dt.date]]:
    """The weeks (lists of 7 days) covering the month, starting on `first_weekday` (ISO 1-7)."""
    start = first_of_month - dt.timedelta(days=(first_of_month.isoweekday() - first_weekday) % 7)
    following = (first_of_month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    weeks = []
    while start < following:
        weeks.append([start + dt.timedelta(days=offset) for offset in range(7)])
        start += dt.timedelta(days=7)
    return weeks


def month_title(first_of_month: dt.date) -> str:
    return QLocale().toString(qdate(first_of_month), s.tr(s.MONTH_TITLE_FORMAT))


def month_section(sheet: Sheet, person: SalespersonInfo, entries: list[ScheduleEntry], first_of_month: dt.date,
                  first_weekday: int) -> Section:
    """One salesperson's month: a grid of weeks, each day listing its visits one compact line each."""
    units = sheet.units
    weeks = month_grid(first_of_month, first_weekday)
    columns = column_widths(sheet.width, [None] * 7, [1.0] * 7)
    locale = QLocale()
    header = sheet.header_row([locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat) for day in weeks[0]],
                              columns)
    by_day: dict[dt.date, list[ScheduleEntry]] = {}
    for entry in entries:
        by_day.setdefault(entry.start.date(), []).append(entry)
    inner = columns[0] - 2 * sheet.pad
    rows = []
    for week in weeks:
        cells = []
        for day in week:
            inside = day.month == first_of_month.month
            visits = by_day.get(day, [])
            number = f"{day.day}" + (f"  ({len(visits)})" if visits else "")
            head = Block([sheet.para(number, 8, inner, bold=inside, color=INK if inside else MUTED)])
            lines = [Block([_month_line(sheet, entry, inner)], gap=units.pt(0.5)) for entry in visits]
            cells.append(Cell(lines, head=head, fill=None if inside else OUTSIDE_FILL))
        rows.append(Row(cells, sheet.pad, units.pt(50)))
    subtitle = f"{month_title(first_of_month)} · {s.tr(s.VISITS, count=len(entries))}"
    return Section(person_title(person), subtitle, columns, header, rows, stretch=True)


def _month_line(sheet: Sheet, entry: ScheduleEntry, width: float) -> Para:
    cancelled = entry.status == "cancelled"
    text = f"{hhmm(entry.start)} {entry.customer}"
    if entry.kind != "visit":
        text += f" ({s.kind_label(entry.kind)})"
    if entry.status in ("missed", "done"):
        text += f" · {s.status_label(entry.status)}"
    return sheet.para(text, 6.5, width, strike=cancelled, italic=entry.status == "missed",
                      color=MUTED if cancelled else INK, max_lines=1)
