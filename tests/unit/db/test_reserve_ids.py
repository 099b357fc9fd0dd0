"""The ids a bulk writer gives (bulk.reserve_ids) on both engines: one consecutive run after every id in use, even
those row-level security hides, and a colleague's insert meanwhile never takes one of them."""

from __future__ import annotations

import threading
import time

from keepclient.db import bulk
from keepclient.services.workspace import Workspace


def test_reserved_ids_follow_the_teams_and_are_not_given_twice(new_database):
    ws = Workspace.open(new_database("ids"), user="tester")
    try:
        made = [ws.editor.create(f"客户{n}") for n in range(3)]
        with ws.db.write() as pw:
            first = bulk.reserve_ids(pw, "customer", 5)
        assert first == max(made) + 1
        later = ws.editor.create("后来的客户")
        with ws.db.write() as pw:
            second = bulk.reserve_ids(pw, "customer", 2)
        if ws.db.engine == "sqlite":  # a file numbers after the largest id stored: the unused run is free again
            assert later == first and second == later + 1
        else:  # a server's sequence has moved past the run: nobody is given one of its ids
            assert later == first + 5 and second == later + 1
        with ws.db.write() as pw:
            assert bulk.reserve_ids(pw, "customer", 0) in (0, second)  # nothing numbered
    finally:
        ws.close()


def test_a_colleagues_insert_waits_for_the_reserving_import_on_a_server(server_url):
    """While an import's transaction holds its run, a colleague's new customer waits, then takes the id after it
    (without the lock it would take the run's second id and the import would fail on it, or undo would delete
    the colleague's customer with the import's range)."""
    from keepclient.db.server import prepare

    prepare(server_url, "test")
    ws, colleague = Workspace.open(server_url, user="import"), Workspace.open(server_url, user="colleague")
    try:
        made: list[int] = []
        with ws.db.write() as pw:
            first = bulk.reserve_ids(pw, "customer", 3)
            waiting = threading.Thread(target=lambda: made.append(colleague.editor.create("同事的客户")))
            waiting.start()
            time.sleep(0.5)
            assert made == []  # waits for the import's commit
            bulk.execute_many(pw, "INSERT INTO customer (id, uuid, created_at, updated_at, updated_by, version, "
                              "name, name_norm, name_pinyin, name_initials, sort_key) VALUES "
                              "(?, ?, '2026-01-01', '2026-01-01', 'import', 1, ?, '', '', '', '')",
                              [(first + n, f"u{n}", f"导入{n}") for n in range(3)])
        waiting.join(10)
        assert made == [first + 3]
    finally:
        colleague.close()
        ws.close()
