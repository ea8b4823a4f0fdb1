"""The vocabulary of an import, shared by the file layer (``exchange``), the import service
and the wizard: what a column maps to, what one row of a file says, what happens to it.

Texts meant for people (``FieldInfo.label``, ``RowIssue.reason``) are English source texts
with ``{placeholders}``; the UI translates them like error messages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import NamedTuple

# One cell as the file layer hands it over: formula cells as the value Excel cached, number
# cells as int when whole (exact, so phones and order numbers keep every digit the file
# holds) else float, date cells as date/datetime/time, text as str, empty as None.
Cell = str | int | float | bool | date | datetime | time | None


class ImportTarget(StrEnum):
    CUSTOMERS = "customers"
    ORDERS = "orders"
    FEEDBACK = "feedback"


class RowAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DUPLICATE = "duplicate"  # an earlier row of the same file is the same customer/order
    SKIP = "skip"  # blank, a total row, or an existing record the policy leaves alone
    ERROR = "error"


class MatchPolicy(StrEnum):
    """What happens to an existing customer the file matches."""

    SKIP = "skip"
    FILL_EMPTY = "fill_empty"
    OVERWRITE = "overwrite"


class RowKind(StrEnum):
    DATA = "data"
    BLANK = "blank"
    SUMMARY = "summary"  # 合计 / 总计 / 小计 / Total rows: neither imported nor rejected
    HEADER = "header"  # the header row again inside the data (tables pasted one under another)
    TITLE = "title"  # a lone value right above such a header: the title of the table below


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """A field a column can be mapped to. ``key`` is stable (templates store it)."""

    key: str
    target: ImportTarget
    label: str
    identifier: bool = False  # a customer identifier: a row needs at least one of them


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    column: int  # 0-based column index in the sheet
    header: str  # the header cell's text as in the file
    field: str | None  # a FieldInfo.key, or None to ignore the column


@dataclass(frozen=True, slots=True)
class RowIssue:
    row: int  # 1-based row number as the spreadsheet shows it
    field: str  # a FieldInfo.key, or "" for the whole row
    reason: str  # English source text with {placeholders}
    params: Mapping[str, str] = dataclasses.field(default_factory=dict)
    warning: bool = False  # the row still imports (e.g. an impossible date left empty)

    def text(self) -> str:
        return self.reason.format(**self.params)


class CustomerFields(NamedTuple):
    """What one row says about a customer; None = the file does not say (or the cell is
    empty). Values are already normalised: phone in E.164, e-mail lower-cased domain,
    birthday ISO ``YYYY-MM-DD`` or ``--MM-DD`` when the year is unknown.

    A named tuple, not a frozen dataclass: an import makes one per row, and a frozen
    dataclass sets its 20 fields one ``object.__setattr__`` call at a time (2.3 µs against
    0.4; 0.19 s of a 100,000-row import), and its values are the tuple itself (packed as
    they are, ``desktop.core.packed_customers``)."""

    member_no: str | None = None
    name: str | None = None
    gender: str | None = None  # a desktop.core.models.Gender value
    birthday: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat_id: str | None = None
    platform: str | None = None  # e.g. "taobao", "jd", "pdd", "shopify"
    platform_account: str | None = None  # e.g. a Taobao buyer nick
    id_number: str | None = None  # resident ID, checksum verified (18 digits)
    province: str | None = None
    city: str | None = None
    district: str | None = None
    address_detail: str | None = None
    level: str | None = None
    points: int | None = None
    balance_cents: int | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    source: str | None = None

    def has_identifier(self) -> bool:
        return bool(self.phone or self.member_no or self.email or self.platform_account)


@dataclass(frozen=True, slots=True)
class ItemFields:
    product_name: str
    quantity: int = 1
    sku: str = ""
    unit_price_cents: int | None = None
    amount_cents: int | None = None
    summary: bool = False  # the order's products packed into one title (OrderItem.summary)


@dataclass(frozen=True, slots=True)
class OrderFields:
    order_no: str
    channel: str = ""
    status: str | None = None  # a desktop.core.models.OrderStatus value
    ordered_at: str | None = None  # UTC ISO-8601 (date-only values become midnight)
    total_cents: int | None = None
    discount_cents: int | None = None
    shipping_cents: int | None = None
    paid_cents: int | None = None
    ship_name: str | None = None
    ship_phone: str | None = None
    ship_address: str | None = None
    notes: str | None = None
    items: tuple[ItemFields, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedbackFields:
    kind: str  # a desktop.core.models.FeedbackKind value
    content: str = ""
    rating: int | None = None
    channel: str = ""
    status: str | None = None  # a desktop.core.models.FeedbackStatus value
    received_at: str | None = None
    resolution: str | None = None
    order_no: str | None = None  # links to an order of the shop (or of this file)
    product: str | None = None


class ParsedRow(NamedTuple):
    """One row of a sheet after mapping and normalisation, before identity matching. (A
    named tuple, as :class:`CustomerFields` is: one is made per row.)"""

    row: int  # 1-based, as the spreadsheet shows it
    kind: RowKind
    customer: CustomerFields | None = None
    order: OrderFields | None = None
    feedback: FeedbackFields | None = None
    issues: tuple[RowIssue, ...] = ()

    @property
    def has_errors(self) -> bool:
        issues = self.issues
        return bool(issues) and any(not issue.warning for issue in issues)
