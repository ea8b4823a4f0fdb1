"""What an import finds in the shop and what it will write there: the hand-over between the
planner (``desktop.exchange.plan``, no SQL) and the store (``desktop.store.imports``).

Records the import creates have no id until the store writes them; the plan refers to them
with a :data:`Ref`: a positive number is the id of a stored record, a negative one the
position of a new record in the plan's list (``-1`` the first). :func:`new_ref` and
:func:`new_index` convert.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from desktop.core.models import Customer, Feedback, Order, OrderItem
from desktop.core.packed_customers import PackedCustomers

Ref = int
"""> 0: a stored record's id; < 0: ``-(index + 1)`` of a record the plan creates."""

ColumnValue = str | int | None

CUSTOMER_COLUMNS: Final = (
    "member_no", "name", "gender", "birthday", "phone", "email", "wechat_id", "province",
    "city", "district", "address_detail", "level", "points", "balance_cents", "notes", "source",
)
"""Customer columns an import may fill or overwrite (tags and accounts are added, never
replaced)."""
ORDER_COLUMNS: Final = (
    "customer_id", "status", "ordered_at", "total_cents", "discount_cents", "shipping_cents",
    "paid_cents", "ship_name", "ship_phone", "ship_address", "notes",
)
"""Order columns an import may fill or overwrite. A stored order's items are replaced as a
whole or left alone (:class:`OrderChange` ``items_after``)."""


def new_ref(index: int) -> Ref:
    return -(index + 1)


def new_index(ref: Ref) -> int:
    if ref >= 0:
        raise ValueError("not a reference to a new record")
    return -ref - 1


@dataclass(frozen=True, slots=True)
class ShopMatches:
    """Stored customers that share an identifier with the file's customers."""

    customers: Mapping[int, Customer]
    by_phone: Mapping[str, int]  # lowest id per phone
    by_member_no: Mapping[str, int]
    by_email: Mapping[str, int]  # lower-cased e-mail → lowest id
    by_account: Mapping[tuple[str, str], int]
    accounts: Mapping[int, frozenset[tuple[str, str]]]  # customer id → its accounts
    with_resident_id: frozenset[int] = frozenset()
    """Matched customers that already have a (sealed) resident ID stored."""


@dataclass(frozen=True, slots=True)
class CustomerChange:
    """Columns of a stored customer the import changes: ``before`` as stored, ``after`` as
    written; ``added_tags`` are new tags (a tag is never removed by an import)."""

    customer_id: int
    before: Mapping[str, ColumnValue]
    after: Mapping[str, ColumnValue]
    added_tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewAccount:
    customer: Ref
    platform: str
    account: str


@dataclass(frozen=True, slots=True)
class NewOrder:
    """``order.customer_id`` is ignored; ``customer`` says who bought it."""

    order: Order
    customer: Ref | None


@dataclass(frozen=True, slots=True)
class OrderChange:
    """Columns of a stored order the import changes, and its items when the file's replace
    them (``items_after`` None: the stored items stay; ``items_before`` are the stored items
    the planner saw, the store records what it replaces)."""

    order_id: int
    before: Mapping[str, ColumnValue]
    after: Mapping[str, ColumnValue]
    items_before: tuple[OrderItem, ...] = ()
    items_after: tuple[OrderItem, ...] | None = None


@dataclass(frozen=True, slots=True)
class NewFeedback:
    """``feedback.customer_id`` / ``order_id`` are ignored; the refs say what it links to."""

    feedback: Feedback
    customer: Ref | None
    order: Ref | None


@dataclass(slots=True)
class ImportPlan:
    """Everything one import writes, in the order the store writes it."""

    new_customers: PackedCustomers = dataclasses.field(default_factory=PackedCustomers)
    """The new customers as the file gives them (rows of one person merged), held packed (a
    big file's are all alive at the import's peak); the store writes
    each with a new :class:`~desktop.core.models.Customer`'s values where a field is None
    (no ``Customer`` is made for them: one per row of a big file costs ~0.4 s)."""
    customer_changes: list[CustomerChange] = dataclasses.field(default_factory=list)
    new_accounts: list[NewAccount] = dataclasses.field(default_factory=list)
    new_orders: list[NewOrder] = dataclasses.field(default_factory=list)
    order_changes: list[OrderChange] = dataclasses.field(default_factory=list)
    new_feedback: list[NewFeedback] = dataclasses.field(default_factory=list)
    resident_ids: list[tuple[Ref, str]] = dataclasses.field(default_factory=list)
    """Validated 18-character resident IDs per customer: the service seals them after the
    store has written the plan (the store and the planner never see a key)."""

    @property
    def empty(self) -> bool:
        return not (
            self.new_customers or self.customer_changes or self.new_accounts
            or self.new_orders or self.order_changes or self.new_feedback
        )


@dataclass(frozen=True, slots=True)
class UndoReport:
    """What undoing one import did; ``kept_*`` were changed since the import and left."""

    customers_removed: int = 0
    customers_restored: int = 0
    orders_removed: int = 0
    orders_restored: int = 0
    feedback_removed: int = 0
    accounts_removed: int = 0
    kept_customers: tuple[int, ...] = ()
    kept_orders: tuple[int, ...] = ()
    kept_feedback: tuple[int, ...] = ()
