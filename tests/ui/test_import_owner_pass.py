"""What a shop owner saw going through the import wizard and Past imports with real files
(a hand-kept 会员登记表, a 千牛 order list, a re-import, rows with lost digits): counts read
"99,600", a second summary does not paint over the first, a check with nothing to import
says why, reasons after a full stop are not glued on with "；", an undo names only what it
did, the history fits a small window, and Enter goes on as "Next" does."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.import_types import RowAction, RowIssue
from desktop.core.validation import DATE_IMPOSSIBLE
from desktop.exchange.cells import EXCEL_ROUNDED
from desktop.services.import_api import (
    DryRunReport,
    ImportBatch,
    ImportCounts,
    ImportResult,
    RowOutcome,
)
from desktop.services.imports import ImportService
from desktop.ui import i18n
from desktop.ui.pages import import_texts
from desktop.ui.pages.import_history import RESULT, STATE, ImportHistory, counts_text
from desktop.ui.pages.import_mapping_model import sample_values
from desktop.ui.pages.import_pages_result import CheckStep, SummaryStep
from desktop.ui.pages.import_preview_model import REASONS, DryRunModel
from desktop.ui.pages.import_wizard import CHECK, HEADER, MAPPING, SHEET, ImportWizard
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.import_fakes import FakeImportService
from tests.ui.test_import_wizard import OWNER

BIG = ImportCounts(created=99_600, updated=1_234, rejected=12_000, customers_created=99_600,
                   customers_updated=1_234, orders_created=250_000, skipped_blank=3)


@pytest.fixture(params=[i18n.ENGLISH, i18n.CHINESE])
def language(request, qapp) -> str:
    i18n.install_translators(qapp, request.param)
    return request.param


def shown_counts(step: SummaryStep) -> list[str]:
    """The count values the summary shows (its grid's visible number labels)."""
    QApplication.processEvents()  # a label added to a shown layout is shown by a posted call
    grid = step.grid
    labels = [grid.itemAt(i).widget() for i in range(grid.count())]
    return [w.text() for w in labels
            if isinstance(w, QLabel) and w.objectName() == "countValue" and w.isVisibleTo(step)]


def test_counts_read_with_thousands_separators_in_either_language(qtbot, language):
    summary = SummaryStep()
    qtbot.addWidget(summary)
    summary.set_result(ImportResult(1, BIG, ()), errors_saveable=True)
    assert shown_counts(summary)[:2] == ["99,600", "1,234"]
    assert "250,000" in shown_counts(summary)

    check = CheckStep()
    qtbot.addWidget(check)
    rows = [RowOutcome(n, RowAction.CREATE, "") for n in range(2, 1_236)]
    rows.append(RowOutcome(1_236, RowAction.ERROR, "", (RowIssue(1_236, "", "x"),)))
    check.set_report(DryRunReport(BIG, rows), {})
    assert "1,234" in check.chips[RowAction.CREATE].text()
    assert "1,234" in check.accept_errors.text()
    assert "250,000" in check.extra_label.text()

    history_text = counts_text(BIG)
    assert "99,600" in history_text and "250,000" in history_text
    assert "12,000" in history_text


def test_a_new_summary_replaces_the_counts_of_the_one_before(qtbot):
    summary = SummaryStep()
    qtbot.addWidget(summary)
    summary.show()
    summary.set_result(ImportResult(1, ImportCounts(customers_created=40, skipped_blank=3),
                                    ()), False)
    summary.set_result(ImportResult(2, ImportCounts(customers_created=25, orders_created=25),
                                    ()), False)
    # Only the second import's counts are in sight (before, the first one's were still
    # painted under them until the event loop got round to deleting them).
    assert shown_counts(summary) == ["25", "0", "25", "0"]


def test_the_summary_offers_the_error_workbook_only_when_rows_were_left_out(qtbot):
    summary = SummaryStep()
    qtbot.addWidget(summary)
    summary.show()
    summary.set_result(ImportResult(1, ImportCounts(customers_created=4), ()), False)
    assert not summary.save_button.isVisible()  # not a greyed-out button that does nothing
    summary.set_result(ImportResult(2, ImportCounts(customers_created=4, rejected=1), ()), True)
    assert summary.save_button.isVisible() and summary.save_button.isEnabled()


def nothing_new_report(errors: int = 0) -> DryRunReport:
    """A file imported before: every row already in the shop as it is."""
    rows = [RowOutcome(n, RowAction.SKIP, "张*") for n in range(2, 12)]
    rows += [RowOutcome(12 + n, RowAction.ERROR, "?", (RowIssue(12 + n, "", "x"),))
             for n in range(errors)]
    return DryRunReport(ImportCounts(skipped=10, rejected=errors), rows)


def test_a_check_with_nothing_to_import_says_why_instead_of_a_dead_button(qtbot):
    check = CheckStep()
    qtbot.addWidget(check)
    check.show()
    check.set_report(nothing_new_report(), {})
    assert not check.ready()
    assert check.nothing_note.isVisible()
    assert check.nothing_note.text().startswith("Nothing to import:")
    assert "Replace with the file's values" in check.nothing_note.text()

    check.set_report(nothing_new_report(errors=1), {})
    assert check.nothing_note.isVisible() and check.errors_note.isVisible()
    # No "import the other rows without them" when there are no other rows to import.
    assert "other rows" not in check.errors_note.text()
    assert not check.accept_errors.isVisible()


def test_a_check_with_rows_to_import_has_no_nothing_note(qtbot):
    check = CheckStep()
    qtbot.addWidget(check)
    check.show()
    report = DryRunReport(ImportCounts(created=1), [RowOutcome(2, RowAction.CREATE, "张*")])
    check.set_report(report, {})
    assert check.ready() and not check.nothing_note.isVisible()




def test_reasons_after_a_full_stop_follow_as_sentences(qtbot, language):
    model = DryRunModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    issues = (RowIssue(3, "phone", EXCEL_ROUNDED), RowIssue(3, "birthday", DATE_IMPOSSIBLE))
    model.set_rows([RowOutcome(3, RowAction.ERROR, "关*", issues)],
                   {"phone": "Phone", "birthday": "Birthday"})
    text = model.index(0, REASONS).data()
    assert ".;" not in text and "。；" not in text
    if language == i18n.ENGLISH:
        assert "again. Birthday: This date" in text
    else:
        assert text == ("Phone：Excel 已将这个数字四舍五入，后几位已丢失；请在原表中把该列设为"
                        "文本格式后重新导出。Birthday：日历上没有这一天，请检查月和日。")


def test_short_reasons_are_still_joined_with_a_semicolon():
    assert import_texts.reasons_text(["Phone: too short", "Points: not a number"]) == (
        "Phone: too short; Points: not a number")
    assert import_texts.reasons_text(["One.", "Two"]) == "One. Two"


def batch(counts: ImportCounts, undone: str | None = None) -> ImportBatch:
    return ImportBatch(7, "有问题的表.xlsx", "2026-11-29T10:39:00Z", "wang", counts, undone)


def test_an_undo_names_only_what_it_removed_and_restored(qtbot, language):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    lines = history.undone_lines(ImportCounts(customers_created=2))
    if language == i18n.ENGLISH:
        assert lines == ["Removed: 2 customers."]
        assert history.undone_lines(ImportCounts(customers_created=12_345, orders_created=1,
                                                 customers_updated=3)) == [
            "Removed: 12,345 customers, 1 order.", "Restored: 3 customers."]
        assert history.undone_lines(ImportCounts()) == [
            "Nothing had to be removed or restored."]
    else:
        assert lines == ["已删除：客户 2 位。"]
        assert history.undone_lines(ImportCounts(customers_created=12_345, orders_created=1,
                                                 customers_updated=3)) == [
            "已删除：客户 12,345 位、订单 1 个。", "已恢复：客户 3 位。"]
    question = history.undo_question(batch(ImportCounts(customers_created=12_345)))
    assert "12,345" in question


def test_past_imports_fit_a_small_window_without_clipping_the_state(qtbot):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    history.resize(800, 500)  # the page in a 1024 x 700 window
    history.show()
    history.model.set_batches([
        batch(BIG, undone="2026-11-29T10:40:00Z"),
        batch(ImportCounts(customers_created=40)),
    ])
    table = history.table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    for column in (RESULT, STATE):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)


@pytest.fixture
def wizard(qtbot) -> ImportWizard:
    widget = ImportWizard(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def test_enter_goes_on_from_the_sheet_header_and_mapping_steps(wizard, tmp_path: Path, qtbot):
    wizard.file_step.choose_button.setFocus()
    wizard.open_file(tmp_path / "会员.xlsx")
    assert wizard.step == SHEET
    assert QApplication.focusWidget() is wizard.sheet_step.sheets
    qtbot.keyClick(wizard.sheet_step.sheets, Qt.Key.Key_Return)
    assert wizard.step == HEADER
    assert QApplication.focusWidget() is wizard.header_step.table
    qtbot.keyClick(wizard.header_step.table, Qt.Key.Key_Enter)
    assert wizard.step == MAPPING
    qtbot.keyClick(wizard.mapping_step.table, Qt.Key.Key_Return)
    assert wizard.step == CHECK
    assert QApplication.focusWidget() is wizard.check_step.table


def test_enter_on_the_check_step_does_not_start_the_import(wizard, tmp_path: Path, qtbot):
    wizard.open_file(tmp_path / "会员.xlsx")
    for _step in (SHEET, HEADER, MAPPING):
        wizard.next_button.click()
    assert wizard.step == CHECK and wizard.next_button.isEnabled()
    qtbot.keyClick(wizard.check_step.table, Qt.Key.Key_Return)
    assert wizard.step == CHECK and wizard.service.runs == 0


def test_the_error_workbook_says_which_column_each_reason_is_about(
        shop, qtbot, tmp_path: Path, monkeypatch, qapp):
    """Two columns can lose digits in Excel; the saved workbook names the one that did, and
    in 简体中文 its sheet is not called "Errors"."""
    i18n.install_translators(qapp, i18n.CHINESE)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["姓名", "手机号", "身份证号", "生日"])
    sheet.append(["关羽", "1.38123E+10", "4.40106E+17", "2024/13/01"])
    sheet.append(["诸葛亮", "13912345678", "4.40106E+17", None])
    sheet.append(["赵云", "13812340000", None, "1990-03-07"])
    path = tmp_path / "有问题的表.xlsx"
    book.save(path)
    wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    for expected in (HEADER, MAPPING, CHECK):
        wizard.next_button.click()
        assert wizard.step == expected, wizard.error.text()
    out = tmp_path / "errors.xlsx"
    suggested: list[str] = []
    monkeypatch.setattr(import_texts, "choose_save_path",
                        lambda _p, _c, name, _f: suggested.append(name) or out)
    wizard.check_step.save_button.click()
    assert suggested == ["有问题的表-错误行.xlsx"]
    saved = openpyxl.load_workbook(out)
    assert saved.sheetnames == ["有错误的行"]
    rows = list(saved.active.iter_rows(values_only=True))
    assert rows[0][-1] == "问题"
    # In the reason column, also for a row whose last cell (the birthday) is empty.
    reasons = [row[4] for row in rows[1:]]
    assert reasons[0].startswith("手机号：Excel 已将这个数字四舍五入")
    assert "重新导出。身份证号：Excel" in reasons[0]  # not "。；"
    # The impossible date is a warning, after the errors: the whole row is fixed at once.
    assert reasons[0].endswith("重新导出。提醒：生日：日历上没有这一天，请检查月和日。")
    assert reasons[1].startswith("身份证号：Excel 已将这个数字四舍五入")
    assert len(reasons) == 2


def test_the_row_clicked_shows_its_whole_reason_under_the_table(qtbot):
    """At 1024 pixels the reason column cuts long reasons off ("…"); the row clicked shows
    all of it below the table."""
    check = CheckStep()
    qtbot.addWidget(check)
    check.resize(800, 500)
    check.show()
    issues = (RowIssue(3, "phone", EXCEL_ROUNDED), RowIssue(3, "id_number", EXCEL_ROUNDED))
    rows = [RowOutcome(2, RowAction.CREATE, "刘*"), RowOutcome(3, RowAction.ERROR, "关*", issues)]
    check.set_report(DryRunReport(ImportCounts(created=1, rejected=1), rows),
                     {"phone": "Phone", "id_number": "Resident ID"})
    assert check.detail.text() == "Click a row to read all of its reason here."
    check.table.selectRow(1)
    assert check.detail.text() == "Row 3: " + check.model.index(1, REASONS).data()
    assert check.detail.text().endswith("Resident ID: " + EXCEL_ROUNDED)
    check.table.selectRow(0)
    assert check.detail.text() == (
        "Row 2: Not in the shop yet: a new record is added.")
    check.chips[RowAction.ERROR].click()  # the filter resets the rows: no stale reason
    assert check.detail.text() == "Click a row to read all of its reason here."


def test_mapping_samples_show_order_numbers_without_the_exports_wrapping():
    """千牛 writes ="3712…" so Excel keeps the digits; the owner should see the number."""
    rows = [['="3755537487144003251"', "'13800000100"], ["\t3712345678901234568", "138"],
            ["=SUM(A1:A2)", "'"]]
    assert sample_values(rows, 0) == (
        "3755537487144003251  |  3712345678901234568  |  =SUM(A1:A2)")
    assert sample_values(rows, 1) == "13800000100  |  138"


def test_the_mapping_says_what_the_star_means_before_anything_is_wrong(qtbot, language):
    """★ was explained only once no identifier was mapped; the owner sees it from the start."""
    wizard = ImportWizard(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    hint = wizard.mapping_step.hint.text()
    assert "★" in hint
    assert ("tell customers apart" if language == i18n.ENGLISH else "区分不同的客户") in hint


def test_back_to_the_mapping_is_offered_when_there_is_something_to_fix(qtbot):
    check = CheckStep()
    qtbot.addWidget(check)
    check.show()
    clean = DryRunReport(ImportCounts(created=1), [RowOutcome(2, RowAction.CREATE, "张*")])
    check.set_report(clean, {})
    assert not check.fix_button.isVisible()  # "Back" below does the same
    check.set_report(nothing_new_report(errors=1), {})
    assert check.fix_button.isVisible()


def test_stopping_the_check_says_what_happened(qtbot, tmp_path: Path):
    """"Stop" during "Checking every row…" used to leave the mapping step without a word."""
    runner = SynchronousTaskRunner(deferred=True)
    service = FakeImportService()
    wizard = ImportWizard(service, OWNER, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(tmp_path / "会员.xlsx")
    for _step in (SHEET, HEADER):
        runner.run_pending()
        wizard.next_button.click()
    runner.run_pending()
    wizard.next_button.click()  # check the rows
    wizard.stop_button.click()
    runner.run_pending()
    assert wizard.step == MAPPING and not wizard.busy and "dry_run" not in service.calls
    assert wizard.notice.isVisible()
    assert wizard.notice.text() == (
        "Checking stopped. Nothing was imported; click \"Check the rows\" to check them "
        "again.")


@pytest.mark.parametrize(("codec", "shown"), [
    ("utf-8-sig", "UTF-8"), ("gb18030", "GBK/GB18030"), ("utf-16-le", "UTF-16"),
    ("big5", "BIG5"), ("UTF_8", "UTF-8")])
def test_the_encoding_is_named_as_save_dialogs_name_it(codec, shown):
    assert import_texts.kind_text("csv", codec) == f"CSV text file, encoding {shown}"


def test_an_empty_sheet_is_said_to_be_empty_on_the_sheet_step(shop, qtbot, tmp_path: Path):
    """A CSV holding only a byte-order mark led on to an empty header table and a mapping
    asking to "choose a field for at least one column" when there was none."""
    path = tmp_path / "名单.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(path)
    assert wizard.step == SHEET
    assert wizard.sheet_step.kind_label.text() == "CSV text file, encoding UTF-8"
    wizard.next_button.click()
    assert wizard.step == SHEET
    assert wizard.error.isVisible()
    assert wizard.error.text() == (
        "The sheet 名单 is empty: there is nothing in it to import. Choose another sheet or "
        "another file.")


def test_a_greyed_out_undo_button_says_why(qtbot):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    undone = batch(ImportCounts(customers_created=1), undone="2026-11-29T11:00:00Z")
    history.model.set_batches([batch(ImportCounts(customers_created=2)), undone])
    assert not history.undo_button.isEnabled()
    assert history.undo_button.toolTip() == "Click an import in the list first."
    history.table.selectRow(1)
    assert history.undo_button.toolTip() == "This import has been undone already."
    history.table.selectRow(0)
    assert history.undo_button.isEnabled() and history.undo_button.toolTip() == ""
