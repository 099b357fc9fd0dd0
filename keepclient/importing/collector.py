"""Python's cyclic garbage collector paused during bulk spreadsheet work.

An import builds millions of objects (cells, planned rows, values) that hold no reference cycles. Each full
collection walks all of them while holding the GIL: measured here, 80-100 ms at a time with only the pinyin
dictionaries loaded, longer with a 100,000-row sheet in memory, and the window cannot paint meanwhile. Memory
is still freed as usual (reference counting); only cycles wait for the collector to resume.

Objects made while the collector was paused would all sit in its youngest generation, and the first collection
after it resumes would walk them all at once (a 300 ms freeze measured after matching 100,000 rows). So the
last one out freezes what exists (`gc.freeze`: moved aside in constant time, never walked); `thaw()` hands it
back once the big work is gone (the import wizard calls it when it closes).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while the body runs; nests, and works across threads (the last one out
    restores it as it was)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


def thaw() -> None:
    """Let the collector see the frozen objects again (call it when the bulk data is no longer held)."""
    with _lock:
        if _depth == 0:
            gc.unfreeze()
