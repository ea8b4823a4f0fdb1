"""One workspace, one user of it at a time: a serial queue in front of the task runner.

The services are synchronous and share one SQLCipher connection. It may be used from a
worker thread, but never from two threads at once. Every background call that touches the
open workspace — the controller's (unlock, login, audit entries, demo data) and the pages'
(searches, saves) — goes through :class:`WorkspaceTasks`, which starts the next task only
after the previous one has finished and its callbacks have run on the GUI thread.

A page that reads the workspace directly on the GUI thread (e.g. a table model fetching a
window of rows) must do so only while :attr:`WorkspaceTasks.busy` is False; it can follow
``busy_changed`` to know when.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.ui.tasks import ProgressCallback, TaskContext, TaskHandle, TaskRunnerLike

T = TypeVar("T")


class QueuedTask:
    """Handle of a queued task: cancel it whether it has started or is still waiting."""

    __slots__ = ("_cancelled", "_finished", "_handle")

    def __init__(self) -> None:
        self._handle: TaskHandle | None = None
        self._cancelled = False
        self._finished = False

    def cancel(self) -> None:
        self._cancelled = True
        if self._handle is not None:
            self._handle.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._cancelled

    @property
    def started(self) -> bool:
        return self._handle is not None

    @property
    def finished(self) -> bool:
        return self._finished


@dataclass(slots=True)
class _Pending:
    fn: Callable[[TaskContext], Any]
    ticket: QueuedTask
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    on_progress: ProgressCallback | None
    on_finished: Callable[[], None] | None


class WorkspaceTasks(QObject):
    """Runs workspace tasks one after the other on a :class:`TaskRunnerLike`."""

    busy_changed = Signal(bool)

    def __init__(self, runner: TaskRunnerLike, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._queue: deque[_Pending] = deque()
        self._running: _Pending | None = None
        self._busy = False

    @property
    def runner(self) -> TaskRunnerLike:
        return self._runner

    @property
    def busy(self) -> bool:
        """True while a task is running or waiting."""
        return self._running is not None or bool(self._queue)

    def submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> QueuedTask:
        """Queue ``fn``; same callbacks and guarantees as ``TaskRunner.submit``."""
        ticket = QueuedTask()
        self._queue.append(
            _Pending(fn, ticket, on_success, on_failure, on_cancelled, on_progress, on_finished)
        )
        self._pump()
        return ticket

    def cancel_all(self) -> None:
        """Request cancel of the running task and drop the waiting ones (their
        ``on_cancelled`` runs)."""
        if self._running is not None:
            self._running.ticket.cancel()
        for pending in self._queue:
            pending.ticket.cancel()
        self._pump()

    def wait_until_idle(self, timeout_ms: int = -1) -> bool:
        """Block until every queued task ran (callbacks included); for shutdown and tests."""
        while self.busy:
            if not self._runner.wait_for_all(timeout_ms):
                return False
            if self._running is None and self._queue:
                self._pump()
        return True

    # ------------------------------------------------------------------ internals

    def _pump(self) -> None:
        while self._running is None and self._queue:
            pending = self._queue.popleft()
            if pending.ticket.cancel_requested:
                pending.ticket._finished = True
                try:
                    if pending.on_cancelled is not None:
                        pending.on_cancelled()
                finally:
                    if pending.on_finished is not None:
                        pending.on_finished()
                continue
            self._running = pending
            self._set_busy(True)
            pending.ticket._handle = self._runner.submit(
                pending.fn,
                on_success=pending.on_success,
                on_failure=pending.on_failure,
                on_cancelled=pending.on_cancelled,
                on_progress=pending.on_progress,
                on_finished=lambda p=pending: self._finished(p),  # type: ignore[misc]
            )
        self._set_busy(self.busy)

    def _finished(self, pending: _Pending) -> None:
        pending.ticket._finished = True
        try:
            if pending.on_finished is not None:
                pending.on_finished()
        finally:
            if self._running is pending:
                self._running = None
            self._pump()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
