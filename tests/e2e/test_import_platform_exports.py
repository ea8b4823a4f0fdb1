"""Platform exports laid out as the platforms write them today, imported into a real shop:
the layout recognised, exact counts, one order per order number, and nothing new the second
time. Each test is a file the team's own fixtures did not cover."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from pathlib import Path

from desktop.core.import_types import MatchPolicy
from desktop.services.import_api import ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from tests.support.platform_headers import DOUYIN, TAOBAO_DETAIL
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, run_cli


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _request(service: ImportService, shop: ShopFixture, path: Path) -> ImportRequest:
    overview = service.inspect(shop.owner, path)
    preview = service.preview(shop.owner, path, overview.suggested_sheet)
    return ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                         preview.mapping, MatchPolicy.FILL_EMPTY, preview.layout)


def _import_twice(shop: ShopFixture, path: Path, layout: str, expected: ImportCounts,
                  again: ImportCounts) -> None:
    service = ImportService(shop.workspace)
    request = _request(service, shop, path)
    assert request.layout == layout
    assert service.dry_run(shop.owner, request).counts == expected
    assert service.run(shop.owner, request).counts == expected
    assert service.run(shop.owner, request).counts == again


def _orders(shop: ShopFixture) -> list[tuple[object, ...]]:
    return shop.workspace.shop.db.conn.execute(
        "SELECT order_no, status, total_cents,"
        " (SELECT group_concat(sku || ' x' || quantity, ', ') FROM order_items"
        "  WHERE order_id = orders.id) FROM orders ORDER BY order_no"
    ).fetchall()


# ---------------------------------------------------------------- Taobao / Tmall 宝贝明细



def _detail_row(sub: str, main: str, title: str, price: str, quantity: str, status: str,
                code: str, refund: str = "没有申请退款") -> list[str]:
    values = dict.fromkeys(TAOBAO_DETAIL, "")
    values.update({
        "子订单编号": f'="{sub}"', "主订单编号": f'="{main}"', "标题": title, "价格": price,
        "购买数量": quantity, "订单状态": status, "商家编码": code, "退款状态": refund,
        "买家应付货款": price, "买家实际支付金额": price, "订单创建时间": "2024-01-05 12:30:45",
        "订单付款时间": "2024-01-05 12:31:02", "商品id": "='678901234567'",
    })
    return [values[header] for header in TAOBAO_DETAIL]


def test_taobao_current_order_detail_groups_items_by_main_order_number(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """The current 宝贝明细 has one row per 子订单 and the order's number in 主订单编号 (there
    is no 订单编号 column any more): every row was rejected for want of an order number."""
    path = write_csv(tmp_path / "ExportOrderDetailList202401.csv", [
        TAOBAO_DETAIL,
        _detail_row("3712345678901234570", "3712345678901234567", "西湖龙井 250g", "99.50", "2",
                    "交易成功", "LJ-250"),
        _detail_row("3712345678901234571", "3712345678901234567", "青瓷茶杯", "10.00", "1",
                    "交易成功", "CUP-W"),
        _detail_row("3712345678901234568", "3712345678901234568", "青瓷茶杯", "59.90", "1",
                    "交易关闭", "CUP-G", refund="退款成功"),
    ], "gbk")
    _import_twice(
        shop, path, "taobao_order_items",
        ImportCounts(created=2, duplicates=1, orders_created=2),
        ImportCounts(skipped=2, duplicates=1),
    )
    assert _orders(shop) == [
        ("3712345678901234567", "completed", 20900, "LJ-250 x2, CUP-W x1"),
        ("3712345678901234568", "refunded", 5990, "CUP-G x1"),
    ]


def test_taobao_order_detail_a_refunded_item_does_not_end_the_order(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """Each 宝贝明细 row has its item's status: the order's first row decided the status of
    the whole order, so an order whose first item was refunded was 'cancelled' although its
    other item was delivered; and a closed order whose money went back (交易关闭 + 退款成功)
    was 'cancelled' instead of 'refunded'."""
    path = write_csv(tmp_path / "ExportOrderDetailList202402.csv", [
        TAOBAO_DETAIL,
        _detail_row("3712345678901234571", "3712345678901234567", "青瓷茶杯", "10.00", "1",
                    "交易关闭", "CUP-W", refund="退款成功"),
        _detail_row("3712345678901234570", "3712345678901234567", "西湖龙井 250g", "99.50", "1",
                    "交易成功", "LJ-250"),
        _detail_row("3712345678901234580", "3712345678901234580", "茶盘", "35.00", "1",
                    "交易关闭", "TRAY", refund="退款关闭"),
        _detail_row("3712345678901234590", "3712345678901234590", "茶盘", "35.00", "1",
                    "交易关闭", "TRAY", refund="退款成功"),
    ], "gb18030")
    _import_twice(
        shop, path, "taobao_order_items",
        ImportCounts(created=3, duplicates=1, orders_created=3),
        ImportCounts(skipped=3, duplicates=1),
    )
    assert _orders(shop) == [
        ("3712345678901234567", "completed", 10950, "CUP-W x1, LJ-250 x1"),
        ("3712345678901234580", "cancelled", 3500, "TRAY x1"),
        ("3712345678901234590", "refunded", 3500, "TRAY x1"),
    ]


# ---------------------------------------------------------------- WooCommerce, abroad

WOO_ORDERS = [
    "order_id", "order_number", "order_date", "status", "shipping_total", "order_total",
    "order_currency", "customer_id", "billing_first_name", "billing_last_name", "billing_email",
    "billing_phone", "billing_address_1", "billing_city", "billing_state", "billing_country",
    "shipping_first_name", "shipping_last_name", "shipping_country", "customer_note", "item_id",
    "item_name", "item_sku", "item_quantity", "item_total",
]


def test_woocommerce_orders_read_phones_in_the_billing_country(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """A Canadian or US billing phone written nationally was an invalid (Chinese) phone and
    took the whole order down with it; ``13125551219`` became a Chinese mobile."""
    jane = ["1234", "1234", "2024-01-05 12:30:45", "completed", "5.00", "45.00", "CAD", "12",
            "Jane", "Doe", "jane@example.com", "(613) 555-0123", "12 Main St", "Ottawa", "ON",
            "CA", "Jane", "Doe", "CA", ""]
    path = write_csv(tmp_path / "orders-2024-01.csv", [
        WOO_ORDERS,
        [*jane, "1", "Green Tea", "GT", "2", "30.00"],
        [*jane, "2", "Tea Cup", "CUP", "1", "10.00"],
        ["1235", "1235", "2024-01-06 08:00:00", "processing", "0", "15.00", "USD", "13", "Bob",
         "Lee", "bob@example.com", "13125551219", "", "Chicago", "IL", "US", "", "", "US", "",
         "3", "Green Tea", "GT", "1", "15.00"],
        ["1236", "1236", "2024-01-07 09:00:00", "completed", "0", "15.00", "CNY", "14", "明",
         "李", "li@example.cn", "138 1234 5678", "", "北京", "", "CN", "", "", "CN", "",
         "4", "Green Tea", "GT", "1", "15.00"],
    ], "utf-8")
    _import_twice(
        shop, path, "woocommerce_orders",
        ImportCounts(created=3, duplicates=1, orders_created=3, customers_created=3),
        ImportCounts(skipped=3, duplicates=1),
    )
    phones = shop.workspace.shop.db.conn.execute(
        "SELECT email, phone FROM customers ORDER BY email").fetchall()
    assert phones == [("bob@example.com", "+13125551219"), ("jane@example.com", "+16135550123"),
                      ("li@example.cn", "+8613812345678")]


def test_shopify_customers_read_phones_in_the_address_country(
    shop: ShopFixture, tmp_path: Path
) -> None:
    header = ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
              "Default Address Company", "Default Address Address1", "Default Address Address2",
              "Default Address City", "Default Address Province Code",
              "Default Address Country Code", "Default Address Zip", "Default Address Phone",
              "Phone", "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note",
              "Tax Exempt", "Tags"]
    path = write_csv(tmp_path / "customers_export.csv", [
        header,
        ["7012345678901", "Jane", "Doe", "jane@example.com", "yes", "", "12 Main St", "",
         "Ottawa", "ON", "CA", "K1A 0B1", "613-555-0123", "", "no", "120.50", "3", "", "no", ""],
        ["7012345678902", "Ann", "Lee", "ann@example.co.uk", "no", "", "1 High St", "",
         "London", "", "GB", "SW1A 1AA", "", "020 7946 0958", "no", "0.00", "0", "", "no", ""],
    ], "utf-8")
    _import_twice(
        shop, path, "shopify_customers",
        ImportCounts(created=2, customers_created=2), ImportCounts(skipped=2),
    )
    assert shop.workspace.shop.db.conn.execute(
        "SELECT phone FROM customers ORDER BY email").fetchall() == [
        ("+442079460958",), ("+16135550123",)]


# ---------------------------------------------------------------- Douyin (抖店)



def _douyin_row(**values: str) -> list[str]:
    return [values.get(header, "") for header in DOUYIN]


def test_douyin_order_export_is_recognised_with_encrypted_recipients(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """抖店 had no layout: its order export was taken for a customer list and rejected. Its
    ids carry a leading tab, its recipients are masked (黄**) or encrypted (#…#, $…$)."""
    first = {"主订单编号": "\t6921234567890123456", "订单应付金额": "49.80", "收件人": "黄**",
             "收件人手机号": "158****1234", "订单提交时间": "2024/01/05 12:30:45",
             "订单状态": "已完成", "售后状态": "-", "商家备注": "-"}
    path = write_csv(tmp_path / "抖店订单导出.csv", [
        DOUYIN,
        _douyin_row(**first, 子订单编号="\t6921234567890123457", 选购商品="玉肌皂",
                    商品规格="\t1块", 商品数量="2", 商家编码="\tYJZ-1", 商品单价="29.90",
                    运费="0.00", 优惠总金额="10.00", 支付方式="抖音支付", 省="广东省",
                    市="广州市", 区="天河区", 街道="石牌街道", 详细地址="***",
                    支付完成时间="2024/01/05 12:31:00"),
        _douyin_row(**first, 子订单编号="\t6921234567890123458", 选购商品="洗脸巾",
                    商品数量="1", 商品单价="9.90"),
        _douyin_row(主订单编号="\t6921234567890123999", 子订单编号="\t6921234567890123999",
                    选购商品="玉肌皂", 商品数量="1", 商品单价="29.90", 订单应付金额="29.90",
                    收件人="#B2xQd9fKq+Lm0aZ1#", 收件人手机号="$Qn/ZHaMby1MzBq3Rw2t7fw==$",
                    订单提交时间="2024/01/06 08:00:00", 订单状态="备货中", 售后状态="-"),
    ], "utf-8-sig")
    _import_twice(
        shop, path, "douyin_orders",
        ImportCounts(created=2, duplicates=1, orders_created=2),
        ImportCounts(skipped=2, duplicates=1),
    )
    assert _orders(shop) == [
        ("6921234567890123456", "completed", 4980, "YJZ-1 x2,  x1"),
        ("6921234567890123999", "paid", 2990, " x1"),
    ]
    assert shop.workspace.shop.db.conn.execute(
        "SELECT ship_name, ship_phone, ship_address, ordered_at FROM orders ORDER BY order_no"
    ).fetchall() == [
        ("", "", "广东省 广州市 天河区 石牌街道", "2024-01-05T04:30:45.000000+00:00"),
        ("", "", "", "2024-01-06T00:00:00.000000+00:00"),
    ]


# ---------------------------------------------------------------- more WooCommerce, Taobao

ALGOLPLUS = [
    "Order Number", "Order Status", "Order Date", "Customer Note", "First Name (Billing)",
    "Last Name (Billing)", "Company (Billing)", "Address 1&2 (Billing)", "City (Billing)",
    "State Code (Billing)", "Postcode (Billing)", "Country Code (Billing)", "Email (Billing)",
    "Phone (Billing)", "First Name (Shipping)", "Last Name (Shipping)", "Address 1&2 (Shipping)",
    "City (Shipping)", "State Code (Shipping)", "Postcode (Shipping)", "Country Code (Shipping)",
    "Payment Method Title", "Cart Discount Amount", "Order Subtotal Amount",
    "Shipping Method Title", "Order Shipping Amount", "Order Refund Amount", "Order Total Amount",
    "Order Total Tax Amount", "SKU", "Item #", "Item Name", "Quantity", "Item Cost",
    "Coupon Code", "Discount Amount", "Discount Amount Tax",
]


def test_woocommerce_advanced_order_export_is_a_woocommerce_orders_export(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """"Advanced Order Export For WooCommerce" (its default fields) matched no layout: the
    buyer was lost and ``Item #`` (the line number) became the product's name."""
    order = ["1001", "Completed", "2024-01-05 12:30", "", "Jane", "Doe", "", "12 Main St",
             "Ottawa", "ON", "K1A 0B1", "CA", "jane@example.com", "613 555 0123", "Jane", "Doe",
             "12 Main St", "Ottawa", "ON", "K1A 0B1", "CA", "Credit card", "0.00", "40.00",
             "Flat rate", "5.00", "0.00", "45.00", "0.00"]
    path = write_csv(tmp_path / "orders_export.csv", [
        ALGOLPLUS,
        [*order, "GT", "1", "Green Tea", "2", "15.00", "", "", ""],
        [*order, "CUP", "2", "Tea Cup", "1", "10.00", "", "", ""],
        ["1002", "Refunded", "2024-01-06 08:00", "", "Bob", "Lee", "", "", "", "", "", "US",
         "bob@example.com", "", "", "", "", "", "", "", "", "Credit card", "0.00", "15.00", "",
         "0.00", "15.00", "15.00", "0.00", "GT", "1", "Green Tea", "1", "15.00", "", "", ""],
    ], "utf-8-sig")
    _import_twice(
        shop, path, "woocommerce_orders",
        ImportCounts(created=2, duplicates=1, orders_created=2, customers_created=2),
        ImportCounts(skipped=2, duplicates=1),
    )
    assert _orders(shop) == [
        ("1001", "completed", 4500, "GT x2, CUP x1"),
        ("1002", "refunded", 1500, "GT x1"),
    ]
    conn = shop.workspace.shop.db.conn
    assert conn.execute("SELECT name, phone, email FROM customers ORDER BY email").fetchall() == [
        ("Bob Lee", None, "bob@example.com"), ("Jane Doe", "+16135550123", "jane@example.com")]
    assert conn.execute("SELECT product_name FROM order_items ORDER BY id").fetchall() == [
        ("Green Tea",), ("Tea Cup",), ("Green Tea",)]


def test_taobao_order_list_without_buyer_nick_and_with_masked_recipients(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """The order list as 千牛 exports it now: no 买家会员名 / 买家支付宝账号, 买家实付金额 for
    买家实际支付金额, recipients masked. Orders come in (with what was paid), no customer is
    made up from masked values, a masked phone is no error, and of a masked address what the
    platform showed (province, city, district) is kept."""
    header = ["订单编号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费", "总金额",
              "买家实付金额", "订单状态", "买家留言", "收货人姓名", "收货地址", "联系电话",
              "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "订单备注",
              "宝贝总数量", "店铺名称", "订单关闭原因", "退款金额"]
    path = write_csv(tmp_path / "ExportOrderList202401.csv", [
        header,
        ['="3712345678901234567"', '="2024010522001100001"', "支付宝", "199.00", "0.00",
         "199.00", "189.00", "交易成功", "", "李**", "浙江省 杭州市 西湖区 文***路***号",
         "", "138****1234", "2024-01-05 12:30:45", "2024-01-05 12:31:02", "西湖龙井 250g", "1",
         "", "2", "茶香小铺", "订单未关闭", "0.00"],
        ['="3712345678901234568"', '="2024010622001100002"', "支付宝", "59.90", "0.00",
         "59.90", "59.90", "交易关闭", "", "李**", "", "", "138****1234",
         "2024-01-06 08:00:00", "2024-01-06 08:00:10", "青瓷茶杯", "1", "", "1", "茶香小铺",
         "退款", "59.90"],
        ["合计", "", "", "258.90", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "3"],
    ], "gbk")
    _import_twice(
        shop, path, "taobao_orders",
        ImportCounts(created=2, skipped_summary=1, orders_created=2),
        ImportCounts(skipped=2, skipped_summary=1),
    )
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT order_no, status, paid_cents, customer_id, ship_phone, ship_address FROM orders"
        " ORDER BY order_no").fetchall() == [
        ("3712345678901234567", "completed", 18900, None, "", "浙江省 杭州市 西湖区"),
        ("3712345678901234568", "refunded", 5990, None, "", ""),
    ]
    assert conn.execute("SELECT count(*) FROM customers").fetchone() == (0,)


def test_membership_sheet_with_member_number_and_phone_number_columns(
    shop: ShopFixture, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "会员.csv", [
        ["会员编号", "会员姓名", "手机号码", "性别", "出生年月", "当前积分", "余额", "会员级别"],
        ["M001", "周八", "13700001111", "男", "1988-08-08", "10", "5.00", "普通"],
        ["M002", "吴九", "+86 137 0000 2222", "女", "1990/2/28", "0", "0", "普通"],
    ], "gbk")
    _import_twice(shop, path, "membership_sheet",
                  ImportCounts(created=2, customers_created=2), ImportCounts(skipped=2))


WOO_DEFAULT = [
    "order_id", "order_number", "order_number_formatted", "order_date", "status",
    "shipping_total", "shipping_tax_total", "fee_total", "fee_tax_total", "tax_total",
    "cart_discount", "order_discount", "discount_total", "order_total", "refunded_total",
    "order_currency", "payment_method", "shipping_method", "customer_id", "billing_first_name",
    "billing_last_name", "billing_company", "billing_email", "billing_phone",
    "billing_address_1", "billing_address_2", "billing_postcode", "billing_city",
    "billing_state", "billing_country", "shipping_first_name", "shipping_last_name",
    "shipping_address_1", "shipping_address_2", "shipping_postcode", "shipping_city",
    "shipping_state", "shipping_country", "shipping_company", "customer_note", "line_items",
    "shipping_items", "fee_items", "tax_items", "coupon_items", "order_notes",
    "download_permissions_granted",
]


def test_woocommerce_default_export_packs_an_orders_items_in_one_cell(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """The Customer/Order/Coupon Export's default format has one row per order and its items
    packed in ``line_items``: the orders came in without any item."""
    def order(number: str, status: str, total: str, refunded: str, line_items: str,
              email: str) -> list[str]:
        values = dict.fromkeys(WOO_DEFAULT, "")
        values.update({
            "order_id": number, "order_number": number, "order_date": "2024-01-05 12:30:45",
            "status": status, "order_total": total, "refunded_total": refunded,
            "billing_first_name": "Jane", "billing_last_name": "Doe", "billing_email": email,
            "billing_country": "CA", "line_items": line_items,
        })
        return [values[header] for header in WOO_DEFAULT]

    path = write_csv(tmp_path / "wc-orders-export.csv", [
        WOO_DEFAULT,
        order("1234", "completed", "40.00", "0.00",
              "name:Green Tea|product_id:45|sku:GT|quantity:2|subtotal:30.00|subtotal_tax:0.00"
              "|total:30.00|total_tax:0.00|refunded:0.00|refunded_qty:0|meta:;"
              "name:Tea Cup|product_id:46|sku:CUP|quantity:1|subtotal:10.00|subtotal_tax:0.00"
              "|total:10.00|total_tax:0.00|refunded:0.00|refunded_qty:0|meta:",
              "jane@example.com"),
        order("1235", "cancelled", "15.00", "15.00", "Green Tea x1", "jane@example.com"),
    ], "utf-8")
    _import_twice(
        shop, path, "woocommerce_orders",
        ImportCounts(created=2, orders_created=2, customers_created=1),
        ImportCounts(skipped=2),
    )
    assert _orders(shop) == [
        ("1234", "completed", 4000, "GT x2, CUP x1"),
        ("1235", "refunded", 1500, " x1"),
    ]
    assert shop.workspace.shop.db.conn.execute(
        "SELECT product_name, unit_price_cents FROM order_items ORDER BY id").fetchall() == [
        ("Green Tea", 1500), ("Tea Cup", 1000), ("Green Tea x1", 0)]


def test_headless_import_of_a_douyin_export_twice(shop: ShopFixture, tmp_path: Path) -> None:
    """``main.py import FILE --json``, as a shop would script it: the counts, then nothing new
    the second time."""
    shop.workspace.close()
    path = write_csv(tmp_path / "抖店订单.csv", [
        DOUYIN,
        [{"主订单编号": "\t6921234567890123456", "子订单编号": "\t6921234567890123457",
          "选购商品": "玉肌皂", "商品数量": "2", "商品单价": "29.90", "订单应付金额": "59.80",
          "收件人": "黄**", "收件人手机号": "158****1234", "订单提交时间": "2024/01/05 12:30:45",
          "订单状态": "已关闭", "售后状态": "退款成功"}.get(header, "") for header in DOUYIN],
    ], "gb18030")
    env = dict(os.environ, SHOPVAULT_KEYRING="none")
    env.pop("SHOPVAULT_KILL_AT", None)

    def run(*extra: str) -> dict[str, object]:
        done = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                       "import", str(path), "--json", *extra, stdin=OWNER_PASSWORD + "\n",
                       env=env)
        assert done.returncode == 0, done.stderr
        found: dict[str, object] = json.loads(done.stdout)
        return found

    counts = ("created", "duplicates", "rejected", "skipped", "orders_created", "errors")
    dry = run("--dry-run")
    assert {key: dry[key] for key in counts} == {
        "created": 1, "duplicates": 0, "rejected": 0, "skipped": 0, "orders_created": 1,
        "errors": []}
    first, second = run(), run()
    assert {key: first[key] for key in counts} == {key: dry[key] for key in counts}
    assert {key: second[key] for key in counts} == {
        "created": 0, "duplicates": 0, "rejected": 0, "skipped": 1, "orders_created": 0,
        "errors": []}
