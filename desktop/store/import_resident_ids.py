"""What an import did to stored customers' resident IDs, recorded for undo.

An import may fill a resident ID into a customer that had none, or (policy "overwrite")
replace one. The ID lives in the customer's sealed columns (``id_number_sealed``,
``id_number_masked``, ``id_number_hmac``), so the change is recorded like any other changed
column: in the customer's ``import_changes`` entry (``before`` / ``after``; merged into the
entry when the import changed other columns of the customer too, a new entry otherwise).
Blobs go into that JSON as hex text; undo turns them back (:func:`column_value`). The
sealed value stays sealed: only the owner's key opens it, here as in ``customers``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Final

from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, int_column

SEALED_COLUMNS: Final = ("id_number_sealed", "id_number_masked", "id_number_hmac")
_BLOB_COLUMNS: Final = frozenset({"id_number_sealed", "id_number_hmac"})

Recorded = dict[str, str | None]
"""One customer's sealed columns as recorded (blobs as hex)."""


def recorded_value(column: str, value: object) -> object:
    """A column's stored value as it is recorded in ``import_changes`` (JSON-ready)."""
    if column in _BLOB_COLUMNS and isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def column_value(column: str, recorded: object) -> object:
    """The value to store back for a recorded one (inverse of :func:`recorded_value`)."""
    if column in _BLOB_COLUMNS and recorded is not None:
        return bytes.fromhex(str(recorded))
    return recorded


def sealed_columns(conn: Connection, ids: Sequence[int]) -> dict[int, Recorded]:
    """The recorded form of the sealed columns of each of ``ids`` (all NULL: no ID)."""
    found: dict[int, Recorded] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        marks = ", ".join("?" for _ in part)
        for row in conn.execute(
            f"SELECT id, {', '.join(SEALED_COLUMNS)} FROM customers WHERE id IN ({marks})",
            part,
        ):
            found[int_column(row[0])] = {
                column: _as_text(recorded_value(column, value))
                for column, value in zip(SEALED_COLUMNS, row[1:], strict=True)
            }
    return found


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


def record_resident_id_changes(
    conn: Connection, batch_id: int, before: Mapping[int, Recorded],
    after: Mapping[int, Recorded],
) -> None:
    """Record, for undo, every customer of ``before`` whose sealed columns the import changed."""
    changed = [cid for cid, old in before.items() if after.get(cid, old) != old]
    entries: dict[int, tuple[str | None, str | None]] = {}
    for start in range(0, len(changed), IN_CHUNK):
        part = changed[start : start + IN_CHUNK]
        marks = ", ".join("?" for _ in part)
        for customer_id, old_json, new_json in conn.execute(
            "SELECT entity_id, before, after FROM import_changes WHERE batch_id = ?"
            f" AND entity = 'customer' AND entity_id IN ({marks})", (batch_id, *part),
        ):
            entries[int_column(customer_id)] = (old_json, new_json)
    inserts: list[tuple[int, int, str, str]] = []
    updates: list[tuple[str, str, int, int]] = []
    for customer_id in changed:
        old, new = before[customer_id], after[customer_id]
        entry = entries.get(customer_id)
        if entry is None:
            inserts.append((batch_id, customer_id, _json(old), _json(new)))
        else:  # the import changed other columns too: one entry holds both
            updates.append((_json(json.loads(entry[0] or "{}") | old),
                            _json(json.loads(entry[1] or "{}") | new), batch_id, customer_id))
    conn.executemany(
        "INSERT INTO import_changes (batch_id, entity, entity_id, action, before, after)"
        " VALUES (?, 'customer', ?, 'updated', ?, ?)", inserts,
    )
    conn.executemany(
        "UPDATE import_changes SET before = ?, after = ?"
        " WHERE batch_id = ? AND entity = 'customer' AND entity_id = ?", updates,
    )


def _json(values: Mapping[str, object]) -> str:
    return json.dumps(dict(values), ensure_ascii=False, sort_keys=True)
