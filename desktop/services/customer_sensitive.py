"""A customer's resident ID (PIPL sensitive personal information) in the customer use cases:
checked at the form's field, sealed to the owner-only field key on write, shown in full only
to the owner whose field key is open, masked to everyone else, found by its whole value
through a keyed HMAC — never by a part.

Non-owners edit from the masked form: the field left as shown (or empty) keeps what is
stored; only a new, whole ID replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop.core.errors import InvalidInputError
from desktop.core.roles import Role
from desktop.core.validation import clean_text, validate_resident_id
from desktop.security.field_crypto import SealedValueError, lookup_mac
from desktop.services.field_keys import RESIDENT_ID, lookup_key
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.connection import Connection
from desktop.store.field_keys import FieldKeyRepository

LEGACY_ID: Final = (
    "This is an old 15-digit ID number; enter the 18-character number of the current ID card."
)
NO_FIELD_KEY: Final = (
    "Resident IDs can be stored once the owner has logged in on this version (the owner's "
    "protection key is made then)."
)


@dataclass(frozen=True, slots=True)
class ResidentIdEdit:
    """What a submitted form does to the stored ID: ``keep`` it, or set ``value`` (None
    removes it)."""

    keep: bool
    value: str | None = None


KEEP: Final = ResidentIdEdit(keep=True)


def parse_resident_id(typed: str, stored_masked: str | None, *, may_remove: bool
                      ) -> ResidentIdEdit:
    """The form's resident ID field; InvalidInputError (field ``resident_id``) when bad.
    ``stored_masked``: the masked form of the stored ID (None: none stored)."""
    text = clean_text(typed)
    if not text:
        if stored_masked is None or not may_remove:
            return KEEP
        return ResidentIdEdit(keep=False, value=None)
    if stored_masked is not None and text.replace(" ", "").upper() == stored_masked:
        return KEEP
    checked = validate_resident_id(text, field=RESIDENT_ID)
    if checked.legacy:
        raise InvalidInputError(field=RESIDENT_ID, problem=LEGACY_ID)
    return ResidentIdEdit(keep=False, value=checked.value)


def form_problem(typed: str, stored_masked: str | None, *, may_remove: bool
                 ) -> tuple[ResidentIdEdit, str | None]:
    try:
        return parse_resident_id(typed, stored_masked, may_remove=may_remove), None
    except InvalidInputError as exc:
        return KEEP, str(exc.params.get("problem", exc.message))


def stored_masked(conn: Connection, customer_id: int | None) -> str | None:
    if customer_id is None:
        return None
    stored = FieldKeyRepository(conn).resident_id(customer_id)
    return None if stored is None else stored.masked


def write_resident_id(workspace: Workspace, conn: Connection, customer_id: int,
                      edit: ResidentIdEdit) -> bool:
    """Apply ``edit`` inside the caller's transaction; True when the stored ID changed.
    InvalidInputError when the shop has no field key yet."""
    if edit.keep:
        return False
    repo = FieldKeyRepository(conn)
    before = repo.resident_id(customer_id)
    if edit.value is None:
        repo.set_resident_id(customer_id, None)
        return before is not None
    sealer = workspace.field_keys.sealer(conn)
    key = lookup_key(conn, create=True)
    if sealer is None or key is None:
        raise InvalidInputError(field=RESIDENT_ID, problem=NO_FIELD_KEY)
    columns = workspace.field_keys.seal_resident_id(sealer, key, customer_id, edit.value)
    if before is not None and before.lookup == columns.lookup:
        return False
    repo.set_resident_id(customer_id, columns)
    return True


def shown_resident_id(workspace: Workspace, session: Session, conn: Connection,
                      customer_id: int) -> tuple[str, bool]:
    """(what this session sees, whether that is the masked form). The owner sees the whole
    ID once the field key is open; a value that does not open shows masked."""
    stored = FieldKeyRepository(conn).resident_id(customer_id)
    if stored is None:
        return "", False
    opener = workspace.field_keys.opener(session)
    if opener is None:
        return stored.masked, True
    try:
        return workspace.field_keys.open_resident_id(opener, customer_id, stored.sealed), False
    except SealedValueError:
        return stored.masked, True


def search_lookup(conn: Connection, text: str) -> bytes | None:
    """The HMAC to look for when the search text is one whole, valid 18-character ID."""
    compact = clean_text(text).replace(" ", "").upper()
    if len(compact) != 18:
        return None
    try:
        checked = validate_resident_id(compact)
    except InvalidInputError:
        return None
    key = lookup_key(conn)
    if key is None:
        return None
    return lookup_mac(key, RESIDENT_ID, checked.value)


def may_remove(session: Session) -> bool:
    """Emptying the field removes the stored ID for the owner; for another role, who sees
    the ID masked, an empty field is taken as "not touched"."""
    return session.user.role is Role.OWNER
