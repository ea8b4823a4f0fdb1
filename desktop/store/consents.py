"""The consent register: what each customer agreed to, when, how, and who wrote it down.

Rows are never deleted when consent is withdrawn: ``withdrawn_at`` is stamped instead, so the
register shows what was true at any time. (Deleting the customer removes their consents.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from desktop.core.models import Consent
from desktop.store.connection import Connection
from desktop.store.customers import int_column, limit_clause, opt_str

_COLUMNS: Final = (
    "customer_id", "purpose", "granted", "channel", "evidence", "recorded_by_user_id",
    "recorded_at", "withdrawn_at",
)
_INSERT: Final = (
    f"INSERT INTO consents ({', '.join(_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in _COLUMNS)})"
)
_SELECT: Final = (
    "SELECT c.id, " + ", ".join(f"c.{name}" for name in _COLUMNS)
    + ", coalesce(u.username, '') FROM consents c"
    " LEFT JOIN users u ON u.id = c.recorded_by_user_id"
)
_NEWEST_FIRST: Final = "ORDER BY c.recorded_at DESC, c.id DESC"


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    consent: Consent
    recorded_by: str
    """The user name of whoever recorded it ("" when that account is gone)."""


class ConsentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, consent: Consent) -> int:
        cursor = self._conn.execute(
            _INSERT,
            (
                consent.customer_id, consent.purpose, int(consent.granted), consent.channel,
                consent.evidence, consent.recorded_by_user_id, consent.recorded_at,
                consent.withdrawn_at,
            ),
        )
        return int(cursor.lastrowid)

    def get(self, consent_id: int) -> ConsentRecord | None:
        row = self._conn.execute(f"{_SELECT} WHERE c.id = ?", (consent_id,)).fetchone()
        return _record(row) if row else None

    def list_for_customer(self, customer_id: int, limit: int = 200) -> list[ConsentRecord]:
        """The customer's consents, newest first (withdrawn ones included)."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE c.customer_id = ? {_NEWEST_FIRST} LIMIT {limit_clause(limit)}",
            (customer_id,),
        ).fetchall()
        return [_record(row) for row in rows]

    def latest(self, limit: int = 200) -> list[ConsentRecord]:
        """The whole register, newest first."""
        rows = self._conn.execute(
            f"{_SELECT} {_NEWEST_FIRST} LIMIT {limit_clause(limit)}"
        ).fetchall()
        return [_record(row) for row in rows]

    def mark_withdrawn(self, consent_id: int, at: str) -> bool:
        """Stamp a granted, not yet withdrawn consent as withdrawn at ``at``; False when there
        is no such consent."""
        cursor = self._conn.execute(
            "UPDATE consents SET withdrawn_at = ?"
            " WHERE id = ? AND granted = 1 AND withdrawn_at IS NULL",
            (at, consent_id),
        )
        return int(cursor.rowcount) == 1


def _record(row: Sequence[object]) -> ConsentRecord:
    (
        consent_id, customer_id, purpose, granted, channel, evidence, recorded_by_user_id,
        recorded_at, withdrawn_at, recorded_by,
    ) = row
    consent = Consent(
        id=int_column(consent_id),
        customer_id=int_column(customer_id),
        purpose=str(purpose),
        granted=bool(granted),
        channel=str(channel),
        recorded_at=str(recorded_at),
        evidence=str(evidence),
        recorded_by_user_id=None if recorded_by_user_id is None
        else int_column(recorded_by_user_id),
        withdrawn_at=opt_str(withdrawn_at),
    )
    return ConsentRecord(consent, str(recorded_by))
