"""What the orders and feedback screens receive and submit: values already masked per role.

Money is integer cents and times UTC ISO-8601 (the UI shows them in local time). Personal
fields (ship name/phone/address, customer names, notes, feedback text) arrive masked for
any role without ``VIEW_UNMASKED``; the UI never gets more than its role may see. A draft
built from a masked detail may be submitted unchanged: a field still equal to the masked
form of what is stored keeps the stored value (see ``desktop.services.orders``).

Also here: :class:`LocalTime`, the one conversion between what a form shows or accepts
(local dates and times) and what is stored (UTC instants).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core.errors import FieldErrors, InvalidInputError
from desktop.core.validation import clean_text, parse_date


@dataclass(frozen=True, slots=True)
class CustomerRef:
    """A customer as a choice in a form or a line in a detail panel (masked)."""

    id: int
    name: str
    phone: str = ""
    member_no: str = ""


# ------------------------------------------------------------------------------- orders


@dataclass(frozen=True, slots=True)
class OrderFilter:
    date_from: date | None = None
    """Local calendar date, inclusive."""
    date_to: date | None = None
    """Local calendar date, inclusive."""
    status: str | None = None
    """An ``OrderStatus`` value."""
    channel: str | None = None
    customer_id: int | None = None


@dataclass(frozen=True, slots=True)
class OrderCursor:
    """Opaque to the UI: pass ``OrderPage.next_cursor`` back to get the next page."""

    ordered_at: str
    id: int


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the orders table, masked per role."""

    id: int
    order_no: str
    channel: str
    status: str
    ordered_at: str
    customer_id: int | None
    customer_name: str
    ship_name: str
    ship_phone: str
    item_count: int
    total_cents: int
    """Goods total (the sum of the items)."""
    payable_cents: int
    """Total − discount + shipping."""
    paid_cents: int


@dataclass(frozen=True, slots=True)
class OrderPage:
    rows: list[OrderRow]
    next_cursor: OrderCursor | None
    """None when there is nothing after these rows."""


@dataclass(frozen=True, slots=True)
class OrderItemView:
    sku: str
    product_name: str
    quantity: int
    unit_price_cents: int
    amount_cents: int
    summary: bool = False
    """The order's products packed into one line by an order-list export, not a real line."""


@dataclass(frozen=True, slots=True)
class OrderDetail:
    id: int
    order_no: str
    channel: str
    status: str
    ordered_at: str
    customer: CustomerRef | None
    ship_name: str
    ship_phone: str
    ship_address: str
    notes: str
    items: tuple[OrderItemView, ...]
    total_cents: int
    discount_cents: int
    shipping_cents: int
    payable_cents: int
    paid_cents: int
    masked: frozenset[str] = field(default_factory=frozenset)
    """Names of the fields shown masked."""
    can_edit: bool = False


@dataclass(frozen=True, slots=True)
class OrderItemDraft:
    """One line of the items table as typed."""

    product_name: str
    quantity: str = "1"
    unit_price: str = ""
    """Yuan as typed, e.g. "¥89.00"."""
    sku: str = ""


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """What the add/edit order form submits, as typed. ``FieldErrors`` names each bad field:
    ``order_no``, ``channel``, ``status``, ``ordered_at``, ``customer``, ``ship_phone``,
    ``discount``, ``shipping``, ``paid``, ``items`` and ``item.{row}.{product_name|quantity|
    unit_price}`` (row counted from 0)."""

    order_no: str
    channel: str = ""
    status: str = "pending"
    ordered_at: str = ""
    """Local date, optionally with a time: "2024-01-05", "2024/1/5 14:30"; empty = now."""
    customer_id: int | None = None
    ship_name: str = ""
    ship_phone: str = ""
    ship_address: str = ""
    notes: str = ""
    discount: str = "0"
    shipping: str = "0"
    paid: str = ""
    """Empty: the payable amount, or 0 for a pending or cancelled order."""
    items: tuple[OrderItemDraft, ...] = ()


# ----------------------------------------------------------------------------- feedback


@dataclass(frozen=True, slots=True)
class FeedbackFilter:
    kind: str | None = None
    """A ``FeedbackKind`` value."""
    status: str | None = None
    """A ``FeedbackStatus`` value."""
    mine_open: bool = False
    """Only items assigned to the session's user that are not resolved."""
    overdue_only: bool = False
    """Only complaints not resolved within the response time."""
    customer_id: int | None = None
    date_from: date | None = None
    """Local calendar date the feedback was received, inclusive."""
    date_to: date | None = None
    """Local calendar date, inclusive."""


@dataclass(frozen=True, slots=True)
class FeedbackCursor:
    received_at: str
    id: int


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One line of the feedback table, masked per role."""

    id: int
    kind: str
    status: str
    rating: int | None
    channel: str
    received_at: str
    customer_id: int | None
    customer_name: str
    summary: str
    """The start of the content, masked, on one line."""
    assignee: str
    """User name, or "" when nobody is assigned."""
    order_no: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class FeedbackPage:
    rows: list[FeedbackRow]
    next_cursor: FeedbackCursor | None


@dataclass(frozen=True, slots=True)
class AssignableUser:
    """Only what an assignee list needs: no role, no login state."""

    id: int
    username: str


@dataclass(frozen=True, slots=True)
class FeedbackDetail:
    id: int
    kind: str
    status: str
    rating: int | None
    channel: str
    received_at: str
    resolved_at: str | None
    customer: CustomerRef | None
    order_id: int | None
    order_no: str
    content: str
    resolution: str
    assignee_id: int | None
    assignee: str
    overdue: bool
    masked: frozenset[str] = field(default_factory=frozenset)
    can_edit: bool = False
    """May edit what was said (kind, content, rating, channel, customer, date)."""
    can_handle: bool = False
    """May change status, assignee, resolution and linked order."""
    can_take: bool = False
    """Unassigned and the user may assign it to themselves."""
    next_statuses: tuple[str, ...] = ()
    """Statuses the user may move it to from here."""


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    """What the add/edit feedback form submits, as typed. ``FieldErrors`` names each bad
    field: ``kind``, ``content``, ``rating``, ``channel``, ``received_at``, ``customer``,
    ``order``, ``assignee``."""

    kind: str
    content: str = ""
    rating: str = ""
    """"" or 1–5."""
    channel: str = ""
    received_at: str = ""
    """Local date, optionally with a time; empty = now."""
    customer_id: int | None = None
    order_id: int | None = None
    assignee_id: int | None = None
    """Only used when adding; handling changes go through their own calls."""


@dataclass(frozen=True, slots=True)
class OrderChoice:
    """An order offered as the one a feedback is about."""

    id: int
    order_no: str
    ordered_at: str
    channel: str
    payable_cents: int


# ------------------------------------------------------------ times as typed and shown

DATE_NEEDS_YEAR = "Enter the full date with the year, e.g. 2024-01-05."
DATE_IN_FUTURE = "This date is in the future; check it."
TIME_INVALID = "Enter a time such as 14:30."
DATE_RANGE_REVERSED = "The end date is before the start date."

_TIME = re.compile(r"^(.*?)[\sT]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?$")
Clock = Callable[[], datetime]


def utc_clock() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class LocalTime:
    """Converts between what people type (local dates and times) and stored UTC instants."""

    def __init__(self, tz: tzinfo | None, clock: Clock) -> None:
        self.tz = tz
        self.clock = clock

    def to_utc(self, naive: datetime) -> datetime:
        if self.tz is None:
            return naive.astimezone(UTC)  # a naive datetime is read as the system's local time
        return naive.replace(tzinfo=self.tz).astimezone(UTC)

    def local(self, iso: str) -> datetime:
        moment = datetime.fromisoformat(iso)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self.tz)

    def text(self, iso: str) -> str:
        """A stored instant as a form shows it: local ``YYYY-MM-DD HH:MM``."""
        try:
            return self.local(iso).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return iso

    def day_start(self, day: date) -> str:
        return iso_utc(self.to_utc(datetime.combine(day, time())))

    def parse(self, raw: str, field: str, stored: str | None = None) -> str:
        """A typed local date (and optional time) as a UTC instant; empty means now. Text
        equal to how ``stored`` is shown keeps ``stored`` exactly (seconds included)."""
        text = clean_text(raw)
        if stored is not None and text == self.text(stored):
            return stored
        now = self.clock()
        if not text:
            return iso_utc(now)
        clock_time = _TIME.match(text)
        day_text = clock_time.group(1) if clock_time else text
        day_iso = parse_date(day_text, field=field)
        if day_iso.startswith("--"):
            raise InvalidInputError(field=field, problem=DATE_NEEDS_YEAR)
        day = date.fromisoformat(day_iso)
        at = time()
        if clock_time:
            hour, minute = int(clock_time.group(2)), int(clock_time.group(3))
            second = int(clock_time.group(4) or 0)
            if hour > 23 or minute > 59 or second > 59:
                raise InvalidInputError(field=field, problem=TIME_INVALID)
            at = time(hour, minute, second)
        moment = self.to_utc(datetime.combine(day, at))
        if moment - now > timedelta(days=1):
            raise InvalidInputError(field=field, problem=DATE_IN_FUTURE)
        return iso_utc(moment)

    def range(self, start: date | None, end: date | None) -> tuple[str | None, str | None]:
        if start is not None and end is not None and end < start:
            raise FieldErrors({"date_to": DATE_RANGE_REVERSED})
        return (
            None if start is None else self.day_start(start),
            None if end is None else self.day_start(end + timedelta(days=1)),
        )
