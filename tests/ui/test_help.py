"""The Help menu: Keyboard shortcuts (read from the live actions, searchable), the user guide in both languages,
About with versions, and Save diagnostics… (no customer data, written whole)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from keepclient.ui.help.guide_window import GuideWindow, guide_path
from keepclient.ui.help.shortcut_map import plain
from keepclient.ui.help.shortcuts_window import ShortcutsWindow
from keepclient.ui.main_window import MainWindow
from tests.ui.helpers import sql

HELP_DIR = Path(__file__).resolve().parents[2] / "resources" / "help"


def test_help_menu_lists_its_four_actions(window: MainWindow) -> None:
    menu = next(o for o in window.help_menu.about_action.associatedObjects() if isinstance(o, QMenu))
    texts = [plain(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Keyboard shortcuts", "User guide", "Save diagnostics", "About keepclient"]


def _menu_actions_with_keys(window: MainWindow) -> set[tuple[str, str]]:
    """Walked here on its own, to hold the window's list against."""
    found = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())
            elif action.shortcuts() and action.isVisible():
                found.add((plain(action.text()), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_shortcuts_window_lists_every_menu_action_and_the_tabs_keys(qtbot, window: MainWindow) -> None:
    window.help_menu.shortcuts_action.trigger()
    shown = window.help_menu.shortcuts_window
    assert isinstance(shown, ShortcutsWindow) and shown.isVisible()
    rows = shown.visible_rows()
    listed = {(text, keys.split(", ")[0]) for _group, text, keys in rows if keys}
    assert _menu_actions_with_keys(window) <= listed
    assert ("Customer › For the selected customers", "Set tier", "Ctrl+Shift+I") in rows
    assert ("File", "Import history", "") in rows  # every action, with or without keys
    assert ("Calendar tab", "Today", "Ctrl+T, Alt+Home") in rows  # built for the list, though never shown
    assert ("Feedback tab", "New feedback", "Ctrl+N") in rows
    assert ("Help", "Keyboard shortcuts", "Ctrl+/") in rows
    window.help_menu.shortcuts_action.trigger()  # a second time raises the same window
    assert window.help_menu.shortcuts_window is shown


def test_shortcuts_window_searches_actions_keys_and_menus(qtbot, window: MainWindow) -> None:
    shown = window.help_menu.show_shortcuts()
    shown.search.setText("tier")
    assert {text for _g, text, _k in shown.visible_rows()} == {"Set tier", "Review tiers"}
    shown.search.setText("ctrl+shift+k")
    assert [text for _g, text, _k in shown.visible_rows()] == ["Show feedback log"]
    shown.search.setText("calendar next")
    assert {text for _g, text, _k in shown.visible_rows()} == {"Next"}
    shown.search.setText("")
    assert len(shown.visible_rows()) > 40


def test_shortcuts_window_speaks_chinese(qtbot, chinese_ui, window: MainWindow) -> None:
    shown = window.help_menu.show_shortcuts()
    rows = shown.visible_rows()
    assert ("文件", "打开数据库", "Ctrl+O") in rows
    assert any(group == "客户 › 对选中的客户" and keys == "Ctrl+Shift+I" for group, _text, keys in rows)
    shown.search.setText("等级")
    assert {text for _g, text, _k in shown.visible_rows()} == {"设置等级", "审核等级"}


@pytest.mark.parametrize(("language", "heading"), [("en", "Finding customers"), ("zh_CN", "查找客户")])
def test_user_guide_in_the_users_language(qtbot, language: str, heading: str) -> None:
    guide = GuideWindow(locale=QLocale(language))
    qtbot.addWidget(guide)
    guide.show()
    assert guide.path.name == f"guide_{language}.md"
    text = guide.browser.toPlainText()
    assert heading in text and "Ctrl+Shift+I" in text and "**" not in text  # read as Markdown, not shown raw


def test_guide_falls_back_to_english_and_both_have_the_same_sections() -> None:
    assert guide_path(QLocale("de_DE")).name == "guide_en.md"
    headings = {name: [line for line in (HELP_DIR / name).read_text(encoding="utf-8").splitlines()
                       if line.startswith("#")] for name in ("guide_en.md", "guide_zh_CN.md")}
    assert len(headings["guide_en.md"]) == len(headings["guide_zh_CN.md"]) >= 8


def test_user_guide_from_the_menu(qtbot, window: MainWindow) -> None:
    window.help_menu.guide_action.trigger()
    assert isinstance(window.help_menu.guide_window, GuideWindow)
    assert window.help_menu.guide_window.isVisible()
    assert window.help_menu.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_about_names_the_versions(window: MainWindow) -> None:
    prompter = window.prompter
    window.help_menu.about_action.trigger()
    kind, title, text = prompter.asked[-1]
    assert (kind, title) == ("about", "About keepclient")
    for name in ("keepclient 0.", "Python:", "Qt:", "PySide6:", "SQLite:", "peewee:", "openpyxl:", "Platform:"):
        assert name in text


def test_save_diagnostics_writes_counts_not_customers(qtbot, window: MainWindow, demo_db: Path,
                                                      tmp_path: Path) -> None:
    target = tmp_path / "out" / "diagnostics.txt"
    target.parent.mkdir()
    target.write_text("an older report", encoding="utf-8")
    window.prompter.path = target
    window.help_menu.diagnostics_action.trigger()
    qtbot.waitUntil(lambda: "Diagnostics saved" in window.statusBar().currentMessage())
    text = target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["diagnostics.txt"]  # replaced whole, no temp left
    customers = sql(demo_db, "SELECT COUNT(*) FROM customer")[0][0]
    assert re.search(rf"^customer +{customers:,}$", text, re.MULTILINE)
    assert "schema version" in text and "[Settings]" in text and "PySide6" in text
    private = [row for (row,) in sql(demo_db, "SELECT name FROM customer UNION SELECT name FROM contact "
                                              "UNION SELECT phone FROM customer UNION SELECT email FROM customer "
                                              "UNION SELECT name FROM salesperson") if row and len(row) > 1]
    assert len(private) > 100
    assert [value for value in private if value in text] == []


def test_save_diagnostics_into_a_missing_folder_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.prompter.path = tmp_path / "gone" / "diagnostics.txt"
    window.help_menu.diagnostics_action.trigger()
    qtbot.waitUntil(lambda: window.prompter.kinds()[-1:] == ["error"])
    assert window.prompter.asked[-1][1] == "Diagnostics not saved"
    assert not (tmp_path / "gone").exists()
