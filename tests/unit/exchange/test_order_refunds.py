"""A closed order whose money went back is refunded, told by the export's after-sales status or
refund amount (Taobao 退款状态 / 退款金额, Pinduoduo and Douyin 售后状态, Shopify's Refunded
Amount, WooCommerce's refunded_total)."""

from __future__ import annotations

import pytest

from desktop.core.import_types import Cell
from desktop.exchange.layouts import recognise
from desktop.exchange.row_values import converters
from desktop.exchange.rows import parse_rows
from tests.unit.exchange.layout_support import CST

REFUND = converters(month_first=False, zone=CST)["order.refund"]


@pytest.mark.parametrize(("cell", "value"), [
    ("退款成功", "refunded"), ("已退款", "refunded"), ("售后完成-退款成功", "refunded"),
    ("Refunded", "refunded"), ("59.90", "refunded"), (12, "refunded"), ("¥5.00", "refunded"),
    ("0.00", None), (0, None), ("没有申请退款", None), ("退款关闭", None), ("退款中", None),
    ("无售后或售后取消", None), ("-", None), ("", None), (None, None),
])
def test_refund_cells(cell: Cell, value: str | None) -> None:
    assert REFUND(cell).value == value
    assert REFUND(cell).notes == ()


def _statuses(headers: list[str], *rows: list[Cell]) -> list[str | None]:
    guess = recognise(headers)
    parsed = parse_rows(rows, first_row_number=2, mapping=guess.mapping, target=guess.target,
                        layout=guess.layout, local_zone=CST)
    return [row.order.status if row.order else None for row in parsed]


def test_taobao_order_list_closed_with_a_refund_amount_is_refunded() -> None:
    headers = ["订单编号", "买家会员名", "买家应付货款", "买家实际支付金额", "订单状态",
               "收货人姓名", "收货地址", "联系手机", "订单创建时间", "宝贝标题", "订单关闭原因",
               "退款金额"]
    assert _statuses(
        headers,
        ["1", "a", "9.90", "9.90", "交易关闭", "", "", "", "2024-01-05 10:00:00", "茶", "退款",
         "9.90"],
        ["2", "a", "9.90", "0.00", "交易关闭", "", "", "", "2024-01-05 10:00:00", "茶",
         "买家不想买了", "0.00"],
        ["3", "a", "9.90", "9.90", "交易成功", "", "", "", "2024-01-05 10:00:00", "茶", "",
         "3.00"],  # partly refunded, still a completed sale
    ) == ["refunded", "cancelled", "completed"]


def test_shopify_cancelled_and_refunded_order_is_refunded() -> None:
    headers = ["Name", "Email", "Financial Status", "Fulfillment Status", "Lineitem quantity",
               "Lineitem name", "Lineitem price", "Billing Name", "Shipping Name",
               "Cancelled at", "Refunded Amount"]
    assert _statuses(
        headers,
        ["#1", "a@example.com", "paid", "", "1", "Tea", "5.00", "", "",
         "2024-01-05 10:00:00 -0500", "5.00"],
        ["#2", "b@example.com", "paid", "", "1", "Tea", "5.00", "", "",
         "2024-01-05 10:00:00 -0500", "0.00"],
    ) == ["refunded", "cancelled"]
