"""Orders and their items (money in integer cents)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from desktop.core.models import Order, OrderItem, OrderStatus, utc_now_iso
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, atomic, int_column, limit_clause

ORDER_COLUMNS: Final = (
    "id", "order_no", "channel", "customer_id", "status", "ordered_at", "total_cents",
    "discount_cents", "shipping_cents", "paid_cents", "ship_name", "ship_phone", "ship_address",
    "notes", "created_at", "updated_at",
)
ITEM_COLUMNS: Final = (
    "id", "order_id", "sku", "product_name", "quantity", "unit_price_cents", "amount_cents",
    "summary",
)

INSERT_ORDER: Final = (
    f"INSERT INTO orders ({', '.join(ORDER_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in ORDER_COLUMNS)})"
)
INSERT_ITEM: Final = (
    f"INSERT INTO order_items ({', '.join(ITEM_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in ITEM_COLUMNS)})"
)

_SELECT_ORDER: Final = f"SELECT {', '.join(ORDER_COLUMNS[:14])} FROM orders"
_SELECT_ITEMS: Final = (
    "SELECT order_id, id, sku, product_name, quantity, unit_price_cents, summary"
    " FROM order_items"
)


def order_row(order: Order, order_id: int | None, now: str) -> tuple[object, ...]:
    """``order`` as a parameter tuple in :data:`ORDER_COLUMNS` order."""
    return (
        order_id, order.order_no, order.channel, order.customer_id, order.status.value,
        order.ordered_at, order.total_cents, order.discount_cents, order.shipping_cents,
        order.paid_cents, order.ship_name, order.ship_phone, order.ship_address, order.notes,
        now, now,
    )


def item_row(item: OrderItem, item_id: int | None, order_id: int) -> tuple[object, ...]:
    """``item`` as a parameter tuple in :data:`ITEM_COLUMNS` order."""
    if item.quantity <= 0:
        raise ValueError("an order item needs a positive quantity")
    return (
        item_id, order_id, item.sku, item.product_name, item.quantity, item.unit_price_cents,
        item.amount_cents, int(item.summary),
    )


class OrderRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, order: Order) -> int:
        """Insert ``order`` and all its items in one transaction; return the new order id."""
        now = utc_now_iso()
        with atomic(self._conn):
            cursor = self._conn.execute(INSERT_ORDER, order_row(order, None, now))
            order_id = int(cursor.lastrowid)
            self._conn.executemany(
                INSERT_ITEM, [item_row(item, None, order_id) for item in order.items]
            )
        return order_id

    def get(self, order_id: int) -> Order | None:
        rows = self._conn.execute(f"{_SELECT_ORDER} WHERE id = ?", (order_id,)).fetchall()
        return self._with_items(rows)[0] if rows else None

    def find_by_numbers(self, order_nos: Sequence[str]) -> list[Order]:
        """Stored orders with any of these order numbers (every channel), with their items."""
        found: list[Order] = []
        for start in range(0, len(order_nos), IN_CHUNK):
            chunk = list(order_nos[start:start + IN_CHUNK])
            marks = ", ".join("?" for _ in chunk)
            rows = self._conn.execute(
                f"{_SELECT_ORDER} WHERE order_no IN ({marks}) ORDER BY id", chunk
            ).fetchall()
            found += self._with_items(rows) if rows else []
        return found

    def list_for_customer(self, customer_id: int, limit: int = 200) -> list[Order]:
        """The customer's orders, newest first."""
        rows = self._conn.execute(
            f"{_SELECT_ORDER} WHERE customer_id = ? ORDER BY ordered_at DESC, id DESC LIMIT"
            f" {limit_clause(limit)}",
            (customer_id,),
        ).fetchall()
        return self._with_items(rows)

    def _with_items(self, rows: Sequence[Sequence[object]]) -> list[Order]:
        ids = [int_column(row[0]) for row in rows]
        items: dict[int, list[OrderItem]] = {order_id: [] for order_id in ids}
        marks = ", ".join("?" for _ in ids)
        for order_id, item_id, sku, name, quantity, unit_price, summary in self._conn.execute(
            f"{_SELECT_ITEMS} WHERE order_id IN ({marks}) ORDER BY order_id, id", ids
        ):
            items[order_id].append(
                OrderItem(
                    product_name=str(name),
                    quantity=int_column(quantity),
                    unit_price_cents=int_column(unit_price),
                    sku=str(sku),
                    id=int_column(item_id),
                    summary=bool(summary),
                )
            )
        return [_order(row, tuple(items[int_column(row[0])])) for row in rows]


def _order(row: Sequence[object], items: tuple[OrderItem, ...]) -> Order:
    (
        order_id, order_no, channel, customer_id, status, ordered_at, total, discount, shipping,
        paid, ship_name, ship_phone, ship_address, notes,
    ) = row
    return Order(
        id=int_column(order_id),
        order_no=str(order_no),
        channel=str(channel),
        customer_id=None if customer_id is None else int_column(customer_id),
        status=OrderStatus(str(status)),
        ordered_at=str(ordered_at),
        total_cents=int_column(total),
        discount_cents=int_column(discount),
        shipping_cents=int_column(shipping),
        paid_cents=int_column(paid),
        ship_name=str(ship_name),
        ship_phone=str(ship_phone),
        ship_address=str(ship_address),
        notes=str(notes),
        items=items,
    )

