"""Feedback: reviews, complaints, inquiries, suggestions — listed, handled, audited.

Permissions (decided here):
* reading needs ``VIEW_CUSTOMERS``; adding needs ``ADD_RECORDS`` (staff too);
* editing what was said (kind, content, rating, channel, date, customer) needs
  ``EDIT_RECORDS`` (owner, manager);
* *handling* — status, assignee, resolution note, linked order — needs ``EDIT_RECORDS``, or
  ``ADD_RECORDS`` on an item assigned to the user: counter staff work their own queue,
  including handing an item over to a colleague. Anyone with ``ADD_RECORDS`` may take an
  unassigned item (assign it to themselves);
* status moves forward: open → in progress → resolved (open → resolved directly too).
  Re-opening (back to open, or resolved → in progress) needs ``EDIT_RECORDS``. Resolving
  stamps ``resolved_at``; leaving resolved clears it. A complaint is resolved only with a
  resolution note.

A complaint is *overdue* when it is not resolved :data:`COMPLAINT_OVERDUE_AFTER` (48 h) after
it was received. Content, resolution and customer names are masked for roles without
``VIEW_UNMASKED``. Audit: ``feedback.added`` / ``feedback.updated`` (changed field names) /
``feedback.status_changed`` (from, to), target ``customer:{id}`` or ``feedback:{id}``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta, tzinfo
from typing import Final

from desktop.core.errors import FieldErrors, InvalidInputError
from desktop.core.models import Feedback, FeedbackKind, FeedbackStatus
from desktop.core.roles import Permission, can
from desktop.core.validation import clean_text
from desktop.services.order_views import (
    AssignableUser,
    Clock,
    CustomerRef,
    FeedbackCursor,
    FeedbackDetail,
    FeedbackDraft,
    FeedbackFilter,
    FeedbackPage,
    FeedbackRow,
    LocalTime,
    OrderChoice,
    iso_utc,
    utc_clock,
)
from desktop.services.orders import (
    MAX_PAGE,
    PAGE_SIZE,
    audit_targets,
    checked_text,
    customer_ref,
    kept_or_typed,
    lookup_customers,
    sees_unmasked,
    shown,
)
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.feedback_queries import (
    FeedbackKey,
    FeedbackListRow,
    FeedbackQueries,
    FeedbackQuery,
)
from desktop.store.order_queries import OrderQueries

COMPLAINT_OVERDUE_AFTER: Final = timedelta(hours=48)
"""A complaint not resolved this long after it was received is overdue."""
SUMMARY_LENGTH: Final = 80
ORDER_CHOICES: Final = 50

KIND_INVALID = "Choose a kind from the list."
STATUS_INVALID = "Choose a status from the list."
CONTENT_REQUIRED = "Enter what the customer said, or a rating."
RATING_INVALID = "Choose a rating from 1 to 5, or leave it empty."
CUSTOMER_MISSING = "This customer no longer exists; choose another."
ORDER_MISSING = "This order no longer exists; choose another."
ORDER_OTHER_CUSTOMER = "This order belongs to another customer."
ASSIGNEE_INVALID = "Choose a colleague from the list."
STATUS_STEP_INVALID = "The status cannot change this way."
RESOLUTION_REQUIRED = "Write how the complaint was resolved before marking it resolved."
FEEDBACK_MISSING = "This feedback no longer exists."

_FORWARD: Final = {
    FeedbackStatus.OPEN: (FeedbackStatus.IN_PROGRESS, FeedbackStatus.RESOLVED),
    FeedbackStatus.IN_PROGRESS: (FeedbackStatus.RESOLVED,),
    FeedbackStatus.RESOLVED: (),
}
_REOPEN: Final = {
    FeedbackStatus.OPEN: (),
    FeedbackStatus.IN_PROGRESS: (FeedbackStatus.OPEN,),
    FeedbackStatus.RESOLVED: (FeedbackStatus.IN_PROGRESS, FeedbackStatus.OPEN),
}


def _summary(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1] + "…"


class FeedbackService:
    def __init__(
        self, workspace: Workspace, *, tz: tzinfo | None = None, clock: Clock = utc_clock
    ) -> None:
        self._workspace = workspace
        self._time = LocalTime(tz, clock)

    @property
    def _queries(self) -> FeedbackQueries:
        return FeedbackQueries(self._workspace.shop.db.conn)

    def overdue_cutoff(self) -> str:
        """Complaints received before this UTC instant and not resolved are overdue."""
        return iso_utc(self._time.clock() - COMPLAINT_OVERDUE_AFTER)

    # ---------------------------------------------------------------- reading

    def page(
        self, session: Session, flt: FeedbackFilter, after: FeedbackCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> FeedbackPage:
        """Feedback matching ``flt``, newest first, starting after ``after`` (keyset)."""
        session.require(Permission.VIEW_CUSTOMERS)
        limit = max(1, min(limit, MAX_PAGE))
        key = None if after is None else FeedbackKey(after.received_at, after.id)
        found = self._queries.page(self._query(session, flt), self.overdue_cutoff(), key,
                                   limit + 1)
        rows = [self._row(session, row) for row in found[:limit]]
        last = found[limit - 1] if len(found) > limit else None
        cursor = None if last is None else FeedbackCursor(last.received_at, last.id)
        return FeedbackPage(rows, cursor)

    def rows(self, session: Session, ids: Sequence[int]) -> list[FeedbackRow]:
        session.require(Permission.VIEW_CUSTOMERS)
        found = self._queries.rows(list(ids)[:MAX_PAGE], self.overdue_cutoff())
        return [self._row(session, row) for row in found]

    def count(self, session: Session, flt: FeedbackFilter) -> int:
        session.require(Permission.VIEW_CUSTOMERS)
        return self._queries.count(self._query(session, flt), self.overdue_cutoff())

    def overdue_count(self, session: Session) -> int:
        """Complaints not resolved within :data:`COMPLAINT_OVERDUE_AFTER`."""
        session.require(Permission.VIEW_CUSTOMERS)
        return self._queries.overdue_count(self.overdue_cutoff())

    def channels(self, session: Session) -> list[str]:
        session.require(Permission.VIEW_CUSTOMERS)
        return self._queries.channels()

    def kinds(self) -> list[str]:
        return [kind.value for kind in FeedbackKind]

    def statuses(self) -> list[str]:
        return [status.value for status in FeedbackStatus]

    def detail(self, session: Session, feedback_id: int) -> FeedbackDetail:
        session.require(Permission.VIEW_CUSTOMERS)
        row = self._queries.row(feedback_id, self.overdue_cutoff())
        if row is None:
            raise InvalidInputError(field="feedback", problem=FEEDBACK_MISSING)
        customer = None
        if row.customer_id is not None and row.customer_name is not None:
            customer = customer_ref(session, row.customer_id, row.customer_name)
        handle = self._may_handle(session, row.assignee_user_id)
        masked = frozenset() if sees_unmasked(session) else frozenset(
            name for name, value in (("content", row.content), ("resolution", row.resolution),
                                     ("customer", customer))
            if value
        )
        return FeedbackDetail(
            id=row.id, kind=row.kind.value, status=row.status.value, rating=row.rating,
            channel=row.channel, received_at=row.received_at, resolved_at=row.resolved_at,
            customer=customer, order_id=row.order_id, order_no=row.order_no or "",
            content=shown(session, "content", row.content),
            resolution=shown(session, "resolution", row.resolution),
            assignee_id=row.assignee_user_id, assignee=row.assignee_username or "",
            overdue=row.overdue, masked=masked,
            can_edit=session.allows(Permission.EDIT_RECORDS), can_handle=handle,
            can_take=row.assignee_user_id is None and session.allows(Permission.ADD_RECORDS),
            next_statuses=tuple(s.value for s in self._steps(session, row.status))
            if handle else (),
        )

    def draft_for_edit(self, session: Session, feedback_id: int) -> FeedbackDraft:
        session.require(Permission.EDIT_RECORDS)
        item = self._get(feedback_id)
        return FeedbackDraft(
            kind=item.kind.value, content=shown(session, "content", item.content),
            rating="" if item.rating is None else str(item.rating), channel=item.channel,
            received_at=self._time.text(item.received_at), customer_id=item.customer_id,
            order_id=item.order_id, assignee_id=item.assignee_user_id,
        )

    def assignable_users(self, session: Session) -> list[AssignableUser]:
        """Colleagues feedback can be assigned to (enabled, allowed to add records): id and
        user name only."""
        session.require(Permission.VIEW_CUSTOMERS)
        return self._assignees()

    def order_choices(self, session: Session, customer_id: int) -> list[OrderChoice]:
        """The customer's recent orders, for linking a feedback to one."""
        session.require(Permission.VIEW_CUSTOMERS)
        rows = OrderQueries(self._workspace.shop.db.conn).for_customer(customer_id,
                                                                       ORDER_CHOICES)
        return [
            OrderChoice(r.id, r.order_no, r.ordered_at, r.channel,
                        r.total_cents - r.discount_cents + r.shipping_cents)
            for r in rows
        ]

    def lookup_customers(self, session: Session, text: str) -> list[CustomerRef]:
        return lookup_customers(self._workspace, session, text)

    # ---------------------------------------------------------------- writing

    def add(self, session: Session, draft: FeedbackDraft) -> int:
        session.require(Permission.ADD_RECORDS)
        item = self._validated(session, draft, None)
        errors: dict[str, str] = {}
        if draft.assignee_id is not None and not self._assignable(draft.assignee_id):
            errors["assignee"] = ASSIGNEE_INVALID
        if errors:
            raise FieldErrors(errors)
        item = dataclasses.replace(item, assignee_user_id=draft.assignee_id)
        with self._workspace.shop.db.transaction():
            feedback_id = self._queries.add(item)
            self._audit(session, "feedback.added", item, feedback_id,
                        {"kind": item.kind.value, "status": item.status.value,
                         "assignee_user_id": item.assignee_user_id})
        self._workspace.trail.anchor()
        return feedback_id

    def update(self, session: Session, feedback_id: int, draft: FeedbackDraft) -> None:
        """Edit what was said and by whom; the handling fields stay as they are."""
        session.require(Permission.EDIT_RECORDS)
        old = self._get(feedback_id)
        new = dataclasses.replace(self._validated(session, draft, old), id=feedback_id)
        names = ("kind", "content", "rating", "channel", "received_at", "customer_id",
                 "order_id")
        changed = [n for n in names if getattr(old, n) != getattr(new, n)]
        if not changed:
            return
        with self._workspace.shop.db.transaction():
            self._queries.update_content(new)
            self._audit(session, "feedback.updated", new, feedback_id,
                        {"fields": ",".join(changed)}, old.customer_id)
        self._workspace.trail.anchor()

    def set_status(
        self, session: Session, feedback_id: int, status: str, resolution: str | None = None
    ) -> None:
        """Move to ``status`` (see the module doc for the allowed steps); ``resolution``, if
        given, is saved in the same change (the note typed before pressing "resolved")."""
        item = self._handled(session, feedback_id)
        try:
            target = FeedbackStatus(status)
        except ValueError:
            raise InvalidInputError(field="status", problem=STATUS_INVALID) from None
        if target not in self._steps(session, item.status):
            raise InvalidInputError(field="status", problem=STATUS_STEP_INVALID)
        note = item.resolution if resolution is None else self._note(session, resolution, item)
        if (target is FeedbackStatus.RESOLVED and item.kind is FeedbackKind.COMPLAINT
                and not note):
            raise FieldErrors({"resolution": RESOLUTION_REQUIRED})
        resolved_at = iso_utc(self._time.clock()) if target is FeedbackStatus.RESOLVED else None
        new = dataclasses.replace(item, status=target, resolution=note, resolved_at=resolved_at)
        details: dict[str, str | int | bool | None] = {"from": item.status.value,
                                                       "to": target.value}
        if note != item.resolution:
            details["resolution_changed"] = True
        with self._workspace.shop.db.transaction():
            self._queries.update_handling(new)
            self._audit(session, "feedback.status_changed", new, feedback_id, details)
        self._workspace.trail.anchor()

    def assign(self, session: Session, feedback_id: int, user_id: int | None) -> None:
        """Assign to a colleague (None: nobody). Taking an unassigned item for oneself needs
        only ``ADD_RECORDS``; anything else needs the right to handle the item."""
        item = self._get(feedback_id)
        taking = item.assignee_user_id is None and user_id == session.user.id
        if taking:
            session.require(Permission.ADD_RECORDS)
        else:
            self._require_handle(session, item)
        if user_id is not None and not self._assignable(user_id):
            raise FieldErrors({"assignee": ASSIGNEE_INVALID})
        if user_id == item.assignee_user_id:
            return
        self._write_handling(session, dataclasses.replace(item, assignee_user_id=user_id),
                             "assignee", {"assignee_user_id": user_id})

    def take(self, session: Session, feedback_id: int) -> None:
        self.assign(session, feedback_id, session.user.id)

    def set_resolution(self, session: Session, feedback_id: int, text: str) -> None:
        item = self._handled(session, feedback_id)
        note = self._note(session, text, item)
        if note != item.resolution:
            self._write_handling(session, dataclasses.replace(item, resolution=note),
                                 "resolution", {})

    def link_order(self, session: Session, feedback_id: int, order_id: int | None) -> None:
        item = self._handled(session, feedback_id)
        errors = self._order_errors(order_id, item.customer_id)
        if errors:
            raise FieldErrors(errors)
        if order_id != item.order_id:
            self._write_handling(session, dataclasses.replace(item, order_id=order_id),
                                 "order", {"order_id": order_id})

    # ---------------------------------------------------------------- internals

    def _query(self, session: Session, flt: FeedbackFilter) -> FeedbackQuery:
        try:
            kind = FeedbackKind(flt.kind) if flt.kind else None
        except ValueError:
            raise FieldErrors({"kind": KIND_INVALID}) from None
        try:
            status = FeedbackStatus(flt.status) if flt.status else None
        except ValueError:
            raise FieldErrors({"status": STATUS_INVALID}) from None
        received_from, received_before = self._time.range(flt.date_from, flt.date_to)
        return FeedbackQuery(
            kind=kind, status=status,
            assignee_user_id=session.user.id if flt.mine_open else None,
            unresolved_only=flt.mine_open, overdue_only=flt.overdue_only,
            customer_id=flt.customer_id, received_from=received_from,
            received_before=received_before,
        )

    def _row(self, session: Session, row: FeedbackListRow) -> FeedbackRow:
        return FeedbackRow(
            id=row.id, kind=row.kind.value, status=row.status.value, rating=row.rating,
            channel=row.channel, received_at=row.received_at, customer_id=row.customer_id,
            customer_name=shown(session, "name", row.customer_name),
            summary=_summary(shown(session, "content", row.content)),
            assignee=row.assignee_username or "", order_no=row.order_no or "",
            overdue=row.overdue,
        )

    def _get(self, feedback_id: int) -> Feedback:
        item = self._queries.get(feedback_id)
        if item is None:
            raise InvalidInputError(field="feedback", problem=FEEDBACK_MISSING)
        return item

    def _may_handle(self, session: Session, assignee: int | None) -> bool:
        return session.allows(Permission.EDIT_RECORDS) or (
            session.allows(Permission.ADD_RECORDS) and assignee == session.user.id
        )

    def _require_handle(self, session: Session, item: Feedback) -> None:
        session.require(Permission.ADD_RECORDS)
        if not self._may_handle(session, item.assignee_user_id):
            session.require(Permission.EDIT_RECORDS)

    def _handled(self, session: Session, feedback_id: int) -> Feedback:
        item = self._get(feedback_id)
        self._require_handle(session, item)
        return item

    def _steps(self, session: Session, status: FeedbackStatus) -> tuple[FeedbackStatus, ...]:
        steps = _FORWARD[status]
        if session.allows(Permission.EDIT_RECORDS):
            steps += _REOPEN[status]
        return steps

    def _assignable(self, user_id: int) -> bool:
        return any(user.id == user_id for user in self._assignees())

    def _assignees(self) -> list[AssignableUser]:
        return [
            AssignableUser(user.id, user.username)
            for user in self._workspace.shop.db.users.all()
            if not user.disabled and can(user.role, Permission.ADD_RECORDS)
        ]

    def _note(self, session: Session, text: str, item: Feedback) -> str:
        errors: dict[str, str] = {}
        note = checked_text(errors, "resolution", text, 4000, free=True)
        if errors:
            raise FieldErrors(errors)
        return kept_or_typed(session, "resolution", note, item.resolution)

    def _order_errors(self, order_id: int | None, customer_id: int | None) -> dict[str, str]:
        if order_id is None:
            return {}
        order = OrderQueries(self._workspace.shop.db.conn).get(order_id)
        if order is None:
            return {"order": ORDER_MISSING}
        if customer_id is not None and order.customer_id not in (None, customer_id):
            return {"order": ORDER_OTHER_CUSTOMER}
        return {}

    def _validated(self, session: Session, draft: FeedbackDraft, old: Feedback | None) -> Feedback:
        errors: dict[str, str] = {}
        try:
            kind = FeedbackKind(clean_text(draft.kind))
        except ValueError:
            errors["kind"], kind = KIND_INVALID, FeedbackKind.INQUIRY
        content = checked_text(errors, "content", draft.content, 4000, free=True)
        content = kept_or_typed(session, "content", content, old.content if old else None)
        rating_text = clean_text(draft.rating)
        rating = None
        if rating_text:
            if rating_text in {"1", "2", "3", "4", "5"}:
                rating = int(rating_text)
            else:
                errors["rating"] = RATING_INVALID
        if not content and rating is None and "rating" not in errors:
            errors["content"] = CONTENT_REQUIRED
        channel = checked_text(errors, "channel", draft.channel, 40)
        received_at = ""
        try:
            received_at = self._time.parse(draft.received_at, "received_at",
                                           old.received_at if old else None)
        except InvalidInputError as exc:
            errors["received_at"] = str(exc.params["problem"])
        orders = OrderQueries(self._workspace.shop.db.conn)
        if draft.customer_id is not None and not orders.customer_exists(draft.customer_id):
            errors["customer"] = CUSTOMER_MISSING
        errors.update(self._order_errors(draft.order_id, draft.customer_id))
        if errors:
            raise FieldErrors(errors)
        base = old or Feedback(id=None, kind=kind, content="", received_at="")
        return dataclasses.replace(
            base, kind=kind, content=content, rating=rating, channel=channel,
            received_at=received_at, customer_id=draft.customer_id, order_id=draft.order_id,
        )

    def _write_handling(
        self, session: Session, new: Feedback, field: str,
        extra: dict[str, str | int | bool | None],
    ) -> None:
        assert new.id is not None
        with self._workspace.shop.db.transaction():
            self._queries.update_handling(new)
            self._audit(session, "feedback.updated", new, new.id, {"fields": field, **extra})
        self._workspace.trail.anchor()

    def _audit(
        self, session: Session, action: str, item: Feedback, feedback_id: int,
        details: dict[str, str | int | bool | None], old_customer: int | None = None,
    ) -> None:
        for target in audit_targets(old_customer, item.customer_id,
                                    fallback=f"feedback:{feedback_id}"):
            self._workspace.trail.append(
                session.actor, action, target, {"feedback_id": feedback_id, **details}
            )
