"""Entry points: render a schedule onto any paged device (a QPrinter for preview or paper, a QPdfWriter for a file).

Only QtGui is needed, so `keepclient print-schedule` runs without a window: `write_schedule_pdf` starts a
QGuiApplication (offscreen when there is no display) if none is running, and takes the language to print in.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMarginsF, QTime, QTranslator
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from keepclient import paths
from keepclient.domain.types import SalespersonInfo, ScheduleEntry
from keepclient.exporting.files import replaced_atomically
from keepclient.printing import strings as s
from keepclient.printing.documents import (
    Sheet,
    day_section,
    month_section,
    month_title,
    qdate,
    short_date,
    week_section,
)
from keepclient.printing.layout import Document, Section, Units

KINDS = ("week", "day", "month")
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 10.0
_app: QGuiApplication | None = None  # kept alive for the process when ensure_gui_app made it


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when no display is available, as in a shell on a server)."""
    global _app
    running = QCoreApplication.instance()
    if running is not None:
        if not isinstance(running, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication, but a QCoreApplication is already running")
        return running
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not sys.platform.startswith(("win", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1] or ["keepclient"])
    return _app


def first_weekday_of_locale() -> int:
    """ISO weekday (1 = Monday ... 7 = Sunday) the default locale starts its weeks on."""
    return QLocale().firstDayOfWeek().value


def period(kind: str, day: dt.date, first_weekday: int | None = None) -> tuple[dt.date, dt.date]:
    """First day and the day after the last of the document holding `day` (the week starts on `first_weekday`)."""
    if kind == "day":
        return day, day + dt.timedelta(days=1)
    if kind == "week":
        weekday = first_weekday or first_weekday_of_locale()
        start = day - dt.timedelta(days=(day.isoweekday() - weekday) % 7)
        return start, start + dt.timedelta(days=7)
    if kind == "month":
        start = day.replace(day=1)
        return start, (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    raise ValueError(f"unknown schedule kind {kind!r}")


def default_landscape(kind: str) -> bool:
    """Week schedules and month grids are wide, route sheets are lists: landscape except for the day."""
    return kind != "day"


def page_layout(paper: str = "a4", landscape: bool = True) -> QPageLayout:
    """A4 or Letter with 10 mm margins."""
    if paper.lower() not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}")
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(PAPERS[paper.lower()]), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def group_by_salesperson(entries: Iterable[ScheduleEntry], salespeople: Sequence[SalespersonInfo] | None,
                         only_busy: bool = True) -> list[tuple[SalespersonInfo, list[ScheduleEntry]]]:
    """Each salesperson with their visits in time order, then unassigned visits if there are any.

    `salespeople` None: everyone who has a visit, by name. Given: those, in that order (visits of anyone else are
    left out); the ones without visits only when not `only_busy` (people asked for by name get their page).
    """
    found: dict[int | None, list[ScheduleEntry]] = {}
    for entry in entries:
        found.setdefault(entry.salesperson_id, []).append(entry)
    if salespeople is None:
        people = sorted((SalespersonInfo(key, visits[0].salesperson, "", "") for key, visits in found.items()
                         if key is not None), key=lambda person: person.name)
        pairs = [(person, found[person.id]) for person in people]
    else:
        pairs = [(person, found.get(person.id, [])) for person in salespeople]
        if only_busy:
            pairs = [(person, visits) for person, visits in pairs if visits]
    if found.get(None):
        pairs.append((SalespersonInfo(0, s.tr(s.UNASSIGNED), "", ""), found[None]))
    return [(person, sorted(visits, key=lambda e: (e.start, e.visit_id))) for person, visits in pairs]


@contextmanager
def language_for_printing(language: str | None) -> Iterator[None]:
    """Words and dates in `language` ("en", "zh_CN") while the body runs; None leaves the application's own.

    The command line has no window that installed a translator, so it names the language here.
    """
    app = QCoreApplication.instance()
    if language is None or app is None:
        yield
        return
    previous = QLocale()
    translator = QTranslator()
    loaded = language != "en" and translator.load(f"keepclient_{language}", str(paths.translations_dir()))
    QLocale.setDefault(QLocale(language))
    if loaded:
        app.installTranslator(translator)
    try:
        yield
    finally:
        if loaded:
            app.removeTranslator(translator)
        QLocale.setDefault(previous)


def paint_document(device: QPagedPaintDevice, language: str | None, build: Callable[[Units], Any]) -> int:
    """Lay a document out with `build(units)` (in `language`) and paint it on `device` as it is set up; returns the
    page count. What the feedback report, the KPI report and the care list share."""
    with language_for_printing(language):
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot paint on the printer or PDF file")
        try:
            document = build(Units(device))
            pages: int = document.paint(painter, device.newPage)
            return pages
        finally:
            painter.end()


def _printed_text(printed_at: dt.datetime) -> str:
    moment = QDateTime(qdate(printed_at.date()), QTime(printed_at.hour, printed_at.minute))
    return s.tr(s.PRINTED, when=QLocale().toString(moment, QLocale.FormatType.ShortFormat))


def render_schedule(device: QPagedPaintDevice, kind: str, entries: Iterable[ScheduleEntry],
                    salespeople: Sequence[SalespersonInfo] | None, start: dt.date, *,
                    printed_at: dt.datetime | None = None, only_busy: bool = True,
                    first_weekday: int | None = None, language: str | None = None) -> int:
    """Paint the document on `device` as it is set up (paper, orientation, margins); returns the page count.

    `start` is the day (day), the first day of the week as given (week), or any day of the month (month).
    Visits outside the period are left out; every salesperson starts on a new page.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown schedule kind {kind!r}")
    with language_for_printing(language):
        weekday = first_weekday or first_weekday_of_locale()
        if kind == "week":
            first, end = start, start + dt.timedelta(days=7)
        else:
            first, end = period(kind, start, weekday)
        wanted = [e for e in entries if first <= e.start.date() < end]
        groups = group_by_salesperson(wanted, salespeople, only_busy)

        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot paint on the printer or PDF file")
        collecting = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects and no cycles: the collector would only walk them
        try:
            units = Units(device)
            document = Document(units, kind_title=s.document_label(kind),
                                printed=_printed_text(printed_at or dt.datetime.now()), notes_label=s.tr(s.NOTES),
                                page_text=lambda page, pages: s.tr(s.PAGE, page=page, pages=pages),
                                sheet_text=lambda sheet, sheets: s.tr(s.SHEET, sheet=sheet, sheets=sheets))
            sheet = Sheet(units, document.width)
            for person, visits in groups:
                if kind == "week":
                    document.add(week_section(sheet, person, visits, first))
                elif kind == "day":
                    document.add(day_section(sheet, person, visits, first))
                else:
                    document.add(month_section(sheet, person, visits, first, weekday))
            if not document.pages:
                document.add(_empty_section(kind, first, end))
            return document.paint(painter, device.newPage)
        finally:
            painter.end()
            if collecting:
                gc.enable()


def _empty_section(kind: str, first: dt.date, end: dt.date) -> Section:
    if kind == "month":
        when = month_title(first)
    elif kind == "day":
        when = QLocale().toString(qdate(first), QLocale.FormatType.LongFormat)
    else:
        when = f"{short_date(first)} – {short_date(end - dt.timedelta(days=1))}"
    return Section(s.document_label(kind), when, [], None, [], message=s.tr(s.NO_VISITS))


def write_schedule_pdf(path: Path | str, kind: str, entries: Iterable[ScheduleEntry],
                       salespeople: Sequence[SalespersonInfo] | None, start: dt.date, *, paper: str = "a4",
                       landscape: bool | None = None, printed_at: dt.datetime | None = None,
                       only_busy: bool = True, first_weekday: int | None = None,
                       language: str | None = None) -> int:
    """Write the document as a PDF with its fonts embedded; returns the page count.

    Starts a QGuiApplication (offscreen without a display) when none runs, so a shell command can call it as is.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown schedule kind {kind!r}")
    layout = page_layout(paper, default_landscape(kind) if landscape is None else landscape)
    return write_pdf(Path(path), layout, language, lambda: s.document_label(kind), lambda writer: render_schedule(
        writer, kind, entries, salespeople, start, printed_at=printed_at, only_busy=only_busy,
        first_weekday=first_weekday))


def write_pdf(path: Path, layout: QPageLayout, language: str | None, title: Callable[[], str],
              render: Callable[[QPdfWriter], int]) -> int:
    """Render onto a QPdfWriter aimed at a temporary file beside `path`, check the PDF came out whole, and move it
    over `path`; returns what `render` returns (the page count). Qt only warns when the disk refuses, so without
    this a full disk would leave a truncated PDF under the final name; now it is a StorageError and nothing there.
    """
    with replaced_atomically(path) as temp:
        with temp.open("xb"):
            pass  # a clear error for a missing folder or a read-only disk, before Qt would only warn
        ensure_gui_app()
        writer = QPdfWriter(str(temp))
        writer.setPageLayout(layout)
        writer.setCreator("keepclient")
        with language_for_printing(language):
            writer.setTitle(title())
            pages = render(writer)
        del writer  # the file is complete once the painter has ended; drop Qt's handle before moving it
        _check_pdf_whole(temp)
    return pages


def _check_pdf_whole(path: Path) -> None:
    """A PDF ends with its %%EOF marker; a file cut short by a full disk does not."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise OSError(errno.EIO, "the PDF could not be written completely (is the disk full?)")
