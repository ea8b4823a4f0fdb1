"""Read the mapped cells of one row into normalised values by field key, with the issues found.

The work per row is planned once per sheet (:class:`RowReader`): which columns feed which
field, through which converter, so a row only touches its mapped cells. Several columns on one
field: texts listed in ``JOIN_WITH`` are joined in column order, tags are merged, a phone
is the first mobile number among them (else the first number), and for any other field the
first column with a usable value wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import tzinfo
from functools import partial
from typing import Any

import phonenumbers

from desktop.core.import_types import Cell, ColumnMapping, RowIssue
from desktop.core.models import FeedbackKind, OrderStatus
from desktop.core.validation import is_cn_mobile
from desktop.exchange import cells
from desktop.exchange.addresses import shipping_address
from desktop.exchange.cells import Converted, Note
from desktop.exchange.fields import is_field
from desktop.exchange.packed_items import packed_items
from desktop.exchange.phone_regions import PHONE_KEYS, regional_phone, row_region
from desktop.exchange.statuses import (
    CHANNELS,
    FEEDBACK_KIND,
    FEEDBACK_STATUS,
    FULFILLMENT_STATUS,
    ORDER_STATUS,
    choice,
)

Converter = Callable[[Cell], Converted[Any]]
# field key, its first column, converter, all its columns when several, remembered results
# of text cells (by the text) and of other cells (by type and value: 1, 1.0 and True are
# equal keys but may convert differently)
_Step = tuple[
    str, int, Converter, tuple[int, ...] | None, dict[str, Converted[Any]],
    dict[tuple[type, Cell], Converted[Any]],
]

JOIN_WITH = {
    "customer.address_detail": " ", "customer.notes": "; ", "order.ship_address": " ",
    "order.ship_name": " ", "order.notes": "; ", "feedback.content": "\n",
    "feedback.resolution": "; ",
}
TAGS = "customer.tags"
OTHER_VALUES_LEFT_OUT = (
    "Several columns give this field different values: one is kept (a mobile before other "
    "phones, else the first); the others ({count}) are not imported. Copy them into the "
    "notes if they matter."
)
_MOBILE_TYPES = frozenset({
    phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
})
_CUSTOMER_ATTRIBUTES = (
    ("member_no", "customer.member_no"), ("gender", "customer.gender"),
    ("birthday", "customer.birthday"), ("phone", "customer.phone"),
    ("email", "customer.email"), ("wechat_id", "customer.wechat_id"),
    ("platform_account", "customer.platform_account"), ("id_number", "customer.id_number"),
    ("province", "customer.province"), ("city", "customer.city"),
    ("district", "customer.district"), ("address_detail", "customer.address_detail"),
    ("level", "customer.level"), ("points", "customer.points"),
    ("balance_cents", "customer.balance"), ("tags", "customer.tags"),
    ("notes", "customer.notes"), ("source", "customer.source"),
)
ATTRIBUTE_OF_KEY = {key: attr for attr, key in _CUSTOMER_ATTRIBUTES}
"""Customer field key → the CustomerFields attribute it fills."""
REFUNDED = OrderStatus.REFUNDED.value
_UNKNOWN_SHOWN = 40  # characters of an unknown status shown back in the warning
REMEMBERED = 512  # converted values remembered per column


def remembered(cell: Cell, convert: Converter, seen_text: dict[str, Converted[Any]],
               seen: dict[tuple[type, Cell], Converted[Any]]) -> Converted[Any]:
    """``convert(cell)``, remembered: converters are pure, and many columns repeat their
    values (性别, 等级, 状态, dates, amounts), so the first ``REMEMBERED`` results of a column
    are kept (texts apart, the rest by type and value: ``1 == 1.0 == True``)."""
    memo: dict[Any, Converted[Any]] = seen_text if cell.__class__ is str else seen
    key = cell if memo is seen_text else (cell.__class__, cell)
    converted = memo.get(key)
    if converted is None:
        converted = convert(cell)
        if len(memo) < REMEMBERED:
            memo[key] = converted
    return converted


def _tags(cell: Cell) -> Converted[tuple[str, ...]]:
    return Converted(cells.tags(cell) or None)


def _choice(table: Mapping[str, str], reason: str, param: str) -> Converter:
    def convert(cell: Cell) -> Converted[str]:
        value, unknown = choice(cell, table)
        if unknown is None:
            return Converted(value)
        return Converted(None, (Note(reason, {param: unknown[:_UNKNOWN_SHOWN]}, warning=True),))

    return convert


def _feedback_kind(cell: Cell) -> Converted[str]:
    value, unknown = choice(cell, FEEDBACK_KIND)
    if unknown is None:
        return Converted(value)
    note = Note(cells.FEEDBACK_KIND_UNKNOWN, {"kind": unknown[:_UNKNOWN_SHOWN]}, warning=True)
    return Converted(FeedbackKind.INQUIRY.value, (note,))


_REFUND_DONE = ("退款成功", "已退款", "退款完成", "全额退款", "refunded")


def _refund(cell: Cell) -> Converted[str]:
    """``refunded`` when a refund went through: a positive refund amount or an after-sales
    status such as 退款成功; anything else (没有申请退款, 退款关闭, 售后中 …) says nothing."""
    amount, _problems = cells.cents(cell)
    if amount is not None:
        return Converted(REFUNDED if amount > 0 else None)
    value = cells.text(cell)
    done = value is not None and any(word in value.lower() for word in _REFUND_DONE)
    return Converted(REFUNDED if done else None)


def _channel(cell: Cell) -> Converted[str]:
    value, unknown = choice(cell, CHANNELS)
    return Converted(value or unknown)


_FIXED: dict[str, Converter] = {
    "customer.member_no": cells.identifier,
    "customer.name": cells.personal_text,
    "customer.first_name": cells.personal_text,
    "customer.last_name": cells.personal_text,
    "customer.gender": cells.gender,
    "customer.phone": cells.phone,
    "customer.email": cells.email,
    "customer.wechat_id": cells.plain_text,
    "customer.platform_account": cells.identifier,
    "customer.id_number": cells.resident_id,
    "customer.province": cells.plain_text,
    "customer.city": cells.plain_text,
    "customer.district": cells.plain_text,
    "customer.address_detail": cells.personal_text,
    "customer.level": cells.plain_text,
    "customer.points": cells.whole_number,
    "customer.balance": cells.cents,
    TAGS: _tags,
    "customer.notes": cells.plain_text,
    "customer.source": cells.plain_text,
    "order.order_no": cells.identifier,
    "order.channel": _channel,
    "order.status": _choice(ORDER_STATUS, cells.STATUS_UNKNOWN, "status"),
    "order.fulfillment_status": _choice(FULFILLMENT_STATUS, cells.STATUS_UNKNOWN, "status"),
    "order.cancelled_at": cells.plain_text,
    "order.refund": _refund,
    "order.total": cells.cents,
    "order.discount": cells.cents,
    "order.shipping": cells.cents,
    "order.paid": cells.cents,
    "order.ship_name": cells.personal_text,
    "order.ship_phone": cells.phone,
    "order.ship_address": shipping_address,
    "order.notes": cells.plain_text,
    "item.product_name": cells.plain_text,
    "item.quantity": cells.quantity,
    "item.sku": cells.identifier,
    "item.unit_price": cells.cents,
    "item.amount": cells.cents,
    "item.packed": packed_items,
    "feedback.kind": _feedback_kind,
    "feedback.title": cells.plain_text,
    "feedback.content": cells.plain_text,
    "feedback.rating": cells.rating,
    "feedback.channel": _channel,
    "feedback.status": _choice(FEEDBACK_STATUS, cells.STATUS_UNKNOWN, "status"),
    "feedback.resolution": cells.plain_text,
    "feedback.order_no": cells.identifier,
    "feedback.product": cells.plain_text,
}
_DATES = ("customer.birthday",)
_MOMENTS = ("order.ordered_at", "order.paid_at", "feedback.received_at")


def converters(*, month_first: bool, zone: tzinfo) -> dict[str, Converter]:
    """The converter of every field, with the sheet's date conventions bound."""
    table = dict(_FIXED)
    for key in _DATES:
        table[key] = partial(cells.birthday, month_first=month_first)
    for key in _MOMENTS:
        table[key] = partial(cells.moment, zone=zone, month_first=month_first)
    return table


def _empty(cell: Cell) -> bool:
    return cell is None or cell == ""


class RowReader:
    """Reads rows of one sheet: planned once from the mapping, then ``read`` per row."""

    def __init__(
        self, mapping: Sequence[ColumnMapping], *, month_first: bool, zone: tzinfo,
        region_columns: Sequence[int] = (),
    ) -> None:
        """``region_columns``: columns naming the row's country (an ISO code), in which its
        phones written without a country code are read first."""
        table = converters(month_first=month_first, zone=zone)
        self._region_columns = tuple(region_columns)
        columns: dict[str, list[int]] = {}
        for entry in sorted(mapping, key=lambda entry: entry.column):
            if entry.field and is_field(entry.field):
                columns.setdefault(entry.field, []).append(entry.column)
        self.mapped = bool(columns)
        # In column order, so a row's issues come out in the order of its columns; a field on
        # one column (the usual case) takes the short way.
        self._steps: list[_Step] = [
            (key, indexes[0], table[key], tuple(indexes) if len(indexes) > 1 else None, {}, {})
            for key, indexes in sorted(columns.items(), key=lambda item: item[1][0])
        ]

    @property
    def regional(self) -> bool:
        """True when the row's phones depend on a country column of the same row."""
        return bool(self._region_columns)

    def _region(self, row_cells: Sequence[Cell]) -> str | None:
        width = len(row_cells)
        for column in self._region_columns:
            if column < width and (region := row_region(row_cells[column])) is not None:
                return region
        return None

    @property
    def steps(self) -> list[_Step]:
        """Per mapped field, in column order: key, first column, converter, all its columns
        (None: one), the remembered results of text and of other cells."""
        return self._steps

    def read(
        self, row_cells: Sequence[Cell], number: int
    ) -> tuple[dict[str, Any], list[RowIssue]]:
        """Values by field key (only fields with a usable value) and the row's issues."""
        found: dict[str, Any] = {}
        issues: list[RowIssue] = []
        width = len(row_cells)
        region = self._region(row_cells) if self._region_columns else None
        for key, column, convert, several, seen_text, seen in self._steps:
            if region is not None and key in PHONE_KEYS:
                # read in the row's country: not from (nor into) the column's memo
                convert, seen_text, seen = partial(regional_phone, region=region), {}, {}
            if several is None:
                if column >= width or (cell := row_cells[column]) is None:
                    continue
                if cell == "":
                    continue
                converted = remembered(cell, convert, seen_text, seen)
                value, notes = converted
                if notes:
                    issues.extend(issues_of(number, key, notes))
                if value is not None:
                    found[key] = value
                continue
            present = [row_cells[index] for index in several if index < width]
            results = [convert(cell) for cell in present if not _empty(cell)]
            value = _combine(key, results)
            if value is not None and key not in JOIN_WITH and key != TAGS:
                # One column's value is taken; problems of the others do not matter, but
                # the owner is told that other values were left out.
                others = {result.value for result in results} - {value, None}
                if others:
                    issues.append(RowIssue(number, key, reason=OTHER_VALUES_LEFT_OUT,
                                           params={"count": str(len(others))}, warning=True))
                results = [next(result for result in results if result.value == value)]
            for result in results:
                issues.extend(issues_of(number, key, result.notes))
            if value is not None:
                found[key] = value
        return found, issues


def _combine(key: str, results: list[Converted[Any]]) -> Any:
    values = [result.value for result in results if result.value is not None]
    if not values:
        return None
    if key == TAGS:
        return tuple(dict.fromkeys(tag for tags in values for tag in tags))
    if key in JOIN_WITH:
        return JOIN_WITH[key].join(str(value) for value in values if value)
    if key in PHONE_KEYS:
        # 联系电话 / 手机 / 电话: a mobile tells customers apart, a shop's landline does not.
        return next((value for value in values if _is_mobile(value)), values[0])
    return values[0]


def _is_mobile(e164: object) -> bool:
    if not isinstance(e164, str):
        return False
    if is_cn_mobile(e164):
        return True
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) in _MOBILE_TYPES


def issues_of(number: int, key: str, notes: tuple[Note, ...]) -> list[RowIssue]:
    return [RowIssue(number, key, note.reason, dict(note.params), note.warning) for note in notes]
