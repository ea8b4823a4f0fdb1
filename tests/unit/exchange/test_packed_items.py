"""Items packed into one cell (WooCommerce's default order export)."""

from __future__ import annotations

from desktop.core.import_types import ItemFields
from desktop.exchange.packed_items import packed_items


def test_items_fields_and_separators() -> None:
    packed = ("name:Green Tea|sku:GT|quantity:2|total:30.00|meta:;"
              " name:Cup | quantity:x | total:¥10.00 ;;")
    assert packed_items(packed).value == (
        ItemFields("Green Tea", 2, "GT", None, 3000), ItemFields("Cup", 1, "", None, 1000))


def test_a_list_written_otherwise_is_kept_whole_as_one_summary_item() -> None:
    """Not a real line: an import of the order's real items replaces it."""
    assert packed_items("Green Tea x2, Cup x1").value == (
        ItemFields("Green Tea x2, Cup x1", summary=True),)
    assert packed_items("sku:GT|quantity:2").value == (
        ItemFields("sku:GT|quantity:2", summary=True),)


def test_empty_cells_hold_no_items() -> None:
    assert packed_items(None).value is None
    assert packed_items("  ").value is None
    assert packed_items("-").value is None
