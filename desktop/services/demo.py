"""Realistic demo customers, orders and feedback, for trying the app and for benchmarks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.demo_data import generate_customers, generate_feedback, generate_orders
from desktop.core.errors import InvalidInputError
from desktop.core.models import Feedback, Order
from desktop.core.roles import Permission
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.bulk import BulkResult

MAX_DEMO_CUSTOMERS = 2_000_000  # the problem text below names this number


def load_demo_data(
    workspace: Workspace,
    session: Session,
    customers: int,
    progress: Callable[[int], None] | None = None,
) -> BulkResult:
    """Add ``customers`` demo customers with their orders and feedback in one transaction.
    ``progress`` gets the customers written so far; raising from it cancels (nothing stays)."""
    session.require(Permission.LOAD_DEMO_DATA)
    if not 1 <= customers <= MAX_DEMO_CUSTOMERS:
        raise InvalidInputError(
            field="customers", problem="Choose a number of customers from 1 to 2,000,000."
        )
    db = workspace.shop.db
    start = db.customers.count()

    def orders_for(ids: Sequence[int]) -> list[Order]:
        return list(generate_orders(ids))

    def feedback_for(ids: Sequence[int], orders: Sequence[Order]) -> list[Feedback]:
        return list(generate_feedback(ids, orders=orders))

    result = db.bulk_load(generate_customers(customers, start=start), orders_for, feedback_for,
                          progress)
    workspace.trail.record(
        session.actor, "demo.loaded", "",
        {"customers": result.customers, "orders": result.orders, "feedback": result.feedback},
    )
    return result
