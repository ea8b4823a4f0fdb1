"""Header rows of platform exports as the platforms write them today (public importers of these
files and the platforms' own help pages agree on them), shared by the layout and import tests."""

from __future__ import annotations

# Taobao / Tmall 宝贝明细 (ExportOrderDetailList): one row per 子订单, no 订单编号 column.
TAOBAO_DETAIL = [
    "子订单编号", "主订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息",
    "备注", "订单状态", "商家编码", "支付单号", "买家应付货款", "买家实际支付金额", "退款状态",
    "退款金额", "订单创建时间", "订单付款时间", "商品id", "分阶段订单信息", "主订单备注",
    "主订单买家留言", "发货时间", "物流单号", "物流公司", "是否赔付", "赔付金额", "赔付出账时间",
]

# Douyin 抖店 order export (订单管理 → 批量导出); the merchant may leave columns out.
DOUYIN = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码",
    "商品单价", "订单应付金额", "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠",
    "支付方式", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址",
    "买家留言", "订单提交时间", "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态",
    "售后状态", "取消原因", "预约发货时间", "商家备注", "旗帜颜色", "达人ID", "达人昵称",
]
