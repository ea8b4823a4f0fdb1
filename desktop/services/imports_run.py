"""The import itself, from parsed rows on: plan (dry run) and apply (all or nothing), and undo.

Independent of files: :class:`desktop.services.imports.ImportService` feeds it the rows the
file layer parses; tests and benchmarks may feed constructed rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, TypeVar

from desktop.core.crash_points import crash_point
from desktop.core.errors import ShopVaultError
from desktop.core.import_types import (
    ImportTarget,
    MatchPolicy,
    ParsedRow,
    RowAction,
    RowIssue,
)
from desktop.core.interpreter_settings import collector_paused
from desktop.core.masking_fields import masked_value
from desktop.core.models import utc_now_iso
from desktop.core.phone_display import display_field
from desktop.core.roles import Permission
from desktop.exchange.plan import Labeler, Planner
from desktop.exchange.plan_records import PlanResult
from desktop.services.import_api import (
    DryRunReport,
    ImportCounts,
    ImportResult,
    ProgressCallback,
    RowOutcome,
)
from desktop.services.imports_sensitive import check_can_store, store_resident_ids
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.connection import IntegrityError
from desktop.store.import_lookup import ImportLookup
from desktop.store.import_undo import undo_batch
from desktop.store.imports import PlanWriter, get_batch

PROGRESS_SPAN: Final = 1_000
"""``progress(done, PROGRESS_SPAN)``: in a run, reading and planning take the first 60 %,
writing the rest; a dry run's reading and checking take all of it."""
_READ_SHARE: Final = 600

CRASH_BEFORE_COMMIT: Final = "import:before-commit"
"""Crash point inside the import's transaction, after every row is written."""


class ImportClashError(ShopVaultError):
    message = (
        "The shop changed while importing (a member or order number is now taken); nothing "
        "was imported. Run the import again."
    )


class BatchNotFoundError(ShopVaultError):
    message = "There is no import number {batch}."


class BatchAlreadyUndoneError(ShopVaultError):
    message = "Import number {batch} was already undone."


@dataclass(frozen=True, slots=True)
class RowSource:
    """Where rows come from: a name for the records (never a folder), and the rows."""

    file_name: str
    sheet: str
    rows: Iterable[ParsedRow]
    expected_rows: int = 0  # for progress; 0 = unknown


def labeler(session: Session, target: ImportTarget) -> Labeler:
    """Who or what a row is, masked unless the session sees personal data unmasked."""
    clear = session.allows(Permission.VIEW_UNMASKED)

    def show(field: str, value: str | None) -> str:
        return display_field(field, value) if clear else masked_value(field, value)

    def label(row: ParsedRow) -> str:
        parts: list[str] = []
        if target is ImportTarget.ORDERS and row.order is not None:
            parts.append(row.order.order_no)
        customer = row.customer
        if customer is not None:
            if customer.name:
                parts.append(show("name", customer.name))
            if customer.phone:
                parts.append(show("phone", customer.phone))
            elif customer.member_no:
                parts.append(show("member_no", customer.member_no))
            elif customer.email:
                parts.append(show("email", customer.email))
            elif customer.platform_account:
                parts.append(show("name", customer.platform_account))
        if target is ImportTarget.FEEDBACK and row.feedback is not None and not parts:
            parts.append(row.feedback.order_no or "")
        return " ".join(part for part in parts if part)

    return label


def _progress_reader(
    progress: ProgressCallback | None, expected: int, span: int
) -> Callable[[int], None] | None:
    if progress is None:
        return None

    def report(read: int) -> None:
        share = min(read / expected, 1.0) if expected else 0.5
        progress(int(share * span), PROGRESS_SPAN)

    return report


def _progress_writer(
    progress: ProgressCallback | None, total: int
) -> Callable[[int], None] | None:
    if progress is None:
        return None

    def report(written: int) -> None:
        share = min(written / total, 1.0) if total else 1.0
        progress(_READ_SHARE + int(share * (PROGRESS_SPAN - _READ_SHARE)), PROGRESS_SPAN)

    return report


def counts_of(result: PlanResult) -> ImportCounts:
    tally = dict.fromkeys(RowAction, 0)
    blank = summary = 0
    for verdict in result.rows:
        if verdict.blank:
            blank += 1
        elif verdict.summary:
            summary += 1
        else:
            tally[verdict.action] += 1
    return ImportCounts(
        created=tally[RowAction.CREATE],
        updated=tally[RowAction.UPDATE],
        duplicates=tally[RowAction.DUPLICATE],
        rejected=tally[RowAction.ERROR],
        skipped=tally[RowAction.SKIP],
        skipped_blank=blank,
        skipped_summary=summary,
        orders_created=len(result.plan.new_orders),
        feedback_created=len(result.plan.new_feedback),
        customers_created=result.customers_created,
        customers_updated=result.customers_updated,
        orders_updated=len(result.plan.order_changes),
    )


def errors_of(result: PlanResult) -> tuple[RowIssue, ...]:
    return tuple(
        issue for verdict in result.rows if verdict.action is RowAction.ERROR
        for issue in verdict.issues if not issue.warning
    )


gc_paused = collector_paused
"""Python's cycle collector off while an import runs (``desktop.core.interpreter_settings``):
an import holds a few hundred thousand small objects without cycles, and every full
collection walks all of them with the GIL held (200–400 ms at 100,000 rows): the UI thread's
worst stall, and ~15 % of the import's time."""


_T = TypeVar("_T")


def release(items: list[_T]) -> None:
    """Empty a long list in slices: freeing 100,000 records in one C call holds the GIL for
    tens of milliseconds."""
    while items:
        del items[-_RELEASE_SLICE:]


_RELEASE_SLICE: Final = 2_000


def plan_rows(
    workspace: Workspace, session: Session, source: RowSource, target: ImportTarget,
    policy: MatchPolicy, progress: ProgressCallback | None = None, *, labels: bool = True,
    on_writer: bool = False, read_span: int = PROGRESS_SPAN,
) -> PlanResult:
    """The plan of ``source``'s rows; ``progress`` reaches ``read_span`` of
    :data:`PROGRESS_SPAN` when every row is read."""
    session.require(Permission.IMPORT)
    db = workspace.shop.db
    conn = db.conn if on_writer else db.reader()
    planner = Planner(
        target, policy, ImportLookup(conn), labeler(session, target) if labels else None,
        now=utc_now_iso(), explain=labels,
    )
    with gc_paused():
        result = planner.plan(
            source.rows, _progress_reader(progress, source.expected_rows, read_span))
    if progress is not None:  # every row read (the planner reports every few thousand)
        progress(read_span, PROGRESS_SPAN)
    check_can_store(workspace, result.plan.resident_ids)
    return result


def dry_run_rows(
    workspace: Workspace, session: Session, source: RowSource, target: ImportTarget,
    policy: MatchPolicy, progress: ProgressCallback | None = None,
) -> DryRunReport:
    result = plan_rows(workspace, session, source, target, policy, progress)
    outcomes = [
        RowOutcome(v.row, v.action, v.label, tuple(v.issues), v.same_as_row)
        for v in result.rows
    ]
    return DryRunReport(counts_of(result), outcomes)


def run_rows(
    workspace: Workspace, session: Session, source: RowSource, target: ImportTarget,
    policy: MatchPolicy, progress: ProgressCallback | None = None,
) -> ImportResult:
    """Plan and write in ONE transaction (the shop cannot change in between), audited."""
    session.require(Permission.IMPORT)
    db = workspace.shop.db
    try:
        with gc_paused(), db.large_transaction():
            result = plan_rows(workspace, session, source, target, policy, progress,
                               labels=False, on_writer=True, read_span=_READ_SHARE)
            counts = counts_of(result)
            writer = PlanWriter(db.conn, utc_now_iso())
            batch_id = writer.start_batch(source.file_name, source.sheet, target.value,
                                          session.actor)
            plan = result.plan
            total = (len(plan.new_customers) + len(plan.customer_changes)
                     + len(plan.new_orders) + len(plan.new_feedback))
            errors = errors_of(result)
            release(result.rows)  # not needed for writing: free before the write's peak
            writer.write(batch_id, plan, _progress_writer(progress, total))
            store_resident_ids(workspace, db.conn, plan.resident_ids, writer.first_customer,
                               batch_id, overwrite=policy is MatchPolicy.OVERWRITE)
            count_map = counts_dict(counts)
            writer.finish_batch(batch_id, count_map)
            workspace.trail.append(
                session.actor, "import.completed", f"import:{batch_id}",
                {"file": source.file_name, "sheet": source.sheet, "target": target.value,
                 "policy": policy.value, **count_map},
            )
            crash_point(CRASH_BEFORE_COMMIT)
            if progress is not None:
                progress(PROGRESS_SPAN, PROGRESS_SPAN)
            _release_plan(result)
    except IntegrityError:
        raise ImportClashError() from None
    workspace.trail.anchor()
    return ImportResult(batch_id, counts, errors)


def _release_plan(result: PlanResult) -> None:
    plan = result.plan
    release(result.rows)
    plan.new_customers.release(_RELEASE_SLICE)
    release(plan.customer_changes)
    release(plan.new_accounts)
    release(plan.new_orders)
    release(plan.order_changes)
    release(plan.new_feedback)
    release(plan.resident_ids)


def counts_dict(counts: ImportCounts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in ImportCounts.__dataclass_fields__}


def undo(workspace: Workspace, session: Session, batch_id: int) -> ImportCounts:
    session.require(Permission.IMPORT)
    db = workspace.shop.db
    with db.transaction():
        batch = get_batch(db.conn, batch_id)
        if batch is None:
            raise BatchNotFoundError(batch=batch_id)
        if batch.undone_at is not None:
            raise BatchAlreadyUndoneError(batch=batch_id)
        report = undo_batch(db.conn, batch, session.actor, utc_now_iso())
        kept = len(report.kept_customers) + len(report.kept_orders) + len(report.kept_feedback)
        counts = ImportCounts(
            customers_created=report.customers_removed,
            customers_updated=report.customers_restored,
            orders_updated=report.orders_restored,
            orders_created=report.orders_removed,
            feedback_created=report.feedback_removed,
            skipped=kept,
        )
        workspace.trail.append(
            session.actor, "import.undone", f"import:{batch_id}",
            {"customers_removed": report.customers_removed,
             "customers_restored": report.customers_restored,
             "orders_removed": report.orders_removed,
             "orders_restored": report.orders_restored,
             "feedback_removed": report.feedback_removed,
             "kept_changed_since": kept},
        )
    workspace.trail.anchor()
    return counts
