"""Resident IDs of an import: sealed to the owner-only field key after the store has written
the plan (in the same transaction), with their masked form and search HMAC. One sealer per
import: one key agreement, then AES-GCM per value."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.errors import ShopVaultError
from desktop.core.import_records import Ref, new_index
from desktop.services.field_keys import lookup_key
from desktop.services.workspace import Workspace
from desktop.store.connection import Connection
from desktop.store.field_keys import FieldKeyRepository, SealedColumns
from desktop.store.import_resident_ids import record_resident_id_changes, sealed_columns


class ImportNeedsFieldKeyError(ShopVaultError):
    message = (
        "This file has resident ID numbers, which are stored protected by the owner's key. "
        "The owner must log in once on this version first; or leave the ID column unmapped."
    )


def check_can_store(workspace: Workspace, resident_ids: Sequence[tuple[Ref, str]]) -> None:
    if resident_ids and not workspace.field_keys.has_key_pair():
        raise ImportNeedsFieldKeyError()


def store_resident_ids(
    workspace: Workspace, conn: Connection, resident_ids: Sequence[tuple[Ref, str]],
    first_customer: int, batch_id: int, *, overwrite: bool,
) -> None:
    """``first_customer``: the id the store gave the plan's first new customer. A stored
    customer's ID is replaced only with ``overwrite`` (else only an empty one is filled);
    what it held before is recorded under ``batch_id`` so that undo puts it back."""
    if not resident_ids:
        return
    sealer = workspace.field_keys.sealer(conn)
    key = lookup_key(conn, create=True)
    if sealer is None or key is None:
        raise ImportNeedsFieldKeyError()
    sealed: list[tuple[int, SealedColumns]] = []
    for ref, value in resident_ids:
        customer_id = ref if ref > 0 else first_customer + new_index(ref)
        sealed.append((customer_id, workspace.field_keys.seal_resident_id(
            sealer, key, customer_id, value)))
    stored = [ref for ref, _ in resident_ids if ref > 0]
    before = sealed_columns(conn, stored)
    FieldKeyRepository(conn).set_resident_ids(sealed, only_empty=not overwrite)
    record_resident_id_changes(conn, batch_id, before, sealed_columns(conn, stored))
