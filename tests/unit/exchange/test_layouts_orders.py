"""Order layouts of English-language platforms: Shopify and WooCommerce (several rows per order)."""

from __future__ import annotations

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

SHOPIFY_ORDERS = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
    "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
    "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping",
    "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
    "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip",
    "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
    "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City",
    "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone", "Notes",
    "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference",
    "Refunded Amount", "Vendor", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
    "Phone",
]


def _shopify_row(**values: object) -> list[object]:
    return [values.get(header, "") for header in SHOPIFY_ORDERS]


def test_shopify_orders_several_rows_per_order() -> None:
    first = _shopify_row(**{
        "Name": "#1001", "Email": "emily@example.co.uk", "Financial Status": "paid",
        "Paid at": "2024-01-05 10:21:00 +0000", "Fulfillment Status": "fulfilled",
        "Currency": "GBP", "Subtotal": "30.00", "Shipping": "4.50", "Total": "29.50",
        "Discount Amount": "5.00", "Created at": "2024-01-05 10:20:30 +0000",
        "Lineitem quantity": 2, "Lineitem name": "Green tea 100g", "Lineitem price": "10.00",
        "Lineitem sku": "TEA-G-100", "Billing Name": "Emily Clark",
        "Billing Address1": "10 Downing St", "Billing City": "London",
        "Billing Phone": "+44 20 7946 0958", "Shipping Name": "Emily Clark",
        "Shipping Street": "10 Downing St", "Shipping City": "London",
        "Shipping Country": "GB", "Shipping Phone": "+44 20 7946 0958",
        "Notes": "Gift wrap", "Id": 5123456789012,
    })
    second = _shopify_row(**{
        "Name": "#1001", "Email": "emily@example.co.uk", "Lineitem quantity": 1,
        "Lineitem name": "Teapot", "Lineitem price": "10.00", "Lineitem sku": "POT-1",
    })
    refunded = _shopify_row(**{
        "Name": "#1002", "Email": "john@example.com", "Financial Status": "refunded",
        "Fulfillment Status": "fulfilled", "Total": "12.00",
        "Created at": "2024-02-01 09:00:00 -0500", "Lineitem quantity": 1,
        "Lineitem name": "Mug", "Lineitem price": "12.00", "Billing Name": "John Smith",
    })
    strange = _shopify_row(**{
        "Name": "#1003", "Email": "x@example.com", "Financial Status": "mystery",
        "Lineitem name": "Mug", "Cancelled at": "2024-02-02 10:00:00 +0000",
    })
    result = read(sheet(None, SHOPIFY_ORDERS, first, second, refunded, strange))

    assert result.guess.layout == "shopify_orders"
    assert result.guess.target is ImportTarget.ORDERS
    mapped = result.mapped()
    assert mapped["Name"] == "order.order_no"
    assert mapped["Lineitem name"] == "item.product_name"
    assert mapped["Fulfillment Status"] == "order.fulfillment_status"
    assert mapped["Id"] is None and mapped["Tags"] is None and mapped["Subtotal"] is None

    row = result.rows[2]
    assert row.order == OrderFields(
        order_no="#1001", channel="Shopify", status="shipped",
        ordered_at="2024-01-05T10:20:30.000000+00:00", total_cents=2950, discount_cents=500,
        shipping_cents=450, ship_name="Emily Clark", ship_phone="+442079460958",
        ship_address="10 Downing St London GB", notes="Gift wrap",
        items=(ItemFields("Green tea 100g", 2, "TEA-G-100", 1000),),
    )
    assert row.customer == CustomerFields(
        name="Emily Clark", phone="+442079460958", email="emily@example.co.uk",
        platform="shopify", city="London", address_detail="10 Downing St",
    )
    continuation = result.rows[3]
    assert continuation.order == OrderFields(
        order_no="#1001", channel="Shopify", items=(ItemFields("Teapot", 1, "POT-1", 1000),)
    )
    assert continuation.customer == CustomerFields(
        email="emily@example.co.uk", platform="shopify"
    )
    assert result.rows[4].order is not None
    assert result.rows[4].order.status == "refunded"
    assert result.rows[4].order.ordered_at == "2024-02-01T14:00:00.000000+00:00"
    odd = result.rows[5]
    assert odd.order is not None and odd.order.status == "cancelled"
    assert odd.issues == (
        RowIssue(5, "order.status", cells.STATUS_UNKNOWN, {"status": "mystery"}, warning=True),
    )


WOO_ORDERS = [
    "order_id", "order_number", "order_date", "status", "shipping_total", "shipping_tax_total",
    "fee_total", "tax_total", "discount_total", "order_total", "refunded_total",
    "order_currency", "payment_method", "shipping_method", "customer_id", "billing_first_name",
    "billing_last_name", "billing_company", "billing_email", "billing_phone",
    "billing_address_1", "billing_address_2", "billing_postcode", "billing_city",
    "billing_state", "billing_country", "shipping_first_name", "shipping_last_name",
    "shipping_company", "shipping_address_1", "shipping_address_2", "shipping_postcode",
    "shipping_city", "shipping_state", "shipping_country", "customer_note", "item_id",
    "item_name", "item_sku", "item_quantity", "item_subtotal", "item_total", "item_meta",
    "coupon_items", "order_notes",
]


def _woo_row(**values: object) -> list[object]:
    return [values.get(header, "") for header in WOO_ORDERS]


def test_woocommerce_orders_one_row_per_item() -> None:
    order = {
        "order_id": 188, "order_number": 188, "order_date": "2024-03-01 12:00:00",
        "status": "wc-processing", "shipping_total": "5.00", "discount_total": "0.00",
        "order_total": "45.00", "billing_first_name": "Ana", "billing_last_name": "Silva",
        "billing_email": "ana@example.pt", "billing_phone": "912 345 678",
        "billing_country": "PT", "shipping_first_name": "Ana", "shipping_last_name": "Silva",
        "shipping_address_1": "Rua A 1", "shipping_city": "Lisboa", "shipping_country": "PT",
        "customer_note": "Leave at the door",
    }
    rows = sheet(
        None, WOO_ORDERS,
        _woo_row(**order, item_name="Honey 500g", item_sku="HNY-500", item_quantity=2,
                 item_total="30.00"),
        _woo_row(**order, item_name="Spoon", item_sku="SPN", item_quantity=1, item_total="10.00"),
        _woo_row(order_number=189, status="Completed", order_date="2024-03-02",
                 billing_email="bo@example.com", item_name="Spoon", item_quantity=1),
    )
    result = read(rows)
    assert result.guess.layout == "woocommerce_orders"
    first = result.rows[2]
    assert first.order is not None and first.customer is not None
    assert first.order.order_no == "188" and first.order.status == "paid"
    # US software: naive times are the shop's local time (here +08:00), stored as UTC.
    assert first.order.ordered_at == "2024-03-01T04:00:00.000000+00:00"
    assert first.order.ship_name == "Ana Silva"
    assert first.order.ship_address == "Rua A 1 Lisboa PT"
    assert first.order.items == (ItemFields("Honey 500g", 2, "HNY-500", None, 3000),)
    assert first.customer.name == "Ana Silva"
    # 912 345 678 has no country code: it is read in the billing country (Portugal).
    assert first.customer.phone == "+351912345678"
    assert first.issues == ()
    assert result.rows[3].order is not None
    assert result.rows[3].order.items == (ItemFields("Spoon", 1, "SPN", None, 1000),)
    third = result.rows[4]
    assert third.order is not None
    assert third.order.status == "completed"
    assert third.order.channel == "WooCommerce"
    assert third.kind is RowKind.DATA
