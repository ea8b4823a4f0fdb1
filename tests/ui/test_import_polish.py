"""The import wizard's second owner pass: the check table says what its rows are (customers,
orders, feedback), the summary leads to what was imported, Past imports keep their columns
still when an import is undone, the error workbook lists a rejected row's warnings too, and
"wang（店主）" is written with the language's own brackets."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.import_types import ImportTarget, RowAction
from desktop.services.import_api import (
    DryRunReport,
    ImportBatch,
    ImportCounts,
    ImportResult,
    RowOutcome,
)
from desktop.services.imports import ImportService
from desktop.ui import i18n
from desktop.ui.error_text import actor_name
from desktop.ui.pages import import_texts
from desktop.ui.pages.import_history import STATE, ImportHistory
from desktop.ui.pages.import_history import WHO as BY
from desktop.ui.pages.import_pages_result import CheckStep, SummaryStep
from desktop.ui.pages.import_preview_model import WHO, DryRunModel
from desktop.ui.pages.import_wizard import CHECK, DONE, HEADER, MAPPING, ImportWizard
from desktop.ui.shell.page_factories import open_imported
from desktop.ui.tasks import SynchronousTaskRunner
from tests.e2e.test_import_files import feedback_log_xlsx, taobao_csv
from tests.ui.import_fakes import FakeImportService
from tests.ui.test_import_wizard import OWNER

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture(params=[i18n.ENGLISH, i18n.CHINESE])
def language(request, qapp) -> str:
    i18n.install_translators(qapp, request.param)
    return request.param


def who_header(model: DryRunModel) -> str:
    return model.headerData(WHO, Qt.Orientation.Horizontal)


WHO_TITLES = {
    i18n.ENGLISH: {ImportTarget.CUSTOMERS: "Who", ImportTarget.ORDERS: "Order",
                   ImportTarget.FEEDBACK: "Feedback"},
    i18n.CHINESE: {ImportTarget.CUSTOMERS: "客户", ImportTarget.ORDERS: "订单",
                   ImportTarget.FEEDBACK: "反馈"},
}


def test_the_check_tables_third_column_says_what_the_rows_hold(qtbot, language):
    check = CheckStep()
    qtbot.addWidget(check)
    QAbstractItemModelTester(check.model, FATAL, check.model)
    report = DryRunReport(ImportCounts(created=1, orders_created=1),
                          [RowOutcome(2, RowAction.CREATE, "3712…4568 张*")])
    assert who_header(check.model) == WHO_TITLES[language][ImportTarget.CUSTOMERS]
    with qtbot.waitSignal(check.model.headerDataChanged) as changed:
        check.set_report(report, {}, ImportTarget.ORDERS)
    assert changed.args == [Qt.Orientation.Horizontal, WHO, WHO]
    assert who_header(check.model) == WHO_TITLES[language][ImportTarget.ORDERS]
    check.set_report(report, {}, ImportTarget.FEEDBACK)
    assert who_header(check.model) == WHO_TITLES[language][ImportTarget.FEEDBACK]
    check.set_report(None, {})  # a new file starts again as a customer list
    assert who_header(check.model) == WHO_TITLES[language][ImportTarget.CUSTOMERS]


def walk_to_check(wizard: ImportWizard, path: Path) -> None:
    wizard.open_file(path)
    for expected in (HEADER, MAPPING, CHECK):
        wizard.next_button.click()
        assert wizard.step == expected, wizard.error.text()


@pytest.mark.parametrize(("make", "target", "header", "open_text"), [
    (taobao_csv, ImportTarget.ORDERS, "Order", "View orders"),
    (feedback_log_xlsx, ImportTarget.FEEDBACK, "Feedback", "View feedback"),
])
def test_an_order_or_feedback_import_is_named_so_and_leads_to_its_page(
        shop, qtbot, tmp_path: Path, make, target, header, open_text):
    path = make(tmp_path / ("订单.csv" if target is ImportTarget.ORDERS else "反馈.xlsx"))
    wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    walk_to_check(wizard, path)
    assert wizard.request.target is target
    assert who_header(wizard.check_step.model) == header
    wizard.check_step.accept_errors.setChecked(True)  # the log's row without a customer
    wizard.next_button.click()
    assert wizard.step == DONE
    summary = wizard.summary_step
    assert summary.open_button.text() == open_text
    with qtbot.waitSignal(wizard.open_records) as asked:
        summary.open_button.click()
    assert asked.args == [target]


def test_a_customer_import_still_leads_to_the_customers(qtbot):
    summary = SummaryStep()
    qtbot.addWidget(summary)
    summary.set_result(ImportResult(1, ImportCounts(customers_created=2), ()), False,
                       ImportTarget.ORDERS)
    summary.set_result(ImportResult(2, ImportCounts(customers_created=2), ()), False)
    assert summary.open_button.text() == "View customers"
    with qtbot.waitSignal(summary.open_records) as asked:
        summary.open_button.click()
    assert asked.args == [ImportTarget.CUSTOMERS]


def test_the_window_opens_the_page_of_what_was_imported():
    opened: list[str] = []
    context = SimpleNamespace(window=SimpleNamespace(open_page=opened.append))
    for target in ImportTarget:
        open_imported(context, target)  # type: ignore[arg-type]
    assert opened == ["customers", "orders", "feedback"]


def batch(batch_id: int, undone: str | None = None, by: str | None = None) -> ImportBatch:
    return ImportBatch(batch_id, "有问题的表.xlsx", "2026-11-29T10:39:00Z", "wang (owner)",
                       ImportCounts(created=40, customers_created=40), undone, undone_by=by)


@pytest.mark.parametrize("width", [800, 1200])  # the page in a 1024 and a 1440 window
def test_undoing_an_import_does_not_move_the_past_imports_columns(qtbot, language, width):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    QAbstractItemModelTester(history.model, FATAL, history.model)
    history.resize(width, 500)
    history.show()
    table = history.table
    history.model.set_batches([batch(2), batch(1)])
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    before = [table.columnWidth(column) for column in range(history.model.columnCount())]
    history.model.set_batches([batch(2, undone="2026-11-29T11:32:00Z", by="li (manager)"),
                               batch(1)])
    table.horizontalHeader().doItemsLayout()
    after = [table.columnWidth(column) for column in range(history.model.columnCount())]
    assert after == before
    assert table.columnWidth(STATE) >= table.sizeHintForColumn(STATE)  # not clipped
    state = history.model.index(0, STATE)
    tip = state.data(Qt.ItemDataRole.ToolTipRole)
    if language == i18n.ENGLISH:
        assert state.data() == "Undone"
        assert tip.startswith("Undone on 2026-11-29 ") and tip.endswith(" by li (Manager).")
    else:
        assert state.data() == "已撤销"
        assert tip.startswith("已于 2026-11-29 ") and tip.endswith(" 由 li（店长）撤销。")
    assert history.model.index(1, STATE).data() == ("In effect" if language == i18n.ENGLISH
                                                    else "有效")


def test_the_error_workbook_lists_a_rejected_rows_warnings_after_its_errors(
        shop, qtbot, tmp_path: Path, monkeypatch, qapp):
    """The owner fixes the whole row in one pass; a row with only a warning was imported
    and is not in the workbook."""
    i18n.install_translators(qapp, i18n.CHINESE)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["姓名", "手机号", "生日", "身份证号"])
    sheet.append(["关羽", "13812345678", "2024/13/01", "4.40106E+17"])  # warning before error
    sheet.append(["赵云", "13812340000", "1990-02-30", None])  # only a warning: imported
    sheet.append(["张飞", "13812340001", None, "4.40106E+17"])  # only an error
    path = tmp_path / "会员.xlsx"
    book.save(path)
    wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    walk_to_check(wizard, path)
    assert wizard.check_step.errors() == 2
    out = tmp_path / "errors.xlsx"
    monkeypatch.setattr(import_texts, "choose_save_path", lambda *_a: out)
    wizard.check_step.save_button.click()
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["关羽", "张飞"]
    first, second = rows[1][-1], rows[2][-1]
    assert first.startswith("身份证号：Excel 已将这个数字四舍五入")
    assert first.endswith("重新导出。提醒：生日：日历上没有这一天，请检查月和日。")
    assert "提醒" not in second


def test_actor_names_use_the_languages_own_brackets(qapp, language):
    if language == i18n.ENGLISH:
        assert actor_name("wang (owner)") == "wang (Owner)"
    else:
        assert actor_name("wang (owner)") == "wang（店主）"
        assert actor_name("王 小明 (staff)") == "王 小明（店员）"
    # Not the audit's form: as it is.
    for actor in ("system", "wang", "li (boss)", "wang (owner"):
        assert actor_name(actor) == actor


def test_past_imports_name_who_imported_in_the_languages_brackets(qtbot, language):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    history.model.set_batches([batch(1)])
    assert history.model.index(0, BY).data() == (
        "wang (Owner)" if language == i18n.ENGLISH else "wang（店主）")
