"""End to end, as a shop uses it: the real window, the real export service, a real shop
(SQLCipher) and a real background runner. A manager exports the customers page's current
search to .xlsx; the workbook holds the masked phone and never the full one. Staff never
see an export action. The owner exports unmasked (the file opens with the password shown once)
and saves a person's data-subject copy."""

from __future__ import annotations

import json
from pathlib import Path

import msoffcrypto
import pytest
from openpyxl import load_workbook

from desktop.core.models import Customer, Gender, Order, OrderItem, OrderStatus
from desktop.services.workspace import open_with_keyring
from desktop.ui import i18n
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.export_dialog import ExportDialog
from desktop.ui.pages.export_subject import SubjectCopyDialog
from desktop.ui.pages.feedback_page import FeedbackPage
from desktop.ui.pages.orders_page import OrdersPage
from desktop.ui.shell.controller import State
from desktop.ui.shell.pages import CUSTOMERS, FEEDBACK, ORDERS
from tests.ui.shell_support import (
    MANAGER,
    MANAGER_PASSWORD,
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    WAIT_MS,
    create_shared_shop,
    log_in,
    wait_for_state,
)

ZHANG_PHONE = "13812345678"
WANG_PHONE = "13987654321"



@pytest.fixture
def shared(tmp_path):
    shop = create_shared_shop(tmp_path / "shop")
    workspace = open_with_keyring(shop.paths, shop.keyring)
    try:
        db = workspace.shop.db
        with db.transaction():
            db.customers.add(Customer(id=None, name="张三", phone="+86" + ZHANG_PHONE,
                                      city="北京", email="zhangsan@example.com"))
            db.customers.add(Customer(id=None, name="王五", phone="+86" + WANG_PHONE,
                                      city="上海"))
    finally:
        workspace.close()
    return shop


def all_cells(path: Path) -> list[str]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [str(cell) for sheet in workbook.worksheets
                for row in sheet.iter_rows(values_only=True) for cell in row
                if cell is not None]
    finally:
        workbook.close()


def test_a_manager_exports_the_search_masked_and_staff_cannot_export(
        qtbot, tmp_path, shared, new_controller):
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, MANAGER, MANAGER_PASSWORD)
    window = controller.main_window
    assert window is not None
    page = window.open_page(CUSTOMERS)
    assert isinstance(page, CustomersPage)
    qtbot.waitUntil(lambda: page.model.complete, timeout=WAIT_MS)
    page.search("张")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1,
                    timeout=WAIT_MS)
    assert page.export_button.isVisible()

    page.export_button.click()
    dialog = page.export_button.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.count == 1, timeout=WAIT_MS)
    assert dialog.scope_label.text() == "The 1 customer matching ‘张’."
    assert not dialog.unmasked_button.isVisible()
    dialog.form.purpose_combo.setCurrentIndex(1)
    out = tmp_path / "customers-search.xlsx"
    dialog.form.path_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS * 3)

    assert dialog.last_result is not None, dialog.error_label.text()
    assert dialog.last_result.rows == 1 and dialog.last_result.masked
    assert out.is_file()
    assert "Exported 1 row to" in dialog.result_label.text()
    cells = " ".join(all_cells(out))
    assert "138****5678" in cells
    assert ZHANG_PHONE not in cells.replace(" ", "")
    assert WANG_PHONE[-4:] not in cells  # only the search's customer left the shop
    assert "zhangsan@example.com" not in cells
    dialog.close_button.click()

    controller.logout()
    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    window = controller.main_window
    assert window is not None
    for key, page_type in ((CUSTOMERS, CustomersPage), (ORDERS, OrdersPage),
                           (FEEDBACK, FeedbackPage)):
        staff_page = window.open_page(key)
        assert isinstance(staff_page, page_type)
        assert not staff_page.export_button.isVisible()
    assert isinstance(staff_page, FeedbackPage)
    customers = window.page(CUSTOMERS)
    assert isinstance(customers, CustomersPage)
    assert not customers.profile_panel.subject_copy_button.isVisible()


def decrypted_cells(path: Path, password: str, tmp_path: Path) -> list[str]:
    plain = tmp_path / "decrypted.xlsx"
    with path.open("rb") as source, plain.open("wb") as target:
        office = msoffcrypto.OfficeFile(source)
        office.load_key(password=password)
        office.decrypt(target)
    return all_cells(plain)


def test_the_owner_exports_unmasked_and_copies_a_person_s_data(
        qtbot, tmp_path, shared, new_controller):
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    assert controller.main_window is not None
    page = controller.main_window.open_page(CUSTOMERS)
    assert isinstance(page, CustomersPage)
    page.search("张三")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1,
                    timeout=WAIT_MS)

    page.export_button.click()
    dialog = page.export_button.dialog
    assert isinstance(dialog, ExportDialog)
    out = tmp_path / "unmasked.xlsx"
    dialog.form.path_edit.setText(str(out))
    dialog.unmasked_button.click()
    confirm = dialog.confirm_dialog
    assert confirm is not None
    confirm.password_edit.setText(OWNER_PASSWORD)
    confirm.purpose_edit.setText("Annual tax audit")
    confirm.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None, timeout=WAIT_MS * 3)

    shown = dialog.password_dialog
    assert shown is not None
    password = shown.password_edit.text()
    assert len(password) >= 12 and not dialog.last_result.masked  # type: ignore[union-attr]
    shown.noted_button.click()
    assert shown.password_edit.text() == ""
    cells = " ".join(decrypted_cells(out, password, tmp_path))
    assert ZHANG_PHONE in cells.replace(" ", "") and "zhangsan@example.com" in cells
    assert "Annual tax audit" in cells  # on the cover sheet
    dialog.close_button.click()

    page.show_customer(page.model.customer_id(0) or 0)
    qtbot.waitUntil(lambda: page.profile_panel.subject_copy_button.isVisible(),
                    timeout=WAIT_MS)
    page.profile_panel.subject_copy_button.click()
    copy = page.export_button.dialog
    assert isinstance(copy, SubjectCopyDialog)
    copy.folder_edit.setText(str(tmp_path))
    copy.name_edit.setText("zhang-san-copy")
    copy.export_button.click()
    qtbot.waitUntil(lambda: copy.written is not None or copy.error_label.isVisible(),
                    timeout=WAIT_MS * 3)
    assert copy.written is not None, copy.error_label.text()
    data = json.loads((tmp_path / "zhang-san-copy.json").read_text(encoding="utf-8"))
    assert ZHANG_PHONE in json.dumps(data, ensure_ascii=False)
    assert (tmp_path / "zhang-san-copy.xlsx").is_file()


@pytest.fixture
def chinese(qapp):
    yield lambda: i18n.install_translators(qapp, i18n.CHINESE)
    i18n.install_translators(qapp, i18n.ENGLISH)


def test_a_window_in_chinese_writes_the_file_in_chinese(
        qtbot, tmp_path, new_controller, chinese):
    shop = create_shared_shop(tmp_path / "shop")
    workspace = open_with_keyring(shop.paths, shop.keyring)
    try:
        db = workspace.shop.db
        with db.transaction():
            customer_id = db.customers.add(Customer(
                id=None, name="李娜", phone="+86" + ZHANG_PHONE, member_no="M100",
                gender=Gender.FEMALE))
            db.orders.add(Order(
                id=None, order_no="202611290001", channel="淘宝", customer_id=customer_id,
                status=OrderStatus.COMPLETED, ordered_at="2026-11-20T04:00:00.000000+00:00",
                total_cents=9990, paid_cents=9990, items=(OrderItem("保温杯", 1, 9990),)))
    finally:
        workspace.close()
    controller = new_controller(shop.paths, keyring=shop.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, MANAGER, MANAGER_PASSWORD)
    chinese()
    window = controller.main_window
    assert window is not None

    def export_from(page: CustomersPage | OrdersPage, out: Path) -> None:
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
        page.export_button.click()
        dialog = page.export_button.dialog
        assert isinstance(dialog, ExportDialog)
        dialog.form.purpose_combo.setCurrentIndex(1)
        dialog.form.path_edit.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS * 3)
        assert dialog.last_result is not None, dialog.error_label.text()
        dialog.close_button.click()

    customers = window.open_page(CUSTOMERS)
    assert isinstance(customers, CustomersPage)
    export_from(customers, tmp_path / "客户.xlsx")
    book = load_workbook(tmp_path / "客户.xlsx")
    assert book.sheetnames == ["封面", "客户"]
    headers = [cell.value for cell in book["客户"][1]]
    assert headers[:3] == ["会员卡号", "姓名", "性别"]
    assert book["客户"]["C2"].value == "女"
    cover = {row[0].value: row[1].value for row in book["封面"].iter_rows() if row[0].value}
    assert cover["导出人"].startswith(MANAGER) and cover["报表"] == "客户名单"
    assert "已按本店的脱敏规则" in cover["脱敏"]

    orders = window.open_page(ORDERS)
    assert isinstance(orders, OrdersPage)
    export_from(orders, tmp_path / "订单.xlsx")
    book = load_workbook(tmp_path / "订单.xlsx")
    assert book.sheetnames == ["封面", "订单", "订单商品"]
    sheet = book["订单"]
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, headers.index("状态") + 1).value == "已完成"
    assert "实付金额" in headers
