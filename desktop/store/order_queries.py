"""The orders screen's queries: filtered lists with keyset paging, counts, edits with items.

Lists are newest first (``ordered_at DESC, id DESC``) and page by keyset — the next page
starts after the last row seen, never ``OFFSET`` — so page 500 costs what page 1 costs.
Indexes for the filters are in migration 0004 (``ix_orders_status_ordered``,
``ix_orders_channel_ordered``); 0002 already covers the date range and the customer.

Rows carry raw values, personal data included: the services mask them per role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from desktop.core.models import Order, OrderItem, OrderStatus, utc_now_iso
from desktop.store.connection import Connection
from desktop.store.customers import atomic, int_column, limit_clause
from desktop.store.orders import INSERT_ITEM, INSERT_ORDER, OrderRepository, item_row, order_row

MAX_CHANNELS: Final = 200
"""Distinct channels listed for the filter at most (a shop has a handful)."""


class DuplicateOrderNoError(ValueError):
    """Another order of the same channel already has this order number."""


@dataclass(frozen=True, slots=True)
class OrderQuery:
    """Which orders to list; every part optional, all applied in SQL."""

    ordered_from: str | None = None
    """UTC ISO instant, inclusive."""
    ordered_before: str | None = None
    """UTC ISO instant, exclusive."""
    status: OrderStatus | None = None
    channel: str | None = None
    customer_id: int | None = None


@dataclass(frozen=True, slots=True)
class OrderKey:
    """Where a page ended: the next page starts strictly after this (newest-first) row."""

    ordered_at: str
    id: int


@dataclass(frozen=True, slots=True)
class OrderListRow:
    id: int
    order_no: str
    channel: str
    status: OrderStatus
    ordered_at: str
    customer_id: int | None
    customer_name: str | None
    ship_name: str
    ship_phone: str
    item_count: int
    total_cents: int
    discount_cents: int
    shipping_cents: int
    paid_cents: int

    @property
    def key(self) -> OrderKey:
        return OrderKey(self.ordered_at, self.id)


_LIST_COLUMNS: Final = (
    "o.id, o.order_no, o.channel, o.status, o.ordered_at, o.customer_id, c.name, o.ship_name,"
    " o.ship_phone, (SELECT count(*) FROM order_items i WHERE i.order_id = o.id),"
    " o.total_cents, o.discount_cents, o.shipping_cents, o.paid_cents"
)
_UPDATE_ORDER: Final = (
    "UPDATE orders SET order_no = ?, channel = ?, customer_id = ?, status = ?, ordered_at = ?,"
    " total_cents = ?, discount_cents = ?, shipping_cents = ?, paid_cents = ?, ship_name = ?,"
    " ship_phone = ?, ship_address = ?, notes = ?, updated_at = ? WHERE id = ?"
)


def _where(query: OrderQuery, after: OrderKey | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.ordered_from is not None:
        clauses.append("o.ordered_at >= ?")
        params.append(query.ordered_from)
    if query.ordered_before is not None:
        clauses.append("o.ordered_at < ?")
        params.append(query.ordered_before)
    if query.status is not None:
        clauses.append("o.status = ?")
        params.append(query.status.value)
    if query.channel is not None:
        clauses.append("o.channel = ?")
        params.append(query.channel)
    if query.customer_id is not None:
        clauses.append("o.customer_id = ?")
        params.append(query.customer_id)
    if after is not None:
        clauses.append("(o.ordered_at < ? OR (o.ordered_at = ? AND o.id < ?))")
        params += [after.ordered_at, after.ordered_at, after.id]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class OrderQueries:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._orders = OrderRepository(conn)

    def page(self, query: OrderQuery, after: OrderKey | None, limit: int) -> list[OrderListRow]:
        """Up to ``limit`` matching orders after ``after`` (None: from the newest)."""
        where, params = _where(query, after)
        rows = self._conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
            f"{where} ORDER BY o.ordered_at DESC, o.id DESC LIMIT {limit_clause(limit)}",
            params,
        ).fetchall()
        return [_list_row(row) for row in rows]

    def rows(self, ids: Sequence[int]) -> list[OrderListRow]:
        """The list rows for ``ids``, in that order (missing ids left out)."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found = {
            int_column(row[0]): _list_row(row)
            for row in self._conn.execute(
                f"SELECT {_LIST_COLUMNS} FROM orders o"
                f" LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id IN ({marks})",
                list(ids),
            )
        }
        return [found[i] for i in ids if i in found]

    def count(self, query: OrderQuery) -> int:
        where, params = _where(query, None)
        return int(self._conn.execute(f"SELECT count(*) FROM orders o{where}", params)
                   .fetchone()[0])

    def channels(self) -> list[str]:
        """Distinct non-empty channels, sorted; one index seek each (no full scan)."""
        found: list[str] = []
        last = ""
        while len(found) < MAX_CHANNELS:
            row = self._conn.execute(
                "SELECT min(channel) FROM orders WHERE channel > ?", (last,)
            ).fetchone()
            if row is None or row[0] is None:
                break
            last = str(row[0])
            found.append(last)
        return found

    def get(self, order_id: int) -> Order | None:
        return self._orders.get(order_id)

    def customer_name(self, customer_id: int) -> str | None:
        row = self._conn.execute(
            "SELECT name FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def customer_exists(self, customer_id: int) -> bool:
        return self.customer_name(customer_id) is not None

    def for_customer(self, customer_id: int, limit: int) -> list[OrderListRow]:
        """The customer's most recent orders (for choosing the order a feedback is about)."""
        return self.page(OrderQuery(customer_id=customer_id), None, limit)

    def find_id(self, channel: str, order_no: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM orders WHERE channel = ? AND order_no = ?", (channel, order_no)
        ).fetchone()
        return None if row is None else int_column(row[0])

    def add(self, order: Order) -> int:
        """Insert ``order`` with its items (one unit: savepoint inside the caller's
        transaction). Raises DuplicateOrderNoError for a taken (channel, order number)."""
        if self.find_id(order.channel, order.order_no) is not None:
            raise DuplicateOrderNoError(order.order_no)
        now = utc_now_iso()
        with atomic(self._conn):
            cursor = self._conn.execute(INSERT_ORDER, order_row(order, None, now))
            order_id = int(cursor.lastrowid)
            self._write_items(order_id, order)
        return order_id

    def update(self, order: Order) -> None:
        """Replace every field and all items of an existing order, as one unit.

        Raises LookupError when the order is gone, DuplicateOrderNoError for a taken number.
        """
        if order.id is None:
            raise ValueError("order has no id")
        other = self.find_id(order.channel, order.order_no)
        if other is not None and other != order.id:
            raise DuplicateOrderNoError(order.order_no)
        with atomic(self._conn):
            cursor = self._conn.execute(
                _UPDATE_ORDER,
                (
                    order.order_no, order.channel, order.customer_id, order.status.value,
                    order.ordered_at, order.total_cents, order.discount_cents,
                    order.shipping_cents, order.paid_cents, order.ship_name, order.ship_phone,
                    order.ship_address, order.notes, utc_now_iso(), order.id,
                ),
            )
            if cursor.rowcount != 1:
                raise LookupError(f"no order with id {order.id}")
            items = self._kept_summaries(order.id, order.items)
            self._conn.execute("DELETE FROM order_items WHERE order_id = ?", (order.id,))
            self._write_items(order.id, replace(order, items=items))

    def _kept_summaries(self, order_id: int, items: Sequence[OrderItem]) -> tuple[OrderItem, ...]:
        """``items`` with the summary flag kept on those the edit left as they were: the form
        knows no such flag, and an edit of, say, the note must not make an order list's packed
        title a real line (a later import of the order's real items replaces a summary)."""
        stored = {
            (str(name), int_column(quantity), int_column(price), str(sku))
            for name, quantity, price, sku in self._conn.execute(
                "SELECT product_name, quantity, unit_price_cents, sku FROM order_items"
                " WHERE order_id = ? AND summary = 1", (order_id,),
            )
        }
        return tuple(
            replace(item, summary=True)
            if (item.product_name, item.quantity, item.unit_price_cents, item.sku) in stored
            else item
            for item in items
        )

    def _write_items(self, order_id: int, order: Order) -> None:
        self._conn.executemany(
            INSERT_ITEM, [item_row(item, None, order_id) for item in order.items]
        )


def _list_row(row: Sequence[object]) -> OrderListRow:
    (
        order_id, order_no, channel, status, ordered_at, customer_id, customer_name, ship_name,
        ship_phone, item_count, total, discount, shipping, paid,
    ) = row
    return OrderListRow(
        id=int_column(order_id),
        order_no=str(order_no),
        channel=str(channel),
        status=OrderStatus(str(status)),
        ordered_at=str(ordered_at),
        customer_id=None if customer_id is None else int_column(customer_id),
        customer_name=None if customer_name is None else str(customer_name),
        ship_name=str(ship_name),
        ship_phone=str(ship_phone),
        item_count=int_column(item_count),
        total_cents=int_column(total),
        discount_cents=int_column(discount),
        shipping_cents=int_column(shipping),
        paid_cents=int_column(paid),
    )
