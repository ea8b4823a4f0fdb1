"""Login secrets (Argon2id via argon2-cffi) and the back-off policy for failed logins.

A login's check runs in a short-lived process of its own (:mod:`argon2_process`): Argon2id
with DESIGN §2's parameters fills 64 MiB, and in the app's process that would lift its peak
memory (the workspace window is built right after) by as much, for the rest of its life.
Where that process cannot run, the check runs here instead, with the same answer.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.security import argon2_process
from desktop.security.envelope import normalise_secret

_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 15 * 60
"""The delay stops growing here, so the owner can never be locked out for good."""

_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$Uc7Qr/GO/6Jcqbk4E+5yHg$"
    "6ws8rg3DEBAy4RlllNya00P8JwwMfLsTjdi677xbPMw"
)
"""A hash of a made-up password with ``_HASHER``'s parameters (not a secret), checked for an
unknown or disabled user so that the answer takes as long as a wrong password's."""


def hash_secret(secret: str) -> str:
    return _HASHER.hash(normalise_secret(secret))


def verify_secret(stored_hash: str, secret: str) -> bool:
    """True when ``secret`` matches ``stored_hash``; checked in a process of its own."""
    if not stored_hash.isascii():
        return False  # not an Argon2 hash (a damaged record)
    normalised = normalise_secret(secret)
    answer = argon2_process.verify(stored_hash, normalised)
    return answer if answer is not None else _verify_here(stored_hash, normalised)


def _verify_here(stored_hash: str, secret: bytes) -> bool:
    try:
        return _HASHER.verify(stored_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def burn_verify_time(secret: str) -> None:
    """Spend the time of one real verification, so an unknown user name answers as slowly as a
    wrong password does."""
    verify_secret(_DUMMY_HASH, secret)


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def delay_after_failures(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 3 free, then 1, 2, 4 … 900."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))
