"""The owner-only field key (DESIGN §2, last bullet): sensitive personal information such as a
resident ID is sealed to a per-shop X25519 public key, so that every role allowed to write a
customer can store it, while only the holder of the private key — the owner, who unwraps it
with the owner password (or the recovery code) — can read it back.

A sealed value is ``version ‖ ephemeral public key (32) ‖ nonce (12) ‖ AES-256-GCM ciphertext``.
The AES key is HKDF-SHA256 over the X25519 shared secret of an ephemeral key and the shop's
public key. One :class:`FieldSealer` keeps its ephemeral key for all the values it seals (an
import of 100,000 rows pays one key agreement, not 100,000); each value still has its own
random nonce, and the associated data binds it to its customer row and field, so a sealed
value copied onto another row does not open there.

The private key is kept wrapped (AES-256-GCM under a key derived from the same Argon2id key
that opens the key file's password or recovery slot) — never in plain text on disk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core.errors import ShopVaultError, WrongSecretError
from desktop.security.envelope import NONCE_BYTES, Sealed, seal, unseal

VERSION: Final = b"\x01"
PUBLIC_BYTES: Final = 32
_HKDF_INFO: Final = b"shopvault field key v1"
_OPEN_CACHE: Final = 64
"""Derived AES keys an opener remembers (one per ephemeral key it met)."""


class SealedValueError(ShopVaultError):
    """A sealed value does not open with this key for this row and field (damaged, or
    moved from another row). Names no value."""

    message = "A protected value could not be read; it may be damaged."


@dataclass(frozen=True, slots=True)
class KeyPair:
    private: bytes
    public: bytes


def new_key_pair() -> KeyPair:
    private = X25519PrivateKey.generate()
    return KeyPair(private.private_bytes_raw(), _public_bytes(private.public_key()))


def public_of(private: bytes) -> bytes:
    return _public_bytes(X25519PrivateKey.from_private_bytes(private).public_key())


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def wrap_key_from(secret_kek: bytes) -> bytes:
    """The key that wraps the field private key, from the Argon2id key of the owner password
    (or recovery code) that also opens the key file's slot: opening the field key costs no
    second Argon2id run, and knowing the vault key (every unlocked session does) gives
    nothing, since the Argon2id key is never stored."""
    return hmac.new(secret_kek, b"shopvault field key wrap", hashlib.sha256).digest()


def wrap_private_key(private: bytes, secret_kek: bytes, purpose: str) -> Sealed:
    return seal(wrap_key_from(secret_kek), private, purpose)


def unwrap_private_key(sealed: Sealed, secret_kek: bytes, purpose: str) -> bytes:
    """The private key, or WrongSecretError."""
    return unseal(wrap_key_from(secret_kek), sealed, purpose)


def _aes_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
        info=_HKDF_INFO,
    ).derive(shared)


class FieldSealer:
    """Seals values to the shop's field public key (any role may hold one)."""

    def __init__(self, public: bytes) -> None:
        if len(public) != PUBLIC_BYTES:
            raise ValueError("a field public key has 32 bytes")
        self._public = public
        self._prefix = b""
        self._aead: AESGCM | None = None

    def seal(self, plaintext: str, context: str) -> bytes:
        """``context`` names the row and field (it is authenticated, not stored)."""
        if self._aead is None:
            ephemeral = X25519PrivateKey.generate()
            ephemeral_public = _public_bytes(ephemeral.public_key())
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self._public))
            self._aead = AESGCM(_aes_key(shared, ephemeral_public, self._public))
            self._prefix = VERSION + ephemeral_public
        nonce = _random_nonce()
        body = self._aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
        return self._prefix + nonce + body


class FieldOpener:
    """Opens sealed values with the field private key (the owner's session only)."""

    def __init__(self, private: bytes) -> None:
        self._private = X25519PrivateKey.from_private_bytes(private)
        self._public = _public_bytes(self._private.public_key())
        self._keys: dict[bytes, AESGCM] = {}

    @property
    def public(self) -> bytes:
        return self._public

    def open(self, sealed: bytes, context: str) -> str:
        head = 1 + PUBLIC_BYTES
        if len(sealed) < head + NONCE_BYTES + 16 or sealed[:1] != VERSION:
            raise SealedValueError()
        ephemeral_public = sealed[1:head]
        aead = self._keys.get(ephemeral_public)
        if aead is None:
            if len(self._keys) >= _OPEN_CACHE:
                self._keys.clear()
            shared = self._private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
            aead = self._keys[ephemeral_public] = AESGCM(
                _aes_key(shared, ephemeral_public, self._public)
            )
        nonce = sealed[head : head + NONCE_BYTES]
        try:
            plain = aead.decrypt(nonce, sealed[head + NONCE_BYTES :], context.encode("utf-8"))
        except InvalidTag:
            raise SealedValueError() from None
        return plain.decode("utf-8")


def lookup_mac(key: bytes, field: str, normalised: str) -> bytes:
    """The keyed HMAC-SHA256 that finds a value by exact match without storing it clear."""
    message = field.encode("ascii") + b"\x00" + normalised.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).digest()


def _random_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


__all__ = [
    "FieldOpener",
    "FieldSealer",
    "KeyPair",
    "SealedValueError",
    "WrongSecretError",
    "lookup_mac",
    "new_key_pair",
    "public_of",
    "unwrap_private_key",
    "wrap_key_from",
    "wrap_private_key",
]
