"""The window on a team server (issue 19): it opens with the server named in the title and the status bar, finds
customers through the server's search, and shows a colleague's save the moment it is pushed (LISTEN/NOTIFY), well
within a second and long before the window's two-second look would."""

from __future__ import annotations

import time

import psycopg
import pytest

from keepclient import __version__
from keepclient.db.server import prepare, server_label
from keepclient.db.server_move import move_to_server
from keepclient.domain.types import CustomerFilter
from keepclient.ui.main_window import WATCH_MS


@pytest.fixture
def on_server(demo_db, server_url):
    prepare(server_url, __version__)
    move_to_server(demo_db, server_url)
    return server_url


def test_the_window_opens_a_team_server_and_hears_a_colleagues_save_at_once(on_server, open_window, qtbot):
    window, _prompter = open_window(on_server)
    assert window.windowTitle() == f"{server_label(on_server)} — keepclient"
    assert window.mode_label.text() == "Team server" and "postgresql://" in window.path_label.text()
    first = window.workspace.customers.rows(0, 1, CustomerFilter())[0]
    window.customers.filters.search.setText(first.name)
    qtbot.waitUntil(lambda: window.customers.current_filter().text == first.name)
    qtbot.waitUntil(lambda: window.customers.list.model().rowCount() >= 1)
    window.customers.filters.search.setText("")
    qtbot.waitUntil(lambda: window.customers.list.model().rowCount() > 1)
    model = window.customers.list.model()
    shown_first = model.index(0, 0).data()
    assert shown_first == first.name
    with psycopg.connect(on_server) as colleague:  # another keepclient's save: the row, then the word at commit
        colleague.execute("UPDATE customer SET name = %s, sort_key = '', version = version + 1 WHERE id = %s",
                          ["AAA 同事改的名字", first.id])
        colleague.execute("SELECT pg_notify('keepclient_changes', 'a colleague')")
    saved = time.perf_counter()
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "AAA 同事改的名字", timeout=1000)
    assert time.perf_counter() - saved < min(1.0, WATCH_MS / 1000)


def test_the_windows_own_save_is_not_heard_as_a_colleagues(on_server, open_window, qtbot):
    window, _prompter = open_window(on_server)
    db = window.workspace.db
    heard = db.data_version()
    cid = window.workspace.customers.rows(0, 1)[0].id
    version = window.workspace.customers.detail(cid).version
    window.workspace.editor.update(cid, version, {"notes": "我们自己改的"})
    time.sleep(0.2)
    assert db.data_version() == heard


def test_the_dashboard_counts_on_a_team_server(on_server, open_window, qtbot):
    """The KPIs and charts of the Dashboard tab from the server (issue 19): the same figures as the service gives
    for the same period, one row per salesperson and the team's total."""
    window, _prompter = open_window(on_server, detail=False)
    area = window.dashboard
    window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: area.data is not None and not area.counting, timeout=10000)
    report = area.data.report
    direct = window.workspace.kpis.report(report.start, report.end, today=report.today, now=report.made_at)
    assert report.as_dict() == direct.as_dict()
    assert area.model.rowCount() == len(report.rows) + 1 and len(report.rows) >= 3
