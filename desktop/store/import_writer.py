"""An import's new customers inserted on a second thread, while the import's thread makes the
next chunk's rows in Python.

SQLite runs without Python's lock (the GIL), so the inserts, and the trigram entries filled
from them, use the second core. The thread uses the import's connection, in the import's
transaction; the import's thread does not touch the connection until :meth:`finish` (or the
end of the ``with`` block) has joined the thread.

Statements are few and large: a thread that wants the GIL back after each statement waits up
to the interpreter's switch interval while the other thread runs Python, so ``executemany``,
which takes it back after every row, ran several times slower here than multi-row
``INSERT … VALUES`` statements of ~1,500 rows each; and the interval is shortened meanwhile.

A failure on the thread is raised on the import's thread as the same exception, at the next
:meth:`insert` or at :meth:`finish`; leaving the ``with`` block by an exception (a cancel, an
error) drops what is still queued and joins the thread before the transaction rolls back.
"""

from __future__ import annotations

import functools
import itertools
import queue
import sys
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Final

from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository
from desktop.store.import_rows import Row
from desktop.store.import_search import fill_text_range

QUEUED_CHUNKS: Final = 2
"""Chunks waiting at most: the import's thread waits rather than pile rows up in memory."""
SWITCH_INTERVAL: Final = 0.001
"""Python's switch interval while the thread runs (process-wide, restored after): how long it
waits for the GIL after each statement while the import's thread runs Python, at most. The
default 5 ms left the thread idle a third of the time at 100,000 rows (0.35 s of the import)."""
MAX_PARAMETERS: Final = 32_766
"""SQLite's default limit on one statement's parameters (since 3.32)."""

_Chunk = tuple[int, list[Row], list[tuple[int, str]]]
_DONE: Final = None
_INSERT_CUSTOMERS: Final = CustomerRepository.INSERT.partition(" VALUES ")[0]
_INSERT_TAGS: Final = CustomerRepository.INSERT_TAG.partition(" VALUES ")[0]


class CustomerInserter:
    """``with CustomerInserter(conn) as inserter: inserter.insert(…) …; inserter.finish()``.
    Rows as :class:`desktop.store.import_rows.NewCustomerRows` makes them, with consecutive
    ids."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.Queue[_Chunk | None] = queue.Queue(QUEUED_CHUNKS)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._stopping = False
        self._saved_interval = 0.0

    def __enter__(self) -> CustomerInserter:
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._thread.start()
        self._saved_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._saved_interval, SWITCH_INTERVAL))
        return self

    def insert(self, first_id: int, rows: list[Row], tags: list[tuple[int, str]]) -> None:
        """The customers ``first_id`` … (``rows``) and their tags."""
        self._raise_failure()
        if rows:
            self._queue.put((first_id, rows, tags))

    def finish(self) -> None:
        """Wait until everything handed over is inserted; raise the thread's exception."""
        self._join()
        self._raise_failure()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None:
            self._stopping = True  # failed or cancelled: insert nothing more
        try:
            self._join()
        finally:
            sys.setswitchinterval(self._saved_interval)

    def _join(self) -> None:
        thread = self._thread
        if thread is not None:
            self._queue.put(_DONE)  # the thread keeps taking chunks off until this one
            thread.join()
            self._thread = None

    def _raise_failure(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            self._stopping = True
            raise error

    # ------------------------------------------------------------------ the second thread

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not _DONE:
            if self._stopping or self._error is not None:
                continue  # dropped, so that no insert() waits on a full queue forever
            try:
                self._write(*chunk)
            except BaseException as error:  # noqa: BLE001 - raised on the import's thread
                self._error = error

    def _write(self, first_id: int, rows: list[Row], tags: list[tuple[int, str]]) -> None:
        insert_rows(self._conn, _INSERT_CUSTOMERS, rows)
        insert_rows(self._conn, _INSERT_TAGS, tags)
        fill_text_range(self._conn, first_id, first_id + len(rows))


def insert_rows(conn: Connection, insert: str, rows: Sequence[Row]) -> None:
    """``insert`` (``INSERT INTO t (columns)``) of ``rows``, all of one width, in as few
    multi-row statements as the parameter limit allows."""
    if not rows:
        return
    width = len(rows[0])
    per_statement = MAX_PARAMETERS // width
    for start in range(0, len(rows), per_statement):
        part = rows[start:start + per_statement]
        conn.execute(_multi_row(insert, width, len(part)),
                     list(itertools.chain.from_iterable(part)))


@functools.lru_cache(maxsize=8)
def _multi_row(insert: str, width: int, count: int) -> str:
    group = "(" + ", ".join("?" * width) + ")"
    return f"{insert} VALUES " + ", ".join(itertools.repeat(group, count))
