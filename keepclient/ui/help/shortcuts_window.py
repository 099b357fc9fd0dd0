"""Help › Keyboard shortcuts: every action of the menus and the tabs with its keys, read from the live QActions
(so the list cannot drift from what the keys do), grouped by menu, with a search box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keepclient.ui.help.shortcut_map import Entry, area_entries, menu_entries, plain
from keepclient.ui.widgets.lazy_tab import LazyTab

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

Tabs = Callable[[], list[tuple[str, QWidget | None]]]  # (tab title, page) in the window's order (as QTabWidget)


def entries(bar: QMenuBar, tabs: Tabs) -> list[Entry]:
    """The menus' actions, then each tab's own keys (a tab built on first show is built now, so none is
    missing)."""
    found = menu_entries(bar)
    for title, page in tabs():
        if page is None:
            continue
        area = page.content() if isinstance(page, LazyTab) else page
        group = translate("ShortcutsWindow", "%1 tab").replace("%1", plain(title))
        found += area_entries(area, group)
    return found


class ShortcutsWindow(QDialog):
    """A window of its own (not modal): it can stay open beside the main window while the user tries keys."""

    def __init__(self, bar: QMenuBar, tabs: Tabs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsWindow", "Keyboard shortcuts"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("ShortcutsWindow", "Search actions and keys…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("ShortcutsWindow", "Action"), translate("ShortcutsWindow", "Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.fill(entries(bar, tabs))
        self.resize(560, 600)

    def fill(self, found: list[Entry]) -> None:
        self.tree.clear()
        self.groups: dict[str, tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = {}
        for entry in found:
            if entry.group not in self.groups:
                group = QTreeWidgetItem(self.tree, [entry.group])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.groups[entry.group] = (group, [])
            group, rows = self.groups[entry.group]
            rows.append(QTreeWidgetItem(group, [entry.text, ", ".join(entry.keys)]))
        self.tree.expandAll()

    def filter(self, text: str) -> None:
        """Rows whose action, keys or menu contain every word typed; a menu without such rows hides."""
        words = text.casefold().split()
        for group, rows in self.groups.values():
            shown = 0
            for row in rows:
                haystack = f"{group.text(0)} {row.text(0)} {row.text(1)}".casefold()
                hidden = not all(word in haystack for word in words)
                row.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) of the rows on show: what a test or a reader sees."""
        return [(group.text(0), row.text(0), row.text(1)) for group, rows in self.groups.values()
                if not group.isHidden() for row in rows if not row.isHidden()]
