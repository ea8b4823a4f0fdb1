"""The customers table over any number of customers (DESIGN §1 "Big tables").

The model holds the matching customer ids, in order, in an ``array`` (4 bytes a row while
every id fits in 32 bits, 4 MB for a million customers; 8 bytes beyond) and a small LRU cache
of row *windows* fetched from the service on demand. Sorting and filtering are new SQL
queries; there is no proxy model and no OFFSET paging.

A query runs in two steps, both on the task runner:

1. the first screen: ``ids(limit=FIRST_PAGE)`` plus the rows of the first window, so the
   view paints without touching the database on the GUI thread;
2. if more match, every id in order from ``iter_ids`` in chunks, appended to the model
   (``beginInsertRows``) as they arrive; a newer query cancels it, inside a chunk too.

Results of a superseded query are dropped. Rows scrolled to later are fetched on the GUI
thread, one window (``WINDOW`` rows by primary key) at a time — the service allows one
background and the GUI thread at once, each on its own connection.

The model keeps nothing but what the service returned for the session: masked strings for
a role that sees masked values. Display and tooltip show exactly those strings; the user
role is the customer id. The columns and how each cell is written: ``customer_columns``.

Each paint asks ``data()`` ~7 roles of every visible cell (~1,500 Python calls a screen), so
the cells of a row are written once, on its first ask, and kept with the row; ``flags()`` is
Qt's own (no Python call per cell).
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.errors import ShopVaultError
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import CustomerFilter, CustomerRow, CustomerSort, IdPage
from desktop.services.session import Session
from desktop.ui.models.customer_columns import COLUMNS, column_for, row_texts, sort_for
from desktop.ui.tasks import Cancellable, TaskContext, TaskSubmitter

log = logging.getLogger(__name__)

T = TypeVar("T")

WINDOW = 64
"""Rows fetched together when the view asks for a row that is not cached: two screens.
Also the rows of a search's first screen, fetched per keystroke, so kept small: masking
costs ~0.1–0.3 ms a row for staff (bench_keystroke)."""
CACHED_WINDOWS = 16
"""Windows kept (LRU): 1,024 rows, a few screens around each place the user looked at."""
FIRST_PAGE = WINDOW
"""Ids a search reads for its first screen; the id stream reads the rest. One window, not
more: the plans that walk an index in list order read ~N/K entries per id (a two-letter
pinyin prefix: ~15,000 entries for 64 ids, ~45,000 for 200), every keystroke."""
STREAM_CHUNK = 250
"""Ids per query of the background stream. The task queue is serial: the next keystroke's
search waits for the stream's task to end. A newer query stops the chunk being read (the
store looks at the task's cancel while SQLite reads it, bench_keystroke "keypaint"); before
that it could only cancel between chunks, so chunks were kept small (at 500 the slowest of
a typed prefix took 10–34 ms, at 250 8–16 ms, "paintspeed"). The chunks that wait when the
GUI thread gets to them are appended in one insert."""

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_USER = Qt.ItemDataRole.UserRole.value
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENTS = tuple(_RIGHT_ALIGNED if column.numeric else None for column in COLUMNS)

NARROW_IDS = "I"
"""4-byte unsigned ids: every customer id of a shop that has not passed 4,294,967,295."""
WIDE_IDS = "q"


def id_array(ids: list[int]) -> array[int]:
    """``ids`` in 4 bytes each where they all fit, else 8."""
    return array(NARROW_IDS if _fits_narrow(ids) else WIDE_IDS, ids)


def with_ids_appended(ids: array[int], more: list[int]) -> array[int]:
    """``ids`` with ``more`` after them, widened first if one of ``more`` does not fit."""
    if ids.typecode == NARROW_IDS and not _fits_narrow(more):
        ids = array(WIDE_IDS, ids)
    ids.extend(more)
    return ids


def _fits_narrow(ids: list[int]) -> bool:
    return not ids or (min(ids) >= 0 and max(ids) < 2**32)


# --------------------------------------------------------------------------------- model

@dataclass(frozen=True, slots=True)
class _FirstScreen:
    page: IdPage
    rows: list[CustomerRow]


class _CachedRow:
    """A row of a cached window: the service's row, and its cells once first shown."""

    __slots__ = ("row", "texts")

    def __init__(self, row: CustomerRow) -> None:
        self.row = row
        self.texts: tuple[str, ...] | None = None

    def cells(self) -> tuple[str, ...]:
        texts = self.texts
        if texts is None:
            texts = self.texts = row_texts(self.row)
        return texts


_Window = dict[int, _CachedRow]


class _Stream:
    """The background id stream of one query; chunks wait in a deque for the GUI thread."""

    __slots__ = ("chunks", "handle", "skip", "verify_from")

    def __init__(self, skip: int) -> None:
        self.chunks: deque[list[int]] = deque()
        self.handle: Cancellable | None = None
        self.skip = skip
        """Ids at the start of the stream the model already has (the first screen)."""
        self.verify_from = 0


class CustomersModel(QAbstractTableModel):
    """Customer ids in SQL order plus a windowed row cache; see the module docstring."""

    loading_changed = Signal(bool)
    """True from a new query until every matching id is known."""
    count_known = Signal(int)
    """The number of matching customers, once every id is known."""
    first_screen_ready = Signal()
    """The first rows of a new query are in the model."""
    sort_applied = Signal(int, Qt.SortOrder)
    """The column and order the list is now sorted by (for the header's indicator)."""
    failed = Signal(object)
    """A query or a row fetch failed (the exception)."""

    _titles: tuple[str, ...] | None = None
    """The column titles in the current language (headerData is asked on every paint)."""

    def __init__(
        self,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._session = session
        self._runner = runner
        self._ids = id_array([])
        self._cache: OrderedDict[int, _Window] = OrderedDict()
        self._filter = CustomerFilter()
        self._sort = CustomerSort.NEWEST
        self._generation = 0
        self._first_handle: Cancellable | None = None
        self._awaiting_first = False
        self._stream: _Stream | None = None
        self._loading = False
        self._complete = False
        self._restarts = 0

    # ----------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Plain int compares first: the roles this model does not serve cost ~nothing.
        if role != _DISPLAY and role != _ALIGNMENT and role != _TOOLTIP and role != _USER:
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._ids):
            return None
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()]
        if role == _USER:
            return self._ids[row_number]
        cached = self._cached_row(row_number)
        if cached is None:
            return None
        text = cached.cells()[index.column()]
        if role == _TOOLTIP and not text:
            return None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == _DISPLAY:
            if self._titles is None:
                self._titles = tuple(column.title() for column in COLUMNS)
            return self._titles[section]
        if role == _ALIGNMENT:
            return _ALIGNMENTS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A new SQL query in the column's order; unsortable columns are ignored."""
        chosen = sort_for(column, order)
        if chosen is None:
            self.sort_applied.emit(*column_for(self._sort))
            return
        sort, effective = chosen
        self.sort_applied.emit(column, effective)
        if sort is not self._sort:
            self._sort = sort
            self._query()

    # -------------------------------------------------------------------------- queries

    @property
    def current_filter(self) -> CustomerFilter:
        return self._filter

    @property
    def current_sort(self) -> CustomerSort:
        return self._sort

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def waiting_first_screen(self) -> bool:
        """A new query runs and its first rows are not in yet (the rows shown are the
        previous query's)."""
        return self._awaiting_first

    @property
    def complete(self) -> bool:
        """Every matching id is in the model (rowCount is the number of matches)."""
        return self._complete

    def set_filter(self, flt: CustomerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self._query()

    def reload(self) -> None:
        """Run the current query again (after a change, or to refill after a lock)."""
        self._query()

    def clear(self) -> None:
        """Forget every id and row and stop the queries (the window is locking)."""
        self._cancel_queries()
        self._set_loading(False)
        self._complete = False
        self.beginResetModel()
        self._ids = id_array([])
        self._cache.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Drop cached rows (one changed) and let the view fetch what it shows again."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def remove_customer(self, customer_id: int) -> None:
        row = self.row_of(customer_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._cache.clear()  # windows after the row have shifted
        self.endRemoveRows()

    def customer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def _cached_row(self, row: int) -> _CachedRow | None:
        """The row's masked values and cells (fetching its window if needed); None for a
        customer deleted since the ids were read."""
        number = row // WINDOW
        window = self._cache.get(number)
        if window is None:
            window = self._fetch_window(number)
        else:
            self._cache.move_to_end(number)
        return window.get(self._ids[row])

    def cached_windows(self) -> list[int]:
        """Window numbers in the cache, least recently used first (for tests)."""
        return list(self._cache)

    def _fetch_window(self, number: int) -> _Window:
        ids = self._ids[number * WINDOW : (number + 1) * WINDOW]
        try:
            rows = self._service.rows(self._session, ids.tolist())
        except ShopVaultError as exc:
            log.warning("Customer rows not loaded: %s", type(exc).__name__)
            self.failed.emit(exc)
            rows = []
        window = _window(rows)
        self._remember(number, window)
        return window

    def _remember(self, number: int, window: _Window) -> None:
        self._cache[number] = window
        self._cache.move_to_end(number)
        while len(self._cache) > CACHED_WINDOWS:
            self._cache.popitem(last=False)

    def _query(self, *, restart: bool = False) -> None:
        """Run the current filter and sort. ``restart``: the list changed between the
        first screen and the id stream, so it is read once more."""
        if not restart:
            self._restarts = 0
        self._cancel_queries()
        self._generation += 1
        generation = self._generation
        self._complete = False
        self._set_loading(True)
        service, session, flt, sort = self._service, self._session, self._filter, self._sort

        def first_screen(ctx: TaskContext) -> _FirstScreen:
            page = service.ids(session, flt, sort, FIRST_PAGE)
            ctx.check_cancelled()
            return _FirstScreen(page, service.rows(session, page.ids[:WINDOW]))

        self._awaiting_first = True
        handle = self._runner.submit(
            first_screen,
            on_success=lambda result: self._show_first_screen(generation, result),
            on_failure=lambda exc: self._query_failed(generation, exc),
        )
        if self._awaiting_first and generation == self._generation:
            self._first_handle = handle  # a synchronous runner has answered already

    def _show_first_screen(self, generation: int, result: _FirstScreen) -> None:
        if generation != self._generation:
            return
        self._first_handle = None
        self._awaiting_first = False
        self.beginResetModel()
        self._ids = id_array(result.page.ids)
        self._cache.clear()
        self._remember(0, _window(result.rows))
        self.endResetModel()
        self.first_screen_ready.emit()
        if result.page.complete:
            self._finish_loading()
        else:
            self._stream_rest(generation)

    def _stream_rest(self, generation: int) -> None:
        stream = _Stream(skip=len(self._ids))
        self._stream = stream
        service, session, flt, sort = self._service, self._session, self._filter, self._sort

        def all_ids(ctx: TaskContext) -> None:
            received = 0
            # A newer search cancels this one inside a chunk's query too: it waits in the
            # serial task queue until this task ends.
            for chunk in service.iter_ids(session, flt, sort, STREAM_CHUNK,
                                          cancelled=lambda: ctx.cancelled):
                ctx.check_cancelled()
                stream.chunks.append(chunk)
                received += len(chunk)
                ctx.report_progress(received, 0)
            ctx.check_cancelled()  # an iteration cut short is not the whole list

        def drain(*_progress: int) -> None:
            if stream is self._stream and generation == self._generation:
                self._take_chunks(stream)

        def done(_none: None) -> None:
            drain()
            if stream is self._stream and generation == self._generation:
                self._stream = None
                self._finish_loading()

        stream.handle = self._runner.submit(
            all_ids,
            on_success=done,
            on_progress=drain,
            on_failure=lambda exc: self._query_failed(generation, exc),
        )

    def _take_chunks(self, stream: _Stream) -> None:
        fresh: list[int] = []  # every chunk waiting, appended in one insert
        while stream.chunks:
            chunk = stream.chunks.popleft()
            if stream.skip:
                overlap = min(stream.skip, len(chunk))
                start = stream.verify_from
                if chunk[:overlap] != self._ids[start : start + overlap].tolist():
                    if self._restarts < 1:
                        self._restarts += 1
                        self._query(restart=True)
                        return
                    # Changed twice in a row: accept; rows() leaves out deleted customers.
                    stream.skip = overlap
                stream.skip -= overlap
                stream.verify_from += overlap
                chunk = chunk[overlap:]
            fresh.extend(chunk)
        if fresh:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._ids = with_ids_appended(self._ids, fresh)
            self._cache.pop(first // WINDOW, None)  # read while the list ended inside it
            self.endInsertRows()

    def _finish_loading(self) -> None:
        self._complete = True
        self._set_loading(False)
        self.count_known.emit(len(self._ids))

    def _query_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._first_handle = None
        self._awaiting_first = False
        self._stream = None
        self._set_loading(False)
        self.failed.emit(exc)

    def _cancel_queries(self) -> None:
        if self._first_handle is not None:
            self._first_handle.cancel()
            self._first_handle = None
        self._awaiting_first = False
        if self._stream is not None:
            if self._stream.handle is not None:
                self._stream.handle.cancel()
            self._stream = None
        self._generation += 1

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def retranslate(self) -> None:
        self._titles = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.refresh_rows()  # tags are joined with a translated separator


def _window(rows: list[CustomerRow]) -> _Window:
    return {row.id: _CachedRow(row) for row in rows}
