"""The day and week views: hours down, days across, visits painted as blocks (no widget per visit).

One widget paints everything: a fixed header (day names, the Care layer's holidays and birthdays as all-day
markers), the hour gutter and the
scrolling body. Visits can be selected, opened, dragged to another time or day (snapped to 15 minutes) and
stretched by their bottom edge; the grid only reports what the user asked for (`move_requested`), the area decides.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRect, QRectF, Qt, QTime, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from keepclient.domain.holidays import Holiday
from keepclient.domain.types import VisitItem
from keepclient.ui.calendar.care_layer import CareMark, color, holiday_name, is_holiday
from keepclient.ui.calendar.layout import Placed, lay_out_day
from keepclient.ui.calendar.style import struck, visit_style
from keepclient.ui.calendar.tooltips import care_tip, visit_tip
from keepclient.ui.labels import date_text

SNAP = 15  # minutes: drags and the free-slot cursor move in quarter hours
DAY_MINUTES = 24 * 60
WORK_START, WORK_END = 8 * 60, 18 * 60  # hours outside are shaded
EDGE = 5  # pixels at the bottom of a block that resize it instead of moving it
CARE_LINES = 3  # all-day markers (holidays, birthdays) shown per day before "+N more"
MORE_COLOR = QColor("#e0e0e0")
HOURS_SHOWN = 12  # a tall window stretches the hours so about this many fill it
TEXT_WIDTH = 36  # narrower blocks (many overlapping visits) show no text: the tooltip has it


def snap(minutes: float) -> int:
    return round(minutes / SNAP) * SNAP


def at(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)


class Ghost(NamedTuple):
    """Where a dragged visit would land."""

    day: dt.date
    top: int
    minutes: int


class _Press(NamedTuple):
    pos: QPointF
    placed: Placed
    mode: str  # "move" or "resize"
    grab: float  # minutes between the visit's start and the point grabbed


class TimeGrid(QAbstractScrollArea):
    selected = Signal(object, object)  # day, visit id or None
    activated = Signal(object)  # VisitItem: double-click or Enter on a visit
    slot_activated = Signal(object)  # datetime: double-click or Enter on free time
    context_requested = Signal(object, object, QPoint)  # VisitItem | None, datetime, global position
    move_requested = Signal(object, object, int)  # VisitItem, new start, new duration in minutes
    day_opened = Signal(object)  # date: a day's name clicked in the week view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[dt.date] = []
        self.placed: dict[dt.date, list[Placed]] = {}
        self.care: dict[dt.date, list[CareMark]] = {}  # the Care layer: holidays, then birthdays
        self.crowded: dict[dt.date, dict[int, int]] = {}
        self.today = dt.date.today()
        self.current_day: dt.date | None = None
        self.selected_id: int | None = None
        self.slot = 9 * 60  # the free-time cursor, minutes after midnight
        self._press: _Press | None = None
        self._dragging = False
        self.ghost: Ghost | None = None
        self.read_only = False  # a read-only database: a press selects, no drag starts (the area sets it)
        self._scrolled = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)
        self._metrics()

    # -- data --------------------------------------------------------------------------------------------
    def set_period(self, days: list[dt.date], visits_by_day: dict[dt.date, list[VisitItem]],
                   care: dict[dt.date, list[CareMark]], crowded: dict[dt.date, dict[int, int]] | None = None) -> None:
        """Show `days`, laying out their visits once (painting then only reads the layout); `crowded` holds
        visits per hour instead when there are too many to show one by one."""
        self.days = days
        self.placed = {day: lay_out_day(day, visits_by_day.get(day, [])) for day in days}
        self.care = care
        self.crowded = crowded or {}
        self.ghost = None
        self._press, self._dragging = None, False
        self._metrics()
        self.viewport().update()

    def set_selection(self, day: dt.date, visit_id: int | None) -> None:
        self.current_day, self.selected_id = day, visit_id
        placed = self.find_placed(visit_id)
        if placed is not None:
            self.slot = placed.top
            self.ensure_visible(placed.top, placed.bottom)
        self.viewport().update()

    def find_placed(self, visit_id: int | None) -> Placed | None:
        if visit_id is None:
            return None
        for items in self.placed.values():
            for placed in items:
                if placed.visit.id == visit_id:
                    return placed
        return None

    # -- geometry ----------------------------------------------------------------------------------------
    def _metrics(self) -> None:
        fm = self.fontMetrics()
        self.line = fm.height()
        self.min_hour = max(44, (self.line * 2 + 10 + 3) // 4 * 4)
        self.hour_height = getattr(self, "hour_height", self.min_hour)
        self.gutter = fm.horizontalAdvance(QLocale().toString(QTime(23, 0), QLocale.FormatType.ShortFormat)) + 14
        marks = max((len(v) for v in self.care.values()), default=0)
        self.care_rows = min(marks, CARE_LINES)
        self.header = self.line + 10 + self.care_rows * (self.line + 2) + (4 if marks else 0)
        self._fit_hours()

    def _fit_hours(self) -> None:
        """Hours as tall as needed for about HOURS_SHOWN to fill the view, keeping the time at the top in place."""
        visible = self.viewport().height() - self.header
        wanted = max(self.min_hour, visible // HOURS_SHOWN // 4 * 4)
        if wanted != self.hour_height:
            top = self.verticalScrollBar().value() * 60 / self.hour_height
            self.hour_height = wanted
            self._update_scrollbar()
            self.verticalScrollBar().setValue(round(top * wanted / 60))
        else:
            self._update_scrollbar()

    def _update_scrollbar(self) -> None:
        visible = max(0, self.viewport().height() - self.header)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, 24 * self.hour_height - visible))
        bar.setPageStep(max(1, visible))
        bar.setSingleStep(self.hour_height // 4)

    def column_width(self) -> float:
        return max(1.0, (self.viewport().width() - self.gutter) / max(1, len(self.days)))

    def y_of(self, minutes: float) -> float:
        return self.header + minutes * self.hour_height / 60 - self.verticalScrollBar().value()

    def minutes_at(self, y: float) -> float:
        return (y - self.header + self.verticalScrollBar().value()) * 60 / self.hour_height

    def day_index_at(self, x: float) -> int | None:
        if x < self.gutter or not self.days:
            return None
        return min(len(self.days) - 1, int((x - self.gutter) / self.column_width()))

    def block_rect(self, placed: Placed) -> QRectF:
        index = self.days.index(placed.day)
        width = self.column_width()
        lane = (width - 6) / placed.columns  # a strip at the right stays free, so free time can always be clicked
        x = self.gutter + index * width + 1 + placed.column * lane
        top = self.y_of(placed.top)
        return QRectF(x, top + 1, max(2.0, lane * placed.span - 1), max(4.0, self.y_of(placed.bottom) - top - 2))

    def point_for(self, moment: dt.datetime, *, lane_right: bool = False) -> QPoint:
        """A point in the viewport at `moment` (tests and keyboard use it); at the free strip when `lane_right`."""
        index = self.days.index(moment.date())
        width = self.column_width()
        x = self.gutter + index * width + (width - 3 if lane_right else width / 2)
        return QPoint(int(x), int(self.y_of(moment.hour * 60 + moment.minute + 1)))

    def visit_at(self, pos: QPointF) -> Placed | None:
        index = self.day_index_at(pos.x())
        if index is None or pos.y() < self.header:
            return None
        for placed in reversed(self.placed.get(self.days[index], [])):
            if self.block_rect(placed).contains(pos):
                return placed
        return None

    def slot_at(self, pos: QPointF) -> tuple[dt.date, int] | None:
        index = self.day_index_at(pos.x())
        if index is None:
            return None
        minutes = int(self.minutes_at(pos.y()) // SNAP * SNAP)
        return self.days[index], min(max(0, minutes), DAY_MINUTES - SNAP)

    def ensure_visible(self, top: int, bottom: int) -> None:
        bar = self.verticalScrollBar()
        first, last = top * self.hour_height / 60, bottom * self.hour_height / 60
        visible = bar.pageStep()
        if first < bar.value():
            bar.setValue(int(first))
        elif last > bar.value() + visible:
            bar.setValue(int(min(first, last - visible)))

    def scroll_to_hour(self, hour: int) -> None:
        self.verticalScrollBar().setValue(hour * self.hour_height)

    # -- painting ----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        rect = self.viewport().rect()
        painter.fillRect(rect, palette.base())
        if not self.days:
            return
        width = self.column_width()
        painter.save()
        painter.setClipRect(QRect(0, self.header, rect.width(), rect.height() - self.header))
        self._paint_background(painter, palette, width)
        self._paint_crowded(painter, palette, width)
        self._paint_visits(painter, palette)
        painter.restore()
        self._paint_gutter(painter, palette)
        self._paint_header(painter, palette, width)

    def _paint_background(self, painter: QPainter, palette: QPalette, width: float) -> None:
        height = self.viewport().height()
        right = self.viewport().width()
        shade = palette.alternateBase()
        for index, day in enumerate(self.days):
            x = self.gutter + index * width
            for start, end in ((0, WORK_START), (WORK_END, DAY_MINUTES)):
                painter.fillRect(QRectF(x, self.y_of(start), width, self.y_of(end) - self.y_of(start)), shade)
            if day == self.today:
                tint = QColor(palette.highlight().color())
                tint.setAlpha(22)
                painter.fillRect(QRectF(x, self.header, width, height), tint)
        first = max(0, int(self.minutes_at(self.header) // 60))
        last = min(24, int(self.minutes_at(height) // 60) + 1)
        solid = QPen(palette.mid().color(), 0)
        dotted = QPen(palette.midlight().color(), 0, Qt.PenStyle.DotLine)
        for hour in range(first, last + 1):
            y = self.y_of(hour * 60)
            painter.setPen(solid)
            painter.drawLine(QPointF(self.gutter, y), QPointF(right, y))
            painter.setPen(dotted)
            half = self.y_of(hour * 60 + 30)
            painter.drawLine(QPointF(self.gutter, half), QPointF(right, half))
        painter.setPen(solid)
        for index in range(len(self.days) + 1):
            x = self.gutter + index * width
            painter.drawLine(QPointF(x, self.header), QPointF(x, height))
        if self.current_day in self.days and self.selected_id is None and self.ghost is None:
            x = self.gutter + self.days.index(self.current_day) * width
            cursor = QColor(palette.highlight().color())
            cursor.setAlpha(90 if self.hasFocus() else 45)
            painter.fillRect(QRectF(x + 1, self.y_of(self.slot), width - 2,
                                    SNAP * self.hour_height / 60), cursor)

    def _paint_crowded(self, painter: QPainter, palette: QPalette, width: float) -> None:
        """An hour with its number of visits, for periods with too many visits to paint each."""
        if not self.crowded:
            return
        fill = QColor(palette.highlight().color())
        fill.setAlpha(40)
        locale = QLocale()
        for index, day in enumerate(self.days):
            for hour, count in self.crowded.get(day, {}).items():
                rect = QRectF(self.gutter + index * width + 2, self.y_of(hour * 60) + 1, width - 8,
                              self.hour_height - 2)
                painter.setPen(QPen(palette.mid().color(), 0))
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(palette.text().color())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                                 self.tr("%1 visits").replace("%1", locale.toString(count)))

    def _paint_visits(self, painter: QPainter, palette: QPalette) -> None:
        top_visible, bottom_visible = self.minutes_at(self.header), self.minutes_at(self.viewport().height())
        font = self.font()
        metrics = self.fontMetrics()
        for day in self.days:
            for placed in self.placed.get(day, []):
                if placed.bottom < top_visible or placed.top > bottom_visible:
                    continue
                if self.ghost is not None and self._press is not None and placed is self._press.placed:
                    self._paint_block(painter, palette, placed, self.block_rect(placed), font, metrics, faded=True)
                    continue
                self._paint_block(painter, palette, placed, self.block_rect(placed), font, metrics)
        if self.ghost is not None and self._press is not None and self.ghost.day in self.days:
            moved = self._press.placed._replace(day=self.ghost.day, top=self.ghost.top,
                                                bottom=self.ghost.top + self.ghost.minutes, column=0, columns=1,
                                                span=1)
            self._paint_block(painter, palette, moved, self.block_rect(moved), font, metrics, ghost=True)

    def _paint_block(self, painter: QPainter, palette: QPalette, placed: Placed, rect: QRectF, font: QFont,
                     metrics, *, faded: bool = False, ghost: bool = False) -> None:
        visit = placed.visit
        style = visit_style(visit)
        painter.setOpacity(0.35 if faded else 1.0)
        painter.setPen(style.border)
        painter.setBrush(style.fill)
        painter.drawRoundedRect(rect, 3, 3)
        if style.hatch is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.hatch)
            painter.drawRoundedRect(rect, 3, 3)
        painter.fillRect(QRectF(rect.x(), rect.y(), min(3.0, rect.width()), rect.height()), style.accent)
        if visit.id == self.selected_id or ghost:
            painter.setPen(QPen(palette.highlight().color(), 2, Qt.PenStyle.DashLine if ghost else
                                Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
        if rect.width() >= TEXT_WIDTH and rect.height() >= self.line * 0.8:
            painter.setFont(struck(font) if style.struck else font)
            painter.setPen(style.text or palette.text().color())
            text_rect = rect.adjusted(5, 1, -2, -1)
            start = at(placed.day, placed.top) if ghost else visit.start
            lines = [f"{QLocale().toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)} "
                     f"{visit.customer}"]
            room = int(text_rect.height() // self.line)
            if room >= 2:
                lines.append(visit.contact or visit.purpose)
            if room >= 3 and visit.contact:
                lines.append(visit.purpose)
            for number, text in enumerate(lines[:max(1, room)]):
                line_rect = QRectF(text_rect.x(), text_rect.y() + number * self.line, text_rect.width(), self.line)
                painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(text_rect.width())))
            painter.setFont(font)
        painter.setOpacity(1.0)

    def _paint_gutter(self, painter: QPainter, palette: QPalette) -> None:
        height = self.viewport().height()
        painter.fillRect(QRect(0, self.header, self.gutter, height), palette.window())
        painter.setPen(palette.text().color())
        first = max(0, int(self.minutes_at(self.header) // 60))
        last = min(23, int(self.minutes_at(height) // 60) + 1)
        locale = QLocale()
        for hour in range(first, last + 1):
            y = self.y_of(hour * 60)
            if y + 2 < self.header:
                continue
            painter.drawText(QRectF(0, y + 2, self.gutter - 6, self.line), Qt.AlignmentFlag.AlignRight,
                             locale.toString(QTime(hour, 0), QLocale.FormatType.ShortFormat))

    def _day_title(self, day: dt.date, width: float) -> str:
        locale = QLocale()
        if len(self.days) == 1:
            return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
        text = f"{name} {date_text(day)}"
        return text if self.fontMetrics().horizontalAdvance(text) < width - 8 else f"{name} {day.day}"

    def _paint_header(self, painter: QPainter, palette: QPalette, width: float) -> None:
        painter.fillRect(QRect(0, 0, self.viewport().width(), self.header), palette.window())
        painter.setPen(QPen(palette.mid().color(), 0))
        painter.drawLine(0, self.header - 1, self.viewport().width(), self.header - 1)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, day in enumerate(self.days):
            x = self.gutter + index * width
            title = QRectF(x + 4, 4, width - 8, self.line + 2)
            painter.setFont(bold if day == self.today else self.font())
            painter.setPen(palette.highlight().color() if day == self.today else palette.text().color())
            painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self._day_title(day, width))
            painter.setFont(self.font())
            for number, (text, fill) in enumerate(self.care_lines(day)):
                marker = QRectF(x + 2, self.line + 8 + number * (self.line + 2), width - 4, self.line)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(marker, 3, 3)
                painter.setPen(QColor("#000000"))
                painter.drawText(marker.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, self.fontMetrics()
                                 .elidedText(text, Qt.TextElideMode.ElideRight, int(marker.width() - 6)))

    def care_lines(self, day: dt.date) -> list[tuple[str, QColor]]:
        """The all-day markers of `day`, with their colours: holidays by name, then birthdays; "+N more" when
        there are more than fit."""
        lines = [(holiday_name(mark) if isinstance(mark, Holiday) else
                  self.tr("Birthday: %1 (%2)").replace("%1", mark.contact).replace("%2", mark.customer), color(mark))
                 for mark in self.care.get(day, [])]
        if len(lines) > CARE_LINES:
            rest = self.care.get(day, [])[CARE_LINES - 1:]
            more = (self.tr("+%1 more birthdays") if not any(is_holiday(m) for m in rest) else self.tr("+%1 more"))
            lines = [*lines[:CARE_LINES - 1], (more.replace("%1", str(len(rest))), MORE_COLOR)]
        return lines

    # -- mouse -------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if pos.y() < self.header:
            index = self.day_index_at(pos.x())
            if index is not None:
                self._select(self.days[index], None)
                if len(self.days) > 1 and pos.y() < self.line + 8:
                    self.day_opened.emit(self.days[index])
            return
        placed = self.visit_at(pos)
        if placed is not None:
            if not self.read_only:
                mode = "resize" if self._on_edge(placed, pos) else "move"
                self._press = _Press(pos, placed, mode, self.minutes_at(pos.y()) - placed.top)
            self._select(placed.day, placed.visit.id)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.slot = slot[1]
            self._select(slot[0], None)

    def _on_edge(self, placed: Placed, pos: QPointF) -> bool:
        """On the bottom edge of a block tall enough to have one: dragging there changes the duration."""
        rect = self.block_rect(placed)
        return pos.y() >= rect.bottom() - EDGE and rect.height() >= 3 * EDGE

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        press = self._press
        if press is None:
            placed = self.visit_at(pos)
            near_edge = placed is not None and not self.read_only and self._on_edge(placed, pos)
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor)
            return
        if not self._dragging:
            if (pos - press.pos).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
        self._autoscroll(pos.y())
        visit = press.placed.visit
        minutes = self.minutes_at(pos.y())
        if press.mode == "resize":
            bottom = min(DAY_MINUTES, max(press.placed.top + SNAP, snap(minutes)))
            self.ghost = Ghost(press.placed.day, press.placed.top, bottom - press.placed.top)
        else:
            length = visit.minutes
            top = min(max(0, snap(minutes - press.grab)), DAY_MINUTES - max(SNAP, min(length, DAY_MINUTES)))
            index = self.day_index_at(max(pos.x(), self.gutter))
            day = self.days[index] if index is not None else press.placed.day
            self.ghost = Ghost(day, top, length)
        self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if press.mode == "resize"
                                  else Qt.CursorShape.ClosedHandCursor)
        self.viewport().update()

    def _autoscroll(self, y: float) -> None:
        bar = self.verticalScrollBar()
        if y < self.header + 8:
            bar.setValue(bar.value() - bar.singleStep())
        elif y > self.viewport().height() - 8:
            bar.setValue(bar.value() + bar.singleStep())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, ghost, dragged = self._press, self.ghost, self._dragging
        self._press, self._dragging = None, False
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        if press is None or not dragged or ghost is None:
            self.ghost = None
            return
        visit = press.placed.visit
        start = at(ghost.day, ghost.top)
        if start == visit.start and ghost.minutes == visit.minutes:
            self.ghost = None
            self.viewport().update()
            return
        self._press = press  # keeps the ghost painted until the area has saved and shown the new period
        self.move_requested.emit(visit, start, ghost.minutes)

    def clear_ghost(self) -> None:
        self.ghost, self._press, self._dragging = None, None, False
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton or pos.y() < self.header:
            return
        self._press = None
        placed = self.visit_at(pos)
        if placed is not None:
            self.activated.emit(placed.visit)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.slot_activated.emit(at(*slot))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = QPointF(event.pos())
        if pos.y() < self.header:
            return
        placed = self.visit_at(pos)
        if placed is not None:
            self._select(placed.day, placed.visit.id)
            self.context_requested.emit(placed.visit, placed.visit.start, event.globalPos())
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.slot = slot[1]
            self._select(slot[0], None)
            self.context_requested.emit(None, at(*slot), event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            pos = QPointF(event.pos())
            placed = self.visit_at(pos)
            text = visit_tip(placed.visit) if placed is not None else (self._care_tip(pos)
                                                                         or self._crowded_tip(pos))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _crowded_tip(self, pos: QPointF) -> str:
        slot = self.slot_at(pos) if pos.y() >= self.header else None
        count = self.crowded.get(slot[0], {}).get(slot[1] // 60, 0) if slot else 0
        if not count:
            return ""
        return self.tr("%1 visits start in this hour. Choose salespeople to see each of them.").replace(
            "%1", QLocale().toString(count))

    def _care_tip(self, pos: QPointF) -> str:
        index = self.day_index_at(pos.x())
        if index is None or pos.y() >= self.header or pos.y() < self.line + 8:
            return ""
        return care_tip(self.care.get(self.days[index], []))

    # -- keyboard ----------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        day = self.current_day or (self.days[0] if self.days else None)
        if day is None:
            return
        placed = self.find_placed(self.selected_id)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._move_day(day, -1 if key == Qt.Key.Key_Left else 1, placed)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_time(day, -1 if key == Qt.Key.Key_Up else 1, placed)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if placed is not None:
                self.activated.emit(placed.visit)
            else:
                self.slot_activated.emit(at(day, self.slot))
        elif key == Qt.Key.Key_Escape:
            if self._press is not None:
                self.clear_ghost()
            elif placed is not None:
                self._select(day, None)
        else:
            super().keyPressEvent(event)

    def _move_day(self, day: dt.date, direction: int, placed: Placed | None) -> None:
        """Left/Right: the day before or after (the area moves the period when it leaves the view)."""
        target = day + dt.timedelta(days=direction)
        if placed is None:
            self._select(target, None)
            return
        others = self.placed.get(target, [])
        nearest = min(others, key=lambda p: abs(p.top - placed.top), default=None)
        self._select(target, nearest.visit.id if nearest else None)

    def _move_time(self, day: dt.date, direction: int, placed: Placed | None) -> None:
        """Up/Down: the previous or next visit of the day; free time moves by a quarter hour when the day is empty."""
        items = self.placed.get(day, [])
        ordered = sorted(items, key=lambda p: (p.top, p.column))
        if placed is None:
            following = [p for p in ordered if (p.top >= self.slot if direction > 0 else p.top <= self.slot)]
            choice = (following[0] if direction > 0 else following[-1]) if following else None
        else:
            index = ordered.index(placed) + direction
            choice = ordered[index] if 0 <= index < len(ordered) else placed
        if choice is not None:
            self._select(day, choice.visit.id)
        else:
            self.slot = min(max(0, self.slot + direction * SNAP), DAY_MINUTES - SNAP)
            self.ensure_visible(self.slot, self.slot + SNAP)
            self._select(day, None)

    def _select(self, day: dt.date, visit_id: int | None) -> None:
        self.current_day, self.selected_id = day, visit_id
        placed = self.find_placed(visit_id)
        if placed is not None:
            self.slot = placed.top
            self.ensure_visible(placed.top, placed.bottom)
        self.viewport().update()
        self.selected.emit(day, visit_id)

    # -- events ------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hours()
        if not self._scrolled and self.viewport().height() > self.header:
            self._scrolled = True
            self.scroll_to_hour(8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()

    def focusInEvent(self, event) -> None:  # the slot cursor is drawn stronger while the grid has the focus
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()
