"""Domain records (DESIGN §3). Money is integer cents; times are UTC ISO-8601 strings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from desktop.core.roles import Role


def utc_now_iso() -> str:
    """Current UTC time as ISO-8601 with microseconds, e.g. 2026-01-05T08:30:00.123456+00:00."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Gender(StrEnum):
    UNKNOWN = ""
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class OrderStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class FeedbackKind(StrEnum):
    REVIEW = "review"
    COMPLAINT = "complaint"
    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"


class FeedbackStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class DataRequestKind(StrEnum):
    ACCESS = "access"
    CORRECT = "correct"
    DELETE = "delete"
    PORTABILITY = "portability"


class DataRequestStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Customer:
    id: int | None
    name: str
    member_no: str | None = None
    gender: Gender = Gender.UNKNOWN
    birthday: str | None = None
    """YYYY-MM-DD, or --MM-DD when the year is unknown."""
    phone: str | None = None
    """E.164, e.g. +8613812345678."""
    email: str | None = None
    wechat_id: str | None = None
    province: str = ""
    city: str = ""
    district: str = ""
    address_detail: str = ""
    level: str = ""
    points: int = 0
    balance_cents: int = 0
    tags: tuple[str, ...] = ()
    notes: str = ""
    source: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class OrderItem:
    product_name: str
    quantity: int
    unit_price_cents: int
    sku: str = ""
    id: int | None = None
    summary: bool = False
    """Not a real line: the order's products packed into one title by an order-list export
    (e.g. Taobao's 订单列表); an import of the order's real items replaces it."""

    @property
    def amount_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True, slots=True)
class Order:
    id: int | None
    order_no: str
    """Platform order number; always text (19-digit numbers must survive)."""
    channel: str
    customer_id: int | None
    status: OrderStatus
    ordered_at: str
    total_cents: int
    discount_cents: int = 0
    shipping_cents: int = 0
    paid_cents: int = 0
    ship_name: str = ""
    ship_phone: str = ""
    ship_address: str = ""
    notes: str = ""
    items: tuple[OrderItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int | None
    kind: FeedbackKind
    content: str
    received_at: str
    customer_id: int | None = None
    order_id: int | None = None
    rating: int | None = None
    channel: str = ""
    status: FeedbackStatus = FeedbackStatus.OPEN
    assignee_user_id: int | None = None
    resolution: str = ""
    resolved_at: str | None = None


@dataclass(frozen=True, slots=True)
class Consent:
    id: int | None
    customer_id: int
    purpose: str
    granted: bool
    channel: str
    recorded_at: str
    evidence: str = ""
    recorded_by_user_id: int | None = None
    withdrawn_at: str | None = None


@dataclass(frozen=True, slots=True)
class DataRequest:
    id: int | None
    kind: DataRequestKind
    received_at: str
    due_at: str
    status: DataRequestStatus = DataRequestStatus.OPEN
    customer_id: int | None = None
    requester: str = ""
    notes: str = ""
    closed_at: str | None = None


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: Role
    display_name: str = ""
    uses_pin: bool = False
    disabled: bool = False
    created_at: str = ""
