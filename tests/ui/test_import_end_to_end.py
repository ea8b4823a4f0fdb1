"""The import wizard driven end to end in the real window, over the real import service and
a real shop: the owner imports a membership workbook written here (title row, a duplicate, a
row without any identifier, a blank and a total row), finds the new customers with the
search box, saves the error workbook, then undoes the import. Background work runs on the
real task runner, so the window stays responsive throughout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.core.import_types import RowAction
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.imports import ImportService
from desktop.ui.pages import import_pages_source, import_texts
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.import_page import ImportPage
from desktop.ui.pages.import_wizard import CHECK, DONE, HEADER, MAPPING, SHEET
from desktop.ui.shell.controller import AppController, State
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.shell_support import (
    AUDITOR,
    AUDITOR_PASSWORD,
    MANAGER,
    MANAGER_PASSWORD,
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    WAIT_MS,
    audit_actions,
    log_in,
    wait_for_state,
)

NEW_PHONES = ("13812345678", "13987654321", "13700001111")




def start_and_log_in(qtbot, new_controller, shared, user: str, secret: str) -> AppController:
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)  # the keyring holds the key: no unlock
    log_in(qtbot, controller, user, secret)
    return controller


def write_membership_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由店长维护，每月更新一次"])
    sheet = book.create_sheet("会员")
    sheet.append(["老王杂货店会员登记表 2024"])
    sheet.merge_cells("A1:G1")
    sheet.append(["会员卡号", "姓名", "性别", "手机号", "生日", "积分", "备注"])
    sheet.append(["V001", "张三", "男", "13812345678", "1990-03-07", 120, "老顾客"])
    sheet.append(["V002", "李四", "女", 13987654321, date(1985, 5, 1), 80, None])
    sheet.append([None, "王五", "男", "137 0000 1111", None, 10, None])
    sheet.append(["V001", "张三", "男", "13812345678", None, None, "重复登记"])
    sheet.append([None, "钱七", None, None, None, None, "没有联系方式"])
    sheet.append([])
    sheet.append(["合计", None, None, None, None, 210, None])
    book.save(path)
    return path


def wait_idle(qtbot, wizard, step: int) -> None:
    qtbot.waitUntil(lambda: wizard.step == step and not wizard.busy, timeout=WAIT_MS)
    assert not wizard.error.isVisible(), wizard.error.text()


def search_customers(qtbot, controller: AppController, text: str) -> CustomersPage:
    window = controller.main_window
    page = window.open_page("customers")
    assert isinstance(page, CustomersPage)
    page.search(text)
    qtbot.waitUntil(lambda: page.model.current_filter.text == text and page.model.complete,
                    timeout=WAIT_MS)
    return page


def test_owner_imports_a_membership_workbook_then_undoes_it(
        new_controller, shared, qtbot, tmp_path, monkeypatch):
    workbook = write_membership_workbook(tmp_path / "会员登记表.xlsx")
    controller = start_and_log_in(qtbot, new_controller, shared, OWNER, OWNER_PASSWORD)
    window = controller.main_window
    assert window.page_keys() == ["customers", "orders", "feedback", "import", "audit"]
    assert search_customers(qtbot, controller, NEW_PHONES[0]).model.rowCount() == 0

    page = window.open_page("import")
    assert isinstance(page, ImportPage)
    wizard = page.wizard
    monkeypatch.setattr(import_pages_source, "choose_file_path", lambda *_a: workbook)
    wizard.file_step.choose_button.click()
    wait_idle(qtbot, wizard, SHEET)
    assert wizard.sheet_step.selected_sheet() == "会员"
    assert wizard.sheet_step.kind_label.text() == "Excel workbook"

    wizard.next_button.click()
    wait_idle(qtbot, wizard, HEADER)
    assert wizard.header_step.chosen_row == 1  # the title row above is skipped
    wizard.next_button.click()
    wait_idle(qtbot, wizard, MAPPING)
    fields = {m.header: m.field for m in wizard.mapping_step.mapping()}
    assert fields["手机号"] == "customer.phone"
    assert fields["会员卡号"] == "customer.member_no"
    assert wizard.mapping_step.layout_label.text() == (
        "Recognised layout: Hand-kept membership sheet")

    wizard.next_button.click()
    wait_idle(qtbot, wizard, CHECK)
    check = wizard.check_step
    counts = wizard.report.counts
    assert (counts.created, counts.updated, counts.duplicates, counts.rejected,
            counts.skipped_blank, counts.skipped_summary) == (3, 0, 1, 1, 1, 1)
    assert [check.model.count(a) for a in (RowAction.CREATE, RowAction.DUPLICATE,
                                           RowAction.ERROR)] == [3, 1, 1]
    check.chips[RowAction.ERROR].click()
    assert check.model.rowCount() == 1
    assert check.model.index(0, 0).data() == "7"
    assert check.model.index(0, 3).data()  # the reason, in words
    assert not wizard.next_button.isEnabled()  # one row would be left out: ask first
    check.accept_errors.setChecked(True)

    wizard.next_button.click()
    wait_idle(qtbot, wizard, DONE)
    assert wizard.result.counts.created == 3
    errors_file = tmp_path / "errors.xlsx"
    monkeypatch.setattr(import_texts, "choose_save_path", lambda *_a: errors_file)
    wizard.summary_step.save_button.click()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT_MS)
    assert "errors.xlsx" in wizard.notice.text()
    saved = openpyxl.load_workbook(errors_file, read_only=True)
    values = [cell for row in saved.active.iter_rows(values_only=True) for cell in row]
    assert "钱七" in values
    saved.close()

    wizard.summary_step.open_button.click()
    assert window.current_key() == "customers"
    for phone in NEW_PHONES:
        assert search_customers(qtbot, controller, phone).model.rowCount() == 1, phone

    window.open_page("import")
    page.show_history()
    history = page.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.busy,
                    timeout=WAIT_MS)
    assert history.model.index(0, 0).data() == "会员登记表.xlsx"
    assert history.model.index(0, 2).data() == f"{OWNER} (Owner)"
    history.table.selectRow(0)
    questions: list[str] = []
    monkeypatch.setattr(import_texts, "ask_yes_no",
                        lambda _p, _t, text, _y: questions.append(text) or True)
    history.undo_button.click()
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.busy
                    and history.model.index(0, 4).data().startswith("Undone"),
                    timeout=WAIT_MS)
    assert "3 customers it added will be removed" in questions[0]
    assert history.notice.text() == (
        "The import of 会员登记表.xlsx was undone. Removed: 3 customers.")
    for phone in NEW_PHONES:
        assert search_customers(qtbot, controller, phone).model.rowCount() == 0, phone
    actions = audit_actions(controller)
    assert "import.completed" in actions and "import.undone" in actions


@pytest.mark.parametrize(("user", "secret", "sees_import"), [
    (MANAGER, MANAGER_PASSWORD, True),
    (STAFF, STAFF_PASSWORD, False),
    (AUDITOR, AUDITOR_PASSWORD, False),
])
def test_only_owner_and_manager_see_the_import_page(
        new_controller, shared, qtbot, user, secret, sees_import):
    controller = start_and_log_in(qtbot, new_controller, shared, user, secret)
    assert ("import" in controller.main_window.page_keys()) is sees_import


def test_cancelling_a_real_import_leaves_the_shop_as_it_was(shop, qtbot, tmp_path, monkeypatch):
    """Cancel from the first progress report of the run: the service's progress callback
    raises, the import's transaction is rolled back, and the wizard says nothing changed."""
    workbook = write_membership_workbook(tmp_path / "会员登记表.xlsx")
    service = ImportService(shop.workspace)
    page = ImportPage(service, shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(page)
    wizard = page.wizard
    wizard.open_file(workbook)
    for expected in (HEADER, MAPPING, CHECK):
        wizard.next_button.click()
        assert wizard.step == expected, wizard.error.text()
    wizard.check_step.accept_errors.setChecked(True)
    cancels: list[int] = []

    def cancel_once(value: int) -> None:
        if not cancels:
            cancels.append(value)
            wizard.run_step.cancel_button.click()

    wizard.run_step.bar.valueChanged.connect(cancel_once)
    wizard.next_button.click()
    assert cancels  # cancelled while running, not before it started
    assert wizard.step == CHECK
    assert wizard.notice.text() == "The import was cancelled. Nothing was changed."
    assert service.batches(shop.owner) == []
    customers = CustomerService(shop.workspace)
    assert [i for chunk in customers.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST)
            for i in chunk] == []
    wizard.next_button.click()  # the same import, not cancelled this time
    assert wizard.step == DONE
    assert [b.counts.customers_created for b in service.batches(shop.owner)] == [3]
