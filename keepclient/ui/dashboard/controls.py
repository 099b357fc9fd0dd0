"""The dashboard's choosers: the period (this month, quarter or year to date, or two chosen days in the locale's
date format) and the scope (the whole team, or the salespeople ticked in a menu that stays open while ticking)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QMenu, QStyle, QToolButton, QWidget

from keepclient.domain.types import SalespersonInfo
from keepclient.ui.dashboard.periods import CUSTOM, MONTH, QUARTER, YEAR, period_of

EDIT_DELAY_MS = 400  # a typed date is counted once the typing pauses


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PeriodBar(QWidget):
    """`changed` when another period is chosen (a typed date: once the typing pauses)."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.choice = QComboBox()
        self.choice.setObjectName("dashboardPeriod")
        for key, text in ((MONTH, self.tr("This month")), (QUARTER, self.tr("This quarter")),
                          (YEAR, self.tr("This year")), (CUSTOM, self.tr("Custom"))):
            self.choice.addItem(text, key)
        self.choice.setToolTip(self.tr("This month, quarter or year: from its first day to today"))
        self.start, self.end = QDateEdit(), QDateEdit()
        self.start.setObjectName("dashboardFrom")
        self.end.setObjectName("dashboardTo")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self._typed = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS)
        self._typed.timeout.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Period:"))
        label.setBuddy(self.choice)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        self.show_dates()
        self.choice.currentIndexChanged.connect(self._chosen)
        self.start.dateChanged.connect(self._typed_date)
        self.end.dateChanged.connect(self._typed_date)

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen days (both included); a custom period typed backwards is read forwards."""
        key = self.choice.currentData()
        if key != CUSTOM:
            return period_of(key, self.today)
        first, last = _date(self.start.date()), _date(self.end.date())
        return (first, last) if first <= last else (last, first)

    def set_period(self, key: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        """Choose a period (the two days for CUSTOM); one `changed`."""
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(max(self.choice.findData(key), 0))
        self.choice.blockSignals(False)
        if key == CUSTOM and start is not None and end is not None:
            self._set_dates(start, end)
        else:
            self.show_dates()
        self._typed.stop()
        self.changed.emit()

    def _chosen(self) -> None:
        self.show_dates()
        self._typed.stop()
        self.changed.emit()

    def show_dates(self) -> None:
        """The date edits show the fixed period's days (after `today` moved, too)."""
        if self.choice.currentData() != CUSTOM:
            self._set_dates(*period_of(self.choice.currentData(), self.today))

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _typed_date(self) -> None:
        """A date typed or picked: the period becomes custom."""
        if self.choice.currentData() != CUSTOM:
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(self.choice.findData(CUSTOM))
            self.choice.blockSignals(False)
        self._typed.start()


class _StayingMenu(QMenu):
    """A menu of check boxes that stays open while they are ticked."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action: QAction | None = self.activeAction()  # None over a separator or outside
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ScopeButton(QToolButton):
    """Whole team, or the salespeople ticked; `changed` after each tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardScope")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = _StayingMenu(self)
        self.setMenu(self.menu_)
        self.team_action = QAction(self.tr("Whole team"), self, checkable=True, checked=True)
        self.team_action.triggered.connect(self._whole_team)
        self.people: dict[int, QAction] = {}
        self._show_text()

    def set_people(self, people: list[SalespersonInfo]) -> None:
        """The salespeople to choose from (active ones first, then the others), keeping those still ticked."""
        kept = set(self.chosen() or ())
        self.menu_.clear()
        self.menu_.addAction(self.team_action)
        self.menu_.addSeparator()
        self.people = {}
        for person in sorted(people, key=lambda p: (not p.active, p.name)):
            text = person.name if person.active else self.tr("%1 (inactive)").replace("%1", person.name)
            action = QAction(text, self, checkable=True, checked=person.id in kept)
            action.triggered.connect(self._ticked)
            self.menu_.addAction(action)
            self.people[person.id] = action
        self.team_action.setChecked(not any(a.isChecked() for a in self.people.values()))
        self._show_text()

    def sizeHint(self) -> QSize:
        """Room for the menu arrow beside the text: Qt counts it only for a split button, so in this one it was
        drawn over the text's last letter ("Whole tea⌄m")."""
        hint = super().sizeHint()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)
        return QSize(hint.width() + arrow, hint.height())

    def chosen(self) -> list[int] | None:
        """The ticked salespeople's ids; None for the whole team."""
        ids = [sid for sid, action in self.people.items() if action.isChecked()]
        return ids or None

    def choose(self, ids: list[int] | None) -> None:
        """Tick these salespeople (None: the whole team); one `changed`."""
        for sid, action in self.people.items():
            action.setChecked(ids is not None and sid in ids)
        self.team_action.setChecked(self.chosen() is None)
        self._show_text()
        self.changed.emit()

    def _whole_team(self) -> None:
        self.choose(None)

    def _ticked(self) -> None:
        self.team_action.setChecked(self.chosen() is None)
        self._show_text()
        self.changed.emit()

    def _show_text(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.setText(self.tr("Whole team"))
        elif len(chosen) == 1:
            self.setText(self.people[chosen[0]].text())
        else:
            self.setText(self.tr("%n salespeople", "", len(chosen)))
