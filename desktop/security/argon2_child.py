"""Checks one Argon2 password hash in a short-lived process of its own.

Run by :func:`desktop.security.passwords.verify_secret` as ``python -I argon2_child.py``, with
the encoded hash, a newline and the (NFC UTF-8) secret on standard input; it writes ``1``
(match) or ``0`` (no match, or not an Argon2 hash) and exits. Why a process: a login's
Argon2id check fills 64 MiB (DESIGN §2 parameters); done inside the app it raises the
window's peak memory by that much for good, here the memory ends with the process, and so
does this copy of the secret. The secret never appears on the command line.

Only the standard library and argon2-cffi's C bindings are imported (no ``desktop``
package, ~2 ms instead of ~25 ms for ``argon2``'s own modules), so the process is ready in
~15 ms.
"""

from __future__ import annotations

import sys

MATCH = b"1"
NO_MATCH = b"0"


def check(encoded: bytes, secret: bytes) -> bool:
    """True when ``secret`` matches the encoded Argon2 hash (its parameters are in it)."""
    from _argon2_cffi_bindings import ffi, lib  # type: ignore[import-untyped]

    kinds = {b"$argon2id$": lib.Argon2_id, b"$argon2i$": lib.Argon2_i, b"$argon2d$": lib.Argon2_d}
    kind = next((value for prefix, value in kinds.items() if encoded.startswith(prefix)), None)
    if kind is None:
        return False
    result = lib.argon2_verify(
        ffi.new("char[]", encoded), ffi.new("uint8_t[]", secret), len(secret), kind
    )
    return bool(result == lib.ARGON2_OK)


def main() -> int:
    encoded, newline, secret = sys.stdin.buffer.read().partition(b"\n")
    if not newline:
        return 2
    sys.stdout.buffer.write(MATCH if check(encoded, secret) else NO_MATCH)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
