"""The planner's records (``desktop.exchange.plan``): a verdict per row, the people, orders and
feedback the file names while the rows are read, and the plan's result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Final

from desktop.core.import_records import ImportPlan, Ref
from desktop.core.import_types import CustomerFields, OrderFields, ParsedRow, RowAction, RowIssue
from desktop.core.models import Feedback, OrderStatus
from desktop.core.packed_customers import CustomerIdentifiers, identifiers_of, pack, unpack

ITEMS_KEPT: Final = "items"
"""In ``plan_changes.order_change``'s kept columns: the stored order's item lines."""

_ENDED = frozenset({OrderStatus.CANCELLED.value, OrderStatus.REFUNDED.value})


@dataclass(slots=True)
class RowVerdict:
    row: int
    action: RowAction
    label: str = ""
    issues: tuple[RowIssue, ...] = ()  # most rows have none: the shared () costs them nothing
    same_as_row: int | None = None
    blank: bool = False
    summary: bool = False

    def note(self, issue: RowIssue) -> None:
        self.issues += (issue,)

    def note_all(self, issues: Iterable[RowIssue]) -> None:
        self.issues += tuple(issues)


def has_extras(fields: CustomerFields) -> bool:
    return bool(fields.platform_account or fields.id_number)


@dataclass(slots=True, eq=False)
class Person:
    """A customer the file names: the first row naming them, merged with later ones. Their
    fields are held packed (``desktop.core.packed_customers``): a file's people are all alive
    at the import's peak."""

    first: RowVerdict
    packed: bytes
    extras: bool  # has a platform account or a resident ID (a new customer adds those too)
    rows: list[RowVerdict] | None = None  # the later rows merged in (None: none yet)
    ref: Ref | None = None  # the stored customer matched, then its final ref (None: new)
    conflict: bool = False
    merged_into: Person | None = None  # another person matching the same stored customer

    @property
    def fields(self) -> CustomerFields:
        return unpack(self.packed)

    @fields.setter
    def fields(self, fields: CustomerFields) -> None:
        self.packed = pack(fields)
        self.extras = has_extras(fields)

    @property
    def identifiers(self) -> CustomerIdentifiers:
        return identifiers_of(self.packed)

    def merged_rows(self) -> list[RowVerdict]:
        return self.rows if self.rows is not None else []

    def merge_row(self, verdict: RowVerdict) -> None:
        if self.rows is None:
            self.rows = [verdict]
        else:
            self.rows.append(verdict)


@dataclass(slots=True)
class OrderGroup:
    first: RowVerdict
    fields: OrderFields
    buyer: Person | None
    items: list[object] = field(default_factory=list)

    def add_row(self, order: OrderFields) -> None:
        """Another row of this order: its items, and its status when it keeps the order
        alive. Exports with a row per item (Taobao 宝贝明细, 抖店) give each row its item's
        status; a refunded or closed item does not end an order whose other items went on."""
        self.items.extend(order.items)
        if (
            self.fields.status in _ENDED and order.status is not None
            and order.status not in _ENDED
        ):
            self.fields = replace(self.fields, status=order.status)


@dataclass(slots=True)
class FeedbackRow:
    verdict: RowVerdict
    person: Person | None
    fields: ParsedRow


@dataclass(slots=True)
class PlanResult:
    plan: ImportPlan
    rows: list[RowVerdict]
    customers_created: int = 0
    customers_updated: int = 0


class StoredFeedback:
    """The feedback the shop holds that a file's feedback may repeat: the same customer (or
    order), content and date. A file without a date (the import's date was stored) repeats
    an entry of the same customer, order and content. An entry stored without its order
    (imported before the orders were) is repeated by the same entry naming the order, and
    the other way round; two entries naming two orders are two."""

    def __init__(self, stored: Iterable[Feedback]) -> None:
        self._exact = {(item.customer_id, item.order_id, item.content, item.received_at)
                       for item in stored}
        self._undated = {key[:3] for key in self._exact}
        self._orders: dict[tuple[object, ...], set[int | None]] = {}
        for customer, order, content, received_at in self._exact:
            if customer is not None:
                self._orders.setdefault((customer, content, received_at), set()).add(order)

    def holds(
        self, customer: int | None, order: int | None, content: str, received_at: str | None
    ) -> bool:
        if (customer, order, content, received_at) in self._exact:
            return True
        if received_at is None:
            return (customer, order, content) in self._undated
        orders = self._orders.get((customer, content, received_at))
        return orders is not None and (order is None or None in orders)
