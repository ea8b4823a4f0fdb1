"""OrderRepository and FeedbackRepository against a real SQLCipher file."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.models import (
    Customer,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    Order,
    OrderItem,
    OrderStatus,
)
from desktop.store.connection import IntegrityError
from desktop.store.customers import CustomerRepository
from desktop.store.feedback import FeedbackRepository
from desktop.store.orders import OrderRepository


@pytest.fixture
def customer_id(conn):
    return CustomerRepository(conn).add(Customer(id=None, name="王芳", phone="+8613812345678"))


def order(customer_id, order_no="0123456789012345678", ordered_at="2026-01-05T08:30:00+00:00",
          items=None, channel="淘宝") -> Order:
    items = items if items is not None else (
        OrderItem("保温杯 500ml", 2, 8_900, sku="CUP-500"),
        OrderItem("手机壳", 1, 2_990),
    )
    total = sum(item.amount_cents for item in items)
    return Order(
        id=None, order_no=order_no, channel=channel, customer_id=customer_id,
        status=OrderStatus.PAID, ordered_at=ordered_at, total_cents=total, discount_cents=500,
        shipping_cents=800, paid_cents=total - 500 + 800, ship_name="王芳",
        ship_phone="+8613812345678", ship_address="北京市朝阳区建国路88号", notes="请尽快发货",
        items=items,
    )


def test_order_with_items_round_trips_and_keeps_order_no_as_text(conn, customer_id):
    repo = OrderRepository(conn)
    new_id = repo.add(order(customer_id))
    got = repo.get(new_id)
    assert got.order_no == "0123456789012345678"
    assert [(i.product_name, i.quantity, i.unit_price_cents, i.sku) for i in got.items] == [
        ("保温杯 500ml", 2, 8_900, "CUP-500"), ("手机壳", 1, 2_990, ""),
    ]
    assert all(isinstance(i.id, int) for i in got.items)
    expected = order(customer_id)
    assert got == dataclasses.replace(expected, id=new_id, items=got.items)
    amounts = conn.execute("SELECT amount_cents FROM order_items ORDER BY id").fetchall()
    assert [a for (a,) in amounts] == [17_800, 2_990]
    assert all(isinstance(v, int) for v in (got.total_cents, got.paid_cents))
    assert repo.get(new_id + 1) is None


def test_order_without_items(conn, customer_id):
    repo = OrderRepository(conn)
    assert repo.get(repo.add(order(customer_id, items=()))).items == ()


def test_failing_item_rolls_back_the_whole_order(conn, customer_id):
    repo = OrderRepository(conn)
    bad = order(customer_id, items=(OrderItem("A", 1, 100), OrderItem("B", 0, 100)))
    with pytest.raises(ValueError):
        repo.add(bad)
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM order_items").fetchone()[0] == 0


def test_same_order_no_on_same_channel_is_refused(conn, customer_id):
    repo = OrderRepository(conn)
    repo.add(order(customer_id))
    repo.add(order(customer_id, channel="京东"))
    with pytest.raises(IntegrityError):
        repo.add(order(customer_id))
    assert conn.execute("SELECT count(*) FROM order_items").fetchone()[0] == 4


def test_list_for_customer_newest_first_with_items(conn, customer_id):
    repo = OrderRepository(conn)
    other = CustomerRepository(conn).add(Customer(id=None, name="Other"))
    old = repo.add(order(customer_id, "1", "2025-01-01T00:00:00+00:00"))
    new = repo.add(order(customer_id, "2", "2026-01-01T00:00:00+00:00"))
    repo.add(order(other, "3"))
    listed = repo.list_for_customer(customer_id)
    assert [o.id for o in listed] == [new, old]
    assert all(len(o.items) == 2 for o in listed)
    assert [o.id for o in repo.list_for_customer(customer_id, limit=1)] == [new]
    assert repo.list_for_customer(12345) == []
    with pytest.raises(ValueError):
        repo.list_for_customer(customer_id, limit=0)


def test_deleting_the_customer_keeps_orders_and_feedback(conn, customer_id):
    order_id = OrderRepository(conn).add(order(customer_id))
    feedback_id = FeedbackRepository(conn).add(
        Feedback(None, FeedbackKind.REVIEW, "好评", "2026-01-06T00:00:00+00:00",
                 customer_id=customer_id, order_id=order_id, rating=5)
    )
    assert CustomerRepository(conn).delete(customer_id)
    assert OrderRepository(conn).get(order_id).customer_id is None
    assert FeedbackRepository(conn).get(feedback_id).customer_id is None


def test_feedback_round_trips(conn, customer_id):
    order_id = OrderRepository(conn).add(order(customer_id))
    repo = FeedbackRepository(conn)
    item = Feedback(
        id=None, kind=FeedbackKind.COMPLAINT, content="收到的商品少了一件。",
        received_at="2026-01-07T10:00:00.000000+00:00", customer_id=customer_id,
        order_id=order_id, rating=1, channel="淘宝", status=FeedbackStatus.RESOLVED,
        resolution="已补发", resolved_at="2026-01-08T10:00:00.000000+00:00",
    )
    new_id = repo.add(item)
    assert repo.get(new_id) == dataclasses.replace(item, id=new_id)
    assert repo.get(new_id + 1) is None


def test_feedback_minimal_and_listing(conn, customer_id):
    repo = FeedbackRepository(conn)
    first = repo.add(Feedback(None, FeedbackKind.INQUIRY, "Do you ship to Ireland?",
                              "2026-01-01T00:00:00+00:00", customer_id=customer_id))
    second = repo.add(Feedback(None, FeedbackKind.SUGGESTION, "更多颜色",
                               "2026-02-01T00:00:00+00:00", customer_id=customer_id))
    repo.add(Feedback(None, FeedbackKind.REVIEW, "anonymous", "2026-03-01T00:00:00+00:00"))
    got = repo.get(first)
    assert got.rating is None and got.order_id is None and got.status is FeedbackStatus.OPEN
    assert [f.id for f in repo.list_for_customer(customer_id)] == [second, first]


def test_feedback_rating_is_checked(conn):
    with pytest.raises(ValueError):
        FeedbackRepository(conn).add(
            Feedback(None, FeedbackKind.REVIEW, "x", "2026-01-01T00:00:00+00:00", rating=6)
        )
