"""Undoing one import from its ``import_changes`` (caller's transaction: all or nothing).

Created records are removed and updated ones get their ``before`` values back — but only
where nothing changed them since the import (their ``updated_at`` is still the import's, and
no record added later refers to them); those are kept and reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.core.import_records import UndoReport
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, int_column
from desktop.store.import_order_items import ITEMS_KEY, recorded_items, restore_items
from desktop.store.import_resident_ids import column_value, recorded_value
from desktop.store.imports import BatchRow, as_json, chunked
from desktop.store.search_keys import SELECT_INDEXED, Indexed, SearchKeys, indexed_row, name_keys


class _Changes:
    def __init__(self, conn: Connection, batch_id: int) -> None:
        self.created: dict[str, list[int]] = {}
        self.updated: dict[str, list[tuple[int, dict[str, object], dict[str, object]]]] = {}
        for entity, entity_id, action, before, after in conn.execute(
            "SELECT entity, entity_id, action, before, after FROM import_changes"
            " WHERE batch_id = ? ORDER BY entity, entity_id", (batch_id,),
        ):
            if action == "created":
                self.created.setdefault(str(entity), []).append(int_column(entity_id))
            else:
                self.updated.setdefault(str(entity), []).append(
                    (int_column(entity_id), json.loads(before), json.loads(after))
                )


def _select_in(
    conn: Connection, sql: str, ids: Sequence[int]
) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    for chunk in chunked(ids, IN_CHUNK):
        marks = ", ".join("?" for _ in chunk)
        found += conn.execute(sql.format(marks=marks), chunk).fetchall()
    return found


def undo_batch(conn: Connection, batch: BatchRow, actor: str, now: str) -> UndoReport:
    changes = _Changes(conn, batch.id)
    stamp = batch.imported_at
    feedback_removed, kept_feedback = _remove_unchanged(
        conn, "feedback", changes.created.get("feedback", []), stamp, ()
    )
    restored_orders, kept_updated_orders = _restore(
        conn, "orders", changes.updated.get("order", []), None
    )
    orders_removed, kept_orders = _remove_unchanged(
        conn, "orders", changes.created.get("order", []), stamp, (("feedback", "order_id"),)
    )
    accounts = changes.created.get("account", [])
    for chunk in chunked(accounts, IN_CHUNK):
        conn.execute(
            f"DELETE FROM customer_accounts WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        )
    restored, kept_updated = _restore(
        conn, "customers", changes.updated.get("customer", []), SearchKeys(conn)
    )
    removable, kept_customers = _unchanged(
        conn, "customers", changes.created.get("customer", []), stamp,
        (("orders", "customer_id"), ("feedback", "customer_id")),
    )
    _delete_customers(conn, removable)
    conn.execute(
        "UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?",
        (now, actor, batch.id),
    )
    return UndoReport(
        customers_removed=len(removable),
        customers_restored=restored,
        orders_removed=orders_removed,
        orders_restored=restored_orders,
        feedback_removed=feedback_removed,
        accounts_removed=len(accounts),
        kept_customers=tuple(sorted(kept_customers + kept_updated)),
        kept_orders=tuple(sorted(kept_orders + kept_updated_orders)),
        kept_feedback=tuple(kept_feedback),
    )


def _unchanged(
    conn: Connection, table: str, ids: Sequence[int], stamp: str,
    referrers: Sequence[tuple[str, str]],
) -> tuple[list[int], list[int]]:
    """Of ``ids``, those still as the import wrote them and referred to by nothing, and the
    others (still present but changed or referred to)."""
    present = {
        int_column(row[0]): str(row[1])
        for row in _select_in(conn, f"SELECT id, updated_at FROM {table}"
                              " WHERE id IN ({marks})", ids)
    }
    referred: set[int] = set()
    for other, column in referrers:
        referred |= {
            int_column(row[0]) for row in _select_in(
                conn, f"SELECT DISTINCT {column} FROM {other} WHERE {column} IN ({{marks}})",
                list(present),
            )
        }
    removable = [i for i, updated in present.items() if updated == stamp and i not in referred]
    chosen = set(removable)
    kept = [i for i in present if i not in chosen]
    return sorted(removable), sorted(kept)


def _remove_unchanged(
    conn: Connection, table: str, ids: Sequence[int], stamp: str,
    referrers: Sequence[tuple[str, str]],
) -> tuple[int, list[int]]:
    removable, kept = _unchanged(conn, table, ids, stamp, referrers)
    conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in removable])
    return len(removable), kept


def _restore(
    conn: Connection, table: str,
    updates: Sequence[tuple[int, dict[str, object], dict[str, object]]],
    search: SearchKeys | None,
) -> tuple[int, list[int]]:
    restored, kept = 0, []
    for entity_id, before, after in updates:
        columns = [column for column in after if column not in ("tags+", ITEMS_KEY)]
        row = conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            continue
        current: dict[str, object] = {
            c: recorded_value(c, value) for c, value in zip(columns, row, strict=True)
        }
        recorded: dict[str, object] = {column: after[column] for column in columns}
        if ITEMS_KEY in after:  # the order's items, as the import left them
            current[ITEMS_KEY] = recorded_items(conn, entity_id)
            recorded[ITEMS_KEY] = after[ITEMS_KEY]
        if as_json(current) != as_json(recorded):
            kept.append(entity_id)
            continue
        old: Indexed | None = None
        if search is not None:
            found = conn.execute(SELECT_INDEXED, (entity_id,)).fetchone()
            old = indexed_row(found) if found else None
        assignments = {column: column_value(column, before.get(column)) for column in columns}
        if table == "customers" and "name" in assignments:
            pinyin, initials = name_keys(str(assignments["name"] or ""))
            assignments |= {"name_pinyin": pinyin, "name_initials": initials}
        conn.execute(
            f"UPDATE {table} SET " + ", ".join(f"{column} = ?" for column in assignments)
            + " WHERE id = ?",
            (*assignments.values(), entity_id),
        )
        items = before.get(ITEMS_KEY)
        if isinstance(items, list):
            restore_items(conn, entity_id, items)
        tags = str(after.get("tags+") or "")
        if tags:
            conn.executemany(
                "DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?",
                [(entity_id, tag) for tag in tags.split("\x1f")],
            )
        if search is not None and old is not None:
            new = conn.execute(SELECT_INDEXED, (entity_id,)).fetchone()
            search.replace(old, indexed_row(new))
        restored += 1
    return restored, kept


def _delete_customers(conn: Connection, ids: Sequence[int]) -> None:
    """Delete customers with their search entries (as the repository does: the trigram
    index is contentless, so each entry is removed with exactly what was indexed)."""
    search = SearchKeys(conn)
    for chunk in chunked(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(
            "SELECT id, name, created_at, email, wechat_id, member_no FROM customers"
            f" WHERE id IN ({marks})", chunk,
        ).fetchall():
            search.remove(indexed_row(row))
        conn.executemany("DELETE FROM customers WHERE id = ?", [(i,) for i in chunk])
