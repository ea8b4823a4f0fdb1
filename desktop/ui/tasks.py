"""The one way to run work off the UI thread (DESIGN §1).

``fn`` runs on a ``QThreadPool`` worker with a :class:`TaskContext` for progress and
cooperative cancel. Its outcome comes back to the GUI thread, where exactly one of
``on_success`` / ``on_failure`` / ``on_cancelled`` runs, then ``on_finished``. Progress
reaches ``on_progress`` on the GUI thread too, at most ~30 times a second.

Cancel is a request: ``fn`` sees it through ``ctx.cancelled`` / ``ctx.check_cancelled()``.
A task that ends by raising :class:`TaskCancelled` (or had not started yet) reports
``on_cancelled``; a task that finishes its work anyway reports ``on_success``, because the
work happened (an import that committed must not be shown as cancelled).

An exception from ``fn`` goes to ``on_failure``; without one only its type name and the
code location are logged — exception messages may carry personal data.

:class:`SynchronousTaskRunner` is the fake for tests: same interface, same callbacks, run
on the calling thread, immediately or when the test says so.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QThreadPool, Signal, Slot

T = TypeVar("T")

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 1 / 30

ProgressCallback = Callable[[int, int], None]


class TaskCancelled(Exception):
    """Raised inside a task to stop it after a cancel request (see ``check_cancelled``)."""


class TaskContext:
    """What a running task may use: cancel checks and throttled progress reports.

    Call it from the task's own thread only.
    """

    def __init__(
        self,
        is_cancelled: Callable[[], bool],
        send_progress: ProgressCallback,
        *,
        interval_s: float = PROGRESS_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._is_cancelled = is_cancelled
        self._send_progress = send_progress
        self._interval_s = interval_s
        self._clock = clock
        self._last_sent_at = -float("inf")
        self._last_sent: tuple[int, int] | None = None
        self._pending: tuple[int, int] | None = None
        self._completion_sent = False

    @property
    def cancelled(self) -> bool:
        return self._is_cancelled()

    def check_cancelled(self) -> None:
        """Raise :class:`TaskCancelled` if cancel was requested."""
        if self._is_cancelled():
            raise TaskCancelled

    def report_progress(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` units; cheap enough to call for every row.

        Reports closer together than the throttle interval are coalesced: the UI gets the
        latest one later (at the latest when the task ends). The first report of
        completion (``done >= total > 0``) always goes through at once.
        """
        if (done, total) == self._last_sent:
            self._pending = None
            return
        now = self._clock()
        completing = 0 < total <= done and not self._completion_sent
        if completing or now - self._last_sent_at >= self._interval_s:
            self._send(done, total, now)
        else:
            self._pending = (done, total)

    def flush_progress(self) -> None:
        """Send the last coalesced report, if any (runners call this when ``fn`` returns)."""
        if self._pending is not None:
            self._send(*self._pending, self._clock())

    def _send(self, done: int, total: int, now: float) -> None:
        self._pending = None
        self._last_sent = (done, total)
        self._last_sent_at = now
        if 0 < total <= done:
            self._completion_sent = True
        self._send_progress(done, total)


class TaskHandle:
    """Returned by ``submit``: request cancel, see whether the task is over."""

    __slots__ = ("_cancel_requested", "_finished")

    def __init__(self) -> None:
        self._cancel_requested = threading.Event()
        self._finished = False

    def cancel(self) -> None:
        """Ask the task to stop; safe from any thread, any number of times."""
        self._cancel_requested.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested.is_set()

    @property
    def finished(self) -> bool:
        """True once the outcome was delivered (set just before the callbacks run)."""
        return self._finished


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class TaskSubmitter(Protocol):
    """What pages need of a runner (only ``submit``): ``TaskRunner``,
    ``SynchronousTaskRunner`` and the window's serial ``WorkspaceTasks`` all fit."""

    def submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Cancellable: ...


class TaskRunnerLike(Protocol):
    """What UI code depends on; :class:`TaskRunner` and :class:`SynchronousTaskRunner`."""

    def submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> TaskHandle: ...

    def cancel_all(self) -> None: ...

    def wait_for_all(self, timeout_ms: int = -1) -> bool: ...

    @property
    def active_count(self) -> int: ...


# ------------------------------------------------------------------ shared by both runners


class _Kind(Enum):
    SUCCESS = "success"
    FAILURE = "failure"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class _Outcome:
    kind: _Kind
    value: Any = None
    error: BaseException | None = None


_CANCELLED = _Outcome(_Kind.CANCELLED)


@dataclass(frozen=True, slots=True)
class _Callbacks:
    name: str
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    on_progress: ProgressCallback | None
    on_finished: Callable[[], None] | None


@dataclass(slots=True)
class _Task:
    handle: TaskHandle
    callbacks: _Callbacks


def _task_name(fn: Callable[..., object]) -> str:
    return str(getattr(fn, "__qualname__", type(fn).__qualname__))


def _execute(fn: Callable[[TaskContext], object], ctx: TaskContext) -> _Outcome:
    if ctx.cancelled:
        return _CANCELLED
    try:
        value = fn(ctx)
        ctx.flush_progress()
    except TaskCancelled:
        return _CANCELLED
    except BaseException as exc:  # noqa: BLE001 — handed to on_failure on the GUI thread
        return _Outcome(_Kind.FAILURE, error=exc)
    return _Outcome(_Kind.SUCCESS, value=value)


def _where(exc: BaseException) -> str:
    """Innermost frame as ``file.py:123 in func`` — code location only, no values."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{PurePath(last.filename).name}:{last.lineno} in {last.name}"


def _deliver(task: _Task, outcome: _Outcome) -> None:
    task.handle._finished = True
    callbacks = task.callbacks
    try:
        if outcome.kind is _Kind.SUCCESS:
            callbacks.on_success(outcome.value)
        elif outcome.kind is _Kind.FAILURE:
            assert outcome.error is not None
            if callbacks.on_failure is not None:
                callbacks.on_failure(outcome.error)
            else:
                log.error(
                    "Background task %s failed: %s at %s",
                    callbacks.name,
                    type(outcome.error).__qualname__,
                    _where(outcome.error),
                )
        elif callbacks.on_cancelled is not None:
            callbacks.on_cancelled()
    finally:
        if callbacks.on_finished is not None:
            callbacks.on_finished()


# ------------------------------------------------------------------------- the real runner


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it, queued to the runner's slots."""

    progressed = Signal(object, object, object)
    ended = Signal(object, object)


class _Channel:
    """Thread-safe path from workers to the relay; closed as the runner is destroyed.

    Every emit happens under the lock and only while open, and the runner's ``destroyed``
    (emitted before its children, the relay among them, are deleted) closes it under the
    same lock: no worker ever touches a deleted relay.
    """

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cond = threading.Condition()
        self._closed = False
        self._unfinished = 0

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def add(self) -> None:
        with self._cond:
            self._unfinished += 1

    def send_progress(self, task_id: int, done: int, total: int) -> None:
        with self._cond:
            if not self._closed:
                self._relay.progressed.emit(task_id, done, total)

    def send_end(self, task_id: int, outcome: _Outcome) -> None:
        with self._cond:
            if not self._closed:
                self._relay.ended.emit(task_id, outcome)
            self._unfinished -= 1
            self._cond.notify_all()

    def wait_idle(self, timeout_s: float | None) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._unfinished == 0, timeout_s)


class TaskRunner(QObject):
    """Runs tasks on a thread pool; every callback is delivered on this object's thread.

    Create it on the GUI thread. Destroying it cancels its tasks and drops their pending
    callbacks; workers already running finish on their own (cooperatively, if they check).
    """

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        relay = _Relay(self)
        relay.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        relay.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self._channel = _Channel(relay)
        self.destroyed.connect(self._channel.close)

    def submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> TaskHandle:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("TaskRunner.submit must be called on the runner's thread")
        task_id = next(self._ids)
        handle = TaskHandle()
        callbacks = _Callbacks(
            _task_name(fn), on_success, on_failure, on_cancelled, on_progress, on_finished
        )
        self._tasks[task_id] = _Task(handle, callbacks)
        channel = self._channel
        ctx = TaskContext(
            lambda: handle.cancel_requested or channel.closed,
            lambda done, total: channel.send_progress(task_id, done, total),
        )

        def job() -> None:
            outcome = _CANCELLED
            try:
                outcome = _execute(fn, ctx)
            finally:
                channel.send_end(task_id, outcome)

        channel.add()
        self._pool.start(job)
        return handle

    def cancel_all(self) -> None:
        """Request cancel of every task not yet delivered (e.g. on lock or logout)."""
        for task in self._tasks.values():
            task.handle.cancel()

    def wait_for_all(self, timeout_ms: int = -1) -> bool:
        """Block until every task has ended and its callbacks ran; for shutdown.

        Call it on the runner's thread. Callbacks are delivered from inside this call
        (pending queued deliveries are flushed), so ``True`` means ``active_count == 0``.
        A negative timeout waits for ever.
        """
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        while True:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            workers_done = self._channel.wait_idle(remaining)
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            if not self._tasks:
                return True
            if not workers_done or (deadline is not None and time.monotonic() >= deadline):
                return False

    @property
    def active_count(self) -> int:
        """Tasks submitted whose outcome has not been delivered yet."""
        return len(self._tasks)

    @Slot(object, object, object)
    def _on_progressed(self, task_id: int, done: int, total: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.callbacks.on_progress is not None:
            task.callbacks.on_progress(done, total)

    @Slot(object, object)
    def _on_ended(self, task_id: int, outcome: _Outcome) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            _deliver(task, outcome)


# ---------------------------------------------------------------------------- the fake


class SynchronousTaskRunner:
    """Test fake: runs each task on the calling thread, callbacks included.

    Immediate by default: ``submit`` returns after every callback ran. With
    ``deferred=True`` tasks queue up until :meth:`run_pending` (or ``wait_for_all``), so a
    test can look at the UI while a task is "running", or cancel it first.
    """

    def __init__(self, *, deferred: bool = False) -> None:
        self._deferred = deferred
        self._queue: deque[Callable[[], None]] = deque()
        self._unfinished: dict[int, TaskHandle] = {}
        self._ids = itertools.count(1)

    def submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> TaskHandle:
        task_id = next(self._ids)
        handle = TaskHandle()
        task = _Task(
            handle,
            _Callbacks(
                _task_name(fn), on_success, on_failure, on_cancelled, on_progress, on_finished
            ),
        )
        self._unfinished[task_id] = handle

        def send_progress(done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(done, total)

        def run() -> None:
            ctx = TaskContext(lambda: handle.cancel_requested, send_progress)
            outcome = _execute(fn, ctx)
            del self._unfinished[task_id]
            _deliver(task, outcome)

        if self._deferred:
            self._queue.append(run)
        else:
            run()
        return handle

    def run_pending(self) -> int:
        """Run queued tasks in order, including ones their callbacks submit; return how many."""
        count = 0
        while self._queue:
            self._queue.popleft()()
            count += 1
        return count

    def cancel_all(self) -> None:
        for handle in self._unfinished.values():
            handle.cancel()

    def wait_for_all(self, timeout_ms: int = -1) -> bool:
        self.run_pending()
        return not self._unfinished

    @property
    def active_count(self) -> int:
        return len(self._unfinished)
