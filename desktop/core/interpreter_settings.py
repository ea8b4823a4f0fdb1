"""Process-wide interpreter settings that bulk work (an import, an export) changes while it
runs: the cyclic garbage collector paused, a shorter thread-switch interval.

Both are global to the process, and an import and an export may run at once, so each is
held through a counted context manager: the first holder remembers the setting as it found
it, the last one out puts it back, and in between the strictest request wins. Without the
count, whichever finished first would restore the setting under the other.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections import Counter
from collections.abc import Iterator

_lock = threading.Lock()

_collector_holders = 0
_collector_was_enabled = False

_interval_requests: Counter[float] = Counter()
_usual_interval = 0.0


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off until the last holder ends (then on again if it was).

    Bulk work makes hundreds of thousands of short-lived objects without cycles; reference
    counting frees them, yet every few hundred new containers start a collection that walks
    the young ones, and a full collection walks everything alive with the GIL held — a UI
    thread's worst stall and several percent of the work's time."""
    global _collector_holders, _collector_was_enabled
    with _lock:
        if _collector_holders == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_holders += 1
    try:
        yield
    finally:
        with _lock:
            _collector_holders -= 1
            if _collector_holders == 0 and _collector_was_enabled:
                gc.enable()


@contextlib.contextmanager
def switch_interval_at_most(seconds: float) -> Iterator[None]:
    """``sys.setswitchinterval`` no longer than ``seconds`` while held: two threads sharing
    the work (one in SQLite with the GIL released, one in Python) hand the GIL over sooner,
    so neither waits the usual 5 ms for the other. The shortest request of all holders
    applies; the interval found by the first is put back after the last."""
    global _usual_interval
    with _lock:
        if not _interval_requests:
            _usual_interval = sys.getswitchinterval()
        _interval_requests[seconds] += 1
        sys.setswitchinterval(min([_usual_interval, *_interval_requests]))
    try:
        yield
    finally:
        with _lock:
            _interval_requests[seconds] -= 1
            if not _interval_requests[seconds]:
                del _interval_requests[seconds]
            sys.setswitchinterval(min([_usual_interval, *_interval_requests]))
