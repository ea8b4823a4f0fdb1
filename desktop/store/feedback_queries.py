"""The feedback screen's queries: filtered lists with keyset paging, the overdue-complaint
rule in SQL, and the handling updates (status, assignee, resolution, linked order).

Lists are newest first (``received_at DESC, id DESC``), paged by keyset, never ``OFFSET``.
The overdue rule takes its cutoff instant from the caller (the service owns the 48-hour
threshold and the clock). Indexes for the filters are in migration 0004.

Rows carry raw values, personal data included: the services mask them per role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from desktop.core.models import Feedback, FeedbackKind, FeedbackStatus, utc_now_iso
from desktop.store.connection import Connection
from desktop.store.customers import int_column, limit_clause, opt_str
from desktop.store.feedback import FeedbackRepository

MAX_CHANNELS: Final = 200


@dataclass(frozen=True, slots=True)
class FeedbackQuery:
    """Which feedback to list; every part optional, all applied in SQL."""

    kind: FeedbackKind | None = None
    status: FeedbackStatus | None = None
    assignee_user_id: int | None = None
    unresolved_only: bool = False
    overdue_only: bool = False
    """Only complaints not resolved and received before the cutoff given to the query."""
    customer_id: int | None = None
    received_from: str | None = None
    """UTC ISO instant, inclusive."""
    received_before: str | None = None
    """UTC ISO instant, exclusive."""


@dataclass(frozen=True, slots=True)
class FeedbackKey:
    received_at: str
    id: int


@dataclass(frozen=True, slots=True)
class FeedbackListRow:
    id: int
    kind: FeedbackKind
    status: FeedbackStatus
    rating: int | None
    channel: str
    received_at: str
    resolved_at: str | None
    customer_id: int | None
    customer_name: str | None
    order_id: int | None
    order_no: str | None
    assignee_user_id: int | None
    assignee_username: str | None
    content: str
    resolution: str
    overdue: bool

    @property
    def key(self) -> FeedbackKey:
        return FeedbackKey(self.received_at, self.id)


_OVERDUE: Final = "(f.kind = 'complaint' AND f.status != 'resolved' AND f.received_at < ?)"
_SELECT: Final = (
    "SELECT f.id, f.kind, f.status, f.rating, f.channel, f.received_at, f.resolved_at,"
    f" f.customer_id, c.name, f.order_id, o.order_no, f.assignee_user_id, u.username,"
    f" f.content, f.resolution, {_OVERDUE}"
    " FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id"
    " LEFT JOIN orders o ON o.id = f.order_id LEFT JOIN users u ON u.id = f.assignee_user_id"
)
_UPDATE_CONTENT: Final = (
    "UPDATE feedback SET kind = ?, content = ?, rating = ?, channel = ?, received_at = ?,"
    " customer_id = ?, order_id = ?, updated_at = ? WHERE id = ?"
)
_UPDATE_HANDLING: Final = (
    "UPDATE feedback SET status = ?, assignee_user_id = ?, resolution = ?, resolved_at = ?,"
    " order_id = ?, updated_at = ? WHERE id = ?"
)


def _where(
    query: FeedbackQuery, overdue_before: str, after: FeedbackKey | None
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.kind is not None:
        clauses.append("f.kind = ?")
        params.append(query.kind.value)
    if query.status is not None:
        clauses.append("f.status = ?")
        params.append(query.status.value)
    if query.assignee_user_id is not None:
        clauses.append("f.assignee_user_id = ?")
        params.append(query.assignee_user_id)
    if query.unresolved_only:
        clauses.append("f.status != 'resolved'")
    if query.overdue_only:
        clauses.append(_OVERDUE)
        params.append(overdue_before)
    if query.customer_id is not None:
        clauses.append("f.customer_id = ?")
        params.append(query.customer_id)
    if query.received_from is not None:
        clauses.append("f.received_at >= ?")
        params.append(query.received_from)
    if query.received_before is not None:
        clauses.append("f.received_at < ?")
        params.append(query.received_before)
    if after is not None:
        clauses.append("(f.received_at < ? OR (f.received_at = ? AND f.id < ?))")
        params += [after.received_at, after.received_at, after.id]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class FeedbackQueries:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = FeedbackRepository(conn)

    def page(
        self, query: FeedbackQuery, overdue_before: str, after: FeedbackKey | None, limit: int
    ) -> list[FeedbackListRow]:
        """Up to ``limit`` matching items after ``after``; ``overdue`` is set on complaints
        not resolved and received before ``overdue_before`` (UTC ISO instant)."""
        where, params = _where(query, overdue_before, after)
        rows = self._conn.execute(
            f"{_SELECT}{where} ORDER BY f.received_at DESC, f.id DESC"
            f" LIMIT {limit_clause(limit)}",
            [overdue_before, *params],
        ).fetchall()
        return [_list_row(row) for row in rows]

    def rows(self, ids: Sequence[int], overdue_before: str) -> list[FeedbackListRow]:
        """The list rows for ``ids``, in that order (missing ids left out)."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found = {
            int_column(row[0]): _list_row(row)
            for row in self._conn.execute(
                f"{_SELECT} WHERE f.id IN ({marks})", [overdue_before, *ids]
            )
        }
        return [found[i] for i in ids if i in found]

    def row(self, feedback_id: int, overdue_before: str) -> FeedbackListRow | None:
        found = self.rows([feedback_id], overdue_before)
        return found[0] if found else None

    def count(self, query: FeedbackQuery, overdue_before: str) -> int:
        where, params = _where(query, overdue_before, None)
        return int(
            self._conn.execute(f"SELECT count(*) FROM feedback f{where}", params).fetchone()[0]
        )

    def overdue_count(self, overdue_before: str) -> int:
        return self.count(FeedbackQuery(overdue_only=True), overdue_before)

    def channels(self) -> list[str]:
        rows = self._conn.execute(
            "SELECT DISTINCT channel FROM feedback WHERE channel != '' ORDER BY channel"
            f" LIMIT {limit_clause(MAX_CHANNELS)}"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def get(self, feedback_id: int) -> Feedback | None:
        return self._repo.get(feedback_id)

    def add(self, item: Feedback) -> int:
        return self._repo.add(item)

    def update_content(self, item: Feedback) -> None:
        """Replace what was said and by whom (kind, content, rating, channel, received,
        customer, order); the handling fields stay. LookupError when the item is gone."""
        if item.id is None:
            raise ValueError("feedback has no id")
        if item.rating is not None and not 1 <= item.rating <= 5:
            raise ValueError("a rating is 1 to 5")
        cursor = self._conn.execute(
            _UPDATE_CONTENT,
            (item.kind.value, item.content, item.rating, item.channel, item.received_at,
             item.customer_id, item.order_id, utc_now_iso(), item.id),
        )
        if cursor.rowcount != 1:
            raise LookupError(f"no feedback with id {item.id}")

    def update_handling(self, item: Feedback) -> None:
        """Write status, assignee, resolution, resolved_at and linked order as given."""
        if item.id is None:
            raise ValueError("feedback has no id")
        cursor = self._conn.execute(
            _UPDATE_HANDLING,
            (item.status.value, item.assignee_user_id, item.resolution, item.resolved_at,
             item.order_id, utc_now_iso(), item.id),
        )
        if cursor.rowcount != 1:
            raise LookupError(f"no feedback with id {item.id}")


def _list_row(row: Sequence[object]) -> FeedbackListRow:
    (
        feedback_id, kind, status, rating, channel, received_at, resolved_at, customer_id,
        customer_name, order_id, order_no, assignee, username, content, resolution, overdue,
    ) = row
    return FeedbackListRow(
        id=int_column(feedback_id),
        kind=FeedbackKind(str(kind)),
        status=FeedbackStatus(str(status)),
        rating=None if rating is None else int_column(rating),
        channel=str(channel),
        received_at=str(received_at),
        resolved_at=opt_str(resolved_at),
        customer_id=None if customer_id is None else int_column(customer_id),
        customer_name=opt_str(customer_name),
        order_id=None if order_id is None else int_column(order_id),
        order_no=opt_str(order_no),
        assignee_user_id=None if assignee is None else int_column(assignee),
        assignee_username=opt_str(username),
        content=str(content),
        resolution=str(resolution),
        overdue=bool(overdue),
    )
