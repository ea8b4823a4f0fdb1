"""The orders table: row ids plus a small row cache, pages loaded by keyset as the user
scrolls (``canFetchMore``/``fetchMore``), rows evicted beyond :data:`CACHE_ROWS` and fetched
back by id when scrolled to again. Sorting and filtering happen in SQL (the service); there
is no proxy model.

The model holds only what the service returned: values already masked for the role. Also
home of the small formatting helpers the order and feedback screens share.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from desktop.services.order_views import OrderCursor, OrderRow

CACHE_ROWS = 2_000
"""Rows kept in memory at most; ids are kept for every loaded row."""

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_cents(cents: int) -> str:
    """Integer cents as money: 123450 → ¥1,234.50, -500 → -¥5.00."""
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}¥{whole:,}.{fraction:02d}"


def local_time_text(iso: str | None, *, seconds: bool = False) -> str:
    """A stored UTC instant in local time, e.g. 2026-03-01 09:30."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return iso
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm")


def order_status_text(status: str) -> str:
    names = {
        "pending": QCoreApplication.translate("OrderStatus", "Pending"),
        "paid": QCoreApplication.translate("OrderStatus", "Paid"),
        "shipped": QCoreApplication.translate("OrderStatus", "Shipped"),
        "completed": QCoreApplication.translate("OrderStatus", "Completed"),
        "cancelled": QCoreApplication.translate("OrderStatus", "Cancelled"),
        "refunded": QCoreApplication.translate("OrderStatus", "Refunded"),
    }
    return names.get(status, status)


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)
C = TypeVar("C")
PageLoader = Callable[[C, Callable[[Sequence[R], C | None], None]], None]
"""``(cursor, deliver)``: load the page after ``cursor`` and call ``deliver(rows, next)``."""
RowsLoader = Callable[[list[int], Callable[[Sequence[R]], None]], None]
"""``(ids, deliver)``: load these rows again (after they left the cache)."""


class KeysetTableModel(QAbstractTableModel, Generic[R, C]):
    """Ids + row cache + keyset paging. Subclasses say what a cell shows (:meth:`cell`)."""

    headers: tuple[object, ...] = ()
    """Source texts (marked with ``QT_TRANSLATE_NOOP`` for lupdate), translated on display."""
    context = "OrdersModel"

    def __init__(
        self, load_page: PageLoader[C, R], load_rows: RowsLoader[R],
        parent: Any = None, *, cache_rows: int = CACHE_ROWS,
    ) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._load_rows = load_rows
        self._cache_rows = cache_rows
        self._ids: list[int] = []
        self._rows: OrderedDict[int, R] = OrderedDict()
        self._cursor: C | None = None
        self._fetching = False
        self._inside_fetch = False
        self._generation = 0
        self._missing: set[int] = set()
        self._requested: set[int] = set()

    # --------------------------------------------------------------- loading

    def reset(self, rows: Sequence[R], cursor: C | None) -> None:
        """Show ``rows`` (a first page) and remember where the next page starts."""
        self.beginResetModel()
        self._forget()
        self._ids = [row.id for row in rows]
        self._remember(rows)
        self._cursor = cursor
        self.endResetModel()

    def clear(self) -> None:
        """Drop every row and id (on lock); results still on their way are ignored."""
        self.beginResetModel()
        self._forget()
        self.endResetModel()

    def _forget(self) -> None:
        self._generation += 1
        self._ids, self._cursor, self._fetching = [], None, False
        self._rows.clear()
        self._missing.clear()
        self._requested.clear()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._cursor is not None and not self._fetching

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        assert self._cursor is not None
        self._inside_fetch = True
        try:
            self._load_page(self._cursor,
                            lambda rows, cursor: self._append(generation, rows, cursor))
        finally:
            self._inside_fetch = False

    def _append(self, generation: int, rows: Sequence[R], cursor: C | None) -> None:
        if self._inside_fetch:
            # Delivered before fetchMore returned (a synchronous loader): views and testers
            # call fetchMore from their own signal handlers, so insert on the next turn.
            QTimer.singleShot(0, lambda: self._append(generation, rows, cursor))
            return
        if generation != self._generation:
            return
        self._fetching = False
        new = [row for row in rows if row.id not in self._rows]
        if new:
            start = len(self._ids)
            self.beginInsertRows(_ROOT, start, start + len(new) - 1)
            self._ids += [row.id for row in new]
            self._remember(new)
            self.endInsertRows()
        self._cursor = cursor

    def _remember(self, rows: Sequence[R]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._rows.move_to_end(row.id)
        while len(self._rows) > self._cache_rows:
            self._rows.popitem(last=False)

    def _request(self, row_id: int) -> None:
        if row_id in self._requested:
            return
        if not self._missing:
            QTimer.singleShot(0, self._load_missing)
        self._missing.add(row_id)

    def _load_missing(self) -> None:
        ids, generation = sorted(self._missing), self._generation
        self._missing.clear()
        if not ids:
            return
        self._requested.update(ids)
        self._load_rows(ids, lambda rows: self._refill(generation, ids, rows))

    def _refill(self, generation: int, ids: list[int], rows: Sequence[R]) -> None:
        if generation != self._generation:
            return
        self._requested.difference_update(ids)
        self._remember(rows)
        for row in rows:
            self.update_row(row)

    def update_row(self, row: R) -> None:
        """Show a fresh copy of one row (after an edit), if it is in the table."""
        if row.id not in self._ids:
            return
        self._rows[row.id] = row
        position = self._ids.index(row.id)
        self.dataChanged.emit(self.index(position, 0),
                              self.index(position, self.columnCount() - 1))

    # --------------------------------------------------------------- access

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, position: int) -> int | None:
        return self._ids[position] if 0 <= position < len(self._ids) else None

    def row_at(self, position: int) -> R | None:
        row_id = self.id_at(position)
        return None if row_id is None else self._rows.get(row_id)

    def position_of(self, row_id: int) -> int:
        return self._ids.index(row_id) if row_id in self._ids else -1

    # --------------------------------------------------------------- Qt API

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == _DISPLAY
                and 0 <= section < len(self.headers)):
            return QCoreApplication.translate(self.context, str(self.headers[section]))
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        row_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row_id
        row = self._rows.get(row_id)
        if row is None:
            self._request(row_id)
            return "…" if role == _DISPLAY else None
        return self.cell(row, index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError


class OrdersModel(KeysetTableModel[OrderRow, OrderCursor]):
    """Columns: ordered, order no., status, amount, items, channel, customer, recipient."""

    headers = (
        QT_TRANSLATE_NOOP("OrdersModel", "Ordered"), QT_TRANSLATE_NOOP("OrdersModel", "Order no."),
        QT_TRANSLATE_NOOP("OrdersModel", "Status"), QT_TRANSLATE_NOOP("OrdersModel", "Amount"),
        QT_TRANSLATE_NOOP("OrdersModel", "Items"), QT_TRANSLATE_NOOP("OrdersModel", "Channel"),
        QT_TRANSLATE_NOOP("OrdersModel", "Customer"),
        QT_TRANSLATE_NOOP("OrdersModel", "Recipient"),
    )
    NUMBER_COLUMNS = (3, 4)

    def cell(self, row: OrderRow, column: int, role: int) -> Any:
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBER_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("cancelled", "refunded"):
            return QColor("#7b8794")
        return None

    @staticmethod
    def _text(row: OrderRow, column: int) -> str:
        texts = (
            lambda: local_time_text(row.ordered_at), lambda: row.order_no,
            lambda: order_status_text(row.status), lambda: format_cents(row.payable_cents),
            lambda: str(row.item_count), lambda: row.channel, lambda: row.customer_name,
            lambda: " ".join(part for part in (row.ship_name, row.ship_phone) if part),
        )
        return texts[column]() if 0 <= column < len(texts) else ""
