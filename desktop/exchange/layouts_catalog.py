"""The layouts ShopVault recognises: the columns real exports and common hand-kept sheets have.

Each layout lists its columns as (header, field key or None); headers are compared by
:func:`desktop.exchange.synonyms.header_key`. ``signatures`` are sets of headers typical of the
layout (several for exports whose columns changed over the years); a sheet is recognised when
it has most of one signature. A column the layout does not list falls back to the synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.import_types import ImportTarget

_C, _O, _F = ImportTarget.CUSTOMERS, ImportTarget.ORDERS, ImportTarget.FEEDBACK

# Layout names: English source texts the UI translates (extracted for translation).
MEMBERSHIP_NAME = "Hand-kept membership sheet"
SHOPIFY_CUSTOMERS_NAME = "Shopify customers export"
SHOPIFY_ORDERS_NAME = "Shopify orders export"
WOOCOMMERCE_CUSTOMERS_NAME = "WooCommerce customers export"
WOOCOMMERCE_ORDERS_NAME = "WooCommerce orders export"
TAOBAO_ORDERS_NAME = "Taobao / Tmall order list"
TAOBAO_ORDER_ITEMS_NAME = "Taobao / Tmall order detail list"
JD_ORDERS_NAME = "JD (京东) order export"
PDD_ORDERS_NAME = "Pinduoduo (拼多多) order export"
DOUYIN_ORDERS_NAME = "Douyin (抖店) order export"
JUDGEME_REVIEWS_NAME = "Judge.me reviews export"
FEEDBACK_LOG_NAME = "Hand-kept feedback log"
UNKNOWN_LAYOUT_NAME = "Other sheet (columns suggested from their names)"


@dataclass(frozen=True, slots=True)
class Layout:
    layout_id: str
    name: str  # English source text, translated by the UI
    target: ImportTarget
    columns: tuple[tuple[str, str | None], ...]
    signatures: tuple[tuple[str, ...], ...]
    platform: str | None = None  # customers' platform and orders' channel, e.g. "taobao"
    month_first: bool = False  # year-last dates such as 1/5/2024 are US month/day/year
    local_utc_offset_hours: int | None = None  # naive times are in this zone (None: the shop's)
    default_feedback_kind: str | None = None
    # columns holding the row's ISO country code: its phones without a country code are read
    # as that country's numbers first (WooCommerce's billing_country, Shopify's Country Code)
    phone_region_headers: tuple[str, ...] = ()
    # One row per order whose item columns pack all its products into one title with the
    # order's total quantity (Taobao's 订单列表: 宝贝标题 "西湖龙井 250g，青瓷茶杯", 宝贝总数量 3):
    # the item made from them only sums the order up (OrderItem.summary), and an import of
    # the order's real lines (the 宝贝明细) replaces it. Layouts with one row per line (JD,
    # Douyin, Shopify, the 宝贝明细) and Pinduoduo (one product per order) give real lines.
    item_is_summary: bool = False


MEMBERSHIP = Layout(
    layout_id="membership_sheet",
    name=MEMBERSHIP_NAME,
    target=_C,
    columns=(
        ("会员卡号", "customer.member_no"), ("卡号", "customer.member_no"),
        ("会员编号", "customer.member_no"), ("姓名", "customer.name"),
        ("客户姓名", "customer.name"), ("会员姓名", "customer.name"), ("性别", "customer.gender"),
        ("手机号", "customer.phone"), ("手机", "customer.phone"), ("手机号码", "customer.phone"),
        ("联系电话", "customer.phone"),
        ("电话", "customer.phone"), ("生日", "customer.birthday"),
        ("出生日期", "customer.birthday"), ("微信号", "customer.wechat_id"),
        ("微信", "customer.wechat_id"), ("积分", "customer.points"),
        ("当前积分", "customer.points"), ("储值余额", "customer.balance"),
        ("余额", "customer.balance"), ("卡内余额", "customer.balance"),
        ("会员等级", "customer.level"), ("等级", "customer.level"),
        ("地址", "customer.address_detail"), ("联系地址", "customer.address_detail"),
        ("省", "customer.province"), ("市", "customer.city"), ("区", "customer.district"),
        ("身份证号", "customer.id_number"), ("备注", "customer.notes"),
        ("标签", "customer.tags"), ("开卡日期", None), ("注册时间", None),
        ("邮箱", "customer.email"),
        ("序号", None), ("消费次数", None), ("累计消费", None), ("最后消费时间", None),
    ),
    signatures=(
        ("会员卡号", "姓名", "手机号"), ("卡号", "姓名", "手机"),
        ("会员编号", "会员姓名", "手机号"), ("会员编号", "会员姓名", "手机号码"),
        ("会员卡号", "姓名", "手机号码"), ("姓名", "手机号", "积分"),
        ("姓名", "手机", "储值余额"), ("姓名", "性别", "生日", "手机号"),
        ("客户姓名", "联系电话", "会员等级"), ("姓名", "电话", "积分"),
    ),
)

_SHOPIFY_CUSTOMER_COMMON: tuple[tuple[str, str | None], ...] = (
    ("First Name", "customer.first_name"), ("Last Name", "customer.last_name"),
    ("Email", "customer.email"), ("Phone", "customer.phone"), ("Total Spent", None),
    ("Total Orders", None), ("Tags", "customer.tags"), ("Note", "customer.notes"),
    ("Tax Exempt", None),
)

SHOPIFY_CUSTOMERS = Layout(
    layout_id="shopify_customers",
    name=SHOPIFY_CUSTOMERS_NAME,
    target=_C,
    platform="shopify",
    month_first=True,
    phone_region_headers=("Default Address Country Code", "Country Code"),
    columns=(
        *_SHOPIFY_CUSTOMER_COMMON,
        ("Customer ID", "customer.platform_account"), ("Accepts Email Marketing", None),
        ("Default Address Company", None),
        ("Default Address Address1", "customer.address_detail"),
        ("Default Address Address2", "customer.address_detail"),
        ("Default Address City", "customer.city"),
        ("Default Address Province Code", "customer.province"),
        ("Default Address Country Code", None), ("Default Address Zip", None),
        ("Default Address Phone", "customer.phone"), ("Accepts SMS Marketing", None),
        # the older layout
        ("Company", None), ("Address1", "customer.address_detail"),
        ("Address2", "customer.address_detail"), ("City", "customer.city"),
        ("Province", "customer.province"), ("Province Code", None), ("Country", None),
        ("Country Code", None), ("Zip", None), ("Accepts Marketing", None),
    ),
    signatures=(
        ("Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
         "Default Address Address1", "Total Spent", "Total Orders", "Tax Exempt"),
        ("First Name", "Last Name", "Email", "Company", "Address1", "Province Code",
         "Country Code", "Accepts Marketing", "Total Spent", "Total Orders", "Tax Exempt"),
    ),
)

SHOPIFY_ORDERS = Layout(
    layout_id="shopify_orders",
    name=SHOPIFY_ORDERS_NAME,
    target=_O,
    platform="shopify",
    month_first=True,
    phone_region_headers=("Billing Country", "Shipping Country"),
    columns=(
        ("Name", "order.order_no"), ("Email", "customer.email"),
        ("Financial Status", "order.status"), ("Paid at", "order.paid_at"),
        ("Fulfillment Status", "order.fulfillment_status"), ("Fulfilled at", None),
        ("Accepts Marketing", None), ("Currency", None), ("Subtotal", None),
        ("Shipping", "order.shipping"), ("Taxes", None), ("Total", "order.total"),
        ("Discount Code", None), ("Discount Amount", "order.discount"),
        ("Shipping Method", None), ("Created at", "order.ordered_at"),
        ("Lineitem quantity", "item.quantity"), ("Lineitem name", "item.product_name"),
        ("Lineitem price", "item.unit_price"), ("Lineitem compare at price", None),
        ("Lineitem sku", "item.sku"), ("Lineitem requires shipping", None),
        ("Lineitem taxable", None), ("Lineitem fulfillment status", None),
        ("Lineitem discount", None),
        ("Billing Name", "customer.name"), ("Billing Street", None),
        ("Billing Address1", "customer.address_detail"),
        ("Billing Address2", "customer.address_detail"), ("Billing Company", None),
        ("Billing City", "customer.city"), ("Billing Zip", None),
        ("Billing Province", "customer.province"), ("Billing Country", None),
        ("Billing Phone", "customer.phone"), ("Billing Province Name", None),
        ("Shipping Name", "order.ship_name"), ("Shipping Street", "order.ship_address"),
        ("Shipping Address1", None), ("Shipping Address2", None), ("Shipping Company", None),
        ("Shipping City", "order.ship_address"), ("Shipping Zip", None),
        ("Shipping Province", "order.ship_address"), ("Shipping Country", "order.ship_address"),
        ("Shipping Phone", "order.ship_phone"), ("Shipping Province Name", None),
        ("Notes", "order.notes"), ("Note Attributes", None),
        ("Cancelled at", "order.cancelled_at"), ("Payment Method", None),
        ("Payment Reference", None), ("Refunded Amount", "order.refund"), ("Vendor", None),
        ("Outstanding Balance", None), ("Employee", None), ("Location", None),
        ("Device ID", None), ("Id", None), ("Tags", None), ("Risk Level", None),
        ("Source", None), ("Phone", "customer.phone"), ("Receipt Number", None),
        ("Duties", None), ("Payment ID", None), ("Payment Terms Name", None),
        ("Next Payment Due At", None), ("Payment References", None),
    ),
    signatures=(
        ("Name", "Email", "Financial Status", "Fulfillment Status", "Lineitem quantity",
         "Lineitem name", "Lineitem price", "Billing Name", "Shipping Name"),
    ),
)

_WOO_BILLING: tuple[tuple[str, str | None], ...] = (
    ("billing_first_name", "customer.first_name"), ("billing_last_name", "customer.last_name"),
    ("billing_full_name", None), ("billing_company", None),
    ("billing_email", "customer.email"), ("billing_phone", "customer.phone"),
    ("billing_address_1", "customer.address_detail"),
    ("billing_address_2", "customer.address_detail"), ("billing_postcode", None),
    ("billing_city", "customer.city"), ("billing_state", "customer.province"),
    ("billing_state_code", None), ("billing_country", None),
)

WOOCOMMERCE_CUSTOMERS = Layout(
    layout_id="woocommerce_customers",
    name=WOOCOMMERCE_CUSTOMERS_NAME,
    target=_C,
    platform="woocommerce",
    month_first=True,
    phone_region_headers=("billing_country", "shipping_country"),
    columns=(
        ("customer_id", None), ("first_name", "customer.first_name"),
        ("last_name", "customer.last_name"), ("user_login", "customer.platform_account"),
        ("email", "customer.email"), ("user_pass", None), ("date_registered", None),
        *_WOO_BILLING,
        ("shipping_first_name", None), ("shipping_last_name", None),
        ("shipping_company", None), ("shipping_address_1", None), ("shipping_address_2", None),
        ("shipping_postcode", None), ("shipping_city", None), ("shipping_state", None),
        ("shipping_country", None), ("total_spent", None), ("order_count", None),
        # WooCommerce Analytics → Customers → Download
        ("Name", "customer.name"), ("Username", "customer.platform_account"),
        ("Last Active", None), ("Date Registered", None), ("Email", "customer.email"),
        ("Orders", None), ("Total Spend", None), ("AOV", None), ("Country / Region", None),
        ("City", "customer.city"), ("Region", "customer.province"), ("Postal Code", None),
    ),
    signatures=(
        ("customer_id", "first_name", "last_name", "user_login", "email", "date_registered",
         "billing_phone", "total_spent", "order_count"),
        ("Name", "Username", "Last Active", "Date Registered", "Email", "Orders",
         "Total Spend", "AOV"),
    ),
)

WOOCOMMERCE_ORDERS = Layout(
    layout_id="woocommerce_orders",
    name=WOOCOMMERCE_ORDERS_NAME,
    target=_O,
    platform="woocommerce",
    month_first=True,
    phone_region_headers=(
        "billing_country", "shipping_country", "Country Code (Billing)", "Country Code (Shipping)",
    ),
    columns=(
        ("order_id", None), ("order_number", "order.order_no"),
        ("order_number_formatted", None), ("order_date", "order.ordered_at"),
        ("status", "order.status"), ("shipping_total", "order.shipping"),
        ("shipping_tax_total", None), ("fee_total", None), ("fee_tax_total", None),
        ("tax_total", None), ("cart_discount", None), ("order_discount", None),
        ("discount_total", "order.discount"), ("order_total", "order.total"),
        ("refunded_total", "order.refund"), ("order_currency", None), ("payment_method", None),
        ("shipping_method", None), ("customer_id", None),
        *_WOO_BILLING,
        ("shipping_first_name", "order.ship_name"), ("shipping_last_name", "order.ship_name"),
        ("shipping_full_name", None), ("shipping_company", None),
        ("shipping_address_1", "order.ship_address"),
        ("shipping_address_2", "order.ship_address"), ("shipping_postcode", None),
        ("shipping_city", "order.ship_address"), ("shipping_state", "order.ship_address"),
        ("shipping_state_code", None), ("shipping_country", "order.ship_address"),
        ("customer_note", "order.notes"), ("item_id", None), ("item_name", "item.product_name"),
        ("item_sku", "item.sku"), ("item_quantity", "item.quantity"), ("item_subtotal", None),
        ("item_subtotal_tax", None), ("item_total", "item.amount"), ("item_total_tax", None),
        ("item_refunded", None), ("item_refunded_qty", None), ("item_meta", None),
        ("line_items", "item.packed"),
        ("shipping_items", None), ("fee_items", None), ("tax_items", None),
        ("coupon_items", None), ("order_notes", None), ("download_permissions_granted", None),
        ("completed_date", None), ("paid_date", "order.paid_at"),
        # "Advanced Order Export For WooCommerce" (AlgolPlus), its default fields
        ("Order Number", "order.order_no"), ("Order Status", "order.status"),
        ("Order Date", "order.ordered_at"), ("Paid Date", "order.paid_at"),
        ("Customer Note", "order.notes"), ("First Name (Billing)", "customer.first_name"),
        ("Last Name (Billing)", "customer.last_name"), ("Company (Billing)", None),
        ("Address 1&2 (Billing)", "customer.address_detail"),
        ("City (Billing)", "customer.city"), ("State Code (Billing)", "customer.province"),
        ("Postcode (Billing)", None), ("Country Code (Billing)", None),
        ("Email (Billing)", "customer.email"), ("Phone (Billing)", "customer.phone"),
        ("First Name (Shipping)", "order.ship_name"), ("Last Name (Shipping)", "order.ship_name"),
        ("Company (Shipping)", None), ("Address 1&2 (Shipping)", "order.ship_address"),
        ("City (Shipping)", "order.ship_address"), ("State Code (Shipping)", "order.ship_address"),
        ("Postcode (Shipping)", None), ("Country Code (Shipping)", "order.ship_address"),
        ("Phone (Shipping)", "order.ship_phone"), ("Email (Shipping)", None),
        ("Payment Method Title", None), ("Cart Discount Amount", "order.discount"),
        ("Order Subtotal Amount", None), ("Shipping Method Title", None),
        ("Order Shipping Amount", "order.shipping"), ("Order Refund Amount", "order.refund"),
        ("Order Total Amount", "order.total"), ("Order Total Tax Amount", None),
        ("SKU", "item.sku"), ("Item #", None), ("Item Name", "item.product_name"),
        ("Quantity", "item.quantity"), ("Quantity (- Refund)", None),
        ("Item Cost", "item.unit_price"), ("Coupon Code", None), ("Discount Amount", None),
        ("Discount Amount Tax", None),
    ),
    signatures=(
        ("order_number", "order_date", "status", "order_total", "billing_email",
         "billing_phone", "shipping_first_name", "item_name", "item_quantity"),
        ("order_id", "order_date", "status", "order_total", "billing_first_name",
         "billing_email", "customer_note"),
        ("Order Number", "Order Status", "Order Date", "First Name (Billing)",
         "Email (Billing)", "Phone (Billing)", "Order Total Amount", "Item Name", "Quantity"),
    ),
)

TAOBAO_ORDERS = Layout(
    layout_id="taobao_orders",
    name=TAOBAO_ORDERS_NAME,
    target=_O,
    platform="taobao",
    local_utc_offset_hours=8,
    item_is_summary=True,
    columns=(
        ("订单编号", "order.order_no"), ("买家会员名", "customer.platform_account"),
        ("买家支付宝账号", None), ("买家应付货款", None), ("买家应付邮费", "order.shipping"),
        ("买家支付积分", None), ("总金额", "order.total"), ("返点积分", None),
        ("买家实际支付金额", "order.paid"), ("买家实付金额", "order.paid"),
        ("买家实际支付积分", None), ("支付单号", None), ("支付详情", None),
        ("订单状态", "order.status"), ("买家留言", "order.notes"),
        ("收货人姓名", "order.ship_name"), ("收货地址", "order.ship_address"),
        ("运送方式", None), ("联系电话", None), ("联系手机", "order.ship_phone"),
        ("订单创建时间", "order.ordered_at"), ("订单付款时间", "order.paid_at"),
        ("宝贝标题", "item.product_name"), ("宝贝种类", None), ("物流单号", None),
        ("物流公司", None), ("订单备注", "order.notes"), ("宝贝总数量", "item.quantity"),
        ("商品数量", "item.quantity"), ("店铺Id", None), ("店铺名称", None),
        ("订单关闭原因", None), ("卖家服务费", None), ("买家服务费", None), ("发票抬头", None),
        ("是否手机订单", None), ("分阶段订单信息", None), ("特权订金订单id", None),
        ("是否上传合同照片", None), ("是否上传小票", None), ("是否代付", None),
        ("定金排名", None), ("修改后的sku", None), ("修改后的收货地址", None),
        ("异常信息", None), ("天猫卡券抵扣", None), ("集分宝抵扣", None), ("是否是O2O交易", None),
        ("退款金额", "order.refund"), ("预约门店", None), ("确认收货时间", None),
        ("打款商家金额", None),
        ("含应开票给个人的个人红包", None), ("主订单编号", None), ("子订单编号", None),
    ),
    signatures=(
        ("订单编号", "买家会员名", "买家应付货款", "买家实际支付金额", "订单状态", "收货人姓名",
         "收货地址", "联系手机", "订单创建时间", "宝贝标题"),
    ),
)

TAOBAO_ORDER_ITEMS = Layout(
    layout_id="taobao_order_items",
    name=TAOBAO_ORDER_ITEMS_NAME,
    target=_O,
    platform="taobao",
    local_utc_offset_hours=8,
    columns=(
        ("订单编号", "order.order_no"), ("标题", "item.product_name"),
        ("价格", "item.unit_price"), ("购买数量", "item.quantity"),
        ("外部系统编号", "item.sku"), ("商品属性", None), ("套餐信息", None),
        ("备注", "order.notes"), ("订单状态", "order.status"), ("商家编码", "item.sku"),
        # The current 宝贝明细 (ExportOrderDetailList): one row per 子订单 (item); the order is
        # the 主订单编号. Amounts are the item's; 退款状态 is the item's, not the order's.
        ("主订单编号", "order.order_no"), ("子订单编号", None), ("商品标题", "item.product_name"),
        ("商品价格", "item.unit_price"), ("支付单号", None), ("买家应付货款", None),
        ("买家实际支付金额", "item.amount"), ("买家实付金额", "item.amount"),
        ("退款状态", "order.refund"),
        ("退款金额", None), ("订单创建时间", "order.ordered_at"),
        ("订单付款时间", "order.paid_at"), ("商品id", None), ("商品ID", None),
        ("分阶段订单信息", None), ("主订单备注", "order.notes"),
        ("主订单买家留言", "order.notes"), ("商家备注", "order.notes"), ("联系方式备注", None),
        ("备注标签", None), ("发货时间", None), ("物流单号", None), ("物流公司", None),
        ("是否赔付", None), ("赔付金额", None), ("赔付出账时间", None),
    ),
    signatures=(
        ("订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息"),
        ("子订单编号", "主订单编号", "标题", "价格", "购买数量", "商品属性", "订单状态",
         "商家编码", "退款状态"),
        ("子订单编号", "主订单编号", "商品标题", "商品价格", "购买数量", "商品属性", "订单状态",
         "商家编码", "退款状态"),
    ),
)

JD_ORDERS = Layout(
    layout_id="jd_orders",
    name=JD_ORDERS_NAME,
    target=_O,
    platform="jd",
    local_utc_offset_hours=8,
    columns=(
        ("订单号", "order.order_no"), ("商品ID", "item.sku"), ("商品名称", "item.product_name"),
        ("订购数量", "item.quantity"), ("支付方式", None), ("下单时间", "order.ordered_at"),
        ("京东价", "item.unit_price"), ("订单金额", "order.total"), ("结算金额", None),
        ("余额支付", None), ("应付金额", "order.paid"), ("订单状态", "order.status"),
        ("订单类型", None), ("下单帐号", "customer.platform_account"),
        ("下单账号", "customer.platform_account"), ("客户姓名", "order.ship_name"),
        ("客户地址", "order.ship_address"), ("联系电话", "order.ship_phone"),
        ("订单备注", "order.notes"), ("发票类型", None), ("发票抬头", None), ("发票内容", None),
        ("商家备注", "order.notes"), ("商家备注等级", None), ("运费金额", "order.shipping"),
        ("付款确认时间", "order.paid_at"), ("增值税发票", None), ("货号", None),
        ("订单完成时间", None), ("订单来源", None), ("订单渠道", None), ("送装服务", None),
        ("服务费", None), ("仓库ID", None), ("仓库名称", None), ("是否藏匿", None),
        ("商家SKUID", None), ("商家SKU", None), ("品牌", None), ("邮编", None),
    ),
    signatures=(
        ("订单号", "商品ID", "商品名称", "订购数量", "下单时间", "订单金额", "应付金额",
         "订单状态", "客户姓名", "客户地址", "联系电话"),
    ),
)

PDD_ORDERS = Layout(
    layout_id="pdd_orders",
    name=PDD_ORDERS_NAME,
    target=_O,
    platform="pdd",
    local_utc_offset_hours=8,
    columns=(
        ("商品", "item.product_name"), ("订单号", "order.order_no"), ("订单状态", "order.status"),
        ("商品总价(元)", "order.total"), ("店铺优惠折扣(元)", "order.discount"),
        ("平台优惠折扣(元)", None), ("多多支付立减金额(元)", None), ("邮费(元)", "order.shipping"),
        ("用户实付金额(元)", "order.paid"), ("商家实收金额(元)", None),
        ("商品数量(件)", "item.quantity"), ("身份证姓名", None), ("身份证号码", None),
        ("收货人", "order.ship_name"), ("手机", "order.ship_phone"), ("是否蜂窝", None),
        ("省", "order.ship_address"), ("市", "order.ship_address"), ("区", "order.ship_address"),
        ("街道", "order.ship_address"), ("详细地址", "order.ship_address"),
        ("拼单成功时间", "order.paid_at"), ("订单成交时间", "order.ordered_at"),
        ("商品id", None), ("商品规格", None), ("样式ID", None),
        ("商家编码-SKU维度", "item.sku"), ("商家编码-商品维度", "item.sku"),
        ("商家备注", "order.notes"), ("买家留言", "order.notes"), ("售后状态", "order.refund"),
        ("快递单号", None), ("快递公司", None), ("发货时间", None), ("确认收货时间", None),
        ("承诺发货时间", None), ("是否顺丰加价", None), ("是否审核中", None),
    ),
    signatures=(
        ("商品", "订单号", "商品规格", "商品数量(件)", "商品总价(元)", "用户实付金额(元)",
         "订单状态", "订单成交时间", "收货人", "手机", "详细地址"),
    ),
)

DOUYIN_ORDERS = Layout(
    layout_id="douyin_orders",
    name=DOUYIN_ORDERS_NAME,
    target=_O,
    platform="douyin",
    local_utc_offset_hours=8,
    # One row per 子订单 (item); merchants pick the columns, so the signatures are short.
    columns=(
        ("主订单编号", "order.order_no"), ("子订单编号", None), ("选购商品", "item.product_name"),
        ("商品规格", None), ("商品数量", "item.quantity"), ("商品ID", None),
        ("商家编码", "item.sku"), ("商品单价", "item.unit_price"), ("商品金额", "item.amount"),
        ("订单应付金额", "order.total"), ("运费", "order.shipping"),
        ("优惠总金额", "order.discount"), ("平台优惠", None), ("商家优惠", None),
        ("达人优惠", None), ("支付优惠", None), ("改价金额", None), ("支付方式", None),
        ("手续费", None), ("收件人", "order.ship_name"), ("收件人手机号", "order.ship_phone"),
        ("省", "order.ship_address"), ("市", "order.ship_address"), ("区", "order.ship_address"),
        ("街道", "order.ship_address"), ("详细地址", "order.ship_address"),
        ("是否修改过地址", None), ("买家留言", "order.notes"),
        ("订单提交时间", "order.ordered_at"), ("订单完成时间", None),
        ("支付完成时间", "order.paid_at"), ("APP渠道", None), ("流量来源", None),
        ("流量体裁", None), ("流量渠道", None), ("流量类型", None), ("订单状态", "order.status"),
        ("售后状态", "order.refund"), ("取消原因", None), ("预约发货时间", None),
        ("发货时间", None),
        ("商家备注", "order.notes"), ("旗帜颜色", None), ("达人ID", None), ("达人昵称", None),
        ("商家收入金额", None), ("快递信息", None), ("平台实际承担优惠金额", None),
        ("商家实际承担优惠金额", None), ("达人实际承担优惠金额", None),
    ),
    signatures=(
        ("主订单编号", "子订单编号", "选购商品", "商品数量", "订单应付金额", "收件人",
         "收件人手机号", "订单提交时间", "订单状态", "售后状态"),
        ("主订单编号", "子订单编号", "选购商品", "商品数量", "订单状态"),
    ),
)

JUDGEME_REVIEWS = Layout(
    layout_id="judgeme_reviews",
    name=JUDGEME_REVIEWS_NAME,
    target=_F,
    platform="shopify",
    month_first=True,
    default_feedback_kind="review",
    columns=(
        ("title", "feedback.title"), ("body", "feedback.content"), ("rating", "feedback.rating"),
        ("review_date", "feedback.received_at"), ("source", None), ("curated", None),
        ("reviewer_name", "customer.name"), ("reviewer_email", "customer.email"),
        ("product_id", None), ("product_handle", "feedback.product"),
        ("reply", "feedback.resolution"), ("reply_date", None), ("picture_urls", None),
        ("ip_address", None), ("location", None), ("metaobject_handle", None),
        ("verified", None), ("published", None),
    ),
    signatures=(
        ("title", "body", "rating", "review_date", "reviewer_name", "reviewer_email",
         "product_handle"),
    ),
)

FEEDBACK_LOG = Layout(
    layout_id="feedback_log",
    name=FEEDBACK_LOG_NAME,
    target=_F,
    columns=(
        ("日期", "feedback.received_at"), ("时间", "feedback.received_at"),
        ("反馈日期", "feedback.received_at"), ("反馈时间", "feedback.received_at"),
        ("登记日期", "feedback.received_at"), ("客户", "customer.name"),
        ("客户姓名", "customer.name"), ("姓名", "customer.name"), ("电话", "customer.phone"),
        ("手机", "customer.phone"), ("联系电话", "customer.phone"), ("手机号", "customer.phone"),
        ("类型", "feedback.kind"), ("反馈类型", "feedback.kind"), ("内容", "feedback.content"),
        ("反馈内容", "feedback.content"), ("问题描述", "feedback.content"), ("处理人", None),
        ("处理结果", "feedback.resolution"), ("处理意见", "feedback.resolution"),
        ("状态", "feedback.status"), ("处理状态", "feedback.status"),
        ("订单号", "feedback.order_no"), ("订单编号", "feedback.order_no"),
        ("渠道", "feedback.channel"), ("来源", "feedback.channel"), ("评分", "feedback.rating"),
        ("商品", "feedback.product"), ("序号", None), ("备注", "feedback.resolution"),
    ),
    signatures=(
        ("日期", "客户", "类型", "内容", "处理结果"), ("日期", "客户", "电话", "类型", "内容"),
        ("反馈日期", "客户姓名", "反馈类型", "反馈内容", "处理状态"),
        ("客户", "类型", "内容", "处理人", "状态"),
    ),
)

LAYOUTS: tuple[Layout, ...] = (
    MEMBERSHIP, SHOPIFY_CUSTOMERS, SHOPIFY_ORDERS, WOOCOMMERCE_CUSTOMERS, WOOCOMMERCE_ORDERS,
    TAOBAO_ORDERS, TAOBAO_ORDER_ITEMS, JD_ORDERS, PDD_ORDERS, DOUYIN_ORDERS, JUDGEME_REVIEWS,
    FEEDBACK_LOG,
)
LAYOUTS_BY_ID = {layout.layout_id: layout for layout in LAYOUTS}
