"""The contract of the customer service the screens use (implemented in customers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from desktop.services.customer_views import (
    CustomerDraft,
    CustomerFilter,
    CustomerProfile,
    CustomerRow,
    CustomerSort,
    FilterChoices,
    HistoryEntry,
    IdPage,
)
from desktop.services.session import Session


class CustomerServiceApi(Protocol):
    """Every call checks the session's permission (PermissionDeniedError) and returns values
    masked for its role. Safe to use from the UI thread and one background thread at once:
    each thread reads through its own database connection."""

    def ids(
        self, session: Session, flt: CustomerFilter, sort: CustomerSort, limit: int
    ) -> IdPage:
        """The first ``limit`` matching ids in ``sort`` order (the first screen, a search)."""

    def iter_ids(
        self, session: Session, flt: CustomerFilter, sort: CustomerSort, chunk: int = 50_000,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[list[int]]:
        """All matching ids in order, a chunk per query (keyset, never OFFSET), so a
        background task can stop between chunks. With ``cancelled``, a chunk's query also
        stops as soon as it turns true, and the iteration ends early."""

    def count(self, session: Session, flt: CustomerFilter) -> int:
        """How many match (cheap for the unfiltered list; may take longer for a search)."""

    def rows(self, session: Session, ids: Sequence[int]) -> list[CustomerRow]:
        """The rows for ``ids`` in that order (ids that no longer exist are left out)."""

    def profile(self, session: Session, customer_id: int) -> CustomerProfile: ...

    def history(self, session: Session, customer_id: int) -> list[HistoryEntry]: ...

    def add(self, session: Session, draft: CustomerDraft) -> int:
        """Validate, normalise (phone to E.164 …), store, audit. FieldErrors on bad input."""

    def update(self, session: Session, customer_id: int, draft: CustomerDraft) -> None: ...

    def delete(self, session: Session, customer_id: int) -> None: ...

    def reveal(self, session: Session, customer_id: int, field: str, reason: str) -> str:
        """The unmasked value of one field, for a role allowed to reveal; audited with the
        reason, and visible in that customer's history."""

    def filter_choices(self, session: Session) -> FilterChoices: ...
