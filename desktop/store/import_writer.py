"""An import's new customers: their rows made in Python on a second thread while the import's
thread inserts the chunk before.

SQLite runs without Python's lock (the GIL), so while the import's thread steps through a
chunk's inserts and trigram entries, the second thread makes the next chunk's rows (pinyin,
tuples) on the other core. Only the import's thread touches the connection; the second
thread runs Python alone (and frees the records it has made rows of). SQLite's own memory is
then allocated on the import's thread, reusing what the plan's freed records left (memory a
second thread allocates comes from another malloc arena: the import's peak rose by ~10 MiB
when the inserts ran on it).

Statements are few and large: a thread that wants the GIL back after each statement waits up
to the interpreter's switch interval while the other thread runs Python, so ``executemany``,
which takes it back after every row, ran several times slower beside a busy thread than
multi-row ``INSERT … VALUES`` statements of ~1,500 rows each; and the interval is shortened
while the second thread runs.

The import's thread is the slower of the two (the second waited ~0.5 s of a 100,000-row
import for it), so the second also does the Python the SQL needs: each chunk comes as ready
statements — parameters flattened, the trigram entries' columns computed
(:func:`text_rows`, bound instead of derived in SQL from the stored
rows: that fill cost the import's thread ~20 % more) — and once the last chunk is handed over
it computes the name grams and their id lists (:meth:`RowMaker.gram_rows`), while the import's
thread rebuilds the indexes.

A failure on the second thread is raised on the import's thread as the same exception; leaving
the ``with`` block by an exception (a cancel, an error) stops the second thread and joins it.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import queue
import threading
from collections.abc import Iterator, Sequence
from operator import itemgetter
from types import TracebackType
from typing import Final

from desktop.core.interpreter_settings import switch_interval_at_most
from desktop.core.packed_customers import PackedCustomers
from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository
from desktop.store.import_rows import NewCustomerRows, Row
from desktop.store.import_search import GramRow, NewNameGrams
from desktop.store.search_keys import INSERT_TEXT_COLUMNS, text_columns

QUEUED_CHUNKS: Final = 1
"""Chunks made ahead at most: the second thread waits rather than pile rows up in memory (one
chunk ahead is enough to keep both threads busy, and kept the peak 1 MiB lower than two)."""
SWITCH_INTERVAL: Final = 0.001
"""Python's switch interval while the second thread runs (process-wide, through
``desktop.core.interpreter_settings``): how long a thread waits for the GIL after each
statement, at most, while the other runs Python. At the default 5 ms the two threads waited on
each other a third of the time."""
MAX_PARAMETERS: Final = 32_766
"""SQLite's default limit on one statement's parameters (since 3.32)."""

Statement = tuple[str, list[object]]
"""SQL and its parameters."""
Chunk = tuple[int, list[Statement]]
"""How many customers one chunk adds, and the statements that insert their rows, their tags
and their trigram entries."""
ROW_COLUMNS: Final = CustomerRepository.columns + CustomerRepository.search_columns
"""The columns of a row of :meth:`NewCustomerRows.rows`, in order."""
_DONE: Final = None
_ID: Final = ROW_COLUMNS.index("id")
# Where the values the trigram index is made of sit in such a row.
_TEXT_FIELDS: Final = itemgetter(
    *(ROW_COLUMNS.index(column) for column in ("id", "name", "email", "wechat_id", "member_no"))
)
_INSERT_TAGS: Final = CustomerRepository.INSERT_TAG.partition(" VALUES ")[0]


def insert_chunk(conn: Connection, chunk: Chunk) -> None:
    """The chunk's customers, their tags and their trigram entries."""
    for sql, parameters in chunk[1]:
        conn.execute(sql, parameters)


def chunk_statements(rows: Sequence[Row], tags: Sequence[Row]) -> list[Statement]:
    """The statements of one chunk: its customers' ``rows``, their ``tags`` and their
    trigram entries."""
    return [
        *customer_statements(rows),
        *multi_row_statements(_INSERT_TAGS, tags),
        *multi_row_statements(INSERT_TEXT_COLUMNS, text_rows(rows)),
    ]


def text_rows(rows: Sequence[Row]) -> list[Row]:
    """The trigram entries of new customers' ``rows``: the id and
    :func:`~desktop.store.search_keys.text_columns` of each — exactly what
    ``search_keys.fill_after_bulk_load`` derives in SQL from the stored rows (the entries of a
    contentless index must be removable with what ``SearchKeys`` derives later)."""
    return [
        (customer_id, *text_columns(name, email, wechat_id, member_no))
        for customer_id, name, email, wechat_id, member_no in map(_TEXT_FIELDS, rows)
    ]


def customer_statements(rows: Sequence[Row]) -> list[Statement]:
    """Insert statements of new customers' ``rows`` (:data:`ROW_COLUMNS`), a column whose
    values are all the same in ``rows`` bound once for all of them.

    Binding a parameter (a type check, a copy of each text) is most of such an insert's cost
    on the import's thread, and many columns hold one value throughout a chunk: created_at
    and updated_at always, the columns a file does not have (their defaults) — 9 of 21 for a
    membership sheet."""
    if not rows:
        return []
    columns = list(zip(*rows, strict=True))
    shared = [index for index, column in enumerate(columns)
              if index != _ID and column.count(column[0]) == len(column)]
    each = [index for index in range(len(columns)) if index not in shared]
    constants: list[object] = [columns[index][0] for index in shared]
    width = len(each)
    per_statement = (MAX_PARAMETERS - len(shared)) // width
    statements: list[Statement] = []
    for start in range(0, len(rows), per_statement):
        count = min(per_statement, len(rows) - start)
        parameters = [*constants, *itertools.repeat(None, count * width)]
        for offset, index in enumerate(each):
            parameters[len(shared) + offset::width] = columns[index][start:start + count]
        statements.append((_customers_sql(tuple(each), tuple(shared), count), parameters))
    return statements


@functools.lru_cache(maxsize=8)
def _customers_sql(each: tuple[int, ...], shared: tuple[int, ...], count: int) -> str:
    """``INSERT INTO customers`` of ``count`` rows: the columns ``each`` (indexes into
    :data:`ROW_COLUMNS`) bound row by row, then ``shared`` bound once, as ``?1`` … ``?k``."""
    names = ", ".join(ROW_COLUMNS[index] for index in each + shared)
    once = "".join(f", ?{number}" for number in range(1, len(shared) + 1))
    first = len(shared) + 1
    width = len(each)
    groups = (
        "(" + ", ".join(f"?{number}" for number in range(row, row + width)) + once + ")"
        for row in range(first, first + count * width, width)
    )
    return f"INSERT INTO customers ({names}) VALUES " + ", ".join(groups)


class RowMaker:
    """``with RowMaker(…) as made: for chunk in made: insert_chunk(conn, chunk)``, then
    ``made.gram_rows()``: the rows of ``customers`` (ids from ``first_id`` on), made ``size``
    at a time on a second thread. The list is emptied as its rows are made; the customers'
    names go to ``grams``, whose grams and id lists the thread makes after the last chunk."""

    def __init__(self, new_rows: NewCustomerRows, first_id: int,
                 customers: PackedCustomers, grams: NewNameGrams, size: int) -> None:
        self._new_rows = new_rows
        self._first_id = first_id
        self._customers = customers
        self._grams = grams
        self._size = size
        self._queue: queue.Queue[Chunk | None] = queue.Queue(QUEUED_CHUNKS)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._gram_rows: list[GramRow] = []
        self._stopping = False
        self._interval = switch_interval_at_most(SWITCH_INTERVAL)

    def __enter__(self) -> RowMaker:
        self._thread = threading.Thread(target=self._run, name="import-rows", daemon=True)
        self._thread.start()
        self._interval.__enter__()
        return self

    def __iter__(self) -> Iterator[Chunk]:
        """The chunks; a failure making them is raised after the last one."""
        while (chunk := self._queue.get()) is not _DONE:
            yield chunk
        self._raise_error()

    def gram_rows(self) -> list[GramRow]:
        """After the chunks: the name grams' id lists in key order (waits for the thread)."""
        self._join()
        self._raise_error()
        rows, self._gram_rows = self._gram_rows, []
        return rows

    def _raise_error(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stopping = True
        try:
            self._join()
        finally:
            self._interval.__exit__(kind, error, trace)

    def _join(self) -> None:
        thread = self._thread
        if thread is None:
            return
        while thread.is_alive():  # take chunks off, so that the thread is never stuck
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        thread.join()
        self._thread = None

    def _run(self) -> None:
        customers, size = self._customers, self._size
        first_id = self._first_id
        made_all = False
        try:
            while customers and not self._stopping:
                chunk = customers.take_values(size)
                rows, tags = self._new_rows.rows(first_id, chunk, self._grams)
                self._queue.put((len(rows), chunk_statements(rows, tags)))
                first_id += len(chunk)
            made_all = not self._stopping
        except BaseException as error:  # noqa: BLE001 - raised on the import's thread
            self._error = error
        finally:
            self._queue.put(_DONE)
        if made_all:  # the import's thread inserts the last chunk meanwhile
            try:
                self._gram_rows = list(self._grams.id_lists())
            except BaseException as error:  # noqa: BLE001 - raised by gram_rows
                self._error = error


def multi_row_statements(insert: str, rows: Sequence[Row]) -> list[Statement]:
    """``insert`` (``INSERT INTO t (columns)``) of ``rows``, all of one width, as few
    multi-row statements as the parameter limit allows."""
    if not rows:
        return []
    width = len(rows[0])
    per_statement = MAX_PARAMETERS // width
    return [
        (_multi_row(insert, width, len(part)), list(itertools.chain.from_iterable(part)))
        for part in (rows[start:start + per_statement]
                     for start in range(0, len(rows), per_statement))
    ]


@functools.lru_cache(maxsize=8)
def _multi_row(insert: str, width: int, count: int) -> str:
    group = "(" + ", ".join("?" * width) + ")"
    return f"{insert} VALUES " + ", ".join(itertools.repeat(group, count))
