"""Saved views: named filters with their sort and columns, beside the list; a few useful ones are built in."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from keepclient.domain.translatable import QT_TRANSLATE_NOOP
from keepclient.domain.types import CustomerFilter


class SavedView(NamedTuple):
    name: str
    filter: CustomerFilter
    my_customers: bool = False
    header: str = ""  # hex of QHeaderView.saveState(): column order, widths, visibility
    builtin: bool = False
    description: str = ""  # a built-in view's tooltip, translated

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "filter": self.filter._asdict(), "my": self.my_customers, "header": self.header}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedView:
        known = {k: v for k, v in data.get("filter", {}).items() if k in CustomerFilter._fields}
        for key in ("tiers", "stages"):
            known[key] = tuple(known.get(key) or ())
        if known.get("ids") is not None:  # a saved list of a dashboard figure's customers
            known["ids"] = tuple(int(i) for i in known["ids"])
        return cls(str(data["name"]), CustomerFilter(**known), bool(data.get("my")), str(data.get("header", "")))


BUILTIN = (
    (QT_TRANSLATE_NOOP("ViewsSidebar", "All customers"), CustomerFilter(), False),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "My customers"), CustomerFilter(), True),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "Overdue follow-ups"), CustomerFilter(follow_up="overdue",
                                                                           sort="next_follow_up"), False),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "Due this week"), CustomerFilter(follow_up="week", sort="next_follow_up"),
     False),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "Open feedback"), CustomerFilter(open_feedback=True, sort="open_feedback",
                                                                      descending=True), False),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "A customers"), CustomerFilter(tiers=("A",)), False),
    # The computed view: risk at least the team's threshold (builtin_views puts it in), riskiest first.
    (QT_TRANSLATE_NOOP("ViewsSidebar", "At risk"), CustomerFilter(min_risk=0, sort="risk", descending=True), False),
    # Lost customers by lifetime value (no column of its own: see EXTRA_SORTS), biggest first.
    (QT_TRANSLATE_NOOP("ViewsSidebar", "Win back"), CustomerFilter(stages=("lost",), sort="ltv", descending=True),
     False),
    (QT_TRANSLATE_NOOP("ViewsSidebar", "Trash"), CustomerFilter(trash=True), False),
)
DESCRIPTIONS = {  # the built-in views' tooltips, where the name does not say it all
    "Win back": QT_TRANSLATE_NOOP("ViewsSidebar", "Lost customers, sorted by lifetime value, highest first"),
}


def builtin_views(has_me: bool, at_risk: int | None = None) -> list[SavedView]:
    """The views every team has; "At risk" lists the customers whose risk is at least `at_risk` (the default
    threshold when None)."""
    if at_risk is None:
        from keepclient.domain.insights import InsightSettings  # loaded when views are listed, not at start-up

        at_risk = InsightSettings().at_risk_threshold
    return [SavedView(QCoreApplication.translate("ViewsSidebar", name),
                      flt._replace(min_risk=at_risk) if flt.min_risk is not None else flt, my, "", True,
                      QCoreApplication.translate("ViewsSidebar", DESCRIPTIONS[name]) if name in DESCRIPTIONS else "")
            for name, flt, my in BUILTIN if has_me or not my]


def load_views(text: str) -> list[SavedView]:
    try:
        return [SavedView.from_json(item) for item in json.loads(text or "[]")]
    except (ValueError, TypeError, KeyError):
        return []  # a damaged preference must not block the window


def dump_views(views: list[SavedView]) -> str:
    return json.dumps([view.to_json() for view in views if not view.builtin], ensure_ascii=False)


class ViewsSidebar(QWidget):
    chosen = Signal(object)  # SavedView
    save_requested = Signal()
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("savedViews")
        self.save_button = QPushButton(self.tr("Save view…"))
        self.save_button.setToolTip(self.tr("Save the current search, filters, sort and columns as a view"))
        self.delete_button = QPushButton(self.tr("Delete"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._current_changed)
        self.save_button.clicked.connect(self.save_requested)
        self.delete_button.clicked.connect(self._delete)

    def set_views(self, views: list[SavedView], select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for view in views:
            item = QListWidgetItem(view.name)
            item.setData(Qt.ItemDataRole.UserRole, view)
            if not view.builtin:
                item.setToolTip(self.tr("Your view"))
            elif view.description:
                item.setToolTip(view.description)
            self.list.addItem(item)
            if view.name == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def views(self) -> list[SavedView]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current(self) -> SavedView | None:
        item: QListWidgetItem | None = self.list.currentItem()  # None when nothing is selected, whatever the stubs say
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).text() == name:
                self.list.setCurrentRow(row)
                return

    def deselect(self) -> None:
        """No view chosen (the list shows something none of them is, such as a dashboard figure's customers), so
        that choosing any of them applies it."""
        self.list.setCurrentRow(-1)

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._update_buttons()
        if current is not None:
            self.chosen.emit(current.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        view = self.current()
        self.delete_button.setEnabled(view is not None and not view.builtin)

    def _delete(self) -> None:
        view = self.current()
        if view is not None and not view.builtin:
            self.delete_requested.emit(view)
