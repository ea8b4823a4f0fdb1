"""Argon2 in a short-lived process (``argon2_child.py``): the app's side.

:func:`verify` and :func:`derive_raw` answer None where the process cannot run (no Python
executable to start it with, e.g. a frozen build; it failed or timed out); the caller then
computes the same thing in-process. The process costs ~15–30 ms to start, beside the
100–300 ms of Argon2id itself. Failures are logged by type only: the request carries a
secret.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from desktop.security import argon2_child

TIMEOUT_SECONDS = 120
"""A computation that has not answered by then (a machine swapping hard) is done in-process."""

CHILD_SCRIPT = Path(argon2_child.__file__)

log = logging.getLogger(__name__)


def verify(encoded_hash: str, secret: bytes) -> bool | None:
    """Is ``secret`` (NFC UTF-8) the one ``encoded_hash`` was made from?"""
    if not encoded_hash.isascii() or "\n" in encoded_hash:
        return False
    answer = _ask(encoded_hash.encode("ascii"), secret)
    if answer is None:
        return None
    if answer not in (argon2_child.MATCH, argon2_child.NO_MATCH):
        log.warning("The password check process gave no answer; checking it here")
        return None
    return answer == argon2_child.MATCH


def derive_raw(secret: bytes, salt: bytes, *, time_cost: int, memory_kib: int,
               parallelism: int, length: int) -> bytes | None:
    """Argon2id of ``secret`` (NFC UTF-8): ``length`` raw bytes."""
    request = b" ".join([argon2_child.RAW, *(str(n).encode() for n in (
        time_cost, memory_kib, parallelism, length)), salt.hex().encode("ascii")])
    answer = _ask(request, secret)
    if answer is None:
        return None
    try:
        key = bytes.fromhex(answer.decode("ascii"))
    except ValueError:
        key = b""
    if len(key) != length:
        log.warning("The key derivation process gave no key; deriving it here")
        return None
    return key


def _ask(request: bytes, secret: bytes) -> bytes | None:
    if getattr(sys, "frozen", False) or not sys.executable:
        return None
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and script, no shell
            [sys.executable, "-I", str(CHILD_SCRIPT)],
            input=request + b"\n" + secret, capture_output=True, timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Argon2 could not run in its own process (%s); running it here",
                    type(exc).__name__)
        return None
    if done.returncode != 0:
        log.warning("The Argon2 process failed (exit code %s); running it here",
                    done.returncode)
        return None
    return done.stdout
