"""Turn the data rows of a sheet into :class:`ParsedRow` values: mapped, cleaned, normalised.

* A customers sheet yields ``customer`` for every data row.
* An orders sheet yields ``order`` (one :class:`ItemFields` when the row has item columns; rows
  of one order share its number and the import service groups them) and ``customer`` (the
  buyer: name, phone, platform account, address; the recipient's name, phone and address stand
  in for the buyer's when the file has no separate buyer columns). A row that continues an
  order (Shopify repeats only the number and the item) has ``customer`` None unless it names
  the buyer.
* A feedback sheet yields ``feedback`` and, when the row identifies the author, ``customer``.

Several columns mapped to one field: texts (addresses, notes, names of the recipient) are
joined in column order; for other fields the first non-empty column wins; tags are merged.
Problems become :class:`RowIssue` values naming the row and field; blank and total rows come
back as ``RowKind.BLANK`` / ``RowKind.SUMMARY`` with nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from itertools import islice
from operator import attrgetter
from typing import Any

from desktop.core.import_types import (
    Cell,
    ColumnMapping,
    CustomerFields,
    FeedbackFields,
    ImportTarget,
    ItemFields,
    OrderFields,
    ParsedRow,
    RowIssue,
    RowKind,
)
from desktop.core.models import FeedbackKind, OrderStatus
from desktop.exchange.header import (
    HeaderTexts,
    has_summary_label,
    header_texts,
    repeats_header,
    row_kind,
)
from desktop.exchange.layouts import layout_by_id
from desktop.exchange.layouts_catalog import Layout
from desktop.exchange.platforms import platform_channel
from desktop.exchange.row_columns import BATCH, ColumnReader
from desktop.exchange.row_values import ATTRIBUTE_OF_KEY, RowReader
from desktop.exchange.synonyms import header_key

ORDER_NO_MISSING = "This order row has no order number; map the order number column or fill it in."
FEEDBACK_EMPTY = "This feedback row has neither content nor a rating."

_ORDER_NO = "order.order_no"
_CJK = re.compile(r"[\u3400-\u9fff]")
_KIND = attrgetter("kind")
_FINAL_ORDER_STATES = (OrderStatus.REFUNDED.value, OrderStatus.CANCELLED.value)

_NAME_KEYS = ("customer.name", "customer.first_name", "customer.last_name")
_RECIPIENT_FOR_BUYER = (
    ("customer.name", "order.ship_name"), ("customer.phone", "order.ship_phone"),
    ("customer.address_detail", "order.ship_address"),
)


def _full_name(first: str | None, last: str | None) -> str | None:
    if first and last:
        if _CJK.search(first) and _CJK.search(last):
            return last + first
        return f"{first} {last}"
    return first or last


def _customer(found: dict[str, Any], platform: str | None) -> CustomerFields | None:
    """The customer the row names, or None when it names nobody."""
    attribute_of = ATTRIBUTE_OF_KEY
    values = {attribute_of[key]: value for key, value in found.items() if key in attribute_of}
    name = found.get("customer.name") or _full_name(
        found.get("customer.first_name"), found.get("customer.last_name")
    )
    if name:
        values["name"] = name
    if not values:
        return None
    if platform:
        values["platform"] = platform
    return CustomerFields(**values)


def _order_status(found: dict[str, Any]) -> str | None:
    status: str | None = found.get("order.status")
    fulfilment: str | None = found.get("order.fulfillment_status")
    if "order.cancelled_at" in found and status != OrderStatus.REFUNDED.value:
        status = OrderStatus.CANCELLED.value
    if status == OrderStatus.CANCELLED.value and "order.refund" in found:
        return OrderStatus.REFUNDED.value  # closed because the money went back
    if status == OrderStatus.CANCELLED.value:
        return status
    if status in _FINAL_ORDER_STATES or status == OrderStatus.PENDING.value:
        return status
    if fulfilment in (OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value):
        return fulfilment
    return status or fulfilment


def _item(found: dict[str, Any], summary: bool) -> ItemFields | None:
    name = found.get("item.product_name")
    sku = found.get("item.sku")
    if not name and not sku:
        return None
    return ItemFields(
        product_name=str(name or sku),
        quantity=found.get("item.quantity") or 1,
        sku=sku or "",
        unit_price_cents=found.get("item.unit_price"),
        amount_cents=found.get("item.amount"),
        summary=summary,
    )


def _order(
    found: dict[str, Any], issues: list[RowIssue], number: int, layout: Layout | None
) -> OrderFields | None:
    platform = layout.platform if layout else None
    order_no = found.get(_ORDER_NO)
    if order_no is None:
        if not any(issue.field == _ORDER_NO for issue in issues):
            issues.append(RowIssue(number, _ORDER_NO, ORDER_NO_MISSING))
        return None
    item = _item(found, layout.item_is_summary if layout else False)
    items: tuple[ItemFields, ...] = ((item,) if item else ()) + found.get("item.packed", ())
    return OrderFields(
        order_no=order_no,
        channel=found.get("order.channel") or platform_channel(platform),
        status=_order_status(found),
        ordered_at=found.get("order.ordered_at") or found.get("order.paid_at"),
        total_cents=found.get("order.total"),
        discount_cents=found.get("order.discount"),
        shipping_cents=found.get("order.shipping"),
        paid_cents=found.get("order.paid"),
        ship_name=found.get("order.ship_name"),
        ship_phone=found.get("order.ship_phone"),
        ship_address=found.get("order.ship_address"),
        notes=found.get("order.notes"),
        items=items,
    )


def _buyer(found: dict[str, Any], platform: str | None) -> CustomerFields | None:
    """The buyer of an order row; the recipient stands in where the file has no buyer
    columns."""
    merged = dict(found)
    named = any(key in found for key in _NAME_KEYS)
    for own, recipient in _RECIPIENT_FOR_BUYER:
        if own not in found and recipient in found and not (own in _NAME_KEYS and named):
            merged[own] = found[recipient]
    return _customer(merged, platform)


def _feedback(
    found: dict[str, Any], issues: list[RowIssue], number: int, layout: Layout | None
) -> FeedbackFields | None:
    rating = found.get("feedback.rating")
    content = "\n".join(
        part for part in (found.get("feedback.title"), found.get("feedback.content")) if part
    )
    if not content and rating is None:
        issues.append(RowIssue(number, "", FEEDBACK_EMPTY))
        return None
    kind = found.get("feedback.kind") or (layout.default_feedback_kind if layout else None)
    if kind is None:
        kind = (FeedbackKind.REVIEW if rating else FeedbackKind.INQUIRY).value
    return FeedbackFields(
        kind=kind,
        content=content,
        rating=rating,
        channel=found.get("feedback.channel")
        or platform_channel(layout.platform if layout else None),
        status=found.get("feedback.status"),
        received_at=found.get("feedback.received_at"),
        resolution=found.get("feedback.resolution"),
        order_no=found.get("feedback.order_no"),
        product=found.get("feedback.product"),
    )


def _zone(layout: Layout | None, local_zone: tzinfo | None) -> tzinfo:
    if layout is not None and layout.local_utc_offset_hours is not None:
        return timezone(timedelta(hours=layout.local_utc_offset_hours))
    return local_zone or datetime.now().astimezone().tzinfo or UTC


def _region_columns(layout: Layout | None, mapping: Sequence[ColumnMapping]) -> list[int]:
    """The columns that name the row's country (see ``Layout.phone_region_headers``)."""
    if layout is None or not layout.phone_region_headers:
        return []
    wanted = {header_key(header) for header in layout.phone_region_headers}
    return [entry.column for entry in mapping if header_key(entry.header) in wanted]


def parse_rows(
    rows: Iterable[Sequence[Cell]],
    *,
    first_row_number: int,
    mapping: Sequence[ColumnMapping],
    target: ImportTarget,
    layout: str | None = None,
    local_zone: tzinfo | None = None,
    by_column: bool = True,
) -> Iterator[ParsedRow]:
    """Parse the rows after the header row; ``first_row_number`` is the 1-based spreadsheet
    row number of the first of them. ``local_zone``: the shop's time zone for naive times
    (default: this computer's); Chinese platform layouts always use China Standard Time.
    ``by_column=False`` keeps a customers sheet on the row-at-a-time path (the column path,
    ``desktop.exchange.row_columns``, gives the same rows; its tests compare the two).

    A row whose mapped cells are all empty is BLANK (also when unmapped columns hold
    something, e.g. a running number); a 合计/Total row is SUMMARY; a row holding the mapped
    columns' own names again is HEADER (``header.repeats_header``), and a lone value right
    above it is TITLE, the title of the table it heads. With nothing mapped at
    all, rows with content are DATA (and carry nothing, so the import rejects them)."""
    known = layout_by_id(layout)
    platform = known.platform if known else None
    reader = RowReader(
        mapping, month_first=known.month_first if known else False, zone=_zone(known, local_zone),
        region_columns=_region_columns(known, mapping),
    )
    headers = header_texts(mapping)
    if by_column and target is ImportTarget.CUSTOMERS and ColumnReader.handles(reader):
        parsed = ColumnReader(reader, platform, headers).parse(iter(rows), first_row_number)
    else:
        parsed = _parse_rows(rows, first_row_number, reader, target, known, headers)
    yield from _titles_above_headers(parsed) if len(headers) >= 2 else parsed


def _parse_rows(
    rows: Iterable[Sequence[Cell]], first_row_number: int, reader: RowReader,
    target: ImportTarget, known: Layout | None, headers: HeaderTexts,
) -> Iterator[ParsedRow]:
    platform = known.platform if known else None
    for number, row_cells in enumerate(rows, start=first_row_number):
        if has_summary_label(row_cells):
            yield ParsedRow(row=number, kind=RowKind.SUMMARY)
            continue
        if repeats_header(row_cells, headers):
            yield ParsedRow(row=number, kind=RowKind.HEADER)
            continue
        found, issues = reader.read(row_cells, number)
        if not found and not issues and (reader.mapped or row_kind(row_cells) is RowKind.BLANK):
            yield ParsedRow(row=number, kind=RowKind.BLANK)
            continue
        if target is ImportTarget.CUSTOMERS:
            member = _customer(found, platform) or CustomerFields()
            yield ParsedRow(number, RowKind.DATA, customer=member, issues=tuple(issues))
        elif target is ImportTarget.ORDERS:
            order = _order(found, issues, number, known)
            buyer = _buyer(found, platform)
            yield ParsedRow(number, RowKind.DATA, customer=buyer, order=order, issues=tuple(issues))
        else:
            feedback = _feedback(found, issues, number, known)
            customer = _customer(found, None)
            yield ParsedRow(
                number, RowKind.DATA, customer=customer, feedback=feedback, issues=tuple(issues)
            )


def _titles_above_headers(parsed: Iterable[ParsedRow]) -> Iterator[ParsedRow]:
    """``parsed`` with the title of each table pasted under another ("二月" above February's
    repeated header: a row of at most one value, blank rows aside) made a TITLE row,
    not a customer whose member number is "二月". Rows go on in batches; a batch's last data
    row (and the blank rows after it) waits for the next batch, which may open with a header.
    """
    rows_of = iter(parsed)
    held: list[ParsedRow] = []
    while batch := list(islice(rows_of, BATCH)):
        rows = held + batch if held else batch
        kinds = list(map(_KIND, rows))
        if RowKind.HEADER in kinds:
            _mark_titles(rows, kinds)
        last = len(rows) - 1
        while last >= 0 and kinds[last] is RowKind.BLANK:
            last -= 1
        split = last if last >= 0 and kinds[last] is RowKind.DATA else len(rows)
        yield from rows[:split]
        held = rows[split:]
    yield from held


def _mark_titles(rows: list[ParsedRow], kinds: list[RowKind]) -> None:
    for index, kind in enumerate(kinds):
        if kind is not RowKind.HEADER:
            continue
        above = index - 1
        while above >= 0 and kinds[above] is RowKind.BLANK:
            above -= 1
        if above >= 0 and kinds[above] is RowKind.DATA and _at_most_one_value(rows[above]):
            rows[above] = ParsedRow(rows[above].row, RowKind.TITLE)
            kinds[above] = RowKind.TITLE


def _at_most_one_value(row: ParsedRow) -> bool:
    if row.order is not None or row.feedback is not None:
        return False
    customer = row.customer
    values = () if customer is None else customer._replace(platform=None)
    return sum(1 for value in values if value not in (None, "", ())) <= 1

