"""Background tasks: a task whose starter let go of it still delivers on the UI thread, then is released."""

from __future__ import annotations

import gc
import threading
import weakref

from keepclient.ui.tasks import Task, TaskRunner


def test_a_dropped_task_still_delivers_on_the_ui_thread_and_is_then_released(qtbot):
    runner = TaskRunner()
    delivered: list[tuple[int, str]] = []
    release = threading.Event()

    def work(_report, _cancelled) -> int:
        release.wait(5)
        return 42

    task = Task(work)
    task.then(lambda result: delivered.append((result, threading.current_thread().name)))
    runner.start(task)
    watched = weakref.ref(task)
    del task  # as a count replaced by a newer one: only the runner holds it now
    gc.collect()
    assert watched() is not None
    release.set()
    qtbot.waitUntil(lambda: delivered == [(42, threading.main_thread().name)])
    qtbot.waitUntil(lambda: not runner.running)
    runner.wait()
