"""Storage of the hash-chained audit log. Hashing itself lives in desktop.security."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.audit_records import AuditRecord, ChainHead
from desktop.store.connection import Connection

_COLUMNS = "seq, at, actor, action, target, details, prev_hash, hash"


def _row(row: tuple[object, ...]) -> AuditRecord:
    seq, at, actor, action, target, details, prev_hash, hash_ = row
    return AuditRecord(
        int(str(seq)), str(at), str(actor), str(action), str(target), str(details),
        bytes(prev_hash) if isinstance(prev_hash, bytes | memoryview) else b"",
        bytes(hash_) if isinstance(hash_, bytes | memoryview) else b"",
    )


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def head(self) -> ChainHead | None:
        row = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        found = row.fetchone()
        return ChainHead(int(found[0]), bytes(found[1])) if found else None

    def insert(self, row: AuditRecord) -> None:
        self._conn.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row.seq, row.at, row.actor, row.action, row.target, row.details, row.prev_hash,
             row.hash),
        )

    def entry(self, seq: int) -> AuditRecord | None:
        found = self._conn.execute(
            f"SELECT {_COLUMNS} FROM audit_log WHERE seq = ?", (seq,)
        ).fetchone()
        return _row(found) if found else None

    def iter_all(self, batch: int = 5000) -> Iterator[AuditRecord]:
        last = 0
        while True:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for found in rows:
                yield _row(found)
            last = int(rows[-1][0])

    def for_target(self, target: str, limit: int = 200) -> list[AuditRecord]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM audit_log WHERE target = ? ORDER BY seq DESC LIMIT ?",
            (target, limit),
        ).fetchall()
        return [_row(found) for found in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
