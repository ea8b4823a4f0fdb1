"""Streaming a report's batches into its writers on two threads: the calling thread reads
each batch from the store, a writer thread masks the batch before and writes it.

Reading mostly runs inside SQLite (page reads, decryption, b-tree walks) with the GIL
released, so it overlaps the masking and writing, which need the GIL. At most
:data:`WAITING` read batches wait between the two (plus the one being read and the one being
written): memory stays a few batches, never the report.

Everything else stays where it was: the store is only touched by the calling thread (its
reader connection); progress is reported, and may raise to cancel, on the calling thread;
an error in the writer thread (a full disk, a bad row) is raised again on the calling thread,
as if it had happened there; and the writer thread has always ended when :func:`pump`
returns or raises, so the caller may close or remove the files it wrote into.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, Protocol

from desktop.core.interpreter_settings import collector_paused, switch_interval_at_most
from desktop.exchange.export_cells import Row

SheetRows = tuple[Sequence[Row], ...]
"""The rows a batch adds to each sheet."""
MakeRows = Callable[[], SheetRows]
"""A batch already read from the store: masks it into its sheets' rows when called."""
Batch = tuple[int, MakeRows]
"""Records done in this step, and how to make the rows it adds to each sheet."""
Progress = Callable[[int, int], None]
WAITING: Final = 4
"""Read batches that may wait for the writer thread (a customer batch is ~0.3 MB of text):
the reading thread may run ahead a little, so the two block on each other less often — each
block is a hand-over, slow when other programs keep the CPUs busy."""
SWITCH_SECONDS: Final = 0.0002
"""The interpreter's thread switch interval while batches stream (normally 5 ms). Each time a
statement's step ends, the reading thread waits for the GIL until the writer thread is made to
let it go: with 5 ms that would be up to ~15 ms a batch (three steps), more than the batch's
reading itself. A switch happens only when the other thread asks, so a short interval costs
a few switches a batch."""


class RowSink(Protocol):
    def write_rows(self, rows: Sequence[Row]) -> None: ...


class _Writer:
    """The writer thread: makes and writes each batch it is given, in order."""

    def __init__(self, writers: Sequence[RowSink]) -> None:
        self._writers = list(writers)
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=WAITING)
        self._stop = threading.Event()
        self.done = 0
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._stop.is_set() or self.error is not None:
                continue  # draining: the calling thread is stopping
            count, make = batch
            try:
                for writer, rows in zip(self._writers, make(), strict=True):
                    writer.write_rows(rows)
            except BaseException as exc:  # noqa: BLE001 - raised again on the calling thread
                self.error = exc
                continue
            self.done += count

    def give(self, batch: Batch) -> None:
        """Hand a batch over (waits while one is already waiting); raises the writer
        thread's error, if it had one."""
        self._raise_error()
        self._queue.put(batch)

    def finish(self) -> None:
        """Wait until every batch given is written; raises the writer thread's error."""
        self._end()
        self._raise_error()

    def abandon(self) -> None:
        """Stop after the batch being written (the others are dropped) and wait for that."""
        self._stop.set()
        self._end()

    def _end(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _raise_error(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            self._stop.set()
            raise error


def pump(batches: Iterable[Batch], total: int, writers: Sequence[RowSink],
         progress: Progress | None) -> None:
    """Write every batch into its sheet writers (see the module text), reporting progress
    (records written, of ``total``) on this thread as the writer thread gets through them;
    raising from ``progress`` stops here."""
    reported = 0
    if progress is not None:
        progress(0, total)
    if usable_cpus() < 2:  # nothing to overlap with: one thread, no hand-overs
        with _streaming(switches=False):
            for count, make in batches:
                for writer_of_sheet, rows in zip(writers, make(), strict=True):
                    writer_of_sheet.write_rows(rows)
                reported += count
                if progress is not None:
                    progress(reported, max(total, reported))
        return
    with _streaming(switches=True):
        writer = _Writer(writers)
        try:
            for batch in batches:
                writer.give(batch)
                done = writer.done
                if progress is not None and done != reported:
                    reported = done
                    progress(done, max(total, done))
            writer.finish()
        except BaseException:
            writer.abandon()
            raise
    if progress is not None and writer.done != reported:
        progress(writer.done, max(total, writer.done))


def usable_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def _streaming(switches: bool) -> Iterator[None]:
    """While batches stream: the cyclic garbage collector paused, and with ``switches`` the
    :data:`SWITCH_SECONDS` interval (both counted with any other bulk work running, see
    desktop.core.interpreter_settings).

    A batch makes some 20,000 lists, tuples and strings that reference counting frees (no
    cycles), yet each 700 new lists or tuples start a collection that walks the young ones
    — ~8 % of an export's CPU (bench/README.md, bench_export)."""
    with collector_paused():
        if not switches:
            yield
            return
        with switch_interval_at_most(SWITCH_SECONDS):
            yield
