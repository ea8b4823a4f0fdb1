"""The consent register behind the profile's Consents tab (and the data-subject export).

Permissions (DESIGN §4):
* listing needs ``VIEW_CUSTOMERS`` (owner, manager, staff) or ``VIEW_PRIVACY_REGISTERS``
  (the auditor too). The auditor gets the register without personal data: the evidence text
  is withheld. Manager and staff see evidence and an "other" purpose through the free-text
  masker (a phone number written into the evidence shows as 138****5678); the owner sees
  them as written;
* recording and withdrawing need ``ADD_RECORDS``: consent is usually given at the counter,
  where staff add customers too.

A withdrawal keeps the row and stamps ``withdrawn_at``: the register shows what was agreed
and when it ended. Every change is audited with the customer as target, so it appears in
that customer's history: ``consent.recorded`` (consent id, purpose, granted, channel) and
``consent.withdrawn`` (consent id, purpose, the note masked) — codes, never evidence text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from desktop.core.consent_types import (
    ConsentChannel,
    ConsentPurpose,
    parse_purpose,
    stored_purpose,
)
from desktop.core.errors import FieldErrors, ShopVaultError
from desktop.core.masking import mask_free_text
from desktop.core.masking_fields import masked_value
from desktop.core.models import Consent, utc_now_iso
from desktop.core.roles import Permission
from desktop.core.validation import clean_text
from desktop.services.customers import CustomerNotFoundError, customer_target
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.consents import ConsentRecord, ConsentRepository
from desktop.store.database import ShopDatabase

MAX_PURPOSE_TEXT: Final = 100
MAX_EVIDENCE: Final = 300
MAX_NOTE: Final = 200
LIST_LIMIT: Final = 500

PURPOSE_INVALID: Final = "Choose a purpose from the list."
PURPOSE_TEXT_REQUIRED: Final = "Describe the purpose the customer agreed to."
PURPOSE_TEXT_TOO_LONG: Final = "Describe the purpose in at most 100 characters."
CHANNEL_INVALID: Final = "Choose how the consent was given."
EVIDENCE_REQUIRED: Final = (
    "Say where the proof is kept, e.g. “signed paper form no. 123”."
)
EVIDENCE_TOO_LONG: Final = "Keep the evidence to at most 300 characters."
NOTE_REQUIRED: Final = "Say how the customer withdrew consent, e.g. “phone call, 12 May”."
NOTE_TOO_LONG: Final = "Keep the note to at most 200 characters."


class ConsentNotFoundError(ShopVaultError):
    message = "This consent no longer exists; it may have been removed with its customer."


class ConsentNotInForceError(ShopVaultError):
    message = "This consent is not in force (it was refused or already withdrawn)."


class ConsentState(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class ConsentDraft:
    """What the "Record consent" form submits, as chosen and typed."""

    purpose: str
    """A :class:`ConsentPurpose` value."""
    channel: str
    """A :class:`ConsentChannel` value."""
    evidence: str
    granted: bool = True
    """False records that the customer declined."""
    purpose_text: str = ""
    """The shop's own words, for the OTHER purpose only."""


@dataclass(frozen=True, slots=True)
class ConsentView:
    """One entry of the register, as the session's role may see it."""

    id: int
    customer_id: int
    purpose: str
    """A :class:`ConsentPurpose` value."""
    purpose_text: str
    """The shop's words for an OTHER purpose (masked for masked roles); "" otherwise."""
    state: ConsentState
    channel: str
    """A :class:`ConsentChannel` value (or a code a newer version wrote)."""
    evidence: str
    """Masked for masked roles; "" when withheld (see ``evidence_withheld``)."""
    recorded_by: str
    recorded_at: str
    withdrawn_at: str | None
    evidence_withheld: bool = False
    """The role may not see evidence text at all (the auditor)."""
    can_withdraw: bool = False


class ConsentService:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    # ---------------------------------------------------------------- reading

    def list_for_customer(self, session: Session, customer_id: int) -> list[ConsentView]:
        """The customer's consents, newest first, withdrawn and refused ones included."""
        _require_read(session)
        found = ConsentRepository(self._db().reader()).list_for_customer(customer_id,
                                                                         LIST_LIMIT)
        return [_view(session, record) for record in found]

    def register(self, session: Session, limit: int = LIST_LIMIT) -> list[ConsentView]:
        """The newest entries of the whole register (for the privacy registers)."""
        session.require(Permission.VIEW_PRIVACY_REGISTERS)
        found = ConsentRepository(self._db().reader()).latest(max(1, min(limit, LIST_LIMIT)))
        return [_view(session, record) for record in found]

    # ---------------------------------------------------------------- changes

    def record(self, session: Session, customer_id: int, draft: ConsentDraft) -> int:
        """Record a consent (or a refusal) given now; FieldErrors names each bad field."""
        session.require(Permission.ADD_RECORDS)
        purpose, channel = _checked(draft)
        db = self._db()
        with db.transaction():
            if db.customers.get(customer_id) is None:
                raise CustomerNotFoundError()
            consent_id = db.consents.add(
                Consent(
                    id=None, customer_id=customer_id, purpose=purpose, granted=draft.granted,
                    channel=channel.value, recorded_at=utc_now_iso(),
                    evidence=clean_text(draft.evidence),
                    recorded_by_user_id=session.user.id,
                )
            )
            self._workspace.trail.append(
                session.actor, "consent.recorded", customer_target(customer_id),
                {"consent": consent_id, "purpose": parse_purpose(purpose)[0].value,
                 "granted": draft.granted, "channel": channel.value},
            )
        self._workspace.trail.anchor()
        return consent_id

    def withdraw(self, session: Session, consent_id: int, note: str) -> None:
        """The customer takes a granted consent back; ``note`` says how (audited, masked)."""
        session.require(Permission.ADD_RECORDS)
        stated = clean_text(note)
        if not stated:
            raise FieldErrors({"note": NOTE_REQUIRED})
        if len(stated) > MAX_NOTE:
            raise FieldErrors({"note": NOTE_TOO_LONG})
        db = self._db()
        with db.transaction():
            found = db.consents.get(consent_id)
            if found is None:
                raise ConsentNotFoundError()
            consent = found.consent
            if not db.consents.mark_withdrawn(consent_id, utc_now_iso()):
                raise ConsentNotInForceError()
            # The note is free text: whatever personal data it holds is masked in the log.
            self._workspace.trail.append(
                session.actor, "consent.withdrawn", customer_target(consent.customer_id),
                {"consent": consent_id, "purpose": parse_purpose(consent.purpose)[0].value,
                 "note": mask_free_text(stated)},
            )
        self._workspace.trail.anchor()

    def _db(self) -> ShopDatabase:
        return self._workspace.shop.db


def _require_read(session: Session) -> None:
    if not session.allows(Permission.VIEW_PRIVACY_REGISTERS):
        session.require(Permission.VIEW_CUSTOMERS)


def _checked(draft: ConsentDraft) -> tuple[str, ConsentChannel]:
    """The ``purpose`` column value and the channel; FieldErrors lists every bad field."""
    errors: dict[str, str] = {}
    purpose: ConsentPurpose | None = None
    channel: ConsentChannel | None = None
    try:
        purpose = ConsentPurpose(draft.purpose)
    except ValueError:
        errors["purpose"] = PURPOSE_INVALID
    words = clean_text(draft.purpose_text)
    if purpose is ConsentPurpose.OTHER:
        if not words:
            errors["purpose_text"] = PURPOSE_TEXT_REQUIRED
        elif len(words) > MAX_PURPOSE_TEXT:
            errors["purpose_text"] = PURPOSE_TEXT_TOO_LONG
    try:
        channel = ConsentChannel(draft.channel)
    except ValueError:
        errors["channel"] = CHANNEL_INVALID
    evidence = clean_text(draft.evidence)
    if not evidence:
        errors["evidence"] = EVIDENCE_REQUIRED
    elif len(evidence) > MAX_EVIDENCE:
        errors["evidence"] = EVIDENCE_TOO_LONG
    if errors or purpose is None or channel is None:
        raise FieldErrors(errors)
    return stored_purpose(purpose, words), channel


def _view(session: Session, record: ConsentRecord) -> ConsentView:
    consent = record.consent
    purpose, words = parse_purpose(consent.purpose)
    clear = session.allows(Permission.VIEW_UNMASKED)
    withheld = not session.allows(Permission.VIEW_CUSTOMERS)
    if consent.withdrawn_at is not None:
        state = ConsentState.WITHDRAWN
    else:
        state = ConsentState.GRANTED if consent.granted else ConsentState.REFUSED
    if withheld:
        evidence = ""
    else:
        evidence = consent.evidence if clear else masked_value("evidence", consent.evidence)
    assert consent.id is not None
    return ConsentView(
        id=consent.id,
        customer_id=consent.customer_id,
        purpose=purpose.value,
        purpose_text=words if clear else mask_free_text(words),
        state=state,
        channel=consent.channel,
        evidence=evidence,
        recorded_by=record.recorded_by,
        recorded_at=consent.recorded_at,
        withdrawn_at=consent.withdrawn_at,
        evidence_withheld=withheld and bool(consent.evidence),
        can_withdraw=state is ConsentState.GRANTED and session.allows(Permission.ADD_RECORDS),
    )
