"""Appending to and verifying the hash-chained audit log, with its head anchored outside the
database (key file and OS keyring) so that a cut-off tail is noticed."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping

from desktop.core.audit_records import AuditRecord, ChainHead
from desktop.core.models import utc_now_iso
from desktop.security import keyfile as kf
from desktop.security.audit_chain import (
    GENESIS_HASH,
    VerifyReport,
    anchor_mac,
    anchor_valid,
    entry_hash,
    verify_chain,
)
from desktop.services.vault import UnlockedShop, audit_anchor_key

SYSTEM_ACTOR = "-"
_KEYRING_ENTRY = "audit-anchor"

DetailValue = str | int | bool | None


class AuditTrail:
    def __init__(self, shop: UnlockedShop, clock: Callable[[], str] = utc_now_iso) -> None:
        self._shop = shop
        self._clock = clock

    def append(
        self,
        actor: str,
        action: str,
        target: str = "",
        details: Mapping[str, DetailValue] | None = None,
    ) -> AuditRecord:
        """Append one entry; call inside the transaction of the change it records, then
        ``anchor()`` after the commit."""
        db = self._shop.db
        head = db.audit.head()
        seq = head.seq + 1 if head else 1
        prev = head.hash if head else GENESIS_HASH
        at = self._clock()
        text = json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True)
        record = AuditRecord(
            seq, at, actor, action, target, text, prev,
            entry_hash(prev, seq, at, actor, action, target, text),
        )
        db.audit.insert(record)
        return record

    def record(
        self,
        actor: str,
        action: str,
        target: str = "",
        details: Mapping[str, DetailValue] | None = None,
    ) -> AuditRecord:
        """Append one entry in its own transaction and anchor it."""
        with self._shop.db.transaction():
            record = self.append(actor, action, target, details)
        self.anchor()
        return record

    def anchor(self) -> None:
        """Write the current head to the key file and the keyring — unless the entry the
        anchor names is gone or changed: then the old anchor stays as evidence for verify."""
        head = self._shop.db.audit.head()
        if head is None:
            return
        trusted = self._trusted_anchor()
        if trusted is not None:
            anchored = self._shop.db.audit.entry(trusted.seq)
            if anchored is None or anchored.hash != trusted.hash:
                return
        mac = anchor_mac(audit_anchor_key(self._shop.vault_key), self._shop.shop_id, head)
        anchor = kf.AuditAnchor(head.seq, head.hash, mac)
        self._shop.save_keyfile(self._shop.keyfile.with_changes(audit_anchor=anchor))
        self._shop.keyring.set_text(self._shop.shop_id, _KEYRING_ENTRY, _anchor_text(anchor))

    def verify(self) -> VerifyReport:
        return verify_chain(self._shop.db.audit.iter_all(), self._trusted_anchor())

    def _trusted_anchor(self) -> ChainHead | None:
        """The furthest anchor whose MAC checks out. An anchor with a bad MAC is ignored here;
        a missing anchor simply means no truncation check beyond what the chain shows."""
        candidates = [self._shop.keyfile.audit_anchor]
        stored = self._shop.keyring.get_text(self._shop.shop_id, _KEYRING_ENTRY)
        if stored:
            candidates.append(_parse_anchor(stored))
        key = audit_anchor_key(self._shop.vault_key)
        best: ChainHead | None = None
        for anchor in candidates:
            if anchor is None:
                continue
            head = ChainHead(anchor.seq, anchor.head_hash)
            if anchor_valid(key, self._shop.shop_id, head, anchor.mac) and (
                best is None or head.seq > best.seq
            ):
                best = head
        return best


def _anchor_text(anchor: kf.AuditAnchor) -> str:
    return json.dumps(
        {
            "seq": anchor.seq,
            "hash": base64.b64encode(anchor.head_hash).decode(),
            "mac": base64.b64encode(anchor.mac).decode(),
        }
    )


def _parse_anchor(text: str) -> kf.AuditAnchor | None:
    try:
        data = json.loads(text)
        return kf.AuditAnchor(
            int(data["seq"]), base64.b64decode(data["hash"]), base64.b64decode(data["mac"])
        )
    except (ValueError, KeyError, TypeError):
        return None
