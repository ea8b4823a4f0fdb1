"""Platform status and type texts → ShopVault's values (``OrderStatus``, ``FeedbackKind``,
``FeedbackStatus``) and channel names → platform ids. Keys go through
:func:`choice_key` (lower case, no spaces, dashes or underscores); a
text that begins with a known key (``交易关闭(买家取消)``) takes the longest such key's value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop.core.import_types import Cell
from desktop.core.models import FeedbackKind, FeedbackStatus, OrderStatus
from desktop.core.validation import clean_text
from desktop.exchange.cells import text


def choice(cell: Cell, table: Mapping[str, str]) -> tuple[str | None, str | None]:
    """Look a status-like text up in ``table`` (keys compared by :func:`choice_key`).
    Returns (value, None), or (None, the cleaned text) when it is not known."""
    value = text(cell)
    if value is None:
        return None, None
    key = choice_key(value)
    if key in table:
        return table[key], None
    # 交易关闭(买家取消), 退款成功，交易关闭 …: the longest known beginning decides.
    prefixes = [known for known in table if len(known) >= 2 and key.startswith(known)]
    if prefixes:
        return table[max(prefixes, key=len)], None
    return None, value


def choice_key(value: str) -> str:
    return re.sub(r"[\s_\-]+", "", clean_text(value).lower())


_PENDING, _PAID, _SHIPPED = OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.SHIPPED
_DONE, _CANCELLED, _REFUNDED = OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED

_ORDER_STATUS: dict[OrderStatus, tuple[str, ...]] = {
    _PENDING: (
        # Taobao/Tmall, JD, Pinduoduo, hand-kept
        "等待买家付款", "待付款", "未付款", "等待付款", "待支付", "未支付", "待确认", "新订单",
        # Shopify financial status, WooCommerce
        "pending", "authorized", "unpaid", "wc-pending", "pending payment", "on-hold",
        "wc-on-hold", "on hold", "checkout-draft", "wc-checkout-draft", "draft",
    ),
    _PAID: (
        "买家已付款", "等待卖家发货", "已付款", "待发货", "等待出库", "已支付", "未发货",
        "待出库", "已付款待发货", "部分发货", "卖家部分发货", "备货中",
        "paid", "partially_paid", "partially paid", "processing", "wc-processing",
        "partially_refunded", "partially refunded",
    ),
    _SHIPPED: (
        "卖家已发货", "等待买家确认收货", "已发货", "等待确认收货", "已发货待签收",
        "已发货，待签收", "已发货,待签收", "配送中", "运输中", "待收货", "已出库",
        "shipped", "fulfilled", "in transit", "wc-shipped",
    ),
    _DONE: (
        "交易成功", "已完成", "完成", "已签收", "已收货", "交易完成", "已确认收货", "成功",
        "completed", "complete", "wc-completed", "delivered",
    ),
    _CANCELLED: (
        "交易关闭", "已取消", "取消", "订单取消", "(删除)锁定", "删除", "锁定", "已关闭", "关闭",
        "交易失败", "cancelled", "canceled", "voided", "void", "wc-cancelled", "failed",
        "wc-failed", "expired",
    ),
    _REFUNDED: (
        "退款", "退款中", "退款成功", "已退款", "全额退款", "退货退款", "售后退款",
        "未发货，退款成功", "未发货,退款成功", "已发货，退款成功", "已签收，退款成功",
        "refunded", "wc-refunded", "refund",
    ),
}
ORDER_STATUS: dict[str, str] = {
    choice_key(text): status.value for status, texts in _ORDER_STATUS.items() for text in texts
}

# Shopify's fulfillment status, read together with the financial status.
FULFILLMENT_STATUS: dict[str, str] = {
    choice_key(text): status.value
    for status, texts in {
        _SHIPPED: ("fulfilled", "shipped", "已发货", "已配送"),
        _DONE: ("delivered", "已签收", "已送达"),
        _PAID: ("unfulfilled", "partial", "partially fulfilled", "未发货", "部分发货"),
        _PENDING: ("pending", "scheduled", "on hold"),
        _CANCELLED: ("restocked",),
    }.items()
    for text in texts
}

_FEEDBACK_KIND: dict[FeedbackKind, tuple[str, ...]] = {
    FeedbackKind.COMPLAINT: ("投诉", "客诉", "抱怨", "差评投诉", "complaint", "complain"),
    FeedbackKind.INQUIRY: ("咨询", "询问", "问询", "疑问", "问题", "售前咨询", "售后咨询",
                           "inquiry", "enquiry", "question", "query"),
    FeedbackKind.SUGGESTION: ("建议", "意见", "意见建议", "suggestion", "idea", "proposal"),
    FeedbackKind.REVIEW: ("评价", "好评", "中评", "差评", "评论", "晒单", "review", "rating",
                          "testimonial"),
}
FEEDBACK_KIND: dict[str, str] = {
    choice_key(text): kind.value for kind, texts in _FEEDBACK_KIND.items() for text in texts
}

_FEEDBACK_STATUS: dict[FeedbackStatus, tuple[str, ...]] = {
    FeedbackStatus.OPEN: ("待处理", "未处理", "新建", "待回复", "未回复", "新", "open", "new",
                          "pending", "unresolved", "not-yet", "not yet"),
    FeedbackStatus.IN_PROGRESS: ("处理中", "跟进中", "进行中", "待跟进", "in progress",
                                 "in_progress", "processing", "working"),
    FeedbackStatus.RESOLVED: ("已处理", "已解决", "已完成", "已回复", "已关闭", "完成", "关闭",
                              "结案", "resolved", "closed", "done", "solved", "replied",
                              "answered"),
}
FEEDBACK_STATUS: dict[str, str] = {
    choice_key(text): status.value for status, texts in _FEEDBACK_STATUS.items() for text in texts
}

CHANNELS: dict[str, str] = {
    choice_key(text): platform
    for platform, texts in {
        "taobao": ("淘宝", "天猫", "taobao", "tmall", "千牛", "淘宝网"),
        "jd": ("京东", "jd", "jd.com", "京东商城"),
        "pdd": ("拼多多", "pdd", "pinduoduo", "多多"),
        "douyin": ("抖音", "抖店", "douyin", "tiktok"),
        "wechat": ("微信", "小程序", "微店", "wechat", "weixin", "有赞"),
        "shopify": ("shopify",),
        "woocommerce": ("woocommerce", "woo"),
        "store": ("门店", "线下", "店内", "到店", "实体店", "store", "offline", "pos"),
        "phone": ("电话", "phone", "热线"),
        "email": ("邮件", "email", "e-mail"),
    }.items()
    for text in texts
}
