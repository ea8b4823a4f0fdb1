"""An order imported from a 千牛 订单列表 has one summary line, not its real items: the detail
panel marks that line and says how to get the real items; once the 宝贝明细 has given the
order its items, the mark and the note are gone."""

from __future__ import annotations

from pathlib import Path

from desktop.services.imports import ImportService
from desktop.services.orders import OrderService
from desktop.ui import i18n
from desktop.ui.pages.order_detail_panel import OrderDetailPanel
from tests.e2e.test_import_order_items import TEA_SET, _detail, _order_list, _request_for
from tests.support.shops import ShopFixture


def _order_id(shop: ShopFixture, order_no: str) -> int:
    row = shop.workspace.shop.db.conn.execute(
        "SELECT id FROM orders WHERE order_no = ?", (order_no,)).fetchone()
    return int(row[0])


def _shown_names(panel: OrderDetailPanel) -> list[str]:
    cells = [panel.items.item(row, 0) for row in range(panel.items.rowCount())]
    return [cell.text() for cell in cells if cell is not None]


def test_a_summary_line_is_marked_until_the_detail_list_replaces_it(
    qtbot, qapp, shop: ShopFixture, tmp_path: Path
) -> None:
    imports, orders = ImportService(shop.workspace), OrderService(shop.workspace)
    imports.run(shop.owner, _request_for(imports, shop, _order_list(tmp_path), "taobao_orders"))
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 640)
    panel.show()

    panel.show_detail(orders.detail(shop.owner, _order_id(shop, TEA_SET)))
    # NFKC: the list's full-width comma was read as ",".
    assert _shown_names(panel) == ["* 西湖龙井 250g,青瓷茶杯"]
    assert panel.summary_hint.isVisible()
    assert "订单列表" in panel.summary_hint.text()

    detail_file = _detail(tmp_path, "ExportOrderDetailList.csv")
    imports.run(shop.owner, _request_for(imports, shop, detail_file, "taobao_order_items"))
    panel.show_detail(orders.detail(shop.owner, _order_id(shop, TEA_SET)))
    assert _shown_names(panel) == ["西湖龙井 250g (LJ-250)", "青瓷茶杯 (CUP-W)"]
    assert not panel.summary_hint.isVisible()


def test_the_summary_note_is_translated(qtbot, qapp) -> None:
    try:
        i18n.install_translators(qapp, i18n.CHINESE)
        panel = OrderDetailPanel()
        qtbot.addWidget(panel)
        assert panel.summary_hint.text().startswith("* 这一行是订单列表导出")
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
