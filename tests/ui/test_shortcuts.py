"""No key does two things at once: every QAction, QShortcut and &-mnemonic live in the main window, tab by tab, in
English and in Chinese. One key bound twice where both are live makes Qt say "Ambiguous shortcut overload" and do
nothing (Ctrl+Shift+I was Import history and Set tier; Alt+F was the File menu and the Feedback tab)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from keepclient.ui.help import shortcut_map
from keepclient.ui.main_window import MainWindow
from keepclient.ui.widgets.lazy_tab import LazyTab

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "keepclient_zh_CN.ts"
LANGUAGES = ["en", "zh_CN"]


@pytest.fixture(params=LANGUAGES)
def language_window(request: pytest.FixtureRequest) -> MainWindow:
    """The window on the demo database, built after the language's translations are installed."""
    if request.param == "zh_CN":
        request.getfixturevalue("chinese_ui")
    return request.getfixturevalue("window")


def show_tab(qtbot, window: MainWindow, index: int) -> None:
    window.tabs.setCurrentIndex(index)
    page = window.tabs.widget(index)
    if isinstance(page, LazyTab):
        qtbot.waitUntil(lambda: page.built and page.content().isVisible())
    qtbot.wait(10)  # the area's own shortcuts are made as it is first shown the workspace


def live(window: MainWindow) -> list[shortcut_map.Binding]:
    return shortcut_map.key_bindings(window) + shortcut_map.mnemonic_bindings(window)


def test_no_key_is_bound_twice_on_any_tab(qtbot, language_window: MainWindow) -> None:
    window = language_window
    found = {}
    for index in range(window.tabs.count()):
        show_tab(qtbot, window, index)
        bindings = live(window)
        assert len(bindings) > 30  # the walk sees the menus, the tabs and the area's own keys
        found[window.tabs.tabText(index)] = [f"{a.describe()} <-> {b.describe()}"
                                             for a, b in shortcut_map.clashes(bindings)]
    assert found == {title: [] for title in found}


def test_menu_items_have_distinct_mnemonics(language_window: MainWindow) -> None:
    """Within one menu a letter picks one item (a shared letter only cycles between them)."""
    assert shortcut_map.menu_mnemonic_clashes(language_window) == []


def test_ctrl_shift_i_sets_the_tier_only(qtbot, language_window: MainWindow) -> None:
    window = language_window
    bound = [b for b in live(window) if b.keys == "Ctrl+Shift+I"]
    assert [b.source for b in bound] == [window.customer_actions["tier"]]
    assert window.spreadsheets.history_action.shortcuts() == []


def test_every_tab_and_menu_title_has_its_own_letter(qtbot, language_window: MainWindow) -> None:
    window = language_window
    titles = [a.text() for a in window.menuBar().actions()]
    titles += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    letters = [shortcut_map.mnemonic(text) for text in titles]
    assert all(letters), titles
    assert len(set(letters)) == len(letters), dict(zip(titles, letters, strict=True))


def test_the_walk_finds_a_clash_of_keys_and_of_mnemonics(qtbot, window: MainWindow) -> None:
    """Not vacuous: a second action on Ctrl+Shift+I and a button labelled &File on show are caught; the same
    action reached twice (menu and widget) is not a clash, nor are one tab's keys against a hidden tab's."""
    extra = QAction("Probe", window)
    extra.setShortcut("Ctrl+Shift+I")
    window.addAction(extra)
    button = QPushButton("&Fix", window.customers)
    button.show()
    pairs = {(a.keys, frozenset((a.label, b.label))) for a, b in shortcut_map.clashes(live(window))}
    assert ("Ctrl+Shift+I", frozenset({"Set tier", "Probe"})) in pairs
    assert ("Alt+F", frozenset({"File", "Fix"})) in pairs
    window.customers.addAction(window.customer_actions["tier"])  # one action, two ways in
    assert not any(a.source is b.source for a, b in shortcut_map.clashes(live(window)))


def test_shortcuts_of_a_hidden_tab_are_not_live(qtbot, window: MainWindow) -> None:
    """The feedback log's Ctrl+N is live only while its tab shows (and the customers' New customer is then off)."""
    show_tab(qtbot, window, 2)
    log_new = window.feedback.actions_by_name["new"]
    assert any(b.source is log_new for b in live(window))
    assert not any(b.source is window.customer_actions["new"] for b in live(window))
    show_tab(qtbot, window, 0)
    assert not any(b.source is log_new for b in live(window))
    assert any(b.source is window.customer_actions["new"] for b in live(window))


MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic_letter(text: str) -> str:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def test_chinese_texts_keep_the_mnemonics_of_the_english() -> None:
    """A Chinese text keeps the letter as "(&F)": a translation without it would lose the Alt key, one with
    another letter could clash where the English does not."""
    wrong = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            if text and _mnemonic_letter(source) != _mnemonic_letter(text):
                wrong.append((context.findtext("name"), source, text))
    assert wrong == []


def test_pressing_ctrl_shift_i_reaches_set_tier(qtbot, window: MainWindow) -> None:
    """The key itself, as Qt dispatches it: it now triggers Set tier instead of being ambiguous."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.customers.list.setFocus()
    with qtbot.waitSignal(window.customer_actions["tier"].triggered, timeout=2000):
        qtbot.keyClick(window.customers.list, Qt.Key.Key_I,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
