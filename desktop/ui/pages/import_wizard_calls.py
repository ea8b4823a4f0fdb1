"""The import wizard's service calls on the task runner (the window's serial workspace
queue): a call reports progress, the user's stop raises from its progress callback (which
ends the service call with nothing kept), and the results of a call the user has moved past
(a new file, a lock: :meth:`WizardCalls.forget`) are dropped."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from desktop.services.import_api import ProgressCallback
from desktop.ui.tasks import Cancellable, TaskCancelled, TaskContext, TaskSubmitter

T = TypeVar("T")


class WizardCalls:
    """``set_busy(busy, text, stoppable)`` shows a call running; ``is_busy()`` says whether
    one still is; ``show_error`` and ``show_progress`` are the defaults of :meth:`call`."""

    def __init__(self, runner: TaskSubmitter, *,
                 set_busy: Callable[[bool, str, bool], None], is_busy: Callable[[], bool],
                 show_error: Callable[[BaseException], None],
                 show_progress: Callable[[int, int], None]) -> None:
        self._runner = runner
        self._set_busy = set_busy
        self._is_busy = is_busy
        self._show_error = show_error
        self._show_progress = show_progress
        self._epoch = 0
        self._handle: Cancellable | None = None
        self._stop = threading.Event()

    def forget(self) -> None:
        """Whatever runs now: its results are dropped when they come."""
        self._epoch += 1

    def stop(self) -> None:
        """Stop the running call (it may already be past its last progress report)."""
        self._stop.set()
        if self._handle is not None:
            self._handle.cancel()

    def call(self, busy_text: str, work: Callable[[ProgressCallback], T],
             on_success: Callable[[T], None], *, cancellable: bool = False,
             on_progress: Callable[[int, int], None] | None = None,
             on_cancelled: Callable[[], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None) -> None:
        epoch = self._epoch
        stop = self._stop = threading.Event()

        def task(ctx: TaskContext) -> T:
            def progress(done: int, total: int) -> None:
                if stop.is_set():  # raising here stops the service call; nothing stays
                    raise TaskCancelled
                ctx.check_cancelled()
                ctx.report_progress(done, total)

            return work(progress)

        def current() -> bool:
            return epoch == self._epoch

        def succeeded(value: T) -> None:
            if current():
                on_success(value)

        def failed(error: BaseException) -> None:
            if current():
                (on_failure or self._show_error)(error)

        def cancelled() -> None:
            if current() and on_cancelled is not None:
                on_cancelled()

        def progressed(done: int, total: int) -> None:
            if current():
                (on_progress or self._show_progress)(done, total)

        def finished() -> None:
            if current():
                self._handle = None
                self._set_busy(False, "", False)

        self._set_busy(True, busy_text, cancellable and on_progress is None)
        handle = self._runner.submit(task, on_success=succeeded, on_failure=failed,
                                     on_cancelled=cancelled, on_progress=progressed,
                                     on_finished=finished)
        if current() and self._is_busy():
            self._handle = handle
