"""Customer layouts: a hand-kept membership sheet, Shopify (current and older) and WooCommerce."""

from __future__ import annotations

from datetime import date

from desktop.core.import_types import CustomerFields, ImportTarget, RowIssue, RowKind
from desktop.core.validation import DATE_IMPOSSIBLE
from desktop.exchange import cells
from tests.unit.exchange.layout_support import read, sheet

MEMBERSHIP_HEADERS = [
    "序号", "会员卡号", "姓名", "性别", "手机号", "生日", "微信号", "积分", "储值余额", "会员等级",
    "地址", "身份证号", "标签", "备注", "开卡日期", "邮箱",
]


def test_membership_sheet_with_title_blank_and_total_rows() -> None:
    rows = sheet(
        "2024年 会员登记表",
        MEMBERSHIP_HEADERS,
        [1, 800001, "张三", "男", 13812345678, date(1990, 1, 5), "zhangsan88", 1200, 88.5,
         "金卡", "广州市天河区体育西路1号", "11010519491231002X", "VIP，老客户",
         "=HYPERLINK(\"x\")", date(2020, 3, 1), "Zhang@Example.COM"],
        [None] * 16,
        [2, "'000802", "\u3000李四\u00a0", "女士", "+86 139-8765-4321", "3月8日", None, "1,500",
         "¥1,234.50", "银卡", None, None, "团购/复购", "-2+3", None, None],
        [3, 800003, "王五", "未知性别", "138****5678", "2023-02-30", None, 0, 0, None, None,
         "4.40106E+17", None, None, None, None],
        ["合 计", None, None, None, None, None, None, 2700, 1323.0],
    )
    result = read(rows)

    assert result.header_row == 2
    assert result.guess.layout == "membership_sheet"
    assert result.guess.target is ImportTarget.CUSTOMERS
    assert result.mapped() == {
        "序号": None, "会员卡号": "customer.member_no", "姓名": "customer.name",
        "性别": "customer.gender", "手机号": "customer.phone", "生日": "customer.birthday",
        "微信号": "customer.wechat_id", "积分": "customer.points",
        "储值余额": "customer.balance", "会员等级": "customer.level",
        "地址": "customer.address_detail", "身份证号": "customer.id_number",
        "标签": "customer.tags", "备注": "customer.notes", "开卡日期": None,
        "邮箱": "customer.email",
    }
    assert result.rows[4].customer == CustomerFields(
        member_no="800001", name="张三", gender="male", birthday="1990-01-05",
        phone="+8613812345678", email="Zhang@example.com", wechat_id="zhangsan88",
        id_number="11010519491231002X", address_detail="广州市天河区体育西路1号", level="金卡",
        points=1200, balance_cents=8850, tags=("VIP", "老客户"), notes="=HYPERLINK(\"x\")",
    )
    assert result.rows[4].issues == ()
    assert result.rows[5].kind is RowKind.BLANK
    assert result.rows[6].customer == CustomerFields(
        member_no="000802", name="李四", gender="female", birthday="--03-08",
        phone="+8613987654321", points=1500, balance_cents=123450, level="银卡",
        tags=("团购", "复购"), notes="-2+3",
    )
    bad = result.rows[7]
    assert bad.customer is not None and bad.customer.phone is None
    assert bad.issues == (  # in column order
        RowIssue(7, "customer.gender", cells.GENDER_UNKNOWN, {}, warning=True),
        RowIssue(7, "customer.phone", cells.MASKED_VALUE, {}, warning=True),
        RowIssue(7, "customer.birthday", DATE_IMPOSSIBLE, {}, warning=True),
        RowIssue(7, "customer.id_number", cells.EXCEL_ROUNDED, {}, warning=False),
    )
    assert bad.has_errors
    assert result.rows[8].kind is RowKind.SUMMARY and result.rows[8].customer is None


SHOPIFY_CURRENT = [
    "Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
    "Default Address Company", "Default Address Address1", "Default Address Address2",
    "Default Address City", "Default Address Province Code", "Default Address Country Code",
    "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
    "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags",
]


def test_shopify_customers_current_layout() -> None:
    rows = sheet(
        None,
        SHOPIFY_CURRENT,
        ["'7012345678901", "Emily", "Clark", "emily@example.co.uk", "yes", "", "10 Downing St",
         "Flat 2", "London", "", "GB", "SW1A 2AA", "+44 20 7946 0958", "", "no", "120.50", 3,
         "Prefers e-mail", "no", "vip, wholesale"],
        ["'7012345678902", "小明", "王", "", "no", "", "", "", "", "", "", "", "",
         "'+8613812345678", "yes", "0.00", 0, "", "no", ""],
    )
    result = read(rows)
    assert result.header_row == 0
    assert result.guess.layout == "shopify_customers"
    assert result.field_of("Customer ID") == "customer.platform_account"
    assert result.field_of("Default Address Address2") == "customer.address_detail"
    assert result.field_of("Total Spent") is None
    assert result.rows[2].customer == CustomerFields(
        name="Emily Clark", phone="+442079460958", email="emily@example.co.uk",
        platform="shopify", platform_account="7012345678901", city="London",
        address_detail="10 Downing St Flat 2", tags=("vip", "wholesale"), notes="Prefers e-mail",
    )
    assert result.rows[3].customer == CustomerFields(
        name="王小明", phone="+8613812345678", platform="shopify",
        platform_account="7012345678902",
    )


SHOPIFY_OLDER = [
    "First Name", "Last Name", "Email", "Company", "Address1", "Address2", "City", "Province",
    "Province Code", "Country", "Country Code", "Zip", "Phone", "Accepts Marketing",
    "Total Spent", "Total Orders", "Tags", "Note", "Tax Exempt",
]


def test_shopify_customers_older_layout() -> None:
    rows = sheet(
        None,
        SHOPIFY_OLDER,
        ["John", "Smith", "JOHN@EXAMPLE.COM", "Acme", "1 Main St", "", "Springfield",
         "Illinois", "IL", "United States", "US", "62701", "+1 217-555-0143", "yes", "55.00",
         1, "newsletter", "", "no"],
    )
    result = read(rows)
    assert result.guess.layout == "shopify_customers"
    assert result.field_of("Company") is None
    assert result.rows[2].customer == CustomerFields(
        name="John Smith", phone="+12175550143", email="JOHN@example.com", platform="shopify",
        province="Illinois", city="Springfield", address_detail="1 Main St",
        tags=("newsletter",),
    )


WOO_CUSTOMERS = [
    "customer_id", "first_name", "last_name", "user_login", "email", "user_pass",
    "date_registered", "billing_first_name", "billing_last_name", "billing_company",
    "billing_email", "billing_phone", "billing_address_1", "billing_address_2",
    "billing_postcode", "billing_city", "billing_state", "billing_country",
    "shipping_first_name", "shipping_last_name", "shipping_company", "shipping_address_1",
    "shipping_address_2", "shipping_postcode", "shipping_city", "shipping_state",
    "shipping_country", "total_spent", "order_count",
]


def test_woocommerce_customers_export() -> None:
    rows = sheet(
        None,
        WOO_CUSTOMERS,
        [12, "Ana", "Silva", "anasilva", "ana@example.pt", "$P$hash", "2023-05-01 10:00:00",
         "Ana", "Silva", "", "ana.billing@example.pt", "+351 912 345 678", "Rua A 1", "",
         "1000-001", "Lisboa", "", "PT", "", "", "", "", "", "", "", "", "", "99.90", 2],
    )
    result = read(rows)
    assert result.guess.layout == "woocommerce_customers"
    assert result.field_of("user_pass") is None
    assert result.field_of("billing_first_name") == "customer.first_name"
    assert result.rows[2].customer == CustomerFields(
        name="Ana Silva", phone="+351912345678", email="ana@example.pt", platform="woocommerce",
        platform_account="anasilva", city="Lisboa", address_detail="Rua A 1",
    )


def test_woocommerce_analytics_customers_download() -> None:
    headers = ["Name", "Username", "Last Active", "Date Registered", "Email", "Orders",
               "Total Spend", "AOV", "Country / Region", "City", "Region", "Postal Code"]
    rows = sheet(None, headers, ["Li Na", "lina", "2024-01-02", "2023-01-01", "li@example.com",
                                 3, "$30.00", "$10.00", "CN", "Shanghai", "SH", "200000"])
    result = read(rows)
    assert result.guess.layout == "woocommerce_customers"
    assert result.rows[2].customer == CustomerFields(
        name="Li Na", email="li@example.com", platform="woocommerce", platform_account="lina",
        city="Shanghai", province="SH",
    )
