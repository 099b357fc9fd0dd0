"""Who else is here: presence rows on a real shared file, and the status bar's "Also here" label."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

import pytest

from keepclient.services.presence import STALE_AFTER
from keepclient.services.workspace import Workspace
from tests.ui.helpers import sql

T0 = dt.datetime(2026, 11, 23, 9, 30)


class Clock:
    """A settable clock: presence never depends on today's date in these tests."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def team_file(team_db) -> Path:
    return team_db[0]


def colleague(path: Path, name: str, clock: Clock) -> Workspace:
    ws = Workspace.open(path, user=name)
    ws.presence.clock = clock
    return ws


def versions(path: Path) -> tuple[list[tuple[int, int]], int]:
    return sql(path, "SELECT id, version FROM customer ORDER BY id"), sql(path, "SELECT count(*) FROM change_log")[0][0]


def test_two_workspaces_on_one_file_see_each_other(team_file: Path):
    clock = Clock(T0)
    before = versions(team_file)
    wang, li = colleague(team_file, "王芳", clock), colleague(team_file, "李强", clock)
    assert wang.presence.checkin("王芳", "PC-WANG") and li.presence.checkin("李强", "LAPTOP-LI")
    clock.at = T0 + dt.timedelta(seconds=20)
    assert wang.presence.checkin("王芳", "PC-WANG")  # a heartbeat keeps "since"
    [seen_by_li] = li.presence.others()
    assert (seen_by_li.who, seen_by_li.machine, seen_by_li.since) == ("王芳", "PC-WANG", T0)
    assert seen_by_li.seen_at == T0 + dt.timedelta(seconds=20)
    assert [p.who for p in wang.presence.others()] == ["李强"]
    assert versions(team_file) == before  # presence bumps no record version and writes no change log
    wang.close()
    li.close()


def test_a_window_gone_quiet_for_a_minute_is_stale(team_file: Path):
    clock = Clock(T0)
    wang, li = colleague(team_file, "王芳", clock), colleague(team_file, "李强", clock)
    wang.presence.checkin("王芳", "PC-WANG")
    assert [p.who for p in li.presence.others(T0 + STALE_AFTER)] == ["王芳"]
    assert li.presence.others(T0 + STALE_AFTER + dt.timedelta(seconds=1)) == []
    clock.at = T0 + dt.timedelta(minutes=5)
    wang.presence.checkin("王芳", "PC-WANG")  # back (a laptop woke up): there again
    assert [p.who for p in li.presence.others()] == ["王芳"]
    wang.close()
    li.close()


def test_closing_clears_presence_at_once(team_file: Path):
    clock = Clock(T0)
    wang, li = colleague(team_file, "王芳", clock), colleague(team_file, "李强", clock)
    wang.presence.checkin("王芳", "PC-WANG")
    wang.close()
    assert li.presence.others() == []
    conn = sqlite3.connect(team_file)
    assert conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 0
    conn.close()
    li.close()


def test_a_busy_database_skips_the_heartbeat_without_waiting(team_file: Path):
    clock = Clock(T0)
    wang = colleague(team_file, "王芳", clock)
    holder = sqlite3.connect(team_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a colleague's long save holds the write lock
    try:
        started = time.monotonic()
        assert wang.presence.checkin("王芳", "PC-WANG") is False
        assert time.monotonic() - started < 0.5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert wang.presence.checkin("王芳", "PC-WANG")  # the next beat goes through
    assert wang.customers.count() == 6  # and the connection still waits for locks as before
    wang.close()


def test_status_bar_shows_who_else_is_here(open_window, team_file: Path):
    clock = Clock(T0)
    window, _ = open_window(team_file, detail=False)
    label = window.presence_label
    assert label.workspace is window.workspace and label.heartbeat.isActive()
    assert label.heartbeat.interval() == 20_000
    assert label.isHidden()  # alone
    window.workspace.presence.clock = clock
    wang, li = colleague(team_file, "王芳", clock), colleague(team_file, "李强", clock)
    wang.presence.checkin("王芳", "PC-WANG")
    clock.at = T0 + dt.timedelta(seconds=5)
    li.presence.checkin("李强", "LAPTOP-LI")
    label.heartbeat.timeout.emit()
    assert label.isVisible() and label.text() == "Also here: 王芳, 李强"
    assert "王芳 on PC-WANG, since" in label.toolTip() and "李强 on LAPTOP-LI" in label.toolTip()
    assert [p.who for p in li.presence.others()] == ["王芳", window.workspace.user]  # they see the window too

    li.close()  # 李强 closes his window: gone at the next heartbeat
    label.beat()
    assert label.text() == "Also here: 王芳"
    clock.at = T0 + dt.timedelta(minutes=2)  # 王芳's laptop went to sleep: stale after a minute
    label.beat()
    assert label.isHidden()

    wang.presence.checkin("王芳", "PC-WANG")
    window.close()  # closing the window checks it out at once
    assert wang.presence.others() == []
    wang.close()


def test_a_colleagues_heartbeat_is_not_taken_for_a_save_but_their_save_is(team_file: Path):
    """The window refreshes its tabs when data_version says a colleague saved; a heartbeat must not do that."""
    mine = Workspace.open(team_file, user="me", create=False)
    theirs = colleague(team_file, "王芳", Clock(T0))
    try:
        seen = mine.data_version()
        assert theirs.presence.checkin("王芳")
        assert mine.data_version() == seen  # only a heartbeat
        theirs.editor.create("新客户")
        after_save = mine.data_version()
        assert after_save != seen
        theirs.presence.clock = Clock(T0 + dt.timedelta(seconds=20))
        assert theirs.presence.checkin("王芳")
        assert mine.data_version() == after_save
        mine.editor.create("我的客户")  # my own saves are already on my screen
        assert mine.data_version() == after_save
    finally:
        theirs.close()
        mine.close()
