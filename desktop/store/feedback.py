"""Customer feedback: reviews, complaints, inquiries, suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from desktop.core.models import Feedback, FeedbackKind, FeedbackStatus, utc_now_iso
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, int_column, limit_clause, opt_str

FEEDBACK_COLUMNS: Final = (
    "id", "customer_id", "order_id", "kind", "rating", "channel", "status", "assignee_user_id",
    "content", "resolution", "received_at", "resolved_at", "created_at", "updated_at",
)
INSERT_FEEDBACK: Final = (
    f"INSERT INTO feedback ({', '.join(FEEDBACK_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in FEEDBACK_COLUMNS)})"
)
_SELECT: Final = f"SELECT {', '.join(FEEDBACK_COLUMNS[:12])} FROM feedback"


def feedback_row(item: Feedback, feedback_id: int | None, now: str) -> tuple[object, ...]:
    """``item`` as a parameter tuple in :data:`FEEDBACK_COLUMNS` order."""
    if item.rating is not None and not 1 <= item.rating <= 5:
        raise ValueError("a rating is 1 to 5")
    return (
        feedback_id, item.customer_id, item.order_id, item.kind.value, item.rating, item.channel,
        item.status.value, item.assignee_user_id, item.content, item.resolution,
        item.received_at, item.resolved_at, now, now,
    )


class FeedbackRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, item: Feedback) -> int:
        cursor = self._conn.execute(INSERT_FEEDBACK, feedback_row(item, None, utc_now_iso()))
        return int(cursor.lastrowid)

    def get(self, feedback_id: int) -> Feedback | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (feedback_id,)).fetchone()
        return _feedback(row) if row else None

    def list_linked(
        self, customer_ids: Sequence[int], order_ids: Sequence[int]
    ) -> list[Feedback]:
        """Feedback of any of these customers or about any of these orders."""
        found: dict[int, Feedback] = {}
        for column, ids in (("customer_id", customer_ids), ("order_id", order_ids)):
            for start in range(0, len(ids), IN_CHUNK):
                chunk = list(ids[start:start + IN_CHUNK])
                marks = ", ".join("?" for _ in chunk)
                for row in self._conn.execute(
                    f"{_SELECT} WHERE {column} IN ({marks})", chunk
                ).fetchall():
                    item = _feedback(row)
                    found[item.id or 0] = item
        return [found[key] for key in sorted(found)]

    def list_for_customer(self, customer_id: int, limit: int = 200) -> list[Feedback]:
        """The customer's feedback, newest first."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE customer_id = ? ORDER BY received_at DESC, id DESC LIMIT"
            f" {limit_clause(limit)}",
            (customer_id,),
        ).fetchall()
        return [_feedback(row) for row in rows]


def _feedback(row: Sequence[object]) -> Feedback:
    (
        feedback_id, customer_id, order_id, kind, rating, channel, status, assignee, content,
        resolution, received_at, resolved_at,
    ) = row
    return Feedback(
        id=int_column(feedback_id),
        kind=FeedbackKind(str(kind)),
        content=str(content),
        received_at=str(received_at),
        customer_id=_opt_int(customer_id),
        order_id=_opt_int(order_id),
        rating=_opt_int(rating),
        channel=str(channel),
        status=FeedbackStatus(str(status)),
        assignee_user_id=_opt_int(assignee),
        resolution=str(resolution),
        resolved_at=opt_str(resolved_at),
    )


def _opt_int(value: object) -> int | None:
    return None if value is None else int_column(value)
