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

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import TypeVar

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
from desktop.exchange import cells
from desktop.exchange.cells import Converted
from desktop.exchange.fields import is_field
from desktop.exchange.header import row_kind
from desktop.exchange.layouts import layout_by_id
from desktop.exchange.layouts_catalog import Layout
from desktop.exchange.statuses import (
    CHANNELS,
    FEEDBACK_KIND,
    FEEDBACK_STATUS,
    FULFILLMENT_STATUS,
    ORDER_STATUS,
)

T = TypeVar("T")

ORDER_NO_MISSING = "This order row has no order number; map the order number column or fill it in."
FEEDBACK_EMPTY = "This feedback row has neither content nor a rating."

_JOIN_WITH = {
    "customer.address_detail": " ", "customer.notes": "; ", "order.ship_address": " ",
    "order.ship_name": " ", "order.notes": "; ", "feedback.content": "\n",
    "feedback.resolution": "; ",
}
_ORDER_NO = "order.order_no"
_CJK = re.compile(r"[\u3400-\u9fff]")
_FINAL_ORDER_STATES = (OrderStatus.REFUNDED.value, OrderStatus.CANCELLED.value)


class _Row:
    """One data row being read: its cells by field, and the issues found so far."""

    def __init__(
        self, number: int, values: dict[str, list[Cell]], month_first: bool, zone: tzinfo
    ) -> None:
        self.number = number
        self.values = values
        self.month_first = month_first
        self.zone = zone
        self.issues: list[RowIssue] = []

    def has(self, key: str) -> bool:
        return key in self.values

    def note(self, key: str, converted: Converted[T]) -> T | None:
        for note in converted.notes:
            self.issues.append(
                RowIssue(self.number, key, note.reason, dict(note.params), note.warning)
            )
        return converted.value

    def first(self, key: str, convert: Callable[[Cell], Converted[T]]) -> T | None:
        """The first non-empty cell of the field's columns, converted."""
        for cell in self.values.get(key, ()):
            if cells.text(cell) is not None or isinstance(cell, int | float):
                return self.note(key, convert(cell))
        return None

    def joined(self, key: str, convert: Callable[[Cell], Converted[str]]) -> str | None:
        parts = [self.note(key, convert(cell)) for cell in self.values.get(key, ())]
        kept = [part for part in parts if part]
        return _JOIN_WITH.get(key, " ").join(kept) if kept else None

    def text(self, key: str) -> str | None:
        if key in _JOIN_WITH:
            return self.joined(key, cells.plain_text)
        return self.first(key, cells.plain_text)

    def personal(self, key: str) -> str | None:
        if key in _JOIN_WITH:
            return self.joined(key, cells.personal_text)
        return self.first(key, cells.personal_text)

    def moment(self, key: str) -> str | None:
        return self.first(
            key, lambda cell: cells.moment(cell, zone=self.zone, month_first=self.month_first)
        )

    def choice(self, key: str, table: dict[str, str], unknown: str, param: str) -> str | None:
        for cell in self.values.get(key, ()):
            value, unknown_text = cells.choice(cell, table)
            if value is not None:
                return value
            if unknown_text is not None:
                self.issues.append(
                    RowIssue(self.number, key, unknown, {param: unknown_text[:40]}, warning=True)
                )
                return None
        return None


def _full_name(first: str | None, last: str | None) -> str | None:
    if first and last:
        if _CJK.search(first) and _CJK.search(last):
            return last + first
        return f"{first} {last}"
    return first or last


def _customer(row: _Row, platform: str | None, target: ImportTarget) -> CustomerFields | None:
    name = row.personal("customer.name") or _full_name(
        row.personal("customer.first_name"), row.personal("customer.last_name")
    )
    fields = CustomerFields(
        member_no=row.first("customer.member_no", cells.identifier),
        name=name,
        gender=row.first("customer.gender", cells.gender),
        birthday=row.first(
            "customer.birthday", lambda cell: cells.birthday(cell, month_first=row.month_first)
        ),
        phone=row.first("customer.phone", cells.phone),
        email=row.first("customer.email", cells.email),
        wechat_id=row.text("customer.wechat_id"),
        platform_account=row.first("customer.platform_account", cells.identifier),
        id_number=row.first("customer.id_number", cells.resident_id),
        province=row.text("customer.province"),
        city=row.text("customer.city"),
        district=row.text("customer.district"),
        address_detail=row.personal("customer.address_detail"),
        level=row.text("customer.level"),
        points=row.first("customer.points", cells.whole_number),
        balance_cents=row.first("customer.balance", cells.cents),
        tags=tuple(
            dict.fromkeys(
                tag for cell in row.values.get("customer.tags", ()) for tag in cells.tags(cell)
            )
        ),
        notes=row.text("customer.notes"),
        source=row.text("customer.source"),
    )
    if fields == CustomerFields() and target is not ImportTarget.CUSTOMERS:
        return None
    if platform and fields != CustomerFields():
        fields = dataclasses.replace(fields, platform=platform)
    return fields


def _order_status(row: _Row) -> str | None:
    unknown = cells.STATUS_UNKNOWN
    status = row.choice("order.status", ORDER_STATUS, unknown, "status")
    fulfilment = row.choice("order.fulfillment_status", FULFILLMENT_STATUS, unknown, "status")
    if row.first("order.cancelled_at", cells.plain_text) and status != OrderStatus.REFUNDED:
        return OrderStatus.CANCELLED.value
    if status in _FINAL_ORDER_STATES or status == OrderStatus.PENDING.value:
        return status
    if fulfilment in (OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value):
        return fulfilment
    return status or fulfilment


def _item(row: _Row) -> ItemFields | None:
    name = row.text("item.product_name")
    sku = row.first("item.sku", cells.identifier)
    quantity = row.first("item.quantity", cells.quantity)
    unit_price = row.first("item.unit_price", cells.cents)
    amount = row.first("item.amount", cells.cents)
    if not name and not sku:
        return None
    return ItemFields(
        product_name=name or sku or "",
        quantity=quantity or 1,
        sku=sku or "",
        unit_price_cents=unit_price,
        amount_cents=amount,
    )


def _channel(row: _Row, key: str, platform: str | None) -> str:
    for cell in row.values.get(key, ()):
        value, unknown_text = cells.choice(cell, CHANNELS)
        if value or unknown_text:
            return value or unknown_text or ""
    return platform or ""


def _order(row: _Row, platform: str | None) -> OrderFields | None:
    order_no = row.first("order.order_no", cells.identifier)
    ordered_at = row.moment("order.ordered_at") or row.moment("order.paid_at")
    item = _item(row)
    order = OrderFields(
        order_no=order_no or "",
        channel=_channel(row, "order.channel", platform),
        status=_order_status(row),
        ordered_at=ordered_at,
        total_cents=row.first("order.total", cells.cents),
        discount_cents=row.first("order.discount", cells.cents),
        shipping_cents=row.first("order.shipping", cells.cents),
        paid_cents=row.first("order.paid", cells.cents),
        ship_name=row.personal("order.ship_name"),
        ship_phone=row.first("order.ship_phone", cells.phone),
        ship_address=row.personal("order.ship_address"),
        notes=row.text("order.notes"),
        items=(item,) if item else (),
    )
    if order_no is None:
        if not any(issue.field == _ORDER_NO for issue in row.issues):
            row.issues.append(RowIssue(row.number, _ORDER_NO, ORDER_NO_MISSING))
        return None
    return order


def _feedback(row: _Row, layout: Layout | None) -> FeedbackFields | None:
    title = row.text("feedback.title")
    content = row.text("feedback.content")
    rating = row.first("feedback.rating", cells.rating)
    kind = None
    for cell in row.values.get("feedback.kind", ()):
        kind, unknown_text = cells.choice(cell, FEEDBACK_KIND)
        if unknown_text is not None:
            row.issues.append(
                RowIssue(row.number, "feedback.kind", cells.FEEDBACK_KIND_UNKNOWN,
                         {"kind": unknown_text[:40]}, warning=True)
            )
            kind = FeedbackKind.INQUIRY.value
        if kind:
            break
    if kind is None:
        default = layout.default_feedback_kind if layout else None
        kind = default or (FeedbackKind.REVIEW if rating else FeedbackKind.INQUIRY).value
    text = "\n".join(part for part in (title, content) if part)
    fields = FeedbackFields(
        kind=kind,
        content=text,
        rating=rating,
        channel=_channel(row, "feedback.channel", layout.platform if layout else None),
        status=row.choice("feedback.status", FEEDBACK_STATUS, cells.STATUS_UNKNOWN, "status"),
        received_at=row.moment("feedback.received_at"),
        resolution=row.text("feedback.resolution"),
        order_no=row.first("feedback.order_no", cells.identifier),
        product=row.text("feedback.product"),
    )
    if not text and rating is None:
        row.issues.append(RowIssue(row.number, "", FEEDBACK_EMPTY))
        return None
    return fields


def _buyer_from_order(
    customer: CustomerFields | None, order: OrderFields | None
) -> CustomerFields | None:
    """The recipient stands in for the buyer where the file has no buyer columns."""
    if customer is None and order is None:
        return None
    base = customer or CustomerFields()
    if order is not None:
        base = dataclasses.replace(
            base,
            name=base.name or order.ship_name,
            phone=base.phone or order.ship_phone,
            address_detail=base.address_detail or order.ship_address,
        )
    return None if base == CustomerFields() else base


def _zone(layout: Layout | None, local_zone: tzinfo | None) -> tzinfo:
    if layout is not None and layout.local_utc_offset_hours is not None:
        return timezone(timedelta(hours=layout.local_utc_offset_hours))
    return local_zone or datetime.now().astimezone().tzinfo or UTC


def parse_rows(
    rows: Iterable[Sequence[Cell]],
    *,
    first_row_number: int,
    mapping: Sequence[ColumnMapping],
    target: ImportTarget,
    layout: str | None = None,
    local_zone: tzinfo | None = None,
) -> Iterator[ParsedRow]:
    """Parse the rows after the header row; ``first_row_number`` is the 1-based spreadsheet
    row number of the first of them. ``local_zone``: the shop's time zone for naive times
    (default: this computer's); Chinese platform layouts always use China Standard Time."""
    known = layout_by_id(layout)
    month_first = known.month_first if known else False
    platform = known.platform if known else None
    zone = _zone(known, local_zone)
    columns: dict[str, list[int]] = {}
    for entry in mapping:
        if entry.field and is_field(entry.field):
            columns.setdefault(entry.field, []).append(entry.column)
    for offset, row_cells in enumerate(rows):
        number = first_row_number + offset
        kind = row_kind(row_cells, mapping)
        if kind is not RowKind.DATA:
            yield ParsedRow(row=number, kind=kind)
            continue
        width = len(row_cells)
        values = {
            key: [row_cells[column] for column in indexes if column < width]
            for key, indexes in columns.items()
        }
        row = _Row(number, values, month_first, zone)
        yield _parse(row, target, known, platform)


def _parse(
    row: _Row, target: ImportTarget, layout: Layout | None, platform: str | None
) -> ParsedRow:
    if target is ImportTarget.CUSTOMERS:
        customer = _customer(row, platform, target)
        return ParsedRow(row.number, RowKind.DATA, customer=customer, issues=tuple(row.issues))
    if target is ImportTarget.ORDERS:
        order = _order(row, platform)
        buyer = _buyer_from_order(_customer(row, platform, target), order)
        if buyer is not None and platform and buyer.platform is None:
            buyer = dataclasses.replace(buyer, platform=platform)
        return ParsedRow(
            row.number, RowKind.DATA, customer=buyer, order=order, issues=tuple(row.issues)
        )
    feedback = _feedback(row, layout)
    customer = _customer(row, None, target)
    return ParsedRow(
        row.number, RowKind.DATA, customer=customer, feedback=feedback, issues=tuple(row.issues)
    )
