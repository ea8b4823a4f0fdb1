"""Resident IDs in reports: a masked report writes the stored masked form (the ID itself is
never opened for it); the owner's unmasked report and data-subject copy write the whole ID,
opened with the owner's field key — which these exports open with the password they already
ask for (``open_for_export``)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.errors import ShopVaultError
from desktop.security.field_crypto import SealedValueError
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.connection import Connection
from desktop.store.customers import int_column
from desktop.store.field_keys import FieldKeyRepository


class FieldKeyNotOpenError(ShopVaultError):
    message = (
        "The whole resident ID opens only with the owner password. Enter the owner password "
        "again (log out and log in as the owner) and export once more."
    )


class ResidentIdCells:
    """Appends the resident ID as this report shows it to each customer record."""

    def __init__(self, workspace: Workspace, session: Session, conn: Connection,
                 masked: bool) -> None:
        self._workspace = workspace
        self._repo = FieldKeyRepository(conn)
        self._opener = None if masked else workspace.field_keys.opener(session)
        if not masked and self._opener is None:
            raise FieldKeyNotOpenError()

    def appended(self, records: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
        stored = self._repo.resident_ids([int_column(r[0]) for r in records])
        return [(*record, self._shown(int_column(record[0]), stored.get(int_column(record[0]))))
                for record in records]

    def _shown(self, customer_id: int, stored: tuple[bytes, str] | None) -> str:
        if stored is None:
            return ""
        sealed, masked = stored
        if self._opener is None:
            return masked
        try:
            return self._workspace.field_keys.open_resident_id(self._opener, customer_id, sealed)
        except SealedValueError:
            return masked


def open_for_export(workspace: Workspace, session: Session, password: str) -> None:
    """The owner re-entered the password for an export: open the field key with it (once a
    session; Argon2id, so inside the export's background task)."""
    workspace.field_keys.open_for_owner(session, password)


def subject_resident_id(workspace: Workspace, session: Session, conn: Connection,
                        customer_id: int) -> str:
    """The whole ID for the data-subject copy ("" when none is stored);
    FieldKeyNotOpenError while the owner's key is shut."""
    stored = FieldKeyRepository(conn).resident_id(customer_id)
    if stored is None:
        return ""
    opener = workspace.field_keys.opener(session)
    if opener is None:
        raise FieldKeyNotOpenError()
    return workspace.field_keys.open_resident_id(opener, customer_id, stored.sealed)
