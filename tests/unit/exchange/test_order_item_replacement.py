"""When the file's items of a stored order replace the stored ones (plan_changes), per policy."""

from __future__ import annotations

import pytest

from desktop.core.import_types import MatchPolicy
from desktop.core.models import OrderItem
from desktop.exchange.plan_changes import replaces_items, same_items

SUMMARY = (OrderItem("西湖龙井 250g,青瓷茶杯", 3, 0, summary=True),)
REAL = (OrderItem("西湖龙井 250g", 2, 9950, "LJ-250"), OrderItem("青瓷茶杯", 1, 1000, "CUP-W"))
OTHER = (OrderItem("西湖龙井 250g", 3, 9950, "LJ-250"),)
OTHER_SUMMARY = (OrderItem("西湖龙井 250g", 1, 0, summary=True),)
_FILL, _OVER, _SKIP = MatchPolicy.FILL_EMPTY, MatchPolicy.OVERWRITE, MatchPolicy.SKIP


@pytest.mark.parametrize(("stored", "given", "policy", "expected"), [
    ((), REAL, _FILL, True), ((), REAL, _OVER, True), ((), REAL, _SKIP, False),
    (SUMMARY, REAL, _FILL, True), (SUMMARY, REAL, _OVER, True), (SUMMARY, REAL, _SKIP, False),
    (SUMMARY, OTHER_SUMMARY, _FILL, True),  # a newer list's summary: still only a summary
    (REAL, OTHER, _FILL, False), (REAL, OTHER, _OVER, True), (REAL, OTHER, _SKIP, False),
    (REAL, SUMMARY, _OVER, False),  # a summary never replaces real lines
    (REAL, REAL[::-1], _OVER, False),  # the same lines in another order
    (REAL, (), _OVER, False), (SUMMARY, (), _FILL, False),  # the file gives no items
    (SUMMARY, SUMMARY, _FILL, False),
])
def test_replaces_items(
    stored: tuple[OrderItem, ...], given: tuple[OrderItem, ...], policy: MatchPolicy,
    expected: bool,
) -> None:
    assert replaces_items(stored, given, policy) is expected


def test_the_summary_flag_and_ids() -> None:
    with_ids = tuple(OrderItem(i.product_name, i.quantity, i.unit_price_cents, i.sku, id=n)
                     for n, i in enumerate(REAL, 7))
    assert same_items(with_ids, REAL)
    as_summary = tuple(OrderItem(i.product_name, i.quantity, i.unit_price_cents, i.sku,
                                 summary=True) for i in REAL)
    assert not same_items(as_summary, REAL)
