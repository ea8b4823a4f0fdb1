"""An order's items as an import records them in ``import_changes`` (the ``items`` entry of an
order's ``before`` / ``after``), and put back from that record by undo."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from desktop.core.models import OrderItem
from desktop.store.connection import Connection
from desktop.store.orders import INSERT_ITEM, ITEM_COLUMNS, item_row

ITEMS_KEY: Final = "items"
"""The key of an order change's ``before`` / ``after`` that holds its items (no column)."""

_RECORDED: Final = tuple(column for column in ITEM_COLUMNS if column != "order_id")

RecordedItem = dict[str, object]


def recorded_items(conn: Connection, order_id: int) -> list[RecordedItem]:
    """The order's stored items, every column but ``order_id``, in id order (JSON-ready)."""
    rows = conn.execute(
        f"SELECT {', '.join(_RECORDED)} FROM order_items WHERE order_id = ? ORDER BY id",
        (order_id,),
    ).fetchall()
    return [dict(zip(_RECORDED, row, strict=True)) for row in rows]


def replace_items(conn: Connection, order_id: int, items: Iterable[OrderItem]) -> None:
    """The order's items become ``items`` (new ids)."""
    conn.execute("DELETE FROM order_items WHERE order_id = ?", (order_id,))
    conn.executemany(INSERT_ITEM, [item_row(item, None, order_id) for item in items])


def restore_items(conn: Connection, order_id: int, recorded: Sequence[RecordedItem]) -> None:
    """The order's items become the ``recorded`` ones, with their ids where no other item took
    one since."""
    conn.execute("DELETE FROM order_items WHERE order_id = ?", (order_id,))
    for item in recorded:
        values = {**item, "order_id": order_id}
        taken = conn.execute(
            "SELECT 1 FROM order_items WHERE id = ?", (values["id"],)
        ).fetchone()
        if taken is not None:
            values["id"] = None
        conn.execute(INSERT_ITEM, tuple(values[column] for column in ITEM_COLUMNS))
