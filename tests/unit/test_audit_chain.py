from __future__ import annotations

from dataclasses import replace

from desktop.core.audit_records import AuditRecord, ChainHead
from desktop.security.audit_chain import GENESIS_HASH, entry_hash, verify_chain


def _chain(n: int) -> list[AuditRecord]:
    rows, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        args = (seq, f"2026-01-0{seq}T00:00:00+00:00", "wang (owner)", "login.ok", "user:1", "{}")
        digest = entry_hash(prev, *args)
        rows.append(AuditRecord(*args, prev, digest))
        prev = digest
    return rows


def test_intact_chain_verifies() -> None:
    rows = _chain(5)
    report = verify_chain(rows, ChainHead(5, rows[-1].hash))
    assert report.ok and report.entries == 5


def test_edit_is_found_at_the_edited_entry() -> None:
    rows = _chain(5)
    rows[2] = replace(rows[2], action="export")
    assert verify_chain(rows, None).first_bad_seq == 3


def test_deleted_entry_is_found() -> None:
    rows = _chain(5)
    del rows[1]
    assert verify_chain(rows, None).first_bad_seq == 2


def test_reordered_entries_are_found() -> None:
    rows = _chain(5)
    a, b = rows[1], rows[3]
    rows[1] = replace(b, seq=2)
    rows[3] = replace(a, seq=4)
    assert verify_chain(rows, None).first_bad_seq == 2


def test_truncation_is_found_only_with_the_anchor() -> None:
    rows = _chain(5)
    anchor = ChainHead(5, rows[-1].hash)
    assert verify_chain(rows[:3], None).ok
    report = verify_chain(rows[:3], anchor)
    assert not report.ok and report.first_bad_seq == 4


def test_anchor_behind_the_head_is_fine_but_must_match() -> None:
    rows = _chain(5)
    assert verify_chain(rows, ChainHead(3, rows[2].hash)).ok
    assert verify_chain(rows, ChainHead(3, rows[1].hash)).first_bad_seq == 3
