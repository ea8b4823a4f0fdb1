"""What a dry run tells the owner about a stored record the file names: field by field, what
the chosen policy fills in, replaces, or keeps although the file says otherwise (so "nothing
to change" is only said when the file and the shop agree)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final

from desktop.core.import_records import ColumnValue, CustomerChange, OrderChange
from desktop.core.import_types import CustomerFields, RowIssue
from desktop.core.models import OrderItem
from desktop.exchange.plan_reasons import (
    ACCOUNT_ADDED,
    DUPLICATE_VALUE_NOT_USED,
    FIELD_FILLED,
    FIELD_KEPT,
    FIELD_REPLACED,
    ORDER_BUYER_SET,
    ORDER_ITEMS_ADDED,
    ORDER_ITEMS_KEPT,
    ORDER_ITEMS_REPLACED,
    ORDER_SUMMARY_REPLACED,
    TAGS_ADDED,
)
from desktop.exchange.plan_records import ITEMS_KEPT, Person

_FIELD_KEYS: Final = {
    "balance_cents": "customer.balance",
    "total_cents": "order.total",
    "discount_cents": "order.discount",
    "shipping_cents": "order.shipping",
    "paid_cents": "order.paid",
}
"""Stored columns whose field (``desktop.exchange.fields``) is named otherwise."""

_NO_PARAMS: Final[Mapping[str, str]] = MappingProxyType({})
"""One empty, read-only parameter map for every note (a corrected 100,000-row sheet makes a
few hundred thousand; each its own empty dict was ~20 MiB of a dry run's peak)."""

_ORDER_COLUMNS: Final = frozenset({"status", "ordered_at", "ship_name", "ship_phone",
                                   "ship_address", "notes"})


def field_key(column: str, order: bool) -> str:
    """The import field a stored column is filled from (its label names it in the UI)."""
    if column in _FIELD_KEYS:
        return _FIELD_KEYS[column]
    return f"order.{column}" if order and column in _ORDER_COLUMNS else f"customer.{column}"


def change_notes(
    row: int, before: Mapping[str, ColumnValue], after: Mapping[str, ColumnValue],
    kept: Iterable[str], *, order: bool = False,
) -> tuple[RowIssue, ...]:
    """One note per column ``after`` changes (filled when it was empty, else replaced) and
    per column ``kept`` as stored although the file has another value."""
    notes: list[RowIssue] = []
    for column in after:
        if order and column == "customer_id":
            notes.append(RowIssue(row, "", ORDER_BUYER_SET, _NO_PARAMS, True))
            continue
        empty = before.get(column) in (None, "", 0)
        notes.append(RowIssue(row, field_key(column, order),
                              FIELD_FILLED if empty else FIELD_REPLACED, _NO_PARAMS, True))
    notes.extend(
        RowIssue(row, field_key(column, order), FIELD_KEPT, _NO_PARAMS, True)
        for column in kept if column != "customer_id"
    )
    return tuple(notes)


def customer_notes(
    row: int, change: CustomerChange | None, kept: Sequence[str], adds_account: bool,
    fills_resident_id: bool,
) -> tuple[RowIssue, ...]:
    """:func:`change_notes` of a stored customer, with the tags, platform account and
    resident ID the import adds."""
    if change is None:
        notes = change_notes(row, {}, {}, kept)
    else:
        notes = change_notes(row, change.before, change.after, kept)
        if change.added_tags:
            notes += (RowIssue(row, "customer.tags", TAGS_ADDED, _NO_PARAMS, True),)
    if adds_account:
        notes += (RowIssue(row, "customer.platform_account", ACCOUNT_ADDED, _NO_PARAMS, True),)
    if fills_resident_id:
        notes += (RowIssue(row, "customer.id_number", FIELD_FILLED, _NO_PARAMS, True),)
    return notes


def order_notes(
    row: int, change: OrderChange | None, kept: Sequence[str]
) -> tuple[RowIssue, ...]:
    """:func:`change_notes` of a stored order (its item lines kept: one note)."""
    before, after = (change.before, change.after) if change is not None else ({}, {})
    notes = change_notes(row, before, after, [c for c in kept if c != ITEMS_KEPT], order=True)
    if ITEMS_KEPT in kept:
        notes += (RowIssue(row, "", ORDER_ITEMS_KEPT, _NO_PARAMS, True),)
    return notes


def items_reason(stored: Sequence[OrderItem]) -> str:
    """Why a stored order's items are replaced (see ``plan_changes.replaces_items``)."""
    if not stored:
        return ORDER_ITEMS_ADDED
    return ORDER_SUMMARY_REPLACED if all(item.summary for item in stored) else ORDER_ITEMS_REPLACED


_NOT_COMPARED: Final = frozenset({"tags", "platform"})  # tags are united; platform goes with
# the account


def values_not_used(row: int, person: Person, later: CustomerFields) -> tuple[RowIssue, ...]:
    """A note per field a later row of ``person`` has another value for than their first
    row (merged, the first row's value is kept: ``identity.filled``)."""
    merged = person.fields
    first = {"row": str(person.first.row)}
    notes: list[RowIssue] = []
    for name in CustomerFields._fields:
        value = getattr(later, name)
        if name in _NOT_COMPARED or value is None or value == "":
            continue
        kept = getattr(merged, name)
        if kept != value and not (
            name == "email" and isinstance(kept, str) and kept.lower() == str(value).lower()
        ):
            notes.append(RowIssue(row, field_key(name, False), DUPLICATE_VALUE_NOT_USED,
                                  first, warning=True))
    return tuple(notes)
