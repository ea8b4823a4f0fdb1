"""Runs one Argon2 computation in a short-lived process of its own.

Started by :mod:`desktop.security.argon2_process` as ``python -I argon2_child.py``. Standard
input holds one request line, a newline, then the (NFC UTF-8) secret:

* ``$argon2id$v=19$m=…`` (an encoded hash): is the secret this hash's? Answers ``1`` or ``0``
  (``0`` too for anything that is not an Argon2 hash).
* ``raw T M P LEN SALT_HEX``: Argon2id of the secret with time cost T, M KiB of memory,
  parallelism P and that salt, LEN bytes long. Answers the bytes in hex.

Why a process: Argon2id with DESIGN §2's parameters fills 64 MiB; done inside the app it
lifts the window's peak memory by that much for good, here the memory ends with the process,
and so does this copy of the secret. The secret never appears on the command line.

Only the standard library and argon2-cffi's C bindings are imported (no ``desktop``
package, ~2 ms instead of ~25 ms for ``argon2``'s own modules), so the process is ready in
~15 ms.
"""

from __future__ import annotations

import sys

MATCH = b"1"
NO_MATCH = b"0"
RAW = b"raw"


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


def derive(time_cost: int, memory_kib: int, parallelism: int, length: int, salt: bytes,
           secret: bytes) -> bytes:
    """Raw Argon2id output (the same as ``argon2.low_level.hash_secret_raw``)."""
    from _argon2_cffi_bindings import ffi, lib

    out = ffi.new("uint8_t[]", length)
    result = lib.argon2_hash(
        time_cost, memory_kib, parallelism, ffi.new("uint8_t[]", secret), len(secret),
        ffi.new("uint8_t[]", salt), len(salt), out, length, ffi.NULL, 0, lib.Argon2_id,
        lib.ARGON2_VERSION_NUMBER,
    )
    if result != lib.ARGON2_OK:
        raise ValueError(f"argon2_hash failed ({result})")
    return bytes(ffi.buffer(out, length))


def answer(request: bytes, secret: bytes) -> bytes:
    if request.startswith(RAW + b" "):
        _raw, *numbers, salt_hex = request.split(b" ")
        time_cost, memory_kib, parallelism, length = (int(n) for n in numbers)
        key = derive(time_cost, memory_kib, parallelism, length, bytes.fromhex(salt_hex.decode()),
                     secret)
        return key.hex().encode("ascii")
    return MATCH if check(request, secret) else NO_MATCH


def main() -> int:
    request, newline, secret = sys.stdin.buffer.read().partition(b"\n")
    if not newline:
        return 2
    sys.stdout.buffer.write(answer(request, secret))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
