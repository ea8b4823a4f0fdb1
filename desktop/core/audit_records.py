"""Audit log records as stored: one row of the hash chain, and the chain's head."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: str
    """Canonical JSON text of the details (never personal data in clear)."""
    prev_hash: bytes
    hash: bytes


@dataclass(frozen=True, slots=True)
class ChainHead:
    seq: int
    hash: bytes
