"""Tasks off the UI thread: a task whose starter let go of it still delivers on the UI thread, then is released; a
background task waits while the user types, without holding the workers others need, and is cancelled on close."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from keepclient.ui import tasks
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


def test_a_background_task_waits_for_a_pause_in_the_typing_while_other_tasks_run(qtbot, monkeypatch):
    monkeypatch.setattr(tasks, "QUIET_S", 0.3)
    runner = TaskRunner()
    events: list[str] = []
    went_on: list[float] = []

    def background(_report, cancelled) -> None:
        for _step in range(2):
            assert not cancelled()
            went_on.append(time.monotonic())

    TaskRunner.activity.touch()
    runner.start(Task(background, background=True))
    last_touch = time.monotonic()
    for n in range(4):  # typing, a keystroke every 0.1 s: no pause of 0.3 s
        TaskRunner.activity.touch()
        last_touch = time.monotonic()
        runner.start(Task(lambda _report, _cancelled, n=n: n).then(lambda n: events.append(f"count {n}")))
        qtbot.wait(100)
    assert went_on == []  # still waiting
    qtbot.waitUntil(lambda: events == [f"count {n}" for n in range(4)])  # the counts ran meanwhile, on two workers
    qtbot.waitUntil(lambda: len(went_on) == 2, timeout=5000)
    assert went_on[0] >= last_touch + tasks.QUIET_S
    runner.wait()


def test_closing_cancels_a_background_task_that_waits_and_not_the_others(qtbot):
    runner = TaskRunner()
    release = threading.Event()

    def background(_report, cancelled) -> str:
        return "cancelled" if cancelled() else "went on"

    def other(_report, cancelled) -> str:
        release.wait(5)
        return "cancelled" if cancelled() else "finished"

    for _ in range(20):  # typing for longer than the test
        TaskRunner.activity.touch()
    waiting = runner.start(Task(background, background=True))
    working = runner.start(Task(other))
    release.set()
    runner.stop()
    assert (waiting.result, working.result) == ("cancelled", "finished")  # it had waited for a pause
