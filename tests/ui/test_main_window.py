"""The main window on real database files, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt

from keepclient import paths
from keepclient.ui.main_window import DEMO_CUSTOMERS, area_widgets
from keepclient.ui.settings import Preferences
from keepclient.ui.tasks import TaskRunner
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import ScriptedPrompter


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_four_areas_show_the_demo_database(make_window, demo_db: Path, qtbot, qtmodeltester):
    window, prompter = make_window()
    assert window.open_workspace(demo_db)
    areas = area_widgets(window)

    customers = areas["customers"].model()
    assert customers.rowCount() == 300
    assert _cell(customers, 0, 0) and _cell(customers, 0, 3)  # a name and an owner
    qtmodeltester.check(customers)

    detail = areas["detail"]
    qtbot.waitUntil(lambda: detail.currentIndex() == 1)  # the first customer follows the list's first paint
    assert detail.title.text() == _cell(customers, 0, 0)
    assert detail.contacts.topLevelItemCount() >= 1 and detail.timeline.topLevelItemCount() >= 1
    areas["customers"].selectRow(5)
    assert detail.title.text() == _cell(customers, 5, 0)

    window.tabs.setCurrentWidget(window.calendar_tab)
    calendar = areas["calendar"]
    calendar.today = DEMO_TODAY
    calendar.go_today()
    assert calendar.model.rowCount() > 0
    qtmodeltester.check(calendar.model)
    shown = calendar.period.text()
    calendar.next_button.click()
    assert calendar.period.text() != shown and calendar.model.rowCount() > 0

    window.tabs.setCurrentWidget(window.feedback_tab)
    feedback = areas["feedback"]
    assert feedback.table.model().rowCount() > 0 and "feedback" in feedback.summary.text()
    qtmodeltester.check(feedback.table.model())

    assert window.path_label.text() == str(demo_db)
    assert window.mode_label.text() == "Local database"
    assert prompter.asked == []  # a populated database asks nothing


def test_shared_mode_is_shown_in_the_status_bar(make_window, demo_db: Path):
    window, _ = make_window()
    window.open_workspace(demo_db, shared=True)
    assert window.mode_label.text() == "Shared database"


def test_empty_database_offers_demo_data(make_window, tmp_path: Path, qtbot):
    window, prompter = make_window(ScriptedPrompter(yes=True))
    window.open_workspace(tmp_path / "new.db", create=True)
    qtbot.waitUntil(lambda: window.customers.list.model() is not None
                    and window.customers.list.model().rowCount() == DEMO_CUSTOMERS, timeout=20000)
    assert prompter.kinds() == ["question"]
    assert window.customers.currentIndex() == 1


def test_declined_demo_leaves_an_empty_state_with_a_button(make_window, tmp_path: Path, qtbot):
    window, prompter = make_window(ScriptedPrompter(yes=False))
    window.open_workspace(tmp_path / "new.db", create=True)
    qtbot.waitUntil(lambda: prompter.kinds() == ["question"])
    assert window.customers.currentIndex() == 0 and window.customers.demo_button.isVisible()
    qtbot.mouseClick(window.customers.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.customers.currentIndex() == 1, timeout=20000)
    assert window.customers.list.model().rowCount() == DEMO_CUSTOMERS


def test_a_bad_file_is_explained_and_the_open_database_stays(make_window, demo_db: Path, tmp_path: Path):
    window, prompter = make_window()
    window.open_workspace(demo_db)
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"shopping list\n" * 40)
    assert not window.open_workspace(garbage)
    assert prompter.asked[-1][0] == "error" and "is not a database file" in prompter.asked[-1][2]
    assert window.workspace is not None and window.workspace.path == demo_db
    assert window.customers.list.model().rowCount() == 300
    assert garbage.read_bytes() == b"shopping list\n" * 40


def test_an_empty_or_vanished_file_is_explained_not_turned_into_a_new_database(make_window, demo_db: Path,
                                                                                tmp_path: Path):
    """A shared file emptied by a failed copy or sync must not quietly become an empty database offering demo
    data; only New database (create=True) makes one."""
    window, prompter = make_window()
    window.open_workspace(demo_db)
    emptied = tmp_path / "team.db"
    emptied.write_bytes(b"")
    assert not window.open_workspace(emptied)
    assert prompter.asked[-1][0] == "error" and "is empty" in prompter.asked[-1][2]
    assert emptied.stat().st_size == 0 and window.workspace.path == demo_db
    assert not window.open_workspace(tmp_path / "gone" / "team.db")
    assert not (tmp_path / "gone").exists()
    assert window.open_workspace(emptied, create=True) and emptied.stat().st_size > 0


def test_open_menu_uses_the_prompter_and_remembers_the_database(make_window, demo_db: Path):
    window, _ = make_window(ScriptedPrompter(path=demo_db))
    window.open_action.trigger()
    assert window.workspace.path == demo_db
    assert paths.last_database() == demo_db
    assert window.open_action.shortcut().toString() and window.backup_action.shortcut().toString()


def test_backup_from_the_menu(make_window, demo_db: Path):
    window, _ = make_window()
    window.open_workspace(demo_db)
    window.backup_action.trigger()
    backups = list((demo_db.parent / "backups").iterdir())
    assert len(backups) == 1 and str(backups[0]) in window.statusBar().currentMessage()


def test_synced_folder_warns(make_window, tmp_path: Path):
    window, prompter = make_window(ScriptedPrompter(yes=False))
    window.open_workspace(tmp_path / "OneDrive - Contoso" / "team.db", offer_demo=False, create=True)
    assert prompter.kinds() == ["warning"] and "OneDrive" in prompter.asked[0][2]
    assert "OneDrive" in window.mode_label.text()


def test_window_layout_is_remembered(make_window, demo_db: Path, prefs: Preferences, qtbot):
    window, _ = make_window()
    window.open_workspace(demo_db)
    window.resize(QSize(720, 520))
    chosen = window.size()  # as large as the window's minimum allows
    window.tabs.setCurrentIndex(2)
    window.close()
    again, _ = make_window()
    assert again.size() == chosen != QSize(1200, 760)
    assert again.tabs.currentIndex() == 2


def test_language_choice_is_saved(make_window, prefs: Preferences):
    window, prompter = make_window()
    window.language_actions["zh_CN"].trigger()
    assert prefs.language == "zh_CN" and prompter.kinds() == ["info"]
    assert window.language_actions["zh_CN"].isChecked() and not window.language_actions["system"].isChecked()


def test_window_speaks_chinese(chinese_ui, make_window, demo_db: Path):
    window, _ = make_window()
    window.open_workspace(demo_db)
    assert window.tabs.tabText(0) == "客户(&C)"
    assert window.mode_label.text() == "本地数据库"
    model = window.customers.list.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"


def test_demo_runs_off_the_ui_thread(make_window, qtbot, tmp_path: Path):
    window, _ = make_window(ScriptedPrompter(yes=True), runner=TaskRunner())
    window.open_workspace(tmp_path / "threaded.db", create=True)
    qtbot.waitUntil(lambda: window.task is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.task is None, timeout=30000)
    qtbot.waitUntil(lambda: window.customers.list.model().rowCount() == DEMO_CUSTOMERS)  # counted in the background
    assert "500" in window.statusBar().currentMessage()


def test_cancelled_demo_writes_nothing_and_asks_nothing(make_window, qtbot, tmp_path: Path):
    window, prompter = make_window(ScriptedPrompter(yes=False), runner=TaskRunner())
    window.open_workspace(tmp_path / "cancel.db", offer_demo=False, create=True)
    window.load_demo()
    window.task.cancel()
    qtbot.waitUntil(lambda: window.task is None, timeout=30000)
    assert prompter.asked == []
    assert "Nothing was written" in window.statusBar().currentMessage()
    assert window.workspace.customers.count() == 0 and window.customers.currentIndex() == 0
