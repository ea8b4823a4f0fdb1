"""The field key's public half and its wrapped private half (migration 0007), and the sealed
sensitive columns of ``customers`` (``id_number_sealed``, ``id_number_masked``,
``id_number_hmac``). No cryptography here: bytes in, bytes out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from desktop.core.models import utc_now_iso
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, int_column

PASSWORD_WRAP: Final = "password"  # noqa: S105 (the kind of wrap, not a secret)
RECOVERY_WRAP: Final = "recovery"


@dataclass(frozen=True, slots=True)
class StoredWrap:
    kind: str
    stamp: str
    salt: bytes
    memory_kib: int
    time_cost: int
    parallelism: int
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True, slots=True)
class SealedColumns:
    """One customer's sensitive value as stored: sealed, masked, and its lookup HMAC."""

    sealed: bytes
    masked: str
    lookup: bytes


class FieldKeyRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ the key pair

    def public_key(self) -> bytes | None:
        row = self._conn.execute("SELECT public_key FROM field_keys WHERE id = 1").fetchone()
        return bytes(row[0]) if row else None

    def create(self, public_key: bytes, wraps: Iterable[StoredWrap]) -> bool:
        """Store a new key pair; False (nothing written) when the shop already has one."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO field_keys (id, public_key, created_at) VALUES (1, ?, ?)",
            (public_key, utc_now_iso()),
        )
        if cursor.rowcount == 0:
            return False
        for wrap in wraps:
            self.put_wrap(wrap)
        return True

    def put_wrap(self, wrap: StoredWrap) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO field_key_wraps (kind, stamp, salt, memory_kib, time_cost,"
            " parallelism, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (wrap.kind, wrap.stamp, wrap.salt, wrap.memory_kib, wrap.time_cost,
             wrap.parallelism, wrap.nonce, wrap.ciphertext, utc_now_iso()),
        )

    def wraps(self, kind: str) -> list[StoredWrap]:
        """The wraps of ``kind``, newest first."""
        rows = self._conn.execute(
            "SELECT kind, stamp, salt, memory_kib, time_cost, parallelism, nonce, ciphertext"
            " FROM field_key_wraps WHERE kind = ? ORDER BY created_at DESC",
            (kind,),
        ).fetchall()
        return [
            StoredWrap(str(k), str(s), bytes(salt), int_column(m), int_column(t),
                       int_column(p), bytes(n), bytes(c))
            for k, s, salt, m, t, p, n, c in rows
        ]

    def keep_only_password_wrap(self, stamp: str) -> None:
        """Drop the password wraps of older passwords (after the new one is in the key file)."""
        self._conn.execute(
            "DELETE FROM field_key_wraps WHERE kind = ? AND stamp <> ?", (PASSWORD_WRAP, stamp)
        )

    # ------------------------------------------------------------------ sealed columns

    def set_resident_id(self, customer_id: int, columns: SealedColumns | None) -> None:
        self._conn.execute(
            "UPDATE customers SET id_number_sealed = ?, id_number_masked = ?,"
            " id_number_hmac = ? WHERE id = ?",
            (None, None, None, customer_id) if columns is None
            else (columns.sealed, columns.masked, columns.lookup, customer_id),
        )

    def set_resident_ids(self, values: Sequence[tuple[int, SealedColumns]],
                         *, only_empty: bool) -> None:
        """Many at once (an import); ``only_empty`` leaves a customer's stored ID alone."""
        condition = " AND id_number_sealed IS NULL" if only_empty else ""
        self._conn.executemany(
            "UPDATE customers SET id_number_sealed = ?, id_number_masked = ?,"
            f" id_number_hmac = ? WHERE id = ?{condition}",
            [(c.sealed, c.masked, c.lookup, customer_id) for customer_id, c in values],
        )

    def resident_id(self, customer_id: int) -> SealedColumns | None:
        row = self._conn.execute(
            "SELECT id_number_sealed, id_number_masked, id_number_hmac FROM customers"
            " WHERE id = ? AND id_number_sealed IS NOT NULL",
            (customer_id,),
        ).fetchone()
        if row is None:
            return None
        return SealedColumns(bytes(row[0]), str(row[1] or ""), bytes(row[2] or b""))

    def resident_ids(self, ids: Sequence[int]) -> dict[int, tuple[bytes, str]]:
        """Sealed value and masked form per customer id that has one (for reports)."""
        found: dict[int, tuple[bytes, str]] = {}
        wanted = list(dict.fromkeys(int(i) for i in ids))
        for start in range(0, len(wanted), IN_CHUNK):
            part = wanted[start : start + IN_CHUNK]
            marks = ", ".join("?" for _ in part)
            for customer_id, sealed, masked in self._conn.execute(
                "SELECT id, id_number_sealed, id_number_masked FROM customers"
                f" WHERE id IN ({marks}) AND id_number_sealed IS NOT NULL",
                part,
            ):
                found[int_column(customer_id)] = (bytes(sealed), str(masked or ""))
        return found

    def having_resident_id(self, ids: Sequence[int]) -> frozenset[int]:
        """Those of ``ids`` that have a resident ID stored (an import's matched customers)."""
        found: set[int] = set()
        for start in range(0, len(ids), IN_CHUNK):
            part = list(ids[start : start + IN_CHUNK])
            marks = ", ".join("?" for _ in part)
            found.update(int_column(row[0]) for row in self._conn.execute(
                f"SELECT id FROM customers WHERE id IN ({marks})"
                " AND id_number_sealed IS NOT NULL", part))
        return frozenset(found)
