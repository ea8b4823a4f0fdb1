"""A Taobao shop's two 千牛 exports, imported one after the other into a real shop: the 订单列表
(one row per order, its products packed in one 宝贝标题 cell) makes each order with one summary
item; the 宝贝明细 (one row per item) then gives those orders their real items — under the
chosen policy, recorded for undo, and nothing changed the second time."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop.core.import_types import MatchPolicy, RowAction
from desktop.exchange.plan_reasons import (
    ORDER_ITEMS_REPLACED,
    ORDER_SUMMARY_REPLACED,
    ORDER_UNCHANGED,
)
from desktop.services.import_api import ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from desktop.store.order_queries import OrderQueries
from desktop.store.orders import OrderRepository
from tests.e2e.test_import_platform_exports import _detail_row, _request, write_csv
from tests.support.platform_headers import TAOBAO_DETAIL
from tests.support.shops import ShopFixture

LIST_HEADER = [
    "订单编号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额",
    "订单状态", "买家留言", "收货人姓名", "收货地址", "联系电话", "联系手机", "订单创建时间",
    "订单付款时间", "宝贝标题", "宝贝种类", "订单备注", "宝贝总数量", "店铺名称", "订单关闭原因",
    "退款金额",
]
TEA_SET = "3712345678901234567"
TRAY = "3712345678901234580"


def _list_row(order_no: str, title: str, kinds: str, quantity: str, total: str) -> list[str]:
    return [
        f'="{order_no}"', '="2024010522001100001"', "支付宝", total, "0.00", total, total,
        "交易成功", "", "李**", "浙江省 杭州市 西湖区 文***路***号", "", "138****1234",
        "2024-01-05 12:30:45", "2024-01-05 12:31:02", title, kinds, "", quantity, "茶香小铺",
        "订单未关闭", "0.00",
    ]


def _order_list(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "ExportOrderList202401.csv", [
        LIST_HEADER,
        _list_row(TEA_SET, "西湖龙井 250g，青瓷茶杯", "2", "3", "209.00"),
        _list_row(TRAY, "茶盘", "1", "1", "35.00"),
    ], "gbk")


def _detail(tmp_path: Path, name: str, tea_quantity: str = "2") -> Path:
    """The 宝贝明细 of the tea set order only (the tray is not in it)."""
    return write_csv(tmp_path / name, [
        TAOBAO_DETAIL,
        _detail_row("3712345678901234570", TEA_SET, "西湖龙井 250g", "99.50", tea_quantity,
                    "交易成功", "LJ-250"),
        _detail_row("3712345678901234571", TEA_SET, "青瓷茶杯", "10.00", "1", "交易成功",
                    "CUP-W"),
    ], "gbk")


def _items(shop: ShopFixture, order_no: str) -> list[tuple[object, ...]]:
    return shop.workspace.shop.db.conn.execute(
        "SELECT i.id, i.product_name, i.quantity, i.unit_price_cents, i.amount_cents, i.sku,"
        " i.summary FROM order_items i JOIN orders o ON o.id = i.order_id"
        " WHERE o.order_no = ? ORDER BY i.id", (order_no,),
    ).fetchall()


def _amounts(shop: ShopFixture, order_no: str) -> tuple[object, ...]:
    return tuple(shop.workspace.shop.db.conn.execute(
        "SELECT status, total_cents, paid_cents, shipping_cents FROM orders WHERE order_no = ?",
        (order_no,),
    ).fetchone())


def _names(shop: ShopFixture, order_no: str) -> list[tuple[object, ...]]:
    return [(name, quantity, unit, sku, summary)
            for _, name, quantity, unit, _, sku, summary in _items(shop, order_no)]


def _request_for(
    service: ImportService, shop: ShopFixture, path: Path, layout: str,
    policy: MatchPolicy = MatchPolicy.FILL_EMPTY,
) -> ImportRequest:
    request = _request(service, shop, path)
    assert request.layout == layout
    return dataclasses.replace(request, policy=policy)


SUMMARY_TEA_SET = [("西湖龙井 250g,青瓷茶杯", 3, 0, "", 1)]  # NFKC: ，→ ,
UPDATED_ONE = ImportCounts(updated=1, duplicates=1, orders_updated=1)
REAL_TEA_SET = [("西湖龙井 250g", 2, 9950, "LJ-250", 0), ("青瓷茶杯", 1, 1000, "CUP-W", 0)]


def test_the_order_list_then_the_detail_list_gives_the_orders_their_real_items(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    listed = _request_for(service, shop, _order_list(tmp_path), "taobao_orders")
    assert service.run(shop.owner, listed).counts == ImportCounts(created=2, orders_created=2)
    assert _names(shop, TEA_SET) == SUMMARY_TEA_SET
    assert _names(shop, TRAY) == [("茶盘", 1, 0, "", 1)]

    detail = _request_for(service, shop, _detail(tmp_path, "ExportOrderDetailList.csv"),
                          "taobao_order_items")
    report = service.dry_run(shop.owner, detail)
    assert report.counts == UPDATED_ONE
    first = report.rows[0]
    assert first.action is RowAction.UPDATE
    assert [issue.text() for issue in first.issues] == [
        ORDER_SUMMARY_REPLACED.format(count=2)]
    assert _names(shop, TEA_SET) == SUMMARY_TEA_SET  # a dry run writes nothing

    assert service.run(shop.owner, detail).counts == UPDATED_ONE
    assert _names(shop, TEA_SET) == REAL_TEA_SET
    assert [row[4] for row in _items(shop, TEA_SET)] == [19900, 1000]
    # The order's own amounts are the list's (fill empty: they were filled already).
    assert _amounts(shop, TEA_SET) == ("completed", 20900, 20900, 0)
    assert _names(shop, TRAY) == [("茶盘", 1, 0, "", 1)]  # not in the detail file
    stored = OrderRepository(shop.workspace.shop.db.conn).find_by_numbers([TEA_SET])[0]
    assert [item.summary for item in stored.items] == [False, False]


def test_the_detail_list_imported_twice_changes_nothing_the_second_time(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, _request_for(service, shop, _order_list(tmp_path), "taobao_orders"))
    detail = _request_for(service, shop, _detail(tmp_path, "ExportOrderDetailList.csv"),
                          "taobao_order_items")
    assert service.run(shop.owner, detail).counts == UPDATED_ONE
    items = _items(shop, TEA_SET)
    stamp = _stamp(shop, TEA_SET)
    report = service.dry_run(shop.owner, detail)
    assert report.counts == ImportCounts(skipped=1, duplicates=1)
    assert [issue.text() for issue in report.rows[0].issues] == [ORDER_UNCHANGED]
    assert service.run(shop.owner, detail).counts == ImportCounts(skipped=1, duplicates=1)
    assert _items(shop, TEA_SET) == items
    assert _stamp(shop, TEA_SET) == stamp
    # The order list again leaves the real items alone (a summary never replaces them).
    again = _request_for(service, shop, _order_list(tmp_path), "taobao_orders",
                         MatchPolicy.OVERWRITE)
    service.run(shop.owner, again)
    assert _items(shop, TEA_SET) == items


def _stamp(shop: ShopFixture, order_no: str) -> str:
    return str(shop.workspace.shop.db.conn.execute(
        "SELECT updated_at FROM orders WHERE order_no = ?", (order_no,)).fetchone()[0])


def test_undoing_the_detail_import_brings_the_summary_item_back(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, _request_for(service, shop, _order_list(tmp_path), "taobao_orders"))
    summary, stamp = _items(shop, TEA_SET), _stamp(shop, TEA_SET)
    detail = _request_for(service, shop, _detail(tmp_path, "ExportOrderDetailList.csv"),
                          "taobao_order_items")
    batch = service.run(shop.owner, detail).batch_id
    assert _names(shop, TEA_SET) == REAL_TEA_SET
    assert service.undo(shop.owner, batch) == ImportCounts(orders_updated=1)  # restored
    assert _items(shop, TEA_SET) == summary  # the same row: id, values and summary flag
    assert _stamp(shop, TEA_SET) == stamp
    # And the detail list can be imported again afterwards.
    assert service.run(shop.owner, detail).counts == UPDATED_ONE
    assert _names(shop, TEA_SET) == REAL_TEA_SET


def test_undo_keeps_an_order_edited_after_the_import(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, _request_for(service, shop, _order_list(tmp_path), "taobao_orders"))
    detail = _request_for(service, shop, _detail(tmp_path, "ExportOrderDetailList.csv"),
                          "taobao_order_items")
    batch = service.run(shop.owner, detail).batch_id
    conn = shop.workspace.shop.db.conn
    order = OrderRepository(conn).find_by_numbers([TEA_SET])[0]
    edited = dataclasses.replace(order, items=order.items[:1])  # the owner drops the cup
    OrderQueries(conn).update(edited)
    assert service.undo(shop.owner, batch) == ImportCounts(skipped=1)
    assert _names(shop, TEA_SET) == REAL_TEA_SET[:1]


def _real_order(shop: ShopFixture, tmp_path: Path, service: ImportService) -> None:
    """The tea set order made from the detail list: real items (LJ-250 x2, CUP-W x1)."""
    first = _request_for(service, shop, _detail(tmp_path, "first.csv"), "taobao_order_items")
    assert service.run(shop.owner, first).counts == ImportCounts(
        created=1, duplicates=1, orders_created=1)
    assert _names(shop, TEA_SET) == REAL_TEA_SET


def test_fill_empty_leaves_real_items_alone(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    _real_order(shop, tmp_path, service)
    items = _items(shop, TEA_SET)
    changed = _request_for(service, shop, _detail(tmp_path, "changed.csv", tea_quantity="3"),
                           "taobao_order_items", MatchPolicy.FILL_EMPTY)
    assert service.run(shop.owner, changed).counts == ImportCounts(skipped=1, duplicates=1)
    assert _items(shop, TEA_SET) == items


def test_skip_leaves_the_items_alone(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, _request_for(service, shop, _order_list(tmp_path), "taobao_orders"))
    summary = _items(shop, TEA_SET)
    detail = _request_for(service, shop, _detail(tmp_path, "detail.csv"),
                          "taobao_order_items", MatchPolicy.SKIP)
    assert service.run(shop.owner, detail).counts == ImportCounts(skipped=1, duplicates=1)
    assert _items(shop, TEA_SET) == summary


def test_overwrite_replaces_real_items_that_differ_and_undo_restores_them(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    _real_order(shop, tmp_path, service)
    items = _items(shop, TEA_SET)
    same = _request_for(service, shop, _detail(tmp_path, "same.csv"), "taobao_order_items",
                        MatchPolicy.OVERWRITE)
    assert service.run(shop.owner, same).counts == ImportCounts(skipped=1, duplicates=1)
    changed = _request_for(service, shop, _detail(tmp_path, "changed.csv", tea_quantity="3"),
                           "taobao_order_items", MatchPolicy.OVERWRITE)
    report = service.dry_run(shop.owner, changed)
    assert report.counts == UPDATED_ONE
    assert [issue.text() for issue in report.rows[0].issues] == [
        ORDER_ITEMS_REPLACED.format(count=2)]
    batch = service.run(shop.owner, changed).batch_id
    assert _names(shop, TEA_SET) == [("西湖龙井 250g", 3, 9950, "LJ-250", 0), REAL_TEA_SET[1]]
    service.undo(shop.owner, batch)
    assert _items(shop, TEA_SET) == items


def test_an_edit_that_leaves_the_summary_item_as_it_was_keeps_it_a_summary(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """The order form knows no summary flag: an edit of the note rewrites the items, and the
    list's packed title must stay a summary for the detail list to replace it."""
    service = ImportService(shop.workspace)
    service.run(shop.owner, _request_for(service, shop, _order_list(tmp_path), "taobao_orders"))
    conn = shop.workspace.shop.db.conn
    queries = OrderQueries(conn)
    tea_set, tray = OrderRepository(conn).find_by_numbers([TEA_SET, TRAY])
    plain = tuple(dataclasses.replace(item, id=None, summary=False) for item in tea_set.items)
    queries.update(dataclasses.replace(tea_set, notes="老客户", items=plain))
    assert _names(shop, TEA_SET) == SUMMARY_TEA_SET
    counted = tuple(dataclasses.replace(item, id=None, summary=False, quantity=2)
                    for item in tray.items)
    queries.update(dataclasses.replace(tray, items=counted))  # the owner corrected the line
    assert _names(shop, TRAY) == [("茶盘", 2, 0, "", 0)]
    detail = _request_for(service, shop, _detail(tmp_path, "detail.csv"), "taobao_order_items")
    assert service.run(shop.owner, detail).counts == UPDATED_ONE
    assert _names(shop, TEA_SET) == REAL_TEA_SET
