"""Key material: random keys, Argon2id key derivation, AES-256-GCM wrapping, recovery codes.

The hierarchy (DESIGN §2), with one level of indirection so that a recovery code shown once
keeps working after the database key is rotated:

    owner password ──Argon2id──▶ KEK_pw ─┐
    recovery code  ──Argon2id──▶ KEK_rc ─┴─wrap──▶ vault key (VK) ──wrap──▶ database key (DK)

The OS keyring holds VK, so a keyring unlock costs no KDF time. Rotating DK re-wraps it under
VK; changing the password re-wraps VK under a new KEK_pw. Neither VK nor DK is ever written
in plain text.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.core.errors import WrongSecretError
from desktop.security import argon2_process

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no I/L/O/U/0/1: easy to copy by hand
_RECOVERY_GROUPS = 6
_RECOVERY_GROUP_LEN = 5


@dataclass(frozen=True, slots=True)
class KdfParams:
    memory_kib: int = 65536
    time_cost: int = 3
    parallelism: int = 4

    def as_dict(self) -> dict[str, int]:
        return {
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
        }


@dataclass(frozen=True, slots=True)
class Sealed:
    """A key (or other small secret) encrypted with AES-256-GCM."""

    nonce: bytes
    ciphertext: bytes


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def normalise_secret(secret: str) -> bytes:
    """Passwords are compared as NFC UTF-8, so the same 中文 password typed on another IME
    (composed vs decomposed) still unlocks."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def derive_kek(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id, in a short-lived process of its own where one can run (its 64 MiB are then
    not the app's: see :mod:`desktop.security.argon2_process`), else here."""
    normalised = normalise_secret(secret)
    derived = argon2_process.derive_raw(
        normalised, salt, time_cost=params.time_cost, memory_kib=params.memory_kib,
        parallelism=params.parallelism, length=KEY_BYTES,
    )
    if derived is not None:
        return derived
    return hash_secret_raw(
        normalised,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def seal(key: bytes, plaintext: bytes, purpose: str) -> Sealed:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return Sealed(nonce, AESGCM(key).encrypt(nonce, plaintext, purpose.encode("ascii")))


def unseal(key: bytes, sealed: Sealed, purpose: str) -> bytes:
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, purpose.encode("ascii"))
    except InvalidTag as exc:
        raise WrongSecretError() from exc


def key_check_value(key: bytes, label: str) -> bytes:
    """A one-way fingerprint of ``key`` that tells whether a candidate key is the right one."""
    return hmac.new(key, f"shopvault key check: {label}".encode(), hashlib.sha256).digest()


def new_recovery_code() -> str:
    """Six groups of five characters (~147 bits), e.g. ``K7QX2-…``; case and dashes optional."""
    groups = (
        "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_GROUP_LEN))
        for _ in range(_RECOVERY_GROUPS)
    )
    return "-".join(groups)


def canonical_recovery_code(typed: str) -> str:
    """Accept the code as people type it: any case, with or without spaces and dashes."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())
    step = _RECOVERY_GROUP_LEN
    return "-".join(cleaned[i : i + step] for i in range(0, len(cleaned), step))
