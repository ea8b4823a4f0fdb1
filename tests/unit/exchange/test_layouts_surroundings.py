"""Every known layout is still found, and read row by row, when the sheet has a title above the
header, blank rows and a total row inside — the way shops' files look after a manual touch."""

from __future__ import annotations

import pytest

from desktop.core.import_types import Cell, RowKind
from desktop.exchange.layouts_catalog import LAYOUTS
from tests.support.platform_headers import DOUYIN
from tests.support.platform_headers import TAOBAO_DETAIL as TAOBAO_DETAIL_NOW
from tests.unit.exchange.layout_support import read
from tests.unit.exchange.test_layouts_cn_orders import JD, PDD, TAOBAO_DETAIL, TAOBAO_LIST
from tests.unit.exchange.test_layouts_customers import (
    MEMBERSHIP_HEADERS,
    SHOPIFY_CURRENT,
    SHOPIFY_OLDER,
    WOO_CUSTOMERS,
)
from tests.unit.exchange.test_layouts_feedback import JUDGEME, LOG
from tests.unit.exchange.test_layouts_orders import SHOPIFY_ORDERS, WOO_ORDERS

# layout id, its headers, and a few cells of one data row by header
CASES: list[tuple[str, list[str], dict[str, Cell]]] = [
    ("membership_sheet", MEMBERSHIP_HEADERS, {"姓名": "张三", "手机号": 13812345678}),
    ("shopify_customers", SHOPIFY_CURRENT, {"Email": "a@example.com", "First Name": "A"}),
    ("shopify_customers", SHOPIFY_OLDER, {"Email": "b@example.com", "Last Name": "B"}),
    ("shopify_orders", SHOPIFY_ORDERS, {"Name": "#1001", "Lineitem name": "Tea"}),
    ("woocommerce_customers", WOO_CUSTOMERS, {"email": "c@example.com"}),
    ("woocommerce_orders", WOO_ORDERS, {"order_number": 7, "item_name": "Tea"}),
    ("taobao_orders", TAOBAO_LIST, {"订单编号": "3712345678901234567", "宝贝标题": "茶"}),
    ("taobao_order_items", TAOBAO_DETAIL, {"订单编号": "3712345678901234567", "标题": "茶"}),
    ("jd_orders", JD, {"订单号": 281234567890, "商品名称": "坚果"}),
    ("taobao_order_items", TAOBAO_DETAIL_NOW, {"主订单编号": "3712345678901234567", "标题": "茶"}),
    ("pdd_orders", PDD, {"订单号": "240105-1", "商品": "脐橙"}),
    ("douyin_orders", DOUYIN, {"主订单编号": "\t6921234567890123456", "选购商品": "玉肌皂"}),
    ("judgeme_reviews", JUDGEME, {"body": "Nice", "rating": 5}),
    ("feedback_log", LOG, {"客户": "张三", "内容": "茶叶受潮", "类型": "投诉"}),
]


def test_every_layout_has_a_case() -> None:
    assert {layout for layout, _, _ in CASES} == {layout.layout_id for layout in LAYOUTS}


@pytest.mark.parametrize(("layout", "headers", "values"), CASES, ids=[c[0] for c in CASES])
def test_title_blank_and_total_rows_around_the_data(
    layout: str, headers: list[str], values: dict[str, Cell]
) -> None:
    width = len(headers)
    data = [values.get(header) for header in headers]
    total: list[Cell] = ["合计"] + [None] * (width - 2) + [100]
    rows: list[list[Cell]] = [
        ["店铺导出数据（2024年1月）"] + [None] * (width - 1),
        ["导出时间：2024-02-01 08:00"] + [None] * (width - 1),
        [None] * width,
        list(headers),
        data,
        [None] * width,
        ["", "\u3000", None] + [None] * (width - 3),
        data,
        total,
        ["Total:"] + [None] * (width - 1),
    ]
    result = read(rows)
    assert result.header_row == 3
    assert result.guess.layout == layout
    kinds = [result.rows[number].kind for number in range(5, 11)]
    assert kinds == [RowKind.DATA, RowKind.BLANK, RowKind.BLANK, RowKind.DATA,
                     RowKind.SUMMARY, RowKind.SUMMARY]
    first, again = result.rows[5], result.rows[8]
    assert (first.customer, first.order, first.feedback) == (
        again.customer, again.order, again.feedback,
    )
    assert not result.rows[5].has_errors
    assert (result.rows[5].customer, result.rows[5].order, result.rows[5].feedback) != (
        None, None, None,
    )
