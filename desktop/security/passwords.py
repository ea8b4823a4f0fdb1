"""Login secrets (Argon2id via argon2-cffi) and the back-off policy for failed logins."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.security.envelope import normalise_secret

_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 15 * 60
"""The delay stops growing here, so the owner can never be locked out for good."""


def hash_secret(secret: str) -> str:
    return _HASHER.hash(normalise_secret(secret))


def verify_secret(stored_hash: str, secret: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, normalise_secret(secret))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH = ""


def burn_verify_time(secret: str) -> None:
    """Spend the time of one real verification, so an unknown user name answers as slowly as a
    wrong password does."""
    global _DUMMY_HASH
    if not _DUMMY_HASH:
        _DUMMY_HASH = hash_secret("not a real password")
    verify_secret(_DUMMY_HASH, secret)


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def delay_after_failures(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 3 free, then 1, 2, 4 … 900."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))
