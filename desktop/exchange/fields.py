"""Every field a column can be mapped to. Keys are stable: saved templates store them.

Several columns may map to the same text field (e.g. Address1 + Address2, or 省/市/区/详细地址
for an order's shipping address); their texts are joined in column order. ``customer.first_name``
and ``customer.last_name`` are combined into the name.
"""

from __future__ import annotations

from desktop.core.import_types import FieldInfo, ImportTarget

_C, _O, _F = ImportTarget.CUSTOMERS, ImportTarget.ORDERS, ImportTarget.FEEDBACK

FIELDS: tuple[FieldInfo, ...] = (
    # The customer (in any sheet: a member, the buyer of an order, the author of feedback).
    FieldInfo(key="customer.member_no", target=_C, label="Member / card number", identifier=True),
    FieldInfo(key="customer.name", target=_C, label="Name"),
    FieldInfo(key="customer.first_name", target=_C, label="First name"),
    FieldInfo(key="customer.last_name", target=_C, label="Last name"),
    FieldInfo(key="customer.gender", target=_C, label="Gender"),
    FieldInfo(key="customer.birthday", target=_C, label="Birthday"),
    FieldInfo(key="customer.phone", target=_C, label="Phone", identifier=True),
    FieldInfo(key="customer.email", target=_C, label="E-mail", identifier=True),
    FieldInfo(key="customer.wechat_id", target=_C, label="WeChat ID"),
    FieldInfo(
        key="customer.platform_account", target=_C, label="Platform account (buyer nick)",
        identifier=True,
    ),
    FieldInfo(key="customer.id_number", target=_C, label="Resident ID number"),
    FieldInfo(key="customer.province", target=_C, label="Province"),
    FieldInfo(key="customer.city", target=_C, label="City"),
    FieldInfo(key="customer.district", target=_C, label="District"),
    FieldInfo(key="customer.address_detail", target=_C, label="Address"),
    FieldInfo(key="customer.level", target=_C, label="Membership level"),
    FieldInfo(key="customer.points", target=_C, label="Points"),
    FieldInfo(key="customer.balance", target=_C, label="Stored-value balance"),
    FieldInfo(key="customer.tags", target=_C, label="Tags"),
    FieldInfo(key="customer.notes", target=_C, label="Notes"),
    FieldInfo(key="customer.source", target=_C, label="Source"),
    # Orders: one row per order, or one row per item with the order number repeated.
    FieldInfo(key="order.order_no", target=_O, label="Order number"),
    FieldInfo(key="order.channel", target=_O, label="Sales channel"),
    FieldInfo(key="order.status", target=_O, label="Order status"),
    FieldInfo(key="order.fulfillment_status", target=_O, label="Fulfilment status"),
    FieldInfo(key="order.cancelled_at", target=_O, label="Cancelled at"),
    FieldInfo(key="order.refund", target=_O, label="Refund (status or amount)"),
    FieldInfo(key="order.ordered_at", target=_O, label="Order time"),
    FieldInfo(key="order.paid_at", target=_O, label="Payment time"),
    FieldInfo(key="order.total", target=_O, label="Order total"),
    FieldInfo(key="order.discount", target=_O, label="Discount"),
    FieldInfo(key="order.shipping", target=_O, label="Shipping fee"),
    FieldInfo(key="order.paid", target=_O, label="Amount paid"),
    FieldInfo(key="order.ship_name", target=_O, label="Recipient name"),
    FieldInfo(key="order.ship_phone", target=_O, label="Recipient phone"),
    FieldInfo(key="order.ship_address", target=_O, label="Shipping address"),
    FieldInfo(key="order.notes", target=_O, label="Order notes"),
    FieldInfo(key="item.product_name", target=_O, label="Product"),
    FieldInfo(key="item.quantity", target=_O, label="Quantity"),
    FieldInfo(key="item.sku", target=_O, label="SKU"),
    FieldInfo(key="item.unit_price", target=_O, label="Unit price"),
    FieldInfo(key="item.amount", target=_O, label="Line amount"),
    FieldInfo(key="item.packed", target=_O, label="Items (several in one cell)"),
    # Feedback: complaints, inquiries, suggestions and reviews.
    FieldInfo(key="feedback.kind", target=_F, label="Feedback type"),
    FieldInfo(key="feedback.title", target=_F, label="Title"),
    FieldInfo(key="feedback.content", target=_F, label="Content"),
    FieldInfo(key="feedback.rating", target=_F, label="Rating"),
    FieldInfo(key="feedback.channel", target=_F, label="Feedback channel"),
    FieldInfo(key="feedback.status", target=_F, label="Feedback status"),
    FieldInfo(key="feedback.received_at", target=_F, label="Received at"),
    FieldInfo(key="feedback.resolution", target=_F, label="Resolution"),
    FieldInfo(key="feedback.order_no", target=_F, label="Order number (feedback)"),
    FieldInfo(key="feedback.product", target=_F, label="Product (feedback)"),
)

_BY_KEY = {info.key: info for info in FIELDS}


def field_info(key: str) -> FieldInfo:
    """The field with this key; KeyError for a key no field has (e.g. from an old template)."""
    return _BY_KEY[key]


def is_field(key: str) -> bool:
    return key in _BY_KEY


def fields_for(target: ImportTarget) -> tuple[FieldInfo, ...]:
    """The fields a sheet of ``target`` may map: customers only customer fields; orders and
    feedback also the customer fields (the buyer or the author)."""
    if target is ImportTarget.CUSTOMERS:
        return tuple(info for info in FIELDS if info.target is ImportTarget.CUSTOMERS)
    return tuple(info for info in FIELDS if info.target in (ImportTarget.CUSTOMERS, target))
