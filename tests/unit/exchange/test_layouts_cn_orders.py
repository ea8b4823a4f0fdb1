"""Order exports of Chinese platforms: Taobao/Tmall (千牛 order list and order detail list),
JD (京东) and Pinduoduo (拼多多). Their times are China Standard Time."""

from __future__ import annotations

from datetime import datetime

from desktop.core.import_types import (
    CustomerFields,
    ImportTarget,
    ItemFields,
    OrderFields,
    RowIssue,
    RowKind,
)
from desktop.exchange import cells
from tests.unit.exchange.layout_support import read, sheet

TAOBAO_LIST = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分",
    "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
    "收货人姓名", "收货地址", "运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间",
    "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注", "宝贝总数量", "店铺Id",
    "店铺名称", "订单关闭原因",
]


def _taobao(**values: object) -> list[object]:
    return [values.get(header) for header in TAOBAO_LIST]


def test_taobao_order_list() -> None:
    rows = sheet(
        "订单报表-2024-01",
        TAOBAO_LIST,
        _taobao(**{
            "订单编号": '="3712345678901234567"', "买家会员名": "tb_小花2024",
            "买家应付货款": "199.00", "买家应付邮费": "0.00", "总金额": "199.00",
            "买家实际支付金额": "189.00", "订单状态": "交易成功", "买家留言": "请尽快发货",
            "收货人姓名": "李小花", "收货地址": "浙江省 杭州市 西湖区 文三路100号(310000)",
            "联系电话": "", "联系手机": "'13812345678", "订单创建时间": "2024-01-05 10:20:30",
            "订单付款时间": "2024-01-05 10:21:00", "宝贝标题": "龙井茶 250g", "宝贝种类": 1,
            "订单备注": "老客户", "宝贝总数量": 2, "店铺名称": "茶香小铺",
        }),
        [None] * len(TAOBAO_LIST),
        _taobao(**{
            "订单编号": "\t3712345678901234568", "买家会员名": "t**9", "订单状态": "交易关闭",
            "收货人姓名": "*", "联系手机": "1**********", "总金额": "59.90",
            "订单创建时间": "2024-01-06 08:00:00", "宝贝标题": "茶杯", "宝贝总数量": 1,
        }),
        _taobao(**{
            "订单编号": 3.71234567890123e18, "订单状态": "卖家已发货",
            "宝贝标题": "茶杯", "宝贝总数量": 1,
        }),
        ["合计", None, None, "258.90"],
    )
    result = read(rows)
    assert result.header_row == 2
    assert result.guess.layout == "taobao_orders"
    assert result.guess.target is ImportTarget.ORDERS
    mapped = result.mapped()
    assert mapped["买家会员名"] == "customer.platform_account"
    assert mapped["联系手机"] == "order.ship_phone"
    assert mapped["联系电话"] is None and mapped["买家支付宝账号"] is None
    assert mapped["宝贝标题"] == "item.product_name"

    row = result.rows[4]
    assert row.order == OrderFields(
        order_no="3712345678901234567", channel="淘宝", status="completed",
        ordered_at="2024-01-05T02:20:30.000000+00:00", total_cents=19900, shipping_cents=0,
        paid_cents=18900, ship_name="李小花", ship_phone="+8613812345678",
        ship_address="浙江省 杭州市 西湖区 文三路100号(310000)", notes="请尽快发货; 老客户",
        items=(ItemFields("龙井茶 250g", 2, summary=True),),  # the list's packed title
    )
    assert row.customer == CustomerFields(
        name="李小花", phone="+8613812345678", platform="taobao",
        platform_account="tb_小花2024", address_detail="浙江省 杭州市 西湖区 文三路100号(310000)",
    )
    assert row.issues == ()
    assert result.rows[5].kind is RowKind.BLANK

    masked = result.rows[6]
    assert masked.order is not None and masked.order.order_no == "3712345678901234568"
    assert masked.order.status == "cancelled"
    assert masked.order.ship_phone is None and masked.order.ship_name is None
    assert masked.customer is None  # nothing real is known about the buyer
    assert {(issue.field, issue.reason, issue.warning) for issue in masked.issues} == {
        ("customer.platform_account", cells.MASKED_VALUE, True),
        ("order.ship_name", cells.MASKED_VALUE, True),
        ("order.ship_phone", cells.MASKED_VALUE, True),
    }
    rounded = result.rows[7]
    assert rounded.order is None
    assert rounded.issues == (RowIssue(7, "order.order_no", cells.EXCEL_ROUNDED),)
    assert result.rows[8].kind is RowKind.SUMMARY


TAOBAO_DETAIL = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息",
                 "备注", "订单状态", "商家编码"]


def test_taobao_order_detail_list_has_one_row_per_item() -> None:
    rows = sheet(
        None,
        TAOBAO_DETAIL,
        ["3712345678901234567", "龙井茶 250g", "99.50", 2, "LJ-250", "规格:250g", "", "",
         "交易成功", "LJ-250-A"],
        ["3712345678901234567", "茶杯", "¥10.00", 1, "", "颜色分类:白", "", "", "交易成功",
         "CUP-W"],
    )
    result = read(rows)
    assert result.guess.layout == "taobao_order_items"
    assert result.rows[2].order == OrderFields(
        order_no="3712345678901234567", channel="淘宝", status="completed",
        items=(ItemFields("龙井茶 250g", 2, "LJ-250", 9950),),
    )
    assert result.rows[2].customer is None
    assert result.rows[3].order is not None
    assert result.rows[3].order.items == (ItemFields("茶杯", 1, "CUP-W", 1000),)


JD = ["订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额",
      "结算金额", "余额支付", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名",
      "客户地址", "联系电话", "订单备注", "商家备注", "运费金额", "付款确认时间"]


def test_jd_order_export_with_two_items_of_one_order() -> None:
    head = [281234567890, 100012345678, "坚果礼盒", 1, "在线支付", datetime(2024, 2, 1, 20, 5),
            "128.00", "168.00", "", "", "158.00", "等待出库", "普通订单", "jd_wang123", "王强",
            "北京市朝阳区建国路88号", "139 1234 5678", "", "加急", "10.00", ""]
    second = [281234567890, 100012345679, "果干", 1, "", datetime(2024, 2, 1, 20, 5), "40.00"]
    done = [281234567891, 100012345678, "坚果礼盒", 2, "", "2024-02-03 09:00:00", "128.00",
            "256.00", "", "", "256.00", "完成", "", "jd_li", "李梅", "", "(010) 6552 9988"]
    result = read(sheet("京东订单导出", JD, head, second, done, ["总计", None, None, 4]))
    assert result.guess.layout == "jd_orders"
    assert result.rows[4].order == OrderFields(
        order_no="281234567890", channel="京东", status="paid",
        ordered_at="2024-02-01T12:05:00.000000+00:00", total_cents=16800, shipping_cents=1000,
        paid_cents=15800, ship_name="王强", ship_phone="+8613912345678",
        ship_address="北京市朝阳区建国路88号", notes="加急",
        items=(ItemFields("坚果礼盒", 1, "100012345678", 12800),),
    )
    assert result.rows[4].customer == CustomerFields(
        name="王强", phone="+8613912345678", platform="jd", platform_account="jd_wang123",
        address_detail="北京市朝阳区建国路88号",
    )
    assert result.rows[5].order is not None
    assert result.rows[5].order.items == (ItemFields("果干", 1, "100012345679", 4000),)
    assert result.rows[6].order is not None and result.rows[6].order.status == "completed"
    assert result.rows[6].customer is not None
    assert result.rows[6].customer.phone == "+861065529988"  # a landline
    assert result.rows[7].kind is RowKind.SUMMARY


PDD = ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)",
       "邮费(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "身份证姓名",
       "身份证号码", "收货人", "手机", "是否蜂窝", "省", "市", "区", "街道", "详细地址",
       "拼单成功时间", "订单成交时间", "商品id", "商品规格", "商家编码-SKU维度", "商家备注",
       "售后状态", "快递单号"]


def test_pinduoduo_order_export() -> None:
    row = ["【2斤装】赣南脐橙", "240105-123456789012345", "已发货，待签收", "29.90", "3.00",
           "2.00", "0.00", "24.90", "26.90", 1, "", "", "赵六", "15012345678", "否", "江西省",
           "赣州市", "信丰县", "嘉定镇", "XX路1号", "2024-01-05 09:00:00",
           "2024-01-05 09:00:05", 123456789, "2斤装", "QC-2", "", "无售后", "YT123"]
    refunded = ["脐橙", "240106-1", "未发货，退款成功", "9.90", "", "", "", "9.90", "", 1, "",
                "", "孙七", "~AgAAAAEFq3kB8Kx7HNlg1Q==~", "", "广东省", "深圳市", "南山区", "",
                "科技园", "", "2024-01-06 10:00:00"]
    result = read(sheet(None, PDD, row, refunded, ["合计", None, None, "39.80"]))
    assert result.guess.layout == "pdd_orders"
    assert result.rows[2].order == OrderFields(
        order_no="240105-123456789012345", channel="拼多多", status="shipped",
        ordered_at="2024-01-05T01:00:05.000000+00:00", total_cents=2990, discount_cents=300,
        shipping_cents=0, paid_cents=2490, ship_name="赵六", ship_phone="+8615012345678",
        ship_address="江西省 赣州市 信丰县 嘉定镇 XX路1号",
        items=(ItemFields("【2斤装】赣南脐橙", 1, "QC-2"),),
    )
    assert result.rows[2].customer == CustomerFields(
        name="赵六", phone="+8615012345678", platform="pdd",
        address_detail="江西省 赣州市 信丰县 嘉定镇 XX路1号",
    )
    second = result.rows[3]
    assert second.order is not None and second.order.status == "refunded"
    assert second.order.ship_phone is None
    assert second.issues == (RowIssue(3, "order.ship_phone", cells.MASKED_VALUE, {}, True),)
    assert result.rows[4].kind is RowKind.SUMMARY
