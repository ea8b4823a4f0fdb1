"""What one report writes: its sheets (column headers, cell kinds) and its rows, read in
batches through the calling thread's reader connection and masked as they stream — never all
rows at once.

Orders: an accountant sums and pivots, so the workbook has an Orders sheet (one row per
order, with its amounts) and an Order items sheet (one row per item, led by the order's
number, date, channel and status): both sum correctly, and items pivot by product. A CSV
holds one table, so there each item is a row with its order's fields, and the order's
amounts are given on the order's first line only (a column sum still adds each order once).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from functools import partial
from typing import Final, TypeVar

from desktop.core.errors import FieldErrors
from desktop.core.models import FeedbackKind, FeedbackStatus, OrderStatus
from desktop.exchange.export_cells import CellValue, Column, Row, Sheet
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
from desktop.services.exports_columns import (
    ITEM_LEAD,
    ORDER_AMOUNT_KEYS,
    PSEUDONYM,
    ColumnDef,
    chosen_columns,
)
from desktop.services.exports_cover import (
    Translate,
    customer_filter_words,
    feedback_filter_words,
    order_filter_words,
)
from desktop.services.exports_customer_rows import CustomerRows, customer_rows
from desktop.services.exports_pipeline import Batch, SheetRows
from desktop.services.exports_rows import (
    ITEM_FIELDS,
    LocalTimes,
    Masker,
    Pseudonym,
    feedback_getters,
    order_getters,
)
from desktop.services.exports_sensitive import ResidentIdCells
from desktop.services.exports_texts import CODE_COLUMN_LABELS, code_labels, labelled
from desktop.services.feedback import COMPLAINT_OVERDUE_AFTER
from desktop.services.order_views import Clock, FeedbackFilter, LocalTime, OrderFilter, iso_utc
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.export_columns import CustomerColumns, JoinedColumns
from desktop.store.export_queries import (
    ExportOrder,
    ExportQueries,
    streaming_cache,
)
from desktop.store.feedback_queries import FeedbackListRow, FeedbackQueries, FeedbackQuery
from desktop.store.order_queries import OrderQueries, OrderQuery

BATCH: Final = 1_000
"""Records read, masked and written per step (progress and cancel happen between steps)."""
CUSTOMER_CACHE_MIB: Final = 28
"""The reading connection's page cache while the customer report streams. Unlike orders and
feedback (read in index order, each page about once), customers come in the order asked for —
newest first is random in the table — so each 1,000 touch ~1,000 table pages, and a page
dropped from the cache is decrypted again later. At 100,000 customers (a table of ~26 MiB)
reading the stored rows a column at a time costs ~0.8 s of CPU with 24 MiB and ~0.65 s with
28 or 32 MiB; 28 keeps the export's peak memory at ~90 MiB, under 100 MB (bench/README.md,
bench_export)."""
ID_CHUNK: Final = 10_000
"""Customer ids fetched per query of the id walk (a list of 10,000 ints is ~0.4 MiB; the
walk's default 50,000 would hold ~2 MiB, twice while the next chunk is read).

The whole walk is read before the first batch, into an array of 8 bytes an id (0.8 MiB per
100,000): the walk fetches a row a step and gives up the GIL for each, so walked between
batches, while the writer thread masks and writes, every step waited for the GIL — ~1 s of
waiting per 100,000 in chunks of 1,000, and the writer thread running dry for 10–20 ms at
each chunk of 10,000. Alone, before the writer has work, it takes ~60 ms
(bench/README.md, bench_export)."""
STATUS_INVALID: Final = "Choose a status from the list."
KIND_INVALID: Final = "Choose a kind from the list."

R = TypeVar("R")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReportPlan:
    sheets: tuple[Sheet, ...]
    columns: tuple[ColumnDef, ...]
    filters: str
    total: int
    batches: Iterator[Batch]


@dataclass(frozen=True, slots=True)
class ReportContext:
    workspace: Workspace
    session: Session
    masked: bool
    tz: tzinfo | None
    clock: Clock
    pseudonym: Pseudonym | None
    tr: Translate


def plan_report(ctx: ReportContext, request: ExportRequest) -> ReportPlan:
    columns = chosen_columns(request.kind, request.columns)
    if request.kind is ReportKind.CUSTOMERS:
        return _customers(ctx, request, columns)
    if request.kind is ReportKind.ORDERS:
        return _orders(ctx, request, columns)
    return _feedback(ctx, request, columns)


def _sheet(ctx: ReportContext, name: str, columns: Sequence[ColumnDef]) -> Sheet:
    lead = (PSEUDONYM,) if ctx.pseudonym is not None else ()
    return Sheet(ctx.tr(name), tuple(
        Column(ctx.tr(c.column.label), c.kind, c.width) for c in (*lead, *columns)
    ))


def _words_for_codes(ctx: ReportContext, getters: list[Callable[[R], CellValue]],
                     columns: Sequence[ColumnDef]) -> list[Callable[[R], CellValue]]:
    """``getters`` (the last ones are ``columns``') writing code columns as translated words."""
    offset = len(getters) - len(columns)
    for index, column in enumerate(columns, start=offset):
        labels = CODE_COLUMN_LABELS.get(column.key)
        if labels is not None:
            getters[index] = labelled(getters[index], code_labels(labels, ctx.tr))
    return getters


# ---------------------------------------------------------------------------- customers


def _customers(ctx: ReportContext, request: ExportRequest,
               columns: tuple[ColumnDef, ...]) -> ReportPlan:
    service = CustomerService(ctx.workspace)
    flt = request.customers or CustomerFilter()
    sort = request.customer_sort or CustomerSort.NEWEST
    total = service.count(ctx.session, flt)
    id_chunks = service.iter_ids(ctx.session, flt, sort, ID_CHUNK)
    build_rows = customer_rows(
        columns, Masker(ctx.masked), LocalTimes(ctx.tz), ctx.pseudonym,
        labels={c.key: code_labels(CODE_COLUMN_LABELS[c.key], ctx.tr)
                for c in columns if c.key in CODE_COLUMN_LABELS},
    )
    db = ctx.workspace.shop.db
    with_resident_ids = any(c.key == "customer.resident_id" for c in columns)
    wanted, tags = build_rows.stored_columns()

    def batches() -> Iterator[Batch]:
        reader = db.reader()
        queries = ExportQueries(reader)
        resident_ids = (ResidentIdCells(ctx.workspace, ctx.session, reader, ctx.masked)
                        if with_resident_ids else None)
        # A column at a time in one statement a batch (desktop.store.export_columns); a
        # batch it cannot read exactly, and every batch with resident IDs (appended to each
        # record here), as records.
        by_columns = None if with_resident_ids else CustomerColumns(
            reader, wanted, tags, build_rows.shows_null_as_empty())
        walked = array("q")
        for chunk in id_chunks:  # the id walk reads through its own connection (ID_CHUNK)
            walked.extend(chunk)
        with streaming_cache(reader, CUSTOMER_CACHE_MIB):
            for start in range(0, len(walked), BATCH):
                part = walked[start : start + BATCH].tolist()
                stored = None if by_columns is None else by_columns.read(part)
                if stored is not None:
                    yield len(stored), partial(_from_joined, build_rows, stored)
                    continue
                records = queries.customer_records(part, wanted, tags)
                if resident_ids is not None:
                    records = resident_ids.appended(records)
                yield len(records), partial(_one_sheet, build_rows, records)

    return ReportPlan(
        (_sheet(ctx, "Customers", columns),), columns,
        customer_filter_words(request.customers, sort, ctx.masked, ctx.tr), total, batches(),
    )


def _one_sheet(rows: Callable[[T], Sequence[Row]], stored: T) -> SheetRows:
    return (rows(stored),)


def _from_joined(rows: CustomerRows, stored: JoinedColumns) -> SheetRows:
    return (rows.from_columns(stored.columns()),)


# ------------------------------------------------------------------------------- orders


def order_query(flt: OrderFilter | None, tz: tzinfo | None, clock: Clock) -> OrderQuery:
    flt = flt or OrderFilter()
    start, before = LocalTime(tz, clock).range(flt.date_from, flt.date_to)
    try:
        status = OrderStatus(flt.status) if flt.status else None
    except ValueError:
        raise FieldErrors({"status": STATUS_INVALID}) from None
    return OrderQuery(start, before, status, flt.channel or None, flt.customer_id)


def _orders(ctx: ReportContext, request: ExportRequest,
            columns: tuple[ColumnDef, ...]) -> ReportPlan:
    query = order_query(request.orders, ctx.tz, ctx.clock)
    reader = ctx.workspace.shop.db.reader()
    total = OrderQueries(reader).count(query)
    order_cols = tuple(c for c in columns if c.key.startswith("order."))
    item_cols = tuple(c for c in columns if c.key.startswith("item."))
    mask, local = Masker(ctx.masked), LocalTimes(ctx.tz)
    item_values = [ITEM_FIELDS[c.key] for c in item_cols]
    flat = request.fmt is ExportFormat.CSV
    sheets: tuple[Sheet, ...]
    if flat:
        sheets = (_sheet(ctx, "Orders", (*order_cols, *item_cols)),)
        getters = _words_for_codes(
            ctx, order_getters(order_cols, mask, local, ctx.pseudonym), order_cols)
        first_only = [i for i, c in enumerate(order_cols, start=len(getters) - len(order_cols))
                      if c.key in ORDER_AMOUNT_KEYS]
    else:
        sheets = tuple(
            sheet for sheet, wanted in (
                (_sheet(ctx, "Orders", order_cols), bool(order_cols)),
                (Sheet(ctx.tr("Order items"), tuple(
                    Column(ctx.tr(c.column.label), c.kind, c.width)
                    for c in (*ITEM_LEAD, *item_cols))), bool(item_cols)),
            ) if wanted
        )
        getters = _words_for_codes(ctx, order_getters(order_cols, mask, local, ctx.pseudonym),
                                   order_cols) if order_cols else []
        lead = _words_for_codes(ctx, order_getters(ITEM_LEAD, mask, local, None), ITEM_LEAD)
        first_only = []

    def flat_rows(found: list[ExportOrder]) -> SheetRows:
        rows: list[Row] = []
        for entry in found:
            head = [get(entry) for get in getters]
            for line, item in enumerate(entry.order.items or (None,)):
                row: list[CellValue] = list(head)
                if line:
                    for index in first_only:
                        row[index] = None
                rows.append(row + [value(item) if item else None for value in item_values])
        return (rows,)

    def sheet_rows(found: list[ExportOrder]) -> SheetRows:
        orders: list[Row] = [[get(e) for get in getters] for e in found] if order_cols else []
        items: list[Row] = []
        if item_cols:
            for entry in found:
                head = [get(entry) for get in lead]
                items += [head + [value(item) for value in item_values]
                          for item in entry.order.items]
        return tuple(rows for rows, wanted in ((orders, bool(order_cols)),
                                               (items, bool(item_cols))) if wanted)

    def batches() -> Iterator[Batch]:
        reader = ctx.workspace.shop.db.reader()
        with streaming_cache(reader):
            for found in ExportQueries(reader).order_batches(query, BATCH):
                yield len(found), partial(flat_rows if flat else sheet_rows, found)

    return ReportPlan(sheets, columns, order_filter_words(request.orders, ctx.tr), total,
                      batches())


# ----------------------------------------------------------------------------- feedback


def feedback_query(flt: FeedbackFilter | None, session: Session, tz: tzinfo | None,
                   clock: Clock) -> FeedbackQuery:
    flt = flt or FeedbackFilter()
    try:
        kind = FeedbackKind(flt.kind) if flt.kind else None
    except ValueError:
        raise FieldErrors({"kind": KIND_INVALID}) from None
    try:
        status = FeedbackStatus(flt.status) if flt.status else None
    except ValueError:
        raise FieldErrors({"status": STATUS_INVALID}) from None
    start, before = LocalTime(tz, clock).range(flt.date_from, flt.date_to)
    return FeedbackQuery(
        kind=kind, status=status,
        assignee_user_id=session.user.id if flt.mine_open else None,
        unresolved_only=flt.mine_open, overdue_only=flt.overdue_only,
        customer_id=flt.customer_id, received_from=start, received_before=before,
    )


def _feedback(ctx: ReportContext, request: ExportRequest,
              columns: tuple[ColumnDef, ...]) -> ReportPlan:
    query = feedback_query(request.feedback, ctx.session, ctx.tz, ctx.clock)
    cutoff = iso_utc(ctx.clock() - COMPLAINT_OVERDUE_AFTER)
    total = FeedbackQueries(ctx.workspace.shop.db.reader()).count(query, cutoff)
    getters = _words_for_codes(ctx, feedback_getters(
        columns, Masker(ctx.masked), LocalTimes(ctx.tz), ctx.pseudonym), columns)

    def feedback_rows(found: list[FeedbackListRow]) -> SheetRows:
        return ([[get(f) for get in getters] for f in found],)

    def batches() -> Iterator[Batch]:
        reader = ctx.workspace.shop.db.reader()
        with streaming_cache(reader):
            for found in ExportQueries(reader).feedback_batches(query, cutoff, BATCH):
                yield len(found), partial(feedback_rows, found)

    return ReportPlan((_sheet(ctx, "Feedback", columns),), columns,
                      feedback_filter_words(request.feedback, ctx.tr), total, batches())

