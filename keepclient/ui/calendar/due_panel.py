"""The Due panel: who should be contacted now — overdue, today, the rest of this week — the holidays the team
observes in the next two weeks (time to make a care list) and the week's birthdays.

For one salesperson ("Mine", the one chosen in View › I am… by default) or the whole team. Each customer has
one-click "Plan" and "Log" (also Enter and Ctrl+L on the selected row); a double-click opens the customer. The
panel only asks: whoever holds it opens the dialogs and calls `refresh()` after a change. `due()` takes well under
the 200 ms target at 100,000 customers, so it runs on the UI thread (no flicker, no stale results).

Above the list, "N of my customers newly at risk" (the team's, or the salesperson's shown) when the window's
`AtRiskWatch` counts any; clicking it asks for the At risk view, and the watch hides it here and in the status bar.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.errors import KeepclientError
from keepclient.domain.holidays import Holiday
from keepclient.domain.types import CareDay, DueItem, DueList, SalespersonInfo
from keepclient.ui.calendar.care_layer import HOLIDAY_COLOR, holiday_name
from keepclient.ui.calendar.visit_dialog import error_text
from keepclient.ui.labels import date_text, time_text
from keepclient.ui.widgets import style
from keepclient.ui.widgets.column_widths import (
    SAMPLE_DAY,
    SAMPLE_MOMENT,
    SAMPLE_NAMES,
    SAMPLE_PERSON,
    SAMPLE_PHONE,
    fit_columns,
    remember_columns,
    text_width,
)

if TYPE_CHECKING:
    from keepclient.services.workspace import Workspace
    from keepclient.ui.at_risk_status import AtRiskWatch
    from keepclient.ui.settings import Preferences

CUSTOMER, TIER, DUE, PHONE, PLANNED, OWNER, PLAN, LOG = range(8)
SECTIONS = ("overdue", "today", "week", "holidays", "birthdays")
ID_ROLE = Qt.ItemDataRole.UserRole
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 1  # a holiday row's (key, year): the occasion of a care list
OVERDUE_COLOR = QColor(style.OVERDUE_COLOR)  # the same red as overdue feedback
LINK_COLOR = QColor("#1a5fb4")


class DueTree(QTreeWidget):
    """The items, grouped by section; Enter asks to plan and Ctrl+L to log the selected customer.

    Both keys are taken before the window's shortcuts see them (ShortcutOverride), so Ctrl+L here logs for the
    customer in the panel, not for the one open in the Customers tab.
    """

    plan_key = Signal()
    log_key = Signal()

    @staticmethod
    def _ours(event: QKeyEvent) -> str:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            return "plan"
        if event.key() == Qt.Key.Key_L and mods == Qt.KeyboardModifier.ControlModifier:
            return "log"
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._ours(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        which = self._ours(event)
        if which == "plan":
            self.plan_key.emit()
        elif which == "log":
            self.log_key.emit()
        else:
            super().keyPressEvent(event)


class DuePanel(QWidget):
    plan_requested = Signal(int)  # customer id
    log_requested = Signal(int)
    open_customer = Signal(int)
    at_risk_requested = Signal(object)  # the At risk view of this salesperson's customers (an id), or the team's (None)
    care_list_requested = Signal(str, int)  # a holiday row double-clicked: the occasion's key and year

    def __init__(self, parent: QWidget | None = None, *, prefs: Preferences | None = None,
                 today: Callable[[], dt.date] | None = None, at_risk: AtRiskWatch | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.at_risk = at_risk
        self.today = today or dt.date.today
        self.workspace: Workspace | None = None
        self.due: DueList | None = None
        self.elapsed_ms = 0.0  # how long the last refresh took (benchmarks, tests)
        self._link_font = QFont()
        self._link_font.setUnderline(True)
        self._link_brush = QBrush(LINK_COLOR)
        self._overdue_brush = QBrush(OVERDUE_COLOR)
        self._link_texts = ((PLAN, self.tr("Plan"), self.tr("Plan a visit or call (Enter)")),
                            (LOG, self.tr("Log"), self.tr("Log a contact that happened (Ctrl+L)")))

        self.mine = QRadioButton(self.tr("Mine:"))
        self.mine.setObjectName("due_mine")
        self.person = QComboBox()
        self.person.setObjectName("due_person")
        self.person.setToolTip(self.tr("Whose follow-ups to show"))
        self.team = QRadioButton(self.tr("Whole team"))
        self.team.setObjectName("due_team")
        self.team.setChecked(True)
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh (F5)"))
        self.refresh_button.setShortcut(QKeySequence("F5"))  # not StandardKey.Refresh: Ctrl+R records an order
        scope = QHBoxLayout()
        scope.addWidget(self.mine)
        scope.addWidget(self.person, 1)
        scope.addWidget(self.team)
        scope.addWidget(self.refresh_button)

        self.newly_at_risk = QToolButton()
        self.newly_at_risk.setObjectName("due_newly_at_risk")
        self.newly_at_risk.setAutoRaise(True)
        self.newly_at_risk.setStyleSheet(f"QToolButton {{ {style.OVERDUE_STYLE} }}")
        self.newly_at_risk.setToolTip(self.tr("Show these customers in the At risk view, riskiest first"))
        self.newly_at_risk.hide()

        self.tree = DueTree()
        self.tree.setObjectName("due_tree")
        self.tree.setHeaderLabels([self.tr("Customer"), self.tr("Tier"), self.tr("Due"), self.tr("Phone"),
                                   self.tr("Planned"), self.tr("Owner"), "", ""])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setMouseTracking(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        remember_columns(header, prefs, "calendar/due_header", lambda: fit_columns(self.tree, header, self._widths()))

        self.status = QLabel()
        self.status.setObjectName("due_status")
        self.status.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("Plan…"))
        self.plan_button.setToolTip(self.tr("Plan a visit or call for the selected customer (Enter)"))
        self.log_button = QPushButton(self.tr("Log…"))
        self.log_button.setToolTip(self.tr("Log a contact with the selected customer (Ctrl+L)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.log_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(scope)
        layout.addWidget(self.newly_at_risk, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.mine.toggled.connect(self._scope_changed)
        self.person.activated.connect(lambda _i: self._person_chosen())
        self.refresh_button.clicked.connect(self.refresh)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.plan_key.connect(lambda: self._request(self.plan_requested))
        self.tree.log_key.connect(lambda: self._request(self.log_requested))
        self.plan_button.clicked.connect(lambda: self._request(self.plan_requested))
        self.log_button.clicked.connect(lambda: self._request(self.log_requested))
        self.newly_at_risk.clicked.connect(lambda: self.at_risk_requested.emit(self.salesperson_id()))
        if at_risk is not None:
            at_risk.changed.connect(self.show_newly_at_risk)
        self._update_buttons()

    def _widths(self) -> dict[int, Iterable[str] | int]:
        """Default widths: Tier narrow, a usual overdue date, the phone whole (the user's are kept instead)."""
        overdue = self.tr("%1 · %n day(s) overdue", "", 30).replace("%1", date_text(SAMPLE_DAY))
        planned = f"✓ {date_text(SAMPLE_DAY)} {time_text(SAMPLE_MOMENT)}"
        return {CUSTOMER: text_width(self.tree, SAMPLE_NAMES[:1]) + self.tree.indentation(), TIER: ["A"],
                DUE: [overdue], PHONE: [SAMPLE_PHONE], PLANNED: [planned], OWNER: [SAMPLE_PERSON],
                PLAN: [text for column, text, _tip in self._link_texts if column == PLAN],
                LOG: [text for column, text, _tip in self._link_texts if column == LOG]}

    # -- scope -------------------------------------------------------------------------------------------
    def show_workspace(self, workspace: Workspace | None) -> None:
        """Show the due list of `workspace` (None: an empty panel), for the salesperson remembered as "me"."""
        self.workspace = workspace
        people = workspace.team.salespeople() if workspace is not None else []
        self._fill_people(people)
        code = self.prefs.salesperson_code if self.prefs is not None else ""
        me = next((p.id for p in people if code and p.code == code), None)
        self.set_salesperson(me)

    def _fill_people(self, people: list[SalespersonInfo]) -> None:
        self.person.blockSignals(True)
        self.person.clear()
        for person in people:
            self.person.addItem(person.name, person.id)
        self.person.blockSignals(False)
        self.mine.setEnabled(bool(people))

    def salesperson_id(self) -> int | None:
        """The salesperson shown, or None for the whole team."""
        return self.person.currentData() if self.mine.isChecked() else None

    def set_salesperson(self, salesperson_id: int | None) -> None:
        """Show one salesperson's follow-ups, or the whole team's (None)."""
        index = self.person.findData(salesperson_id) if salesperson_id is not None else -1
        self.mine.blockSignals(True)
        if index >= 0:
            self.person.setCurrentIndex(index)
            self.mine.setChecked(True)
        else:
            self.team.setChecked(True)
        self.mine.blockSignals(False)
        self.refresh()

    def _person_chosen(self) -> None:
        if self.mine.isChecked():
            self.refresh()
        else:
            self.mine.setChecked(True)  # refreshes through _scope_changed

    def _scope_changed(self) -> None:
        self.refresh()

    # -- content -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the due list again (after a visit was planned or logged, or another day began)."""
        self.tree.setColumnHidden(OWNER, self.mine.isChecked())
        self.show_newly_at_risk()
        if self.workspace is None:
            self.due = None
            self.tree.clear()
            self.status.clear()
            self._update_buttons()
            return
        chosen = self.current_customer()
        started = time.perf_counter()
        try:
            self.due = self.workspace.visits.due(salesperson_id=self.salesperson_id(), today=self.today())
        except KeepclientError as exc:
            self.status.setText(error_text(exc))
            return
        self._fill(self.due, chosen)
        self.elapsed_ms = (time.perf_counter() - started) * 1000

    def show_newly_at_risk(self) -> None:
        """The shown scope's customers newly at risk (the window's count, seen-state shared with the status bar);
        hidden while there are none, or without the window's count."""
        watch = self.at_risk
        if watch is None or self.workspace is None or watch.workspace is not self.workspace:
            self.newly_at_risk.hide()
            return
        owner = self.salesperson_id()
        new = watch.newly(owner)
        if new is None:
            return  # a busy share: the next change tells
        self.newly_at_risk.setText(watch.label(len(new), owner, self.person.currentText()))
        self.newly_at_risk.setVisible(bool(new))

    def _fill(self, due: DueList, chosen: int | None) -> None:
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        today = self.today()
        titles = {"overdue": self.tr("Overdue"), "today": self.tr("Today"), "week": self.tr("Later this week"),
                  "holidays": self.tr("Coming holidays"), "birthdays": self.tr("Birthdays this week")}
        lists: dict[str, list] = {"overdue": due.overdue, "today": due.today, "week": due.week,
                                  "holidays": list(due.holidays), "birthdays": due.birthdays}
        bold = QFont()
        bold.setBold(True)
        select = None
        for key in SECTIONS:
            items = lists[key]
            if key == "holidays" and not items:
                continue  # none observed, or none coming: no empty section
            total = due.counts.get(key, len(items))
            section = QTreeWidgetItem([f"{titles[key]} ({total})"])
            section.setData(0, ID_ROLE, None)
            section.setData(1, ID_ROLE, key)
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)  # only once in the tree: the title is not cut at the first column
            if key == "birthdays":
                rows = [self._care_item(day, today) for day in items]
            elif key == "holidays":
                rows = [self._holiday_item(holiday, today) for holiday in items]
            else:
                rows = [self._due_item(item, key, today) for item in items]
            section.addChildren(rows)
            if key == "holidays":
                for row in rows:  # one line across the panel: the name, when, and what to do
                    row.setFirstColumnSpanned(True)
            if total > len(items):
                more = QTreeWidgetItem([self.tr("… %n more", "", total - len(items))])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                more.setFirstColumnSpanned(True)
                more.setData(0, ID_ROLE, None)
                more.setData(1, ID_ROLE, "more")
                section.addChild(more)
            section.setExpanded(True)
            if chosen is not None and select is None:
                select = next((row for row in rows if row.data(0, ID_ROLE) == chosen), None)
        self.tree.setUpdatesEnabled(True)
        if select is not None:
            self.tree.setCurrentItem(select)
        counts = due.counts
        self.status.setText(self.tr("%1 overdue · %2 today · %3 later this week")
                            .replace("%1", str(counts.get("overdue", 0))).replace("%2", str(counts.get("today", 0)))
                            .replace("%3", str(counts.get("week", 0))))
        self._update_buttons()

    def _links(self, item: QTreeWidgetItem) -> None:
        for column, text, tip in self._link_texts:
            item.setText(column, text)
            item.setToolTip(column, tip)
            item.setFont(column, self._link_font)
            item.setForeground(column, self._link_brush)

    def _due_item(self, due: DueItem, section: str, today: dt.date) -> QTreeWidgetItem:
        if section == "overdue":
            days = (today - due.due).days
            when = self.tr("%1 · %n day(s) overdue", "", days).replace("%1", date_text(due.due))
        elif section == "today":
            when = self.tr("today")
        else:
            when = f"{QLocale().dayName(due.due.isoweekday(), QLocale.FormatType.ShortFormat)} {date_text(due.due)}"
        # date and time apart: QDateTime formatting costs ~40 µs, a third of the whole item
        planned = f"✓ {date_text(due.planned.date())} {time_text(due.planned)}" if due.planned else ""
        item = QTreeWidgetItem([due.customer, due.tier, when, due.phone, planned, due.owner])
        item.setData(0, ID_ROLE, due.customer_id)
        last = date_text(due.last_contact) or self.tr("never")
        item.setToolTip(CUSTOMER, self.tr("Last contact: %1").replace("%1", last))
        if due.planned:
            item.setToolTip(PLANNED, self.tr("Already in the calendar"))
        if section == "overdue":
            item.setForeground(DUE, self._overdue_brush)
        self._links(item)
        return item

    def _care_item(self, care: CareDay, today: dt.date) -> QTreeWidgetItem:
        day = f"{QLocale().dayName(care.day.isoweekday(), QLocale.FormatType.ShortFormat)} {date_text(care.day)}"
        if care.day == today:
            day = self.tr("today")
        if care.year:
            day += " · " + self.tr("turns %1").replace("%1", str(care.age))
        item = QTreeWidgetItem([f"🎂 {care.contact} — {care.customer}", "", day, "", "", ""])
        item.setData(0, ID_ROLE, care.customer_id)
        item.setToolTip(CUSTOMER, self.tr("Birthday of %1 (%2)").replace("%1", care.contact)
                        .replace("%2", care.customer))
        self._links(item)
        return item

    def _holiday_item(self, holiday: Holiday, today: dt.date) -> QTreeWidgetItem:
        """A coming holiday: its name, when ("in 5 days"), and the reminder to prepare greetings or gifts."""
        days = (holiday.date - today).days
        when = (self.tr("today") if days == 0 else self.tr("tomorrow") if days == 1
                else self.tr("in %n day(s)", "", days))
        name = holiday_name(holiday)
        weekday = QLocale().dayName(holiday.date.isoweekday(), QLocale.FormatType.ShortFormat)
        day = f"{weekday} {date_text(holiday.date)}"
        item = QTreeWidgetItem([self.tr("%1 %2 (%3) — make a care list").replace("%1", name).replace("%2", when)
                                .replace("%3", day)])
        item.setData(0, ID_ROLE, None)
        item.setData(0, HOLIDAY_ROLE, (holiday.key, holiday.date.year))
        item.setBackground(CUSTOMER, QBrush(HOLIDAY_COLOR))
        item.setForeground(CUSTOMER, QBrush(QColor("#000000")))
        tip = self.tr("%1 (%2): list the customers to greet or send a gift to before the day.").replace(
            "%1", name).replace("%2", holiday.name_zh)
        item.setToolTip(CUSTOMER, tip)
        return item

    def holiday_texts(self) -> list[str]:
        """The holiday rows' first column, in order (tests)."""
        top = self.section_item("holidays")
        if top is None:
            return []
        return [child.text(CUSTOMER) for child in (top.child(j) for j in range(top.childCount())) if child is not None]

    # -- requests ----------------------------------------------------------------------------------------
    def current_customer(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def customer_ids(self, section: str) -> list[int]:
        """The customers listed in `section` ("overdue", "today", "week", "birthdays"), in order (tests)."""
        top = self.section_item(section)
        if top is None:
            return []
        ids = [child.data(0, ID_ROLE) for child in (top.child(j) for j in range(top.childCount())) if child is not None]
        return [customer_id for customer_id in ids if customer_id is not None]

    def section_item(self, section: str) -> QTreeWidgetItem | None:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return next((item for item in items if item is not None and item.data(1, ID_ROLE) == section), None)

    def _request(self, signal: SignalInstance) -> None:
        customer_id = self.current_customer()
        if customer_id is not None:
            signal.emit(customer_id)

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        customer_id = item.data(0, ID_ROLE)
        if customer_id is None:
            return
        if column == PLAN:
            self.plan_requested.emit(customer_id)
        elif column == LOG:
            self.log_requested.emit(customer_id)

    def _double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        occasion = item.data(0, HOLIDAY_ROLE)
        if occasion:
            self.care_list_requested.emit(str(occasion[0]), int(occasion[1]))
            return
        customer_id = item.data(0, ID_ROLE)
        if customer_id is not None and column not in (PLAN, LOG):
            self.open_customer.emit(customer_id)

    def _update_buttons(self) -> None:
        chosen = self.current_customer() is not None
        self.plan_button.setEnabled(chosen)
        self.log_button.setEnabled(chosen)
