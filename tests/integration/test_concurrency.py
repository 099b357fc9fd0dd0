"""Eight processes editing one customer through the app's own services in shared mode: nothing is lost.

Each edit reads the customer, adds one to a counter kept in its notes and saves with the version it read; a
ConflictError (a colleague saved first) means read again and redo, as a user would. Every process counts raw
SQLite lock errors, which the connection policy must never let through.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from keepclient.domain.errors import ConflictError, DatabaseBusyError
from keepclient.services.workspace import Workspace

PROCESSES = 8
EDITS = 300


def _editor(path: str, who: int, queue) -> None:
    ws = Workspace.open(path, shared=True, user=f"editor{who}")
    conflicts = busy = raw_lock_errors = 0
    done = 0
    try:
        while done < EDITS:
            try:
                detail = ws.customers.detail(1)
                ws.editor.update(1, detail.version, {"notes": str(int(detail.notes) + 1)})
                done += 1
            except ConflictError:
                conflicts += 1
            except DatabaseBusyError:
                busy += 1
            except sqlite3.OperationalError:
                raw_lock_errors += 1
    finally:
        ws.close()
        queue.put({"conflicts": conflicts, "busy": busy, "raw": raw_lock_errors, "done": done})


@pytest.mark.slow
def test_no_lost_updates_and_no_raw_lock_errors(tmp_path: Path):
    path = tmp_path / "shared.db"
    ws = Workspace.open(path, shared=True, user="setup")
    ws.editor.create("并发测试客户", notes="0")
    ws.close()

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_editor, args=(str(path), n, queue)) for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    print(json.dumps(results))

    ws = Workspace.open(path, shared=True)
    detail = ws.customers.detail(1)
    ws.close()
    assert sum(r["done"] for r in results) == PROCESSES * EDITS
    assert int(detail.notes) == PROCESSES * EDITS  # 0 lost updates
    assert detail.version == PROCESSES * EDITS + 1
    assert sum(r["raw"] for r in results) == 0  # 0 raw "database is locked"
    assert sum(r["busy"] for r in results) == 0  # waiting was enough: nobody was told to retry
