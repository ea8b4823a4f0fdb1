"""The columns each report offers (ExportColumn: key, English label, personal, default) and
how each is written (cell kind, width). Order reports have two parts: ``order.*`` columns
make the Orders sheet (one row per order), ``item.*`` columns the Order items sheet (one row
per item, led by the order's number, date, channel and status)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop.core.errors import ShopVaultError
from desktop.exchange.export_cells import CellKind
from desktop.services.export_api import ExportColumn, ReportKind

T, N, M, DT, D = CellKind.TEXT, CellKind.INTEGER, CellKind.MONEY, CellKind.DATETIME, CellKind.DATE


@dataclass(frozen=True, slots=True)
class ColumnDef:
    column: ExportColumn
    kind: CellKind
    width: float

    @property
    def key(self) -> str:
        return self.column.key


def _col(key: str, label: str, kind: CellKind = T, width: float = 14, *, personal: bool = False,
         default: bool = True) -> ColumnDef:
    return ColumnDef(ExportColumn(key, label, personal, default), kind, width)


PSEUDONYM: Final = _col("customer.key", "Customer key", width=20)
"""Added first when the request asks for the pseudonymous key (not chosen as a column)."""

CUSTOMER_COLUMNS: Final = (
    _col("customer.member_no", "Member no.", width=14, personal=True),
    _col("customer.name", "Name", width=12, personal=True),
    _col("customer.gender", "Gender", width=8),
    _col("customer.birthday", "Birthday", D, 12, personal=True),
    _col("customer.resident_id", "Resident ID", width=20, personal=True, default=False),
    _col("customer.phone", "Phone", width=16, personal=True),
    _col("customer.email", "E-mail", width=24, personal=True),
    _col("customer.wechat_id", "WeChat ID", width=16, personal=True, default=False),
    _col("customer.province", "Province", width=10),
    _col("customer.city", "City", width=10),
    _col("customer.district", "District", width=10),
    _col("customer.address_detail", "Street address", width=28, personal=True),
    _col("customer.level", "Level", width=10),
    _col("customer.points", "Points", N, 10),
    _col("customer.balance", "Balance", M, 12),
    _col("customer.tags", "Tags", width=18, personal=True),
    _col("customer.notes", "Notes", width=40, personal=True),
    _col("customer.source", "Source", width=14, personal=True, default=False),
    _col("customer.created_at", "Added", DT, 17),
    _col("customer.updated_at", "Last changed", DT, 17, default=False),
)

ORDER_COLUMNS: Final = (
    _col("order.order_no", "Order no.", width=22),
    _col("order.ordered_at", "Ordered", DT, 17),
    _col("order.channel", "Channel", width=12),
    _col("order.status", "Status", width=11),
    _col("order.customer_name", "Customer", width=12, personal=True),
    _col("order.customer_member_no", "Member no.", width=14, personal=True, default=False),
    _col("order.ship_name", "Recipient", width=12, personal=True),
    _col("order.ship_phone", "Recipient phone", width=16, personal=True),
    _col("order.ship_address", "Shipping address", width=32, personal=True),
    _col("order.notes", "Order notes", width=30, personal=True, default=False),
    _col("order.item_count", "Items", N, 8),
    _col("order.total", "Goods total", M, 13),
    _col("order.discount", "Discount", M, 12),
    _col("order.shipping", "Shipping", M, 12),
    _col("order.payable", "Payable", M, 13),
    _col("order.paid", "Amount paid", M, 13),
    _col("item.sku", "SKU", width=14),
    _col("item.product_name", "Product", width=28),
    _col("item.quantity", "Quantity", N, 9),
    _col("item.unit_price", "Unit price", M, 12),
    _col("item.amount", "Amount", M, 13),
)
ITEM_LEAD: Final = (
    _col("order.order_no", "Order no.", width=22),
    _col("order.ordered_at", "Ordered", DT, 17),
    _col("order.channel", "Channel", width=12),
    _col("order.status", "Status", width=11),
)
"""The order fields that lead every row of the Order items sheet."""
ORDER_AMOUNT_KEYS: Final = frozenset(
    ("order.total", "order.discount", "order.shipping", "order.payable", "order.paid")
)

FEEDBACK_COLUMNS: Final = (
    _col("feedback.received_at", "Received", DT, 17),
    _col("feedback.kind", "Kind", width=11),
    _col("feedback.status", "Status", width=11),
    _col("feedback.rating", "Rating", N, 7),
    _col("feedback.channel", "Channel", width=12),
    _col("feedback.customer_name", "Customer", width=12, personal=True),
    _col("feedback.order_no", "Order no.", width=22),
    _col("feedback.content", "What the customer said", width=50, personal=True),
    _col("feedback.resolution", "Resolution", width=40, personal=True),
    _col("feedback.assignee", "Assigned to", width=12),
    _col("feedback.resolved_at", "Resolved at", DT, 17),
    _col("feedback.overdue", "Overdue", width=8, default=False),
)

CATALOGUE: Final = {
    ReportKind.CUSTOMERS: CUSTOMER_COLUMNS,
    ReportKind.ORDERS: ORDER_COLUMNS,
    ReportKind.FEEDBACK: FEEDBACK_COLUMNS,
}



class UnknownColumnError(ShopVaultError):
    message = "Unknown column {key}. Choose from: {choices}."


class NoColumnsError(ShopVaultError):
    message = "Choose at least one column to export."


def chosen_columns(kind: ReportKind, keys: tuple[str, ...]) -> tuple[ColumnDef, ...]:
    """The columns asked for, in that order (duplicates dropped); none asked: the defaults."""
    catalogue = {column.key: column for column in CATALOGUE[kind]}
    if not keys:
        return tuple(column for column in CATALOGUE[kind] if column.column.default)
    chosen: list[ColumnDef] = []
    for key in dict.fromkeys(k.strip() for k in keys if k.strip()):
        if key not in catalogue:
            raise UnknownColumnError(key=key, choices=", ".join(catalogue))
        chosen.append(catalogue[key])
    if not chosen:
        raise NoColumnsError()
    return tuple(chosen)
