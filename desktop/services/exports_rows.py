"""Cell values of each report row, masked here (the service layer) unless the export is an
owner's unmasked one: every personal column goes through the one rule table of DESIGN §4
(``desktop.core.masking``), free text (notes, what a customer said, tags) through the
free-text masker that also finds phones, IDs, e-mails and street addresses inside it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Final

from desktop.core.masking import keep_region, mask_free_text, masked_value
from desktop.core.models import Customer, Gender
from desktop.exchange.export_cells import CellValue
from desktop.services.exports_columns import ColumnDef
from desktop.store.export_queries import ExportOrder
from desktop.store.feedback_queries import FeedbackListRow

Pseudonym = Callable[[int | None], str]
Getter = Callable[[object], CellValue]

_GENDER_LABELS: Final = {Gender.FEMALE: "female", Gender.MALE: "male", Gender.OTHER: "other"}
_CACHE: Final = 16_384


class Masker:
    """The masked (or clear) text of a field. Values that repeat across rows — names, tags,
    levels, notes, birthdays — are masked once each (the free-text masker runs a phone-number
    matcher, ~0.2 ms a value)."""

    def __init__(self, masked: bool) -> None:
        self.masked = masked
        self._cached = functools.lru_cache(maxsize=_CACHE)(self._uncached)

    def __call__(self, field: str, value: str | None) -> str:
        if not self.masked:
            return value or ""
        if not value:
            return ""
        if field in ("phone", "ship_phone", "email", "member_no", "wechat_id"):
            return masked_value(field, value)  # unique per customer: a cache would not help
        return self._cached(field, value)

    @staticmethod
    def _uncached(field: str, value: str) -> str:
        return masked_value(field, value)

    def free(self, value: str | None) -> str:
        return self("notes", value)

    def vocabulary(self, value: str) -> str:
        """Tags, levels and sources: shown as they are unless they hold personal data."""
        return self("tags", value)


class LocalTimes:
    """Stored UTC instants as naive local datetimes (what a spreadsheet shows)."""

    def __init__(self, tz: tzinfo | None) -> None:
        self._tz = tz

    def __call__(self, iso: str | None) -> datetime | None:
        if not iso:
            return None
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self._tz).replace(tzinfo=None)


def _birthday(value: str | None, mask: Masker) -> CellValue:
    if not value:
        return None
    if mask.masked:
        return mask("birthday", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value  # --03-07: no year, shown as text


def customer_getters(
    columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes, pseudonym: Pseudonym | None
) -> list[Callable[[Customer], CellValue]]:
    def region(name: str) -> Callable[[Customer], CellValue]:
        return lambda c: keep_region(getattr(c, name))

    table: dict[str, Callable[[Customer], CellValue]] = {
        "customer.member_no": lambda c: mask("member_no", c.member_no),
        "customer.name": lambda c: mask("name", c.name),
        "customer.gender": lambda c: _GENDER_LABELS.get(c.gender, ""),
        "customer.birthday": lambda c: _birthday(c.birthday, mask),
        "customer.phone": lambda c: mask("phone", c.phone),
        "customer.email": lambda c: mask("email", c.email),
        "customer.wechat_id": lambda c: mask("wechat_id", c.wechat_id),
        "customer.province": region("province"),
        "customer.city": region("city"),
        "customer.district": region("district"),
        "customer.address_detail": lambda c: mask("address_detail", c.address_detail),
        "customer.level": lambda c: mask.vocabulary(c.level),
        "customer.points": lambda c: c.points,
        "customer.balance": lambda c: c.balance_cents,
        "customer.tags": lambda c: "、".join(mask.vocabulary(tag) for tag in c.tags),
        "customer.notes": lambda c: mask.free(c.notes),
        "customer.source": lambda c: mask.vocabulary(c.source),
        "customer.created_at": lambda c: local(c.created_at),
        "customer.updated_at": lambda c: local(c.updated_at),
    }
    getters = [table[column.key] for column in columns]
    if pseudonym is not None:
        getters.insert(0, lambda c: pseudonym(c.id))
    return getters


def order_getters(
    columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes, pseudonym: Pseudonym | None
) -> list[Callable[[ExportOrder], CellValue]]:
    table: dict[str, Callable[[ExportOrder], CellValue]] = {
        "order.order_no": lambda e: e.order.order_no,
        "order.ordered_at": lambda e: local(e.order.ordered_at),
        "order.channel": lambda e: e.order.channel,
        "order.status": lambda e: e.order.status.value,
        "order.customer_name": lambda e: mask("name", e.customer_name),
        "order.customer_member_no": lambda e: mask("member_no", e.customer_member_no),
        "order.ship_name": lambda e: mask("ship_name", e.order.ship_name),
        "order.ship_phone": lambda e: mask("ship_phone", e.order.ship_phone),
        "order.ship_address": lambda e: mask("ship_address", e.order.ship_address),
        "order.notes": lambda e: mask.free(e.order.notes),
        "order.item_count": lambda e: len(e.order.items),
        "order.total": lambda e: e.order.total_cents,
        "order.discount": lambda e: e.order.discount_cents,
        "order.shipping": lambda e: e.order.shipping_cents,
        "order.payable": lambda e: (
            e.order.total_cents - e.order.discount_cents + e.order.shipping_cents),
        "order.paid": lambda e: e.order.paid_cents,
    }
    getters = [table[column.key] for column in columns]
    if pseudonym is not None:
        getters.insert(0, lambda e: pseudonym(e.order.customer_id))
    return getters


ITEM_FIELDS: Final[dict[str, Callable[[object], CellValue]]] = {
    "item.sku": lambda i: getattr(i, "sku", ""),
    "item.product_name": lambda i: getattr(i, "product_name", ""),
    "item.quantity": lambda i: getattr(i, "quantity", None),
    "item.unit_price": lambda i: getattr(i, "unit_price_cents", None),
    "item.amount": lambda i: getattr(i, "amount_cents", None),
}


def feedback_getters(
    columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes, pseudonym: Pseudonym | None
) -> list[Callable[[FeedbackListRow], CellValue]]:
    table: dict[str, Callable[[FeedbackListRow], CellValue]] = {
        "feedback.received_at": lambda f: local(f.received_at),
        "feedback.kind": lambda f: f.kind.value,
        "feedback.status": lambda f: f.status.value,
        "feedback.rating": lambda f: f.rating,
        "feedback.channel": lambda f: f.channel,
        "feedback.customer_name": lambda f: mask("name", f.customer_name),
        "feedback.order_no": lambda f: f.order_no or "",
        "feedback.content": lambda f: mask("content", f.content),
        "feedback.resolution": lambda f: mask("resolution", f.resolution),
        "feedback.assignee": lambda f: f.assignee_username or "",
        "feedback.resolved_at": lambda f: local(f.resolved_at),
        "feedback.overdue": lambda f: "yes" if f.overdue else "",
    }
    getters = [table[column.key] for column in columns]
    if pseudonym is not None:
        getters.insert(0, lambda f: pseudonym(f.customer_id))
    return getters


def masked_words(text: str, masked: bool) -> str:
    """Free text the user typed (a search, a purpose) as a masked file may show it."""
    return mask_free_text(text) if masked else text
