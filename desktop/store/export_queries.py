"""Streaming reads for reports: every matching order with its items (or all feedback) in
keyset batches, newest first, so an export never holds all rows. Rows carry raw values: the
export service masks them."""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from desktop.core.models import Order, OrderItem, OrderStatus
from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository, int_column, limit_clause, opt_str
from desktop.store.feedback_queries import (
    FeedbackKey,
    FeedbackListRow,
    FeedbackQueries,
    FeedbackQuery,
)
from desktop.store.order_queries import OrderKey, OrderQuery
from desktop.store.order_queries import _where as order_where

_ORDER_SELECT: Final = (
    "SELECT o.id, o.order_no, o.channel, o.customer_id, o.status, o.ordered_at, o.total_cents,"
    " o.discount_cents, o.shipping_cents, o.paid_cents, o.ship_name, o.ship_phone,"
    " o.ship_address, o.notes, c.name, c.member_no"
    " FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
)
_CUSTOMER_TAGS: Final = (
    "(SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
)
CUSTOMER_CHUNK: Final = 1_000
"""Ids per ``IN (…)`` list of :meth:`ExportQueries.customer_records`."""
_ITEMS_SELECT: Final = (
    "SELECT order_id, id, sku, product_name, quantity, unit_price_cents FROM order_items"
)
@dataclass(frozen=True, slots=True)
class ExportOrder:
    order: Order
    customer_name: str | None
    customer_member_no: str | None


STREAMING_CACHE_MIB: Final = 8
"""Page cache of the reading connection while an export of orders or feedback streams: each
page is read about once, so a larger cache would mostly hold pages never asked for again."""


def set_cache(conn: Connection, mib: int) -> None:
    """Give ``conn`` a page cache of ``mib`` MiB."""
    conn.execute(f"PRAGMA cache_size = {-int(mib) * 1024}")


@contextlib.contextmanager
def streaming_cache(conn: Connection, mib: int = STREAMING_CACHE_MIB) -> Iterator[None]:
    """Set ``conn``'s page cache for the block, then put the old size back."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    set_cache(conn, mib)
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


class ExportQueries:
    """Read-only; use the reader connection of the thread that iterates."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def customer_records(self, ids: Sequence[int], wanted: Collection[str], tags: bool
                         ) -> list[tuple[object, ...]]:
        """:meth:`CustomerRepository.records` (same layout: its ``columns``, then the joined
        tags) reading only the ``wanted`` columns and the tags if ``tags``; the rest are None.
        A report of 100,000 customers then decodes no value it does not show."""
        select = "SELECT " + ", ".join(
            f"c.{name}" if name == "id" or name in wanted else "NULL"
            for name in CustomerRepository.columns
        ) + ", " + (_CUSTOMER_TAGS if tags else "NULL") + " FROM customers c"
        found: dict[object, tuple[object, ...]] = {}
        wanted_ids = list(dict.fromkeys(ids))
        for start in range(0, len(wanted_ids), CUSTOMER_CHUNK):
            part = wanted_ids[start : start + CUSTOMER_CHUNK]
            marks = ", ".join("?" * len(part))
            for row in self._conn.execute(f"{select} WHERE c.id IN ({marks})", part):
                found[row[0]] = row
        return [found[i] for i in wanted_ids if i in found]

    def order_batches(self, query: OrderQuery, chunk: int) -> Iterator[list[ExportOrder]]:
        after: OrderKey | None = None
        while True:
            where, params = order_where(query, after)
            rows = self._conn.execute(
                f"{_ORDER_SELECT}{where} ORDER BY o.ordered_at DESC, o.id DESC"
                f" LIMIT {limit_clause(chunk)}",
                params,
            ).fetchall()
            if not rows:
                return
            yield self._with_items(rows)
            last = rows[-1]
            after = OrderKey(str(last[5]), int_column(last[0]))
            if len(rows) < chunk:
                return

    def feedback_batches(
        self, query: FeedbackQuery, overdue_before: str, chunk: int
    ) -> Iterator[list[FeedbackListRow]]:
        queries = FeedbackQueries(self._conn)
        after: FeedbackKey | None = None
        while True:
            rows = queries.page(query, overdue_before, after, chunk)
            if not rows:
                return
            yield rows
            after = rows[-1].key
            if len(rows) < chunk:
                return

    def _with_items(self, rows: Sequence[Sequence[object]]) -> list[ExportOrder]:
        ids = [int_column(row[0]) for row in rows]
        items: dict[int, list[OrderItem]] = {order_id: [] for order_id in ids}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" for _ in part)
            for order_id, item_id, sku, name, quantity, unit_price in self._conn.execute(
                f"{_ITEMS_SELECT} WHERE order_id IN ({marks}) ORDER BY order_id, id", part
            ):
                items[int_column(order_id)].append(
                    OrderItem(product_name=str(name), quantity=int_column(quantity),
                              unit_price_cents=int_column(unit_price), sku=str(sku),
                              id=int_column(item_id))
                )
        return [_export_order(row, tuple(items[int_column(row[0])])) for row in rows]


def _export_order(row: Sequence[object], items: tuple[OrderItem, ...]) -> ExportOrder:
    (
        order_id, order_no, channel, customer_id, status, ordered_at, total, discount, shipping,
        paid, ship_name, ship_phone, ship_address, notes, customer_name, member_no,
    ) = row
    order = Order(
        id=int_column(order_id), order_no=str(order_no), channel=str(channel),
        customer_id=None if customer_id is None else int_column(customer_id),
        status=OrderStatus(str(status)), ordered_at=str(ordered_at),
        total_cents=int_column(total), discount_cents=int_column(discount),
        shipping_cents=int_column(shipping), paid_cents=int_column(paid),
        ship_name=str(ship_name), ship_phone=str(ship_phone), ship_address=str(ship_address),
        notes=str(notes), items=items,
    )
    return ExportOrder(order, opt_str(customer_name), opt_str(member_no))
