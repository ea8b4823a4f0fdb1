"""An order's items packed into one cell, as WooCommerce's "Customer/Order/Coupon Export"
writes them in its default (one row per order) format::

    name:Green Tea|product_id:45|sku:GT|quantity:2|subtotal:30.00|total:30.00|meta:;name:Cup|…

Items are separated by ``;``, their fields by ``|``, each field is ``key:value``. A cell that
holds no such item (the list was written some other way) becomes one item named with the
whole text, so nothing of it is lost — a summary item (``ItemFields.summary``) that an import
of the order's real lines replaces.
"""

from __future__ import annotations

from desktop.core.import_types import Cell, ItemFields
from desktop.exchange import cells
from desktop.exchange.cells import Converted

_NAME_LIMIT = 500  # characters of an unreadable list kept as one item's name


def _fields(packed: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in packed.split("|"):
        key, colon, value = part.partition(":")
        if colon:
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _item(fields: dict[str, str]) -> ItemFields | None:
    name = fields.get("name") or ""
    if not name:
        return None
    quantity = cells.quantity(fields.get("quantity") or fields.get("qty")).value
    return ItemFields(
        product_name=name,
        quantity=quantity or 1,
        sku=fields.get("sku") or "",
        unit_price_cents=cells.cents(fields.get("price") or fields.get("item_price")).value,
        amount_cents=cells.cents(fields.get("total")).value,
    )


def packed_items(cell: Cell) -> Converted[tuple[ItemFields, ...]]:
    value = cells.text(cell)
    if value is None:
        return Converted(None)
    items = tuple(
        item for packed in value.split(";") if (item := _item(_fields(packed))) is not None
    )
    if items:
        return Converted(items)
    return Converted((ItemFields(product_name=value[:_NAME_LIMIT], summary=True),))
