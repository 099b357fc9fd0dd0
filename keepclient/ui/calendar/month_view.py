"""The month view: six weeks of seven days, each day listing its visits (time and customer) as far as they fit.

The Care layer (holidays, birthdays) takes one line under the day's number. A crowded day ends with "+N more";
clicking a day's number or "+N more" opens it in the day view. Painted by one widget from the period's visits
grouped by day, so a month with thousands of visits costs no more than a few lines per cell.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from keepclient.domain.types import VisitItem
from keepclient.ui.calendar.care_layer import CareMark, birthdays_of, color, holiday_name, holidays_of
from keepclient.ui.calendar.periods import MONTH_DAYS
from keepclient.ui.calendar.style import struck, visit_style
from keepclient.ui.calendar.tooltips import care_tip, visit_tip
from keepclient.ui.labels import time_text

PLAN_AT = dt.time(9, 0)  # "Plan visit…" on a day in the month view starts here


class MonthGrid(QWidget):
    selected = Signal(object, object)  # day, visit id or None
    activated = Signal(object)  # VisitItem
    day_opened = Signal(object)  # date: open it in the day view
    context_requested = Signal(object, object, QPoint)  # VisitItem | None, datetime, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = dt.date.today()
        self.month = (self.start.year, self.start.month)
        self.first_weekday = 1
        self.by_day: dict[dt.date, list[VisitItem]] = {}
        self.counts: dict[dt.date, int] = {}
        self.care: dict[dt.date, list[CareMark]] = {}  # the Care layer: holidays, then birthdays
        self.today = dt.date.today()
        self.current_day: dt.date | None = None
        self.selected_id: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 300)

    def set_period(self, start: dt.date, month: tuple[int, int], by_day: dict[dt.date, list[VisitItem]],
                   counts: dict[dt.date, int], care: dict[dt.date, list[CareMark]]) -> None:
        """Show six weeks from `start` about `month`; `by_day` holds each day's first visits, `counts` all."""
        self.start, self.month, self.by_day, self.counts, self.care = start, month, by_day, counts, care
        self.first_weekday = start.isoweekday()
        self.update()

    def set_selection(self, day: dt.date, visit_id: int | None) -> None:
        self.current_day, self.selected_id = day, visit_id
        self.update()

    # -- geometry ----------------------------------------------------------------------------------------
    @property
    def line(self) -> int:
        return self.fontMetrics().height() + 2

    @property
    def header(self) -> int:
        return self.line + 6

    def cell_rect(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - self.header) / 6
        return QRectF((index % 7) * width, self.header + (index // 7) * height, width, height)

    def day_at(self, pos: QPointF) -> dt.date | None:
        if pos.y() < self.header or not self.rect().contains(pos.toPoint()):
            return None
        column = min(6, int(pos.x() / (self.width() / 7)))
        row = min(5, int((pos.y() - self.header) / ((self.height() - self.header) / 6)))
        return self.start + dt.timedelta(days=row * 7 + column)

    def lines_of(self, day: dt.date) -> tuple[list[VisitItem], int, int]:
        """The visits shown in a day's cell, how many are left for "+N more", and the first line's row."""
        index = (day - self.start).days
        height = self.cell_rect(index).height()
        first = 1 + (1 if self.care.get(day) else 0)
        room = max(0, int((height - 2) // self.line) - first)
        visits = self.by_day.get(day, [])
        total = max(self.counts.get(day, 0), len(visits))
        if total <= room and len(visits) == total:
            return visits, 0, first
        shown = min(len(visits), max(0, room - 1))
        return visits[:shown], total - shown, first

    def line_rect(self, day: dt.date, row: int) -> QRectF:
        cell = self.cell_rect((day - self.start).days)
        return QRectF(cell.x() + 2, cell.y() + 2 + row * self.line, cell.width() - 4, self.line - 1)

    def hit(self, pos: QPointF) -> tuple[dt.date | None, str, VisitItem | None]:
        """What is under `pos`: ("number" | "more" | "visit" | "care" | "free", with the day and visit)."""
        day = self.day_at(pos)
        if day is None:
            return None, "", None
        visits, more, first = self.lines_of(day)
        cell = self.cell_rect((day - self.start).days)
        row = int((pos.y() - cell.y() - 2) // self.line)
        if row == 0:
            return day, "number", None
        if row < first:
            return day, "care", None
        if row - first < len(visits):
            return day, "visit", visits[row - first]
        if more and row - first == len(visits):
            return day, "more", None
        return day, "free", None

    def point_for(self, day: dt.date, what: str = "free", number: int = 0) -> QPoint:
        """A point in `day`'s cell: on its number, its `number`-th visit line, "+N more" or free space (tests)."""
        visits, _more, first = self.lines_of(day)
        cell = self.cell_rect((day - self.start).days)
        row = {"number": 0, "visit": first + number, "more": first + len(visits)}.get(what)
        if row is None:
            return QPoint(int(cell.center().x()), int(cell.bottom() - 3))
        return self.line_rect(day, row).center().toPoint()

    # -- painting ----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        locale = QLocale()
        width = self.width() / 7
        painter.fillRect(QRectF(0, 0, self.width(), self.header), palette.window())
        painter.setPen(palette.text().color())
        for column in range(7):
            weekday = (self.first_weekday - 1 + column) % 7 + 1
            painter.drawText(QRectF(column * width, 0, width, self.header), Qt.AlignmentFlag.AlignCenter,
                             locale.dayName(weekday, QLocale.FormatType.ShortFormat))
        font = self.font()
        bold = QFont(font)
        bold.setBold(True)
        metrics = self.fontMetrics()
        grid = QPen(palette.mid().color(), 0)
        for index in range(MONTH_DAYS):
            day = self.start + dt.timedelta(days=index)
            cell = self.cell_rect(index)
            if not event.rect().intersects(cell.toAlignedRect()):
                continue
            outside = (day.year, day.month) != self.month
            if outside:
                painter.fillRect(cell, palette.alternateBase())
            if day == self.current_day and self.selected_id is None:
                tint = QColor(palette.highlight().color())
                tint.setAlpha(60 if self.hasFocus() else 30)
                painter.fillRect(cell, tint)
            painter.setPen(grid)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            self._paint_number(painter, palette, day, outside, bold)
            self._paint_lines(painter, palette, day, font, metrics)

    def _paint_number(self, painter: QPainter, palette, day: dt.date, outside: bool, bold: QFont) -> None:
        rect = self.line_rect(day, 0)
        text = str(day.day) if day.day != 1 else QLocale().toString(QDate(day.year, day.month, 1), "d MMM")
        painter.setFont(bold if day == self.today else self.font())
        if day == self.today:
            badge = QRectF(rect.x(), rect.y(), self.fontMetrics().horizontalAdvance(text) + 12, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.highlight())
            painter.drawRoundedRect(badge, rect.height() / 2, rect.height() / 2)
            painter.setPen(palette.highlightedText().color())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(palette.placeholderText().color() if outside else palette.text().color())
            painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text)
        painter.setFont(self.font())

    def care_text(self, day: dt.date) -> str:
        """The day's Care line: its holidays by name, then its birthday (or how many)."""
        marks = self.care.get(day, [])
        births = birthdays_of(marks)
        parts = [holiday_name(h) for h in holidays_of(marks)]
        if len(births) == 1:
            parts.append(self.tr("Birthday: %1").replace("%1", births[0].contact))
        elif births:
            parts.append(self.tr("%1 birthdays").replace("%1", str(len(births))))
        return " · ".join(parts)

    def _paint_lines(self, painter: QPainter, palette, day: dt.date, font: QFont, metrics) -> None:
        visits, more, first = self.lines_of(day)
        marks = self.care.get(day, [])
        if marks and first > 1:
            rect = self.line_rect(day, 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color(marks[0]))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#000000"))
            text = self.care_text(day)
            painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 6)))
        for row, visit in enumerate(visits, start=first):
            rect = self.line_rect(day, row)
            style = visit_style(visit)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.fill)
            painter.drawRoundedRect(rect, 2, 2)
            if style.hatch is not None:
                painter.setBrush(style.hatch)
                painter.drawRoundedRect(rect, 2, 2)
            painter.fillRect(QRectF(rect.x(), rect.y(), 3, rect.height()), style.accent)
            if visit.id == self.selected_id:
                painter.setPen(QPen(palette.highlight().color(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, 2, 2)
            painter.setFont(struck(font) if style.struck else font)
            painter.setPen(style.text or palette.text().color())
            text = f"{time_text(visit.start)} {visit.customer}"
            painter.drawText(rect.adjusted(6, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 8)))
            painter.setFont(font)
        if more:
            rect = self.line_rect(day, first + len(visits))
            painter.setPen(palette.link().color())
            painter.drawText(rect.adjusted(6, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%1 more").replace("%1", str(more)))

    # -- mouse and keyboard ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        day, what, visit = self.hit(event.position())
        if day is None:
            return
        if what in ("number", "more"):
            self.day_opened.emit(day)
        else:
            self._select(day, visit.id if visit else None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day, what, visit = self.hit(event.position())
        if visit is not None:
            self.activated.emit(visit)
        elif day is not None and what not in ("number", "more"):
            self.day_opened.emit(day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        day, _what, visit = self.hit(QPointF(event.pos()))
        if day is None:
            return
        self._select(day, visit.id if visit else None)
        moment = visit.start if visit else dt.datetime.combine(day, PLAN_AT)
        self.context_requested.emit(visit, moment, event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        key = Qt.Key(event.key())
        day = self.current_day or self.start
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key in moves:
            self._select(day + dt.timedelta(days=moves[key]), None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            visit = next((v for v in self.by_day.get(day, []) if v.id == self.selected_id), None)
            if visit is not None:
                self.activated.emit(visit)
            else:
                self.day_opened.emit(day)
        else:
            super().keyPressEvent(event)

    def _select(self, day: dt.date, visit_id: int | None) -> None:
        self.current_day, self.selected_id = day, visit_id
        self.update()
        self.selected.emit(day, visit_id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            day, what, visit = self.hit(QPointF(event.pos()))
            text = ""
            if visit is not None:
                text = visit_tip(visit)
            elif day is not None and what == "care":
                text = care_tip(self.care.get(day, []))
            elif day is not None and what == "more":
                text = "<br>".join(f"{time_text(v.start)} {v.customer}" for v in self.by_day.get(day, [])[:30])
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()
