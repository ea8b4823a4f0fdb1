"""The task runner: real thread pool and synchronous fake behave the same to UI code."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import QThread, QThreadPool, QTimer

from desktop.ui.tasks import (
    SynchronousTaskRunner,
    TaskCancelled,
    TaskContext,
    TaskRunner,
    TaskRunnerLike,
)

SAFETY_S = 5.0  # a task waiting for something that never comes gives up after this


@dataclass
class Harness:
    runner: TaskRunnerLike
    settle: Callable[[], None]
    threaded: bool


@dataclass
class Recorder:
    """Collects every callback with the thread it ran on."""

    gui_thread: QThread
    events: list[tuple[str, object]] = field(default_factory=list)
    off_gui_thread: list[str] = field(default_factory=list)

    def _note(self, kind: str, value: object = None) -> None:
        if QThread.currentThread() is not self.gui_thread:
            self.off_gui_thread.append(kind)
        self.events.append((kind, value))

    def callbacks(self) -> dict[str, Callable[..., None]]:
        return {
            "on_success": lambda value: self._note("success", value),
            "on_failure": lambda error: self._note("failure", error),
            "on_cancelled": lambda: self._note("cancelled"),
            "on_progress": lambda done, total: self._note("progress", (done, total)),
            "on_finished": lambda: self._note("finished"),
        }

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.events if kind != "progress"]

    def progress(self) -> list[object]:
        return [value for kind, value in self.events if kind == "progress"]


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + SAFETY_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never let this task go on")
        time.sleep(0.002)


@pytest.fixture(params=["pool", "sync", "sync-deferred"])
def harness(request, qtbot) -> Iterator[Harness]:
    if request.param == "pool":
        runner = TaskRunner()

        def settle() -> None:
            qtbot.waitUntil(lambda: runner.active_count == 0, timeout=int(SAFETY_S * 1000))

        yield Harness(runner, settle, threaded=True)
        runner.cancel_all()
        assert runner.wait_for_all(int(SAFETY_S * 1000))
    else:
        fake = SynchronousTaskRunner(deferred=request.param == "sync-deferred")
        yield Harness(fake, fake.run_pending, threaded=False)


@pytest.fixture
def recorder(qapp) -> Recorder:
    return Recorder(qapp.thread())


# ------------------------------------------------------------------ outcome delivery


def test_success_is_delivered_on_the_gui_thread(harness, recorder, qapp):
    worker_threads: list[QThread] = []

    def work(ctx: TaskContext) -> int:
        worker_threads.append(QThread.currentThread())
        return 42

    handle = harness.runner.submit(work, **recorder.callbacks())
    harness.settle()

    assert recorder.events == [("success", 42), ("finished", None)]
    assert recorder.off_gui_thread == []
    assert handle.finished
    assert harness.runner.active_count == 0
    assert (worker_threads[0] is not qapp.thread()) == harness.threaded


def test_failure_goes_to_on_failure_with_the_exception_itself(harness, recorder):
    error = ValueError("bad row")

    def work(ctx: TaskContext) -> None:
        raise error

    harness.runner.submit(work, **recorder.callbacks())
    harness.settle()

    assert recorder.events == [("failure", error), ("finished", None)]
    assert recorder.off_gui_thread == []


def test_unhandled_failure_logs_the_type_but_never_the_message(harness, caplog):
    finished: list[bool] = []

    def lookup_customer(ctx: TaskContext) -> None:
        raise LookupError("张三 13812345678")

    with caplog.at_level(logging.DEBUG, logger="desktop.ui.tasks"):
        harness.runner.submit(
            lookup_customer, on_success=lambda _: None, on_finished=lambda: finished.append(True)
        )
        harness.settle()

    assert finished == [True]
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    text = record.getMessage()
    assert "LookupError" in text
    assert "lookup_customer" in text
    assert "13812345678" not in caplog.text
    assert "张三" not in caplog.text
    assert record.exc_info is None


def test_exception_in_a_callback_still_finishes_the_task(harness, recorder, qtbot):
    def boom(value: object) -> None:
        raise RuntimeError("callback bug")

    callbacks = recorder.callbacks() | {"on_success": boom}
    if harness.threaded:
        with qtbot.capture_exceptions() as caught:  # raised in a Qt slot: goes to excepthook
            harness.runner.submit(lambda ctx: 1, **callbacks)
            harness.settle()
        assert [type(exc) for _, exc, _ in caught] == [RuntimeError]
    else:
        with pytest.raises(RuntimeError):
            harness.runner.submit(lambda ctx: 1, **callbacks)
            harness.settle()

    assert recorder.kinds() == ["finished"]
    assert harness.runner.active_count == 0


# -------------------------------------------------------------------------- progress


def test_progress_is_throttled_and_ends_with_completion(harness, recorder):
    total = 10**9

    def work(ctx: TaskContext) -> int:
        reports = 0
        end = time.monotonic() + 0.4
        while time.monotonic() < end:
            reports += 1
            ctx.report_progress(reports, total)
        ctx.report_progress(total, total)
        return reports

    harness.runner.submit(work, **recorder.callbacks())
    harness.settle()

    progress = recorder.progress()
    [(_, reports)] = [event for event in recorder.events if event[0] == "success"]
    assert isinstance(reports, int) and reports > 1000
    assert 3 <= len(progress) <= 0.4 * 30 + 4  # ~30/s, plus the first and the completion
    assert progress[-1] == (total, total)
    assert progress == sorted(progress)
    assert recorder.kinds() == ["success", "finished"]
    assert recorder.events[-3][0] == "progress"  # all progress arrives before the outcome
    assert recorder.off_gui_thread == []


def test_latest_coalesced_progress_arrives_before_success(harness, recorder):
    def work(ctx: TaskContext) -> None:
        for done in range(6):
            ctx.report_progress(done, 10)

    harness.runner.submit(work, **recorder.callbacks())
    harness.settle()

    assert recorder.progress() == [(0, 10), (5, 10)]
    assert recorder.kinds() == ["success", "finished"]


def test_context_throttles_by_its_clock():
    now = [0.0]
    sent: list[tuple[int, int]] = []
    ctx = TaskContext(
        lambda: False, lambda d, t: sent.append((d, t)), interval_s=1.0, clock=lambda: now[0]
    )

    for at, done in ((0.0, 1), (0.5, 2), (0.9, 3), (1.0, 4), (1.2, 5)):
        now[0] = at
        ctx.report_progress(done, 100)
    assert sent == [(1, 100), (4, 100)]

    now[0] = 1.3
    ctx.report_progress(100, 100)  # the first completion is never held back
    ctx.report_progress(100, 100)
    ctx.flush_progress()
    assert sent == [(1, 100), (4, 100), (100, 100)]


# -------------------------------------------------------------------------- cancelling


def test_cancel_while_running_reports_cancelled_only(harness, recorder):
    observed: list[bool] = []

    def work(ctx: TaskContext) -> None:
        ctx.report_progress(1, 10)
        deadline = time.monotonic() + SAFETY_S
        while time.monotonic() < deadline:
            if ctx.cancelled:
                observed.append(True)
            ctx.check_cancelled()
            time.sleep(0.002)
        raise TimeoutError("never cancelled")

    callbacks = recorder.callbacks()
    note_progress = callbacks["on_progress"]

    def on_progress(done: int, total: int) -> None:
        note_progress(done, total)
        harness.runner.cancel_all()

    harness.runner.submit(work, **(callbacks | {"on_progress": on_progress}))
    harness.settle()

    assert observed == [True]
    assert recorder.kinds() == ["cancelled", "finished"]
    assert recorder.off_gui_thread == []


def test_work_done_despite_a_late_cancel_reports_success(harness, recorder):
    def work(ctx: TaskContext) -> str:
        ctx.report_progress(1, 2)
        _wait_until(lambda: ctx.cancelled)
        return "committed"  # e.g. an import that had already committed

    callbacks = recorder.callbacks()
    note_progress = callbacks["on_progress"]

    def on_progress(done: int, total: int) -> None:
        note_progress(done, total)
        harness.runner.cancel_all()

    harness.runner.submit(work, **(callbacks | {"on_progress": on_progress}))
    harness.settle()

    assert recorder.kinds() == ["success", "finished"]
    assert ("success", "committed") in recorder.events


def test_cancel_before_start_never_runs_the_task(qtbot, recorder):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner = TaskRunner(pool=pool)
    release = threading.Event()
    ran: list[str] = []

    runner.submit(lambda ctx: release.wait(SAFETY_S), on_success=lambda _: None)
    handle = runner.submit(lambda ctx: ran.append("second"), **recorder.callbacks())
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: runner.active_count == 0)

    assert ran == []
    assert handle.cancel_requested and handle.finished
    assert recorder.kinds() == ["cancelled", "finished"]
    pool.waitForDone()


def test_deferred_fake_can_cancel_before_start(recorder):
    runner = SynchronousTaskRunner(deferred=True)
    ran: list[str] = []

    handle = runner.submit(lambda ctx: ran.append("ran"), **recorder.callbacks())
    assert runner.active_count == 1 and recorder.events == []
    handle.cancel()
    assert runner.run_pending() == 1

    assert ran == []
    assert recorder.kinds() == ["cancelled", "finished"]
    assert runner.active_count == 0


# ------------------------------------------------------------------------- many tasks


def test_many_tasks_each_deliver_once(harness, recorder):
    count = 200
    for number in range(count):
        harness.runner.submit(lambda ctx, n=number: n * n, **recorder.callbacks())
    harness.settle()

    results = sorted(value for kind, value in recorder.events if kind == "success")
    assert results == [n * n for n in range(count)]
    assert recorder.kinds().count("finished") == count
    assert recorder.off_gui_thread == []
    assert harness.runner.active_count == 0


def test_callbacks_may_submit_more_work(harness, recorder):
    def chain(value: int) -> None:
        recorder.events.append(("success", value))
        if value < 3:
            harness.runner.submit(lambda ctx: value + 1, on_success=chain)

    harness.runner.submit(lambda ctx: 1, on_success=chain)
    harness.settle()

    assert [value for _, value in recorder.events] == [1, 2, 3]


# --------------------------------------------------------------------- the real runner


def test_gui_thread_stays_responsive_during_a_slow_task(qtbot):
    runner = TaskRunner()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    done: list[bool] = []

    timer.start()
    runner.submit(lambda ctx: time.sleep(0.3), on_success=lambda _: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=int(SAFETY_S * 1000))
    timer.stop()

    assert len(ticks) >= 10  # ~30 expected; a blocked GUI thread would give none


def test_wait_for_all_blocks_then_delivers_without_an_event_loop(recorder):
    runner = TaskRunner()
    for number in range(5):
        runner.submit(lambda ctx, n=number: time.sleep(0.02) or n, **recorder.callbacks())

    assert runner.active_count == 5
    assert runner.wait_for_all(int(SAFETY_S * 1000))

    assert sorted(v for k, v in recorder.events if k == "success") == [0, 1, 2, 3, 4]
    assert runner.active_count == 0


def test_wait_for_all_gives_up_at_the_timeout(recorder):
    runner = TaskRunner()
    release = threading.Event()
    runner.submit(lambda ctx: release.wait(SAFETY_S), **recorder.callbacks())

    started = time.monotonic()
    assert not runner.wait_for_all(50)
    assert time.monotonic() - started < 1.0
    assert recorder.events == [] and runner.active_count == 1

    release.set()
    assert runner.wait_for_all(int(SAFETY_S * 1000))
    assert recorder.kinds() == ["success", "finished"]


def test_destroying_the_runner_cancels_and_drops_callbacks(qtbot, recorder):
    tasks = 8
    saw_cancel: list[bool] = []
    pool = QThreadPool()
    pool.setMaxThreadCount(tasks)
    runner = TaskRunner(pool=pool)

    def work(ctx: TaskContext) -> None:
        deadline = time.monotonic() + SAFETY_S
        while time.monotonic() < deadline and not ctx.cancelled:
            ctx.report_progress(1, 2)  # keeps workers emitting while the runner dies
            time.sleep(0.001)
        saw_cancel.append(ctx.cancelled)

    for _ in range(tasks):
        runner.submit(work, **recorder.callbacks())
    qtbot.waitUntil(lambda: bool(recorder.progress()))

    shiboken6.delete(runner)
    assert pool.waitForDone(int(SAFETY_S * 1000))
    qtbot.wait(50)

    assert saw_cancel == [True] * tasks
    assert recorder.kinds() == []


def test_submit_from_another_thread_is_refused():
    runner = TaskRunner()
    errors: list[BaseException] = []

    def submit_elsewhere() -> None:
        try:
            runner.submit(lambda ctx: None, on_success=lambda _: None)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=submit_elsewhere)
    thread.start()
    thread.join()

    assert len(errors) == 1
    assert runner.active_count == 0


# ------------------------------------------------------------------------------ the fake


def test_immediate_fake_has_finished_when_submit_returns(recorder):
    runner = SynchronousTaskRunner()

    handle = runner.submit(lambda ctx: "x", **recorder.callbacks())

    assert handle.finished
    assert recorder.events == [("success", "x"), ("finished", None)]


def test_task_cancelled_is_an_exception_tasks_may_raise(harness, recorder):
    def work(ctx: TaskContext) -> None:
        raise TaskCancelled

    harness.runner.submit(work, **recorder.callbacks())
    harness.settle()

    assert recorder.kinds() == ["cancelled", "finished"]
