"""The owner-only field key of one open shop (DESIGN §2, last bullet; security.field_crypto).

Every role that writes a customer seals a resident ID to the shop's public key. Only the owner
opens the private key: with the owner password (Argon2id, so off the UI thread — the GUI does
it in the background after the owner's login, the CLI when a command needs it) or, after a
forgotten password, with the recovery code. The opened key lives in this object's memory
until :meth:`FieldKeys.forget` (lock, log-out) and is handed to no other role's call.

Each wrap uses the salt and Argon2id parameters of the key file slot of the same secret, so
opening costs one Argon2id run (the one unlocking with that secret costs) and a new shop's
wraps cost none (create_shop hands over the slot keys). A password wrap carries the key
file's password stamp: the one matching the key file is used.

A shop created before the field key existed gets its key pair the first time the owner opens
it (:meth:`open_for_owner`). That pair is wrapped under the owner password only: the recovery
code is not known then (it is shown once at set-up and kept nowhere).
"""

from __future__ import annotations

import secrets
import threading
from typing import Final

from desktop.core.errors import PermissionDeniedError, WrongSecretError
from desktop.core.masking import mask_resident_id
from desktop.core.roles import Role
from desktop.security.envelope import KdfParams, Sealed, canonical_recovery_code, derive_kek
from desktop.security.field_crypto import (
    FieldOpener,
    FieldSealer,
    lookup_mac,
    new_key_pair,
    unwrap_private_key,
    wrap_private_key,
)
from desktop.security.keyfile import SecretSlot
from desktop.services.audit import SYSTEM_ACTOR, AuditTrail
from desktop.services.session import Session
from desktop.services.vault import UnlockedShop, slot_kek
from desktop.store.connection import Connection
from desktop.store.field_keys import (
    PASSWORD_WRAP,
    RECOVERY_WRAP,
    FieldKeyRepository,
    SealedColumns,
    StoredWrap,
)
from desktop.store.settings import SettingsRepository

LOOKUP_KEY_SETTING: Final = "sensitive.lookup_key"
"""32 random bytes (hex) inside the encrypted database: the HMAC key of exact-match search.
Separate from the export pseudonym key (exports_pseudonym.py), made the same way."""
RESIDENT_ID: Final = "resident_id"


def wrap_purpose(shop_id: str) -> str:
    return f"shopvault field key {shop_id}"


def value_context(shop_id: str, customer_id: int, field: str) -> str:
    """The associated data of a sealed value: it opens only on this shop, row and field."""
    return f"shopvault {shop_id} customer:{customer_id} {field}"


def _stored(kind: str, stamp: str, salt: bytes, kdf: KdfParams, sealed: Sealed) -> StoredWrap:
    return StoredWrap(kind, stamp, salt, kdf.memory_kib, kdf.time_cost, kdf.parallelism,
                      sealed.nonce, sealed.ciphertext)


def _kek(wrap: StoredWrap, secret: str) -> bytes:
    return derive_kek(secret, wrap.salt, KdfParams(wrap.memory_kib, wrap.time_cost,
                                                    wrap.parallelism))


def _sealed(wrap: StoredWrap) -> Sealed:
    return Sealed(wrap.nonce, wrap.ciphertext)


def lookup_key(conn: Connection, *, create: bool = False) -> bytes | None:
    """The shop's search HMAC key (made on first write when ``create``; call it inside the
    writing transaction then)."""
    settings = SettingsRepository(conn)
    stored = settings.get(LOOKUP_KEY_SETTING)
    if not stored and create:
        stored = secrets.token_bytes(32).hex()
        settings.set(LOOKUP_KEY_SETTING, stored)
    return bytes.fromhex(stored) if stored else None


class FieldKeys:
    def __init__(self, shop: UnlockedShop, trail: AuditTrail) -> None:
        self._shop = shop
        self._trail = trail
        self._lock = threading.Lock()
        self._private: bytes | None = None
        self._opener: FieldOpener | None = None
        self._owner_id: int | None = None
        self._generation = 0
        """Counts :meth:`forget` calls: an opening that began before one does not hold."""

    # ------------------------------------------------------------------ state

    def _repo(self, conn: Connection | None = None) -> FieldKeyRepository:
        return FieldKeyRepository(conn or self._shop.db.conn)

    def has_key_pair(self) -> bool:
        return self._repo(self._shop.db.reader()).public_key() is not None

    def is_open_for(self, session: Session) -> bool:
        with self._lock:
            return self._opener is not None and self._owner_id == session.user.id

    def opener(self, session: Session) -> FieldOpener | None:
        """The opened key, for the owner's session only (None for every other session, or
        while it is not opened yet)."""
        if session.user.role is not Role.OWNER:
            return None
        with self._lock:
            return self._opener if self._owner_id == session.user.id else None

    def forget(self) -> None:
        """Drop the opened private key (lock, log-out, close)."""
        with self._lock:
            self._private = self._opener = self._owner_id = None
            self._generation += 1

    def _hold(self, session: Session, private: bytes, generation: int) -> None:
        with self._lock:
            if generation != self._generation:  # locked or logged out meanwhile
                return
            self._private, self._opener = private, FieldOpener(private)
            self._owner_id = session.user.id

    # ------------------------------------------------------------------ creating, opening

    def create_for_new_shop(self, password_kek: bytes, recovery_kek: bytes,
                            owner: Session | None = None) -> None:
        """At set-up: the key pair, wrapped under the Argon2id keys of the owner password and
        the recovery code that the new key file's slots were made with; held open for the
        ``owner`` who just set the shop up."""
        generation = self._generation
        keyfile = self._shop.keyfile
        pair = new_key_pair()
        purpose = wrap_purpose(self._shop.shop_id)
        wraps = [
            _stored(PASSWORD_WRAP, keyfile.password_stamp, keyfile.password_slot.salt,
                    keyfile.password_slot.kdf, wrap_private_key(pair.private, password_kek,
                                                                purpose)),
            _stored(RECOVERY_WRAP, "", keyfile.recovery_slot.salt, keyfile.recovery_slot.kdf,
                    wrap_private_key(pair.private, recovery_kek, purpose)),
        ]
        with self._shop.db.transaction():
            if self._repo().create(pair.public, wraps):
                self._trail.append(SYSTEM_ACTOR, "field_key.created", "", {"recovery": True})
        self._trail.anchor()
        if owner is not None:
            self._hold(owner, pair.private, generation)

    def open_for_owner(self, session: Session, password: str, *, create: bool = True) -> bool:
        """Unwrap the private key with the owner's password and hold it for this session; a
        shop without a key pair yet gets one now — unless ``create`` is False (then nothing
        is written and False returned: a caller on another thread than the writer's passes
        False and asks again through the writer's queue). Argon2id: call off the UI thread.
        WrongSecretError when the password does not open it."""
        if session.user.role is not Role.OWNER:
            raise PermissionDeniedError(role=session.user.role.value, action="field_key")
        if self.is_open_for(session):
            return True
        generation = self._generation
        if self._repo(self._shop.db.reader()).public_key() is None:
            if not create:
                return False
            self._hold(session, self._create_lazily(password), generation)
            return True
        self._hold(session, self._unwrap_with_password(password), generation)
        return True

    def ensure_for_owner(self, session: Session, password: str) -> bool:
        """At an owner's login where Argon2id time does not matter (the command line): make
        the key pair of a shop from before the field key, and hold it. Costs nothing once the
        pair exists (the key is then opened only when a command needs it)."""
        if session.user.role is not Role.OWNER or self.has_key_pair():
            return False
        return self.open_for_owner(session, password)

    def _create_lazily(self, password: str) -> bytes:
        keyfile = self._shop.keyfile
        kek = slot_kek(keyfile.password_slot, password)
        pair = new_key_pair()
        wrap = _stored(PASSWORD_WRAP, keyfile.password_stamp, keyfile.password_slot.salt,
                       keyfile.password_slot.kdf,
                       wrap_private_key(pair.private, kek, wrap_purpose(self._shop.shop_id)))
        with self._shop.db.transaction():
            created = self._repo().create(pair.public, [wrap])
            if created:
                self._trail.append(SYSTEM_ACTOR, "field_key.created", "", {"recovery": False})
        self._trail.anchor()
        if not created:  # made meanwhile by another call: open that one
            return self._unwrap_with_password(password)
        return pair.private

    def _unwrap_with_password(self, password: str) -> bytes:
        wraps = self._repo(self._shop.db.reader()).wraps(PASSWORD_WRAP)
        stamp = self._shop.keyfile.password_stamp
        # The wrap of the key file's current password first; an older one only if a crash
        # came between a password change's two writes.
        wraps.sort(key=lambda wrap: wrap.stamp != stamp)
        for wrap in wraps:
            try:
                return unwrap_private_key(_sealed(wrap), _kek(wrap, password),
                                          wrap_purpose(self._shop.shop_id))
            except WrongSecretError:
                continue
        raise WrongSecretError()

    # ------------------------------------------------------------------ password changes

    def prepare_password_change(
        self, current: str, new_slot: SecretSlot, new_kek: bytes, stamp: str
    ) -> None:
        """Before the key file takes the new password slot: add a wrap under its key for
        ``stamp`` (older wraps stay until :meth:`settle_password`, in the account's
        transaction, so a crash in between leaves the key file's password working)."""
        if self._repo(self._shop.db.reader()).public_key() is None:
            return
        with self._lock:
            private = self._private
        if private is None:
            private = self._unwrap_with_password(current)
        self._put_password_wrap(private, new_slot, new_kek, stamp)

    def prepare_recovery_reset(
        self, recovery_code: str, new_slot: SecretSlot, new_kek: bytes, stamp: str
    ) -> bool:
        """The same from the recovery wrap; False when the shop has none (a key pair made at
        an owner login, when the recovery code was not known)."""
        repo = self._repo(self._shop.db.reader())
        wraps = repo.wraps(RECOVERY_WRAP)
        if repo.public_key() is None or not wraps:
            return False
        private = unwrap_private_key(
            _sealed(wraps[0]), _kek(wraps[0], canonical_recovery_code(recovery_code)),
            wrap_purpose(self._shop.shop_id),
        )
        self._put_password_wrap(private, new_slot, new_kek, stamp)
        return True

    def _put_password_wrap(
        self, private: bytes, slot: SecretSlot, kek: bytes, stamp: str
    ) -> None:
        sealed = wrap_private_key(private, kek, wrap_purpose(self._shop.shop_id))
        with self._shop.db.transaction():
            self._repo().put_wrap(_stored(PASSWORD_WRAP, stamp, slot.salt, slot.kdf, sealed))

    def settle_password(self, stamp: str) -> None:
        """Inside the transaction that stores the owner's new password: older wraps go."""
        self._repo().keep_only_password_wrap(stamp)

    # ------------------------------------------------------------------ values

    def sealer(self, conn: Connection | None = None) -> FieldSealer | None:
        public = self._repo(conn).public_key()
        return FieldSealer(public) if public is not None else None

    def seal_resident_id(
        self, sealer: FieldSealer, key: bytes, customer_id: int, value: str
    ) -> SealedColumns:
        """``value`` is a validated, normalised 18-character ID."""
        context = value_context(self._shop.shop_id, customer_id, RESIDENT_ID)
        return SealedColumns(
            sealer.seal(value, context), mask_resident_id(value),
            lookup_mac(key, RESIDENT_ID, value),
        )

    def open_resident_id(self, opener: FieldOpener, customer_id: int, sealed: bytes) -> str:
        return opener.open(sealed, value_context(self._shop.shop_id, customer_id, RESIDENT_ID))
