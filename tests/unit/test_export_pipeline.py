"""exports_pipeline.pump: batches made and written on the writer thread, in order; progress
and cancel on the calling thread; a writer's error raised on the calling thread; the writer
thread always ended when pump returns or raises; the switch interval and the garbage
collector put back."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator, Sequence

import pytest

from desktop.exchange.export_cells import Row
from desktop.services import exports_pipeline as pipeline
from desktop.services.exports_pipeline import Batch, SheetRows, pump


class Sink:
    def __init__(self, fail_at: int | None = None) -> None:
        self.rows: list[Row] = []
        self.threads: set[str] = set()
        self._fail_at = fail_at

    def write_rows(self, rows: Sequence[Row]) -> None:
        self.threads.add(threading.current_thread().name)
        if self._fail_at is not None and len(self.rows) >= self._fail_at:
            raise OSError(28, "No space left on device")
        self.rows += rows


class Cancelled(Exception):
    pass


def _batches(count: int, made_on: set[str] | None = None) -> Iterator[Batch]:
    for number in range(count):
        def make(number: int = number) -> SheetRows:
            if made_on is not None:
                made_on.add(threading.current_thread().name)
            return ([(number, "a")], [(number,), (number,)])
        yield 1, make


@pytest.fixture(autouse=True)
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer thread is used only with two CPUs or more: the tests must not depend on
    the machine's."""
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 2)


def _writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "export-writer"]


def test_every_batch_is_made_and_written_in_order_on_the_writer_thread() -> None:
    sinks, made_on, seen = [Sink(), Sink()], set[str](), []
    interval = sys.getswitchinterval()
    pump(_batches(50, made_on), 50, sinks, lambda done, total: seen.append((done, total)))
    assert sinks[0].rows == [(n, "a") for n in range(50)]
    assert sinks[1].rows == [(n,) for n in range(50) for _ in range(2)]
    assert made_on == sinks[0].threads == {"export-writer"}
    assert seen[0] == (0, 50) and seen[-1] == (50, 50)
    done = [d for d, _ in seen]
    assert done == sorted(set(done))  # rising, never the same twice
    assert _writer_threads() == []
    assert sys.getswitchinterval() == interval


def test_a_writer_error_is_raised_here_and_nothing_more_is_written() -> None:
    sink = Sink(fail_at=3)
    read: list[int] = []

    def batches() -> Iterator[Batch]:
        for number, batch in enumerate(_batches(100)):
            read.append(number)
            yield batch

    with pytest.raises(OSError, match="No space left"):
        pump(batches(), 100, [sink, Sink()], None)
    assert len(sink.rows) == 3
    assert len(read) < 100  # the reading stopped soon after
    assert _writer_threads() == []


def test_raising_from_progress_cancels_after_the_batch_being_written() -> None:
    sink = Sink()

    def progress(done: int, total: int) -> None:
        if done >= 5:
            raise Cancelled

    with pytest.raises(Cancelled):
        pump(_batches(1_000), 1_000, [sink, Sink()], progress)
    assert 5 <= len(sink.rows) < 1_000
    assert _writer_threads() == []


def test_an_error_while_reading_stops_the_writer_too() -> None:
    sink = Sink()

    def batches() -> Iterator[Batch]:
        yield from _batches(3)
        raise RuntimeError("the store failed")

    with pytest.raises(RuntimeError, match="the store failed"):
        pump(batches(), 10, [sink, Sink()], None)
    assert len(sink.rows) <= 3
    assert _writer_threads() == []


def test_a_wrong_number_of_sheets_is_an_error_here() -> None:
    with pytest.raises(ValueError):
        pump(iter([(1, lambda: ([(1,)],))]), 1, [Sink(), Sink()], None)
    assert _writer_threads() == []


def test_with_one_cpu_everything_happens_on_this_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 1)
    sinks, made_on, seen = [Sink(), Sink()], set[str](), []
    pump(_batches(5, made_on), 5, sinks, lambda done, total: seen.append((done, total)))
    here = threading.current_thread().name
    assert made_on == sinks[0].threads == {here}
    assert sinks[0].rows == [(n, "a") for n in range(5)]
    assert seen == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert pipeline.usable_cpus() == 1 and _writer_threads() == []


@pytest.mark.parametrize("cpus", [1, 2])
def test_the_collector_is_paused_while_batches_stream_and_put_back_as_it_was(
        monkeypatch: pytest.MonkeyPatch, cpus: int) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: cpus)
    seen: list[bool] = []

    def batches() -> Iterator[Batch]:
        for batch in _batches(3):
            seen.append(gc.isenabled())
            yield batch

    assert gc.isenabled()
    pump(batches(), 3, [Sink(), Sink()], None)
    assert seen == [False] * 3 and gc.isenabled()
    with pytest.raises(OSError):
        pump(_batches(5), 5, [Sink(fail_at=2), Sink()], None)
    assert gc.isenabled()
    gc.disable()  # paused by someone else: stays paused
    try:
        pump(_batches(2), 2, [Sink(), Sink()], None)
        assert not gc.isenabled()
    finally:
        gc.enable()
