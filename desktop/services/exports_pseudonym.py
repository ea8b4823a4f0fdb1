"""The pseudonymous customer key of masked reports: HMAC-SHA256 of the customer id under a
random per-shop key, so two reports of the same shop can be joined on it while nobody without
the shop's key can tell which customer a token stands for (or compute it for a guessed id).

The key is 32 random bytes made on first use and kept in the settings table, i.e. inside the
encrypted database (and its backups); it is never written to a file or a log. A token is the
first 80 bits of the MAC in base32: 16 characters, shown as ``XXXX-XXXX-XXXX-XXXX``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Final

from desktop.services.audit import SYSTEM_ACTOR
from desktop.services.workspace import Workspace

SETTING: Final = "export.pseudonym_key"
_KEY_BYTES: Final = 32
_TOKEN_BYTES: Final = 10


class PseudonymKey:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def token(self, customer_id: int | None) -> str:
        if customer_id is None:
            return ""
        mac = hmac.new(self._key, b"customer:%d" % customer_id, hashlib.sha256).digest()
        text = base64.b32encode(mac[:_TOKEN_BYTES]).decode("ascii")
        return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def shop_pseudonym_key(workspace: Workspace) -> PseudonymKey:
    """This shop's key, created (and audited) the first time a report asks for it."""
    db = workspace.shop.db
    stored = db.settings.get(SETTING)
    if stored:
        return PseudonymKey(bytes.fromhex(stored))
    with db.transaction():
        stored = db.settings.get(SETTING)  # another export may have made it meanwhile
        if not stored:
            stored = secrets.token_bytes(_KEY_BYTES).hex()
            db.settings.set(SETTING, stored)
            workspace.trail.append(SYSTEM_ACTOR, "export.pseudonym_key_created", SETTING)
    workspace.trail.anchor()
    return PseudonymKey(bytes.fromhex(stored))
