"""Every key a window answers to, read from its live QActions, QShortcuts and &-mnemonics.

The Keyboard shortcuts window lists what this finds (so it cannot go stale), and the tests ask it for clashes:
two things bound to one key where both can be active at once make Qt report "Ambiguous shortcut overload" and
do nothing. A binding counts only when Qt would honour it now: its widget visible and enabled (a hidden tab's
shortcuts are off), its action enabled.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@dataclass(frozen=True)
class Binding:
    """One key of one action, shortcut or mnemonic; `scope` is the widget whose focus range it works in."""

    keys: str  # QKeySequence in portable text ("Ctrl+Shift+I", "Alt+F")
    label: str  # what it does, as the user reads it
    source: object  # the QAction, QShortcut, widget or (tab bar, index): one source bound twice is no clash
    scope: QWidget
    context: Qt.ShortcutContext

    def describe(self) -> str:
        return f"{self.keys}: {self.label} ({type(self.source).__name__} in {type(self.scope).__name__})"


_MNEMONIC_IN_BRACKETS = re.compile(r"\s*\(&[^&]\)")  # Chinese texts: "文件(&F)"


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic marker ("&&" stays one "&", "文件(&F)" reads "文件") and without a
    trailing ellipsis."""
    text = _MNEMONIC_IN_BRACKETS.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def mnemonic(text: str) -> str:
    """"Alt+F" for "&File" or "文件(&F)", "" when the text has none."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def _menu_reachable(menu: QMenu, window: QWidget, seen: set[int] | None = None) -> bool:
    """A menu's actions answer their keys while the menu hangs (through submenus) under a visible menu bar or
    widget of `window`, as Qt's own check walks it."""
    seen = seen if seen is not None else set()
    if id(menu) in seen:
        return False
    seen.add(id(menu))
    for owner in menu.menuAction().associatedObjects():
        if isinstance(owner, QMenu):
            if _menu_reachable(owner, window, seen):
                return True
        elif isinstance(owner, QWidget) and owner.window() is window and _shown(owner):
            return True
    return False


def _action_scopes(action: QAction, window: QWidget) -> list[QWidget]:
    """The widgets through which `action`'s shortcut is live now (the window for one reached through menus)."""
    scopes: list[QWidget] = []
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            if _menu_reachable(owner, window):
                scopes.append(window)
        elif isinstance(owner, QMenuBar | QWidget) and owner.window() is window and _shown(owner):
            scopes.append(owner)
    return scopes


def _actions(window: QWidget) -> list[QAction]:
    found: dict[int, QAction] = {id(a): a for a in window.findChildren(QAction)}
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            found.setdefault(id(action), action)
    return list(found.values())


def key_bindings(window: QWidget) -> list[Binding]:
    """The live keys of `window`'s QActions and QShortcuts."""
    found: list[Binding] = []
    for action in _actions(window):
        if not action.isEnabled() or not action.shortcuts():
            continue
        for scope in _action_scopes(action, window):
            context = Qt.ShortcutContext.WindowShortcut if scope is window else action.shortcutContext()
            for keys in action.shortcuts():
                found.append(Binding(keys.toString(QKeySequence.SequenceFormat.PortableText), plain(action.text()),
                                     action, scope, context))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget) or not _shown(parent):
            continue
        sequences = shortcut.keys()
        for keys in sequences:
            found.append(Binding(keys.toString(QKeySequence.SequenceFormat.PortableText),
                                 shortcut.objectName() or shortcut.whatsThis() or "QShortcut", shortcut, parent,
                                 shortcut.context()))
    return [b for b in found if b.keys]


def mnemonic_bindings(window: QWidget) -> list[Binding]:
    """Alt+letter of the menu bar's titles, the tabs, buttons, group boxes and labels with a buddy on show."""
    found: list[Binding] = []
    window_wide = Qt.ShortcutContext.WindowShortcut

    def add(text: str, source: object) -> None:
        if keys := mnemonic(text):
            found.append(Binding(keys, plain(text), source, window, window_wide))

    for bar in window.findChildren(QMenuBar):
        if _shown(bar):
            for action in bar.actions():
                if action.isVisible() and action.isEnabled():
                    add(action.text(), action)
    for tabs in window.findChildren(QTabBar):
        if _shown(tabs):
            for index in range(tabs.count()):
                if tabs.isTabEnabled(index) and tabs.isTabVisible(index):
                    add(tabs.tabText(index), (tabs, index))
    for button in window.findChildren(QAbstractButton):
        if _shown(button) and button.window() is window:
            add(button.text(), button)
    for box in window.findChildren(QGroupBox):
        if _shown(box) and box.window() is window:
            add(box.title(), box)
    for label in window.findChildren(QLabel):
        if _shown(label) and label.buddy() is not None and label.window() is window:
            add(label.text(), label)
    return found


def _contains(outer: QWidget, inner: QWidget) -> bool:
    return outer is inner or outer.isAncestorOf(inner)


def overlap(a: Binding, b: Binding) -> bool:
    """Whether both can be live for one focus widget (and so one key press)."""
    if a.context in WINDOW_WIDE or b.context in WINDOW_WIDE:
        return True
    if a.context == Qt.ShortcutContext.WidgetShortcut and b.context == Qt.ShortcutContext.WidgetShortcut:
        return a.scope is b.scope
    if a.context == Qt.ShortcutContext.WidgetShortcut:
        return _contains(b.scope, a.scope)
    if b.context == Qt.ShortcutContext.WidgetShortcut:
        return _contains(a.scope, b.scope)
    return _contains(a.scope, b.scope) or _contains(b.scope, a.scope)


def clashes(bindings: list[Binding]) -> list[tuple[Binding, Binding]]:
    """Pairs of different sources bound to one key that can be live at once."""
    by_key: dict[str, list[Binding]] = defaultdict(list)
    for binding in bindings:
        by_key[binding.keys.lower()].append(binding)
    found = []
    for same in by_key.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if a.source is not b.source and overlap(a, b):
                    found.append((a, b))
    return found


def menu_mnemonic_clashes(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, first item, second item) for items of one menu that share a mnemonic letter."""
    found = []
    for menu in window.findChildren(QMenu):
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            keys = mnemonic(action.text()).lower()
            if keys and keys in seen:
                found.append((plain(menu.title()), seen[keys], plain(action.text())))
            elif keys:
                seen[keys] = plain(action.text())
    return found


@dataclass(frozen=True)
class Entry:
    """One line of the Keyboard shortcuts window."""

    group: str  # "File", "Customer › For the selected customers", "Calendar tab"
    text: str
    keys: tuple[str, ...]  # native text, as the menus show them ("Ctrl+Shift+I"; "⌘⇧I" on macOS)


def menu_entries(bar: QMenuBar) -> list[Entry]:
    """Every action of the menu bar's menus, submenus under "Menu › Submenu", in menu order."""
    entries: list[Entry] = []

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{group} › {plain(sub.title())}")
            else:
                entries.append(Entry(group, plain(action.text()), _native(action)))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(menu.title()))
    return entries


def area_entries(area: QWidget, group: str) -> list[Entry]:
    """The actions with keys that live in a tab's area rather than in a menu (the calendar's navigation)."""
    entries = []
    seen: set[int] = set()
    for widget in [area, *area.findChildren(QWidget)]:
        for action in widget.actions():
            if id(action) in seen or not action.shortcuts() or isinstance(widget, QMenu):
                continue
            seen.add(id(action))
            entries.append(Entry(group, plain(action.text()), _native(action)))
    return entries


def _native(action: QAction) -> tuple[str, ...]:
    """Each key once: a standard key can repeat one given explicitly (Redo is Ctrl+Shift+Z on Linux too)."""
    return tuple(dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()))
