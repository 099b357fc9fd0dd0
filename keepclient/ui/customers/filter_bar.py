"""Search box and filters above the customer list; everything combines into one CustomerFilter."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from keepclient.domain.types import CustomerFilter, SalespersonInfo
from keepclient.ui.labels import label
from keepclient.ui.widgets.flow_layout import FlowLayout, flow_policy

MY_CUSTOMERS = -1  # owner choice meaning "the salesperson I am"
NO_ORDER_DAYS = (30, 60, 90, 180, 365)  # the "no order for more than N days" choices (a saved view may add one)
MIN_RISKS = (30, 50, 70)  # the "risk at least N" choices (the team's at-risk threshold and saved views may add one)


class FilterBar(QWidget):
    """Emits `changed` (coalesced, so fast typing costs one query per pause of the event loop)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search names, pinyin, phone digits, cities, notes… (Ctrl+F)"))
        self.owner = QComboBox()
        self.tier = QComboBox()
        self.stage = QComboBox()
        self.tag = QComboBox()
        self.city = QComboBox()
        self.follow_up = QComboBox()
        self.open_feedback = QCheckBox(self.tr("Open feedback"))
        self.no_order = QComboBox()
        self.no_order.setObjectName("noOrderFilter")
        self.no_order.setToolTip(self.tr("Customers who have not ordered for a while (or never)"))
        self.no_order.addItem(self.tr("Any last order"), None)
        for days in NO_ORDER_DAYS:
            self._add_no_order(days)
        self.risk = QComboBox()
        self.risk.setObjectName("riskFilter")
        self.risk.setToolTip(self.tr("Customers whose churn risk (0 to 100) is at least this; the Risk column's "
                                     "tooltip says why"))
        self.risk.addItem(self.tr("Any risk"), None)
        for risk in MIN_RISKS:
            self._add_choice(self.risk, risk, self.tr("Risk at least %1"))
        self.me: int | None = None
        # A list of given customers (a dashboard figure's), shown and cleared above the search like a filter.
        self.ids: tuple[int, ...] | None = None
        self.caption = ""
        self.limit = QWidget()
        self.limit.setObjectName("listLimit")
        self.limit_label = QLabel()
        self.limit_label.setObjectName("listLimitCaption")
        self.limit_label.setWordWrap(True)
        self.limit.setToolTip(self.tr("Only the customers behind that figure are listed; the search and the "
                                      "filters below apply among them"))
        self.clear_limit = QPushButton(self.tr("Show all"))
        self.clear_limit.setObjectName("clearListLimit")
        self.clear_limit.setToolTip(self.tr("List every customer the search and filters find"))
        self.clear_limit.clicked.connect(self.clear_ids)
        limit_row = QHBoxLayout(self.limit)
        limit_row.setContentsMargins(0, 0, 0, 0)
        limit_row.addWidget(self.limit_label, 1)
        limit_row.addWidget(self.clear_limit)
        self.limit.hide()

        # Several values are kept as "A,B": plain strings compare reliably inside Qt (tuples do not).
        self.tier.addItem(self.tr("All tiers"), "")
        for tier in "ABC":
            self.tier.addItem(label(tier), tier)
        self.tier.addItem(self.tr("A and B"), "A,B")
        self.stage.addItem(self.tr("All stages"), "")
        for stage in ("prospect", "new", "active", "mature", "at_risk", "lost", "won_back"):
            self.stage.addItem(label(stage), stage)
        self.follow_up.addItem(self.tr("Any follow-up"), "")
        self.follow_up.addItem(self.tr("Overdue"), "overdue")
        self.follow_up.addItem(self.tr("Due this week"), "week")
        self.set_choices([], [], [])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.limit)
        layout.addWidget(self.search)
        # The filters wrap onto as many lines as the list column's width needs: one fixed row of eight (or two
        # of four) would make the window wider than a laptop screen allows.
        self.setSizePolicy(flow_policy())
        filters = FlowLayout()
        for widget in (self.owner, self.tier, self.stage, self.tag, self.city, self.follow_up, self.no_order,
                       self.risk, self.open_feedback):
            filters.addWidget(widget)
        layout.addLayout(filters)

        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.changed)
        self.search.textChanged.connect(self._pending.start)
        for combo in (self.owner, self.tier, self.stage, self.tag, self.city, self.follow_up, self.no_order,
                      self.risk):
            combo.currentIndexChanged.connect(self._pending.start)
        self.open_feedback.toggled.connect(self._pending.start)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.clear_search,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _add_no_order(self, days: int) -> int:
        """The choice for `days` (added in order when missing); returns its index."""
        return self._add_choice(self.no_order, days, self.tr("No order for more than %1 days"))

    @staticmethod
    def _add_choice(combo: QComboBox, number: int, text: str) -> int:
        """The choice for `number` in a combo of "any" then growing numbers (added in order when missing)."""
        index = combo.findData(number)
        if index < 0:
            index = 1 + sum(1 for i in range(1, combo.count()) if combo.itemData(i) < number)
            combo.insertItem(index, text.replace("%1", str(number)), number)
        return index

    def set_choices(self, salespeople: list[SalespersonInfo], tags: list[tuple[int, str]], cities: list[str]) -> None:
        """Fill the choice lists from the database, keeping what is selected where possible."""
        keep = (self.owner.currentData(), self.tag.currentData(), self.city.currentData())
        for combo in (self.owner, self.tag, self.city):
            combo.blockSignals(True)
            combo.clear()
        self.owner.addItem(self.tr("All owners"), None)
        if self.me is not None:
            self.owner.addItem(self.tr("My customers"), MY_CUSTOMERS)
        for person in salespeople:
            self.owner.addItem(person.name, person.id)
        self.tag.addItem(self.tr("All tags"), None)
        for tag_id, name in tags:
            self.tag.addItem(name, tag_id)
        self.city.addItem(self.tr("All cities"), "")
        for city in cities:
            self.city.addItem(city, city)
        for combo, value in zip((self.owner, self.tag, self.city), keep, strict=True):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def clear_search(self) -> None:
        self.search.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current(self, trash: bool = False, sort: str = "name", descending: bool = False) -> CustomerFilter:
        owner = self.owner.currentData()
        if owner == MY_CUSTOMERS:
            owner = self.me
        return CustomerFilter(
            text=self.search.text(), owner_id=owner, tiers=_values(self.tier.currentData()),
            stages=_values(self.stage.currentData()), tag_id=self.tag.currentData(),
            city=self.city.currentData() or "", follow_up=self.follow_up.currentData() or "",
            open_feedback=self.open_feedback.isChecked(), trash=trash, sort=sort, descending=descending,
            no_order_days=self.no_order.currentData(), min_risk=self.risk.currentData(), ids=self.ids,
            caption=self.caption if self.ids is not None else "",
        )

    def apply(self, flt: CustomerFilter, my_customers: bool = False) -> None:
        """Show a saved view's filter (one `changed` afterwards)."""
        widgets = (self.search, self.owner, self.tier, self.stage, self.tag, self.city, self.follow_up,
                   self.no_order, self.risk, self.open_feedback)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text)
        self.owner.setCurrentIndex(max(self.owner.findData(MY_CUSTOMERS if my_customers else flt.owner_id), 0))
        self.tier.setCurrentIndex(max(self.tier.findData(",".join(flt.tiers)), 0))
        self.stage.setCurrentIndex(max(self.stage.findData(",".join(flt.stages)), 0))
        self.tag.setCurrentIndex(max(self.tag.findData(flt.tag_id), 0))
        self.city.setCurrentIndex(max(self.city.findData(flt.city), 0))
        self.follow_up.setCurrentIndex(max(self.follow_up.findData(flt.follow_up), 0))
        self.open_feedback.setChecked(flt.open_feedback)
        self.no_order.setCurrentIndex(0 if flt.no_order_days is None else self._add_no_order(flt.no_order_days))
        self.risk.setCurrentIndex(0 if flt.min_risk is None else self._add_choice(
            self.risk, flt.min_risk, self.tr("Risk at least %1")))
        self._show_ids(flt.ids, flt.caption)
        for widget in widgets:
            widget.blockSignals(False)
        self._pending.start()

    def _show_ids(self, ids: tuple[int, ...] | None, caption: str) -> None:
        self.ids, self.caption = ids, caption if ids is not None else ""
        self.limit_label.setText(self.tr("Only: %1").replace("%1", caption or self.tr("the customers chosen")))
        self.limit.setVisible(ids is not None)

    def clear_ids(self) -> None:
        """Back to every customer the other filters find (one `changed` afterwards)."""
        if self.ids is not None:
            self._show_ids(None, "")
            self._pending.start()

    def is_my_customers(self) -> bool:
        return self.owner.currentData() == MY_CUSTOMERS


def _values(data: str | None) -> tuple[str, ...]:
    return tuple(v for v in (data or "").split(",") if v)
