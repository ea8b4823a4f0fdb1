"""The profile panel: a long platform order number shown in full on the Orders tab; the
History tab's actions and roles in words, the same words exported files use."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.order_views import OrderRow
from desktop.ui import i18n
from desktop.ui.pages.customer_profile import CustomerProfilePanel, action_text, actor_text

LONG_ORDER_NO = "4251227785662831234"  # 19 digits, as Taobao/Tmall print them


def order_row(order_id: int, order_no: str, status: str = "completed") -> OrderRow:
    return OrderRow(
        id=order_id, order_no=order_no, channel="天猫旗舰店", status=status,
        ordered_at="2025-12-27T02:00:00+00:00", customer_id=1, customer_name="张*",
        ship_name="", ship_phone="", item_count=1, total_cents=17_600, payable_cents=17_600,
        paid_cents=17_600,
    )


def test_order_number_is_first_and_never_cut(qtbot):
    panel = CustomerProfilePanel()
    qtbot.addWidget(panel)
    panel.resize(380, 600)  # the panel's default width beside the customers table
    panel.show()
    panel.tabs.setVisible(True)
    panel.tabs.setCurrentWidget(panel.orders_tab)
    panel.show_orders([order_row(7, LONG_ORDER_NO), order_row(8, "A1", "refunded")])
    table = panel.orders_tab.table
    first = table.item(0, 0)
    assert first is not None and first.text() == LONG_ORDER_NO
    assert first.data(Qt.ItemDataRole.UserRole) == 7  # double-click still opens the order
    assert table.horizontalHeaderItem(0).text() == "Order no."
    needed = table.fontMetrics().horizontalAdvance(LONG_ORDER_NO)
    assert table.columnWidth(0) >= needed
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)
    # The columns between keep their contents' width too; what does not fit scrolls.
    for column in range(1, table.columnCount() - 1):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


def test_double_click_opens_the_order(qtbot):
    panel = CustomerProfilePanel()
    qtbot.addWidget(panel)
    panel.show_orders([order_row(7, LONG_ORDER_NO)])
    item = panel.orders_tab.table.item(0, 3)
    with qtbot.waitSignal(panel.order_activated) as opened:
        panel.orders_tab.table.itemDoubleClicked.emit(item)
    assert opened.args == [7]


def test_history_words_in_both_languages(qapp):
    assert action_text("order.added") == "Order added"
    assert action_text("customer.revealed") == "Revealed a field"
    assert action_text("future.thing") == "future.thing"
    assert actor_text("wang (owner)") == "wang (Owner)"
    i18n.install_translators(qapp, i18n.CHINESE)
    assert action_text("order.added") == "添加了订单"
    assert action_text("export.subject_copy") == "导出了本人数据副本"
    assert actor_text("li (staff)") == "li（店员）"


def test_order_detail_wraps_long_product_names_instead_of_cutting_them(qtbot):
    from desktop.services.order_views import OrderDetail, OrderItemView
    from desktop.ui.pages.order_detail_panel import OrderDetailPanel

    long_name = "洗发水 750ml 家庭装 无硅油 清爽控油 (买二送一 限时活动)"
    detail = OrderDetail(
        id=1, order_no=LONG_ORDER_NO, channel="淘宝", status="paid",
        ordered_at="2025-12-27T02:00:00+00:00", customer=None, ship_name="", ship_phone="",
        ship_address="", notes="",
        items=(OrderItemView("HC-750-FAMILY", long_name, 3, 4590, 13770),
               OrderItemView("", "手机壳", 1, 2990, 2990)),
        total_cents=16760, discount_cents=0, shipping_cents=0, payable_cents=16760,
        paid_cents=16760)
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 600)  # the detail panel beside the orders list is narrow
    panel.show()
    panel.show_detail(detail)
    table = panel.items
    qtbot.waitUntil(lambda: table.rowHeight(0) > table.rowHeight(1))  # wrapped: taller
    first = table.item(0, 0)
    assert first is not None and first.text() == f"{long_name} (HC-750-FAMILY)"
    assert first.toolTip() == first.text()
    assert table.height() >= table.rowHeight(0) + table.rowHeight(1)
