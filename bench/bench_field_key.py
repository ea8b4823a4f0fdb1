"""What the owner-only field key costs per resident ID: sealing (as an import does: one sealer,
one key agreement, then AES-GCM per value, plus the search HMAC and the masked form), opening
(as the owner's unmasked export does: one opener, its derived keys cached per sealer), and the
one Argon2id run that opens the private key. Plain script; nothing asserts on time.

    .venv/bin/python -m bench.bench_field_key --values 100000
"""

from __future__ import annotations

import argparse
import json
import secrets
import time
from pathlib import Path

from desktop.core.masking import mask_resident_id
from desktop.core.validation import resident_id_check_char
from desktop.security.envelope import KdfParams, derive_kek
from desktop.security.field_crypto import (
    FieldOpener,
    FieldSealer,
    lookup_mac,
    new_key_pair,
    unwrap_private_key,
    wrap_private_key,
)

OUT = Path(__file__).parent / "out"


def resident_ids(count: int) -> list[str]:
    found = []
    for n in range(count):
        body = f"110101{1950 + n % 60:04d}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
        found.append(body + resident_id_check_char(body))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=100_000)
    args = parser.parse_args()
    values = resident_ids(args.values)
    pair = new_key_pair()
    lookup_key = secrets.token_bytes(32)

    start = time.perf_counter()
    sealer = FieldSealer(pair.public)
    sealed = [
        (sealer.seal(v, f"shop customer:{n} resident_id"), lookup_mac(lookup_key, "resident_id", v),
         mask_resident_id(v))
        for n, v in enumerate(values)
    ]
    seal_s = time.perf_counter() - start

    start = time.perf_counter()
    opener = FieldOpener(pair.private)
    opened = [opener.open(s, f"shop customer:{n} resident_id") for n, (s, _, _) in
              enumerate(sealed)]
    open_s = time.perf_counter() - start
    assert opened == values

    kdf = KdfParams()
    salt = secrets.token_bytes(16)
    start = time.perf_counter()
    kek = derive_kek("Correct-horse-42", salt, kdf)
    wrapped = wrap_private_key(pair.private, kek, "bench")
    assert unwrap_private_key(wrapped, kek, "bench") == pair.private
    argon_s = time.perf_counter() - start

    figures = {
        "values": args.values,
        "seal_hmac_mask_s": round(seal_s, 3),
        "seal_us_per_value": round(seal_s / args.values * 1e6, 2),
        "open_s": round(open_s, 3),
        "open_us_per_value": round(open_s / args.values * 1e6, 2),
        "argon2id_open_private_key_s": round(argon_s, 3),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_field_key.json").write_text(json.dumps(figures, indent=2))
    for name, value in figures.items():
        print(f"{name:32} {value}")


if __name__ == "__main__":
    main()
