"""The Customers model's id list: 4 bytes an id while every id fits, 8 once one does not,
without losing or reordering any."""

from __future__ import annotations

from desktop.ui.models.customers_model import (
    NARROW_IDS,
    WIDE_IDS,
    id_array,
    with_ids_appended,
)


def test_ids_that_fit_take_four_bytes() -> None:
    ids = id_array([5, 3, 2**32 - 1])
    assert ids.typecode == NARROW_IDS and ids.itemsize == 4
    assert ids.tolist() == [5, 3, 2**32 - 1]


def test_a_big_id_makes_the_list_wide() -> None:
    assert id_array([1, 2**32]).typecode == WIDE_IDS
    ids = with_ids_appended(id_array([9, 8]), [7, 2**40, 6])
    assert ids.typecode == WIDE_IDS
    assert ids.tolist() == [9, 8, 7, 2**40, 6]


def test_appending_keeps_order_and_width() -> None:
    ids = with_ids_appended(id_array([]), [3, 2, 1])
    ids = with_ids_appended(ids, [])
    ids = with_ids_appended(ids, [0])
    assert ids.typecode == NARROW_IDS
    assert ids.tolist() == [3, 2, 1, 0]
    wide = with_ids_appended(id_array([2**35]), [1])
    assert wide.typecode == WIDE_IDS and wide.tolist() == [2**35, 1]
