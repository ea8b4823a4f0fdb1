"""The sidecar key file beside the database (``shop.key``): JSON, no secret in plain text.

It holds the vault key wrapped under the owner password and under the recovery code, the
database key wrapped under the vault key (plus a pending one while a rotation is under way),
a check value per database key, and the audit chain's anchor.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.atomic_files import atomic_write_bytes
from desktop.core.errors import DamagedFileError, MissingFileError
from desktop.security.envelope import KdfParams, Sealed

FORMAT = "shopvault-keyfile"
VERSION = 1


@dataclass(frozen=True, slots=True)
class SecretSlot:
    """The vault key sealed under a key derived from a secret (password or recovery code)."""

    salt: bytes
    kdf: KdfParams
    sealed: Sealed


@dataclass(frozen=True, slots=True)
class WrappedDbKey:
    sealed: Sealed
    check: bytes
    """``key_check_value(db_key, shop_id)``: tells a right key from a wrong one without trying."""
    db_salt: bytes = b""
    """The first 16 bytes of the database file this key encrypts; tells a replaced file
    (wrong key) from a damaged one. Empty while unknown (a rotation in progress)."""


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    seq: int
    head_hash: bytes
    mac: bytes


@dataclass(frozen=True, slots=True)
class KeyFile:
    shop_id: str
    password_slot: SecretSlot
    recovery_slot: SecretSlot
    password_stamp: str
    db_key: WrappedDbKey
    pending_db_key: WrappedDbKey | None = None
    audit_anchor: AuditAnchor | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Slots added by later versions (e.g. the owner-only field key), kept as read."""

    def with_changes(self, **changes: Any) -> KeyFile:
        return replace(self, **changes)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _sealed_out(sealed: Sealed) -> dict[str, str]:
    return {"nonce": _b64(sealed.nonce), "ciphertext": _b64(sealed.ciphertext)}


def _sealed_in(data: dict[str, Any]) -> Sealed:
    return Sealed(_unb64(data["nonce"]), _unb64(data["ciphertext"]))


def _slot_out(slot: SecretSlot) -> dict[str, Any]:
    return {"salt": _b64(slot.salt), "kdf": slot.kdf.as_dict(), **_sealed_out(slot.sealed)}


def _slot_in(data: dict[str, Any]) -> SecretSlot:
    kdf = data["kdf"]
    params = KdfParams(int(kdf["memory_kib"]), int(kdf["time_cost"]), int(kdf["parallelism"]))
    return SecretSlot(_unb64(data["salt"]), params, _sealed_in(data))


def _dbkey_out(key: WrappedDbKey) -> dict[str, str]:
    return {**_sealed_out(key.sealed), "check": _b64(key.check), "db_salt": _b64(key.db_salt)}


def _dbkey_in(data: dict[str, Any]) -> WrappedDbKey:
    return WrappedDbKey(_sealed_in(data), _unb64(data["check"]), _unb64(data["db_salt"]))


def to_json(keyfile: KeyFile) -> bytes:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "shop_id": keyfile.shop_id,
        "password_slot": _slot_out(keyfile.password_slot),
        "recovery_slot": _slot_out(keyfile.recovery_slot),
        "password_stamp": keyfile.password_stamp,
        "db_key": _dbkey_out(keyfile.db_key),
        "pending_db_key": _dbkey_out(keyfile.pending_db_key) if keyfile.pending_db_key else None,
        "audit_anchor": None,
        **keyfile.extra,
    }
    if keyfile.audit_anchor is not None:
        anchor = keyfile.audit_anchor
        document["audit_anchor"] = {
            "seq": anchor.seq,
            "head_hash": _b64(anchor.head_hash),
            "mac": _b64(anchor.mac),
        }
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8")


_KNOWN = {
    "format", "version", "shop_id", "password_slot", "recovery_slot", "password_stamp",
    "db_key", "pending_db_key", "audit_anchor",
}


def from_json(raw: bytes, *, name: str) -> KeyFile:
    try:
        document = json.loads(raw.decode("utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("not a ShopVault key file of a known version")
        anchor_doc = document.get("audit_anchor")
        anchor = None
        if anchor_doc is not None:
            anchor = AuditAnchor(
                int(anchor_doc["seq"]), _unb64(anchor_doc["head_hash"]), _unb64(anchor_doc["mac"])
            )
        pending = document.get("pending_db_key")
        return KeyFile(
            shop_id=str(document["shop_id"]),
            password_slot=_slot_in(document["password_slot"]),
            recovery_slot=_slot_in(document["recovery_slot"]),
            password_stamp=str(document["password_stamp"]),
            db_key=_dbkey_in(document["db_key"]),
            pending_db_key=_dbkey_in(pending) if pending else None,
            audit_anchor=anchor,
            extra={k: v for k, v in document.items() if k not in _KNOWN},
        )
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise DamagedFileError(path=name) from exc


def load(path: Path) -> KeyFile:
    if not path.exists():
        raise MissingFileError(path=path.name)
    return from_json(path.read_bytes(), name=path.name)


def save(path: Path, keyfile: KeyFile) -> None:
    atomic_write_bytes(path, to_json(keyfile))
