"""A care list on paper or as PDF: the customers to greet or send a gift for an occasion, one table grouped by
salesperson (a heading band per owner, repeated "continued" on the next page), with contact, phone, address, tier
and the last gift for the same occasion, and a blank column to tick off or note what was given.

Built on the feedback report's grouped table (printing/feedback_report.ReportDocument) and the schedules' page frame
(CJK fonts, page numbers, print date); QtGui only, so `keepclient care-list --pdf` needs no window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QPagedPaintDevice

from keepclient.domain.gifts import BIRTHDAY, CareList, CareListRow
from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.printing import strings as s
from keepclient.printing.documents import Sheet, short_date
from keepclient.printing.feedback_report import BAND_FILL, Band, ReportDocument, report_document
from keepclient.printing.layout import MUTED, Block, Cell, Row, Section, Units, column_widths
from keepclient.printing.schedules import page_layout, paint_document, write_pdf

CARE_LIST = QT_TRANSLATE_NOOP("printing", "Care list")
TITLE = QT_TRANSLATE_NOOP("printing", "Care list: {occasion} {year}")
HOLIDAY_SUBTITLE = QT_TRANSLATE_NOOP("printing", "{occasion} falls on {date}. {count} customers.")
NO_DATE_SUBTITLE = QT_TRANSLATE_NOOP("printing", "{occasion} does not fall in {year}. {count} customers.")
BIRTHDAY_TITLE = QT_TRANSLATE_NOOP("printing", "Care list: birthdays in {month}")
BIRTHDAY_SUBTITLE = QT_TRANSLATE_NOOP("printing", "{count} contacts with a birthday in {month}.")
TIERS = QT_TRANSLATE_NOOP("printing", "Tiers: {tiers}")
OWNER_HEADING = QT_TRANSLATE_NOOP("printing", "{owner}: {count}")
OWNER_CONTINUED = QT_TRANSLATE_NOOP("printing", "{owner} (continued)")
NOBODY = QT_TRANSLATE_NOOP("printing", "No customers to list.")
NUMBER = QT_TRANSLATE_NOOP("printing", "No.")
CUSTOMER = QT_TRANSLATE_NOOP("printing", "Customer")
TIER = QT_TRANSLATE_NOOP("printing", "Tier")
CONTACT = QT_TRANSLATE_NOOP("printing", "Contact")
PHONE = QT_TRANSLATE_NOOP("printing", "Phone")
DATE = QT_TRANSLATE_NOOP("printing", "Date")
LAST_GIFT = QT_TRANSLATE_NOOP("printing", "Last gift")
LAST_GIFT_TEXT = QT_TRANSLATE_NOOP("printing", "{year}: {item}")
GIVEN = QT_TRANSLATE_NOOP("printing", "Given / notes")
THIS_YEAR = QT_TRANSLATE_NOOP("printing", "Already given: {item}")


def occasion_name(care: CareList) -> str:
    """The occasion in the user's language: the holiday's name translated (Chinese names in Chinese)."""
    if QLocale().language() == QLocale.Language.Chinese:
        return care.name_zh
    return QCoreApplication.translate("Holidays", care.name_en)


def month_name(care: CareList) -> str:
    assert care.month is not None
    return QLocale().toString(QDate(care.year, care.month, 1), s.tr(s.MONTH_TITLE_FORMAT))


def title(care: CareList) -> str:
    if care.occasion == BIRTHDAY:
        return s.tr(BIRTHDAY_TITLE, month=month_name(care))
    return s.tr(TITLE, occasion=occasion_name(care), year=care.year)


def subtitle(care: CareList) -> str:
    if care.occasion == BIRTHDAY:
        text = s.tr(BIRTHDAY_SUBTITLE, count=len(care.rows), month=month_name(care))
    elif care.date is None:
        text = s.tr(NO_DATE_SUBTITLE, occasion=occasion_name(care), year=care.year, count=len(care.rows))
    else:
        text = s.tr(HOLIDAY_SUBTITLE, occasion=occasion_name(care), date=short_date(care.date),
                    count=len(care.rows))
    if care.tiers:
        text += " " + s.tr(TIERS, tiers=", ".join(care.tiers))
    return text


def care_section(sheet: Sheet, care: CareList) -> tuple[Section, list[tuple[Band, Band, list[Row]]]]:
    units = sheet.units
    birthdays = care.occasion == BIRTHDAY
    fixed = [units.pt(24), None, units.pt(28), None, units.pt(78), None, units.pt(52) if birthdays else 0.0, None,
             None]
    weights = [0, 1.6, 0, 1.2, 0, 1.8, 0, 1.2, 1.1]
    columns = column_widths(sheet.width, fixed, weights)
    if not birthdays:  # no date column: the holiday's date is in the subtitle
        columns = [w for i, w in enumerate(columns) if i != 6]
    heads = [s.tr(NUMBER), s.tr(CUSTOMER), s.tr(TIER), s.tr(CONTACT), s.tr(PHONE), s.tr(s.ADDRESS),
             *([s.tr(DATE)] if birthdays else []), s.tr(LAST_GIFT), s.tr(GIVEN)]
    header = sheet.header_row(heads, columns)
    inner = [width - 2 * sheet.pad for width in columns]
    band_width = sum(columns) - 2 * sheet.pad
    groups = []
    number = 0
    for owner, rows in care.groups():
        name = owner or s.tr(s.UNASSIGNED)
        heading = Band([Cell([Block([sheet.para(s.tr(OWNER_HEADING, owner=name, count=len(rows)), 10, band_width,
                                                bold=True)])])], sheet.pad, fill=BAND_FILL)
        continued = Band([Cell([Block([sheet.para(s.tr(OWNER_CONTINUED, owner=name), 9, band_width,
                                                  italic=True)])])], sheet.pad, fill=BAND_FILL)
        lines = []
        for row in rows:
            number += 1
            lines.append(_row(sheet, row, number, inner, birthdays))
        groups.append((heading, continued, lines))
    section = Section(title(care), subtitle(care), columns, header, [],
                      message="" if care.rows else s.tr(NOBODY))
    return section, groups


def _text(sheet: Sheet, text: str, width: float, *, size: float = 8, bold: bool = False, lines: int = 3) -> Cell:
    return Cell([Block([sheet.para(text, size, width, bold=bold, max_lines=lines)])]) if text else Cell()


def _row(sheet: Sheet, row: CareListRow, number: int, inner: list[float], birthdays: bool) -> Row:
    contact = [sheet.para(row.contact, 8.5, inner[3], bold=True, max_lines=2)] if row.contact else []
    if row.title:
        contact.append(sheet.para(row.title, 7, inner[3], color=MUTED, max_lines=2))
    phones = [p for p in (row.mobile, row.phone) if p]
    last = s.tr(LAST_GIFT_TEXT, year=row.last_gift_date.year, item=row.last_gift) if row.last_gift \
        and row.last_gift_date else row.last_gift
    cells = [
        Cell([Block([sheet.para(str(number), 8, inner[0], color=MUTED)])]),
        _text(sheet, row.customer, inner[1], size=8.5, bold=True, lines=2),
        _text(sheet, row.tier, inner[2], bold=True, lines=1),
        Cell([Block(contact)]) if contact else Cell(),
        Cell([Block([sheet.para(p, 8, inner[4], max_lines=1) for p in phones])]) if phones else Cell(),
        _text(sheet, row.address, inner[5], lines=4),
    ]
    offset = 6
    if birthdays:
        cells.append(_text(sheet, short_date(row.date) if row.date else "", inner[6], lines=1))
        offset = 7
    cells.append(_text(sheet, last, inner[offset], lines=3))
    given = s.tr(THIS_YEAR, item=row.this_year) if row.this_year else ""
    cells.append(Cell([Block([sheet.para(given, 7, inner[offset + 1], color=MUTED, max_lines=3)])]) if given
                 else Cell())
    return Row(cells, sheet.pad, sheet.units.pt(26))


def render_care_list(device: QPagedPaintDevice, care: CareList, *, language: str | None = None,
                     printed_at: dt.datetime | None = None) -> int:
    """Paint the care list on `device` as it is set up (paper, orientation, margins); returns the page count."""
    def build(units: Units) -> ReportDocument:
        document = report_document(units, s.tr(CARE_LIST), printed_at)
        section, groups = care_section(Sheet(units, document.width), care)
        if groups:
            document.add_grouped(section, groups)
        else:
            document.add(section)
        return document

    return paint_document(device, language, build)


def write_care_list_pdf(path: Path | str, care: CareList, *, paper: str = "a4", landscape: bool = True,
                        language: str | None = None, printed_at: dt.datetime | None = None) -> int:
    """Write the care list as a PDF with its fonts embedded (landscape unless told), whole or not at all; returns the
    page count. `paper` "a4" or "letter"; `language` ("en", "zh_CN") for the command line, None keeps the
    application's. StorageError when the disk refuses."""
    layout = page_layout(paper, landscape)
    return write_pdf(Path(path), layout, language, lambda: title(care),
                     lambda writer: render_care_list(writer, care, printed_at=printed_at))
