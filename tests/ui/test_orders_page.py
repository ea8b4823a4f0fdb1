"""The Orders page over a real shop (demo data), driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.models import Customer
from desktop.core.roles import Role
from desktop.security.keyring_vault import DISABLE_ENV
from desktop.services.demo import load_demo_data
from desktop.services.order_views import OrderDraft, OrderFilter, OrderItemDraft
from desktop.services.orders import OrderService
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.workspace import Workspace, default_keyring, new_workspace
from desktop.ui.models.orders_model import KeysetTableModel, OrdersModel, format_cents
from desktop.ui.pages.orders_page import OrdersPage
from desktop.ui.tasks import SynchronousTaskRunner

PHONE_DIGITS = "13912348765"
ROLES = [r for r in Qt.ItemDataRole if r.value <= Qt.ItemDataRole.UserRole.value]


@dataclass
class UiShop:
    workspace: Workspace
    owner: Session
    staff: Session
    customer_id: int
    order_id: int


@pytest.fixture(scope="module")
def ui_shop(tmp_path_factory) -> Iterator[UiShop]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISABLE_ENV, "none")
        paths = ShopPaths(tmp_path_factory.mktemp("orders") / "shop")
        workspace, owner, _code = new_workspace(
            paths, "测试店", "wang", "Correct-horse-42", keyring=default_keyring(),
            remember=False)
        load_demo_data(workspace, owner, 300)
        db = workspace.shop.db
        with db.transaction():
            staff = Session(db.users.add("li", Role.STAFF, "unused"))
        customer_id = db.customers.add(Customer(id=None, name="赵敏", phone="+86" + PHONE_DIGITS))
        order_id = OrderService(workspace).add(owner, OrderDraft(
            order_no="T-0001", channel="门店", status="paid", customer_id=customer_id,
            ship_name="赵敏", ship_phone=PHONE_DIGITS, ship_address="上海市徐汇区漕溪北路88号",
            items=(OrderItemDraft("保温杯", "1", "89"),)))
        yield UiShop(workspace, owner, staff, customer_id, order_id)
        workspace.close()


def make_page(qtbot, shop: UiShop, session: Session, *, tester: bool = True) -> OrdersPage:
    page = OrdersPage(shop.workspace, session, SynchronousTaskRunner())
    qtbot.addWidget(page)
    if tester:
        attach_tester(page)
    page.reload()
    return page


def attach_tester(page) -> None:
    page.model_tester = QAbstractItemModelTester(
        page.model, QAbstractItemModelTester.FailureReportingMode.Warning, page)


def no_tester_failures(qtlog) -> None:
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []


def all_cell_values(model) -> list[str]:
    return [
        str(model.data(model.index(r, c), role))
        for r in range(model.rowCount()) for c in range(model.columnCount()) for role in ROLES
    ]


def test_model_pages_by_keyset_as_the_user_scrolls(qtbot, qtlog, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff, tester=False)
    total = OrderService(ui_shop.workspace).count(ui_shop.staff, OrderFilter())
    assert page.model.rowCount() == 200 < total
    assert page.count_label.text() == f"{total:,} orders"
    attach_tester(page)
    while page.model.rowCount() < total:
        page.table.scrollToBottom()
        page.model.fetchMore(QModelIndex())
        qtbot.wait(1)
    assert not page.model.canFetchMore(QModelIndex())
    assert page.model.rowCount() == total == len(set(page.model.ids))
    times = [page.model.row_at(r).ordered_at for r in range(page.model.rowCount())]
    assert times == sorted(times, reverse=True)
    no_tester_failures(qtlog)


def test_staff_model_and_detail_never_hold_the_full_phone(qtbot, qtlog, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    position = page.model.position_of(ui_shop.order_id)
    page.table.selectRow(position)
    values = all_cell_values(page.model)
    assert not [v for v in values if PHONE_DIGITS in v.replace(" ", "") or "漕溪北路" in v]
    assert "139****8765" in " ".join(values)
    shown = " ".join(label.text() for label in page.detail.values.values())
    assert PHONE_DIGITS not in shown and "139****8765" in shown and "赵*" in shown
    assert page.detail.masked_hint.isVisibleTo(page) and not page.detail.edit_button.isVisibleTo(
        page)
    owner = make_page(qtbot, ui_shop, ui_shop.owner)
    owner.table.selectRow(owner.model.position_of(ui_shop.order_id))
    shown_to_owner = f"{PHONE_DIGITS[:3]} {PHONE_DIGITS[3:7]} {PHONE_DIGITS[7:]}"
    assert shown_to_owner in owner.detail.values["phone"].text()  # as a shop reads it
    no_tester_failures(qtlog)


def test_filter_changes_reload_the_list(qtbot, qtlog, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    page.status.setCurrentIndex(page.status.findData("refunded"))
    page.status.activated.emit(page.status.currentIndex())
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(row.status == "refunded" for row in rows)
    page.channel.setCurrentIndex(page.channel.findData("淘宝"))
    page.channel.activated.emit(page.channel.currentIndex())
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(r.status == "refunded" and r.channel == "淘宝" for r in rows)
    assert page.count_label.text() == f"{len(rows):,} orders"
    page.date_from.setDate(QDate(2030, 1, 1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    no_tester_failures(qtlog)


def test_add_order_in_the_dialog_shows_an_invalid_amount_at_its_field(qtbot, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    page.add_order()
    dialog = page.dialog
    dialog.order_no.setText("UI-42")
    dialog.channel.setCurrentText("门店")
    dialog.customer_find.setText(PHONE_DIGITS)
    dialog.find_button.click()
    assert dialog.customer.currentData() == ui_shop.customer_id
    assert PHONE_DIGITS not in dialog.customer.currentText()
    dialog.items.item(0, 0).setText("帆布包")
    dialog.items.item(0, 2).setText("2")
    dialog.items.item(0, 3).setText("45")
    assert dialog.items.item(0, 4).text() == format_cents(9000)
    dialog.discount.setText("abc")
    dialog.add_item.click()
    dialog.items.item(1, 0).setText("手机壳")
    dialog.items.item(1, 3).setText("1,2.5")
    dialog.save_button.click()
    assert page.dialog is dialog and dialog.errors["discount"].isVisibleTo(dialog)
    assert "amount" in dialog.errors["discount"].text()
    assert dialog.discount.property("invalid") == "true"
    assert "Row 2" in dialog.errors["items"].text()
    assert not dialog.errors["order_no"].isVisibleTo(dialog)
    dialog.discount.setText("¥5")
    dialog.items.item(1, 3).setText("29.90")
    dialog.save_button.click()
    assert page.dialog is None
    new = page.detail.detail
    assert new.order_no == "UI-42" and new.payable_cents == 9000 + 2990 - 500
    assert page.model.id_at(page.table.currentIndex().row()) == new.id


def test_clear_sensitive_empties_the_model_and_keeps_dialog_edits(qtbot, qtlog, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.owner)
    page.table.selectRow(0)
    page.add_order()
    page.dialog.order_no.setText("draft-7")
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and page.detail.detail is None
    assert all(not label.text() for label in page.detail.values.values())
    assert not page.dialog.isVisible() and page.dialog.order_no.text() == "draft-7"
    page.restore_after_unlock()
    assert page.model.rowCount() == 200 and page.dialog.isVisible()
    no_tester_failures(qtlog)


def test_open_customer_and_edit_from_the_detail(qtbot, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.owner)
    page.table.selectRow(page.model.position_of(ui_shop.order_id))
    with qtbot.waitSignal(page.open_customer) as opened:
        page.detail.customer_button.click()
    assert opened.args == [ui_shop.customer_id]
    page.detail.edit_button.click()
    assert page.dialog.editing and page.dialog.order_no.text() == "T-0001"
    assert page.dialog.customer.currentData() == ui_shop.customer_id
    page.dialog.status.setCurrentIndex(page.dialog.status.findData("shipped"))
    page.dialog.save_button.click()
    assert page.dialog is None and page.detail.detail.status == "shipped"


def test_rows_evicted_from_the_cache_are_fetched_again(qtbot, qtlog):
    rows = {i: type("Row", (), {"id": i})() for i in range(1, 11)}
    requested = []

    class Tiny(KeysetTableModel):
        headers = ("id",)

        def cell(self, row, column, role):
            return str(row.id) if role == Qt.ItemDataRole.DisplayRole else None

    def load_rows(ids, deliver):
        requested.append(ids)
        deliver([rows[i] for i in ids])

    model = Tiny(lambda cursor, deliver: deliver([rows[i] for i in range(6, 11)], None),
                 load_rows, cache_rows=5)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.reset([rows[i] for i in range(1, 6)], "after-5")
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, 0)) == "…"
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "1")
    assert requested and requested[0][0] == 1
    assert OrdersModel(None, None).headerData(0, Qt.Orientation.Horizontal) == "Ordered"
    no_tester_failures(qtlog)
