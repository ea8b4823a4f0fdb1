"""Migration 0009 (``order_items.summary``) on a shop created before it: its items stay and
count as real lines; new summary items are stored and read back as such."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.models import Order, OrderItem, OrderStatus
from desktop.store.connection import DatabaseError, create_database, transaction
from desktop.store.database import ShopDatabase
from desktop.store.migrations import available_migrations, migrate, schema_version
from desktop.store.orders import OrderRepository


def _shop_before_the_summary_column(path: Path, key: bytes) -> None:
    conn = create_database(path, key)
    assert migrate(conn, up_to=8) == 8
    with transaction(conn):
        conn.execute(
            "INSERT INTO orders (id, order_no, channel, status, ordered_at, total_cents,"
            " created_at, updated_at) VALUES (1, '3712345678901234567', 'taobao', 'completed',"
            " '2024-01-05T04:30:45Z', 20900, '2024-01-05T04:30:45Z', '2024-01-05T04:30:45Z')"
        )
        conn.execute(
            "INSERT INTO order_items (id, order_id, sku, product_name, quantity,"
            " unit_price_cents, amount_cents) VALUES (1, 1, '', '西湖龙井 250g,青瓷茶杯', 3, 0, 0)"
        )
    conn.close()


def test_a_shop_from_before_the_summary_column_gets_it_on_open(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", os.urandom(32)
    _shop_before_the_summary_column(path, key)
    db = ShopDatabase.open(path, key)
    try:
        assert schema_version(db.conn) == len(available_migrations()) >= 9
        orders = OrderRepository(db.conn)
        old = orders.get(1)
        assert old is not None
        assert old.items == (OrderItem("西湖龙井 250g,青瓷茶杯", 3, 0, id=1, summary=False),)
        new_id = orders.add(Order(
            None, "3712345678901234580", "taobao", None, OrderStatus.COMPLETED,
            "2024-01-05T04:30:45Z", 3500, items=(OrderItem("茶盘", 1, 0, summary=True),),
        ))
        new = orders.get(new_id)
        assert new is not None and [item.summary for item in new.items] == [True]
        with pytest.raises(DatabaseError):
            db.conn.execute("UPDATE order_items SET summary = 2 WHERE id = 1")
    finally:
        db.close()
