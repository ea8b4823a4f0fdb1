"""The audit log's hash chain and its anchor (pure computation; storage lives in store/)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.audit_records import AuditRecord, ChainHead

GENESIS_HASH = bytes(32)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""
    """English source text (context "errors"), ``{seq}`` filled in."""

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def entry_hash(
    prev_hash: bytes, seq: int, at: str, actor: str, action: str, target: str, details: str
) -> bytes:
    payload = json.dumps(
        [seq, at, actor, action, target, details], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    return hashlib.sha256(prev_hash + payload).digest()


def anchor_mac(anchor_key: bytes, shop_id: str, head: ChainHead) -> bytes:
    message = f"{shop_id}:{head.seq}:".encode() + head.hash
    return hmac.new(anchor_key, message, hashlib.sha256).digest()


def anchor_valid(anchor_key: bytes, shop_id: str, head: ChainHead, mac: bytes) -> bool:
    return hmac.compare_digest(anchor_mac(anchor_key, shop_id, head), mac)


def verify_chain(rows: Iterable[AuditRecord], anchor: ChainHead | None) -> VerifyReport:
    """Walk the chain in ``seq`` order; report the first entry that was edited, deleted,
    reordered or cut off after the anchored head."""
    expected_seq = 1
    prev = GENESIS_HASH
    hashes_at_anchor: bytes | None = None
    count = 0
    for row in rows:
        if row.seq != expected_seq:
            return VerifyReport(count, expected_seq, "Entry {seq} is missing (deleted).")
        if row.prev_hash != prev:
            return VerifyReport(count, row.seq, "Entry {seq} does not follow the entry before it.")
        recomputed = entry_hash(
            row.prev_hash, row.seq, row.at, row.actor, row.action, row.target, row.details
        )
        if not hmac.compare_digest(recomputed, row.hash):
            return VerifyReport(count, row.seq, "Entry {seq} was altered after it was written.")
        if anchor is not None and row.seq == anchor.seq:
            hashes_at_anchor = row.hash
        prev = row.hash
        expected_seq += 1
        count += 1
    if anchor is not None:
        if anchor.seq >= expected_seq:
            return VerifyReport(
                count, expected_seq, "Entries from {seq} on were removed (the log was cut short)."
            )
        if anchor.seq > 0 and hashes_at_anchor != anchor.hash:
            return VerifyReport(
                count, anchor.seq, "Entry {seq} differs from the recorded head of the log."
            )
    return VerifyReport(count)
