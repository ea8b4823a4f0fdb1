"""Feedback layouts (Judge.me reviews, hand-kept feedback logs) and sheets of no known layout."""

from __future__ import annotations

from desktop.core.import_types import (
    ColumnMapping,
    CustomerFields,
    FeedbackFields,
    ImportTarget,
    RowIssue,
    RowKind,
)
from desktop.exchange import cells
from desktop.exchange.layouts import recognise, suggest_target
from desktop.exchange.layouts_catalog import UNKNOWN_LAYOUT_NAME
from desktop.exchange.rows import FEEDBACK_EMPTY
from tests.unit.exchange.layout_support import read, sheet

JUDGEME = ["title", "body", "rating", "review_date", "source", "curated", "reviewer_name",
           "reviewer_email", "product_id", "product_handle", "reply", "picture_urls"]


def test_judgeme_reviews_export() -> None:
    rows = sheet(
        None,
        JUDGEME,
        ["Lovely tea", "Fresh and fragrant.", 5, "2024-01-10 08:00:00 UTC", "web", "ok",
         "Emily C.", "emily@example.co.uk", 7012345, "green-tea-100g", "Thank you!", ""],
        ["", "Arrived late", 2, "2024-01-11", "email", "ok", "Anonymous", "", 7012345,
         "green-tea-100g", "", ""],
    )
    result = read(rows)
    assert result.guess.layout == "judgeme_reviews"
    assert result.guess.target is ImportTarget.FEEDBACK
    assert result.field_of("reply") == "feedback.resolution"
    assert result.field_of("product_id") is None
    assert result.rows[2].feedback == FeedbackFields(
        kind="review", content="Lovely tea\nFresh and fragrant.", rating=5, channel="Shopify",
        received_at="2024-01-10T08:00:00.000000+00:00", resolution="Thank you!",
        product="green-tea-100g",
    )
    assert result.rows[2].customer == CustomerFields(name="Emily C.", email="emily@example.co.uk")
    second = result.rows[3]
    assert second.feedback is not None
    assert second.feedback.content == "Arrived late" and second.feedback.rating == 2
    assert second.feedback.received_at == "2024-01-10T16:00:00.000000+00:00"  # midnight +08:00
    assert second.customer == CustomerFields(name="Anonymous")


LOG = ["序号", "日期", "客户", "电话", "类型", "内容", "处理人", "处理结果", "状态", "订单号"]


def test_hand_kept_feedback_log() -> None:
    rows = sheet(
        "客户反馈登记表（2024年第一季度）",
        LOG,
        [1, "2024/1/8", "张三", "13812345678", "投诉", "茶叶受潮", "小王", "已补发", "已解决",
         "3712345678901234567"],
        [2, "2024年1月9日", "李四", None, "咨询", "有没有礼盒装？", None, None, "待处理", None],
        [None] * 10,
        [3, "2024-01-10", None, "13987654321", "夸奖", "包装很好", None, None, "搁置", None],
        [4, "2024-01-11", "王五", None, "建议", None, None, None, None, None],
        ["小计", "4条"],
    )
    result = read(rows)
    assert result.guess.layout == "feedback_log"
    assert result.mapped() == {
        "序号": None, "日期": "feedback.received_at", "客户": "customer.name",
        "电话": "customer.phone", "类型": "feedback.kind", "内容": "feedback.content",
        "处理人": None, "处理结果": "feedback.resolution", "状态": "feedback.status",
        "订单号": "feedback.order_no",
    }
    first = result.rows[4]
    assert first.feedback == FeedbackFields(
        kind="complaint", content="茶叶受潮", status="resolved",
        received_at="2024-01-07T16:00:00.000000+00:00", resolution="已补发",
        order_no="3712345678901234567",
    )
    assert first.customer == CustomerFields(name="张三", phone="+8613812345678")
    assert result.rows[5].feedback is not None
    assert result.rows[5].feedback.kind == "inquiry"
    assert result.rows[5].feedback.status == "open"
    assert result.rows[6].kind is RowKind.BLANK
    odd = result.rows[7]
    assert odd.feedback is not None and odd.feedback.kind == "inquiry"
    assert odd.customer == CustomerFields(phone="+8613987654321")
    assert odd.issues == (
        RowIssue(7, "feedback.kind", cells.FEEDBACK_KIND_UNKNOWN, {"kind": "夸奖"}, True),
        RowIssue(7, "feedback.status", cells.STATUS_UNKNOWN, {"status": "搁置"}, True),
    )
    empty = result.rows[8]
    assert empty.feedback is None
    assert empty.issues == (RowIssue(8, "", FEEDBACK_EMPTY),)
    assert result.rows[9].kind is RowKind.SUMMARY


def test_unknown_customer_sheet_gets_a_synonym_mapping() -> None:
    headers = ["No.", "客户名称", "手机号码", "E-Mail", "出生年月", "Wechat ID", "会员级别",
               "所在城市", "喜好", "Points"]
    guess = recognise(headers)
    assert guess.layout is None
    assert guess.layout_name == UNKNOWN_LAYOUT_NAME
    assert guess.target is ImportTarget.CUSTOMERS
    assert [entry.field for entry in guess.mapping] == [
        None, "customer.name", "customer.phone", "customer.email", "customer.birthday",
        "customer.wechat_id", "customer.level", "customer.city", None, "customer.points",
    ]
    assert [entry.header for entry in guess.mapping] == headers
    assert [entry.column for entry in guess.mapping] == list(range(10))


def test_synonyms_ignore_case_spaces_punctuation_and_full_width() -> None:
    headers = ["【手机 号码】", "ＥＭＡＩＬ", "first_name", "Last-Name", "会员卡号：", "积分(分)"]
    assert [entry.field for entry in recognise(headers).mapping] == [
        "customer.phone", "customer.email", "customer.first_name", "customer.last_name",
        "customer.member_no", "customer.points",
    ]


def test_unknown_order_sheet_is_suggested_as_orders() -> None:
    headers = ["单号", "日期", "顾客姓名", "联系电话", "商品名称", "数量", "单价", "金额", "备注"]
    guess = recognise(headers)
    assert guess.layout is None and guess.target is ImportTarget.ORDERS
    assert [entry.field for entry in guess.mapping] == [
        "order.order_no", "order.ordered_at", "customer.name", "customer.phone",
        "item.product_name", "item.quantity", "item.unit_price", "order.total", "order.notes",
    ]
    rows = sheet(None, headers, ["S-001", "2024-03-01", "周八", "13812345678", "茶叶", 3,
                                 "20", "60", "现金"])
    parsed = read(rows).rows[2]
    assert parsed.order is not None
    assert parsed.order.order_no == "S-001" and parsed.order.total_cents == 6000
    assert parsed.order.channel == ""
    assert parsed.customer == CustomerFields(name="周八", phone="+8613812345678")


def test_unknown_feedback_sheet_and_target_scores() -> None:
    headers = ["Date", "Customer Name", "Email", "Type", "Message", "Status"]
    guess = recognise(headers)
    assert guess.target is ImportTarget.FEEDBACK
    assert [entry.field for entry in guess.mapping] == [
        "feedback.received_at", "customer.name", "customer.email", "feedback.kind",
        "feedback.content", "feedback.status",
    ]
    assert suggest_target(headers)[0] is ImportTarget.FEEDBACK
    assert suggest_target(["会员卡号", "姓名", "手机号"]) == (ImportTarget.CUSTOMERS, 1.0)
    assert suggest_target(["订单号", "商品名称", "数量", "金额"]) == (ImportTarget.ORDERS, 1.0)
    target, score = suggest_target(["Foo", "Bar", "Baz"])
    assert (target, score) == (None, 0.0)
    assert suggest_target([])[0] is None


def test_edited_mapping_is_honoured() -> None:
    headers = ["姓名", "手机号", "积分"]
    rows = sheet(None, headers, ["张三", "13812345678", "12"])
    mapping = (
        ColumnMapping(0, "姓名", "customer.name"),
        ColumnMapping(1, "手机号", None),  # the user turned this column off
        ColumnMapping(2, "积分", "customer.notes"),
    )
    parsed = read(rows, mapping).rows[2]
    assert parsed.customer == CustomerFields(name="张三", notes="12")


def test_headers_with_a_byte_order_mark_or_zero_width_characters() -> None:
    guess = recognise(["\ufeff订单编号", "买家会员名\u200b", " 订单状态 ", "宝贝标题"])
    assert [entry.field for entry in guess.mapping] == [
        "order.order_no", "customer.platform_account", "order.status", "item.product_name",
    ]
    assert guess.mapping[0].header == "\ufeff订单编号".strip()
