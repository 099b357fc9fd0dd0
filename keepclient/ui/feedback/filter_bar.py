"""Search, filters and the counts per status above the feedback log; everything combines into one FeedbackFilter.

The status strip is both a summary (how many items in each status, how many overdue) and the quickest filter:
a click shows one status, Ctrl+click adds or removes one, "All" shows every status. The Status menu in the bar
holds the same choice as ticks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keepclient.domain.enums import OPEN_FEEDBACK_STATUSES, FeedbackCategory, FeedbackKind, FeedbackStatus, Severity
from keepclient.domain.types import FeedbackFilter, SalespersonInfo
from keepclient.ui.calendar.salesperson_filter import StayOpenMenu
from keepclient.ui.labels import label
from keepclient.ui.widgets import style
from keepclient.ui.widgets.date_field import OptionalDateEdit
from keepclient.ui.widgets.flow_layout import FlowLayout, flow_policy

MINE = -1  # owner choice meaning "the salesperson I am"
STATUSES = tuple(FeedbackStatus)  # members, so label() names "new" as a feedback status, not a stage
OPEN_STATUSES = OPEN_FEEDBACK_STATUSES  # not yet told to the customer
OVERDUE_STYLE = f"QToolButton {{ {style.OVERDUE_STYLE} }}"


class FeedbackFilterBar(QWidget):
    """Emits `changed(typing)` once per turn of the event loop, however many widgets moved; `typing` is True
    when only the search text changed (the counts may then wait until typing pauses)."""

    changed = Signal(bool)
    statuses_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.me: int | None = None
        self.statuses: tuple[str, ...] = ()
        self.search = QLineEdit()
        self.search.setObjectName("feedbackSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search customers and descriptions… (Ctrl+F)"))
        self.new_button = QPushButton(self.tr("New feedback…"))
        self.new_button.setToolTip(self.tr("Record new feedback or a complaint (Ctrl+N)"))
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setToolTip(self.tr("Open feedback by owner and monthly figures, as PDF or .xlsx"))

        self.status = QToolButton()
        self.status.setObjectName("feedbackStatusFilter")
        self.status.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = StayOpenMenu(self.status)
        self.status.setMenu(self.status_menu)
        self.status_actions: dict[str, QAction] = {}
        for status in STATUSES:
            action = QAction(label(status), self, checkable=True)
            action.triggered.connect(self._status_ticked)
            self.status_menu.addAction(action)
            self.status_actions[status] = action
        self.category = _choice(self.tr("All categories"), (c.value for c in FeedbackCategory))
        self.severity = _choice(self.tr("All severities"), (s.value for s in Severity))
        self.kind = _choice(self.tr("All kinds"), (k.value for k in FeedbackKind))
        self.owner = QComboBox()
        self.owner.setObjectName("feedbackOwner")
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.received_from = OptionalDateEdit()
        self.received_from.setToolTip(self.tr("Received on or after this day"))
        self.received_to = OptionalDateEdit()
        self.received_to.setToolTip(self.tr("Received on or before this day"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.customer_id: int | None = None  # one customer's feedback (Customer › Show feedback log)
        self.customer_name = ""
        self.customer_chip = QToolButton()
        self.customer_chip.setObjectName("feedbackCustomer")
        self.customer_chip.setToolTip(self.tr("Only this customer's feedback; click to show everyone's"))
        self.customer_chip.clicked.connect(lambda: self.set_customer(None))
        self.customer_chip.hide()
        self.set_people([])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.report_button)
        layout.addLayout(top)
        received = QWidget()  # "Received from … to …" stays on one line when the filters wrap
        received_row = QHBoxLayout(received)
        received_row.setContentsMargins(8, 0, 0, 0)
        received_row.addWidget(QLabel(self.tr("Received from")))
        received_row.addWidget(self.received_from)
        received_row.addWidget(QLabel(self.tr("to")))
        received_row.addWidget(self.received_to)
        # The filters wrap onto more lines rather than make the window wider than a laptop screen.
        self.setSizePolicy(flow_policy())
        row = FlowLayout()
        for widget in (self.customer_chip, self.status, self.category, self.severity, self.kind, self.owner,
                       self.overdue, received, self.clear_button):
            row.addWidget(widget)
        layout.addLayout(row)

        self._typing_only = True
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda: self._later(typing=True))
        for combo in (self.category, self.severity, self.kind, self.owner):
            combo.currentIndexChanged.connect(lambda: self._later())
        self.overdue.toggled.connect(lambda: self._later())
        self.received_from.changed.connect(lambda: self._later())
        self.received_to.changed.connect(lambda: self._later())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.clear_search,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._show_status_text()

    # -- changes -------------------------------------------------------------------------------------------
    def _later(self, typing: bool = False) -> None:
        self._typing_only = self._typing_only and typing if self._pending.isActive() else typing
        self._pending.start()

    def _emit(self) -> None:
        self.changed.emit(self._typing_only)

    def set_people(self, people: list[SalespersonInfo]) -> None:
        """The owners to choose from (and "Mine" when the user said who they are), keeping the choice."""
        keep = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), None)
        if self.me is not None:
            self.owner.addItem(self.tr("Mine"), MINE)
        for person in people:
            self.owner.addItem(person.name, person.id)
        self.owner.setCurrentIndex(max(self.owner.findData(keep), 0))
        self.owner.blockSignals(False)

    def set_statuses(self, statuses: tuple[str, ...]) -> None:
        """Show only these statuses (none: every status)."""
        statuses = tuple(s for s in STATUSES if s in statuses)
        for status, action in self.status_actions.items():
            action.setChecked(status in statuses)
        if statuses != self.statuses:
            self.statuses = statuses
            self._show_status_text()
            self.statuses_changed.emit()
            self._later()

    def _status_ticked(self) -> None:
        self.set_statuses(tuple(s for s, a in self.status_actions.items() if a.isChecked()))

    def _show_status_text(self) -> None:
        if not self.statuses:
            text = self.tr("All statuses")
        elif len(self.statuses) == 1:
            text = label(self.statuses[0])
        elif set(self.statuses) == set(OPEN_STATUSES):
            text = self.tr("Open")
        else:
            text = self.tr("%1 statuses").replace("%1", str(len(self.statuses)))
        self.status.setText(text)
        self.status.setToolTip(self.tr("Which statuses to show"))

    def set_overdue(self, overdue: bool) -> None:
        self.overdue.setChecked(overdue)

    def clear_search(self) -> None:
        self.search.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear(self) -> None:
        """Every filter off (the sort stays)."""
        self.apply(FeedbackFilter())

    def set_customer(self, customer_id: int | None, name: str = "") -> None:
        """Show one customer's feedback only (None: everyone's again)."""
        self.customer_id, self.customer_name = customer_id, name if customer_id is not None else ""
        self._show_customer()
        self._later()

    def _show_customer(self) -> None:
        name = self.customer_name or (f"#{self.customer_id}" if self.customer_id is not None else "")
        self.customer_chip.setText(self.tr("Customer: %1 ✕").replace("%1", name))
        self.customer_chip.setVisible(self.customer_id is not None)

    # -- the filter ----------------------------------------------------------------------------------------
    def is_mine(self) -> bool:
        return self.owner.currentData() == MINE

    def current(self, sort: str = "due", descending: bool = False) -> FeedbackFilter:
        owner = self.owner.currentData()
        return FeedbackFilter(
            text=self.search.text().strip(), statuses=self.statuses,
            categories=_one(self.category.currentData()), severities=_one(self.severity.currentData()),
            kinds=_one(self.kind.currentData()), owner_id=self.me if owner == MINE else owner,
            customer_id=self.customer_id, overdue=self.overdue.isChecked(), received_from=self.received_from.value(),
            received_to=self.received_to.value(), sort=sort, descending=descending,
        )

    def is_filtered(self) -> bool:
        flt = self.current()
        return flt != FeedbackFilter(sort=flt.sort, descending=flt.descending)

    def apply(self, flt: FeedbackFilter, mine: bool = False, notify: bool = True, customer_name: str = "") -> None:
        """Show a filter (a remembered one, "my overdue items"); one `changed` afterwards unless `notify` is
        False (the caller reads the filter itself)."""
        widgets = (self.search, self.category, self.severity, self.kind, self.owner, self.overdue,
                   self.received_from, self.received_to)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text)
        for combo, values in ((self.category, flt.categories), (self.severity, flt.severities),
                              (self.kind, flt.kinds)):
            combo.setCurrentIndex(max(combo.findData(values[0]), 0) if values else 0)
        wanted = MINE if mine and self.me is not None else flt.owner_id
        self.owner.setCurrentIndex(max(self.owner.findData(wanted), 0) if wanted is not None else 0)
        self.overdue.setChecked(flt.overdue)
        self.received_from.set_value(flt.received_from)
        self.received_to.set_value(flt.received_to)
        if flt.customer_id != self.customer_id or customer_name:
            self.customer_id, self.customer_name = flt.customer_id, customer_name
        self._show_customer()
        for widget in widgets:
            widget.blockSignals(False)
        statuses = tuple(s for s in STATUSES if s in flt.statuses)
        for status, action in self.status_actions.items():
            action.setChecked(status in statuses)
        self.statuses = statuses
        self._show_status_text()
        self.statuses_changed.emit()
        if notify:
            self._later()
        else:
            self._pending.stop()


def _choice(everything: str, values) -> QComboBox:
    combo = QComboBox()
    combo.addItem(everything, "")
    for value in values:
        combo.addItem(label(value), value)
    return combo


def _one(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


class StatusStrip(QWidget):
    """Counts per status as buttons: `statuses_chosen(statuses)` and `overdue_toggled(on)` ask for a filter."""

    statuses_chosen = Signal(tuple)
    overdue_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {"all": self.tr("All"), "open": self.tr("Open"), "overdue": self.tr("Overdue"),
                      **{status: label(status) for status in STATUSES}}
        self.buttons: dict[str, QToolButton] = {}
        self.setSizePolicy(flow_policy())
        layout = FlowLayout(self, spacing=2)  # wraps rather than make the window wider than a laptop screen
        for key in ("all", "open", *STATUSES, "overdue"):
            button = QToolButton()
            button.setObjectName(f"strip_{key}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, k=key: self._clicked(k))
            layout.addWidget(button)
            self.buttons[key] = button
            if key in ("open", STATUSES[-1]):
                gap = QWidget()
                gap.setFixedSize(8, 1)
                layout.addWidget(gap)
        self.buttons["all"].setToolTip(self.tr("Every status"))
        self.buttons["open"].setToolTip(self.tr("Not yet replied to the customer: new, in progress, resolved"))
        for status in STATUSES:
            self.buttons[status].setToolTip(self.tr("Only this status; Ctrl+click to add or remove it"))
        self.buttons["overdue"].setToolTip(self.tr("Only items past their response or resolution deadline"))
        self.statuses: tuple[str, ...] = ()
        self.counts: dict[str, int] = {}
        self.show_counts({})

    def show_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        total = {**counts, "open": sum(counts.get(s, 0) for s in OPEN_STATUSES)}
        for key, button in self.buttons.items():
            number = total.get(key)
            button.setText(self.names[key] if number is None else f"{self.names[key]} {number}")
        self.buttons["overdue"].setStyleSheet(OVERDUE_STYLE if counts.get("overdue") else "")

    def show_state(self, statuses: tuple[str, ...], overdue: bool) -> None:
        """Check the buttons of the filter shown."""
        self.statuses = statuses
        self.buttons["all"].setChecked(not statuses)
        self.buttons["open"].setChecked(set(statuses) == set(OPEN_STATUSES))
        for status in STATUSES:
            self.buttons[status].setChecked(status in statuses)
        self.buttons["overdue"].setChecked(overdue)

    def _clicked(self, key: str) -> None:
        adding = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        self.choose(key, adding)

    def choose(self, key: str, adding: bool = False) -> None:
        """What a click on `key` asks for (`adding`: with Ctrl held)."""
        if key == "overdue":
            self.overdue_toggled.emit(self.buttons["overdue"].isChecked())
            return
        if key == "all":
            chosen: tuple[str, ...] = ()
        elif key == "open":
            chosen = () if set(self.statuses) == set(OPEN_STATUSES) else OPEN_STATUSES
        elif adding:
            chosen = tuple(s for s in STATUSES if (s in self.statuses) != (s == key))
        else:
            chosen = () if self.statuses == (key,) else (key,)
        self.show_state(chosen, self.buttons["overdue"].isChecked())
        self.statuses_chosen.emit(chosen)
