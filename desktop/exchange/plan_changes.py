"""Records from a file's fields, and what a :class:`MatchPolicy` changes on a stored one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from desktop.core.import_records import (
    CUSTOMER_COLUMNS,
    ORDER_COLUMNS,
    ColumnValue,
    CustomerChange,
    NewAccount,
    OrderChange,
    Ref,
)
from desktop.core.import_types import (
    CustomerFields,
    FeedbackFields,
    ItemFields,
    MatchPolicy,
    OrderFields,
    RowIssue,
)
from desktop.core.models import (
    Customer,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    Gender,
    Order,
    OrderItem,
    OrderStatus,
)
from desktop.exchange.plan_records import ITEMS_KEPT

NO_ORDER_DATE: Final = "The order has no date; the date of the import is used."
NO_FEEDBACK_DATE: Final = "The feedback has no date; the date of the import is used."
NO_ITEM_QUANTITY: Final = "An item's quantity is not 1 or more; 1 is used."
RATING_OUT_OF_RANGE: Final = "The rating is not 1 to 5; it was left empty."


_GENDERS: Final = {gender.value: gender for gender in Gender}


def _customer_values(fields: CustomerFields) -> dict[str, ColumnValue]:
    """The file's value per customer column; None where the file says nothing."""
    return {column: getattr(fields, column) for column in CUSTOMER_COLUMNS}


def stored_customer_values(customer: Customer) -> dict[str, ColumnValue]:
    values: dict[str, ColumnValue] = {
        column: getattr(customer, column) for column in CUSTOMER_COLUMNS
    }
    values["gender"] = customer.gender.value
    return values


def _empty(value: ColumnValue) -> bool:
    """Empty for "fill empty". Zero points or a zero balance are values: a customer who spent
    their stored value must not get it back from an older sheet imported again."""
    return value is None or value == ""


def _same(column: str, stored: ColumnValue, given: ColumnValue) -> bool:
    if column == "email" and isinstance(stored, str) and isinstance(given, str):
        return stored.lower() == given.lower()
    return stored == given


def _changes(
    stored: Mapping[str, ColumnValue], given: Mapping[str, ColumnValue], policy: MatchPolicy
) -> tuple[dict[str, ColumnValue], dict[str, ColumnValue], tuple[str, ...]]:
    """The columns ``policy`` changes (as stored, as written), and those it keeps although
    the file has another value ("fill empty" on a filled column)."""
    before: dict[str, ColumnValue] = {}
    after: dict[str, ColumnValue] = {}
    kept: tuple[str, ...] = ()
    for column, value in given.items():
        if value is None or value == "":
            continue
        current = stored[column]
        if current == value or (column == "email" and _same(column, current, value)):
            continue
        wanted = (
            _empty(current) if policy is MatchPolicy.FILL_EMPTY
            else policy is MatchPolicy.OVERWRITE
        )
        if wanted:
            before[column], after[column] = current, value
        else:
            kept += (column,)
    return before, after, kept


def check_new_customer(fields: CustomerFields) -> None:
    """Raise ValueError when ``fields`` could not be a new customer (a gender that is no
    :class:`Gender` value: the file layer never gives one); the store writes the rest as it
    is (see ``ImportPlan.new_customers``)."""
    if fields.gender is not None and fields.gender not in _GENDERS:
        Gender(fields.gender)


def _accounts(
    fields: CustomerFields, ref: Ref, known: frozenset[tuple[str, str]]
) -> list[NewAccount]:
    if not fields.platform_account:
        return []
    key = (fields.platform or "", fields.platform_account)
    return [] if key in known else [NewAccount(ref, *key)]


def customer_change(
    fields: CustomerFields, stored: Customer, accounts: frozenset[tuple[str, str]],
    policy: MatchPolicy,
) -> tuple[CustomerChange | None, list[NewAccount], tuple[str, ...]]:
    """What ``policy`` changes on ``stored`` (None: nothing), the accounts to add, and the
    columns kept although the file has another value."""
    assert stored.id is not None
    before, after, kept = _changes(
        stored_customer_values(stored), _customer_values(fields), policy)
    added_tags = tuple(sorted({tag.strip() for tag in fields.tags} - set(stored.tags) - {""}))
    change = (
        CustomerChange(stored.id, before, after, added_tags) if after or added_tags else None
    )
    return change, _accounts(fields, stored.id, accounts), kept


def _item(item: ItemFields, row: int, warnings: list[RowIssue]) -> OrderItem:
    quantity = item.quantity
    if quantity < 1:
        warnings.append(RowIssue(row, "item.quantity", NO_ITEM_QUANTITY, warning=True))
        quantity = 1
    unit = item.unit_price_cents
    if unit is None:
        unit = (item.amount_cents or 0) // quantity
    return OrderItem(item.product_name, quantity, unit, item.sku, summary=item.summary)


def order_lines(
    items: Iterable[object], row: int, warnings: list[RowIssue]
) -> tuple[OrderItem, ...]:
    """The order items of the file's item fields (warnings for a quantity below 1)."""
    return tuple(_item(item, row, warnings) for item in items if isinstance(item, ItemFields))


def new_order(
    fields: OrderFields, items: Iterable[object], now: str, row: int
) -> tuple[Order, list[RowIssue]]:
    warnings: list[RowIssue] = []
    lines = order_lines(items, row, warnings)
    ordered_at = fields.ordered_at
    if not ordered_at:
        warnings.append(RowIssue(row, "order.ordered_at", NO_ORDER_DATE, warning=True))
        ordered_at = now
    goods = sum(line.amount_cents for line in lines)
    order = Order(
        id=None,
        order_no=fields.order_no,
        channel=fields.channel,
        customer_id=None,
        status=OrderStatus(fields.status or OrderStatus.COMPLETED.value),
        ordered_at=ordered_at,
        total_cents=fields.total_cents if fields.total_cents is not None else goods,
        discount_cents=fields.discount_cents or 0,
        shipping_cents=fields.shipping_cents or 0,
        paid_cents=fields.paid_cents or 0,
        ship_name=fields.ship_name or "",
        ship_phone=fields.ship_phone or "",
        ship_address=fields.ship_address or "",
        notes=fields.notes or "",
        items=lines,
    )
    return order, warnings


def _line_key(item: OrderItem) -> tuple[object, ...]:
    return (item.product_name, item.quantity, item.unit_price_cents, item.sku, item.summary)


def same_items(stored: Iterable[OrderItem], given: Iterable[OrderItem]) -> bool:
    """The same lines, in any order (ids aside)."""
    return sorted(map(_line_key, stored)) == sorted(map(_line_key, given))


def replaces_items(
    stored: tuple[OrderItem, ...], given: tuple[OrderItem, ...], policy: MatchPolicy
) -> bool:
    """Whether the file's items of an order replace the stored ones. A file without items
    changes nothing, nor do items equal to the stored ones. Stored items that are none or only
    a summary (an order list's packed title) are replaced under "fill empty" and "overwrite";
    real stored lines only under "overwrite", and never by a summary (it would lose them)."""
    if not given or policy is MatchPolicy.SKIP or same_items(stored, given):
        return False
    if all(item.summary for item in stored):
        return True
    return policy is MatchPolicy.OVERWRITE and not any(item.summary for item in given)


def order_change(
    fields: OrderFields, stored: Order, buyer: Ref | None, policy: MatchPolicy,
    lines: tuple[OrderItem, ...] = (),
) -> tuple[OrderChange | None, tuple[str, ...]]:
    """What ``policy`` changes on ``stored``: its columns, and its items when the file's
    ``lines`` replace them (:func:`replaces_items`); None when nothing. Then the columns kept
    although the file has another value, with ``ITEMS_KEPT`` when its item lines are."""
    assert stored.id is not None
    current: dict[str, ColumnValue] = {
        column: getattr(stored, column) for column in ORDER_COLUMNS
    }
    current["status"] = stored.status.value
    given: dict[str, ColumnValue] = {
        column: getattr(fields, column) for column in ORDER_COLUMNS if column != "customer_id"
    }
    given["customer_id"] = buyer if buyer is not None and buyer > 0 else None
    before, after, kept = _changes(current, given, policy)
    if replaces_items(stored.items, lines, policy):
        return OrderChange(stored.id, before, after, stored.items, lines), kept
    if lines and policy is not MatchPolicy.SKIP and not same_items(stored.items, lines):
        kept += (ITEMS_KEPT,)
    return (OrderChange(stored.id, before, after) if after else None), kept


def new_feedback(fields: FeedbackFields, now: str, row: int) -> tuple[Feedback, list[RowIssue]]:
    warnings: list[RowIssue] = []
    received_at = fields.received_at
    if not received_at:
        warnings.append(RowIssue(row, "feedback.received_at", NO_FEEDBACK_DATE, warning=True))
        received_at = now
    rating = fields.rating
    if rating is not None and not 1 <= rating <= 5:
        warnings.append(RowIssue(row, "feedback.rating", RATING_OUT_OF_RANGE, warning=True))
        rating = None
    status = FeedbackStatus(fields.status or FeedbackStatus.OPEN.value)
    item = Feedback(
        id=None,
        kind=FeedbackKind(fields.kind),
        content=fields.content,
        received_at=received_at,
        rating=rating,
        channel=fields.channel,
        status=status,
        resolution=fields.resolution or "",
        resolved_at=received_at if status is FeedbackStatus.RESOLVED else None,
    )
    return item, warnings
